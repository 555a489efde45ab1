//! Field filters answered by the [`FacetIndex`], so the query language
//! reaches beyond the text: `person:kim`, `place:tumen`, `org:treasury`,
//! `country:"south korea"`, `group:defectors`, `theme:smuggling`,
//! `source:"daily nk"`, `dateline:seoul`, `year:2019`, `lang:en`, and `entity:pyongyang`
//! (any kind of entity). The lookup runs over distinct values, never over
//! every document's entities.
//!
//! `date:` (a brushed range of the timeline) is answered from the
//! per-document date table ([`crate::doc_dates`]): a document matches when
//! its publication date or a date it mentions overlaps the value's span
//! (`date:2019`, `date:2020-03`, `date:2019..2020`, `date:1990s`; see
//! [`crate::time_bins`]). A value that is not a date matches nothing.
//! Several `date:` clauses ORed are several brushed ranges.

use borderlines_search::FieldResolver;

use crate::doc_dates::DocDates;
use crate::facets::{FacetIndex, FacetKind};
use crate::time_bins::parse_date_value;

/// Where the `date:` field finds each document's dates (the engine builds
/// its table on first use).
pub trait DatedDocs {
    fn doc_dates(&self) -> &DocDates;
}

/// Answers metadata field filters from a corpus' facet values (and its
/// dates, when given).
pub struct FacetFields<'a> {
    pub facets: &'a FacetIndex,
    /// Dates for `date:`; without them `date:` is searched as text.
    pub dates: Option<&'a dyn DatedDocs>,
}

impl FieldResolver for FacetFields<'_> {
    fn docs(&self, name: &str, value: &str) -> Option<Vec<u32>> {
        if FacetKind::from_field(name) == Some(FacetKind::Date) {
            let dates = self.dates?.doc_dates();
            return Some(
                parse_date_value(value).map_or_else(Vec::new, |span| dates.docs_overlapping(&span)),
            );
        }
        if name.eq_ignore_ascii_case("entity") {
            let entity_kinds = [
                FacetKind::Person,
                FacetKind::Organisation,
                FacetKind::Country,
                FacetKind::Place,
                FacetKind::Group,
            ];
            let values: Vec<u32> = entity_kinds
                .iter()
                .flat_map(|&k| self.facets.resolve(k, value))
                .collect();
            return Some(self.facets.docs_of(&values));
        }
        let kind = FacetKind::from_field(name)?;
        Some(self.facets.docs_of(&self.facets.resolve(kind, value)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facets::tests::small;

    #[test]
    fn known_fields_resolve_and_unknown_ones_fall_back_to_text() {
        let f = small();
        let r = FacetFields {
            facets: &f,
            dates: None,
        };
        assert_eq!(r.docs("person", "kim"), Some(vec![0]));
        assert_eq!(r.docs("entity", "yalu"), Some(vec![1]));
        assert_eq!(r.docs("Country", "china"), Some(vec![1]));
        assert_eq!(r.docs("colour", "red"), None);
        assert_eq!(r.docs("date", "2019"), None, "no dates given: text");
    }

    #[test]
    fn date_clauses_overlap_publication_and_mentions_and_or_together() {
        let e = crate::Engine::from_texts([
            (
                "a",
                "Walls
In 2019 guards came. Fences rose in March 2020.",
            ),
            (
                "b",
                "Mines
Mines were laid since 2021. Nothing moved in 2022.",
            ),
            (
                "c",
                "Quiet
Nothing dated here.",
            ),
        ])
        .unwrap();
        let docs = |q: &str| e.select(q, 10).docs().to_vec();
        assert_eq!(docs("date:2019"), vec![0]);
        assert_eq!(docs("date:2020-03"), vec![0]);
        assert_eq!(docs("date:2020-04"), Vec::<u32>::new());
        assert_eq!(docs("date:2020-03..2020-06"), vec![0]);
        assert_eq!(docs("date:2019..2021"), vec![0, 1]);
        assert_eq!(docs("date:2022"), vec![1], "\"since 2021\" reaches 2022");
        assert_eq!(docs("date:2019 OR date:2022"), vec![0, 1]);
        assert_eq!(docs("(date:2019 OR date:2022) mines"), vec![1]);
        assert_eq!(docs("-date:2019"), vec![1, 2]);
        assert_eq!(docs("date:nonsense"), Vec::<u32>::new());
        assert_eq!(docs("date:2010s"), vec![0]);
    }
}
