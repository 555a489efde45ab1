//! Times the loader alone (decoding, sniffing, parsing, duplicate checks)
//! over every file of a folder already read into memory, as the page's
//! loading module runs it.
//!
//! `cargo run --release -p borderlines-core --example load_files -- DIR`

use std::time::Instant;

use borderlines_core::load::{LoadOptions, Loader};
use borderlines_core::Corpus;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: load_files DIR");
        std::process::exit(2);
    };
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    std::fs::read(e.path()).ok().map(|b| (name, b))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let t = Instant::now();
    let mut loader = Loader::new(&Corpus::default(), LoadOptions::default());
    for (name, data) in files {
        loader.add(name, data);
    }
    let (documents, report) = loader.finish();
    println!(
        "{} documents ({} skipped) from {bytes} bytes in {:?}",
        documents.len(),
        report.skipped.len(),
        t.elapsed()
    );
}
