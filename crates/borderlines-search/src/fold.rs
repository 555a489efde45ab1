//! Case and diacritic folding of one word, so that "Rüstung", "RUSTUNG" and
//! "rustung" meet in the index. Hangul and CJK are left alone: NFKD would
//! split Hangul syllables into jamo, and Han has no case or accents.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Apostrophe-like characters that all become `'` before further analysis.
const APOSTROPHES: [char; 4] = ['\'', '\u{2019}', '\u{2018}', '\u{02BC}'];

/// Appends the folded form of `word` to `out` (lowercase, no combining
/// marks, compatibility forms decomposed, apostrophes unified, thousands
/// separators between digits dropped).
pub fn fold_into(word: &str, out: &mut String) {
    if !word.bytes().any(|b| b >= 0x80 || b == b',') {
        // The common case, a plain ASCII word: copy, then lowercase in place.
        let from = out.len();
        out.push_str(word);
        if let Some(tail) = out.get_mut(from..) {
            tail.make_ascii_lowercase();
        }
        return;
    }
    let mut prev_digit = false;
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii() {
            // "1,047" and "1047" must meet; a comma only counts as a
            // separator between digits (UAX #29 keeps such numbers whole).
            if c == ',' && prev_digit && chars.peek().is_some_and(char::is_ascii_digit) {
                continue;
            }
            prev_digit = c.is_ascii_digit();
            out.push(c.to_ascii_lowercase());
            continue;
        }
        prev_digit = false;
        if APOSTROPHES.contains(&c) {
            out.push('\'');
        } else if is_hangul(c) || is_cjk(c) {
            out.push(c);
        } else {
            decompose_compatible(c, |d| {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            });
        }
    }
}

/// The folded form of `word`.
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

/// Hangul syllables and jamo.
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// Han ideographs, Hiragana and Katakana: scripts written without spaces,
/// which are indexed as character bigrams.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'   // Hiragana, Katakana
        | '\u{31F0}'..='\u{31FF}' // Katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}' // half-width Katakana
        | '\u{20000}'..='\u{2FA1F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_separators() {
        assert_eq!(fold("Rüstung"), "rustung");
        assert_eq!(fold("CAFÉ"), "cafe");
        assert_eq!(fold("1,047"), "1047");
        assert_eq!(fold("1,a"), "1,a");
        assert_eq!(fold("China’s"), "china's");
        assert_eq!(fold("ﬁne"), "fine");
        assert_eq!(fold("학교에"), "학교에");
        assert_eq!(fold("北朝鲜"), "北朝鲜");
    }
}
