use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use borderlines_engine::Engine;

use crate::components::LoadOutcome;
use crate::load_worker;

/// "Add documents": reads the user's text and Markdown files in the page
/// (nothing is uploaded anywhere), parses, indexes and extracts them with the
/// same core as the embedded corpus — in a Web Worker (`load_worker`), or on
/// the main thread when no worker can start — and reports what was added or skipped
/// and why through `status` (shown by `LoadStatus`). Hook: `add-documents`
/// (the file input).
#[component]
pub fn AddDocuments(
    /// The engine to extend; replaced by one that also holds the new files.
    engine: RwSignal<Arc<Engine>>,
    /// Where the outcome is written.
    status: RwSignal<Option<LoadOutcome>>,
) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(list) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        // Let the same files be chosen again later.
        input.set_value("");
        if files.is_empty() {
            return;
        }
        if let Err((files, why)) = load_worker::add(files, engine, status) {
            load_worker::add_on_main(files, engine, status, Some(why));
        }
    };
    view! {
        <div class="add-documents">
            <label class="add-button" title="Add your own .txt or .md files; they stay in this page">
                "+ Add documents"
                <input
                    type="file"
                    multiple
                    accept=".txt,.text,.md,.markdown,text/plain,text/markdown"
                    class="visually-hidden"
                    data-testid="add-documents"
                    prop:disabled=move || status.with(|s| s.as_ref().is_some_and(|s| s.busy))
                    on:change=on_change
                />
            </label>
        </div>
    }
}
