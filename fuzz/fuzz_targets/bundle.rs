//! The corpus bundle as stored: decoding any bytes, and using what decodes.
#![no_main]
use borderlines_core::{pieces, CorpusBundle};
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: borderlines_fuzz::write_binary_seeds(borderlines_fuzz::Stored::Bundle), |data: &[u8]| {
    let Ok(bundle) = CorpusBundle::from_bytes(data) else {
        return;
    };
    for doc in &bundle.corpus.documents {
        let ps = pieces::pieces(doc);
        let _ = pieces::chunks(&ps);
        let _ = doc.reading_minutes();
        let _ = doc.word_count;
    }
    let bytes = bundle.to_bytes().expect("a decoded bundle encodes");
    assert_eq!(CorpusBundle::from_bytes(&bytes).expect("round trip"), bundle);
});
