//! The browser pieces that more than one part of the page needs: gzip in
//! and out through `CompressionStream` / `DecompressionStream` (the browser
//! does the work, off the main thread; no JS or Rust inflater in the page),
//! and a JS error said in words.

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The browser's `CompressionStream` (web-sys has it only behind its
    /// unstable APIs); also a `{readable, writable}` pair.
    #[wasm_bindgen(js_name = CompressionStream)]
    type CompressionStream;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    /// The browser's `DecompressionStream`, likewise.
    #[wasm_bindgen(js_name = DecompressionStream)]
    type DecompressionStream;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// Why a JS value failed, in words.
pub fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

/// `bytes` piped through a transform stream, read back as an `ArrayBuffer`.
async fn pipe(bytes: &Uint8Array, through: &JsValue) -> Result<JsValue, String> {
    let parts = js_sys::Array::of1(bytes);
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(js_error)?;
    let stream = blob
        .stream()
        .pipe_through(through.unchecked_ref::<web_sys::ReadableWritablePair>());
    let response =
        web_sys::Response::new_with_opt_readable_stream(Some(&stream)).map_err(js_error)?;
    JsFuture::from(response.array_buffer().map_err(js_error)?)
        .await
        .map_err(js_error)
}

/// `bytes` gzip-compressed by the browser.
pub async fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let deflate = CompressionStream::new("gzip").map_err(js_error)?;
    let buffer = pipe(&Uint8Array::from(bytes), &deflate).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// `gz` inflated by the browser, as an `ArrayBuffer`.
pub async fn gunzip(gz: &Uint8Array) -> Result<JsValue, String> {
    let inflate = DecompressionStream::new("gzip").map_err(js_error)?;
    pipe(gz, &inflate).await
}
