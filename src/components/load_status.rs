use std::sync::Arc;

use borderlines_core::Document;
use borderlines_engine::Engine;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::plural;

/// What the last "Add documents" is doing or did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadOutcome {
    /// Still reading and indexing.
    pub busy: bool,
    /// One line: "Added 12 documents. Skipped 57."
    pub summary: String,
    /// Every file not added: (file name, reason).
    pub problems: Vec<(String, String)>,
    /// Files skipped as duplicates, parsed, in case the user keeps them.
    pub duplicates: Arc<Vec<Document>>,
    /// While busy in the loading worker: (done, total) for the progress bar.
    pub progress: Option<(f64, f64)>,
    /// Whether the corpus is kept across reloads ("Kept in this browser."),
    /// said after the summary once saving is done or failed.
    pub kept: Option<String>,
    /// (file name, encoding) of every file that was not UTF-8: how it was read.
    pub encodings: Vec<(String, String)>,
}

/// "Read as EUC-KR: a.txt, b.txt · Shift_JIS: list.csv", a few names each.
pub fn encodings_line(encodings: &[(String, String)]) -> Option<String> {
    if encodings.is_empty() {
        return None;
    }
    let mut by_encoding: Vec<(&str, Vec<&str>)> = Vec::new();
    for (name, encoding) in encodings {
        match by_encoding.iter_mut().find(|(e, _)| e == encoding) {
            Some((_, names)) => names.push(name),
            None => by_encoding.push((encoding, vec![name])),
        }
    }
    let parts: Vec<String> = by_encoding
        .into_iter()
        .map(|(encoding, names)| {
            let shown = names.iter().take(3).copied().collect::<Vec<_>>().join(", ");
            match names.len() {
                n if n > 3 => format!("{encoding}: {shown} and {} more", n - 3),
                _ => format!("{encoding}: {shown}"),
            }
        })
        .collect();
    Some(format!("Read as {}", parts.join(" · ")))
}

impl LoadOutcome {
    /// The line said while files are read.
    pub fn reading(files: usize) -> Self {
        LoadOutcome {
            busy: true,
            summary: format!("Reading {}…", plural(files, "file", "files")),
            ..LoadOutcome::default()
        }
    }

    /// A step of a load in the worker: `summary` says what it is doing,
    /// `progress` is (done, total) for the bar.
    pub fn progress(summary: String, progress: (f64, f64)) -> Self {
        LoadOutcome {
            busy: true,
            summary,
            progress: Some(progress),
            ..LoadOutcome::default()
        }
    }

    /// The line after the user cancelled.
    pub fn cancelled() -> Self {
        LoadOutcome {
            summary: "Cancelled: no document added, the corpus is as it was.".to_owned(),
            ..LoadOutcome::default()
        }
    }

    /// A plain statement (a corpus opened, saved data cleared).
    pub fn said(summary: String) -> Self {
        LoadOutcome {
            summary,
            ..LoadOutcome::default()
        }
    }

    /// A load that failed as a whole, said in `summary`.
    pub fn failed(summary: String) -> Self {
        LoadOutcome {
            summary,
            ..LoadOutcome::default()
        }
    }

    /// The summary line of a finished load.
    pub fn done(added: usize, problems: Vec<(String, String)>, duplicates: Vec<Document>) -> Self {
        let mut summary = match added {
            0 => "No document added.".to_owned(),
            n => format!("Added {}.", plural(n, "document", "documents")),
        };
        if !problems.is_empty() {
            summary.push_str(&format!(" Skipped {}.", problems.len()));
        }
        LoadOutcome {
            busy: false,
            summary,
            problems,
            duplicates: Arc::new(duplicates),
            progress: None,
            kept: None,
            encodings: Vec::new(),
        }
    }
}

