//! Parses seeds/*.txt with the core crate at build time and writes the
//! compact corpus bundle that `src/corpus.rs` embeds with `include_bytes!`.

use std::path::Path;

use borderlines_core::{parse::parse_bytes, Corpus, CorpusBundle};

fn main() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    println!("cargo:rerun-if-changed={}", seeds.display());
    let mut paths: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", seeds.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut corpus = Corpus::default();
    for path in &paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("document");
        let bytes =
            std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        match parse_bytes(id, &bytes) {
            Ok(doc) => corpus.documents.push(doc),
            // A seed that yields nothing is skipped with a visible warning, not a broken build.
            Err(e) => println!("cargo:warning=skipping {}: {e}", path.display()),
        }
    }
    let bytes = CorpusBundle::new(corpus)
        .to_bytes()
        .expect("corpus serialises");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    std::fs::write(&out, bytes).expect("write corpus bundle");
}
