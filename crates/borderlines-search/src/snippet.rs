//! Snippets: the best block of a hit (the one holding most of the query's
//! words), cut to a readable window around the matches, with the byte
//! ranges to mark. Matches come from the index's positions, so the marks are
//! exactly what was matched, stems, prefixes and fuzzy neighbours included.

use std::ops::Range;

use borderlines_core::{BlockKind, Document};
use serde::{Deserialize, Serialize};

use crate::index::{DocInfo, BODY};

/// A snippet is built around the densest run of matches within this many positions,
const CLUSTER: u32 = 32;
/// with this many positions of context before it,
const CONTEXT: u32 = 6;
/// and no match further than this after its start is looked for.
const REACH: u32 = 40;
use crate::tokenize::token_offsets;

/// The passage shown under a hit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// Index into the document's blocks.
    pub block: usize,
    /// The passage (a slice of the block's text).
    pub text: String,
    /// Where the passage starts in the block's text (bytes).
    pub offset: usize,
    /// Byte ranges of `text` to mark, sorted and disjoint.
    pub highlights: Vec<Range<usize>>,
    /// The passage starts or ends inside the block (show an ellipsis).
    pub starts_mid: bool,
    pub ends_mid: bool,
}

/// Byte ranges of `text` whose tokens sit at matched positions. `base` is
/// the position of the text's first token; `spans` are (start, length)
/// pairs sorted by start. Consecutive tokens of one span (a phrase) merge
/// into one range.
pub fn ranges_at_positions(text: &str, base: u32, spans: &[(u32, u32)]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut last_span: Option<usize> = None;
    let last = spans
        .iter()
        .map(|s| s.0.saturating_add(s.1))
        .max()
        .unwrap_or(0)
        .saturating_sub(base);
    token_offsets(text, last, |p, start, end| {
        let pos = base.saturating_add(p);
        let i = spans.partition_point(|s| s.0 <= pos);
        // Any span (there may be overlapping ones) that covers pos.
        let hit = spans[..i]
            .iter()
            .rposition(|s| pos < s.0.saturating_add(s.1));
        match (hit, out.last_mut()) {
            (Some(h), Some(r)) if last_span == Some(h) && spans[h].1 > 1 => r.end = end,
            (Some(h), _) => {
                out.push(start..end);
                last_span = Some(h);
            }
            (None, _) => last_span = None,
        }
    });
    merge(out)
}

