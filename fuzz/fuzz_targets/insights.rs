//! Stored insights: decoding any bytes, and the reader's helpers on what decodes.
#![no_main]
use borderlines_extract::{CorpusInsights, EntityKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: borderlines_fuzz::write_binary_seeds(borderlines_fuzz::Stored::Insights), |data: &[u8]| {
    let Ok(insights) = CorpusInsights::from_bytes(data) else {
        return;
    };
    for doc in insights.documents.iter().take(16) {
        let _ = doc.top_entities(10);
        let _ = doc.top_entities_of(EntityKind::Person, 5);
        let _ = doc.themes();
        for b in 0..8 {
            let _ = doc.block_themes(b);
            let _ = doc.spans(b);
        }
    }
    let _ = insights.to_bytes();
});
