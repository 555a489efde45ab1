//! The figures view: every extracted quantity of the selection in one
//! sortable table, and the claims that link figures across sources,
//! conflicts first. Computed by `borderlines_engine::collectors::figures`.

mod claim_list;
mod figure_table;

use borderlines_engine::collectors::figures::{claim_groups, figure_refs};
use leptos::prelude::*;

use crate::session::use_session;
use claim_list::ClaimList;
use figure_table::FigureTable;

/// Figures and claims of the selection. Hooks: `figures-view`, `figure-row`,
/// `claim` (with `data-agreement`), `export` (`data-format` csv/json).
#[component]
pub fn FiguresView() -> impl IntoView {
    let session = use_session();
    let rows = Memo::new(move |_| {
        let engine = session.engine.get();
        session.selection.with(|s| figure_refs(&engine, s))
    });
    let claims = Memo::new(move |_| {
        let engine = session.engine.get();
        session.selection.with(|s| claim_groups(&engine, s))
    });
    view! {
        <div class="figures-view" data-testid="figures-view">
            <ClaimList claims=claims/>
            <FigureTable rows=rows/>
        </div>
    }
}

/// The `href` that opens a passage of a document in the reader.
pub fn passage_href(
    session: crate::session::Session,
    doc_id: &str,
    block: u32,
    range: (u32, u32),
) -> String {
    let doc_id = doc_id.to_owned();
    session.href(move |s| {
        s.view = borderlines_engine::View::Documents;
        s.doc = Some(doc_id);
        s.passage = Some(borderlines_engine::view_state::Passage {
            block,
            range: Some(range),
        });
    })
}
