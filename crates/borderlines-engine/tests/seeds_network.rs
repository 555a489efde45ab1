//! The entity network on the real seeds (`seeds/*.txt`): co-occurrence
//! counts checked by hand against the articles, thresholds, and a layout
//! that repeats and keeps pins.

mod common;
use common::seeds_engine as seeds;

use borderlines_engine::collectors::network::{network, Network, NetworkOptions};

fn weight(net: &Network, a: &str, b: &str) -> u32 {
    let (a, b) = (net.find(a).expect(a), net.find(b).expect(b));
    net.weight(a, b)
}

const ALL_EDGES: NetworkOptions = NetworkOptions {
    top: 300,
    min_weight: Some(1),
};

/// Counted by reading the articles, paragraph by paragraph:
/// - Kim Jong Un is named in four paragraphs (three in 000_…: "led by Kim
///   Jong Un", "Kim Jong Un ordered officials", "Kim Jong Un's efforts";
///   one in 004_…: "hinted at by Kim Jong Un"), each also naming North Korea.
/// - Ukraine is named in two paragraphs of 004_… ("support Russia in its war
///   with Ukraine", "providing Ukraine with weapons"), both naming South
///   Korea; only the first names Russia.
#[test]
fn co_occurrence_counts_match_the_articles() {
    let e = seeds();
    let net = network(&e, &e.select("", 10), &ALL_EDGES);
    assert_eq!(weight(&net, "person:Kim Jong Un", "country:North Korea"), 4);
    assert_eq!(weight(&net, "country:Ukraine", "country:South Korea"), 2);
    assert_eq!(weight(&net, "country:Ukraine", "country:Russia"), 1);
    assert_eq!(weight(&net, "country:Ukraine", "person:Kim Jong Un"), 0);
    let kim = &net.nodes[net.find("person:Kim Jong Un").unwrap()];
    assert_eq!((kim.mentions, kim.docs), (4, 2));
    assert_eq!(
        net.nodes[0].label, "North Korea",
        "the most mentioned comes first"
    );
    // Filtering on Ukraine leaves one article: its two paragraphs.
    let s = e.select("country:Ukraine", 10);
    let net = network(&e, &s, &ALL_EDGES);
    assert_eq!(weight(&net, "country:Ukraine", "country:South Korea"), 2);
    assert!(net.nodes[net.find("country:Ukraine").unwrap()].chosen);
    assert!(net.highlighted()[net.find("country:Russia").unwrap()]);
}

#[test]
fn thresholds_keep_the_top_entities_and_heavy_edges() {
    let e = seeds();
    let s = e.select("", 10);
    let net = network(
        &e,
        &s,
        &NetworkOptions {
            top: 5,
            min_weight: Some(3),
        },
    );
    assert_eq!(net.nodes.len(), 5);
    assert!(net.edges.iter().all(|x| x.weight >= 3));
    assert!(net.hidden_edges > 0);
    assert_eq!(
        weight(&net, "country:North Korea", "country:South Korea"),
        8
    );
    // By default the seeds show every edge (few enough to read).
    let net = network(&e, &s, &NetworkOptions::default());
    assert_eq!(net.min_weight, 1);
    assert!(net.min_weight_auto);
}

#[test]
fn the_layout_repeats_and_keeps_pins() {
    let e = seeds();
    let net = network(&e, &e.select("", 10), &NetworkOptions::default());
    let a = net.lay_out(&[]);
    let again = network(&e, &e.select("", 10), &NetworkOptions::default()).lay_out(&[]);
    assert_eq!(a, again, "the same selection gives the same picture");
    let pins = [("country:Russia".to_owned(), 900.0, 100.0)];
    let p = net.lay_out(&pins);
    assert_eq!(p[net.find("country:Russia").unwrap()], (900.0, 100.0));
    assert_eq!(p, net.lay_out(&pins));
}
