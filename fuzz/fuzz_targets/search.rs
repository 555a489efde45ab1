//! Parse, index and search fuzzed documents with a fuzzed query (first line:
//! the query; the rest: documents separated by form feeds). Every highlight
//! range — snippets, titles, the reader's marks — lies on char boundaries of
//! the text it marks, and the layering of marks with annotations keeps to them.
#![no_main]
use borderlines_core::{layers, parse_document, Corpus};
use borderlines_fuzz::{check_ranges, head_line, text};
use borderlines_search::{Query, SearchIndex, SearchOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (query, rest) = head_line(data);
    let query = Query::parse(&text(query));
    let body = text(rest);
    let documents: Vec<_> = body
        .split('\u{c}')
        .take(8)
        .enumerate()
        .filter_map(|(i, t)| parse_document(&i.to_string(), t).ok())
        .collect();
    if documents.is_empty() {
        return;
    }
    let corpus = Corpus { documents };
    let index = SearchIndex::build(&corpus);
    let options = SearchOptions {
        snippet_len: 60,
        ..SearchOptions::default()
    };
    let results = index.search(&corpus, &query, &options);
    for hit in &results.hits {
        let doc = &corpus.documents[hit.doc];
        check_ranges("title highlight", &doc.title, &hit.title_highlights, true);
        if let Some(s) = &hit.snippet {
            check_ranges("snippet highlight", &s.text, &s.highlights, true);
            let block = &doc.blocks[s.block].text;
            assert_eq!(
                block.get(s.offset..s.offset + s.text.len()),
                Some(s.text.as_str()),
                "the snippet is a slice of its block"
            );
        }
    }
    let h = index.highlighter(&query);
    for doc in &corpus.documents {
        check_ranges("title mark", &doc.title, &h.ranges(&doc.title), true);
        for block in &doc.blocks {
            let marks = h.ranges(&block.text);
            check_ranges("block mark", &block.text, &marks, true);
            let pieces = layers::layer(&block.text, &marks, &[(0..block.text.len(), ())]);
            let ranges: Vec<_> = pieces.iter().map(|p| p.range.clone()).collect();
            check_ranges("layered piece", &block.text, &ranges, true);
        }
    }
});
