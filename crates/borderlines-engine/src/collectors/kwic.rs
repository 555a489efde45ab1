//! Keyword in context (a concordance): every occurrence of a word or
//! phrase in the selection's body blocks, with a few words on each side,
//! so that its uses can be read in one column and sorted by the word just
//! before or just after it.
//!
//! Occurrences are found by the index's highlighter, so a term matches
//! exactly as search and the reader's marks match it: "defectors" finds
//! "defector" and "Defectors'" (same stem), a phrase only where its words
//! follow each other. The term is taken literally (as if quoted): `-`,
//! `OR`, `*` or `name:` in it are not query syntax here. Context stops at
//! the block's edges; titles and bylines are not searched.
//!
//! Lines beyond the cap are counted, not built: [`Kwic::total`] lets the
//! view say "showing 2,000 of 5,312".
//!
//! ```
//! use std::sync::Arc;
//! use borderlines_engine::{collectors::kwic::{kwic, KwicOptions}, Engine};
//! let doc = borderlines_core::parse_document("a", "Fences on the Tumen\nThe regime built fences to stop defectors from leaving.").unwrap();
//! let engine = Engine::build(Arc::new(borderlines_core::Corpus { documents: vec![doc] }));
//! let k = kwic(&engine, &engine.select("", 10), "defector", &KwicOptions { width: 2, ..KwicOptions::default() });
//! assert_eq!(k.total, 1);
//! let line = &k.lines[0];
//! assert_eq!((line.left.as_str(), line.keyword.as_str(), line.right.as_str()), ("to stop ", "defectors", " from leaving"));
//! ```

use std::ops::Range;

use borderlines_search::tokenize::token_offsets;
use borderlines_search::Query;

use crate::export::csv;
use crate::{Engine, Selection};

/// How lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KwicSort {
    /// By document, block and place in the block.
    #[default]
    Document,
    /// By the word just before the keyword (then document order).
    Left,
    /// By the word just after the keyword (then document order).
    Right,
}

/// Options of [`kwic`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KwicOptions {
    /// Words of context on each side.
    pub width: usize,
    pub sort: KwicSort,
    /// Lines built at most (the rest are only counted).
    pub limit: usize,
}

impl Default for KwicOptions {
    fn default() -> Self {
        Self {
            width: 5,
            sort: KwicSort::Document,
            limit: 2000,
        }
    }
}

/// One occurrence with its context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KwicLine {
    /// Index of the document in the corpus, and its id.
    pub doc: u32,
    pub doc_id: String,
    /// Body block, and the keyword's byte range in the block's text.
    pub block: usize,
    pub range: Range<usize>,
    /// Up to `width` words before the keyword, as written (whitespace runs
    /// shown as one space), including the space or punctuation up to it:
    /// `left + keyword + right` reads as the text does.
    pub left: String,
    pub keyword: String,
    /// Up to `width` words after the keyword, from right after it.
    pub right: String,
    /// The word just before and just after the keyword, lowercased (empty
    /// at a block's edge): the sort keys.
    pub left_word: String,
    pub right_word: String,
}

/// The concordance of a term in a selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Kwic {
    /// Occurrences in the selection.
    pub total: usize,
    /// The first `limit` of them, in the order asked for.
    pub lines: Vec<KwicLine>,
}

/// An occurrence before its strings are built.
struct Hit {
    doc: u32,
    block: usize,
    range: Range<usize>,
    context: Range<usize>,
    left_word: String,
    right_word: String,
}

