//! The session every view shares through context: the engine, the view
//! state (bound to the URL), and the [`Selection`] computed from them once
//! per query. Views call [`use_session`] instead of threading props.

use std::sync::Arc;

use borderlines_engine::{Engine, Selection, ViewState};
use borderlines_search::SearchResults;
use leptos::prelude::*;

use crate::debounce::Debounce;

/// Ranked hits the result list shows first (the selection itself holds
/// every match); "show more" adds as many again. Kept small because every
/// hit carries a snippet and is rendered on each keystroke.
pub const RESULT_PAGE: usize = 10;

/// Shared state of one open page.
#[derive(Clone, Copy)]
pub struct Session {
    /// The documents and everything computed from them; replaced when the
    /// user adds files.
    pub engine: RwSignal<Arc<Engine>>,
    /// The whole view, mirrored in the URL fragment. In the views' session
    /// ([`Session::for_views`]) the state as of the last pause in typing:
    /// read it there, change it with [`Session::go`] or
    /// [`Session::update_state`].
    pub state: RwSignal<ViewState>,
    /// What the link asked for that the page ignored.
    pub link_notes: RwSignal<Vec<String>>,
    /// The query text alone (so opening a document does not re-run it).
    /// In the views' session, the query as of the last pause in typing.
    pub query: Memo<String>,
    /// The selection of the current query, computed once per change.
    pub selection: Memo<Arc<Selection>>,
    /// How many ranked hits were asked for, and for which query (a new
    /// query starts again at [`RESULT_PAGE`]).
    pub hits_wanted: RwSignal<(String, usize)>,
    /// The selection as it was when the user last paused (see
    /// [`READER_DELAY_MS`]): the reader follows this one, so a keystroke
    /// re-renders the list at once (the facets a paint later, see
    /// [`Session::trailing`]) and the (long) open document only when typing
    /// pauses.
    pub settled: RwSignal<Arc<Selection>>,
    /// The selection one paint behind [`Session::selection`]: the facet
    /// panels follow this one, so a keystroke paints the ranked list first
    /// and the counts in the next frame, and keystrokes that come faster
    /// than frames count the facets once. Other changes (clicks, links,
    /// added files) reach it at once. It carries the engine it was
    /// computed on, so counts and labels always come from one engine.
    pub trailing: RwSignal<(Arc<Engine>, Arc<Selection>)>,
    /// The engine the figures, terms, network, timeline and map views see
    /// (through [`Session::for_views`]), set with `views_selection`.
    views_engine: RwSignal<Arc<Engine>>,
    /// The selection those views see: [`Session::selection`] at once after
    /// a click, a link or added files, but while the user types in the
    /// search box, the selection as of the last pause
    /// ([`VIEWS_DELAY_MS`]). Each of those views takes 50–150 ms to redo
    /// on 14,000 documents; redone on every keystroke, they made key
    /// presses take up to 144 ms with the figures tab open.
    views_selection: Memo<Arc<Selection>>,
    /// The view state itself, in every session: what [`Session::go`]
    /// starts from and [`Session::update_state`] changes.
    live_state: RwSignal<ViewState>,
    /// The views' `state`, like `views_selection`: their tables' and
    /// pictures' links and marks read it, and followed every keystroke
    /// (the network's 300 links and marks: 50–90 ms per key press).
    views_state: RwSignal<ViewState>,
    /// The views' `query`.
    views_query: Memo<String>,
}

/// Quiet time after a change of the selection before the reader follows it.
/// Shorter than the URL's delay, so a link copied after a pause always
/// matches the reader.
pub const READER_DELAY_MS: u64 = 100;

/// Quiet time in typing before the figures, terms, network, timeline and
/// map views follow the selection (see `Session::views_selection`). Longer
/// than the reader's: at 100 ms, typing at a key every 150 ms redid a view
/// between every two keys (a 50–90 ms task each time a key could land).
pub const VIEWS_DELAY_MS: u64 = 250;

impl Session {
    /// Creates the session and provides it to every component below.
    pub fn provide(
        engine: RwSignal<Arc<Engine>>,
        state: RwSignal<ViewState>,
        link_notes: RwSignal<Vec<String>>,
    ) -> Session {
        let query = Memo::new(move |_| state.with(|s| s.query.clone()));
        let hits_wanted = RwSignal::new((String::new(), RESULT_PAGE));
        let selection = Memo::new(move |_| {
            let engine = engine.get();
            query.with(|q| {
                let limit = hits_wanted
                    .with(|(for_query, n)| if for_query == q { *n } else { RESULT_PAGE });
                Arc::new(engine.select(q, limit))
            })
        });
        let settled = RwSignal::new(selection.get_untracked());
        let settle = Debounce::new(READER_DELAY_MS);
        Effect::new(move |first: Option<()>| {
            let current = selection.get();
            if first.is_none() {
                settled.set(current);
                return;
            }
            settle.schedule(move || settled.set(selection.get_untracked()));
        });
        let trailing = RwSignal::new((engine.get_untracked(), selection.get_untracked()));
        let pending = StoredValue::new(false);
        Effect::new(move |computed_on: Option<Arc<Engine>>| {
            let current = selection.get();
            let now = engine.get_untracked();
            let Some(before) = computed_on else {
                return now;
            };
            // Only typing is deferred: a click on a facet, a pill or a link
            // lights its facet in the same frame as its pill, and added
            // files show their facets with their first list.
            if !typed(&before, &now) {
                trailing.set((now.clone(), current));
                return now;
            }
            if !pending.get_value() {
                pending.set_value(true);
                after_next_paint(move || {
                    pending.set_value(false);
                    let latest = selection.get_untracked();
                    if !trailing.with_untracked(|(_, s)| Arc::ptr_eq(s, &latest)) {
                        trailing.set((engine.get_untracked(), latest));
                    }
                });
            }
            // A pending update reads the latest selection when it runs.
            now
        });
        let (views_engine, views_selection, views_state) = views_follow(engine, state, selection);
        let session = Session {
            engine,
            state,
            link_notes,
            query,
            selection,
            hits_wanted,
            settled,
            trailing,
            views_engine,
            views_selection,
            live_state: state,
            views_state,
            views_query: Memo::new(move |_| views_state.with(|s| s.query.clone())),
        };
        provide_context(session);
        session
    }

