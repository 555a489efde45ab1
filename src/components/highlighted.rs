use std::ops::Range;

use borderlines_core::search::segments;
use leptos::either::Either;
use leptos::prelude::*;

/// Text with the given byte ranges wrapped in `<mark>`. Document text is
/// always rendered as text nodes, never as HTML.
#[component]
pub fn Highlighted(
    /// The text to show.
    text: String,
    /// Sorted, disjoint byte ranges of `text` to mark (on char boundaries).
    #[prop(optional)]
    ranges: Vec<Range<usize>>,
) -> impl IntoView {
    // Ranges come from the engine; drop any that would not slice cleanly
    // rather than panic on a bad one.
    let valid = ranges
        .into_iter()
        .filter(|r| r.start <= r.end && text.get(r.clone()).is_some())
        .collect::<Vec<_>>();
    segments(&text, &valid)
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
}
