//! Extraction's tokens: the word pieces of [`super::bounds`], refined for
//! reading names, figures and sentences.
//!
//! A piece is read with three refinements, each there for an extractor:
//! - the possessive `'s` / `’s` (and a bare `'` after a plural "s") is its
//!   own token, so "China's" holds the name "China";
//! - dotted initials keep their final period ("U.S.", "N."), so "U.S." is
//!   one name and the period is not read as a sentence end;
//! - inner punctuation that word segmentation keeps inside a word ("a.m",
//!   "said.The", "note:see", "snake_case") is split off, and a run of Han or
//!   Kana characters (one piece per character) is one token.
//!
//! Tokens never cross a piece boundary except to take in a dotted initial's
//! period or a Han/Kana run's next character, so word limits are the same
//! as search's.
//!
//! ```
//! use borderlines_core::tokenize::tokens;
//! let text = "China's U.S. envoy, Kim Jong-un";
//! let t: Vec<&str> = tokens(text).iter().map(|t| &text[t.start..t.end]).collect();
//! assert_eq!(t, ["China", "'s", "U.S.", "envoy", ",", "Kim", "Jong", "-", "un"]);
//! ```

use super::bounds::word_bounds;
use crate::scripts::is_cjk;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (with inner apostrophes: "don't"), or dotted initials ("U.S.", "N.").
    Word,
    /// Digits with inner `,` or `.`, plus any letters glued after ("1990s", "10km").
    Number,
    /// The possessive ending `'s` / `’s` (or a bare `'` after a plural "s").
    Possessive,
    /// Any other single character.
    Punct,
}

/// One token: a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Combining marks, joiners and variation selectors: word segmentation
/// keeps them with the letter before, and so does a word token ("é" written
/// as "e" and U+0301 is one letter).
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}' | '\u{200D}' | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// One piece being read: the text and the end of the piece (nothing past
/// it is read, except a dotted initial's period).
struct Piece<'a> {
    text: &'a str,
    end: usize,
}

impl Piece<'_> {
    /// The char at byte `i` of the piece and its length; ASCII without decoding.
    #[inline]
    fn char_at(&self, i: usize) -> Option<(char, usize)> {
        if i >= self.end {
            return None;
        }
        let b = *self.text.as_bytes().get(i)?;
        if b < 0x80 {
            Some((char::from(b), 1))
        } else {
            self.text
                .get(i..)?
                .chars()
                .next()
                .map(|c| (c, c.len_utf8()))
        }
    }

    /// Is there a possessive "s" at byte `i` (an "s" not followed by a letter or digit)?
    fn possessive_s_at(&self, i: usize) -> bool {
        matches!(self.char_at(i), Some(('s' | 'S', 1)))
            && !self.char_at(i + 1).is_some_and(|(c, _)| is_alnum(c))
    }

    /// Is byte `i` a period, in this piece or as the next piece (`next_dot`)?
    fn dot_at(&self, i: usize, next_dot: bool) -> bool {
        self.text.as_bytes().get(i) == Some(&b'.') && (i < self.end || next_dot)
    }
}

/// Splits `text` into tokens.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    let mut bounds = word_bounds(text);
    // One piece of look-ahead, for a dotted initial's period.
    let mut ahead = bounds.next_marked();
    let mut prev_end = 0;
    while let Some((start, piece, plain)) = ahead {
        ahead = bounds.next_marked();
        let end = start + piece.len();
        let space_before = start > prev_end;
        prev_end = end;
        // A Han/Kana run is one piece per character: glue them back.
        if !space_before && piece.chars().next().is_some_and(is_cjk) {
            if let Some(last) = out.last_mut() {
                if last.end == start
                    && last.kind == TokKind::Word
                    && text[..start].chars().next_back().is_some_and(is_cjk)
                {
                    last.end = end;
                    continue;
                }
            }
        }
        // A bare apostrophe after a plural ("defectors'"): a possessive,
        // unless a letter or digit follows (quotes.rs re-checks pairs).
        if matches!(piece, "'" | "’") && !space_before {
            let after_plural = out
                .last()
                .is_some_and(|t| t.kind == TokKind::Word && t.end == start)
                && text[..start].ends_with('s');
            let glued = text[end..].chars().next().is_some_and(is_alnum);
            if after_plural && !glued {
                out.push(Token {
                    start,
                    end,
                    kind: TokKind::Possessive,
                    space_before,
                });
                continue;
            }
        }
        let next_dot = ahead.is_some_and(|(i, p, _)| i == end && p == ".");
        // Most pieces are plain ASCII words or numbers: one token, no rescan
        // (a lone capital before a period is an initial, read below).
        let bytes = piece.as_bytes();
        if plain && !(bytes.len() == 1 && next_dot) {
            let kind = if bytes[0].is_ascii_digit() {
                TokKind::Number
            } else {
                TokKind::Word
            };
            out.push(Token {
                start,
                end,
                kind,
                space_before,
            });
            continue;
        }
        let read = read_piece(
            &Piece { text, end },
            start,
            space_before,
            next_dot,
            &mut out,
        );
        if read > end {
            // A dotted initial took the next piece, its period.
            ahead = bounds.next_marked();
            prev_end = read;
        }
    }
    out
}