    /// The session the figures, terms, network, timeline and map views are
    /// given: the same, but with the engine, selection, view state and
    /// query they follow (see `views_selection`): while the user types,
    /// those of the last pause. Its `go` and `update_state` act on the live
    /// state.
    pub fn for_views(&self) -> Session {
        Session {
            engine: self.views_engine,
            selection: self.views_selection,
            state: self.views_state,
            query: self.views_query,
            ..*self
        }
    }

    /// Reads the selection's results in place (tracked), without copying
    /// every matching id as a memo of them would on each keystroke.
    pub fn with_results<T>(&self, f: impl FnOnce(&SearchResults) -> T) -> T {
        self.selection.with(|s| f(&s.results))
    }

    /// Asks for another page of ranked hits for the current query.
    pub fn show_more_hits(&self) {
        let q = self.query.get_untracked();
        let shown = self.selection.with_untracked(|s| s.results.hits.len());
        self.hits_wanted.set((q, shown + RESULT_PAGE));
    }

    /// The `href` of the current view changed by `change`.
    pub fn href(&self, change: impl FnOnce(&mut ViewState)) -> String {
        self.state.with(|s| crate::url_sync::href(s, change))
    }

    /// The `href` of the current view with a new query (see [`new_query`]).
    pub fn href_query(&self, query: String) -> String {
        self.href(|s| new_query(s, query))
    }

    /// Navigates, as a link would, to the current view changed by `change`
    /// (for controls that are not links: number fields, delegated clicks).
    pub fn go(&self, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.live_state.get_untracked();
        change(&mut next);
        crate::url_sync::go(&next);
    }

    /// Changes the view state in place, as the app's own controls do (the
    /// map's zoom), when `change` makes it differ.
    pub fn update_state(&self, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.live_state.get_untracked();
        change(&mut next);
        if self.live_state.with_untracked(|s| *s != next) {
            self.live_state.set(next);
        }
    }

    /// Navigates to the current view with a new query (see [`new_query`]).
    pub fn go_query(&self, query: String) {
        self.go(|s| new_query(s, query));
    }
}

/// The engine, selection and view state the views follow (see
/// `Session::views_selection`): set together, so a view never pairs one
/// engine's documents with another's selection.
fn views_follow(
    engine: RwSignal<Arc<Engine>>,
    state: RwSignal<ViewState>,
    selection: Memo<Arc<Selection>>,
) -> (
    RwSignal<Arc<Engine>>,
    Memo<Arc<Selection>>,
    RwSignal<ViewState>,
) {
    let views_engine = RwSignal::new(engine.get_untracked());
    let chosen = RwSignal::new(selection.get_untracked());
    let views_state = RwSignal::new(state.get_untracked());
    let follow = move || {
        let (now, latest) = (engine.get_untracked(), selection.get_untracked());
        // Setting a signal re-runs what reads it even with the same value.
        if !views_engine.with_untracked(|e| Arc::ptr_eq(e, &now)) {
            views_engine.set(now);
        }
        if !chosen.with_untracked(|s| Arc::ptr_eq(s, &latest)) {
            chosen.set(latest);
        }
        if state.with_untracked(|s| views_state.with_untracked(|v| v != s)) {
            views_state.set(state.get_untracked());
        }
    };
    let pause = Debounce::new(VIEWS_DELAY_MS);
    Effect::new(move |computed_on: Option<Arc<Engine>>| {
        selection.track();
        state.track();
        let now = engine.get_untracked();
        let Some(before) = computed_on else {
            return now;
        };
        if !typed(&before, &now) {
            pause.cancel();
            follow();
        } else {
            pause.schedule(follow);
        }
        now
    });
    (views_engine, Memo::new(move |_| chosen.get()), views_state)
}

/// Whether a change of the selection comes from typing in the search box
/// (on the engine it was computed on): what the facets and views let wait.
/// Added files (a new engine), clicks and links are not typing.
fn typed(before: &Arc<Engine>, now: &Arc<Engine>) -> bool {
    Arc::ptr_eq(before, now) && typing_in_search_box()
}

/// Whether the focus is in the search box (the user is typing a query).
fn typing_in_search_box() -> bool {
    document()
        .active_element()
        .is_some_and(|el| el.id() == crate::components::SEARCH_INPUT_ID)
}

/// Runs `action` once the next frame has been painted: a task queued from
/// an animation frame callback runs after that frame's paint.
fn after_next_paint(action: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(action, std::time::Duration::ZERO));
}

/// A new query: the open document and passage are dropped, so the reader
/// shows the best hit of the new selection.
fn new_query(state: &mut ViewState, query: String) {
    state.query = query;
    state.doc = None;
    state.passage = None;
}

/// The session provided by the app (see [`Session::provide`]).
pub fn use_session() -> Session {
    expect_context::<Session>()
}
