//! The figures view (being written).
use leptos::prelude::*;

/// Every figure of the selection and the claims across sources.
#[component]
pub fn FiguresView() -> impl IntoView {
    view! { <p class="empty-state">"Figures: coming in this change."</p> }
}
