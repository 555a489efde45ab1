//! Text helpers of the parser: decoding bytes of unknown encoding,
//! whitespace normalisation, word counting and truncation on a word
//! boundary (words as the one tokenizer, [`crate::tokenize`], reads them).

use crate::tokenize::words;

/// Decodes bytes to text without failing: UTF-8 (with or without BOM),
/// UTF-16 (with a BOM, or recognised by its zero bytes), and otherwise a
/// legacy encoding — Windows-1252, or with the `encodings` feature the one
/// `chardetng` detects. See [`crate::encoding`], which also names the
/// encoding chosen.
pub fn decode(bytes: &[u8]) -> String {
    crate::encoding::decode(bytes).text
}

/// Normalises one line: non-breaking and other Unicode spaces become plain
/// spaces, control characters are dropped, runs of spaces collapse, and the
/// ends are trimmed.
pub fn clean_line(line: &str) -> String {
    if is_clean_ascii(line) {
        // Most lines of English text: nothing to change, one copy.
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    // Kept characters are copied a run at a time, not one by one.
    let mut run: Option<usize> = None;
    for (i, c) in line.char_indices() {
        let whitespace = c.is_whitespace();
        if !(whitespace || c.is_control() || c == '\u{FEFF}' || c == '\u{200B}') {
            if run.is_none() {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                run = Some(i);
            }
            continue;
        }
        if let Some(start) = run.take() {
            out.push_str(&line[start..i]);
        }
        if whitespace {
            pending_space = !out.is_empty();
        }
    }
    if let Some(start) = run {
        out.push_str(&line[start..]);
    }
    out
}

/// Whether `line` is printable ASCII with single spaces between words and
/// none at its ends: what [`clean_line`] would return unchanged.
pub(crate) fn is_clean_ascii(line: &str) -> bool {
    let mut after_space = true;
    for &b in line.as_bytes() {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            0x21..=0x7E => after_space = false,
            _ => return false,
        }
    }
    !after_space || line.is_empty()
}

/// Characters that reorder text on screen (bidi embeddings, overrides,
/// isolates and marks). In a title or a file name, U+202E makes "txt.exe"
/// show as "exe.txt"; they are removed from every label the UI shows and
/// kept in body text, where the reader isolates each paragraph.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `text` without bidi controls (see [`is_bidi_control`]).
pub fn strip_bidi_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(is_bidi_control) {
        std::borrow::Cow::Owned(text.chars().filter(|&c| !is_bidi_control(c)).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Number of words by Unicode word boundaries ("Kim Jong-un's" counts 3).
pub fn word_count(text: &str) -> u32 {
    u32::try_from(words(text).count()).unwrap_or(u32::MAX)
}

/// Does the text end like a sentence (terminal punctuation, possibly inside quotes)?
pub fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', '…', ':', ';', '。', '！', '？'])
}

/// Shortens `text` to at most `max_words` words on a word boundary, adding an
/// ellipsis when something was cut and dropping a dangling comma or
/// sentence-final period.
pub fn truncate_words(text: &str, max_words: usize) -> String {
    let mut count = 0;
    for (idx, _) in words(text) {
        count += 1;
        if count > max_words {
            let head = text[..idx]
                .trim_end()
                .trim_end_matches([',', ';', ':', '-', '—']);
            return format!("{head}…");
        }
    }
    text.trim_end_matches('.').to_owned()
}

/// An integer with thousands separators, as news text writes it: 1047 → "1,047".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`clean_line`] as first written, a character at a time.
    fn clean_line_by_chars(line: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in line.chars() {
            if c.is_whitespace() {
                pending_space = !out.is_empty();
            } else if c.is_control() || c == '\u{FEFF}' || c == '\u{200B}' {
                continue;
            } else {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(c);
            }
        }
        out
    }

    proptest::proptest! {
        /// Shortcuts and runs copied whole give what cleaning a character
        /// at a time gives: spaces, tabs and controls of any kind included.
        #[test]
        fn clean_lines_come_back_as_cleaning_them_would(line in "[ a-zA-Zé’.,\t\x00-\x1f\x7f\u{85}\u{a0}\u{200b}\u{3000}\u{feff}]{0,40}") {
            proptest::prop_assert_eq!(clean_line(&line), clean_line_by_chars(&line));
        }
    }

    #[test]
    fn decodes_utf8_bom_utf16_and_latin1() {
        assert_eq!(decode(b"\xEF\xBB\xBFhello"), "hello");
        assert_eq!(decode(b"\xFF\xFEh\0i\0"), "hi");
        assert_eq!(decode(b"\xFE\xFF\0h\0i"), "hi");
        assert_eq!(decode(b"caf\xE9"), "café");
        assert_eq!(decode("Rüstung".as_bytes()), "Rüstung");
    }

    #[test]
    fn clean_line_collapses_odd_spaces() {
        assert_eq!(clean_line("  Read\u{a0}More \u{200B}\t x "), "Read More x");
        assert_eq!(clean_line("\u{7}bell"), "bell");
    }

    #[test]
    fn counts_words_and_sentences() {
        assert_eq!(word_count("Kim Jong Un met 1,047 people."), 6);
        assert!(ends_like_sentence("He said “no.”"));
        assert!(!ends_like_sentence("China Fortifies Its Border"));
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1047), "1,047");
        assert_eq!(thousands(12_000_000), "12,000,000");
    }

    #[test]
    fn truncates_on_word_boundaries() {
        assert_eq!(truncate_words("a b c d, e f", 4), "a b c d…");
        assert_eq!(truncate_words("Short one.", 10), "Short one");
    }
}
