//! Times the timeline on a large corpus, natively: the per-document date
//! table (built once per engine), the collector after a filter change, the
//! passages behind a bar, the chart geometry and the SVG export. The page
//! does the same work in wasm, plus rendering (see bench/ui).
//!
//! `cargo run --release -p borderlines-engine --example bench_timeline -- ~/.cache/borderlines/bench/corpus.json`

mod common;
use common::*;
use std::time::Instant;

use borderlines_engine::collectors::timeline::{passages_behind, timeline, TimelineOptions};
use borderlines_engine::timeline_chart::{layout, to_svg};

fn main() {
    let engine = bench_engine();
    let t = Instant::now();
    let dates = engine.doc_dates();
    let items: usize = (0..dates.len() as u32).map(|d| dates.of(d).len()).sum();
    println!(
        "date table: {items} dated items in {:.1} ms (once per engine)",
        ms(t)
    );
    println!("| query | matches | select ms | timeline ms | bins | unit | passages(bar) ms | layout+svg ms |");
    println!("|---|---:|---:|---:|---:|---|---:|---:|");
    for q in [
        "",
        "border",
        "defectors",
        "president",
        "date:2019",
        "date:2015..2020 OR date:2022",
        "tax date:2020-03..2020-06",
        "country:\"United States\"",
    ] {
        let (mut sel, mut tl, mut pa, mut sv) = (f64::MAX, f64::MAX, f64::MAX, f64::MAX);
        let mut summary = (0, 0, String::new());
        for _ in 0..5 {
            let t = Instant::now();
            let s = engine.select(q, 10);
            sel = sel.min(ms(t));
            let t = Instant::now();
            let tline = timeline(&engine, &s, &TimelineOptions::default());
            tl = tl.min(ms(t));
            let bar = tline
                .bins
                .iter()
                .max_by_key(|b| b.documents)
                .map(|b| b.key.clone())
                .unwrap_or_else(|| "2020".into());
            let t = Instant::now();
            std::hint::black_box(passages_behind(&engine, &s, &bar));
            pa = pa.min(ms(t));
            let t = Instant::now();
            std::hint::black_box(layout(&tline, 760.0, 270.0));
            std::hint::black_box(to_svg(&tline, "t"));
            sv = sv.min(ms(t));
            summary = (
                s.docs().len(),
                tline.bins.len(),
                tline.unit.name().to_owned(),
            );
        }
        println!(
            "| `{q}` | {} | {sel:.2} | {tl:.2} | {} | {} | {pa:.2} | {sv:.2} |",
            summary.0, summary.1, summary.2
        );
    }
}
