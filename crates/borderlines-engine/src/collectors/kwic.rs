//! Keyword in context (a concordance): every occurrence of a word or
//! phrase in the selection's body blocks, with a few words on each side,
//! so that its uses can be read in one column and sorted by the word just
//! before or just after it.
//!
//! A term matches exactly as search and the reader's marks match it: its
//! words are filed by the index's analyzer, so "defectors" finds
//! "defector" and "Defectors'" (same stem), and a phrase matches only
//! where its words follow each other. Occurrences are read from the index's
//! position sequences ([`borderlines_search::vectors::TermStats`]), which
//! is fast and needs no stemming; a word that the index also holds as a
//! hyphenated compound's joined form ("jongun") is marked by the index's
//! highlighter instead, which sees those. The term is taken literally (as
//! if quoted): `-`, `OR`, `*` or `name:` in it are not query syntax here.
//! Context stops at the block's edges; titles and bylines are not searched.
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
    let stats = engine.term_stats();
    let Some(ids) = engine
        .index()
        .term_ids_of(term)
        .into_iter()
        .collect::<Option<Vec<u32>>>()
    else {
        // A word the index does not hold occurs nowhere.
        return Kwic::default();
    };
    let (total, mut hits) = match ids.as_slice() {
        [] => return Kwic::default(),
        // A word also indexed as a compound's joined form ("jongun" for
        // "Jong-un") is not in the sequences: ask the highlighter.
        [t] if stats.joined_freq(*t) > 0 => by_highlighter(engine, selection, term, options),
        _ => by_sequence(engine, selection, &ids, options),
    };
    match options.sort {
        // Already in document order.
        KwicSort::Document => {}
        KwicSort::Left => hits.sort_by(|a, b| a.left_word.cmp(&b.left_word)),
        KwicSort::Right => hits.sort_by(|a, b| a.right_word.cmp(&b.right_word)),
    }
    hits.truncate(options.limit);
    let corpus = engine.corpus();
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

/// Occurrences found in the index's position sequences: the term's ids at
/// consecutive positions of a block (overlapping matches of a phrase merge
/// into one, as the highlighter merges its marks). Only blocks holding a
/// line are tokenized, and only up to the last word of context; in
/// document order, blocks past the cap are only counted.
fn by_sequence(
    engine: &Engine,
    selection: &Selection,
    ids: &[u32],
    options: &KwicOptions,
) -> (usize, Vec<Hit>) {
    let stats = engine.term_stats();
    let corpus = engine.corpus();
    let n = ids.len();
    let all: Vec<u32>;
    let docs = if selection.is_everything() {
        all = (0..stats.doc_count() as u32).collect();
        &all
    } else {
        selection.docs()
    };
    let (mut total, mut hits) = (0, Vec::new());
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    for &doc in docs {
        if stats.count_in(doc, ids[0]) == 0 {
            continue;
        }
        for (block, seq) in stats.blocks(doc).enumerate() {
            found.clear();
            for (i, w) in seq.windows(n).enumerate() {
                if w != ids {
                    continue;
                }
                match found.last_mut() {
                    Some(last) if last.1 > i => last.1 = i + n,
                    _ => found.push((i, i + n)),
                }
            }
            if found.is_empty() {
                continue;
            }
            total += found.len();
            if options.sort == KwicSort::Document && hits.len() >= options.limit {
                continue;
            }
            let Some(text) = corpus
                .documents
                .get(doc as usize)
                .and_then(|d| d.blocks.get(block))
                .map(|b| b.text.as_str())
            else {
                continue;
            };
            let last = found
                .last()
                .map_or(0, |&(_, b)| b.saturating_add(options.width));
            tokens.clear();
            token_offsets(text, u32::try_from(last).unwrap_or(u32::MAX), |p, s, e| {
                if p as usize == tokens.len() {
                    tokens.push((s, e));
                }
            });
            for &(a, b) in &found {
                let (Some(&(start, _)), Some(&(_, end))) = (tokens.get(a), tokens.get(b - 1))
                else {
                    continue;
                };
                hits.push(hit(
                    doc,
                    block,
                    text,
                    &tokens,
                    a,
                    b,
                    start..end,
                    options.width,
                ));
            }
        }
    }
    (total, hits)
}

