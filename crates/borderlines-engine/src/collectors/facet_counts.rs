//! Facet values with their counts within the current selection. A facet
//! that the query already includes values of is counted in the selection
//! *without* those inclusions (the usual multi-select convention): its other
//! values then show how many documents choosing them would add, since
//! values of one facet are ORed.
//!
//! Counting walks the selection's documents' value ids (gathered once by
//! [`crate::facets::FacetIndex`]); it never looks at entities or strings.

use rustc_hash::FxHashSet;

use crate::facets::FacetKind;
use crate::filters::{includes_kind, without_inclusions};
use crate::{Engine, Selection};

/// How a value takes part in the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    No,
    Included,
    Excluded,
}

/// One value of a facet with its count. Its label is
/// `engine.facets().label(id)`: lists can hold tens of thousands of values
/// on a large corpus, so only the rows shown look their labels up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacetCount {
    /// The value's id in the engine's facet index.
    pub id: u32,
    /// Documents of the selection having it.
    pub count: u32,
    pub chosen: Chosen,
}

/// One facet panel: its values by count, highest first (then by label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetPanel {
    pub kind: FacetKind,
    pub values: Vec<FacetCount>,
}

/// Counts every facet's values within `selection`. Values with no document
/// in the selection are left out unless they are chosen (so a pill's value
/// can still be seen, and undone, in its panel).
pub fn facet_counts(engine: &Engine, selection: &Selection) -> Vec<FacetPanel> {
    let facets = engine.facets();
    // Values the query names, lit in their panel.
    let mut included: FxHashSet<u32> = FxHashSet::default();
    let mut excluded: FxHashSet<u32> = FxHashSet::default();
    for f in &selection.filters {
        let ids = facets.resolve(f.kind, &f.value);
        if f.excluded {
            excluded.extend(ids);
        } else {
            included.extend(ids);
        }
    }
    let mut counts = vec![0u32; facets.value_count()];
    count_into(engine, selection.docs(), &mut counts, None);
    // Facets the query includes values of are counted without those.
    for kind in FacetKind::ALL {
        if includes_kind(&selection.parsed, kind) {
            let base = engine.matching(&without_inclusions(&selection.parsed, kind));
            for &id in facets.values_of(kind) {
                counts[id as usize] = 0;
            }
            count_into(engine, &base, &mut counts, Some(kind));
        }
    }
    FacetKind::ALL
        .into_iter()
        .map(|kind| {
            let mut values: Vec<FacetCount> = facets
                .values_of(kind)
                .iter()
                .filter_map(|&id| {
                    let chosen = if included.contains(&id) {
                        Chosen::Included
                    } else if excluded.contains(&id) {
                        Chosen::Excluded
                    } else {
                        Chosen::No
                    };
                    let count = counts[id as usize];
                    (count > 0 || chosen != Chosen::No).then_some(FacetCount { id, count, chosen })
                })
                .collect();
            values.sort_unstable_by_key(|v| (std::cmp::Reverse(v.count), facets.alpha_rank(v.id)));
            FacetPanel { kind, values }
        })
        .collect()
}

/// Adds one to each value of each document (of one kind only, if given).
fn count_into(engine: &Engine, docs: &[u32], counts: &mut [u32], only: Option<FacetKind>) {
    let facets = engine.facets();
    for &d in docs {
        for &id in facets.of_document(d) {
            if let Some(kind) = only {
                if facets.value(id).map(|v| v.kind) != Some(kind) {
                    continue;
                }
            }
            if let Some(c) = counts.get_mut(id as usize) {
                *c += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        let docs = [
            "Leader Kim Jong Un ordered new fences along the Tumen River near China in 2020.",
            "Smugglers moved goods across the Yalu River into China in 2019, police in China said.",
            "Russia and China held talks in Moscow about the border in 2019.",
        ];
        let ids = ["d0", "d1", "d2"];
        Engine::from_texts(ids.into_iter().zip(docs)).unwrap()
    }

    fn panel(panels: &[FacetPanel], kind: FacetKind) -> &[FacetCount] {
        &panels.iter().find(|p| p.kind == kind).unwrap().values
    }

    fn count(e: &Engine, panels: &[FacetPanel], kind: FacetKind, label: &str) -> Option<u32> {
        panel(panels, kind)
            .iter()
            .find(|v| e.facets().label(v.id) == label)
            .map(|v| v.count)
    }

    #[test]
    fn counts_follow_the_query_and_sort_by_count() {
        let e = engine();
        let all = facet_counts(&e, &e.select("", 10));
        assert_eq!(count(&e, &all, FacetKind::Country, "China"), Some(3));
        assert_eq!(count(&e, &all, FacetKind::Country, "Russia"), Some(1));
        assert_eq!(
            e.facets().label(panel(&all, FacetKind::Country)[0].id),
            "China"
        );
        assert_eq!(count(&e, &all, FacetKind::Year, "2019"), Some(2));
        let yalu = facet_counts(&e, &e.select("yalu", 10));
        assert_eq!(count(&e, &yalu, FacetKind::Country, "China"), Some(1));
        assert_eq!(count(&e, &yalu, FacetKind::Country, "Russia"), None);
        assert_eq!(count(&e, &yalu, FacetKind::Year, "2020"), None);
    }

    #[test]
    fn a_facet_with_a_chosen_value_counts_as_if_it_were_not_chosen() {
        let e = engine();
        let s = e.select("year:2020", 10);
        assert_eq!(s.docs(), &[0]);
        let p = facet_counts(&e, &s);
        // Years are counted without year:2020, so 2019 still says 2.
        assert_eq!(count(&e, &p, FacetKind::Year, "2019"), Some(2));
        assert_eq!(
            panel(&p, FacetKind::Year)
                .iter()
                .find(|v| e.facets().label(v.id) == "2020")
                .unwrap()
                .chosen,
            Chosen::Included
        );
        // Other facets follow the filter.
        assert_eq!(count(&e, &p, FacetKind::Country, "Russia"), None);
        assert_eq!(count(&e, &p, FacetKind::Country, "China"), Some(1));
    }

    #[test]
    fn excluded_values_stay_visible_with_their_mark() {
        let e = engine();
        let p = facet_counts(&e, &e.select("-country:Russia", 10));
        let russia = panel(&p, FacetKind::Country)
            .iter()
            .find(|v| e.facets().label(v.id) == "Russia")
            .unwrap();
        assert_eq!((russia.count, russia.chosen), (0, Chosen::Excluded));
    }
}
