//! Builds the gazetteer pack (`OUT_DIR/gazetteer.pack`) from
//! `data/gazetteer/places.tsv`: front-coded names and postcard records (see
//! `src/gazetteer_pack.rs`). Only with the `embedded-gazetteer` feature,
//! which embeds it for native use (CLI, tests, the seeds' build script);
//! the page stores the pack beside the wasm instead.

#[allow(dead_code)]
#[path = "src/gazetteer_pack.rs"]
mod gazetteer_pack;

fn main() {
    // Read at run time, not with env!: a build script compiled in another
    // checkout sharing the target dir would otherwise read that one's file.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let source = format!("{manifest}/../../data/gazetteer/places.tsv");
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=src/gazetteer_pack.rs");
    if std::env::var_os("CARGO_FEATURE_EMBEDDED_GAZETTEER").is_none() {
        return;
    }
    let tsv = std::fs::read_to_string(source).expect("data/gazetteer/places.tsv is readable");
    let pack = gazetteer_pack::build_pack(&tsv).expect("data/gazetteer/places.tsv builds a pack");
    let out =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("gazetteer.pack");
    std::fs::write(out, pack).expect("the pack is written to OUT_DIR");
}
