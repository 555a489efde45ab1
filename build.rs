//! Parses seeds/*.txt with the core crate at build time, indexes and
//! extracts them, and writes the engine's one versioned snapshot (corpus,
//! search index, insights) to OUT_DIR for the component tests (tests/web.rs),
//! whose test page has no corpus element. The built page carries the same
//! snapshot in its corpus element, put there by `cargo xtask dist`.

use std::path::Path;

use borderlines_core::load::read_text_dir;
use borderlines_engine::snapshot;
use borderlines_extract::CorpusInsights;
use borderlines_search::SearchIndex;

fn main() {
    // Read at run time, not with env!(): a target dir shared by two clones
    // must not make one clone's build read the other's seeds.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let seeds = Path::new(&manifest_dir).join("seeds");
    println!("cargo:rerun-if-changed={}", seeds.display());
    let (corpus, skipped) =
        read_text_dir(&seeds).unwrap_or_else(|e| panic!("cannot read {}: {e}", seeds.display()));
    // A seed that yields nothing is skipped with a visible warning, not a broken build.
    for (file, why) in &skipped {
        println!("cargo:rerun-if-changed={file}");
        println!("cargo:warning=skipping {file}: {why}");
    }
    for doc in &corpus.documents {
        println!(
            "cargo:rerun-if-changed={}",
            seeds.join(format!("{}.txt", doc.id)).display()
        );
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    let index = SearchIndex::build(&corpus);
    let insights = CorpusInsights::build(&corpus);
    let bytes = snapshot::write(&corpus, &index, &insights).expect("snapshot serialises");
    std::fs::write(out.join("snapshot.bin"), bytes).expect("write snapshot");
}
