//! Opening an engine snapshot (the page's own, one stored by the page, or
//! one handed to it). A snapshot that opens must be safe to use: select,
//! highlight and build every view's per-document table.
#![no_main]
use borderlines_engine::Engine;
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: borderlines_fuzz::write_binary_seeds(borderlines_fuzz::Stored::Snapshot), |data: &[u8]| {
    let Ok(engine) = Engine::from_snapshot(data) else {
        return;
    };
    for q in ["", "border", "fence* OR \"border guards\" -china", "person:kim"] {
        let selection = engine.select(q, 5);
        let texts: Vec<&str> = engine
            .corpus()
            .documents
            .iter()
            .take(4)
            .flat_map(|d| d.blocks.iter().map(|b| b.text.as_str()))
            .collect();
        let _ = engine.highlight_all(&selection, texts);
    }
    let _ = engine.term_stats();
    let _ = engine.entity_blocks();
    let _ = engine.doc_dates();
    let _ = engine.map_index();
    for (i, doc) in engine.corpus().documents.iter().enumerate() {
        if let Some(ins) = engine.insights(i) {
            for b in 0..doc.blocks.len() {
                let _ = ins.spans(b);
            }
        }
    }
});
