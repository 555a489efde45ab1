use std::sync::Arc;

use borderlines_engine::corpus_export::export_file;
use borderlines_engine::Engine;
use leptos::prelude::*;

use crate::components::plural;
use crate::download::{save_buffer, save_text};
use crate::load_worker::export_in_worker;
use crate::session::use_session;

/// What is exported.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Corpus,
    Selection,
}

/// In which form.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    JsonLines,
    Csv,
    Insights,
}

/// What the page's writer gives: the file's text or why there is none; in
/// the page, or the reason the writers' module could not be loaded.
#[cfg(borderlines_split)]
type Written = Result<Result<String, String>, leptos::wasm_split::SplitLoaderError>;
#[cfg(not(borderlines_split))]
type Written = Result<Result<String, String>, std::convert::Infallible>;

/// Writes an export in the page: a small corpus, or no worker. The writers
/// (JSON, CSV, insights) are 16 KB of code nobody needs before the first
/// export, so in the page they are a module of their own, loaded then (a
/// `wasm_split` split point, `fallible` like the views': see
/// `views::lazy_views`).
#[cfg_attr(
    borderlines_split,
    leptos::wasm_split::wasm_split(export_writers, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn write_in_page(engine: Arc<Engine>, docs: Vec<u32>, key: &'static str) -> Written {
    Ok(export_file(&engine, &docs, key))
}

/// [`write_in_page`] once its module is loaded.
#[cfg(borderlines_split)]
async fn write_here(
    engine: Arc<Engine>,
    docs: Vec<u32>,
    key: &'static str,
) -> Result<String, String> {
    write_in_page(engine, docs, key)
        .await
        .unwrap_or_else(|_| Err("the page's export code is damaged or missing".into()))
}

/// [`write_in_page`]: not split, the code is all there.
#[cfg(not(borderlines_split))]
async fn write_here(
    engine: Arc<Engine>,
    docs: Vec<u32>,
    key: &'static str,
) -> Result<String, String> {
    let Ok(written) = write_in_page(engine, docs, key);
    written
}

/// "Export": the whole corpus or the current selection as documents with
/// their metadata (JSON Lines, CSV with formulas neutralised) or as their
/// insights (JSON, the schema of `borderlines inspect`), written by
/// `borderlines_engine::corpus_export` (in the loading worker from 1,000
/// documents on, so the page keeps answering) and saved as a file. Hooks:
/// `export-menu`, `export-corpus-jsonl`, `export-corpus-csv`,
/// `export-corpus-insights`, `export-selection-jsonl`,
/// `export-selection-csv`, `export-selection-insights`, `export-note`.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let session = use_session();
    let note = RwSignal::new(None::<String>);
    let corpus_size = move || session.engine.with(|e| e.corpus().documents.len());
    let selection_size = move || session.selection.with(|s| s.docs().len());
    let save = move |scope: Scope, form: Form| {
        let engine = session.engine.get_untracked();
        let docs: Vec<u32> = match scope {
            Scope::Corpus => (0..engine.corpus().documents.len() as u32).collect(),
            Scope::Selection => session.selection.with_untracked(|s| s.docs().to_vec()),
        };
        let stem = match scope {
            Scope::Corpus => "borderlines-corpus",
            Scope::Selection => "borderlines-selection",
        };
        let (name, mime, key) = match form {
            Form::JsonLines => (format!("{stem}.jsonl"), "application/x-ndjson", "jsonl"),
            Form::Csv => (format!("{stem}.csv"), "text/csv;charset=utf-8", "csv"),
            Form::Insights => (
                format!("{stem}-insights.json"),
                "application/json",
                "insights",
            ),
        };
        note.set(Some(format!("Writing {name}…")));
        leptos::task::spawn_local(async move {
            // A large corpus is written by the loading worker (the page
            // keeps answering); a small one, or without a worker, here.
            let (outcome, writer) = match export_in_worker(&engine, &docs, key).await {
                Some(Ok(bytes)) => (save_buffer(&name, mime, &bytes), "worker"),
                Some(Err(why)) => (Err(why), "worker"),
                None => (
                    write_here(engine, docs.clone(), key)
                        .await
                        .and_then(|text| save_text(&name, mime, &text)),
                    "page",
                ),
            };
            // Test hook: who wrote the last export.
            let _ = js_sys::Reflect::set(&window(), &"__borderlines_export".into(), &writer.into());
            note.set(Some(match outcome {
                Ok(()) => format!(
                    "Saved {name}: {}.",
                    plural(docs.len(), "document", "documents")
                ),
                Err(why) => format!("{name} could not be saved: {why}."),
            }));
        });
    };
    let button = move |scope: Scope, form: Form, testid: &'static str, label: &'static str| {
        view! {
            <button type="button" data-testid=testid on:click=move |_| save(scope, form)>{label}</button>
        }
    };
    view! {
        <details class="corpus-switch export-menu" data-testid="export-menu">
            <summary title="Save the documents or their insights as files">"Export"</summary>
            <div class="corpus-menu export-options">
                <p class="export-scope">
                    "Whole corpus "
                    <span class="export-count">{move || format!("({})", plural(corpus_size(), "document", "documents"))}</span>
                </p>
                <div class="export-forms">
                    {button(Scope::Corpus, Form::JsonLines, "export-corpus-jsonl", "JSON Lines")}
                    {button(Scope::Corpus, Form::Csv, "export-corpus-csv", "CSV")}
                    {button(Scope::Corpus, Form::Insights, "export-corpus-insights", "Insights JSON")}
                </div>
                <p class="export-scope">
                    "Current selection "
                    <span class="export-count">{move || format!("({})", plural(selection_size(), "document", "documents"))}</span>
                </p>
                <div class="export-forms">
                    {button(Scope::Selection, Form::JsonLines, "export-selection-jsonl", "JSON Lines")}
                    {button(Scope::Selection, Form::Csv, "export-selection-csv", "CSV")}
                    {button(Scope::Selection, Form::Insights, "export-selection-insights", "Insights JSON")}
                </div>
                <p class="saved-note export-help">
                    "Documents with their metadata, what their files stated, and their text; insights as "
                    <code>"borderlines inspect"</code>" prints them. Cells that would start a spreadsheet formula begin with an apostrophe."
                </p>
                {move || note.get().map(|n| view! { <p class="saved-note" role="status" data-testid="export-note">{n}</p> })}
            </div>
        </details>
    }
}
