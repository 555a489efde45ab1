//! Word boundaries: where words start and end, by Unicode word
//! segmentation (UAX #29), with a byte-level fast path for ASCII text.
//!
//! Every other layer of the tokenizer (search's tokens, extraction's tokens
//! and sentences, word counts, label matching) is built on these pieces, so
//! they all agree on what a word is and where it lies.
//!
//! ```
//! use borderlines_core::tokenize::word_bounds;
//! let p: Vec<&str> = word_bounds("Kim Jong-un's 1,047 km.").map(|(_, p)| p).collect();
//! assert_eq!(p, ["Kim", "Jong", "-", "un's", "1,047", "km", "."]);
//! ```

use unicode_segmentation::UnicodeSegmentation;

/// Non-ASCII punctuation common in English news text that the fast path
/// knows: curly quotes, dashes, the ellipsis.
const SIMPLE_PUNCT: [char; 7] = [
    '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2013}', '\u{2014}', '\u{2026}',
];

/// UAX #29 word-boundary pieces of `text`. Words never span whitespace, so
/// the text is cut at whitespace, and each chunk of ASCII (plus
/// [`SIMPLE_PUNCT`]) takes a byte-level fast path that applies the same
/// rules (letters, digits and `_` join; `.`, `:` and apostrophes between
/// letters; `.`, `,`, `;` and apostrophes between digits); other chunks go
/// through the full algorithm. Whitespace is skipped: nothing downstream
/// needs it (a gap between two pieces is whitespace, so adjacency is read
/// from offsets).
pub fn word_bounds(text: &str) -> WordBounds<'_> {
    WordBounds {
        text,
        at: 0,
        chunk_end: 0,
        pending: Vec::new(),
    }
}

/// The iterator behind [`word_bounds`].
pub struct WordBounds<'a> {
    text: &'a str,
    at: usize,
    /// End of the current simple chunk (pieces up to it come from the fast path).
    chunk_end: usize,
    /// Pieces of a complex chunk from the full algorithm, reversed.
    pending: Vec<(usize, &'a str)>,
}

/// Length of the whitespace character at byte `i` (0 when it is not one).
#[inline]
fn space_len(text: &str, i: usize) -> usize {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => usize::from(ascii_space(b)),
        Some(_) => match text.get(i..).and_then(|r| r.chars().next()) {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        },
        None => 0,
    }
}

#[inline]
fn ascii_space(b: u8) -> bool {
    CLASS[usize::from(b)] & SPACE != 0
}

/// Byte classes for the fast path: one table load per byte instead of a
/// chain of range tests (the tokenizer reads every byte of every text).
const WORD: u8 = 1;
const SPACE: u8 = 2;
const NON_ASCII: u8 = 4;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            WORD
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
            SPACE
        } else {
            0
        };
        b += 1;
    }
    t
};

impl<'a> Iterator for WordBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        self.next_marked().map(|(i, p, _)| (i, p))
    }
}

impl<'a> WordBounds<'a> {
    /// The next piece, and whether it is only ASCII letters and digits
    /// (known from the fast path's one reading of its bytes, so that the
    /// tokenizer need not read them again).
    pub fn next_marked(&mut self) -> Option<(usize, &'a str, bool)> {
        let alnum = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric());
        if let Some((i, p)) = self.pending.pop() {
            return Some((i, p, alnum(p)));
        }
        let (text, bytes) = (self.text, self.text.as_bytes());
        let start = self.at;
        if start < self.chunk_end {
            let (end, plain) = simple_piece_end(bytes, start, self.chunk_end);
            self.at = end;
            return Some((start, &text[start..end], plain));
        }
        if start >= text.len() {
            return None;
        }
        // Skip whitespace (no word or compound spans it, and the tokenizer
        // relies on offsets, not on seeing it), then read the next chunk.
        let mut i = start;
        while i < text.len() {
            match space_len(text, i) {
                0 => break,
                n => i += n,
            }
        }
        if i >= text.len() {
            self.at = i;
            return None;
        }
        let start = i;
        let mut simple = true;
        loop {
            // A tight loop over ASCII, the common case.
            while i < bytes.len() && CLASS[usize::from(bytes[i])] & (SPACE | NON_ASCII) == 0 {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] < 0x80 {
                break;
            }
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            if c.is_whitespace() {
                break;
            }
            simple &= SIMPLE_PUNCT.contains(&c);
            i += c.len_utf8();
        }
        if simple {
            self.chunk_end = i;
            let (end, plain) = simple_piece_end(bytes, start, i);
            self.at = end;
            return Some((start, &text[start..end], plain));
        }
        self.at = i;
        self.pending.extend(
            text[start..i]
                .split_word_bound_indices()
                .map(|(j, p)| (start + j, p)),
        );
        self.pending.reverse();
        self.pending.pop().map(|(i, p)| (i, p, alnum(p)))
    }
}

