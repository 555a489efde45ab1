//! What the seed tests share: the seed articles, read as the build reads
//! them (`borderlines_core::load::read_text_dir` over `seeds/`).

#![allow(dead_code)] // each test file uses part of it

use std::sync::Arc;

use borderlines_core::load::read_text_dir;
use borderlines_core::Corpus;
use borderlines_engine::Engine;

/// The seed corpus; fails the test if a seed cannot be read.
pub fn seeds_corpus() -> Corpus {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let (corpus, skipped) = read_text_dir(&dir).expect("the seeds are readable");
    assert!(
        skipped.is_empty() && corpus.documents.len() >= 3,
        "{skipped:?}"
    );
    corpus
}

/// The engine over the seed corpus (index, insights, facets).
pub fn seeds_engine() -> Engine {
    Engine::build(Arc::new(seeds_corpus()))
}
