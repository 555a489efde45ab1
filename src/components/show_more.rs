use leptos::prelude::*;

use super::format_thousands;

/// "Showing the first 40 of 139 claims. [Show 40 more]" under a long list
/// that renders only its first part: building thousands of rows at once
/// froze the page for 300–750 ms when a tab opened on 14,000 documents, and
/// nobody reads past the first screens without asking. Nothing is shown
/// once the whole list is there. Hook: `show-more` (the button).
///
/// ```ignore
/// let shown = RwSignal::new(40);
/// view! { <ShowMore shown=shown total=Signal::derive(move || claims.with(Vec::len)) step=40 noun="claims"/> }
/// ```
#[component]
pub fn ShowMore(
    /// How many items the list renders now; the button adds `step`.
    shown: RwSignal<usize>,
    /// How many items there are.
    #[prop(into)]
    total: Signal<usize>,
    /// How many items one click adds.
    step: usize,
    /// What the items are, plural ("claims").
    noun: &'static str,
) -> impl IntoView {
    move || {
        let (shown_now, total) = (shown.get(), total.get());
        (total > shown_now).then(|| {
            let next = step.min(total - shown_now);
            view! {
                <p class="more-note">
                    {format!(
                        "Showing the first {} of {} {noun}. ",
                        format_thousands(shown_now as u64),
                        format_thousands(total as u64)
                    )}
                    <button class="facet-more" data-testid="show-more" on:click=move |_| shown.update(|n| *n += step)>
                        {format!("Show {} more", format_thousands(next as u64))}
                    </button>
                </p>
            }
        })
    }
}