/// The outcome of adding files, as a bar under the header that pushes the
/// page down rather than covering it: one summary line, a "Details" button
/// that opens the full list of skipped files with their reasons (scrolls,
/// closes with Escape and gives focus back), and "Add them anyway" for
/// duplicates; while files load in the worker, a progress bar and "Cancel".
/// Hooks: `load-status`, `load-progress`, `load-cancel`, `load-details-toggle`, `load-details`,
/// `keep-duplicates`.
#[component]
pub fn LoadStatus(
    /// The outcome shown; `None` hides the bar.
    status: RwSignal<Option<LoadOutcome>>,
    /// The engine to extend when duplicates are kept.
    engine: RwSignal<Arc<Engine>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let toggle_ref = NodeRef::<leptos::html::Button>::new();
    let close = move || {
        open.set(false);
        if let Some(button) = toggle_ref.get_untracked() {
            let _ = button.focus();
        }
    };
    // Escape closes the details wherever focus is (they are not modal).
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            close();
        }
    });
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        // A new load starts with its details closed.
        status.track();
        open.set(false);
    });
    let keep_duplicates = move |_| {
        let Some(outcome) = status.get_untracked() else {
            return;
        };
        let docs = (*outcome.duplicates).clone();
        let problems: Vec<(String, String)> = outcome
            .problems
            .into_iter()
            .filter(|(_, why)| !why.contains("duplicate"))
            .collect();
        crate::load_worker::keep_duplicates(docs, problems, engine, status);
    };
    let focus_panel = move |panel: web_sys::HtmlElement| {
        let _ = panel.focus();
    };
    view! {
        {move || status.get().map(|outcome| {
            let problems = outcome.problems.clone();
            let has_problems = !problems.is_empty();
            let duplicates = outcome.duplicates.len();
            view! {
                <div class="load-status" class:warn=has_problems class:busy=outcome.busy data-testid="load-status" role="status">
                    <span class="load-summary">{outcome.summary.clone()}</span>
                    {outcome.kept.clone().map(|k| view! { <span class="load-kept" data-testid="load-kept">{k}</span> })}
                    {encodings_line(&outcome.encodings).map(|line| view! {
                        <span class="load-encodings" data-testid="load-encodings">{line}</span>
                    })}
                    {outcome.progress.map(|(done, total)| view! {
                        <progress class="load-progress" data-testid="load-progress" max=total value=done></progress>
                    })}
                    {outcome.busy.then(|| view! {
                        <button class="load-cancel" data-testid="load-cancel" on:click=move |_| crate::load_worker::cancel()>
                            "Cancel"
                        </button>
                    })}
                    {has_problems.then(|| view! {
                        <button
                            class="load-details-toggle"
                            data-testid="load-details-toggle"
                            node_ref=toggle_ref
                            aria-expanded=move || if open.get() { "true" } else { "false" }
                            aria-controls="load-details"
                            on:click=move |_| {
                                let now = !open.get_untracked();
                                open.set(now);
                                if now {
                                    if let Some(panel) = document()
                                        .get_element_by_id("load-details")
                                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                                    {
                                        focus_panel(panel);
                                    }
                                }
                            }
                        >
                            {move || if open.get() { "Hide details" } else { "Details" }}
                        </button>
                    })}
                    {(duplicates > 0).then(|| view! {
                        <button class="keep-duplicates" data-testid="keep-duplicates" on:click=keep_duplicates>
                            {format!("Add the {} anyway", plural(duplicates, "duplicate", "duplicates"))}
                        </button>
                    })}
                    <button class="dismiss" aria-label="Dismiss" title="Dismiss" on:click=move |_| status.set(None)>"×"</button>
                    {has_problems.then(|| view! {
                        <div
                            id="load-details"
                            class="load-details"
                            data-testid="load-details"
                            role="region"
                            aria-label="Files not added"
                            tabindex="-1"
                            hidden=move || !open.get()
                        >
                            <ul>
                                {problems.into_iter().map(|(name, why)| view! {
                                    <li><span class="file-name">{name}</span>": "{why}</li>
                                }).collect::<Vec<_>>()}
                            </ul>
                        </div>
                    })}
                </div>
            }
        })}
    }
}
