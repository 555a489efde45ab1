//! Saving a file made in the page: the text becomes a `Blob`, a `blob:`
//! URL is clicked with a file name, and the URL is let go a minute later
//! (once the browser has the file). Nothing is uploaded or fetched; unlike
//! the `data:` URLs of the small table exports (`components::ExportLink`),
//! a `blob:` URL has no length limit, so a whole corpus can be saved.

use crate::browser_streams::js_error;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` as a download named `file_name` of type `mime`; says why
/// not when the browser refuses.
pub fn save_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    save_parts(
        file_name,
        mime,
        &js_sys::Array::of1(&JsValue::from_str(text)),
    )
}

/// Offers the bytes of `buffer` (text made by the loading module) as a
/// download named `file_name` of type `mime`.
pub fn save_buffer(
    file_name: &str,
    mime: &str,
    buffer: &js_sys::ArrayBuffer,
) -> Result<(), String> {
    save_parts(file_name, mime, &js_sys::Array::of1(buffer))
}

fn save_parts(file_name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        Blob::new_with_buffer_source_sequence_and_options(parts, &options).map_err(js_error)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let a: HtmlAnchorElement = document()
        .create_element("a")
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "no link element".to_owned())?;
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}
