//! Times the map on a large corpus, natively: building the per-document
//! map tables once, then counting and laying out the map per selection
//! (what a filter change asks of the engine while the map is open).
//!
//! `cargo run --release -p borderlines-engine --example bench_map -- ~/.cache/borderlines/bench/corpus.json`

mod common;
use common::*;
use std::time::Instant;

use borderlines_engine::collectors::places::map_counts;
use borderlines_engine::geo::map_svg::map_svg;
use borderlines_engine::geo::picture::picture;

fn main() {
    let engine = bench_engine();
    let t = Instant::now();
    let mut n = 0;
    for (d, ins) in engine.all_insights().documents.iter().enumerate() {
        n += borderlines_engine::geo::border_talk::border_passages(
            &engine.corpus().documents[d],
            ins,
        )
        .len();
    }
    println!(
        "border sentences: {n} in {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let index = engine.map_index();
    println!(
        "map index of {} documents ({} places) built in {:.1} ms",
        engine.corpus().documents.len(),
        index.places().len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "| query | matches | select ms | map counts ms | layout ms | places | markers | borders |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for q in [
        "",
        "border",
        "defectors",
        "country:China",
        "tumen OR yalu",
        "place:Seoul",
        "whale",
    ] {
        let mut best = (f64::MAX, f64::MAX, f64::MAX);
        let mut shown = (0, 0, 0, 0);
        for _ in 0..5 {
            let t = Instant::now();
            let s = engine.select(q, 10);
            let sel = t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            let c = map_counts(&engine, &s);
            let cnt = t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            let p = picture(index, &c, c.frame, 900.0, 640.0, false);
            let lay = t.elapsed().as_secs_f64() * 1e3;
            best = (best.0.min(sel), best.1.min(cnt), best.2.min(lay));
            shown = (
                s.docs().len(),
                c.places.len(),
                p.markers.len(),
                c.borders.len(),
            );
        }
        println!(
            "| `{q}` | {} | {:.2} | {:.2} | {:.2} | {} | {} | {} |",
            shown.0, best.0, best.1, best.2, shown.1, shown.2, shown.3
        );
    }
    let s = engine.select("", 10);
    let c = map_counts(&engine, &s);
    let t = Instant::now();
    let svg = map_svg(
        index,
        &c,
        &picture(index, &c, c.frame, 900.0, 900.0, false),
        false,
    );
    println!(
        "SVG export: {} bytes in {:.1} ms",
        svg.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
}
