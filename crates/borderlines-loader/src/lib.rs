//! The page's loading module: a wasm module of its own, apart from the
//! explorer's, holding everything that reads the user's files (every format
//! parser, html5ever included), indexes them and extracts their insights.
//! The page stores it gzip-compressed as a data pack and decompresses and
//! compiles it only when the user first adds files, so none of this code
//! is compiled at startup.
//!
//! It runs in a Web Worker started from the page's single file (a Blob of
//! this module's inline glue and a few lines of boot code, given the
//! compressed module by `postMessage`); where no worker can start, the
//! page instantiates it on the main thread and calls the same
//! [`Session::handle`]. The messages are described in
//! `borderlines_messages`.

mod session;

pub use session::Session;

use wasm_bindgen::prelude::*;

/// Installs the world gazetteer (the page's `borderlines-pack-places`,
/// inflated) for every extraction this module runs; called once by the
/// boot code, before the first message. A pack that cannot be decoded is
/// an error: the page is damaged.
#[wasm_bindgen]
pub fn install_places(pack: &[u8]) -> Result<(), JsError> {
    borderlines_extract::install_gazetteer(pack)
        .map(drop)
        .map_err(|e| JsError::new(&e.to_string()))
}
