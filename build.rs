//! Parses seeds/*.txt with the core crate at build time, indexes and
//! extracts them, and writes the engine's one versioned snapshot (corpus,
//! search index, insights), which `src/corpus.rs` embeds with
//! `include_bytes!` (so the page never re-indexes or re-extracts the seeds).

use std::path::Path;

use borderlines_core::{parse::parse_bytes, Corpus};
use borderlines_engine::snapshot;
use borderlines_extract::CorpusInsights;
use borderlines_search::SearchIndex;

fn main() {
    // Read at run time, not with env!(): a target dir shared by two clones
    // must not make one clone's build read the other's seeds.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let seeds = Path::new(&manifest_dir).join("seeds");
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
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    let index = SearchIndex::build(&corpus);
    let insights = CorpusInsights::build(&corpus);
    let bytes = snapshot::write(&corpus, &index, &insights).expect("snapshot serialises");
    std::fs::write(out.join("snapshot.bin"), bytes).expect("write snapshot");
}
