//! The loading module (`crates/borderlines-loader`) as the page carries it:
//! its wasm gzip-compressed and base64-encoded in a data pack (the comment
//! `<!--borderlines-pack-loader …-->`, see `crate::data_packs`) and its
//! wasm-bindgen glue in `<script
//! id="borderlines-loader-glue">` (which only defines the global
//! `borderlines_loader`), with the world gazetteer it installs before it
//! extracts (`borderlines-pack-places`). Nothing of them is decoded or
//! compiled until the user adds files.

use std::cell::RefCell;

use crate::browser_streams::gunzip;
use js_sys::{Function, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The element holding the compressed module.
pub(crate) const PACK_ID: &str = "borderlines-pack-loader";
/// The element holding the compressed world gazetteer the module installs.
pub(crate) const PLACES_ID: &str = "borderlines-pack-places";
/// The element holding the module's glue.
const GLUE_ID: &str = "borderlines-loader-glue";
/// The global the glue defines (`wasm-bindgen --no-modules-global`).
const GLOBAL: &str = "borderlines_loader";

thread_local! {
    static COMPRESSED: RefCell<Option<Uint8Array>> = const { RefCell::new(None) };
    static PLACES: RefCell<Option<Uint8Array>> = const { RefCell::new(None) };
}

pub use crate::browser_streams::js_error;

/// The loading module's glue (the text of its script), for the worker's Blob.
pub fn glue() -> Result<String, String> {
    crate::data_packs::element_text(GLUE_ID)
}

/// The compressed module (gzip), decoded from its base64 once per page.
pub fn compressed() -> Result<Uint8Array, String> {
    pack(&COMPRESSED, PACK_ID)
}

/// The compressed world gazetteer (gzip), decoded once per page.
pub fn places() -> Result<Uint8Array, String> {
    pack(&PLACES, PLACES_ID)
}

/// The bytes of the data pack `id`, decoded from its base64 once per page.
fn pack(
    cache: &'static std::thread::LocalKey<RefCell<Option<Uint8Array>>>,
    id: &str,
) -> Result<Uint8Array, String> {
    if let Some(bytes) = cache.with_borrow(Clone::clone) {
        return Ok(bytes);
    }
    let bytes = crate::data_packs::compressed(id)?;
    cache.set(Some(bytes.clone()));
    Ok(bytes)
}

/// Starts the loading module on the main thread (when no worker can start):
/// inflates and compiles it (both off the main thread, by the browser),
/// instantiates it through its glue and returns a new `Session`.
pub async fn start_on_main_thread() -> Result<JsValue, String> {
    crate::data_packs::parsed().await;
    let wasm = gunzip(&compressed()?).await?;
    let places = gunzip(&places()?).await?;
    let module = JsFuture::from(js_sys::WebAssembly::compile(&wasm))
        .await
        .map_err(js_error)?;
    let global = Reflect::get(&js_sys::global(), &GLOBAL.into()).map_err(js_error)?;
    if global.is_undefined() {
        return Err("the page has no loading module's glue".into());
    }
    let init: Function = Reflect::get(&global, &"initSync".into())
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "the loading module's glue has no initSync")?;
    let options = Object::new();
    Reflect::set(&options, &"module".into(), &module).map_err(js_error)?;
    init.call1(&global, &options).map_err(js_error)?;
    let install: Function = Reflect::get(&global, &"install_places".into())
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "the loading module cannot install the gazetteer")?;
    install
        .call1(&global, &Uint8Array::new(&places))
        .map_err(js_error)?;
    let session: Function = Reflect::get(&global, &"Session".into())
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "the loading module has no Session")?;
    Reflect::construct(&session, &js_sys::Array::new()).map_err(js_error)
}
