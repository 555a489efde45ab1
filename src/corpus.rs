//! The corpus embedded at build time (see `build.rs`), decoded once at startup.

use std::sync::Arc;

use borderlines_core::{Corpus, CorpusBundle, Error};

/// The postcard bundle `build.rs` wrote from seeds/*.txt.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus as loaded, with how long decoding took.
#[derive(Debug, Clone)]
pub struct LoadedCorpus {
    pub corpus: Arc<Corpus>,
    /// Milliseconds spent decoding, as measured by `performance.now()`.
    pub decode_ms: f64,
}

/// Decodes the embedded bundle. Errors are shown to the user, never unwrapped.
pub fn load_embedded() -> Result<LoadedCorpus, Error> {
    let start = now_ms();
    let bundle = CorpusBundle::from_bytes(EMBEDDED)?;
    Ok(LoadedCorpus {
        corpus: Arc::new(bundle.corpus),
        decode_ms: now_ms() - start,
    })
}

/// Size of the embedded bundle in bytes.
pub fn embedded_size() -> usize {
    EMBEDDED.len()
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
