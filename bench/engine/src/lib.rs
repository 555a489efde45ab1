//! A thin wasm-bindgen wrapper so the browser benchmark can drive
//! borderlines-search from JavaScript: add documents, build or load the
//! index, search (with snippets), and expose the analyzer's index keys for
//! the harness's reference BM25.

use borderlines_core::{Block, BlockKind, Corpus, Document, TitleSource};
use borderlines_search::analyze::Analyzer;
use borderlines_search::tokenize::tokenize;
use borderlines_search::{Query, RankingParams, SearchIndex, SearchOptions};
use wasm_bindgen::prelude::*;

/// A corpus, its index and the last query's hits.
#[wasm_bindgen]
#[derive(Default)]
pub struct Bench {
    corpus: Corpus,
    index: SearchIndex,
    last: Vec<u32>,
    snippet_bytes: usize,
}

/// Makes a document from a title and a body whose blocks are separated by blank lines.
pub fn document(id: &str, title: &str, body: &str) -> Document {
    // Blocks are separated by blank lines (split on '\n', which is faster
    // than searching for "\n\n").
    let mut blocks: Vec<Block> = Vec::new();
    let mut open = false;
    for line in body.split('\n') {
        let line = line.trim();
        match (line.is_empty(), open, blocks.last_mut()) {
            (true, _, _) => open = false,
            (false, true, Some(b)) => {
                b.text.push(' ');
                b.text.push_str(line);
            }
            (false, _, _) => {
                blocks.push(Block { kind: BlockKind::Paragraph, text: line.to_owned() });
                open = true;
            }
        }
    }
    // Whitespace words: the count is only displayed, and the full UAX #29
    // count would be charged to the timed build.
    let word_count = blocks.iter().map(|b| b.text.split_whitespace().count() as u32).sum();
    Document {
        id: id.to_owned(),
        title: title.to_owned(),
        title_source: TitleSource::Headline,
        byline: None,
        blocks,
        word_count,
        boilerplate_removed: 0,
        stated: None,
    }
}

#[wasm_bindgen]
impl Bench {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Bench {
        Bench::default()
    }

    /// Adds a document to the corpus (indexed by `build`).
    pub fn add(&mut self, id: &str, title: &str, body: &str) {
        self.corpus.documents.push(document(id, title, body));
    }

    /// Indexes the whole corpus.
    pub fn build(&mut self) {
        self.index = SearchIndex::build(&self.corpus);
    }

    /// Loads a serialized index; false when the bytes are not one.
    pub fn load(&mut self, bytes: &[u8]) -> bool {
        match SearchIndex::from_bytes(bytes) {
            Ok(i) => {
                self.index = i;
                true
            }
            Err(_) => false,
        }
    }

    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.index.to_bytes()
    }

    /// Runs a query (top `limit` hits with snippets); returns the total.
    pub fn search(&mut self, q: &str, limit: usize) -> usize {
        self.run(q, limit, true)
    }

    /// Runs a query for the ranking only (no snippets); returns the total.
    #[wasm_bindgen(js_name = searchLean)]
    pub fn search_lean(&mut self, q: &str, limit: usize) -> usize {
        self.run(q, limit, false)
    }

    /// Runs a query ranked like a plain one-field BM25 as far as the engine
    /// allows (equal field weights, no proximity bonus); returns the total.
    #[wasm_bindgen(js_name = searchPlain)]
    pub fn search_plain(&mut self, q: &str, limit: usize) -> usize {
        let ranking = RankingParams { field_weights: [1.0; 3], proximity: 0.0, ..RankingParams::default() };
        self.run_with(q, SearchOptions { limit, snippets: false, ranking, ..SearchOptions::default() })
    }

    fn run(&mut self, q: &str, limit: usize, snippets: bool) -> usize {
        self.run_with(q, SearchOptions { limit, snippets, ..SearchOptions::default() })
    }

    fn run_with(&mut self, q: &str, opts: SearchOptions) -> usize {
        let r = self.index.search(&self.corpus, &Query::parse(q), &opts);
        self.last = r.hits.iter().map(|h| h.doc as u32).collect();
        self.snippet_bytes = r.hits.iter().filter_map(|h| h.snippet.as_ref()).map(|s| s.text.len()).sum();
        r.total
    }

    /// Document numbers of the last query's hits, best first.
    pub fn hits(&self) -> Vec<u32> {
        self.last.clone()
    }

    /// Bytes of snippet text the last query produced (proves snippets were built).
    #[wasm_bindgen(js_name = snippetBytes)]
    pub fn snippet_bytes(&self) -> usize {
        self.snippet_bytes
    }

    /// The index keys of a text, space-separated (the tokens the reference BM25 uses).
    pub fn keys(&self, text: &str) -> String {
        keys(text)
    }
}

/// The index keys of a text, space-separated (joined compounds left out).
pub fn keys(text: &str) -> String {
    let a = Analyzer::default();
    let mut out = String::new();
    tokenize(text, |t| {
        if !t.joined {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&a.analyze(t.folded, t.kind).1);
        }
    });
    out
}
