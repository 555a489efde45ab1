use std::sync::Arc;

use borderlines_core::ViewState;
use leptos::prelude::*;

use crate::components::{
    format_thousands, plural, AddDocuments, QueryHelp, QueryStatus, Reader, ResultList, SearchBox,
};
use crate::engine::Engine;

/// The explorer: search box, result list and reader, all driven by one
/// [`ViewState`] signal so that the URL, the inputs and the views agree.
#[component]
pub fn Explorer(
    /// The documents, their index and insights; replaced when the user adds files.
    engine: RwSignal<Arc<Engine>>,
    /// The view state (query and open document), usually bound to the URL.
    state: RwSignal<ViewState>,
) -> impl IntoView {
    let query = Signal::derive(move || state.with(|s| s.query.clone()));
    let results = Memo::new(move |_| engine.with(|e| query.with(|q| e.search(q))));
    // The open document: the one in the URL if it exists, else the top hit.
    let requested = Signal::derive(move || state.with(|s| s.doc.clone()));
    let open_index = Memo::new(move |_| match requested.get() {
        Some(id) => engine.with(|e| e.corpus().position(&id)),
        None => results.with(|r| r.hits.first().map(|h| h.doc)),
    });
    let on_query = Callback::new(move |q: String| state.update(|s| s.query = q));
    // On a phone the reader sits below the list: bring it into view when a
    // document is opened (skipping the first run, so a plain load stays put).
    Effect::new(move |previous: Option<Option<String>>| {
        let doc = requested.get();
        if previous.is_some_and(|p| p != doc) && doc.is_some() {
            scroll_reader_into_view_on_narrow_screens();
        }
        doc
    });
    let summary = move || {
        engine.with(|e| {
            let corpus = e.corpus();
            format!(
                "{} · {} words",
                plural(corpus.documents.len(), "document", "documents"),
                format_thousands(corpus.word_count())
            )
        })
    };
    let total_docs = Signal::derive(move || engine.with(|e| e.corpus().documents.len()));

    view! {
        <header class="topbar">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true">"⟂"</span>
                <span class="brand-name">"Borderlines"</span>
            </div>
            <SearchBox query=query on_query=on_query/>
            <QueryHelp/>
            <AddDocuments engine=engine/>
            <span class="corpus-summary">{summary}</span>
        </header>
        <main class="panes">
            <section class="results" aria-label="Documents">
                <QueryStatus results=results query=query total_docs=total_docs/>
                <ResultList engine=engine.into() results=results query=query open=open_index.into()/>
            </section>
            <Reader engine=engine.into() requested=requested open=open_index.into() query=query/>
        </main>
    }
}

/// Below this width the panes stack (see style/borderlines.css).
const STACKED_LAYOUT_PX: f64 = 760.0;

fn scroll_reader_into_view_on_narrow_screens() {
    let window = window();
    let narrow = window
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w <= STACKED_LAYOUT_PX);
    if let Some(reader) = narrow
        .then(|| {
            document()
                .query_selector("[data-testid=reader]")
                .ok()
                .flatten()
        })
        .flatten()
    {
        reader.scroll_into_view();
    }
}
