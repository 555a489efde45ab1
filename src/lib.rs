//! The Borderlines web app: Leptos components that render the corpus and
//! wire signals. All understanding of documents lives in the core crates;
//! this crate reaches them only through `borderlines-engine`: it decodes the
//! embedded snapshot, keeps the view state in sync with the URL fragment,
//! shares the selection through [`session`], and draws the [`views`].

pub mod annotations;
pub mod browser_streams;
pub mod components;
pub mod corpus;
pub mod data_packs;
pub mod debounce;
pub mod download;
pub mod import;
pub mod load_worker;
pub mod open_snapshot;
pub mod reference_pack;
pub mod save_page;
pub mod saved_corpus;
pub mod session;
pub mod url_sync;
pub mod views;

/// Mounts the whole app on `<body>`; called once by the wasm entry point.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(components::App);
}
