//! Splits text into tokens at the word boundaries of core's one tokenizer
//! (`borderlines_core::tokenize`, Unicode word segmentation), folds
//! them (see [`crate::fold`]) and gives each a position and its byte offsets
//! in the original text, so that hits can be highlighted exactly.
//!
//! Three things go beyond plain word segmentation:
//! - hyphenated words ("Jong-un", "COVID-19") yield their parts at
//!   consecutive positions, so "Kim Jong Un" and "Kim Jong-un" meet, plus the
//!   joined form ("jongun") at the first part's position;
//! - runs of Han and Kana, written without spaces, become overlapping
//!   character bigrams (a single character stays a unigram);
//! - numbers keep their digits ("1,047" folds to "1047").
//!
//! The indexer and the snippet maker run the same function, so a token's
//! position here is the position stored in the index.
//!
//! ```
//! use borderlines_search::tokenize::tokenize;
//! let mut seen = Vec::new();
//! tokenize("Kim Jong-un's 1,047", |t| seen.push((t.folded.to_owned(), t.pos, t.start..t.end)));
//! assert_eq!(seen[0], ("kim".to_owned(), 0, 0..3));
//! assert_eq!(seen[1].0, "jong");
//! assert_eq!(seen[2].0, "un's");
//! assert_eq!(seen[3], ("jongun's".to_owned(), 1, 4..13));
//! assert_eq!(seen[4], ("1047".to_owned(), 3, 14..19));
//! ```

use borderlines_core::tokenize::word_bounds as pieces;

use crate::fold::{fold_into, is_cjk, is_hangul};

/// What a token is made of; decides how it is analysed (stemmed or not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters of an alphabetic script (Latin, Cyrillic, …).
    Word,
    /// Digits, possibly with separators.
    Number,
    /// A Hangul word, possibly with a trailing particle.
    Hangul,
    /// A Han/Kana bigram (or a lone character).
    Cjk,
}

/// One token, borrowed from the tokenizer's buffer for the callback's duration.
#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    /// Byte offsets into the original text.
    pub start: usize,
    pub end: usize,
    /// Position among the text's tokens; joined compounds share their first part's.
    pub pos: u32,
    /// Folded form (lowercase, no diacritics), not yet stemmed.
    pub folded: &'a str,
    pub kind: TokenKind,
    /// An extra token at an already used position (a joined compound).
    pub joined: bool,
}

/// Hyphens that join a compound ("Jong-un").
fn is_hyphen(piece: &str) -> bool {
    matches!(piece, "-" | "\u{2010}" | "\u{2011}")
}

/// A hyphenated compound being read: where it starts and its joined form.
struct Compound {
    start: usize,
    end: usize,
    pos: u32,
    joined: String,
    parts: u32,
    /// A hyphen was just seen right after the last part.
    hyphen_at: Option<usize>,
    kind: TokenKind,
}

