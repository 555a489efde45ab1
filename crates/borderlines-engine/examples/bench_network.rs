//! Times the entity network natively on a large corpus: building the
//! per-paragraph entity table (once per engine), counting the network of a
//! selection, and the force layout for 60, 150 and 300 nodes. The page does
//! the same work in wasm (see bench/ui for the figures in Chromium).
//!
//! `cargo run --release -p borderlines-engine --example bench_network -- ~/.cache/borderlines/bench/corpus.json`

mod common;
use common::*;
use std::time::Instant;

use borderlines_engine::collectors::network::{network, NetworkOptions};

fn main() {
    let engine = bench_engine();
    let t = Instant::now();
    let _ = engine.entity_blocks();
    println!("entity blocks (once per engine): {:.1} ms", ms(t));
    println!(
        "| query | docs | top | nodes | edges (min weight) | network ms | layout ms | iterations |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for q in ["", "border", "president", "country:\"United States\""] {
        let s = engine.select(q, 10);
        for top in [60usize, 150, 300] {
            let options = NetworkOptions {
                top,
                min_weight: None,
            };
            let (mut net_ms, mut lay_ms) = (f64::MAX, f64::MAX);
            let mut shown = None;
            for _ in 0..3 {
                let t = Instant::now();
                let net = network(&engine, &s, &options);
                net_ms = net_ms.min(ms(t));
                let t = Instant::now();
                let graph = borderlines_engine::layout::force::Graph {
                    radii: net.nodes.iter().map(|n| n.radius).collect(),
                    edges: net
                        .edges
                        .iter()
                        .map(|e| (e.a, e.b, e.weight as f32))
                        .collect(),
                    pins: Vec::new(),
                };
                let l = borderlines_engine::layout::force::layout(
                    &graph,
                    borderlines_engine::collectors::network::FRAME,
                    &Default::default(),
                );
                lay_ms = lay_ms.min(ms(t));
                shown = Some((
                    net.nodes.len(),
                    net.edges.len(),
                    net.min_weight,
                    l.iterations,
                ));
            }
            let (n, e, w, it) = shown.unwrap_or_default();
            println!(
                "| `{q}` | {} | {top} | {n} | {e} ({w}) | {net_ms:.1} | {lay_ms:.1} | {it} |",
                s.docs().len()
            );
        }
    }
}