/// Every occurrence of `term` (a word or phrase) in the selection's body
/// blocks with `options.width` words each side; see the [module docs](self).
pub fn kwic(engine: &Engine, selection: &Selection, term: &str, options: &KwicOptions) -> Kwic {
    // Quoted: the term is text, not query syntax.
    let query = Query::parse(&format!("\"{}\"", term.replace('"', " ")));
    let highlighter = engine.index().highlighter(&query);
    if query.is_empty() || highlighter.is_empty() {
        return Kwic::default();
    }
    // Only documents the term occurs in need tokenizing.
    let holding = engine.matching(&query);
    let docs: Vec<u32> = if selection.is_everything() {
        holding
    } else {
        holding
            .into_iter()
            .filter(|&d| selection.contains(d))
            .collect()
    };
    let corpus = engine.corpus();
    let mut hits = Vec::new();
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    for &doc in &docs {
        let Some(d) = corpus.documents.get(doc as usize) else {
            continue;
        };
        for (block, b) in d.blocks.iter().enumerate() {
            let text = b.text.as_str();
            let ranges = highlighter.ranges(text);
            if ranges.is_empty() {
                continue;
            }
            tokens.clear();
            token_offsets(text, u32::MAX, |_, s, e| tokens.push((s, e)));
            for range in ranges {
                // Words wholly before the keyword, and from its end on.
                let before = tokens.partition_point(|&(_, e)| e <= range.start);
                let after = tokens.partition_point(|&(s, _)| s < range.end);
                let from = before.saturating_sub(options.width);
                let to = after.saturating_add(options.width).min(tokens.len());
                let start = if from < before {
                    tokens[from].0.min(range.start)
                } else {
                    range.start
                };
                let end = if after < to {
                    tokens[to - 1].1.max(range.end)
                } else {
                    range.end
                };
                let word = |i: Option<usize>| {
                    i.and_then(|i| tokens.get(i))
                        .and_then(|&(s, e)| text.get(s..e))
                        .map(str::to_lowercase)
                        .unwrap_or_default()
                };
                hits.push(Hit {
                    doc,
                    block,
                    left_word: word(before.checked_sub(1)),
                    right_word: word((after < tokens.len()).then_some(after)),
                    range,
                    context: start..end,
                });
            }
        }
    }
    let total = hits.len();
    match options.sort {
        // Already in document order.
        KwicSort::Document => {}
        KwicSort::Left => hits.sort_by(|a, b| a.left_word.cmp(&b.left_word)),
        KwicSort::Right => hits.sort_by(|a, b| a.right_word.cmp(&b.right_word)),
    }
    hits.truncate(options.limit);
    let lines = hits
        .into_iter()
        .filter_map(|h| {
            let d = corpus.documents.get(h.doc as usize)?;
            let text = d.blocks.get(h.block)?.text.as_str();
            Some(KwicLine {
                doc: h.doc,
                doc_id: d.id.clone(),
                block: h.block,
                left: one_line(text.get(h.context.start..h.range.start)?),
                keyword: one_line(text.get(h.range.clone())?),
                right: one_line(text.get(h.range.end..h.context.end)?),
                range: h.range,
                left_word: h.left_word,
                right_word: h.right_word,
            })
        })
        .collect();
    Kwic { total, lines }
}

/// `s` with each run of whitespace (line breaks included) as one space.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    if space {
        out.push(' ');
    }
    out
}

