//! Runs each query of a query file many times (for profiling the search path).
use borderlines_core::Corpus;
use borderlines_search::{Query, SearchIndex, SearchOptions};
use borderlines_search_bench::document;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let corpus: serde_json::Value = serde_json::from_slice(&std::fs::read(&args[1]).expect("corpus")).expect("json");
    let queries: serde_json::Value = serde_json::from_slice(&std::fs::read(&args[2]).expect("queries")).expect("json");
    let kind = args.get(3).cloned().unwrap_or_default();
    let corpus = Corpus {
        documents: corpus.as_array().expect("array").iter()
            .map(|d| document(d["id"].as_str().unwrap_or(""), d["title"].as_str().unwrap_or(""), d["body"].as_str().unwrap_or("")))
            .collect(),
    };
    let index = SearchIndex::build(&corpus);
    let opts = SearchOptions::default();
    let mut total = 0;
    for q in queries.as_array().expect("array").iter().filter(|q| kind.is_empty() || q["kind"] == kind.as_str()) {
        let query = Query::parse(q["q"].as_str().unwrap_or(""));
        for _ in 0..10 {
            total += run(&index, &corpus, &query, &opts);
        }
    }
    eprintln!("{total}");
}

#[inline(never)]
fn run(index: &SearchIndex, corpus: &Corpus, query: &Query, opts: &SearchOptions) -> usize {
    index.search(corpus, query, opts).total
}
