use leptos::prelude::*;

use crate::components::{format_thousands, plural};
use crate::session::use_session;

/// The line above the results: how many documents match, how the query was
/// understood, whether typo tolerance stepped in, and whether the query was
/// too broad to run whole. Hooks: `result-count`, `query-limited`.
#[component]
pub fn QueryStatus() -> impl IntoView {
    let session = use_session();
    let total_docs = move || session.selection.with(|s| s.corpus_len);
    let searching = move || session.query.with(|q| !q.trim().is_empty());
    let count = move || {
        let n = session.with_results(|r| r.total);
        if searching() {
            format!(
                "{} of {} match",
                n,
                plural(total_docs(), "document", "documents")
            )
        } else {
            plural(n, "document", "documents")
        }
    };
    let understood = move || {
        session.with_results(|r| {
            let shown = searching() && !r.understood.is_empty();
            let label = if r.typo_fallback {
                Some("No exact match; showing close spellings:")
            } else if r.prefix_fallback {
                Some("No exact match; showing words that start with the last one:")
            } else {
                None
            };
            shown.then(|| (r.understood.clone(), label))
        })
    };
    let limited = move || session.with_results(|r| r.limited);
    let cut = move || {
        session
            .query
            .with(|q| borderlines_search::query::Query::is_cut(q))
    };
    view! {
        <p class="result-count" data-testid="result-count" aria-live="polite">{count}</p>
        {move || cut().then(|| view! {
            <p class="understood fallback" data-testid="query-cut">
                {format!(
                    "This query is longer than {} characters; only the first {} were searched.",
                    format_thousands(borderlines_search::query::MAX_QUERY_CHARS as u64),
                    format_thousands(borderlines_search::query::MAX_QUERY_CHARS as u64),
                )}
            </p>
        })}
        {move || limited().then(|| view! {
            <p class="understood fallback" data-testid="query-limited">
                "This query asks for too many word forms (prefixes like "<code>"d*"</code>" or fuzzy words like "<code>"word~"</code>"); the first "
                {borderlines_search::plan::MAX_QUERY_EXPANSIONS}" were searched, the rest as written. The results may be incomplete."
            </p>
        })}
        {move || understood().map(|(text, fallback)| {
            let label = fallback.unwrap_or("Searching for");
            view! {
                <p class="understood" class:fallback=fallback.is_some() data-testid="query-understood">
                    {label} " " <code>{text}</code>
                </p>
            }
        })}
    }
}
