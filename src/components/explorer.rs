use std::sync::Arc;

use borderlines_engine::{Engine, View, ViewState};
use leptos::context::Provider;
use leptos::either::Either;
use leptos::prelude::*;

use crate::components::{
    format_thousands, plural, AddDocuments, CorpusSwitch, DropZone, ExportMenu, LinkNotes,
    LoadStatus, MappingReview, QueryHelp, SearchBox, ShareButton, ThemeToggle,
};
use crate::import::Importer;
use crate::session::Session;
use crate::views::{lazy_views, DocumentsView, FacetPanels, FilterPills, ViewTabs};

/// The explorer: search box and tools on top; facets on the left; active
/// filters, view tabs and the active view on the right. Everything is
/// driven by one [`ViewState`] (bound to the URL by the caller) and one
/// selection computed from it (see [`Session`]).
#[component]
pub fn Explorer(
    /// The documents and everything computed from them; replaced when the user adds files.
    engine: RwSignal<Arc<Engine>>,
    /// The view state, usually bound to the URL.
    state: RwSignal<ViewState>,
    /// What the link asked for that the page ignored.
    #[prop(optional)]
    link_notes: Option<RwSignal<Vec<String>>>,
) -> impl IntoView {
    let session = Session::provide(
        engine,
        state,
        link_notes.unwrap_or_else(|| RwSignal::new(Vec::new())),
    );
    let load_status = RwSignal::new(None);
    let importer = Importer::new(engine, load_status);
    let on_query = Callback::new(move |q: String| {
        state.update(|s| {
            s.query = q;
            // A new query shows its best hit, not a passage of the old one.
            s.passage = None;
        })
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
    let view_kind = Memo::new(move |_| state.with(|s| s.view));
    // The documents view is in the module the page starts with; the others
    // are split out of it (`lazy_views`) and load when first opened. They
    // are given the session whose selection waits for a pause in typing
    // (`Session::for_views`): each takes 50–150 ms to redo on a large corpus.
    let active_view = move || match view_kind.get() {
        View::Documents => Either::Left(view! { <DocumentsView/> }),
        other => Either::Right(view! {
            <Provider value=session.for_views()>
                <lazy_views::LazyView view=other/>
            </Provider>
        }),
    };
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true">"⟂"</span>
                <span class="brand-name">"Borderlines"</span>
            </div>
            <SearchBox query=session.query.into() on_query=on_query/>
            <QueryHelp/>
            <div class="tools">
                <CorpusSwitch engine=engine status=load_status/>
                <AddDocuments importer=importer/>
                <ExportMenu/>
                <ShareButton/>
                <ThemeToggle/>
            </div>
            <span class="corpus-summary">{summary}</span>
        </header>
        <LoadStatus status=load_status engine=engine/>
        <MappingReview
            review=importer.review
            on_confirm=Callback::new(move |chosen| importer.confirm(chosen))
            on_cancel=Callback::new(move |()| importer.cancel())
        />
        <DropZone importer=importer/>
        <LinkNotes/>
        <main class="layout">
            <FacetPanels/>
            <div class="workspace">
                <FilterPills/>
                <ViewTabs/>
                <div class="view-panel" role="tabpanel">{active_view}</div>
            </div>
        </main>
    }
}
