//! The terms view (being written).
use leptos::prelude::*;

/// Distinctive terms, frequency per document and keyword in context.
#[component]
pub fn TermsView() -> impl IntoView {
    view! { <p class="empty-state">"Terms: coming in this change."</p> }
}
