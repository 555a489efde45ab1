//! Wire datelines at the start of a story: "TROY, Mich., April 2 (Reuters) -",
//! "SEOUL, Nov 3 (Reuters) -", "WASHINGTON —", "BEIJING/TOKYO, March 3 -",
//! "PARIS, Texas, May 21 (AP) —".
//!
//! The parser finds the dateline's parts as written (places, the region
//! after them, month and day, agency) with their byte ranges; resolving
//! the place to a gazetteer entry and the year is extraction's job, so that
//! search and extraction read the same dateline.

use serde::{Deserialize, Serialize};

/// The longest dateline read, in bytes (place, region, date, agency, dash).
const MAX_LEN: usize = 120;

/// A dateline as written at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The block it opens.
    pub block: u32,
    /// Its length in bytes, dash and following spaces included: the story
    /// proper starts there.
    pub len: u32,
    /// The places ("BEIJING", "TOKYO"): byte ranges in the block.
    pub places: Vec<(u32, u32)>,
    /// The region or country after the place ("Mich.", "Texas"): a byte range.
    pub region: Option<(u32, u32)>,
    /// Month (1–12) and day, when stated; datelines never state the year.
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// The agency in brackets ("Reuters", "AP").
    pub agency: Option<String>,
}

impl Dateline {
    /// The dateline's text without the dash ("TROY, Mich., April 2 (Reuters)").
    pub fn text<'a>(&self, block_text: &'a str) -> &'a str {
        block_text
            .get(..self.len as usize)
            .unwrap_or("")
            .trim_end()
            .trim_end_matches(['-', '–', '—'])
            .trim_end()
    }
}

