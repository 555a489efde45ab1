//! The messages between the page and its loading module
//! (`borderlines-loader`), as plain JS objects, and small helpers to build
//! and read them. Both wasm modules link this crate, so the two ends agree.
//!
//! Protocol:
//! - page → loader `{kind:"job", id, base, total, mappings}`, then
//!   `{kind:"files", id, files}` (50 each, one task apart), then
//!   `{kind:"run", id}`; or `{kind:"keep", id, base, total, documents}`
//!   (documents already parsed, as a corpus bundle in an `ArrayBuffer`); or
//!   `{kind:"remove", id, base, total, ids}` (an array of document ids).
//!   `base` is the corpus the job adds to: `"keep"` (the engine the loader
//!   built last), `"empty"`, or an `ArrayBuffer` holding a snapshot (the
//!   seeds' or the page's engine). `files` holds `File`s (read with `FileReaderSync` in a
//!   worker) or `{name, bytes}` objects (an `ArrayBuffer`; the main thread
//!   cannot read a `File` synchronously). `mappings` is JSON text: the
//!   column → field mappings the user chose for tables and JSON exports
//!   (`borderlines_core::load::ChosenMapping`).
//! - page → loader `{kind:"preview", id, files}` (loose tables as `{name,
//!   bytes, complete}`, their head read by the page; ZIP archives as
//!   `File`s): loader → page `{kind:"previews", id, previews, unreadable}`:
//!   the tables and JSON exports among and inside them, `[(name, Preview)]`
//!   as postcard bytes (an `ArrayBuffer`), for the mapping review, and how
//!   many loose tables could not be read as tables.
//! - loader → page `{kind:"ready"}` once (sent by the worker's boot code),
//!   `{kind:"progress", id, done, total, bytes, current, phase}` at most
//!   every 100 ms, then `{kind:"done", id, snapshot?, added, removed?,
//!   skipped, duplicates?, worker_ms}` or `{kind:"error", id, message}`;
//!   `{kind:"failed", message}` if the module could not start.

use borderlines_core::formats::preview::Preview;
use borderlines_core::load::ChosenMapping;
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Most files in one `files` message. The page reads a batch's bytes
/// (the next batch is read meanwhile) and transfers them: small batches
/// keep each message's work on the main thread short, and about a hundred
/// reads in flight keep the browser's file reading busy.
pub const FILES_PER_MESSAGE: usize = 50;

/// A new empty object.
pub fn object() -> Object {
    Object::new()
}

/// Sets `key` on `obj` (a failure to set a field on a fresh object cannot
/// happen; it is ignored).
pub fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

/// The field `key` of `obj` (`undefined` when missing).
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The string field `key`, or "".
pub fn get_str(obj: &JsValue, key: &str) -> String {
    get(obj, key).as_string().unwrap_or_default()
}

/// The number field `key`, or 0.
pub fn get_f64(obj: &JsValue, key: &str) -> f64 {
    get(obj, key).as_f64().unwrap_or(0.0)
}

/// A copy of `bytes` in a new `ArrayBuffer`, to post (and transfer).
pub fn buffer_of(bytes: &[u8]) -> js_sys::ArrayBuffer {
    js_sys::Uint8Array::from(bytes).buffer()
}

/// A copy of the bytes of `value`, when it is an `ArrayBuffer`.
pub fn bytes_of(value: &JsValue) -> Option<Vec<u8>> {
    value
        .dyn_ref::<js_sys::ArrayBuffer>()
        .map(|b| js_sys::Uint8Array::new(b).to_vec())
}

/// The mappings a job carries, as JSON text (`"[]"` for none).
pub fn mappings_to_js(mappings: &[ChosenMapping]) -> JsValue {
    JsValue::from_str(&serde_json::to_string(mappings).unwrap_or_else(|_| "[]".into()))
}

/// The mappings of a job message (none when missing or unreadable).
pub fn mappings_from_js(value: &JsValue) -> Vec<ChosenMapping> {
    value
        .as_string()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Previews of tables (file name and what its head holds) as a message
/// field: postcard bytes in an `ArrayBuffer`.
pub fn previews_to_js(previews: &[(String, Preview)]) -> JsValue {
    let bytes = postcard::to_allocvec(previews).unwrap_or_default();
    buffer_of(&bytes).into()
}

/// The previews of a `previews` message (none when missing or unreadable).
pub fn previews_from_js(value: &JsValue) -> Vec<(String, Preview)> {
    bytes_of(value)
        .and_then(|bytes| postcard::from_bytes(&bytes).ok())
        .unwrap_or_default()
}
