use borderlines_extract::DocumentInsights;
use leptos::prelude::*;

use crate::annotations::entity_class;
use crate::components::ResultItem;
use crate::session::use_session;

/// Entities shown per document in the list.
const TOP_ENTITIES: usize = 4;
/// Themes shown per document in the list.
const TOP_THEMES: usize = 2;

/// The list's summary of a document: its most mentioned entities as (CSS
/// class, name) and its strongest themes.
fn summary_chips(ins: &DocumentInsights) -> (Vec<(&'static str, String)>, Vec<String>) {
    let entities = ins
        .top_entities(TOP_ENTITIES)
        .into_iter()
        .map(|e| (entity_class(e.kind), e.name.clone()))
        .collect();
    let themes = ins
        .themes()
        .iter()
        .take(TOP_THEMES)
        .map(|t| t.theme.label().to_owned())
        .collect();
    (entities, themes)
}

/// The ranked documents of the selection. Hook: `result` on each item.
#[component]
pub fn ResultList(
    /// Index of the document open in the reader.
    open: Signal<Option<usize>>,
) -> impl IntoView {
    let session = use_session();
    let query = session.query;
    // Keyed by document: an item that stays while the query changes keeps
    // its element, meta and chips, and re-renders only what the hit changes.
    let items = move || session.with_results(|r| r.hits.iter().map(|h| h.doc).collect::<Vec<_>>());
    let item = move |doc: usize| {
        let engine = session.engine.get_untracked();
        let corpus = engine.corpus().clone();
        let is_open = Signal::derive(move || open.get() == Some(doc));
        let hit = Memo::new(move |_| {
            session.with_results(|r| r.hits.iter().find(|h| h.doc == doc).cloned())
        });
        let (entities, themes) = engine.insights(doc).map(summary_chips).unwrap_or_default();
        view! { <ResultItem corpus=corpus doc=doc hit=hit.into() is_open=is_open entities=entities themes=themes/> }
    };
    let more = move || {
        session.with_results(|r| {
            (r.total > r.hits.len())
                .then(|| format!("Showing the best {} of {}.", r.hits.len(), r.total))
        })
    };
    let empty = move || session.with_results(|r| r.total == 0);
    view! {
        <ol class="result-list">
            <For each=items key=|doc| *doc children=item/>
        </ol>
        {move || more().map(|m| view! {
            <p class="more-note">
                {m} " "
                <button class="facet-more" data-testid="more-results" on:click=move |_| session.show_more_hits()>"Show more"</button>
            </p>
        })}
        <Show when=empty>
            <p class="empty-state">
                "No document matches “" {move || query.get()} "”. Try fewer words, a prefix like " <code>"fortif*"</code> ", or " <code>"OR"</code> "."
            </p>
        </Show>
    }
}
