//! The view tabs: real links (`#…&view=figures`), so each view can be
//! opened in a new tab, bookmarked and reached with Back/Forward.

use borderlines_engine::View;
use leptos::prelude::*;

use crate::session::use_session;

/// Tabs for documents, figures and terms. Hooks: `view-tab` with
/// `data-view`; ARIA `tablist`/`tab` with `aria-selected`.
#[component]
pub fn ViewTabs() -> impl IntoView {
    let session = use_session();
    let active = Memo::new(move |_| session.state.with(|s| s.view));
    view! {
        <nav class="view-tabs" role="tablist" aria-label="Views">
            {View::ALL
                .into_iter()
                .map(|v| {
                    let href = move || session.href(|s| s.view = v);
                    let selected = move || active.get() == v;
                    view! {
                        <a
                            class="view-tab"
                            class:active=selected
                            role="tab"
                            data-testid="view-tab"
                            data-view=v.key()
                            href=href
                            aria-selected=move || if selected() { "true" } else { "false" }
                        >
                            {v.label()}
                        </a>
                    }
                })
                .collect::<Vec<_>>()}
        </nav>
    }
}
