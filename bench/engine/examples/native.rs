//! Native timing of the same corpus and queries as the browser benchmark
//! (a quick check while developing; the reported numbers come from the
//! browser run). Usage: cargo run --release --example native -- CORPUS.json QUERIES.json

use std::time::Instant;

use borderlines_core::Corpus;
use borderlines_search::{Query, SearchIndex, SearchOptions};
use borderlines_search_bench::document;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let corpus: serde_json::Value = serde_json::from_slice(&std::fs::read(&args[1]).expect("corpus")).expect("json");
    let queries: serde_json::Value = serde_json::from_slice(&std::fs::read(&args[2]).expect("queries")).expect("json");
    let docs = corpus.as_array().expect("array");
    let corpus = Corpus {
        documents: docs
            .iter()
            .map(|d| document(d["id"].as_str().unwrap_or(""), d["title"].as_str().unwrap_or(""), d["body"].as_str().unwrap_or("")))
            .collect(),
    };
    let t = Instant::now();
    let index = SearchIndex::build(&corpus);
    println!("build: {:?} ({} docs, {} words, {} terms)", t.elapsed(), corpus.documents.len(), corpus.word_count(), index.term_count());
    let bytes = index.to_bytes();
    let t = Instant::now();
    let index = SearchIndex::from_bytes(&bytes).expect("load");
    println!("load: {:?} ({} bytes)", t.elapsed(), bytes.len());
    let opts = SearchOptions::default();
    let mut all = Vec::new();
    let mut by_kind: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
    for q in queries.as_array().expect("array") {
        let text = q["q"].as_str().unwrap_or("");
        let query = Query::parse(text);
        let mut best = f64::MAX;
        let mut total = 0;
        for _ in 0..3 {
            let t = Instant::now();
            let r = index.search(&corpus, &query, &opts);
            best = best.min(t.elapsed().as_secs_f64() * 1000.0);
            total = r.total;
        }
        if best > 2.0 {
            println!("slow: {text:?} {best:.2} ms, {total} hits");
        }
        all.push(best);
        by_kind.entry(q["kind"].as_str().unwrap_or("?").to_owned()).or_default().push(best);
    }
    let pct = |v: &mut Vec<f64>, p: f64| {
        v.sort_by(f64::total_cmp);
        v[((v.len() as f64 - 1.0) * p).round() as usize]
    };
    println!("all: median {:.3} ms, p95 {:.3} ms", pct(&mut all, 0.5), pct(&mut all, 0.95));
    for (k, mut v) in by_kind {
        println!("{k}: median {:.3} ms, p95 {:.3} ms", pct(&mut v, 0.5), pct(&mut v, 0.95));
    }
}
