//! Tokens and sentences of one block of text, with byte offsets into it.
//!
//! The tokenizer is a single pass over the characters (linear time, no
//! allocation per token beyond the vector) because every extractor runs on
//! its output and 10 MB of text must be read in well under a second.
//! Possessive `'s` becomes its own token so that "China's" matches "China";
//! hyphens are their own tokens so "Kim Jong-un" and "Kim Jong Un" align.

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

/// One token: a byte range of the block text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
}

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

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The char at byte `i` and its length; ASCII without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some((char::from(b), 1))
    } else {
        text.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
    }
}

#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Is there a possessive "s" at byte `i` (an "s" not followed by a letter or digit)?
fn possessive_s_at(text: &str, i: usize) -> bool {
    matches!(char_at(text, i), Some(('s' | 'S', 1)))
        && !char_at(text, i + 1).is_some_and(|(c, _)| is_alnum(c))
}

/// Splits a block into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let mut space = false;
    while let Some((c, len)) = char_at(text, i) {
        if c.is_whitespace() {
            space = true;
            i += len;
            continue;
        }
        let space_before = std::mem::take(&mut space);
        if c.is_alphabetic() {
            // Dotted initials: "U.S.", "U.K.", "N." (a capital then a period).
            if c.is_uppercase() && bytes.get(i + len) == Some(&b'.') {
                let mut end = i + len + 1;
                while let Some((a, al)) = char_at(text, end) {
                    if a.is_uppercase() && bytes.get(end + al) == Some(&b'.') {
                        end += al + 1;
                    } else {
                        break;
                    }
                }
                out.push(Token {
                    start: i,
                    end,
                    kind: TokKind::Word,
                    space_before,
                });
                i = end;
                continue;
            }
            let mut end = i + len;
            while let Some((d, dl)) = char_at(text, end) {
                if is_alnum(d) {
                    end += dl;
                } else if is_apostrophe(d) {
                    // Inner apostrophe ("don't", "O'Brien") but not the possessive "'s".
                    let next = char_at(text, end + dl);
                    if next.is_some_and(|(n, _)| n.is_alphabetic())
                        && !possessive_s_at(text, end + dl)
                    {
                        end += dl;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Token {
                start: i,
                end,
                kind: TokKind::Word,
                space_before,
            });
            i = end;
            // Possessive: "'s", or a bare apostrophe after a plural ("defectors'").
            if let Some((d, dl)) = char_at(text, i) {
                if is_apostrophe(d) {
                    if possessive_s_at(text, i + dl) {
                        out.push(Token {
                            start: i,
                            end: i + dl + 1,
                            kind: TokKind::Possessive,
                            space_before: false,
                        });
                        i += dl + 1;
                    } else if text[..i].ends_with('s')
                        && !char_at(text, i + dl).is_some_and(|(n, _)| is_alnum(n))
                    {
                        // Only a possessive when the apostrophe is not closing a
                        // single-quoted phrase; quotes.rs re-checks pairs.
                        out.push(Token {
                            start: i,
                            end: i + dl,
                            kind: TokKind::Possessive,
                            space_before: false,
                        });
                        i += dl;
                    }
                }
            }
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some((d, dl)) = char_at(text, end) {
                if d.is_ascii_digit() {
                    end += 1;
                } else if (d == ',' || d == '.')
                    && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
                {
                    end += 2;
                } else if d.is_alphabetic() {
                    end += dl;
                } else {
                    break;
                }
            }
            out.push(Token {
                start: i,
                end,
                kind: TokKind::Number,
                space_before,
            });
            i = end;
            continue;
        }
        out.push(Token {
            start: i,
            end: i + len,
            kind: TokKind::Punct,
            space_before,
        });
        i += len;
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
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
    }

    #[test]
    fn sentences_respect_abbreviations() {
        let text = "The U.S. has concerns. Mr. Kim said “no.” Then 3.5 km away! End";
        let toks = tokenize(text);
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
}

/// One block, tokenized and split into sentences: what every extractor reads.
#[derive(Debug, Clone)]
pub struct Tokenized<'a> {
    pub text: &'a str,
    /// `text` with ASCII letters lowercased: same byte offsets, so every
    /// token's lowercase form is a slice, not an allocation.
    pub lower: String,
    pub toks: Vec<Token>,
    pub sents: Vec<Sentence>,
}

impl<'a> Tokenized<'a> {
    pub fn new(text: &'a str) -> Self {
        let toks = tokenize(text);
        let sents = sentences(text, &toks);
        Self {
            text,
            lower: text.to_ascii_lowercase(),
            toks,
            sents,
        }
    }

    /// Token `i` with ASCII letters lowercased ("" when out of range).
    pub fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    /// The text of token `i` ("" when out of range).
    pub fn tok(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// The index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> Option<usize> {
        let idx = self.sents.partition_point(|s| s.tok_end <= i);
        (idx < self.sents.len()).then_some(idx)
    }
}