/// The end of the piece starting at `i` in a simple chunk ending at `end`,
/// and whether the piece is only ASCII letters and digits.
fn simple_piece_end(b: &[u8], i: usize, end: usize) -> (usize, bool) {
    let word = |c: u8| CLASS[usize::from(c)] & WORD != 0;
    // A right or left single quotation mark (U+2019, U+2018) in UTF-8.
    let curly_apostrophe = |j: usize| {
        j + 2 < end && b[j] == 0xE2 && b[j + 1] == 0x80 && matches!(b[j + 2], 0x98 | 0x99)
    };
    let c = b[i];
    if c >= 0x80 {
        // One of SIMPLE_PUNCT: three bytes each.
        return ((i + 3).min(end), false);
    }
    if !word(c) {
        return (i + 1, false);
    }
    let (mut j, mut prev, mut plain) = (i + 1, c, c != b'_');
    while j < end {
        let d = b[j];
        if word(d) {
            plain &= d != b'_';
            prev = d;
            j += 1;
            continue;
        }
        let (len, apostrophe) = if curly_apostrophe(j) {
            (3, true)
        } else if d < 0x80 {
            (1, d == b'\'')
        } else {
            break;
        };
        let Some(&next) = b.get(j + len).filter(|_| j + len < end) else {
            break;
        };
        let letters = prev.is_ascii_alphabetic()
            && next.is_ascii_alphabetic()
            && (apostrophe || matches!(d, b'.' | b':'));
        let digits = prev.is_ascii_digit()
            && next.is_ascii_digit()
            && (apostrophe || matches!(d, b'.' | b',' | b';'));
        if !(letters || digits) {
            break;
        }
        plain = false;
        prev = next;
        j += len + 1;
    }
    (j, plain)
}

/// Does this piece hold a word (a letter or a digit), not just punctuation?
#[inline]
pub fn is_word(piece: &str) -> bool {
    let first = piece.as_bytes().first().copied().unwrap_or(0);
    first.is_ascii_alphanumeric() || piece.chars().any(char::is_alphanumeric)
}

/// The word pieces of `text` (pieces holding a letter or a digit) with
/// their byte offsets.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    word_bounds(text).filter(|(_, p)| is_word(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The ASCII fast path cuts exactly where UAX #29 does.
        #[test]
        fn ascii_fast_path_matches_uax29(s in "[a-zA-Z0-9_.,;:'\\- !?\"()\t\n‘’“”–—…é\u{a0}\u{2009}]{0,40}") {
            let fast: Vec<(usize, &str)> = word_bounds(&s).collect();
            let slow: Vec<(usize, &str)> = s
                .split_word_bound_indices()
                .filter(|(_, p)| !p.chars().all(char::is_whitespace))
                .collect();
            proptest::prop_assert_eq!(fast, slow);
        }

        /// The fast path's mark says exactly whether a piece is only ASCII
        /// letters and digits (the tokenizer trusts it instead of rereading).
        #[test]
        fn marked_pieces_are_exactly_the_ascii_alphanumeric_ones(s in "[a-zA-Z0-9_.,;:'\\- !?\"()\t\n‘’“”–—…é\u{a0}\u{2009}]{0,40}") {
            let mut b = word_bounds(&s);
            while let Some((_, p, plain)) = b.next_marked() {
                let alnum = !p.is_empty() && p.bytes().all(|c| c.is_ascii_alphanumeric());
                proptest::prop_assert_eq!(plain, alnum, "{:?}", p);
            }
        }
    }

    #[test]
    fn words_skip_punctuation_and_keep_offsets() {
        let text = "“U.S. troops,” he said — 1,047 of them.";
        let w: Vec<(usize, &str)> = words(text).collect();
        assert_eq!(
            w.iter().map(|w| w.1).collect::<Vec<_>>(),
            ["U.S", "troops", "he", "said", "1,047", "of", "them"]
        );
        assert!(w.iter().all(|&(i, p)| &text[i..i + p.len()] == p));
    }
}
