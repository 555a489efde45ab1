//! The facet panels: every facet of the selection with its values and
//! counts (from `borderlines_engine::collectors::facet_counts`). A click
//! edits the query, so filters chosen here show as pills and as query text.

mod facet_box;

use borderlines_engine::collectors::facet_counts::facet_counts;
use borderlines_engine::facets::FacetKind;
use leptos::prelude::*;

use crate::session::use_session;
use facet_box::FacetBox;

/// One collapsible box per facet kind. Hook: `facet` on each value (see
/// [`FacetBox`]).
#[component]
pub fn FacetPanels() -> impl IntoView {
    let session = use_session();
    let panels = Memo::new(move |_| {
        // One paint behind the list (see `Session::trailing`).
        session.trailing.with(|(engine, s)| facet_counts(engine, s))
    });
    // On a phone or a narrow window the facets sit above the list: they
    // start folded away.
    let narrow = super::facets_on_top();
    view! {
        <aside class="facets" aria-label="Filter by">
            <details class="facets-drawer" open=!narrow>
            <summary class="facets-heading">"Filter by"</summary>
            {FacetKind::ALL
                .into_iter()
                .map(|kind| {
                    let panel = Signal::derive(move || {
                        panels.with(|ps| ps.iter().find(|p| p.kind == kind).cloned())
                    });
                    view! { <FacetBox kind=kind panel=panel start_open=true/> }
                })
                .collect::<Vec<_>>()}
            </details>
        </aside>
    }
}
