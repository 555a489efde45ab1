use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::import::Importer;

/// "Add documents": reads the user's text, Markdown, CSV/TSV, JSON and JSON
/// Lines files in the page (nothing is uploaded anywhere) through the
/// [`Importer`]: tables and JSON exports get their column mapping checked
/// first (`MappingReview`), then everything is parsed, indexed and
/// extracted with the same core as the embedded corpus — in a Web Worker
/// (`load_worker`), or on the main thread when no worker can start — and
/// what was added or skipped, and why, is shown by `LoadStatus`. Hook:
/// `add-documents` (the file input).
#[component]
pub fn AddDocuments(
    /// Where the chosen files go.
    importer: Importer,
) -> impl IntoView {
    let accept = borderlines_core::load::OFFERED_EXTENSIONS
        .iter()
        .map(|ext| format!(".{ext}"))
        .chain(
            [
                "text/plain",
                "text/markdown",
                "text/csv",
                "application/json",
            ]
            .map(String::from),
        )
        .collect::<Vec<_>>()
        .join(",");
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
        importer.take(files, None);
    };
    view! {
        <div class="add-documents">
            <label class="add-button" title="Add your own text, Markdown, CSV/TSV, JSON or JSON Lines files (or drop them, folders too); they stay in this page">
                "+ Add documents"
                <input
                    type="file"
                    multiple
                    accept=accept
                    class="visually-hidden"
                    data-testid="add-documents"
                    prop:disabled=move || importer.busy()
                    on:change=on_change
                />
            </label>
        </div>
    }
}
