//! Plain search: a case-insensitive match of every whitespace-separated term
//! against a document's title, byline and body, plus the highlight ranges the
//! reader marks. The ranked engine replaces the matching; the highlighting
//! contract (byte ranges into the original text) stays.

use std::ops::Range;

use crate::document::{Corpus, Document};

/// A document that matched, with how many times the terms occur in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlainMatch {
    /// Index into [`Corpus::documents`].
    pub doc: usize,
    /// Total occurrences of all terms.
    pub occurrences: u32,
}

/// The query's terms, case-folded; empty when the query is blank.
pub fn terms(query: &str) -> Vec<String> {
    let mut t: Vec<String> = query
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    t.sort();
    t.dedup();
    t
}

/// Documents containing every term, most occurrences first, then corpus
/// order. A blank query matches every document in corpus order.
pub fn plain_search(corpus: &Corpus, query: &str) -> Vec<PlainMatch> {
    let terms = terms(query);
    let mut out: Vec<PlainMatch> = corpus
        .documents
        .iter()
        .enumerate()
        .filter_map(|(doc, d)| {
            let text = searchable_text(d);
            let mut occurrences = 0u32;
            for t in &terms {
                let n = u32::try_from(text.matches(t.as_str()).count()).unwrap_or(u32::MAX);
                if n == 0 {
                    return None;
                }
                occurrences = occurrences.saturating_add(n);
            }
            Some(PlainMatch { doc, occurrences })
        })
        .collect();
    out.sort_by(|a, b| b.occurrences.cmp(&a.occurrences).then(a.doc.cmp(&b.doc)));
    out
}

fn searchable_text(d: &Document) -> String {
    let mut s = d.title.to_lowercase();
    for part in d.byline.iter().chain(d.blocks.iter().map(|b| &b.text)) {
        s.push('\n');
        s.push_str(&part.to_lowercase());
    }
    s
}

/// Byte ranges in `text` where any term occurs, case-insensitively, sorted
/// and non-overlapping. Ranges always fall on char boundaries of `text`,
/// even where lowercasing changes byte lengths.
pub fn highlight_ranges(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    // Lowercase char by char, remembering where each folded byte came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        for l in c.to_lowercase() {
            folded.push(l);
            origin.resize(folded.len(), i);
        }
    }
    origin.push(text.len());
    let end_of = |folded_end: usize| {
        // The original char that produced the last folded byte ends the range.
        let start = origin[folded_end - 1];
        start + text[start..].chars().next().map_or(0, char::len_utf8)
    };
    let mut ranges: Vec<Range<usize>> = terms
        .iter()
        .filter(|t| !t.is_empty())
        .flat_map(|t| {
            folded
                .match_indices(t.as_str())
                .map(|(i, m)| origin[i]..end_of(i + m.len()))
        })
        .collect();
    ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// A short excerpt of the first block that contains a term: about
/// `max_chars` characters around the first match, cut on word boundaries,
/// with "…" where text was cut. `None` when no block matches.
pub fn plain_snippet(doc: &Document, terms: &[String], max_chars: usize) -> Option<String> {
    doc.blocks.iter().find_map(|b| {
        let first = highlight_ranges(&b.text, terms).into_iter().next()?;
        Some(excerpt(&b.text, first.start, max_chars))
    })
}

/// About `max_chars` characters of `text` around byte offset `at`.
fn excerpt(text: &str, at: usize, max_chars: usize) -> String {
    let lead = max_chars / 3;
    let chars_before = text[..at].chars().count();
    let skip = chars_before.saturating_sub(lead);
    let mut start = text.char_indices().nth(skip).map_or(0, |(i, _)| i);
    if start > 0 {
        // Start on a word: move to just after the next space.
        start = text[start..]
            .find(' ')
            .map_or(start, |i| start + i + 1)
            .min(at);
    }
    let mut end = text[start..]
        .char_indices()
        .nth(max_chars)
        .map_or(text.len(), |(i, _)| start + i);
    if end < text.len() {
        end = text[..end].rfind(' ').filter(|&i| i > at).unwrap_or(end);
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(text[start..end].trim());
    if end < text.len() {
        out.push('…');
    }
    out
}

/// Splits `text` into `(is_match, piece)` segments for rendering.
pub fn segments<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(bool, &'a str)> {
    let mut out = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut pos = 0;
    for r in ranges {
        if r.start > pos {
            out.push((false, &text[pos..r.start]));
        }
        out.push((true, &text[r.clone()]));
        pos = r.end;
    }
    if pos < text.len() {
        out.push((false, &text[pos..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_document;

    fn corpus() -> Corpus {
        let a = parse_document(
            "a",
            "Walls on the Yalu\nThe Yalu river border has new walls and walls.",
        )
        .unwrap();
        let b = parse_document(
            "b",
            "Mines in the South\nTroops lay mines along the southern border.",
        )
        .unwrap();
        Corpus {
            documents: vec![a, b],
        }
    }

    #[test]
    fn all_terms_must_match_case_insensitively() {
        let c = corpus();
        assert_eq!(plain_search(&c, "BORDER").len(), 2);
        assert_eq!(
            plain_search(&c, "border yalu"),
            vec![PlainMatch {
                doc: 0,
                occurrences: 3
            }]
        );
        assert!(plain_search(&c, "border tumen").is_empty());
        assert_eq!(plain_search(&c, "  ").len(), 2);
        assert_eq!(plain_search(&c, "walls")[0].occurrences, 3);
    }

    #[test]
    fn highlights_survive_length_changing_case_folds() {
        // U+212A KELVIN SIGN (3 bytes) lowercases to 'k' (1 byte).
        let text = "\u{212A}elvin and KELVIN";
        let r = highlight_ranges(text, &terms("kelvin"));
        assert_eq!(segments(text, &r).iter().filter(|s| s.0).count(), 2);
        assert_eq!(&text[r[0].clone()], "\u{212A}elvin");
        assert_eq!(&text[r[1].clone()], "KELVIN");
    }

    #[test]
    fn snippets_centre_on_the_first_match() {
        let c = corpus();
        let s = plain_snippet(&c.documents[1], &terms("southern"), 30).unwrap();
        assert!(s.contains("southern"), "{s}");
        assert!(s.chars().count() <= 32, "{s}");
        assert_eq!(plain_snippet(&c.documents[1], &terms("yalu"), 30), None);
        let long = parse_document(
            "l",
            &format!("{} needle {}", "é ".repeat(300), "ü ".repeat(300)),
        )
        .unwrap();
        let s = plain_snippet(&long, &terms("needle"), 60).unwrap();
        assert!(
            s.starts_with('…') && s.ends_with('…') && s.contains("needle"),
            "{s}"
        );
    }

    #[test]
    fn overlapping_terms_merge() {
        let r = highlight_ranges("borderlines", &terms("border lines"));
        assert_eq!(r, vec![0..11]);
    }
}
