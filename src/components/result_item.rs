use borderlines_core::search::plain_snippet;
use borderlines_core::{Document, TitleSource};
use leptos::prelude::*;

use crate::components::Highlighted;
use crate::url_sync::link_to;

/// Characters shown in a result's snippet.
const SNIPPET_CHARS: usize = 180;

/// One document in the result list: a link (so Back/Forward and "open in new
/// tab" work) with title, byline, length and, while searching, a snippet.
/// Hooks: `result`, `result-title`.
#[component]
pub fn ResultItem(
    /// The document shown.
    doc: Document,
    /// Occurrences of the query terms in it (0 without a query).
    occurrences: u32,
    /// The query text, carried in the link.
    query: Signal<String>,
    /// Case-folded terms for the snippet's highlights.
    terms: Signal<Vec<String>>,
    /// Whether this document is open in the reader.
    is_open: Signal<bool>,
) -> impl IntoView {
    let id = doc.id.clone();
    let href = move || query.with(|q| link_to(&id, q));
    let derived = doc.title_source == TitleSource::Derived;
    let meta = format!(
        "{} words · {} min read",
        format_thousands(doc.word_count),
        doc.reading_minutes()
    );
    let doc_for_snippet = doc.clone();
    let snippet = move || {
        terms.with(|t| {
            if t.is_empty() {
                None
            } else {
                plain_snippet(&doc_for_snippet, t, SNIPPET_CHARS)
            }
        })
    };
    view! {
        <li class="result" class:open=is_open data-testid="result" data-doc=doc.id.clone()>
            <a class="result-link" href=href aria-current=move || is_open.get().then_some("true")>
                <span class="result-title" class:derived=derived data-testid="result-title">{doc.title.clone()}</span>
                {derived.then(|| view! { <span class="badge" title="This text has no headline; the title is its first sentence">"untitled · first sentence"</span> })}
                <span class="result-meta">
                    {doc.byline.clone().map(|b| view! { <span class="result-byline">{b}</span> " · " })}
                    {meta}
                    {(occurrences > 0).then(|| view! { " · " <span class="result-hits">{occurrences} {if occurrences == 1 { " match" } else { " matches" }}</span> })}
                </span>
                {move || snippet().map(|s| view! { <span class="snippet" data-testid="snippet"><Highlighted text=s terms=terms/></span> })}
            </a>
        </li>
    }
}

/// 1047 → "1,047".
pub(crate) fn format_thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
