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
    /// The hit to show.
    hit: Hit,
    /// Whether this document is open in the reader.
    is_open: Signal<bool>,
    /// Its most mentioned entities: (CSS class, name).
    #[prop(optional)]
    entities: Vec<(&'static str, String)>,
    /// Its strongest themes.
    #[prop(optional)]
    themes: Vec<String>,
) -> impl IntoView {
    let Some(doc) = corpus.documents.get(hit.doc) else {
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
    let searching = !hit.explanation.terms.is_empty();
    let snippet = hit.snippet.clone().filter(|_| searching).map(|s| {
        let text = format!("{}{}{}", if s.starts_mid { "…" } else { "" }, s.text, if s.ends_mid { "…" } else { "" });
        let shift = if s.starts_mid { '…'.len_utf8() } else { 0 };
        let ranges = s.highlights.iter().map(|r| r.start + shift..r.end + shift).collect::<Vec<_>>();
        view! { <span class="snippet" data-testid="snippet"><Highlighted text=text ranges=ranges/></span> }
    });
    view! {
        <li class="result" class:open=is_open data-testid="result" data-doc=doc.id.clone()>
            <a class="result-link" href=href aria-current=move || is_open.get().then_some("true")>
                <span class="result-title" class:derived=derived data-testid="result-title">
                    <Highlighted text=doc.title.clone() ranges=hit.title_highlights.clone()/>
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
            {searching.then(|| view! { <WhyMatched hit=hit.clone()/> })}
        </li>
    }
    .into_any()
}
