//! Saved MHTML pages: MIME headers (folded, quoted parameters, RFC 2047
//! words), multipart boundaries, quoted-printable and base64, then the HTML
//! part through the saved-page reader.
#![no_main]
use borderlines_core::formats::mhtml;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(part) = mhtml::html_part(data) {
        assert!(!part.html.encoding.is_empty());
    }
    let _ = mhtml::parse_bytes(data);
    // The decoders alone, on any bytes: never longer than their input.
    assert!(mhtml::quoted_printable(data).len() <= data.len());
    assert!(mhtml::base64(data).len() <= data.len());
});
