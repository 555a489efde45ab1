//! The Borderlines web app: Leptos components that render the corpus and
//! wire signals. All understanding of documents lives in the core crates
//! (`borderlines-core`, `borderlines-search`); this crate decodes the
//! embedded bundle and index, keeps the view state in sync with the URL
//! fragment, asks the [`engine::Engine`] for results and marks, and draws.

pub mod annotations;
pub mod components;
pub mod corpus;
pub mod engine;
pub mod fields;
pub mod url_sync;

/// Mounts the whole app on `<body>`; called once by the wasm entry point.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(components::App);
}
