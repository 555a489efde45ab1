//! Entry point of the wasm binary: mounts the explorer on the page.

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    borderlines_app::start();
}

/// Entry point of the loading worker (see `borderlines_app::load_worker`):
/// called by the worker's boot code after `initSync`.
#[wasm_bindgen]
pub fn worker_main() {
    borderlines_app::load_worker::worker_main();
}
