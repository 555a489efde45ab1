//! Active filters as removable pills, read back from the query (see
//! `borderlines_engine::filters`): what a click added and what was typed by
//! hand look the same, and removing a pill edits the query.

use borderlines_engine::filters::{clear, remove, Filter};
use leptos::prelude::*;

use crate::session::{use_session, Session};

/// One pill per facet filter of the query, each with a remove link, and
/// "Clear all filters". Hook: `filter-pill` (with `data-facet`, `data-value`,
/// `data-excluded`).
#[component]
pub fn FilterPills() -> impl IntoView {
    let session = use_session();
    let filters = Memo::new(move |_| session.selection.with(|s| s.filters.clone()));
    view! {
        <Show when=move || filters.with(|f| !f.is_empty())>
            <div class="pills-row" role="region" aria-label="Active filters">
                <ul class="pills">
                    <For
                        each=move || filters.get()
                        key=|f| f.clone()
                        children=move |f| pill(session, f)
                    />
                </ul>
                <a class="clear-all" data-testid="clear-filters" href=move || session.href_query(clear(&session.query.get()))>"Clear all filters"</a>
            </div>
        </Show>
    }
}

/// One pill: what it filters and a link that removes it.
fn pill(session: Session, f: Filter) -> impl IntoView {
    let remove_href = {
        let f = f.clone();
        move || session.href_query(remove(&session.query.get(), &f))
    };
    let label = format!(
        "{}{}: {}",
        if f.excluded { "not " } else { "" },
        f.kind.label_one(),
        f.value
    );
    let aria = format!("Remove filter {label}");
    view! {
        <li class="pill" class:excluded=f.excluded data-testid="filter-pill" data-facet=f.kind.field() data-value=f.value.clone() data-excluded=f.excluded.to_string()>
            <span class="pill-label">{label}</span>
            <a class="pill-remove" href=remove_href aria-label=aria title="Remove this filter">"×"</a>
        </li>
    }
}
