//! "Save as page": a new single-file Borderlines page that carries the
//! corpus on screen, with its prebuilt snapshot, in place of the page's own
//! corpus — the same code, style, CSP and loading module, byte for byte, so
//! it opens from file:// on any machine with no network and no re-indexing.
//!
//! The page's parts are taken back from the document: `<head>` (the CSP,
//! the style) and the five scripts of the body by their ids, whose texts
//! the browser keeps exactly as they were (the CSP's hashes prove it when
//! the saved page starts). Only the corpus element is new
//! (`borderlines_engine::page_corpus`): the snapshot, gzip-compressed by the
//! browser's `CompressionStream`, then base64.

use base64::Engine as _;
use borderlines_engine::page_corpus::{corpus_element, replace_corpus};
use borderlines_engine::Engine;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The body's scripts, in page order (see index.html).
const SCRIPT_IDS: &[&str] = &[
    "borderlines-glue",
    "borderlines-loader-glue",
    "borderlines-corpus",
    "borderlines-boot",
    "borderlines-pack-loader",
    "borderlines-pack-places",
];

#[wasm_bindgen]
extern "C" {
    /// The browser's `CompressionStream` (web-sys has it only behind its
    /// unstable APIs); also a `{readable, writable}` pair.
    #[wasm_bindgen(js_name = CompressionStream)]
    type CompressionStream;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
}

fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

/// `bytes` gzip-compressed by the browser (off the main thread).
async fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(js_error)?;
    let deflate = CompressionStream::new("gzip").map_err(js_error)?;
    let stream = blob
        .stream()
        .pipe_through(deflate.unchecked_ref::<web_sys::ReadableWritablePair>());
    let response =
        web_sys::Response::new_with_opt_readable_stream(Some(&stream)).map_err(js_error)?;
    let buffer = JsFuture::from(response.array_buffer().map_err(js_error)?)
        .await
        .map_err(js_error)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// This page's text as it was built: its head and its scripts.
fn page_text() -> Result<String, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let head = document.head().ok_or("the page has no head")?;
    let mut page = String::from("<!doctype html>\n<html lang=\"en\">\n");
    page.push_str(&head.outer_html());
    page.push_str("\n<body>\n");
    if let Some(noscript) = document.query_selector("body > noscript").ok().flatten() {
        page.push_str(&noscript.outer_html());
        page.push('\n');
    }
    for id in SCRIPT_IDS {
        let script = document
            .get_element_by_id(id)
            .ok_or_else(|| format!("the page has no {id}"))?;
        page.push_str(&script.outer_html());
        page.push('\n');
    }
    page.push_str("</body>\n</html>\n");
    Ok(page)
}

/// A new page carrying `engine`'s corpus under `name`.
pub async fn page_with(engine: &Engine, name: &str) -> Result<String, String> {
    let snapshot = engine.to_snapshot().map_err(|e| e.to_string())?;
    let compressed = gzip(&snapshot).await?;
    drop(snapshot);
    let element = corpus_element(
        &base64::engine::general_purpose::STANDARD.encode(&compressed),
        name,
    );
    replace_corpus(&page_text()?, &element).map_err(|e| e.to_string())
}

/// Hands `text` to the browser as a download named `file_name` (a Blob
/// URL: nothing is uploaded or fetched).
pub fn download(text: &str, file_name: &str) -> Result<(), String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/html");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let a: web_sys::HtmlAnchorElement = leptos::prelude::document()
        .create_element("a")
        .map_err(js_error)?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // The download has its own reference to the Blob once started.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}

/// A file name for a page carrying `name` ("borderlines-my-corpus.html").
pub fn file_name(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "borderlines.html".into()
    } else {
        format!("borderlines-{slug}.html")
    }
}
