//! The corpus, its search index and its insights, embedded at build time
//! (see `build.rs`) and decoded once at startup.

use std::sync::Arc;

use borderlines_core::CorpusBundle;
use borderlines_extract::CorpusInsights;
use borderlines_search::SearchIndex;

use crate::engine::Engine;

/// The postcard bundle `build.rs` wrote from seeds/*.txt.
static EMBEDDED_CORPUS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
/// The serialized search index of that corpus.
static EMBEDDED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));
/// Entities, figures, dates, quotes and themes of that corpus.
static EMBEDDED_INSIGHTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/insights.bin"));

/// The embedded corpus as loaded, with how long loading took.
#[derive(Clone)]
pub struct LoadedCorpus {
    pub engine: Arc<Engine>,
    /// Milliseconds spent decoding corpus, index and insights, by `performance.now()`.
    pub decode_ms: f64,
}

/// Decodes the embedded corpus, index and insights. Errors are returned as
/// text for the user, never unwrapped.
pub fn load_embedded() -> Result<LoadedCorpus, String> {
    let start = now_ms();
    let bundle = CorpusBundle::from_bytes(EMBEDDED_CORPUS).map_err(|e| e.to_string())?;
    let index = SearchIndex::from_bytes(EMBEDDED_INDEX).map_err(|e| e.to_string())?;
    let insights = CorpusInsights::from_bytes(EMBEDDED_INSIGHTS).map_err(|e| e.to_string())?;
    let engine = Engine::new(Arc::new(bundle.corpus), index, insights);
    Ok(LoadedCorpus {
        engine: Arc::new(engine),
        decode_ms: now_ms() - start,
    })
}

/// Size of everything embedded, in bytes.
pub fn embedded_size() -> usize {
    EMBEDDED_CORPUS.len() + EMBEDDED_INDEX.len() + EMBEDDED_INSIGHTS.len()
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
