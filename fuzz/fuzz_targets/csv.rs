//! CSV/TSV reading; the first byte chooses the delimiter.
#![no_main]
use borderlines_core::formats::csv::{parse_bytes, Delimiter};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let delimiter = match first % 4 {
        0 => Delimiter::Auto,
        1 => Delimiter::Comma,
        2 => Delimiter::Tab,
        _ => Delimiter::Semicolon,
    };
    if let Ok(parsed) = parse_bytes(rest, delimiter, None) {
        // Reading again with the mapping shown to the user gives the same records.
        let again = parse_bytes(rest, delimiter, Some(&parsed.mapping)).expect("read twice");
        assert_eq!(again.records, parsed.records);
    }
});