/// The lines as CSV (see [`crate::export`]).
pub fn to_csv(lines: &[KwicLine]) -> String {
    csv(
        &[
            "document", "block", "start", "end", "left", "keyword", "right",
        ],
        lines.iter().map(|l| {
            vec![
                l.doc_id.clone(),
                l.block.to_string(),
                l.range.start.to_string(),
                l.range.end.to_string(),
                l.left.clone(),
                l.keyword.clone(),
                l.right.clone(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use borderlines_core::{parse_document, Corpus};

    fn engine() -> Engine {
        let docs = [
            "Fences on the Tumen\nThe regime built new fences to stop defectors, who fled across the river.\n\nDefectors say guards shoot.",
            "Smugglers on the Yalu\nSmugglers and a defector crossed the Yalu River at night.",
            "Russia and China\nTalks in Moscow about trade.",
        ];
        let documents = docs
            .iter()
            .enumerate()
            .map(|(i, t)| parse_document(&format!("d{i}"), t).unwrap())
            .collect();
        Engine::build(Arc::new(Corpus { documents }))
    }

    fn run(e: &Engine, q: &str, term: &str, width: usize, sort: KwicSort) -> Kwic {
        kwic(
            e,
            &e.select(q, 10),
            term,
            &KwicOptions {
                width,
                sort,
                limit: 100,
            },
        )
    }

    fn parts(l: &KwicLine) -> (&str, &str, &str) {
        (&l.left, &l.keyword, &l.right)
    }

    #[test]
    fn context_is_aligned_at_widths_two_and_five() {
        let e = engine();
        let k = run(&e, "", "defectors", 2, KwicSort::Document);
        assert_eq!(k.total, 3);
        let got: Vec<_> = k.lines.iter().map(parts).collect();
        assert_eq!(
            got,
            [
                ("to stop ", "defectors", ", who fled"),
                ("", "Defectors", " say guards"),
                ("and a ", "defector", " crossed the"),
            ]
        );
        let k = run(&e, "", "defectors", 5, KwicSort::Document);
        let got: Vec<_> = k.lines.iter().map(parts).collect();
        assert_eq!(
            got,
            [
                (
                    "built new fences to stop ",
                    "defectors",
                    ", who fled across the river"
                ),
                ("", "Defectors", " say guards shoot"),
                ("Smugglers and a ", "defector", " crossed the Yalu River at"),
            ]
        );
        let l = &k.lines[1];
        assert_eq!((l.doc, l.block, l.doc_id.as_str()), (0, 1, "d0"));
        assert_eq!((l.left_word.as_str(), l.right_word.as_str()), ("", "say"));
    }

    #[test]
    fn keyword_ranges_slice_to_the_keyword() {
        let e = engine();
        for term in ["defectors", "the river", "Yalu", "smugglers"] {
            let k = run(&e, "", term, 3, KwicSort::Document);
            assert!(k.total > 0, "{term}");
            for l in &k.lines {
                let text = &e.corpus().documents[l.doc as usize].blocks[l.block].text;
                assert_eq!(&text[l.range.clone()], l.keyword);
            }
        }
        let k = run(&e, "", "the river", 1, KwicSort::Document);
        assert_eq!(parts(&k.lines[0]), ("across ", "the river", ""));
    }

    #[test]
    fn sorting_by_left_and_right_words() {
        let e = engine();
        let left: Vec<String> = run(&e, "", "defectors", 2, KwicSort::Left)
            .lines
            .into_iter()
            .map(|l| l.left_word)
            .collect();
        assert_eq!(left, ["", "a", "stop"]);
        let right: Vec<String> = run(&e, "", "defectors", 2, KwicSort::Right)
            .lines
            .into_iter()
            .map(|l| l.right_word)
            .collect();
        assert_eq!(right, ["crossed", "say", "who"]);
    }

    #[test]
    fn the_selection_and_the_cap_limit_lines_not_the_total() {
        let e = engine();
        let k = run(&e, "yalu", "defectors", 2, KwicSort::Document);
        assert_eq!(k.total, 1);
        assert_eq!(k.lines[0].doc, 1);
        let capped = kwic(
            &e,
            &e.select("", 10),
            "defectors",
            &KwicOptions {
                limit: 1,
                ..KwicOptions::default()
            },
        );
        assert_eq!((capped.total, capped.lines.len()), (3, 1));
    }

    #[test]
    fn odd_terms_give_nothing_without_panicking() {
        let e = engine();
        for term in ["", "\"", "zebra", "-russia", "OR", "(", "defect*", "\"the"] {
            let k = run(&e, "", term, 3, KwicSort::Left);
            assert_eq!(k.total, k.lines.len(), "{term}");
        }
        assert_eq!(run(&e, "", "zebra", 3, KwicSort::Document).total, 0);
        assert_eq!(
            run(&e, "", "defectors", 0, KwicSort::Document).lines[0].left,
            ""
        );
    }

    #[test]
    fn csv_quotes_context() {
        let e = engine();
        let k = run(&e, "", "defectors", 2, KwicSort::Document);
        let csv = to_csv(&k.lines[..1]);
        assert_eq!(
            csv,
            "document,block,start,end,left,keyword,right\r\nd0,0,36,45,to stop ,defectors,\", who fled\"\r\n"
        );
    }
}
