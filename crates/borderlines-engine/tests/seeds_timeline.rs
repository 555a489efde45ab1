//! The timeline on the real seeds: no document states when it was
//! published, the texts mention the 1990s, 2019 and 2020, and the defector
//! figures collapse from 1,047 (2019) to 67 (2020).

mod common;
use common::seeds_engine as seeds;

use borderlines_engine::collectors::timeline::{timeline, PassageKind, TimelineOptions};
use borderlines_engine::facets::FacetKind;
use borderlines_engine::filters::{filters, toggle, Filter};
use borderlines_engine::time_bins::Unit;

#[test]
fn the_seeds_show_mentioned_years_and_say_publication_is_unknown() {
    let e = seeds();
    let t = timeline(&e, &e.select("", 10), &TimelineOptions::default());
    assert_eq!(t.unit, Unit::Year);
    assert_eq!(t.stated_docs, 0);
    assert!(
        t.publication_note()
            .starts_with("Publication dates are unknown"),
        "{}",
        t.publication_note()
    );
    for year in ["2019", "2020"] {
        let b = t.bin(year).unwrap();
        assert!(b.mentioned_within >= 1, "{year}: {b:?}");
    }
    // The years the texts are about, with a year of context each side.
    let keys: Vec<&str> = t.bins.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(keys, ["2018", "2019", "2020", "2021"]);
    // "since the 1990s famine" reaches from 1990 to the article's latest
    // year: it is counted where it overlaps, and reported.
    assert_eq!(t.beyond_docs, 1);
    let b2018 = t.bin("2018").unwrap();
    assert_eq!((b2018.mentioned, b2018.mentioned_within), (1, 0));
    assert_eq!(t.bin("2021").unwrap().documents, 0);
    let b2019 = t.bin("2019").unwrap();
    assert!(b2019.mentioned > b2018.mentioned);
    // The whole span on request.
    let all = timeline(
        &e,
        &e.select("", 10),
        &TimelineOptions {
            full_span: true,
            ..Default::default()
        },
    );
    assert_eq!(all.bins.first().unwrap().key, "1990");
    assert_eq!(all.bin("1995").unwrap().mentioned_wider(), 1);
    assert_eq!(all.beyond_docs, 0);
}

#[test]
fn the_defector_series_shows_the_collapse() {
    let e = seeds();
    let t = timeline(&e, &e.select("", 10), &TimelineOptions::default());
    let s = t.series.as_ref().expect("a series");
    assert_eq!(s.measure, "defector");
    let v = |k: &str| s.points.iter().find(|p| p.key == k).map(|p| p.value);
    assert_eq!(v("2019"), Some(1047.0));
    assert_eq!(v("2020"), Some(67.0));
    assert!(t.series_choices.iter().any(|c| c.measure == "defector"));
    let csv = t.to_csv();
    assert!(
        csv.contains("series,2019,2019-01-01,2019-12-31,") && csv.contains(",defector,,1047,"),
        "{csv}"
    );
}

#[test]
fn brushing_a_year_filters_and_a_bar_lists_its_sentences() {
    let e = seeds();
    let all = e.select("", 10).docs().len();
    let q = toggle("", &Filter::include(FacetKind::Date, "2019"));
    let s = e.select(&q, 10);
    assert!(
        s.docs().len() < all && !s.docs().is_empty(),
        "{q}: {:?}",
        s.docs()
    );
    assert_eq!(filters(&q), vec![Filter::include(FacetKind::Date, "2019")]);
    // 2020 alone is one article; ORed with 2019 it is two.
    let q2020 = toggle("", &Filter::include(FacetKind::Date, "2020"));
    let n2020 = e.select(&q2020, 10).docs().len();
    let both = toggle(&q2020, &Filter::include(FacetKind::Date, "2019"));
    assert_eq!(both, "date:2020 OR date:2019");
    assert!(
        e.select(&both, 10).docs().len() > n2020,
        "ORed ranges add documents"
    );
    let t = timeline(
        &e,
        &s,
        &TimelineOptions {
            bar: Some("2019".into()),
            ..Default::default()
        },
    );
    let bar = t.bar.unwrap();
    let p = bar
        .passages
        .iter()
        .find(|p| p.kind == PassageKind::Mentioned && p.text.contains("1,047"))
        .expect("the 1,047 sentence");
    let (a, b) = p.mark.unwrap();
    assert_eq!(&p.text[a..b], "2019");
}
