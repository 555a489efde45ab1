//! The search index as stored: decoding any bytes, and searching with what
//! decodes (over a corpus of as many documents as the index says it holds,
//! as a snapshot pairs them).
#![no_main]
use borderlines_core::{parse_document, Corpus};
use borderlines_search::{Query, SearchIndex, SearchOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: borderlines_fuzz::write_binary_seeds(borderlines_fuzz::Stored::Index), |data: &[u8]| {
    let Ok(index) = SearchIndex::from_bytes(data) else {
        return;
    };
    if index.len() > 64 {
        return;
    }
    let documents = (0..index.len())
        .map(|i| {
            parse_document(&i.to_string(), "Border Fence\nThe border fence on the Tumen river.")
                .expect("a document")
        })
        .collect();
    let corpus = Corpus { documents };
    for q in ["border fence", "\"border fence\" b*", "tumen~ OR title:fence -river"] {
        let query = Query::parse(q);
        let _ = index.search(&corpus, &query, &SearchOptions::default());
        let _ = index.highlight(&query, "The border fence on the Tumen river.");
    }
});
