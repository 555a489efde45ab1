//! The document parser and its boilerplate rules on any bytes, and the
//! reader's cutting of the result into pieces and chunks.
#![no_main]
use borderlines_core::{boilerplate, parse::parse_bytes, pieces, text};
use borderlines_fuzz::check_ranges;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let decoded = text::decode(data);
    for line in decoded.lines().take(200) {
        let _ = boilerplate::classify_line(line);
        let (kept, _) = boilerplate::strip_inline_cross_links(line);
        assert!(
            kept.len() <= line.len() + 8,
            "stripping grew {line:?} to {kept:?}"
        );
    }
    let Ok(doc) = parse_bytes("fuzz", data) else {
        return;
    };
    assert!(!doc.title.is_empty() || !doc.blocks.is_empty());
    let ps = pieces::pieces(&doc);
    for p in &ps {
        let block = &doc.blocks[p.block as usize].text;
        check_ranges("piece", block, &[p.range()], true);
    }
    let chunks = pieces::chunks(&ps);
    for c in &chunks {
        assert!(c.end <= ps.len());
    }
    for (b, _) in doc.blocks.iter().enumerate() {
        let _ = pieces::chunk_of_block(&ps, &chunks, b as u32);
    }
});
