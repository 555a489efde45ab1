//! Keeps the [`ViewState`] and the URL fragment in step. Links in the page
//! are plain `#doc=…&q=…` anchors, so opening a document is an ordinary
//! navigation (Back/Forward and "open in new tab" work natively); typing in
//! the search box replaces the current entry instead of flooding history.

use borderlines_core::ViewState;
use leptos::prelude::*;

/// The state read from the current URL fragment.
pub fn current() -> ViewState {
    ViewState::from_fragment(&window().location().hash().unwrap_or_default())
}

/// The `href` of a link that opens `doc` while keeping `query`.
pub fn link_to(doc: &str, query: &str) -> String {
    ViewState {
        doc: Some(doc.to_owned()),
        query: query.to_owned(),
    }
    .to_fragment()
}

/// A signal holding the view state, initialised from the URL, updated on
/// `hashchange` (links, Back/Forward, edited address bar), and written back
/// with `history.replaceState` when the app changes it.
pub fn use_url_state() -> RwSignal<ViewState> {
    let state = RwSignal::new(current());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let from_url = current();
        if state.with_untracked(|s| *s != from_url) {
            state.set(from_url);
        }
    });
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        let fragment = state.with(ViewState::to_fragment);
        if fragment != window().location().hash().unwrap_or_default() {
            replace_fragment(&fragment);
        }
    });
    state
}

/// Replaces the current history entry's fragment without a navigation.
fn replace_fragment(fragment: &str) {
    let location = window().location();
    // An empty fragment must drop the '#', so rebuild the URL from its parts.
    let base = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let url = format!("{base}{fragment}");
    if let Ok(history) = window().history() {
        // A failure here (sandboxed frame) only loses the shareable URL, not the view.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
