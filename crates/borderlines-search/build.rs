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
    // Runs of consecutive characters (start, count): 640 runs for 7,277
    // characters, so the table costs ~2 KB gzip instead of ~19 KB as one
    // u32 per character and one u16 end per text.
    let mut runs: Vec<(u32, u16)> = Vec::new();
    let mut lens: Vec<u8> = Vec::new();
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
            let key = u32::from(c);
            match runs.last_mut() {
                Some((start, n)) if *start + u32::from(*n) == key && *n < u16::MAX => *n += 1,
                _ => runs.push((key, 1)),
            }
            lens.push(u8::try_from(folded.len()).expect("a folded text over 255 bytes"));
            text.push_str(&folded);
        }
    }
    let firsts: Vec<u16> = runs
        .iter()
        .scan(0u32, |first, &(_, n)| {
            let this = *first;
            *first += u32::from(n);
            Some(u16::try_from(this).expect("more than 65,535 folded characters"))
        })
        .collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// Runs of consecutive characters whose folded form is not their\n\
         /// lowercase: (first character, how many), in order."
    );
    let _ = writeln!(
        out,
        "static FOLD_RUNS: [(u32, u16); {}] = {runs:?};",
        runs.len()
    );
    let _ = writeln!(
        out,
        "/// The index of each run's first character among all of them."
    );
    let _ = writeln!(
        out,
        "static FOLD_RUN_FIRST: [u16; {}] = {firsts:?};",
        firsts.len()
    );
    let _ = writeln!(
        out,
        "/// The byte length of each character's folded text, in order."
    );
    let _ = writeln!(out, "static FOLD_LENS: [u8; {}] = {lens:?};", lens.len());
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
