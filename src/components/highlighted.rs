use std::ops::Range;

use borderlines_core::layers::layer;
use leptos::either::Either;
use leptos::prelude::*;

use crate::annotations::Annotation;

/// Text with search matches wrapped in `<mark>` and, optionally, annotated
/// spans (entities, figures, dates) wrapped in a styled `<span>` whose
/// tooltip says what they refer to. Document text is always rendered as
/// text nodes, never as HTML; ranges that do not fit the text are ignored.
#[component]
pub fn Highlighted(
    /// The text to show.
    text: String,
    /// Byte ranges of `text` to mark as search matches.
    #[prop(optional)]
    ranges: Vec<Range<usize>>,
    /// Annotated byte ranges; where two overlap, the earlier (then longer) wins.
    #[prop(optional)]
    annotations: Vec<(Range<usize>, Annotation)>,
) -> impl IntoView {
    let pieces = layer(&text, &ranges, &annotations);
    pieces
        .into_iter()
        .map(|p| {
            let piece = text[p.range].to_owned();
            let inner = if p.mark { Either::Left(view! { <mark>{piece}</mark> }) } else { Either::Right(piece) };
            match p.annotation.and_then(|i| annotations.get(i)) {
                Some((_, a)) => Either::Left(view! { <span class=format!("ann {}", a.class) title=a.title.clone()>{inner}</span> }),
                None => Either::Right(inner),
            }
        })
        .collect::<Vec<_>>()
}
