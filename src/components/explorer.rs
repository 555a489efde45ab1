use std::sync::Arc;

use borderlines_core::search::{plain_search, terms};
use borderlines_core::{Corpus, ViewState};
use leptos::prelude::*;

use crate::components::{Reader, ResultList, SearchBox};

/// The explorer: search box, result list and reader, all driven by one
/// [`ViewState`] signal so that the URL, the inputs and the views agree.
#[component]
pub fn Explorer(
    /// The documents to explore.
    corpus: Arc<Corpus>,
    /// The view state (query and open document), usually bound to the URL.
    state: RwSignal<ViewState>,
) -> impl IntoView {
    let query = Signal::derive(move || state.with(|s| s.query.clone()));
    let matches = {
        let corpus = corpus.clone();
        Memo::new(move |_| query.with(|q| plain_search(&corpus, q)))
    };
    let query_terms = Memo::new(move |_| query.with(|q| terms(q)));
    // The open document: the one in the URL if it exists, else the top result.
    let requested = Signal::derive(move || state.with(|s| s.doc.clone()));
    let open_index = {
        let corpus = corpus.clone();
        Memo::new(move |_| match requested.get() {
            Some(id) => corpus.documents.iter().position(|d| d.id == id),
            None => matches.with(|m| m.first().map(|m| m.doc)),
        })
    };
    let on_query = Callback::new(move |q: String| state.update(|s| s.query = q));

    view! {
        <header class="topbar">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true">"⟂"</span>
                <span class="brand-name">"Borderlines"</span>
            </div>
            <SearchBox query=query on_query=on_query/>
        </header>
        <main class="panes">
            <ResultList corpus=corpus.clone() matches=matches query=query terms=query_terms open=open_index.into()/>
            <Reader corpus=corpus requested=requested open=open_index.into() terms=query_terms/>
        </main>
    }
}
