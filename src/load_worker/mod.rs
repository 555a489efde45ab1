//! Adding the user's files off the main thread. The page starts one Web
//! Worker from its own single file: a Blob made of the inline wasm-bindgen
//! glue (the script `#borderlines-glue`) and a few lines of boot code, handed
//! the already compiled `WebAssembly.Module` by `postMessage`; the worker
//! calls `initSync` and then [`worker_main`], exported by the app binary. The
//! page's CSP allows exactly `worker-src blob:` for it.
//!
//! Protocol (plain JS objects, see [`protocol`]):
//! - page → worker `{kind:"job", id, base, total, mappings}`, then `{kind:"files", id,
//!   files}` (50 `File`s each, one task apart: cloning a `File` into a
//!   message costs the page ~0.2 ms), then `{kind:"run", id}`. `base` says which corpus
//!   the files are added to — `"keep"` (the engine the worker built last),
//!   `"embedded"` (the seeds in the binary) or an `ArrayBuffer` snapshot of
//!   the page's engine (transferred); the files are read in the worker one at
//!   a time (`FileReaderSync`) while they are added. `mappings` is JSON
//!   text: the column → field mappings the user chose for tables and JSON
//!   exports (`[{columns, mapping: {title, text, date, source, url,
//!   author}}]`, see `borderlines_core::load::ChosenMapping`); a file whose
//!   columns start with a mapping's columns is read with it, others with the
//!   mapping guessed from their column names.
//! - worker → page `{kind:"ready"}` once, `{kind:"progress", id, done, total,
//!   bytes, current, phase}` at most every 100 ms, then
//!   `{kind:"done", id, snapshot?, added, skipped, duplicates?, worker_ms}` or
//!   `{kind:"error", id, message}`.
//!
//! The worker keeps its engine between jobs, so the next job on the same
//! corpus sends no snapshot (and can become incremental). Cancel terminates
//! the worker (the page's engine is untouched) and the next job starts a new
//! one. If the worker cannot start, files are added on the main thread, as
//! before, and the status says so.

mod client;
pub mod protocol;
mod worker;

pub use client::{add, add_on_main, cancel, keep_duplicates, remember_snapshot};
pub use worker::worker_main;
