//! Times each stage of building an engine from a folder of text files:
//! reading and parsing, the search index, extraction, the facet index (in
//! `Engine::new`) and the snapshot. Also times adding the last 10 files to
//! the rest (`Engine::extend`), against building everything again.
//!
//! `cargo run --release -p borderlines-engine --example build_stages -- DIR`

use std::sync::Arc;
use std::time::Instant;

use borderlines_core::load::read_text_dir;
use borderlines_core::Corpus;
use borderlines_engine::Engine;
use borderlines_extract::CorpusInsights;
use borderlines_search::SearchIndex;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: build_stages DIR");
        std::process::exit(2);
    };
    let t = Instant::now();
    let (corpus, _) = match read_text_dir(std::path::Path::new(&dir)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(1);
        }
    };
    let n = corpus.documents.len();
    println!("read and parse {n} documents: {:?}", t.elapsed());
    let t = Instant::now();
    let index = SearchIndex::build(&corpus);
    println!("search index: {:?}", t.elapsed());
    let t = Instant::now();
    let insights = CorpusInsights::build(&corpus);
    println!("extraction: {:?}", t.elapsed());
    let corpus = Arc::new(corpus);
    let t = Instant::now();
    let engine = Engine::new(corpus.clone(), index, insights);
    println!("facets (Engine::new): {:?}", t.elapsed());
    let t = Instant::now();
    let snapshot = engine.to_snapshot().unwrap_or_default();
    let elapsed = t.elapsed();
    // A digest of the snapshot, to check that a change left the output as it was.
    let digest = snapshot.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    println!(
        "snapshot: {elapsed:?} ({} bytes, FNV-1a {digest:016x})",
        snapshot.len()
    );
    // Opening it again a step at a time, as the page does between frames:
    // the longest steps are the page's longest tasks while it swaps corpora.
    if let Ok(mut opener) = borderlines_engine::snapshot::SnapshotOpener::new(snapshot.as_slice()) {
        let mut steps: Vec<(std::time::Duration, usize)> = Vec::new();
        let t = Instant::now();
        loop {
            let (done, _) = opener.progress();
            let s = Instant::now();
            match opener.step() {
                Ok(None) => steps.push((s.elapsed(), done)),
                Ok(Some(_)) => {
                    steps.push((s.elapsed(), done));
                    break;
                }
                Err(e) => {
                    println!("opening the snapshot failed: {e}");
                    break;
                }
            }
        }
        let total = opener.progress().1;
        steps.sort_by(|a, b| b.cmp(a));
        let longest: Vec<String> = steps
            .iter()
            .take(4)
            .map(|(d, k)| format!("step {k} of {total}: {d:?}"))
            .collect();
        println!(
            "opening step by step: {:?}; longest {}",
            t.elapsed(),
            longest.join(", ")
        );
    }
    if n > 10 {
        let (old, new) = corpus.documents.split_at(n - 10);
        let base = Engine::build(Arc::new(Corpus {
            documents: old.to_vec(),
        }));
        let t = Instant::now();
        let extended = base.extend(new.to_vec());
        println!(
            "adding 10 documents to {}: {:?} (Engine::extend)",
            n - 10,
            t.elapsed()
        );
        assert_eq!(extended.corpus().documents.len(), n);
    }
}
