//! Writes the folding table (`OUT_DIR/fold_table.rs`, read by `src/fold.rs`):
//! for every character that folding decomposes, the folded text — NFKD
//! compatibility decomposition, combining marks dropped, lowercased — where it
//! differs from plain lowercasing. Computing it here with
//! `unicode-normalization` keeps that crate's tables (about 110 KB, 58 KB
//! gzip in the page) out of the wasm; the table holds only what folding uses
//! (about 7,000 characters). A test in `src/fold.rs` checks every character
//! against `unicode-normalization` itself.

use std::fmt::Write as _;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

#[path = "../borderlines-core/src/scripts.rs"]
mod scripts;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=../borderlines-core/src/scripts.rs");
    let mut keys = Vec::new();
    let mut ends = Vec::new();
    let mut text = String::new();
    for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
        if scripts::is_hangul(c) || scripts::is_cjk(c) {
            continue; // folding leaves these alone
        }
        let mut folded = String::new();
        decompose_compatible(c, |d| {
            if !is_combining_mark(d) {
                folded.extend(d.to_lowercase());
            }
        });
        if folded != c.to_lowercase().to_string() {
            keys.push(u32::from(c));
            text.push_str(&folded);
            ends.push(text.len());
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// Characters whose folded form is not their lowercase, in order."
    );
    let _ = writeln!(out, "static FOLD_CHARS: [u32; {}] = {keys:?};", keys.len());
    let _ = writeln!(
        out,
        "/// Where each one's folded text ends in [`FOLD_TEXT`]."
    );
    let _ = writeln!(out, "static FOLD_ENDS: [u16; {}] = {ends:?};", ends.len());
    let _ = writeln!(out, "/// The folded texts, one after the other.");
    let _ = writeln!(out, "static FOLD_TEXT: &str = {text:?};");
    assert!(
        u16::try_from(text.len()).is_ok(),
        "folded texts outgrew u16 offsets"
    );
    let path = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("fold_table.rs");
    std::fs::write(path, out).expect("write fold_table.rs");
}
