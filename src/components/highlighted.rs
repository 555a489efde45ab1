use borderlines_core::search::{highlight_ranges, segments};
use leptos::either::Either;
use leptos::prelude::*;

/// Text with every occurrence of the query terms wrapped in `<mark>`.
/// Document text is always rendered as text nodes, never as HTML.
#[component]
pub fn Highlighted(
    /// The text to show.
    text: String,
    /// Case-folded terms to mark.
    terms: Signal<Vec<String>>,
) -> impl IntoView {
    move || {
        terms.with(|t| {
            let ranges = highlight_ranges(&text, t);
            segments(&text, &ranges)
                .into_iter()
                .map(|(is_match, piece)| {
                    let piece = piece.to_owned();
                    if is_match {
                        Either::Left(view! { <mark>{piece}</mark> })
                    } else {
                        Either::Right(piece)
                    }
                })
                .collect::<Vec<_>>()
        })
    }
}
