//! The session every view shares through context: the engine, the view
//! state (bound to the URL), and the [`Selection`] computed from them once
//! per query. Views call [`use_session`] instead of threading props.

use std::sync::Arc;

use borderlines_engine::{Engine, Selection, ViewState};
use leptos::prelude::*;

/// Ranked hits the result list shows (the selection itself holds every match).
pub const RESULT_LIMIT: usize = 100;

/// Shared state of one open page.
#[derive(Clone, Copy)]
pub struct Session {
    /// The documents and everything computed from them; replaced when the
    /// user adds files.
    pub engine: RwSignal<Arc<Engine>>,
    /// The whole view, mirrored in the URL fragment.
    pub state: RwSignal<ViewState>,
    /// What the link asked for that the page ignored.
    pub link_notes: RwSignal<Vec<String>>,
    /// The query text alone (so opening a document does not re-run it).
    pub query: Memo<String>,
    /// The selection of the current query, computed once per change.
    pub selection: Memo<Arc<Selection>>,
}

impl Session {
    /// Creates the session and provides it to every component below.
    pub fn provide(
        engine: RwSignal<Arc<Engine>>,
        state: RwSignal<ViewState>,
        link_notes: RwSignal<Vec<String>>,
    ) -> Session {
        let query = Memo::new(move |_| state.with(|s| s.query.clone()));
        let selection = Memo::new(move |_| {
            let engine = engine.get();
            query.with(|q| Arc::new(engine.select(q, RESULT_LIMIT)))
        });
        let session = Session {
            engine,
            state,
            link_notes,
            query,
            selection,
        };
        provide_context(session);
        session
    }

    /// The `href` of the current view changed by `change`.
    pub fn href(&self, change: impl FnOnce(&mut ViewState)) -> String {
        self.state.with(|s| crate::url_sync::href(s, change))
    }

    /// The `href` of the current view with a new query: the open document
    /// and passage are dropped, so the reader shows the best hit.
    pub fn href_query(&self, query: String) -> String {
        self.href(|s| {
            s.query = query;
            s.doc = None;
            s.passage = None;
        })
    }
}

/// The session provided by the app (see [`Session::provide`]).
pub fn use_session() -> Session {
    expect_context::<Session>()
}
