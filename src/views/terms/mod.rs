//! The terms view: the words and phrases that set the selection apart
//! (log-likelihood G² for significance, log ratio for size, the AntConc /
//! Voyant convention), how often a chosen term occurs per document, and
//! every occurrence in context. Computed by the engine's `terms` and `kwic`
//! collectors; nothing here runs unless the tab is open.

mod frequency_chart;
mod kwic_table;
mod term_table;

use borderlines_engine::collectors::terms::{distinctive_terms, SortBy, TermsOptions};
use borderlines_engine::reference::brown;
use leptos::prelude::*;

use crate::session::use_session;
use frequency_chart::FrequencyChart;
use kwic_table::KwicTable;
use term_table::TermTable;

/// Distinctive terms, frequency per document and keyword in context.
/// Hooks: `terms-view`, `term-row`, `term-link`, `kwic-line`, `term-chart`.
#[component]
pub fn TermsView() -> impl IntoView {
    let session = use_session();
    // Counted once per corpus, not on every change of the view state.
    let corpus_words = Memo::new(move |_| session.engine.with(|e| e.corpus().word_count()));
    let options = Memo::new(move |_| {
        session.state.with(|s| {
            let tokens = corpus_words.get();
            let sort = match s.term_sort.as_ref().map(|s| s.column.as_str()) {
                Some("ratio") => SortBy::LogRatio,
                Some("freq") => SortBy::Frequency,
                _ => SortBy::G2,
            };
            let auto = TermsOptions::for_corpus(tokens);
            TermsOptions {
                include_stopwords: s.stopwords,
                ngram: usize::from(s.ngram),
                sort,
                limit: 100,
                min_freq: s.min_freq.map_or(auto.min_freq, u64::from),
                ..auto
            }
        })
    });
    // The English reference is a data pack, read the first time the view
    // opens (a few milliseconds); the list is ranked again once it is in.
    let reference_ready = RwSignal::new(brown().is_some());
    let reference_problem = RwSignal::new(None::<String>);
    if !reference_ready.get_untracked() {
        leptos::task::spawn_local(async move {
            match crate::reference_pack::install().await {
                // The view may be gone by now: nothing to tell then.
                Ok(()) => _ = reference_ready.try_set(true),
                Err(e) => _ = reference_problem.try_set(Some(e)),
            }
        });
    }
    let terms = Memo::new(move |_| {
        reference_ready.track();
        let engine = session.engine.get();
        let options = options.get();
        session
            .selection
            .with(|s| distinctive_terms(&engine, s, &options))
    });
    // The chosen term: the link's, else the most distinctive one.
    let term = Memo::new(move |_| {
        session
            .state
            .with(|s| s.term.clone())
            .or_else(|| terms.with(|t| t.rows.first().map(|r| r.label.clone())))
    });
    view! {
        <div class="terms-view" data-testid="terms-view">
            {move || reference_problem.get().map(|e| view! {
                <p class="view-intro" role="alert">"The English reference list could not be read ("{e}"): terms are ranked by frequency."</p>
            })}
            <div class="split">
                <TermTable terms=terms chosen=term min_freq=Signal::derive(move || options.with(|o| o.min_freq))/>
                <FrequencyChart term=term/>
            </div>
            <KwicTable term=term/>
        </div>
    }
}
