use std::sync::Arc;

use borderlines_engine::snapshot::SnapshotOpener;
use borderlines_engine::Engine;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::{plural, LoadOutcome};
use crate::corpus::now_ms;
use crate::corpus::{carries_seeds, embedded_engine, embedded_name, is_embedded};
use crate::open_snapshot::{open_bytes_in_slices, OpenFigures};
use crate::saved_corpus::{self, SavedInfo};

/// Which corpus the page shows, and the corpus kept in this browser. On
/// start it opens the saved corpus, if any, a slice at a time with its
/// progress in `status` (the seeds answer meanwhile), and a link to one of
/// its documents then opens. A menu switches between the seeds and the
/// saved corpus, clears the saved data (after a second click) and saves the
/// corpus on screen as a new single-file page. Hooks: `corpus-switch`,
/// `corpus-name`, `open-seeds`, `open-saved`, `clear-saved`,
/// `clear-saved-confirm`, `saved-note`, `save-page`, `remove-found`.
#[component]
pub fn CorpusSwitch(
    /// The page's engine; replaced when the user switches corpus.
    engine: RwSignal<Arc<Engine>>,
    /// Where opening and clearing are reported.
    status: RwSignal<Option<LoadOutcome>>,
) -> impl IntoView {
    let saved = saved_corpus::use_saved_info();
    let confirming = RwSignal::new(false);
    let session = crate::session::use_session();
    // The documents a search or filter found, which the user may remove
    // (not offered for the whole corpus: that is "clear").
    let found = Memo::new(move |_| {
        let selection = session.selection.get();
        let total = engine.with(|e| e.corpus().documents.len());
        let n = selection.docs().len();
        (!session.query.with(|q| q.trim().is_empty()) && n > 0 && n < total).then_some(n)
    });
    let confirming_removal = RwSignal::new(false);
    let remove_found = move |_| {
        if !confirming_removal.get_untracked() {
            confirming_removal.set(true);
            return;
        }
        confirming_removal.set(false);
        let ids: Vec<String> = engine.with_untracked(|e| {
            let docs = &e.corpus().documents;
            session
                .selection
                .get_untracked()
                .docs()
                .iter()
                .filter_map(|&i| docs.get(i as usize).map(|d| d.id.clone()))
                .collect()
        });
        crate::load_worker::remove(ids, engine, status);
    };
    // Open the saved corpus once, at start, unless the user already changed corpus.
    spawn_local(async move {
        let read = saved_corpus::load().await;
        // For bench/ui/worker-load.mjs: reading IndexedDB, apart from opening.
        crate::corpus::mark("borderlines:saved-read");
        match read {
            Ok(Some(found)) => {
                saved.set(SavedInfo::Saved {
                    documents: found.documents,
                });
                if is_embedded(&engine.get_untracked()) {
                    open_saved(found, engine, status).await;
                }
            }
            Ok(None) => saved.set(SavedInfo::Nothing),
            Err(why) => saved.set(SavedInfo::Unavailable(why)),
        }
    });
    let showing_seeds = move || engine.with(is_embedded);
    // Short: the search box needs the header's width; the document count
    // is beside it already.
    let name = move || {
        if !showing_seeds() {
            "My corpus".to_owned()
        } else if carries_seeds() {
            "Seeds".to_owned()
        } else {
            embedded_name()
        }
    };
    let page_corpus = if carries_seeds() {
        "Open the seeds".to_owned()
    } else {
        format!("Open “{}”", embedded_name())
    };
    let save_page = move |_| {
        let current = engine.get_untracked();
        let corpus_name = if is_embedded(&current) {
            embedded_name()
        } else {
            "My corpus".to_owned()
        };
        let documents = current.corpus().documents.len();
        status.set(Some(LoadOutcome::said(format!(
            "Making a page with {}…",
            plural(documents, "document", "documents")
        ))));
        spawn_local(async move {
            let made = crate::save_page::page_with(&current, &corpus_name).await;
            let file = crate::save_page::file_name(&corpus_name);
            let said = match made.and_then(|page| {
                crate::download::save_text(&file, "text/html", &page).map(|()| page.len())
            }) {
                Ok(bytes) => format!(
                    "Saved {file} ({:.1} MB) with {}: it opens on its own, from the file, on any computer.",
                    bytes as f64 / 1_048_576.0,
                    plural(documents, "document", "documents")
                ),
                Err(why) => format!("The page could not be saved: {why}."),
            };
            status.set(Some(LoadOutcome::said(said)));
        });
    };
    let note = move || match saved.get() {
        SavedInfo::Checking => "Looking for a saved corpus…".to_owned(),
        SavedInfo::Nothing => {
            "Nothing is saved in this browser yet: documents you add are kept here.".to_owned()
        }
        SavedInfo::Saved { documents } => format!(
            "Saved in this browser: {}. They open when this page starts.",
            plural(documents, "document", "documents")
        ),
        SavedInfo::Unavailable(why) => format!(
            "Nothing can be kept in this browser ({why}): added documents last for this tab only."
        ),
    };
    let has_saved = move || matches!(saved.get(), SavedInfo::Saved { .. });
    let to_seeds = move |_| match embedded_engine() {
        Ok(seeds) => crate::corpus::replace_engine(engine, seeds),
        Err(e) => status.set(Some(LoadOutcome::said(format!(
            "The seeds could not be opened: {e}"
        )))),
    };
    let to_saved = move |_| {
        spawn_local(async move {
            match saved_corpus::load().await {
                Ok(Some(found)) => open_saved(found, engine, status).await,
                Ok(None) => {
                    saved.set(SavedInfo::Nothing);
                    status.set(Some(LoadOutcome::said(
                        "Nothing is saved in this browser.".to_owned(),
                    )));
                }
                Err(why) => status.set(Some(LoadOutcome::said(format!(
                    "The saved corpus could not be read: {why}."
                )))),
            }
        });
    };
    let clear = move |_| {
        if !confirming.get_untracked() {
            confirming.set(true);
            return;
        }
        confirming.set(false);
        spawn_local(async move {
            match saved_corpus::clear().await {
                Ok(()) => {
                    saved.set(SavedInfo::Nothing);
                    status.set(Some(LoadOutcome::said(
                        "Cleared: nothing is saved in this browser any more. The corpus stays open in this tab.".to_owned(),
                    )));
                }
                Err(why) => status.set(Some(LoadOutcome::said(format!(
                    "The saved data could not be cleared: {why}."
                )))),
            }
        });
    };
    view! {
        <details class="corpus-switch" data-testid="corpus-switch">
            <summary data-testid="corpus-name" title="Which corpus is shown, and what this browser keeps">{name}</summary>
            <div class="corpus-menu">
                <p class="saved-note" data-testid="saved-note">{note}</p>
                <Show when=move || !showing_seeds()>
                    <button type="button" data-testid="open-seeds" on:click=to_seeds>{page_corpus.clone()}</button>
                </Show>
                <Show when=move || has_saved() && showing_seeds()>
                    <button type="button" data-testid="open-saved" on:click=to_saved>"Open my saved corpus"</button>
                </Show>
                {move || found.get().map(|n| view! {
                    <button type="button" class="danger" data-testid="remove-found" on:click=remove_found
                        title="Takes the documents the search and filters found out of the corpus (the seeds stay in the page itself)">
                        {move || if confirming_removal.get() {
                            format!("Click again to remove {}", plural(n, "document", "documents"))
                        } else {
                            format!("Remove the {} found", plural(n, "document", "documents"))
                        }}
                    </button>
                })}
                <button type="button" data-testid="save-page" on:click=save_page
                    title="A new single-file page that opens with this corpus, from the file alone">
                    "Save as page"
                </button>
                <Show when=has_saved>
                    <button type="button" class="danger" data-testid="clear-saved" on:click=clear>
                        {move || if confirming.get() { "Click again to delete the saved corpus" } else { "Clear saved data" }}
                    </button>
                </Show>
            </div>
        </details>
    }
}

