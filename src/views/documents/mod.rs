//! The documents view: the ranked list of the selection beside the reader.

use leptos::prelude::*;

use crate::components::{QueryStatus, Reader, ResultList};
use crate::session::use_session;

/// Ranked results with snippets, and the reader. The open document is the
/// one in the link if it exists, else the best hit.
#[component]
pub fn DocumentsView() -> impl IntoView {
    let session = use_session();
    let requested = Memo::new(move |_| session.state.with(|s| s.doc.clone()));
    let open_index = Memo::new(move |_| match requested.get() {
        Some(id) => session.engine.with(|e| e.corpus().position(&id)),
        None => session
            .settled
            .with(|s| s.results.hits.first().map(|h| h.doc)),
    });
    // On a phone the reader sits below the list: bring it into view when a
    // document is opened (skipping the first run, so a plain load stays put).
    Effect::new(move |previous: Option<Option<String>>| {
        let doc = requested.get();
        if previous.is_some_and(|p| p != doc) && doc.is_some() {
            scroll_reader_into_view_on_narrow_screens();
        }
        doc
    });
    view! {
        <div class="panes" data-view-panel="documents">
            <section class="results" aria-label="Documents">
                <QueryStatus/>
                <ResultList open=open_index.into()/>
            </section>
            <Reader open=open_index.into()/>
        </div>
    }
}

fn scroll_reader_into_view_on_narrow_screens() {
    if !super::stacked_layout() {
        return;
    }
    if let Some(reader) = document()
        .query_selector("[data-testid=reader]")
        .ok()
        .flatten()
    {
        reader.scroll_into_view();
    }
}
