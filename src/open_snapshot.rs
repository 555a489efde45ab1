//! Opening an engine snapshot on the main thread without freezing the page:
//! the bytes are copied into wasm memory and decoded by
//! [`SnapshotOpener`] in slices of about [`SLICE_MS`], with a task boundary
//! between slices so the page paints and answers input. Used for the
//! loading worker's result and for the corpus saved in IndexedDB.

use borderlines_engine::snapshot::SnapshotOpener;
use borderlines_engine::Engine;
use js_sys::Uint8Array;
use leptos::prelude::window;

use crate::corpus::now_ms;

/// One slice of opening work stays about this long, so the page paints and
/// answers input in between (a 64 MB snapshot of 14,000 documents is about
/// sixty slices).
const SLICE_MS: f64 = 12.0;
/// Bytes copied from the worker's buffer into wasm memory per slice: the
/// first touch of new wasm memory costs about 2 ms per MB in Chromium.
const COPY_BYTES: u32 = 2 << 20;

/// Timings of opening a snapshot, for benchmarks and tests.
#[derive(Default)]
pub struct OpenFigures {
    pub total_ms: f64,
    pub longest_slice_ms: f64,
    pub slices: u32,
}

impl OpenFigures {
    /// Counts a slice that began at `slice_start` (`now_ms`) and ends now.
    fn end_slice(&mut self, slice_start: f64) {
        self.longest_slice_ms = self.longest_slice_ms.max(now_ms() - slice_start);
        self.slices += 1;
    }
}

/// Copies `source` into wasm memory and opens it a slice at a time between
/// tasks, calling `progress(documents, steps done, steps)` between slices.
/// `Ok(None)`: `still_wanted` said no between two slices (the load was
/// cancelled or replaced), and nothing changed.
pub async fn open_in_slices(
    source: &Uint8Array,
    still_wanted: impl Fn() -> bool,
    progress: impl Fn(usize, usize, usize),
    figures: &mut OpenFigures,
) -> Result<Option<Engine>, String> {
    let started = now_ms();
    let len = source.length();
    // Growing wasm memory by 64 MB (below) is itself a ~40 ms step: a task
    // of its own, apart from whatever task called us.
    next_task().await;
    let mut slice_start = now_ms();
    // Reserved at once, filled a slice at a time: zeroing all 64 MB of a
    // 14,000-document snapshot up front (the first touch of every page of
    // new memory) was one task of ~95 ms.
    let mut bytes: Vec<u8> = Vec::with_capacity(len as usize);
    figures.end_slice(slice_start);
    next_task().await;
    if !still_wanted() {
        return Ok(None);
    }
    slice_start = now_ms();
    let mut at = 0u32;
    while at < len {
        let to = len.min(at + COPY_BYTES);
        bytes.resize(to as usize, 0);
        source
            .subarray(at, to)
            .copy_to(&mut bytes[at as usize..to as usize]);
        at = to;
        figures.end_slice(slice_start);
        next_task().await;
        if !still_wanted() {
            return Ok(None);
        }
        slice_start = now_ms();
    }
    crate::corpus::mark("borderlines:open-copied");
    open_bytes_in_slices(bytes, still_wanted, progress, figures, started).await
}

/// Opens `bytes`, a snapshot already in wasm memory, a slice at a time
/// between tasks, as [`open_in_slices`] does after its copy. `started`:
/// when the whole opening began (`now_ms`), for `figures.total_ms`.
pub async fn open_bytes_in_slices(
    bytes: Vec<u8>,
    still_wanted: impl Fn() -> bool,
    progress: impl Fn(usize, usize, usize),
    figures: &mut OpenFigures,
    started: f64,
) -> Result<Option<Engine>, String> {
    let mut slice_start = now_ms();
    let mut opener = SnapshotOpener::new(bytes).map_err(|e| e.to_string())?;
    let documents = opener.documents();
    loop {
        if let Some(engine) = opener.step().map_err(|e| e.to_string())? {
            crate::corpus::mark("borderlines:open-done");
            figures.end_slice(slice_start);
            figures.total_ms = now_ms() - started;
            return Ok(Some(engine));
        }
        if now_ms() - slice_start < SLICE_MS {
            continue;
        }
        figures.end_slice(slice_start);
        let (done, total) = opener.progress();
        progress(documents, done, total);
        next_task().await;
        if !still_wanted() {
            return Ok(None);
        }
        slice_start = now_ms();
    }
}

/// Resolves in a later task, so the page can paint and answer input in
/// between: a message to itself on a `MessageChannel`, which browsers do
/// not delay (a chain of zero-delay timeouts is held to 4 ms each, which
/// made posting 14,000 files take seconds of waiting).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            let port = channel.port1();
            let resolve = resolve.clone();
            let once = wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            });
            port.set_onmessage(Some(wasm_bindgen::JsCast::unchecked_ref(&once)));
            let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
        }
        Err(_) => {
            let _ = window().set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