/// Month names and their abbreviations, numbered from 1 (shared with
/// extraction's date reader).
pub const MONTHS: &[(&str, u8)] = &[
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

fn month_of(w: &str) -> Option<u8> {
    let w = w.trim_end_matches('.');
    MONTHS
        .iter()
        .find(|(m, _)| m.eq_ignore_ascii_case(w) && (w.len() == m.len()))
        .map(|&(_, n)| n)
}

/// A run of words that each start with a capital (or are all capitals),
/// with dots, hyphens and apostrophes inside: returns its end.
fn name_run(s: &str, at: usize, all_caps: bool) -> Option<usize> {
    let mut end = at;
    let mut words = 0;
    loop {
        let rest = &s[end..];
        let first = rest.chars().next()?;
        if !first.is_uppercase() {
            break;
        }
        let wlen = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
            .map_or(rest.len(), |(i, _)| i);
        let word = &rest[..wlen];
        if all_caps && word.chars().any(char::is_lowercase) {
            break;
        }
        if month_of(word).is_some() && words > 0 {
            break;
        }
        end += wlen;
        words += 1;
        // One space and another capitalised word continue the name.
        if s[end..].starts_with(' ')
            && s[end + 1..].chars().next().is_some_and(char::is_uppercase)
            && words < 4
        {
            let next_word = s[end + 1..].split([' ', ',', '(']).next().unwrap_or("");
            if month_of(next_word).is_some()
                || (all_caps && next_word.chars().any(char::is_lowercase))
            {
                break;
            }
            end += 1;
        } else {
            break;
        }
    }
    (words > 0).then_some(end)
}

fn skip_spaces(s: &str, mut at: usize) -> usize {
    while s[at..].starts_with(' ') {
        at += 1;
    }
    at
}

/// The dash that ends a dateline, and its length.
fn dash_at(s: &str, at: usize) -> Option<usize> {
    ["--", "—", "–", "-"]
        .iter()
        .find(|d| s[at..].starts_with(**d))
        .map(|d| d.len())
}

/// Reads a dateline at the start of `text` (a paragraph).
pub fn find(block: u32, text: &str) -> Option<Dateline> {
    let head_end = text
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= MAX_LEN)
        .unwrap_or(text.len());
    let s = &text[..head_end];
    // Places: all capitals ("BEIJING/TOKYO"), or capitalised words followed
    // by a date or agency (checked below).
    let caps = s
        .split([',', '(', '/', '-', '—', '–'])
        .next()
        .is_some_and(|p| {
            p.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !p.chars().any(char::is_lowercase)
        });
    let mut places = Vec::new();
    let mut at = 0;
    loop {
        let end = name_run(s, at, caps)?;
        places.push((at as u32, end as u32));
        if s[end..].starts_with('/') {
            at = end + 1;
            continue;
        }
        at = end;
        break;
    }
    let mut region = None;
    let (mut month, mut day) = (None, None);
    let mut agency = None;
    // ", Region" (not a month).
    if s[at..].starts_with(", ") {
        let r0 = at + 2;
        let word = s[r0..].split([' ', ',']).next().unwrap_or("");
        if month_of(word).is_none() {
            if let Some(r1) = name_run(s, r0, false) {
                region = Some((r0 as u32, r1 as u32));
                at = r1;
            }
        }
    }
    // ", Month Day" or " Month Day".
    let date_start = if s[at..].starts_with(", ") {
        at + 2
    } else {
        skip_spaces(s, at)
    };
    let mut words = s[date_start..].splitn(3, [' ']);
    if let (Some(m), Some(d)) = (words.next(), words.next()) {
        let d_digits = d.trim_end_matches([',', '.']);
        if let (Some(m), Ok(dn)) = (month_of(m), d_digits.parse::<u8>()) {
            if (1..=31).contains(&dn) && d_digits.len() <= 2 {
                month = Some(m);
                day = Some(dn);
                at = date_start + s[date_start..].find(d_digits).unwrap_or(0) + d_digits.len();
            }
        }
    }
    // "(Agency)".
    let p = skip_spaces(s, at);
    if s[p..].starts_with('(') {
        let close = s[p..].find(')')?;
        let name = &s[p + 1..p + close];
        if name.is_empty()
            || name.len() > 40
            || !name.chars().next().is_some_and(char::is_uppercase)
        {
            return None;
        }
        agency = Some(name.to_owned());
        at = p + close + 1;
    }
    // The dash, then the story.
    let d = skip_spaces(s, at);
    let dash = dash_at(s, d)?;
    let after = d + dash;
    if !s[after..].starts_with(' ') {
        return None;
    }
    // Capitalised (not all-capital) places need a date or an agency: "Kim
    // Jong Un - the leader" is no dateline.
    if !caps && month.is_none() && agency.is_none() {
        return None;
    }
    // "BREAKING -", "UPDATE 2 -": one all-capital word that is a label, not a place.
    let first = &s[places[0].0 as usize..places[0].1 as usize];
    if matches!(
        first,
        "UPDATE"
            | "BREAKING"
            | "EXCLUSIVE"
            | "CORRECTED"
            | "ANALYSIS"
            | "REFILE"
            | "WRAPUP"
            | "FACTBOX"
            | "INSIGHT"
            | "COLUMN"
            | "EDITORIAL"
            | "OPINION"
            | "NOTE"
    ) {
        return None;
    }
    let len = skip_spaces(s, after) as u32;
    Some(Dateline {
        block,
        len,
        places,
        region,
        month,
        day,
        agency,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Places, region, (month, day), agency and the story after the dateline.
    type Parts<'a> = (
        Vec<&'a str>,
        Option<&'a str>,
        Option<(u8, u8)>,
        Option<String>,
        &'a str,
    );

    fn parts(text: &str) -> Option<Parts<'_>> {
        let d = find(0, text)?;
        let at = |r: (u32, u32)| &text[r.0 as usize..r.1 as usize];
        Some((
            d.places.iter().map(|&r| at(r)).collect(),
            d.region.map(at),
            d.month.zip(d.day),
            d.agency.clone(),
            &text[d.len as usize..],
        ))
    }

    #[test]
    fn wire_datelines_are_read() {
        assert_eq!(
            parts("TROY, Mich., April 2 (Reuters) - Kmart Corp said"),
            Some((
                vec!["TROY"],
                Some("Mich."),
                Some((4, 2)),
                Some("Reuters".into()),
                "Kmart Corp said"
            ))
        );
        assert_eq!(
            parts("SEOUL, Nov 3 (Reuters) - South Korea's central bank"),
            Some((
                vec!["SEOUL"],
                None,
                Some((11, 3)),
                Some("Reuters".into()),
                "South Korea's central bank"
            ))
        );
        assert_eq!(
            parts("WASHINGTON — The Senate voted"),
            Some((vec!["WASHINGTON"], None, None, None, "The Senate voted"))
        );
        assert_eq!(
            parts("BEIJING/TOKYO, March 3 (Reuters) - China and Japan"),
            Some((
                vec!["BEIJING", "TOKYO"],
                None,
                Some((3, 3)),
                Some("Reuters".into()),
                "China and Japan"
            ))
        );
        assert_eq!(
            parts("PARIS, Texas, May 21 (AP) — Tornadoes tore"),
            Some((
                vec!["PARIS"],
                Some("Texas"),
                Some((5, 21)),
                Some("AP".into()),
                "Tornadoes tore"
            ))
        );
        assert_eq!(
            parts("ST HELIER, Jersey, Oct 2 (Reuters) - The island"),
            Some((
                vec!["ST HELIER"],
                Some("Jersey"),
                Some((10, 2)),
                Some("Reuters".into()),
                "The island"
            ))
        );
        assert_eq!(
            parts("DAYTON, Ohio, March 9 - Data Terminal Systems Inc"),
            Some((
                vec!["DAYTON"],
                Some("Ohio"),
                Some((3, 9)),
                None,
                "Data Terminal Systems Inc"
            ))
        );
        assert_eq!(
            parts("Seoul, Nov 3 (Yonhap) -- The North fired"),
            Some((
                vec!["Seoul"],
                None,
                Some((11, 3)),
                Some("Yonhap".into()),
                "The North fired"
            ))
        );
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        for text in [
            "North Korea has built 489 km of fences along the border.",
            "Kim Jong Un - the leader - spoke on Friday.",
            "UPDATE 2 - Oil prices rose",
            "BREAKING - Fire in the city",
            "The U.S. - China talks resumed.",
            "",
            "(Reuters) - no place",
            "TROY, Mich., April 2 (Reuters) no dash here",
        ] {
            assert_eq!(find(0, text), None, "{text:?}");
        }
    }
}
