//! Scripts that text handling treats apart: Hangul (search's folding leaves
//! it alone, since NFKD would split its syllables into jamo) and the scripts
//! written without spaces (Han, Kana), which search indexes as character
//! bigrams and extraction reads as runs. Also read by the search crate's
//! `build.rs`, which leaves them out of the folding table.

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