/// Opens a saved corpus in slices and swaps it in, saying so in `status`.
async fn open_saved(
    mut found: saved_corpus::SavedCorpus,
    engine: RwSignal<Arc<Engine>>,
    status: RwSignal<Option<LoadOutcome>>,
) {
    let what = format!(
        "your saved corpus of {}",
        plural(found.documents, "document", "documents")
    );
    let progress = {
        let what = what.clone();
        move |_: usize, done: usize, total: usize| {
            status.set(Some(LoadOutcome::progress(
                format!("Opening {what}…"),
                (done as f64, total as f64),
            )));
        }
    };
    progress(0, 0, 1);
    let before = engine.get_untracked();
    // Stop if the user changes corpus meanwhile (an add, a switch).
    let still_wanted = move || Arc::ptr_eq(&engine.get_untracked(), &before);
    let mut figures = OpenFigures::default();
    let bytes = std::mem::take(&mut found.bytes);
    let opening = open_bytes_in_slices(bytes, still_wanted, progress, &mut figures, now_ms()).await;
    match opening {
        Ok(Some(opened)) => {
            let opened = Arc::new(opened);
            crate::load_worker::remember_snapshot(&opened, found.snapshot.clone());
            crate::corpus::replace_engine(engine, opened);
            let mut outcome = LoadOutcome::said(format!("Opened {what}."));
            outcome.kept = Some("Kept in this browser.".to_owned());
            status.set(Some(outcome));
        }
        Ok(None) => {}
        Err(e) => {
            // Its documents may still be whole: build the engine again from them.
            let bytes = found.snapshot.to_vec();
            match SnapshotOpener::new(bytes).and_then(SnapshotOpener::into_documents) {
                Ok(documents) if !documents.is_empty() => {
                    crate::load_worker::rebuild(documents, e.to_string(), engine, status)
                }
                _ => status.set(Some(LoadOutcome::said(format!(
                    "{} could not be opened ({e}). It is still stored: \"Clear saved data\" in the corpus menu removes it.",
                    capitalised(&what)
                )))),
            }
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
