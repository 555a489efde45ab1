//! Splits a text into pieces where two independent layers of byte ranges
//! begin and end — search marks and annotations (entities, figures, dates) —
//! so the UI can nest `<mark>` inside annotation spans without parsing HTML.
//!
//! ```
//! use borderlines_core::layers::{layer, Piece};
//! let text = "Kim Jong Un visited";
//! let pieces = layer(text, &[4..8], &[(0..11, "person")]);
//! let shown: Vec<_> = pieces.iter().map(|p| (&text[p.range.clone()], p.mark, p.annotation)).collect();
//! assert_eq!(shown, [("Kim ", false, Some(0)), ("Jong", true, Some(0)), (" Un", false, Some(0)), (" visited", false, None)]);
//! ```

use std::ops::Range;

/// One piece of text with the layers that cover it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Inside a search mark.
    pub mark: bool,
    /// Index of the annotation covering it, if any.
    pub annotation: Option<usize>,
}

/// Splits `text` at every boundary of `marks` and `annotations`. Ranges that
/// are empty, out of bounds or not on char boundaries are ignored, and so is
/// an annotation overlapping an earlier one, so bad input never panics.
pub fn layer<A>(
    text: &str,
    marks: &[Range<usize>],
    annotations: &[(Range<usize>, A)],
) -> Vec<Piece> {
    let valid = |r: &Range<usize>| r.start < r.end && text.get(r.clone()).is_some();
    let mut kept: Vec<(Range<usize>, usize)> = Vec::new();
    let mut order: Vec<usize> = (0..annotations.len())
        .filter(|&i| valid(&annotations[i].0))
        .collect();
    order.sort_by_key(|&i| {
        (
            annotations[i].0.start,
            std::cmp::Reverse(annotations[i].0.end),
        )
    });
    for i in order {
        let r = &annotations[i].0;
        if kept.last().is_none_or(|(last, _)| r.start >= last.end) {
            kept.push((r.clone(), i));
        }
    }
    let marks: Vec<&Range<usize>> = marks.iter().filter(|r| valid(r)).collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(marks.iter().flat_map(|r| [r.start, r.end]));
    cuts.extend(kept.iter().flat_map(|(r, _)| [r.start, r.end]));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let range = w[0]..w[1];
            let inside = |r: &Range<usize>| r.start <= range.start && range.end <= r.end;
            Piece {
                mark: marks.iter().any(|r| inside(r)),
                annotation: kept.iter().find(|(r, _)| inside(r)).map(|(_, i)| *i),
                range,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_one_piece() {
        assert_eq!(
            layer::<()>("abc", &[], &[]),
            [Piece {
                range: 0..3,
                mark: false,
                annotation: None
            }]
        );
        assert!(layer::<()>("", &[], &[]).is_empty());
    }

    #[test]
    fn overlapping_and_bad_annotations_are_dropped() {
        let text = "é North Korea";
        let pieces = layer(
            text,
            &[1..2, 0..99],
            &[(3..8, 'a'), (3..14, 'b'), (9..14, 'c'), (0..1, 'd')],
        );
        let ann: Vec<_> = pieces
            .iter()
            .map(|p| (&text[p.range.clone()], p.annotation))
            .collect();
        assert_eq!(ann, [("é ", None), ("North Korea", Some(1))]);
        assert!(pieces.iter().all(|p| !p.mark));
    }
}