/// Tokenizes `text`, calling `emit` for every token in reading order (a
/// joined compound comes right after its last part). Returns the number of
/// positions used.
pub fn tokenize(text: &str, emit: impl FnMut(&Tok<'_>)) -> u32 {
    tokenize_upto(text, u32::MAX, emit)
}

/// Like [`tokenize`], but stops soon after position `last` (snippets need
/// no tokens past their last match). Every token up to `last` is emitted.
pub fn tokenize_upto(text: &str, last: u32, mut emit: impl FnMut(&Tok<'_>)) -> u32 {
    let mut pos = 0u32;
    let mut buf = String::new();
    let mut cjk_run: Option<(usize, usize)> = None;
    let mut compound: Option<Compound> = None;
    // The joined form's buffer, recycled between compounds (one allocation per text).
    let mut spare = String::new();

    for (i, piece) in pieces(text) {
        // A compound that started in range may still gain parts (and its joined form).
        if pos > last && cjk_run.is_none() && compound.as_ref().is_none_or(|c| c.pos > last) {
            break;
        }
        let end = i + piece.len();
        let first = piece.as_bytes().first().copied().unwrap_or(0);
        if first >= 0x80 && piece.chars().all(is_cjk) {
            if let Some(c) = compound.take() {
                spare = flush_compound(c, &mut emit);
            }
            match &mut cjk_run {
                Some((_, run_end)) if *run_end == i => *run_end = end,
                _ => {
                    if let Some((s, e)) = cjk_run.take() {
                        pos = emit_bigrams(&text[s..e], s, pos, &mut buf, &mut emit);
                    }
                    cjk_run = Some((i, end));
                }
            }
            continue;
        }
        if let Some((s, e)) = cjk_run.take() {
            pos = emit_bigrams(&text[s..e], s, pos, &mut buf, &mut emit);
        }
        if first.is_ascii_alphanumeric() || piece.chars().any(char::is_alphanumeric) {
            let kind = kind_of(piece);
            // Continue a compound when this word follows "part-" directly;
            // otherwise the previous one ends here (its joined form comes
            // before this word).
            let continues = compound.as_ref().is_some_and(|c| c.hyphen_at == Some(i));
            if !continues {
                if let Some(c) = compound.take() {
                    spare = flush_compound(c, &mut emit);
                }
            }
            // Most words are already folded: no copy then.
            let folded: &str = if is_folded(piece) {
                piece
            } else {
                buf.clear();
                fold_into(piece, &mut buf);
                &buf
            };
            emit(&Tok {
                start: i,
                end,
                pos,
                folded,
                kind,
                joined: false,
            });
            match compound.as_mut() {
                Some(c) if continues => {
                    c.joined.push_str(folded);
                    c.end = end;
                    c.parts += 1;
                    c.hyphen_at = None;
                    if kind != TokenKind::Number {
                        c.kind = TokenKind::Word;
                    }
                }
                _ => {
                    // The joined form is only copied if a hyphen follows (rare).
                    let mut joined = std::mem::take(&mut spare);
                    joined.clear();
                    compound = Some(Compound {
                        start: i,
                        end,
                        pos,
                        joined,
                        parts: 1,
                        hyphen_at: None,
                        kind,
                    });
                }
            }
            pos += 1;
        } else if is_hyphen(piece) {
            match &mut compound {
                Some(c) if c.end == i && c.hyphen_at.is_none() => {
                    if c.parts == 1 {
                        c.joined.clear();
                        fold_into(&text[c.start..c.end], &mut c.joined);
                    }
                    c.hyphen_at = Some(end);
                }
                _ => {
                    if let Some(c) = compound.take() {
                        spare = flush_compound(c, &mut emit);
                    }
                }
            }
        } else if let Some(c) = compound.take() {
            spare = flush_compound(c, &mut emit);
        }
    }
    if let Some(c) = compound.take() {
        flush_compound(c, &mut emit);
    }
    if let Some((s, e)) = cjk_run.take() {
        pos = emit_bigrams(&text[s..e], s, pos, &mut buf, &mut emit);
    }
    pos
}

/// Positions and byte ranges of the tokens of `text`, without folding or
/// joined compounds — what [`tokenize`] would emit with `joined == false`,
/// at a fraction of the cost — stopping soon after position `last`.
/// Snippets use it to turn matched positions into byte ranges.
pub fn token_offsets(text: &str, last: u32, mut emit: impl FnMut(u32, usize, usize)) {
    let mut pos = 0u32;
    let mut cjk_run: Option<(usize, usize)> = None;
    for (i, piece) in pieces(text) {
        if pos > last && cjk_run.is_none() {
            return;
        }
        let end = i + piece.len();
        if piece.chars().all(is_cjk) {
            match &mut cjk_run {
                Some((_, run_end)) if *run_end == i => *run_end = end,
                _ => {
                    if let Some((s, e)) = cjk_run.take() {
                        pos = bigram_offsets(&text[s..e], s, pos, &mut emit);
                    }
                    cjk_run = Some((i, end));
                }
            }
            continue;
        }
        if let Some((s, e)) = cjk_run.take() {
            pos = bigram_offsets(&text[s..e], s, pos, &mut emit);
        }
        if piece.chars().any(char::is_alphanumeric) {
            emit(pos, i, end);
            pos += 1;
        }
    }
    if let Some((s, e)) = cjk_run.take() {
        bigram_offsets(&text[s..e], s, pos, &mut emit);
    }
}

/// [`token_offsets`] for a Han/Kana run at byte `base`; returns the next position.
fn bigram_offsets(
    run: &str,
    base: usize,
    mut pos: u32,
    emit: &mut impl FnMut(u32, usize, usize),
) -> u32 {
    let mut chars = run.char_indices().peekable();
    if run.chars().nth(1).is_none() {
        emit(pos, base, base + run.len());
        return pos + 1;
    }
    while let Some((a, _)) = chars.next() {
        let Some(&(b, cb)) = chars.peek() else { break };
        emit(pos, base + a, base + b + cb.len_utf8());
        pos += 1;
    }
    pos
}

/// Is this ASCII piece its own folded form (no capitals, no thousands separator)?
#[inline]
fn is_folded(piece: &str) -> bool {
    !piece
        .bytes()
        .any(|b| b >= 0x80 || b.is_ascii_uppercase() || b == b',')
}

fn kind_of(piece: &str) -> TokenKind {
    let number = |c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | '_');
    if piece.is_ascii() {
        // The common case: no Hangul to look for.
        if piece.chars().all(number) {
            TokenKind::Number
        } else {
            TokenKind::Word
        }
    } else if piece.chars().any(is_hangul) {
        TokenKind::Hangul
    } else if piece.chars().all(number) {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

/// Emits a compound's joined form (when it has several parts); returns its buffer for reuse.
fn flush_compound(c: Compound, emit: &mut impl FnMut(&Tok<'_>)) -> String {
    if c.parts >= 2 {
        emit(&Tok {
            start: c.start,
            end: c.end,
            pos: c.pos,
            folded: &c.joined,
            kind: c.kind,
            joined: true,
        });
    }
    c.joined
}

/// Emits the bigrams of a Han/Kana run starting at byte `base`; returns the next position.
fn emit_bigrams(
    run: &str,
    base: usize,
    mut pos: u32,
    buf: &mut String,
    emit: &mut impl FnMut(&Tok<'_>),
) -> u32 {
    let chars: Vec<(usize, char)> = run.char_indices().collect();
    if chars.len() == 1 {
        buf.clear();
        fold_into(run, buf);
        emit(&Tok {
            start: base,
            end: base + run.len(),
            pos,
            folded: buf,
            kind: TokenKind::Cjk,
            joined: false,
        });
        return pos + 1;
    }
    for w in chars.windows(2) {
        let (a, _) = w[0];
        let (b, cb) = w[1];
        let end = b + cb.len_utf8();
        buf.clear();
        fold_into(&run[a..end], buf);
        emit(&Tok {
            start: base + a,
            end: base + end,
            pos,
            folded: buf,
            kind: TokenKind::Cjk,
            joined: false,
        });
        pos += 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(String, u32, bool)> {
        let mut v = Vec::new();
        tokenize(text, |t| v.push((t.folded.to_owned(), t.pos, t.joined)));
        v
    }

    #[test]
    fn hyphenated_words_yield_parts_and_joined_form() {
        assert_eq!(
            toks("Kim Jong-un said"),
            vec![
                ("kim".into(), 0, false),
                ("jong".into(), 1, false),
                ("un".into(), 2, false),
                ("jongun".into(), 1, true),
                ("said".into(), 3, false)
            ]
        );
        // A spaced dash is punctuation, not a compound.
        assert_eq!(toks("walls - fences").len(), 2);
    }

    #[test]
    fn cjk_runs_become_bigrams_and_hangul_stays_whole() {
        assert_eq!(
            toks("北朝鲜"),
            vec![("北朝".into(), 0, false), ("朝鲜".into(), 1, false)]
        );
        assert_eq!(
            toks("学 校"),
            vec![("学".into(), 0, false), ("校".into(), 1, false)]
        );
        assert_eq!(
            toks("학교에 갔다"),
            vec![("학교에".into(), 0, false), ("갔다".into(), 1, false)]
        );
        assert_eq!(toks("カタカナです")[0].0, "カタ");
    }

    proptest::proptest! {
        /// Stopping early loses no token at or before the limit.
        #[test]
        fn tokenize_upto_emits_every_token_up_to_the_limit(s in "[a-z0-9 \\-,.北朝鲜]{0,60}", last in 0u32..12) {
            let mut all = Vec::new();
            tokenize(&s, |t| all.push((t.pos, t.start, t.end, t.joined)));
            let mut some = Vec::new();
            tokenize_upto(&s, last, |t| some.push((t.pos, t.start, t.end, t.joined)));
            let want: Vec<_> = all.iter().filter(|t| t.0 <= last).collect();
            let got: Vec<_> = some.iter().filter(|t| t.0 <= last).collect();
            proptest::prop_assert_eq!(got, want);
        }

        /// The light offsets walk agrees with the full tokenizer.
        #[test]
        fn token_offsets_agree_with_tokenize(s in "[a-zA-Z0-9 \\-,.'’“”北朝鲜カタ학교에]{0,60}") {
            let mut full = Vec::new();
            tokenize(&s, |t| if !t.joined { full.push((t.pos, t.start, t.end)) });
            let mut light = Vec::new();
            token_offsets(&s, u32::MAX, |p, a, b| light.push((p, a, b)));
            proptest::prop_assert_eq!(light, full);
        }
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Ünïcode café, 北京 and 1,047.";
        tokenize(text, |t| {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(t.start < t.end);
        });
        let mut v = Vec::new();
        tokenize(text, |t| v.push(&text[t.start..t.end]));
        assert_eq!(v, ["Ünïcode", "café", "北京", "and", "1,047"]);
    }
}