/// Reads the tokens of the piece starting at `start`; returns where reading
/// stopped (the piece's end, or one past it when a dotted initial took the
/// period that follows).
fn read_piece(
    p: &Piece<'_>,
    start: usize,
    mut space_before: bool,
    next_dot: bool,
    out: &mut Vec<Token>,
) -> usize {
    let mut i = start;
    let mut push = |out: &mut Vec<Token>, start: usize, end: usize, kind: TokKind| {
        out.push(Token {
            start,
            end,
            kind,
            space_before: std::mem::take(&mut space_before),
        });
    };
    while let Some((c, len)) = p.char_at(i) {
        if c.is_alphabetic() {
            // Dotted initials: "U.S.", "U.K.", "N." (a capital then a period).
            if c.is_uppercase() && p.dot_at(i + len, next_dot) {
                let mut end = i + len + 1;
                while let Some((a, al)) = p.char_at(end) {
                    if a.is_uppercase() && p.dot_at(end + al, next_dot) {
                        end += al + 1;
                    } else {
                        break;
                    }
                }
                push(out, i, end, TokKind::Word);
                i = end;
                continue;
            }
            let mut end = i + len;
            while let Some((d, dl)) = p.char_at(end) {
                if is_alnum(d) || (!d.is_ascii() && is_mark(d)) {
                    end += dl;
                } else if is_apostrophe(d)
                    && p.char_at(end + dl).is_some_and(|(n, _)| n.is_alphabetic())
                    && !p.possessive_s_at(end + dl)
                {
                    // Inner apostrophe ("don't", "O'Brien") but not the possessive "'s".
                    end += dl;
                } else {
                    break;
                }
            }
            push(out, i, end, TokKind::Word);
            i = end;
            if let Some((d, dl)) = p.char_at(i) {
                if is_apostrophe(d) && p.possessive_s_at(i + dl) {
                    push(out, i, i + dl + 1, TokKind::Possessive);
                    i += dl + 1;
                }
            }
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some((d, dl)) = p.char_at(end) {
                if d.is_ascii_digit() {
                    end += 1;
                } else if (d == ',' || d == '.')
                    && p.char_at(end + 1).is_some_and(|(n, _)| n.is_ascii_digit())
                {
                    end += 2;
                } else if d.is_alphabetic() {
                    end += dl;
                } else {
                    break;
                }
            }
            push(out, i, end, TokKind::Number);
            i = end;
            continue;
        }
        push(out, i, i + len, TokKind::Punct);
        i += len;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn tokens_split_possessives_hyphens_and_keep_numbers() {
        assert_eq!(
            words("China's U.S. Kim Jong-un 1,047 80% 1990s"),
            ["China", "'s", "U.S.", "Kim", "Jong", "-", "un", "1,047", "80", "%", "1990s"]
        );
        assert_eq!(
            words("Russia’s don't defectors' N. Korea"),
            ["Russia", "’s", "don't", "defectors", "'", "N.", "Korea"]
        );
        assert_eq!(words("CHINA'S O'Brien's"), ["CHINA", "'S", "O'Brien", "'s"]);
    }

    #[test]
    fn inner_punctuation_that_segmentation_keeps_is_split() {
        assert_eq!(words("said.The end"), ["said", ".", "The", "end"]);
        assert_eq!(words("at 3 a.m. on"), ["at", "3", "a", ".", "m", ".", "on"]);
        assert_eq!(
            words("U.S.A. and U.S.-made"),
            ["U.S.A.", "and", "U.S.", "-", "made"]
        );
        assert_eq!(words("snake_case 3.5km"), ["snake", "_", "case", "3.5km"]);
    }

    #[test]
    fn han_runs_are_one_token_and_hangul_words_stay_whole() {
        assert_eq!(words("北朝鲜 边境"), ["北朝鲜", "边境"]);
        assert_eq!(words("북한의 1,047명"), ["북한의", "1,047명"]);
    }

    #[test]
    fn space_before_marks_whitespace_only() {
        let t = tokens(" a,b  c");
        let spaces: Vec<bool> = t.iter().map(|t| t.space_before).collect();
        assert_eq!(spaces, [true, false, false, true]);
    }

    #[test]
    fn combining_marks_stay_in_their_word() {
        // "é" written as "e" and U+0301: one word, not a word and a mark.
        let text = "Rene\u{301} said";
        assert_eq!(words(text), ["Rene\u{301}", "said"]);
    }

    proptest::proptest! {
        /// Tokens are in order, never overlap, lie on char boundaries and
        /// cover every non-space character.
        #[test]
        fn tokens_cover_the_text_in_order(s in "[a-zA-Z0-9 .,'’_\\-:北朝鲜학교é\u{301}]{0,60}") {
            let toks = tokens(&s);
            let mut at = 0;
            for t in &toks {
                proptest::prop_assert!(t.start >= at && t.start < t.end);
                proptest::prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
                proptest::prop_assert!(s[at..t.start].chars().all(char::is_whitespace));
                proptest::prop_assert_eq!(t.space_before, t.start > at);
                at = t.end;
            }
            proptest::prop_assert!(s[at..].chars().all(char::is_whitespace));
        }

        /// Every word search reads starts one of extraction's tokens, so an
        /// entity mark and a search mark never cut a word differently.
        #[test]
        fn every_word_starts_a_token(s in "[a-zA-Z0-9 .,'’_\\-:é\u{301}학교]{0,60}") {
            let starts: std::collections::HashSet<usize> = tokens(&s).iter().map(|t| t.start).collect();
            for (i, w) in super::super::words(&s) {
                proptest::prop_assert!(starts.contains(&i), "{w:?} at {i}");
            }
        }
    }
}
