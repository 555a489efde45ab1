//! Saved web pages: html5ever's tree, the article found in it, boilerplate removed.
#![no_main]
use borderlines_core::formats::html;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = html::parse_bytes(data);
});
