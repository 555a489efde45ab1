//! The page's own corpus: the engine snapshot (corpus, search index and
//! insights in one versioned format) the page carries in its corpus element
//! (`borderlines_engine::page_corpus`): the seeds in the built page, the
//! user's corpus in a page made by "Save as page" or `borderlines build`.
//! The boot script inflates it while the wasm is inflated and leaves the
//! bytes on the element; they are decoded once at startup.

use std::cell::{OnceCell, RefCell};
use std::sync::{Arc, Weak};

use borderlines_engine::page_corpus::{CORPUS_ELEMENT_ID, SEEDS_NAME};
use borderlines_engine::Engine;
use js_sys::{ArrayBuffer, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

/// The page's snapshot and its name, once taken from the page.
struct Carried {
    snapshot: Result<&'static [u8], String>,
    name: String,
}

thread_local! {
    static CARRIED: OnceCell<Carried> = const { OnceCell::new() };
    /// The engine opened from the embedded snapshot, to tell whether the
    /// page still shows the seeds (the loading worker opens them itself).
    static EMBEDDED: RefCell<Weak<Engine>> = const { RefCell::new(Weak::new()) };
}

/// Whether `engine` is the one opened from the embedded snapshot.
pub fn is_embedded(engine: &Arc<Engine>) -> bool {
    EMBEDDED.with_borrow(|e| std::ptr::eq(e.as_ptr(), Arc::as_ptr(engine)))
}

/// Sets the page's corpus (for tests, which have no boot script): must be
/// called before anything reads it; later calls change nothing.
pub fn provide_embedded(snapshot: Vec<u8>, name: &str) {
    CARRIED.with(|c| {
        let _ = c.set(Carried {
            snapshot: Ok(Vec::leak(snapshot)),
            name: name.to_owned(),
        });
    });
}

/// Takes the snapshot the boot script left on the corpus element (kept for
/// the page's life: the loader is handed it for every job on this corpus).
fn carried() -> Carried {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(CORPUS_ELEMENT_ID));
    let Some(element) = element else {
        return Carried {
            snapshot: Err("this page carries no corpus".into()),
            name: SEEDS_NAME.into(),
        };
    };
    let name = element
        .get_attribute("data-name")
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| SEEDS_NAME.into());
    let snapshot = Reflect::get(&element, &JsValue::from_str("snapshot"))
        .ok()
        .and_then(|b| b.dyn_into::<ArrayBuffer>().ok())
        .map(|b| &*Vec::leak(Uint8Array::new(&b).to_vec()))
        .ok_or_else(|| {
            let why = Reflect::get(&element, &JsValue::from_str("snapshotError"))
                .ok()
                .and_then(|e| e.as_string())
                .unwrap_or_else(|| "it was not unpacked".into());
            format!("the corpus this page carries is damaged ({why})")
        });
    Carried { snapshot, name }
}

fn with_carried<T>(f: impl FnOnce(&Carried) -> T) -> T {
    CARRIED.with(|c| f(c.get_or_init(carried)))
}

/// The page's snapshot bytes (empty when the page carries none).
pub fn embedded_snapshot() -> &'static [u8] {
    with_carried(|c| c.snapshot.clone().unwrap_or_default())
}

/// The name of the page's corpus: "seeds" in the built page.
pub fn embedded_name() -> String {
    with_carried(|c| c.name.clone())
}

/// Whether the page carries the seeds (not a saved corpus).
pub fn carries_seeds() -> bool {
    with_carried(|c| c.name == SEEDS_NAME)
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
    let snapshot = with_carried(|c| c.snapshot.clone())?;
    let engine = Arc::new(Engine::from_snapshot(snapshot).map_err(|e| e.to_string())?);
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
    embedded_snapshot().len()
}

/// Milliseconds since the page started (0 where there is no clock).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Marks a moment on the page's performance timeline (User Timing; names
/// start `borderlines:`), so a benchmark can tell which step a long task
/// belongs to (`bench/ui/worker-load.mjs` prints them).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Shows `next` in place of the page's engine. The engine it replaces is
/// released a task later: freeing a corpus of 14,000 documents takes tens
/// of milliseconds, which would otherwise add to the task that renders the
/// new one.
pub fn replace_engine(engine: leptos::prelude::RwSignal<Arc<Engine>>, next: Arc<Engine>) {
    use leptos::prelude::{GetUntracked, Set};
    let previous = engine.get_untracked();
    engine.set(next);
    leptos::task::spawn_local(async move {
        crate::open_snapshot::next_task().await;
        drop(previous);
    });
}
