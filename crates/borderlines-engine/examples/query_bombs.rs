//! Times hostile queries natively (the "query bombs" of the trust issue):
//! hundreds of one-letter prefixes, long OR chains of prefixes, many fuzzy
//! terms, a query of 10,000 terms. On the seeds by default, or on the bench
//! corpus when its path is given.
//!
//! `cargo run --release -p borderlines-engine --example query_bombs [-- ~/.cache/borderlines/bench/corpus.json]`

mod common;

use std::sync::Arc;
use std::time::Instant;

use borderlines_engine::Engine;

fn main() {
    let engine = if std::env::args().nth(1).is_some() {
        common::bench_engine()
    } else {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let (corpus, _) = borderlines_core::load::read_text_dir(&dir).expect("seeds");
        Engine::build(Arc::new(corpus))
    };
    let bombs = [
        ("300 × d*", vec!["d*"; 300].join(" ")),
        ("150 × w1* OR", vec!["w1*"; 150].join(" OR ")),
        ("90 × defecters~", vec!["defecters~"; 90].join(" ")),
        (
            "10,000 terms",
            (0..10_000)
                .map(|i| format!("t{i}"))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        (
            "200 × a* OR b*",
            (0..200)
                .map(|i| format!("{}*", (b'a' + (i % 26) as u8) as char))
                .collect::<Vec<_>>()
                .join(" OR "),
        ),
    ];
    for (name, q) in bombs {
        let t = Instant::now();
        let s = engine.select(&q, 10);
        println!(
            "{name:>18}: {:8.1} ms, {} matching, query run {} chars",
            t.elapsed().as_secs_f64() * 1e3,
            s.docs().len(),
            s.results.query.to_string().len()
        );
    }
}
