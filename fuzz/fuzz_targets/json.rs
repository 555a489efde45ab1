//! JSON and JSON Lines reading; the first byte chooses which.
#![no_main]
use borderlines_core::formats::json;
use borderlines_core::text::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let parsed = if first % 2 == 0 {
        json::parse_bytes(rest, None)
    } else {
        json::parse_lines(&decode(rest), None)
    };
    if let Ok(p) = parsed {
        assert!(p.records.len() <= borderlines_core::formats::MAX_RECORDS);
    }
});
