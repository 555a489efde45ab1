//! Keeps the [`ViewState`] and the URL fragment in step. Every link in the
//! page (results, facet values, pills, tabs, figure rows, terms) is a plain
//! `#…` anchor built by [`href`], so a click is an ordinary navigation:
//! Back/Forward step through it and "open in new tab" works. Typing in the
//! search box replaces the current entry instead of flooding history.

use borderlines_engine::ViewState;
use leptos::prelude::*;

use crate::debounce::Debounce;

/// Milliseconds of quiet before the URL is rewritten after a change.
const URL_WRITE_DELAY_MS: u64 = 150;

/// The state read from the current URL fragment, with notes on what was ignored.
pub fn current() -> (ViewState, Vec<String>) {
    let parsed = ViewState::parse_fragment(&window().location().hash().unwrap_or_default());
    (parsed.state, parsed.notes)
}

/// The `href` of the current state changed by `change`.
pub fn href(state: &ViewState, change: impl FnOnce(&mut ViewState)) -> String {
    let mut next = state.clone();
    change(&mut next);
    let fragment = next.to_fragment();
    // An empty fragment must still navigate (to the plain page).
    if fragment.is_empty() {
        "#".to_owned()
    } else {
        fragment
    }
}

/// Navigates to a state as a link would (a new history entry).
pub fn go(state: &ViewState) {
    let fragment = state.to_fragment();
    let _ = window().location().set_hash(&fragment);
}

/// A signal holding the view state, initialised from the URL, updated on
/// `hashchange` (links, Back/Forward, edited address bar), and written back
/// with `history.replaceState` when the app changes it; and a signal with
/// the notes about the link (keys or values it ignored).
pub fn use_url_state() -> (RwSignal<ViewState>, RwSignal<Vec<String>>) {
    let (initial, initial_notes) = current();
    let state = RwSignal::new(initial);
    let notes = RwSignal::new(initial_notes);
    // The fragment the state was last read from or written to. When the
    // address differs, a navigation (a click on a link, Back) happened whose
    // `hashchange` has not been handled yet: the delayed write must not
    // replace it with the state of before, or the click is lost.
    let known = StoredValue::new(current_hash());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        known.set_value(current_hash());
        let (from_url, from_notes) = current();
        if state.with_untracked(|s| *s != from_url) {
            state.set(from_url);
        }
        notes.set(from_notes);
    });
    on_cleanup(move || handle.remove());
    // Writing the URL costs a few milliseconds per call, so while the user
    // types it is written once they pause; the write then takes the state as
    // it is by then, so a navigation in between is never undone.
    let write = Debounce::new(URL_WRITE_DELAY_MS);
    Effect::new(move |_| {
        state.track();
        write.schedule(move || {
            let now = current_hash();
            if now != known.get_value() {
                return;
            }
            let fragment = state.with_untracked(ViewState::to_fragment);
            if fragment != now {
                replace_fragment(&fragment);
                known.set_value(current_hash());
            }
        });
    });
    (state, notes)
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
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
