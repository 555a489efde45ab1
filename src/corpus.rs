//! The embedded corpus: the engine snapshot `build.rs` wrote from the seeds
//! (corpus, search index and insights in one versioned format), decoded
//! once at startup.

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use borderlines_engine::Engine;

/// The snapshot `build.rs` wrote from seeds/*.txt.
static EMBEDDED_SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/snapshot.bin"));

thread_local! {
    /// The engine opened from the embedded snapshot, to tell whether the
    /// page still shows the seeds (the loading worker opens them itself).
    static EMBEDDED: RefCell<Weak<Engine>> = const { RefCell::new(Weak::new()) };
}

/// Whether `engine` is the one opened from the embedded snapshot.
pub fn is_embedded(engine: &Arc<Engine>) -> bool {
    EMBEDDED.with_borrow(|e| std::ptr::eq(e.as_ptr(), Arc::as_ptr(engine)))
}

/// The embedded snapshot's bytes.
pub fn embedded_snapshot() -> &'static [u8] {
    EMBEDDED_SNAPSHOT
}

/// The embedded corpus as loaded, with how long loading took.
#[derive(Clone)]
pub struct LoadedCorpus {
    pub engine: Arc<Engine>,
    /// Milliseconds spent decoding the snapshot and gathering facets, by `performance.now()`.
    pub decode_ms: f64,
}

/// Decodes the embedded snapshot. Errors are returned as text for the
/// user, never unwrapped.
pub fn load_embedded() -> Result<LoadedCorpus, String> {
    let start = now_ms();
    let engine = Arc::new(Engine::from_snapshot(EMBEDDED_SNAPSHOT).map_err(|e| e.to_string())?);
    EMBEDDED.set(Arc::downgrade(&engine));
    Ok(LoadedCorpus {
        engine,
        decode_ms: now_ms() - start,
    })
}

/// The engine of the seeds: the one opened at start while it is alive,
/// else opened again from the embedded snapshot.
pub fn embedded_engine() -> Result<Arc<Engine>, String> {
    if let Some(engine) = EMBEDDED.with_borrow(Weak::upgrade) {
        return Ok(engine);
    }
    load_embedded().map(|l| l.engine)
}

/// Size of the embedded snapshot, in bytes.
pub fn embedded_size() -> usize {
    EMBEDDED_SNAPSHOT.len()
}

/// Milliseconds since the page started (0 where there is no clock).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