/// Sorts and merges overlapping or touching ranges.
pub fn merge(mut r: Vec<Range<usize>>) -> Vec<Range<usize>> {
    r.sort_by_key(|x| (x.start, x.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(r.len());
    for x in r {
        match out.last_mut() {
            Some(l) if x.start <= l.end => l.end = l.end.max(x.end),
            _ => out.push(x),
        }
    }
    out
}

/// Picks the block holding the most distinct matched words (then the most
/// matches, then the earliest) and cuts a window of about `max_len` bytes.
/// `per_leaf` holds each query word's matched spans in this document.
pub fn best_snippet(
    doc: &Document,
    info: &DocInfo,
    per_leaf: &[Vec<(u32, u32)>],
    max_len: usize,
) -> Option<Snippet> {
    let nb = doc.blocks.len().min(info.blocks.len());
    let mut distinct = vec![0u32; nb];
    let mut count = vec![0u32; nb];
    for spans in per_leaf {
        let mut seen = vec![false; nb];
        for &(p, _) in spans {
            if info.field_of(p) != BODY {
                continue;
            }
            if let Some(b) = info.block_of(p).filter(|&b| b < nb) {
                count[b] += 1;
                if !seen[b] {
                    seen[b] = true;
                    distinct[b] += 1;
                }
            }
        }
    }
    let best = (0..nb).max_by(|&a, &b| {
        (distinct[a], count[a])
            .cmp(&(distinct[b], count[b]))
            .then(b.cmp(&a))
    });
    let block = match best {
        Some(b) if count[b] > 0 => b,
        // Matched only in title or byline: show the first paragraph as context.
        _ => doc
            .blocks
            .iter()
            .position(|b| b.kind == BlockKind::Paragraph)
            .or((!doc.blocks.is_empty()).then_some(0))?,
    };
    let text = &doc.blocks.get(block)?.text;
    let first = info.blocks.get(block).copied().unwrap_or(0);
    let next = info.blocks.get(block + 1).copied().unwrap_or(u32::MAX);
    let mut spans: Vec<(u32, u32)> = per_leaf
        .iter()
        .flatten()
        .copied()
        .filter(|s| (first..next).contains(&s.0))
        .collect();
    spans.sort_unstable();
    // The densest cluster of matches, by position; only its neighbourhood is tokenized.
    let anchor = (0..spans.len())
        .max_by_key(|&i| {
            (
                spans[i..]
                    .iter()
                    .take_while(|s| s.0 < spans[i].0.saturating_add(CLUSTER))
                    .count(),
                std::cmp::Reverse(i),
            )
        })
        .map_or(first, |i| spans[i].0);
    let from = anchor.saturating_sub(CONTEXT).max(first);
    let until = anchor.saturating_add(REACH);
    let (sync_pos, sync_byte) = info
        .sync
        .iter()
        .rev()
        .find(|&&(p, _)| p <= from && p >= first)
        .map_or((first, 0), |&(p, b)| (p, b as usize));
    let sync_byte = if text.is_char_boundary(sync_byte) {
        sync_byte
    } else {
        0
    };
    let sync_pos = if sync_byte == 0 { first } else { sync_pos };
    spans.retain(|s| s.0 >= sync_pos && s.0 <= until);
    let rest = &text[sync_byte..];
    let ranges = ranges_at_positions(rest, sync_pos, &spans);
    let mut snippet = window(rest, block, &ranges, max_len);
    snippet.offset += sync_byte;
    snippet.starts_mid |= sync_byte > 0;
    Some(snippet)
}

/// Cuts `text` to about `max_len` bytes around the densest group of ranges.
pub fn window(text: &str, block: usize, ranges: &[Range<usize>], max_len: usize) -> Snippet {
    if text.len() <= max_len {
        return Snippet {
            block,
            text: text.to_owned(),
            offset: 0,
            highlights: ranges.to_vec(),
            starts_mid: false,
            ends_mid: false,
        };
    }
    // The range that starts the window holding the most ranges.
    let mut best = (0usize, 0usize);
    for (i, r) in ranges.iter().enumerate() {
        let n = ranges[i..]
            .iter()
            .take_while(|x| x.end <= r.start + max_len * 4 / 5)
            .count();
        if n > best.1 {
            best = (i, n);
        }
    }
    let anchor = ranges.get(best.0).map_or(0, |r| r.start).min(text.len());
    let mut start = anchor.saturating_sub(max_len / 5);
    if start > 0 {
        start = snap_forward(text, start).min(anchor);
    }
    let mut end = (start + max_len).min(text.len());
    if end < text.len() {
        end = snap_back(text, end).max(ranges.get(best.0).map_or(start, |r| r.end.min(text.len())));
    }
    // Never inverted, always on char boundaries (ranges come from this text).
    let end = end.max(start);
    let (start, end) = if text.is_char_boundary(start) && text.is_char_boundary(end) {
        (start, end)
    } else {
        (0, 0)
    };
    let highlights = ranges
        .iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start..r.end - start)
        .collect();
    Snippet {
        block,
        text: text[start..end].to_owned(),
        offset: start,
        highlights,
        starts_mid: start > 0,
        ends_mid: end < text.len(),
    }
}

/// The start of the first word at or after `at` (a char boundary).
fn snap_forward(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    match text[at..].find(char::is_whitespace) {
        Some(i) if i < 40 => {
            let ws = at + i;
            ws + text[ws..].chars().next().map_or(0, char::len_utf8)
        }
        _ => at,
    }
}

/// The end of the last word at or before `at` (a char boundary).
fn snap_back(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    match text[..at].rfind(char::is_whitespace) {
        Some(i) if at - i < 40 => i,
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_tokens_merge_into_one_range() {
        let text = "new border guards and border posts";
        let r = ranges_at_positions(text, 10, &[(11, 2), (14, 1)]);
        assert_eq!(
            r.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(),
            ["border guards", "border"]
        );
    }

    #[test]
    fn windows_cut_on_word_boundaries_and_keep_the_matches() {
        let text = "word ".repeat(100) + "target here " + &"tail ".repeat(100);
        let start = text.find("target").unwrap();
        let marks: Vec<Range<usize>> = std::iter::once(start..start + 6).collect();
        let s = window(&text, 0, &marks, 100);
        assert!(s.starts_mid && s.ends_mid);
        assert_eq!(&s.text[s.highlights[0].clone()], "target");
        assert!(s.text.len() <= 100);
        assert!(!s.text.starts_with(' ') && !s.text.ends_with(' '));
    }

    proptest::proptest! {
        #[test]
        fn windows_of_any_length_are_slices_with_inner_marks(words in proptest::collection::vec("[a-z가-힣]{1,8}", 0..60), max in 0usize..300, pick in proptest::collection::vec(0usize..60, 0..5)) {
            let text = words.join(" ");
            let mut starts = vec![0];
            for w in &words { starts.push(starts.last().unwrap() + w.len() + 1); }
            let mut marks: Vec<Range<usize>> = pick.iter().filter(|&&i| i < words.len()).map(|&i| starts[i]..starts[i] + words[i].len()).collect();
            marks.sort_by_key(|r| r.start);
            marks.dedup();
            let s = window(&text, 0, &marks, max);
            proptest::prop_assert_eq!(&text[s.offset..s.offset + s.text.len()], s.text.as_str());
            for h in &s.highlights {
                proptest::prop_assert!(h.end <= s.text.len() && s.text.is_char_boundary(h.start) && s.text.is_char_boundary(h.end));
            }
        }
    }

    #[test]
    fn window_on_multibyte_text_never_splits_chars() {
        let text = "가나다 ".repeat(80);
        let s = window(&text, 0, &[], 50);
        assert!(s.text.len() <= 50);
    }
}
