//! Byte decoding of a file of unknown encoding: the binary sniffer, then
//! `text::decode` and the per-line helpers the parser runs on its output
//! (with the tokenizer's tokens and first sentence).
#![no_main]
use borderlines_core::{sniff, text, tokenize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = sniff::refuse_binary(data);
    let decoded = text::decode(data);
    // UTF-8 without a byte-order mark is kept as it is.
    if let Ok(s) = std::str::from_utf8(data) {
        if !data.starts_with(b"\xEF\xBB\xBF") {
            assert_eq!(decoded, s);
        }
    }
    for line in decoded.lines().take(200) {
        let clean = text::clean_line(line);
        let _ = text::word_count(&clean);
        let _ = text::ends_like_sentence(&clean);
        let _ = tokenize::first_sentence(&clean);
        let _ = tokenize::tokens(&clean);
        let _ = text::truncate_words(&clean, 12);
    }
    let _ = text::strip_bidi_controls(&decoded);
});
