//! Sentences over [`super::tokens`]: a sentence ends at `.`, `!`, `?` or `…`
//! (closing quotes and brackets stay with it) when the next token starts a
//! new one, never after a known abbreviation ("Mr.", "Gen.", "Nov.").
//!
//! Unicode's sentence rules (UAX #29) end a sentence after "Mr." when a
//! capital follows, which cut derived titles to "Mr."; these rules are the
//! ones extraction was tuned on, and titles, snippets and claims share them.
//!
//! ```
//! use borderlines_core::tokenize::first_sentence;
//! assert_eq!(first_sentence("Mr. Kim spoke. Then he left."), "Mr. Kim spoke.");
//! ```

use super::tokens::{tokens, TokKind, Token};

/// A sentence: a token range and the byte range it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub tok_start: usize,
    pub tok_end: usize,
    pub start: usize,
    pub end: usize,
}

/// Longest sentence in tokens; longer runs (a 5 MB line without a full stop)
/// are cut so that per-sentence work stays bounded.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Common abbreviations that end with a period but do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Lt", "Col", "Sgt", "Capt", "Rep", "Sen", "Gov",
    "Jr", "Sr", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "No", "vs", "etc", "approx", "est", "Inc", "Ltd", "Co", "Corp", "Mt", "Ft",
];

/// Splits tokens into sentences at `.`, `!`, `?` (with closing quotes or
/// brackets kept in the sentence) when the next token starts a new one.
pub fn sentences(text: &str, toks: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start_tok = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let s = &text[t.start..t.end];
        let mut boundary = false;
        let mut last = i;
        if t.kind == TokKind::Punct && matches!(s, "." | "!" | "?" | "…") {
            // Keep closing quotes/brackets with the sentence they close.
            while last + 1 < toks.len()
                && !toks[last + 1].space_before
                && matches!(
                    &text[toks[last + 1].start..toks[last + 1].end],
                    "\"" | "”" | "’" | "'" | ")" | "]"
                )
            {
                last += 1;
            }
            let prev_abbrev = i > 0
                && s == "."
                && toks[i - 1].kind == TokKind::Word
                && ABBREVIATIONS.contains(&&text[toks[i - 1].start..toks[i - 1].end]);
            let next_starts = match toks.get(last + 1) {
                None => true,
                Some(n) => {
                    n.space_before
                        && text[n.start..].chars().next().is_some_and(|c| {
                            c.is_uppercase()
                                || c.is_ascii_digit()
                                || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
                        })
                }
            };
            boundary = next_starts && !prev_abbrev;
        } else if t.kind == TokKind::Word && s.ends_with('.') && s.len() > 2 {
            // "…in the U.S. The next…": dotted initials can end a sentence too.
            boundary = toks.get(i + 1).is_some_and(|n| {
                n.space_before
                    && n.kind == TokKind::Word
                    && matches!(
                        &text[n.start..n.end],
                        "The" | "It" | "This" | "He" | "She" | "They" | "But" | "In" | "A"
                    )
            });
        }
        if boundary || i + 1 - start_tok >= MAX_SENTENCE_TOKENS {
            out.push(make(toks, start_tok, last + 1));
            start_tok = last + 1;
            i = last + 1;
            continue;
        }
        i += 1;
    }
    if start_tok < toks.len() {
        out.push(make(toks, start_tok, toks.len()));
    }
    out
}

fn make(toks: &[Token], a: usize, b: usize) -> Sentence {
    Sentence {
        tok_start: a,
        tok_end: b,
        start: toks[a].start,
        end: toks[b - 1].end,
    }
}

/// The first sentence of `text` ("" when it has no token). Reads no
/// further than the first 4 KB, so a 5 MB line costs what a paragraph does.
pub fn first_sentence(text: &str) -> &str {
    let mut cut = text.len().min(4_096);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let toks = tokens(head);
    sentences(head, &toks)
        .first()
        .map_or("", |s| &head[s.start..s.end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_respect_abbreviations() {
        let text = "The U.S. has concerns. Mr. Kim said “no.” Then 3.5 km away! End";
        let toks = tokens(text);
        let s: Vec<&str> = sentences(text, &toks)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            s,
            [
                "The U.S. has concerns.",
                "Mr. Kim said “no.”",
                "Then 3.5 km away!",
                "End"
            ]
        );
    }

    #[test]
    fn first_sentence_keeps_abbreviations_and_bounds_its_work() {
        assert_eq!(
            first_sentence("Gen. Park arrived. He spoke."),
            "Gen. Park arrived."
        );
        assert_eq!(first_sentence("  no full stop"), "no full stop");
        assert_eq!(first_sentence(""), "");
        let long = "word ".repeat(100_000);
        assert!(first_sentence(&long).len() < 4_096);
    }
}
