//! What the timing examples share: the bench corpus (`bench/corpus.sh`
//! writes `corpus.json`: an array of `{id, title, body}`) parsed and built
//! into an engine, with the time that took.

use std::sync::Arc;
use std::time::Instant;

use borderlines_core::{parse_document, Corpus};
use borderlines_engine::Engine;

#[derive(serde::Deserialize)]
struct Doc {
    id: String,
    title: String,
    body: String,
}

/// Milliseconds since `t`.
#[allow(dead_code)] // not every example prints its own timings
pub fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

/// The engine over the corpus at the path given as the first argument;
/// prints how many documents were built and how long it took.
pub fn bench_engine() -> Engine {
    let path = std::env::args().nth(1).expect("path to corpus.json");
    let docs: Vec<Doc> = serde_json::from_slice(&std::fs::read(path).expect("read")).expect("json");
    let t = Instant::now();
    let documents = docs
        .iter()
        .filter_map(|d| parse_document(&d.id, &format!("{}\n\n{}", d.title, d.body)).ok())
        .collect();
    let engine = Engine::build(Arc::new(Corpus { documents }));
    println!(
        "built {} documents in {:?}",
        engine.corpus().documents.len(),
        t.elapsed()
    );
    engine
}
