//! Facet counts and facet filters on the real seeds (`seeds/*.txt`).

mod common;
use common::seeds_engine as seeds;

use borderlines_engine::collectors::facet_counts::{facet_counts, Chosen, FacetPanel};
use borderlines_engine::facets::FacetKind;
use borderlines_engine::filters::{toggle, Filter};
use borderlines_engine::Engine;

fn count(e: &Engine, panels: &[FacetPanel], kind: FacetKind, label: &str) -> Option<(u32, Chosen)> {
    panels
        .iter()
        .find(|p| p.kind == kind)?
        .values
        .iter()
        .find(|v| e.facets().label(v.id) == label)
        .map(|v| (v.count, v.chosen))
}

#[test]
fn whole_corpus_counts_match_what_the_articles_name() {
    let e = seeds();
    let p = facet_counts(&e, &e.select("", 20));
    assert_eq!(
        count(&e, &p, FacetKind::Person, "Kim Jong Un"),
        Some((2, Chosen::No))
    );
    assert_eq!(
        count(&e, &p, FacetKind::Country, "North Korea"),
        Some((3, Chosen::No))
    );
    assert_eq!(
        count(&e, &p, FacetKind::Country, "Russia"),
        Some((2, Chosen::No))
    );
    assert_eq!(count(&e, &p, FacetKind::Year, "2019").map(|c| c.0), Some(2));
    assert_eq!(
        count(&e, &p, FacetKind::Language, "en").map(|c| c.0),
        Some(3)
    );
    assert!(count(&e, &p, FacetKind::Theme, "Border fortification").is_some());
    // Every panel is sorted by count, highest first.
    for panel in &p {
        assert!(
            panel.values.windows(2).all(|w| w[0].count >= w[1].count),
            "{:?}",
            panel.kind
        );
    }
}

#[test]
fn clicking_kim_then_ukraine_narrows_like_the_page_does() {
    let e = seeds();
    let q = toggle("", &Filter::include(FacetKind::Person, "Kim Jong Un"));
    let s = e.select(&q, 20);
    assert_eq!(s.docs().len(), 2);
    let p = facet_counts(&e, &s);
    assert_eq!(
        count(&e, &p, FacetKind::Person, "Kim Jong Un"),
        Some((2, Chosen::Included))
    );
    assert_eq!(
        count(&e, &p, FacetKind::Country, "North Korea").map(|c| c.0),
        Some(2)
    );
    let q = toggle(&q, &Filter::include(FacetKind::Country, "Ukraine"));
    assert_eq!(e.select(&q, 20).docs().len(), 1);
    let q = toggle(&q, &Filter::exclude(FacetKind::Country, "Ukraine"));
    assert_eq!(q, "person:\"Kim Jong Un\" -country:Ukraine");
    assert_eq!(e.select(&q, 20).docs().len(), 1);
}