/// Occurrences marked by the index's highlighter (for a word that is also
/// a compound's joined form): every block of the documents search finds.
fn by_highlighter(
    engine: &Engine,
    selection: &Selection,
    term: &str,
    options: &KwicOptions,
) -> (usize, Vec<Hit>) {
    // Quoted: the term is text, not query syntax.
    let query = Query::parse(&format!("\"{}\"", term.replace('"', " ")));
    let highlighter = engine.index().highlighter(&query);
    if query.is_empty() || highlighter.is_empty() {
        return (0, Vec::new());
    }
    let corpus = engine.corpus();
    let mut hits = Vec::new();
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    for doc in engine.matching(&query) {
        if !selection.is_everything() && !selection.contains(doc) {
            continue;
        }
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
                hits.push(hit(
                    doc,
                    block,
                    text,
                    &tokens,
                    before,
                    after,
                    range,
                    options.width,
                ));
            }
        }
    }
    (hits.len(), hits)
}

/// An occurrence at byte `range` of `text`, whose tokens (byte ranges) are
/// `tokens`: `before` of them precede it, those from `after` on follow it.
#[allow(clippy::too_many_arguments)]
fn hit(
    doc: u32,
    block: usize,
    text: &str,
    tokens: &[(usize, usize)],
    before: usize,
    after: usize,
    range: Range<usize>,
    width: usize,
) -> Hit {
    let from = before.saturating_sub(width);
    let to = after.saturating_add(width).min(tokens.len());
    let start = match tokens.get(from) {
        Some(&(s, _)) if from < before => s.min(range.start),
        _ => range.start,
    };
    let end = match to.checked_sub(1).and_then(|i| tokens.get(i)) {
        Some(&(_, e)) if after < to => e.max(range.end),
        _ => range.end,
    };
    let word = |i: Option<usize>| {
        i.and_then(|i| tokens.get(i))
            .and_then(|&(s, e)| text.get(s..e))
            .map(str::to_lowercase)
            .unwrap_or_default()
    };
    Hit {
        doc,
        block,
        left_word: word(before.checked_sub(1)),
        right_word: word((after < tokens.len()).then_some(after)),
        range,
        context: start..end,
    }
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

    fn engine() -> Engine {
        let docs = [
            "Fences on the Tumen\nThe regime built new fences to stop defectors, who fled across the river.\n\nDefectors say guards shoot.",
            "Smugglers on the Yalu\nSmugglers and a defector crossed the Yalu River at night.",
            "Russia and China\nTalks in Moscow about trade.",
        ];
        Engine::from_texts(docs.iter().enumerate().map(|(i, t)| (format!("d{i}"), t))).unwrap()
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

    /// The fast path and the highlighter find the same lines.
    #[test]
    fn sequences_and_highlighter_agree() {
        let e = engine();
        let all = e.select("", 10);
        let options = KwicOptions {
            width: 3,
            ..KwicOptions::default()
        };
        for term in [
            "defectors",
            "the river",
            "the",
            "Yalu River",
            "guards shoot",
        ] {
            let ids: Vec<u32> = e
                .index()
                .term_ids_of(term)
                .into_iter()
                .map(Option::unwrap)
                .collect();
            let (n1, a) = by_sequence(&e, &all, &ids, &options);
            let (n2, b) = by_highlighter(&e, &all, term, &options);
            assert_eq!(n1, n2, "{term}");
            let key = |h: &Hit| (h.doc, h.block, h.range.clone(), h.context.clone());
            assert_eq!(
                a.iter().map(key).collect::<Vec<_>>(),
                b.iter().map(key).collect::<Vec<_>>(),
                "{term}"
            );
        }
    }

    #[test]
    fn a_joined_compound_form_is_found_through_the_highlighter() {
        let e = Engine::from_texts([(
            "k",
            "Kim Meets Envoys\nLeader Kim Jong-un met envoys. Later Jongun left.",
        )])
        .unwrap();
        let k = run(&e, "", "jongun", 1, KwicSort::Document);
        let got: Vec<_> = k.lines.iter().map(parts).collect();
        assert_eq!(
            got,
            [("Kim ", "Jong-un", " met"), ("Later ", "Jongun", " left")]
        );
        // The phrase reads the parts.
        let k = run(&e, "", "jong un", 1, KwicSort::Document);
        assert_eq!(parts(&k.lines[0]), ("Kim ", "Jong-un", " met"));
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
