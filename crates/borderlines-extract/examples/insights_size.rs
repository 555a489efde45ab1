//! Prints the size of the seeds' insights in the page's compact form
//! (postcard) and as JSON: `cargo run -p borderlines-extract --example insights_size [FILE...]`.

use borderlines_core::{parse::parse_bytes, Corpus};
use borderlines_extract::CorpusInsights;

fn main() {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
        files = std::fs::read_dir(dir)
            .map(|r| {
                r.filter_map(|e| e.ok())
                    .map(|e| e.path().display().to_string())
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
    }
    let documents = files
        .iter()
        .filter_map(|f| std::fs::read(f).ok().and_then(|b| parse_bytes(f, &b).ok()))
        .collect();
    let corpus = Corpus { documents };
    let text: usize = corpus
        .documents
        .iter()
        .flat_map(|d| &d.blocks)
        .map(|b| b.text.len())
        .sum();
    let ins = CorpusInsights::build(&corpus);
    let bytes = ins.to_bytes().unwrap_or_default();
    let json = serde_json::to_string(&ins).unwrap_or_default();
    println!(
        "{} documents, {} bytes of text: insights {} bytes postcard, {} bytes JSON, {} claims",
        corpus.documents.len(),
        text,
        bytes.len(),
        json.len(),
        ins.claims.len()
    );
}
