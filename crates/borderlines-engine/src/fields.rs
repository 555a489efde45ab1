//! Field filters answered by the [`FacetIndex`], so the query language
//! reaches beyond the text: `person:kim`, `place:tumen`, `org:treasury`,
//! `country:"south korea"`, `group:defectors`, `theme:smuggling`,
//! `source:"daily nk"`, `year:2019`, `lang:en`, and `entity:pyongyang`
//! (any kind of entity). The lookup runs over distinct values, never over
//! every document's entities.

use borderlines_search::FieldResolver;

use crate::facets::{FacetIndex, FacetKind};

/// Answers metadata field filters from a corpus' facet values.
pub struct FacetFields<'a> {
    pub facets: &'a FacetIndex,
}

impl FieldResolver for FacetFields<'_> {
    fn docs(&self, name: &str, value: &str) -> Option<Vec<u32>> {
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
        let r = FacetFields { facets: &f };
        assert_eq!(r.docs("person", "kim"), Some(vec![0]));
        assert_eq!(r.docs("entity", "yalu"), Some(vec![1]));
        assert_eq!(r.docs("Country", "china"), Some(vec![1]));
        assert_eq!(r.docs("colour", "red"), None);
    }
}
