//! Times what one keystroke asks of the engine on a large corpus: the
//! selection (search with every match) and the facet counts, natively.
//! The page does the same work in wasm, plus rendering (see bench/ui).
//!
//! `cargo run --release -p borderlines-engine --example bench_selection -- ~/.cache/borderlines/bench/corpus.json`

mod common;
use common::*;
use std::time::Instant;

use borderlines_engine::collectors::facet_counts::facet_counts;

fn main() {
    let engine = bench_engine();
    println!("facet values: {}", engine.facets().value_count());
    println!("| query | matches | select ms | facet counts ms |");
    println!("|---|---:|---:|---:|");
    for q in [
        "d",
        "de",
        "defe",
        "bord",
        "presi",
        "president",
        "economic",
        "t",
        "tax",
        "whale",
        "border fence",
        "",
        "country:\"United States\"",
    ] {
        let runs = 5;
        let mut sel_ms = f64::MAX;
        let mut fac_ms = f64::MAX;
        let mut n = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let s = engine.select(q, 25);
            sel_ms = sel_ms.min(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            let p = facet_counts(&engine, &s);
            fac_ms = fac_ms.min(t.elapsed().as_secs_f64() * 1e3);
            n = s.docs().len();
            std::hint::black_box(p);
        }
        println!("| `{q}` | {n} | {sel_ms:.2} | {fac_ms:.2} |");
    }
}
