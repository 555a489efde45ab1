//! Reading a headline. Headlines Capitalise Every Word, so there capitals
//! say nothing about names: "Kim Builds New Fence Along China Border" would
//! read as one long name. A title-case headline is read in sentence case
//! first: a word keeps its capital when the body writes it capitalised
//! (mid-sentence, where capitals mean names) or when it starts a name the
//! gazetteer or the dictionaries know; every other capital is lowered.
//! Only ASCII first letters are lowered, so byte offsets stay those of the
//! headline as written and mentions are located in it.

use rustc_hash::FxHashSet;

use crate::tokens::{TokKind, Tokenized};

/// Is the headline in title case: most words after the first capitalised?
/// (Sentence-case headlines and all-capital ones are read as they are.)
pub(crate) fn is_title_case(t: &Tokenized) -> bool {
    let mut words = 0usize;
    let mut capitalised = 0usize;
    for (i, tok) in t.toks.iter().enumerate().skip(1) {
        if tok.kind != TokKind::Word {
            continue;
        }
        let w = t.tok(i);
        // Short words ("of", "a") are lowercase in most title-case styles.
        if w.chars().count() < 4 {
            continue;
        }
        if !w.chars().any(char::is_lowercase) {
            continue;
        }
        words += 1;
        capitalised += usize::from(w.chars().next().is_some_and(char::is_uppercase));
    }
    words >= 2 && capitalised * 10 >= words * 7
}

/// The words the body writes capitalised inside a sentence (not first):
/// those capitals mean names.
pub(crate) fn body_capitals<'a>(blocks: &[Tokenized<'a>]) -> FxHashSet<&'a str> {
    let mut out = FxHashSet::default();
    for t in blocks {
        for s in &t.sents {
            for i in s.tok_start.saturating_add(1)..s.tok_end {
                if t.toks[i].kind == TokKind::Word {
                    let w = t.tok(i);
                    if w.chars().next().is_some_and(char::is_uppercase) {
                        out.insert(w);
                    }
                }
            }
        }
    }
    out
}

/// The headline with the capitals of the words not in `keep` (by token)
/// lowered: ASCII only, so the text has the same length and offsets.
pub(crate) fn sentence_case(t: &Tokenized, keep: &[bool]) -> String {
    let mut bytes = t.text.as_bytes().to_vec();
    for (i, tok) in t.toks.iter().enumerate() {
        if tok.kind != TokKind::Word || keep.get(i).copied().unwrap_or(true) {
            continue;
        }
        let w = t.tok(i);
        // An acronym ("UN", "DPRK") keeps its capitals.
        if w.chars().skip(1).any(char::is_uppercase) {
            continue;
        }
        if let Some(b) = bytes.get_mut(tok.start) {
            b.make_ascii_lowercase();
        }
    }
    // Only ASCII bytes changed, each to another ASCII byte: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| t.text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_is_told_from_sentence_case() {
        assert!(is_title_case(&Tokenized::new(
            "Kim Builds New Fence Along China Border"
        )));
        assert!(!is_title_case(&Tokenized::new(
            "North Korea fortifies its border with China"
        )));
        assert!(!is_title_case(&Tokenized::new("NORTH KOREA SEALS BORDER")));
    }

    #[test]
    fn lowering_keeps_offsets_and_acronyms() {
        let t = Tokenized::new("Élan Builds UN Fence");
        let keep = vec![true, false, false, false];
        let s = sentence_case(&t, &keep);
        assert_eq!(s, "Élan builds UN fence");
        assert_eq!(s.len(), t.text.len());
    }
}
