use std::sync::Arc;

use borderlines_core::search::PlainMatch;
use borderlines_core::Corpus;
use leptos::prelude::*;

use crate::components::ResultItem;

/// The matching documents with a count line. Hooks: `result-count`, and
/// `result` on each item.
#[component]
pub fn ResultList(
    /// All documents; matches index into it.
    corpus: Arc<Corpus>,
    /// The documents that match the query, in display order.
    matches: Memo<Vec<PlainMatch>>,
    /// The query text (kept in each item's link).
    query: Signal<String>,
    /// Case-folded query terms for highlighting snippets.
    terms: Memo<Vec<String>>,
    /// Index of the document open in the reader.
    open: Signal<Option<usize>>,
) -> impl IntoView {
    let total = corpus.documents.len();
    let count_text = move || {
        let n = matches.with(Vec::len);
        let noun = |k: usize| if k == 1 { "document" } else { "documents" };
        if query.with(|q| q.trim().is_empty()) {
            format!("{n} {}", noun(n))
        } else {
            format!("{n} of {total} {} match", noun(total))
        }
    };
    let empty = move || matches.with(Vec::is_empty);
    view! {
        <section class="results" aria-label="Documents">
            <p class="result-count" data-testid="result-count" aria-live="polite">{count_text}</p>
            <ol class="result-list">
                <For
                    each=move || matches.get()
                    key=|m| (m.doc, m.occurrences)
                    children=move |m| {
                        let doc = corpus.documents[m.doc].clone();
                        let is_open = Signal::derive(move || open.get() == Some(m.doc));
                        view! { <ResultItem doc=doc occurrences=m.occurrences query=query terms=terms.into() is_open=is_open/> }
                    }
                />
            </ol>
            <Show when=empty>
                <p class="empty-state">
                    "No document contains every word of “" {query} "”. Try fewer or different words."
                </p>
            </Show>
        </section>
    }
}
