use std::sync::Arc;

use borderlines_core::{Corpus, TitleSource};
use borderlines_search::Hit;
use leptos::prelude::*;

use crate::components::{format_thousands, Highlighted, WhyMatched};
use crate::session::use_session;
use borderlines_engine::View;

/// One ranked document: a link (so Back/Forward and "open in new tab" work)
/// with title, byline, length and, while searching, the best passage with
/// its matches marked, its top themes and entities, and "why this matched".
/// Hooks: `result`, `result-title`, `snippet`, `result-entities`.
#[component]
pub fn ResultItem(
    /// The documents; `hit.doc` indexes into them.
    corpus: Arc<Corpus>,
    /// The document (an index into `corpus`).
    doc: usize,
    /// The hit to show; it changes with the query while the item stays, so
    /// only the title marks, the snippet and the explanation re-render.
    hit: Signal<Option<Hit>>,
    /// Whether this document is open in the reader.
    is_open: Signal<bool>,
    /// Its most mentioned entities: (CSS class, name).
    #[prop(optional)]
    entities: Vec<(&'static str, String)>,
    /// Its strongest themes.
    #[prop(optional)]
    themes: Vec<String>,
) -> impl IntoView {
    let Some(doc) = corpus.documents.get(doc) else {
        return ().into_any();
    };
    let id = doc.id.clone();
    let session = use_session();
    let href = move || {
        session.href(|s| {
            s.doc = Some(id.clone());
            s.passage = None;
            s.view = View::Documents;
        })
    };
    let derived = doc.title_source == TitleSource::Derived;
    let meta = format!(
        "{} words · {} min read",
        format_thousands(u64::from(doc.word_count)),
        doc.reading_minutes()
    );
    let searching =
        move || hit.with(|h| h.as_ref().is_some_and(|h| !h.explanation.terms.is_empty()));
    let snippet = move || {
        hit.with(|h| {
            let s = h.as_ref()?.snippet.clone().filter(|_| searching())?;
            let text = format!("{}{}{}", if s.starts_mid { "…" } else { "" }, s.text, if s.ends_mid { "…" } else { "" });
            let shift = if s.starts_mid { '…'.len_utf8() } else { 0 };
            let ranges = s.highlights.iter().map(|r| r.start + shift..r.end + shift).collect::<Vec<_>>();
            Some(view! { <span class="snippet" data-testid="snippet"><Highlighted text=text ranges=ranges/></span> })
        })
    };
    let title = doc.title.clone();
    let title_view = move || {
        let ranges = hit.with(|h| {
            h.as_ref()
                .map(|h| h.title_highlights.clone())
                .unwrap_or_default()
        });
        view! { <Highlighted text=title.clone() ranges=ranges/> }
    };
    let why = move || {
        hit.get()
            .filter(|_| searching())
            .map(|h| view! { <WhyMatched hit=h/> })
    };
    view! {
        <li class="result" class:open=is_open data-testid="result" data-doc=doc.id.clone()>
            <a class="result-link" href=href aria-current=move || is_open.get().then_some("true")>
                <span class="result-title" class:derived=derived data-testid="result-title">
                    {title_view}
                </span>
                {derived.then(|| view! { <span class="badge" title="This text has no headline; the title is its first sentence">"untitled · first sentence"</span> })}
                <span class="result-meta">
                    {doc.byline.clone().map(|b| view! { <span class="result-byline">{b}</span> " · " })}
                    {meta}
                </span>
                {snippet}
                {(!entities.is_empty() || !themes.is_empty()).then(|| view! {
                    <span class="chips" data-testid="result-entities">
                        {themes.into_iter().map(|t| view! { <span class="chip theme">{t}</span> }).collect::<Vec<_>>()}
                        {entities.into_iter().map(|(class, name)| view! { <span class=format!("chip ann {class}")>{name}</span> }).collect::<Vec<_>>()}
                    </span>
                })}
            </a>
            {why}
        </li>
    }
    .into_any()
}
