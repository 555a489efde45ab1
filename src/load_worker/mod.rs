//! Adding the user's files off the main thread. Reading, indexing and
//! extraction live in the loading module (`crates/borderlines-loader`), a
//! wasm module of its own that the page carries compressed and starts only
//! when files are added ([`loader_module`]). It runs in one Web Worker
//! started from the page's single file: a Blob made of the module's inline
//! glue and a few lines of boot code, handed the compressed module by
//! `postMessage`; the page's CSP allows exactly `worker-src blob:` for it.
//! Where no worker can start, the same module runs on the main thread
//! behind the same messages (the page blocks while it indexes, and the
//! status says so).
//!
//! The messages are described in `borderlines_messages`. The loader keeps
//! its engine between jobs, so the next job on the same corpus sends no
//! snapshot. Cancel terminates the worker (the page's engine is untouched)
//! and the next job starts a new one.

mod client;
pub(crate) mod loader_module;

pub use client::{
    add, cancel, export_in_worker, keep_duplicates, preview, rebuild, remember_snapshot, remove,
};
