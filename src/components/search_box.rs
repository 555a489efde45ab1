use borderlines_search::query::MAX_QUERY_CHARS;
use leptos::html::Input;
use leptos::prelude::*;

/// Most characters the box takes. A pasted 60,000-character text cost the
/// browser itself a 100–240 ms task to lay out (our search of it: 0.5 ms);
/// twice what is searched still lets the page say that the query was cut.
const MAX_BOX_CHARS: usize = 2 * MAX_QUERY_CHARS;

/// The search box's element id (the session defers the facets while the
/// focus is in it: see `Session::trailing`).
pub const SEARCH_INPUT_ID: &str = "search-input";

/// The search field. Searches as you type; "/" anywhere focuses it and
/// Escape clears it. Hook: `data-testid="search-input"`.
#[component]
pub fn SearchBox(
    /// The current query text.
    query: Signal<String>,
    /// Called with the new text on every edit.
    on_query: Callback<String>,
) -> impl IntoView {
    let input: NodeRef<Input> = NodeRef::new();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing_elsewhere = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA"));
        if ev.key() == "/" && !typing_elsewhere {
            if let Some(el) = input.get() {
                ev.prevent_default();
                let _ = el.focus();
            }
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <div class="search" role="search">
            <label class="visually-hidden" for=SEARCH_INPUT_ID>"Search the documents"</label>
            <input
                id=SEARCH_INPUT_ID
                node_ref=input
                type="search"
                class="search-input"
                data-testid="search-input"
                placeholder="Search the documents  ( / )"
                autocomplete="off"
                spellcheck="false"
                maxlength=MAX_BOX_CHARS
                prop:value=query
                on:input=move |ev| on_query.run(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        on_query.run(String::new());
                    }
                }
            />
        </div>
    }
}
