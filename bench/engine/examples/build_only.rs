//! Builds the index once (for profiling the indexer).
use borderlines_core::Corpus;
use borderlines_search::SearchIndex;
use borderlines_search_bench::document;

fn main() {
    let path = std::env::args().nth(1).expect("corpus path");
    let corpus: serde_json::Value = serde_json::from_slice(&std::fs::read(path).expect("corpus")).expect("json");
    let corpus = Corpus {
        documents: corpus.as_array().expect("array").iter()
            .map(|d| document(d["id"].as_str().unwrap_or(""), d["title"].as_str().unwrap_or(""), d["body"].as_str().unwrap_or("")))
            .collect(),
    };
    if std::env::var_os("PROBE").is_some() {
        stages(&corpus);
    }
    let t = std::time::Instant::now();
    let index = SearchIndex::build(&corpus);
    eprintln!("build {:?}, {} terms", t.elapsed(), index.term_count());
}

/// Times tokenizing alone and UAX #29 alone.
fn stages(corpus: &Corpus) {
    let t = std::time::Instant::now();
    let mut n = 0u64;
    for d in &corpus.documents {
        for b in &d.blocks {
            n += borderlines_search::tokenize::tokenize(&b.text, |_| {}) as u64;
        }
    }
    eprintln!("tokenize only {:?} ({n} tokens)", t.elapsed());
    let t = std::time::Instant::now();
    use unicode_segmentation::UnicodeSegmentation;
    let mut n = 0u64;
    for d in &corpus.documents {
        for b in &d.blocks {
            n += b.text.split_word_bound_indices().count() as u64;
        }
    }
    eprintln!("uax29 only {:?} ({n} pieces)", t.elapsed());
}
