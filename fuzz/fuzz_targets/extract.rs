//! Extraction on any text: never panics, and every location it reports lies
//! inside its block on char boundaries (the reader slices the text with them).
#![no_main]
use borderlines_core::parse_document;
use borderlines_extract::{extract, CorpusInsights, Loc};
use borderlines_fuzz::check_ranges;
use libfuzzer_sys::fuzz_target;

fn check(what: &str, doc: &borderlines_core::Document, loc: &Loc) {
    // Block TITLE_BLOCK is the headline.
    let text = doc
        .block_text(loc.block)
        .unwrap_or_else(|| panic!("{what}: block {} of {}", loc.block, doc.blocks.len()));
    check_ranges(what, text, &[loc.range()], false);
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(doc) = parse_document("fuzz", &text) else {
        return;
    };
    let ins = extract(&doc);
    for e in &ins.entities {
        for m in &e.mentions {
            check("entity mention", &doc, &m.loc);
        }
    }
    for f in &ins.figures {
        check("figure", &doc, &f.loc);
        check("figure sentence", &doc, &f.sentence);
    }
    for d in &ins.dates {
        check("date", &doc, &d.loc);
        check("date sentence", &doc, &d.sentence);
    }
    for q in &ins.quotes {
        check("quote", &doc, &q.loc);
        check("quote sentence", &doc, &q.sentence);
    }
    for (b, block) in doc.blocks.iter().enumerate() {
        let spans: Vec<_> = ins.spans(b).into_iter().map(|(r, _)| r).collect();
        check_ranges("span", &block.text, &spans, true);
    }
    let corpus = CorpusInsights::from_documents(vec![ins.clone(), ins]);
    let _ = corpus.to_bytes();
});
