use std::sync::Arc;

use borderlines_core::load::add_files;
use borderlines_core::text::strip_bidi_controls;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use borderlines_engine::Engine;

use crate::components::LoadOutcome;

/// "Add documents": reads the user's text and Markdown files in the page
/// (nothing is uploaded anywhere), parses, indexes and extracts them with the
/// same core as the embedded corpus, and reports what was added or skipped
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
        status.set(Some(LoadOutcome::reading(files.len())));
        spawn_local(async move {
            let mut read = Vec::with_capacity(files.len());
            let mut unreadable = Vec::new();
            for file in files {
                let name = file.name();
                let file = gloo_file::File::from(file);
                match gloo_file::futures::read_as_bytes(&file).await {
                    Ok(bytes) => read.push((name, bytes)),
                    Err(e) => unreadable.push((
                        strip_bidi_controls(&name).into_owned(),
                        format!("could not be read ({e})"),
                    )),
                }
            }
            let current = engine.get_untracked();
            let (corpus, report) = add_files(current.corpus(), read);
            if !report.added.is_empty() {
                engine.set(Arc::new(Engine::build(Arc::new(corpus))));
            }
            let mut problems = report.skipped;
            problems.extend(unreadable);
            status.set(Some(LoadOutcome::done(
                report.added.len(),
                problems,
                report.duplicates,
            )));
        });
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
                    on:change=on_change
                />
            </label>
        </div>
    }
}
