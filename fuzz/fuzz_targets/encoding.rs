//! Legacy encodings: `encoding::decode` (BOMs, UTF-16 without a mark,
//! UTF-8, chardetng's guess) and `decode_declared` with a label chosen by
//! the first byte; the charset prescan of saved pages.
#![no_main]
use borderlines_core::encoding::{decode, decode_declared};
use borderlines_core::formats::html;
use libfuzzer_sys::fuzz_target;

const LABELS: &[&str] = &[
    "euc-kr",
    "gb18030",
    "gbk",
    "shift_jis",
    "big5",
    "euc-jp",
    "iso-8859-1",
    "windows-1251",
    "koi8-r",
    "utf-8",
    "utf-16",
    "iso-2022-kr",
    "no-such-label",
    " Windows-1252 ",
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let read = decode(bytes);
    assert!(!read.encoding.is_empty());
    // UTF-8 without a mark, and not UTF-16 by its zero bytes, is kept as is.
    if let Ok(s) = std::str::from_utf8(bytes) {
        if read.encoding == "UTF-8" && !bytes.starts_with(b"\xEF\xBB\xBF") {
            assert_eq!(read.text, s);
        }
    }
    let label = LABELS[first as usize % LABELS.len()];
    let declared = decode_declared(bytes, Some(label));
    // A label never overrides a byte-order mark or valid UTF-8.
    if bytes.starts_with(b"\xEF\xBB\xBF") || read.encoding == "UTF-8" {
        assert_eq!(declared, read);
    }
    let _ = html::declared_charset(bytes);
    let _ = html::decode_page(bytes);
});
