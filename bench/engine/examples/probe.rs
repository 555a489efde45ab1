//! Times the stages of a few queries (development check).
use std::time::Instant;

use borderlines_core::Corpus;
use borderlines_search::plan::{resolve, NoFields};
use borderlines_search::{eval, Query, RankingParams, SearchIndex};
use borderlines_search_bench::document;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let corpus: serde_json::Value = serde_json::from_slice(&std::fs::read(&args[1]).expect("corpus")).expect("json");
    let corpus = Corpus {
        documents: corpus.as_array().expect("array").iter()
            .map(|d| document(d["id"].as_str().unwrap_or(""), d["title"].as_str().unwrap_or(""), d["body"].as_str().unwrap_or("")))
            .collect(),
    };
    let index = SearchIndex::build(&corpus);
    let p = RankingParams::default();
    for q in &args[2..] {
        let query = Query::parse(q);
        for _ in 0..2 {
            let t = Instant::now();
            let r = resolve(&index, &query, &NoFields, &p);
            let t1 = t.elapsed();
            let hits: Vec<_> = r.leaves.iter().map(|l| eval::eval_leaf(&index, l, &p)).collect();
            let t2 = t.elapsed();
            let t3 = Instant::now();
            let _ = index.search(&corpus, &query, &Default::default());
            println!("{q}: resolve {t1:?}, eval {:?}, alts {}, entries {}, full search {:?}", t2 - t1, r.leaves.iter().map(|l| l.alts.len()).sum::<usize>(), hits.iter().map(|h| h.entries.len()).sum::<usize>(), t3.elapsed());
        }
    }
}
