//! Times opening an engine snapshot, part by part: what the page does on
//! the main thread when the loading worker hands back a corpus.
//!
//! `cargo run --release -p borderlines-engine --example snapshot_open -- ~/.cache/borderlines/bench/corpus.json`
//!
//! `STEPS=1` prints every step's time; `FACETS_DIGEST=1` a digest of the
//! facet index (equal digests before and after a change to the builder:
//! the same index); `FACETS_LOOP=N` builds the facets N more times, for a
//! profiler.

mod common;

use std::time::Instant;

use borderlines_core::CorpusBundle;
use borderlines_engine::facets::FacetIndex;
use borderlines_engine::snapshot::SnapshotOpener;
use borderlines_engine::Engine;
use borderlines_extract::CorpusInsights;
use borderlines_search::SearchIndex;
use common::{bench_engine, ms};

fn main() {
    let engine = bench_engine();
    let bytes = engine.to_snapshot().expect("snapshot");
    let corpus = CorpusBundle::new((**engine.corpus()).clone())
        .to_bytes()
        .expect("corpus");
    let index = engine.index().to_bytes();
    let insights = CorpusInsights::build(engine.corpus())
        .to_bytes()
        .expect("insights");
    println!(
        "snapshot {} bytes: corpus {}, index {}, insights {}",
        bytes.len(),
        corpus.len(),
        index.len(),
        insights.len()
    );
    for _ in 0..3 {
        let t = Instant::now();
        let _ = CorpusBundle::from_bytes(&corpus).expect("corpus");
        let t_corpus = ms(t);
        let t = Instant::now();
        let _ = SearchIndex::from_bytes(&index).expect("index");
        let t_index = ms(t);
        let t = Instant::now();
        let ins = CorpusInsights::from_bytes(&insights).expect("insights");
        let t_insights = ms(t);
        let t = Instant::now();
        let facets = FacetIndex::build(&ins);
        let t_facets = ms(t);
        for _ in 0..std::env::var("FACETS_LOOP")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
        {
            std::hint::black_box(FacetIndex::build(&ins));
        }
        if std::env::var_os("FACETS_DIGEST").is_some() {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            format!("{facets:?}").hash(&mut h);
            println!("facets digest {:x}", h.finish());
        }
        let t = Instant::now();
        let _ = Engine::from_snapshot(&bytes).expect("open");
        let t_all = ms(t);
        // The page's way: one step per slice; the longest step bounds a task.
        let mut opener = SnapshotOpener::new(bytes.as_slice()).expect("header");
        let (mut longest, mut which) = (0.0f64, 0);
        loop {
            let t = Instant::now();
            let step = opener.progress().0;
            let opened = opener.step().expect("step");
            if std::env::var_os("STEPS").is_some() {
                println!("  step {step}: {:.1} ms", ms(t));
            }
            if ms(t) > longest {
                (longest, which) = (ms(t), step);
            }
            if opened.is_some() {
                break; // dropped after the timing: the page keeps it
            }
        }
        println!(
            "{} steps, longest {longest:.1} ms (step {which})",
            opener.progress().1
        );
        println!(
            "corpus {t_corpus:.1} ms, index {t_index:.1} ms, insights {t_insights:.1} ms, facets {t_facets:.1} ms; from_snapshot {t_all:.1} ms"
        );
    }
}
