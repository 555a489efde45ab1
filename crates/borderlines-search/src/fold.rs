//! Case and diacritic folding of one word, so that "Rüstung", "RUSTUNG" and
//! "rustung" meet in the index. Hangul and CJK are left alone: NFKD would
//! split Hangul syllables into jamo, and Han has no case or accents.
//!
//! A character is folded to its NFKD compatibility decomposition without
//! combining marks, lowercased. That is computed at build time (`build.rs`,
//! with `unicode-normalization`) into a table of the characters where it
//! differs from plain lowercasing, so the page does not carry the Unicode
//! decomposition tables.

pub use crate::scripts::{is_cjk, is_hangul};

include!(concat!(env!("OUT_DIR"), "/fold_table.rs"));

/// The folded text of `c` when it is not `c` lowercased (accented letters,
/// ligatures, compatibility forms, combining marks, which fold to nothing).
fn folded_char(c: char) -> Option<&'static str> {
    let c = u32::from(c);
    // The run holding `c` is the last one starting at or before it.
    let r = FOLD_RUNS
        .partition_point(|&(first, _)| first <= c)
        .checked_sub(1)?;
    let (first, count) = *FOLD_RUNS.get(r)?;
    let offset = c - first;
    if offset >= u32::from(count) {
        return None;
    }
    let i = usize::from(*FOLD_RUN_FIRST.get(r)?) + offset as usize;
    let ends = fold_ends();
    let start = match i.checked_sub(1) {
        Some(p) => usize::from(*ends.get(p)?),
        None => 0,
    };
    FOLD_TEXT.get(start..usize::from(*ends.get(i)?))
}

/// Where each folded text ends in [`FOLD_TEXT`]: the lengths' running sum,
/// made once (the table stores lengths, which compress far better).
fn fold_ends() -> &'static [u16] {
    static ENDS: std::sync::OnceLock<Vec<u16>> = std::sync::OnceLock::new();
    ENDS.get_or_init(|| {
        FOLD_LENS
            .iter()
            .scan(0u16, |end, &len| {
                *end = end.saturating_add(u16::from(len));
                Some(*end)
            })
            .collect()
    })
}

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
        } else if let Some(folded) = folded_char(c) {
            out.push_str(folded);
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The folded form of `word`.
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
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

    /// Every character folds as NFKD without combining marks, lowercased,
    /// would fold it (the way folding was computed before the table).
    #[test]
    fn the_table_folds_every_character_as_the_decomposition_does() {
        use unicode_normalization::char::{decompose_compatible, is_combining_mark};
        let mut differ = Vec::new();
        for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
            if is_hangul(c) || is_cjk(c) || APOSTROPHES.contains(&c) {
                continue;
            }
            let mut expected = String::new();
            decompose_compatible(c, |d| {
                if !is_combining_mark(d) {
                    expected.extend(d.to_lowercase());
                }
            });
            if fold(&c.to_string()) != expected {
                differ.push(c);
            }
        }
        assert!(differ.is_empty(), "folded differently: {differ:?}");
        assert_eq!(folded_char('é'), Some("e"));
        assert_eq!(folded_char('\u{301}'), Some(""));
        assert_eq!(folded_char('x'), None);
    }
}
