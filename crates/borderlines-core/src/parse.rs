//! Turns the text of one scraped article into a clean [`Document`]: removes
//! boilerplate (see [`crate::boilerplate`]), finds the headline, the byline
//! and section headings, derives a title when the text has none, and counts
//! words.
//!
//! ```
//! let doc = borderlines_core::parse_document("x", "Advertisement\nWalls Rise on the Yalu\nBy Jane Doe\nNew fences were built along the river this year.").unwrap();
//! assert_eq!(doc.title, "Walls Rise on the Yalu");
//! assert_eq!(doc.byline.as_deref(), Some("Jane Doe"));
//! assert_eq!(doc.blocks.len(), 1);
//! ```

use std::collections::HashSet;

use crate::boilerplate::{classify_line, strip_inline_cross_links};
use crate::document::{Block, BlockKind, Document, TitleSource};
use crate::text::{
    clean_line, decode, ends_like_sentence, strip_bidi_controls, truncate_words, word_count,
};
use crate::tokenize::first_sentence;
use crate::Error;

/// Longest headline we accept, in words; longer lines are paragraphs.
const MAX_HEADLINE_WORDS: usize = 25;
/// Longest in-body section heading, in words.
const MAX_HEADING_WORDS: usize = 15;
/// More heading-shaped lines than this, and more than half of all blocks,
/// means a text of short lines rather than a text with headings.
const MOSTLY_SHORT_LINES_MIN: usize = 20;

/// Words kept in a title derived from the first sentence.
const DERIVED_TITLE_WORDS: usize = 12;

/// Parses raw bytes of any common encoding (see [`decode`]).
pub fn parse_bytes(id: &str, bytes: &[u8]) -> Result<Document, Error> {
    parse_document(id, &decode(bytes))
}

/// Parses one article's text. Fails only when nothing readable remains.
pub fn parse_document(id: &str, raw: &str) -> Result<Document, Error> {
    let mut removed = 0u32;
    let mut seen = HashSet::new();
    let mut lines: Vec<String> = Vec::new();
    for raw_line in raw.lines() {
        let line = clean_line(raw_line);
        if line.is_empty() {
            continue;
        }
        if classify_line(&line).is_some() {
            removed += 1;
            continue;
        }
        let (line, cut) = strip_inline_cross_links(&line);
        removed += cut;
        // Scrapers often repeat the headline (page title + article header) or
        // a whole block; the first occurrence is the one in reading order.
        if line.is_empty() || !seen.insert(line.to_lowercase()) {
            removed += u32::from(!line.is_empty());
            continue;
        }
        lines.push(line);
    }

    // The header is everything before the first line shaped like running text.
    let header_len = lines
        .iter()
        .position(|l| is_paragraph_shaped(l))
        .unwrap_or(lines.len());
    let mut title = None;
    let mut byline = None;
    let mut blocks = Vec::with_capacity(lines.len());
    for (i, line) in lines.into_iter().enumerate() {
        if i < header_len {
            if title.is_none() && is_headline_shaped(&line) {
                title = Some(line);
                continue;
            }
            if byline.is_none() {
                if let Some(name) = byline_of(&line) {
                    byline = Some(name);
                    continue;
                }
            }
        }
        let kind = if is_heading_shaped(&line) {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        blocks.push(Block { kind, text: line });
    }

    // A text made mostly of short lines (a transcript, a list, a log) has
    // no headings: its lines are its paragraphs.
    let headings = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .count();
    if headings > MOSTLY_SHORT_LINES_MIN && headings * 2 > blocks.len() {
        for b in &mut blocks {
            b.kind = BlockKind::Paragraph;
        }
    }
    let (title, title_source) = match title {
        Some(t) => (t, TitleSource::Headline),
        None => {
            let source = blocks
                .iter()
                .find(|b| b.kind == BlockKind::Paragraph)
                .or(blocks.first())
                .ok_or_else(|| Error::EmptyDocument { id: id.to_owned() })?;
            (
                truncate_words(first_sentence(&source.text), DERIVED_TITLE_WORDS),
                TitleSource::Derived,
            )
        }
    };
    // A title and a byline are labels: nothing in them may reorder the screen.
    let title = strip_bidi_controls(&title).trim().to_owned();
    let byline = byline.map(|b| strip_bidi_controls(&b).trim().to_owned());
    let words = blocks
        .iter()
        .map(|b| word_count(&b.text))
        .fold(0u32, u32::saturating_add);
    Ok(Document {
        id: id.to_owned(),
        title,
        title_source,
        byline,
        blocks,
        word_count: words,
        boilerplate_removed: removed,
        stated: None,
    })
}

/// Words in a line, for its shape: split at spaces, except that a line
/// written mostly in a script without spaces between words (Chinese,
/// Japanese) counts one word per two characters, the average length of a
/// Chinese word (without it, a Chinese headline was one "word", never a
/// headline, and the title became its first twelve characters).
fn words(line: &str) -> usize {
    // The parser asks this of every line, several times.
    if line.is_ascii() {
        // No unspaced script: runs of non-space bytes. The spaces are those
        // `char::is_whitespace` accepts below 0x80, written out: calling it
        // on each byte made parsing the bench files 2.6 s instead of 1.7 s.
        let mut in_word = false;
        let mut n = 0;
        for &b in line.as_bytes() {
            let space = matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
            n += usize::from(!space && !in_word);
            in_word = !space;
        }
        return n;
    }
    let (mut spaced, mut chars, mut unspaced, mut in_word) = (0, 0, 0, false);
    for c in line.chars() {
        let space = c.is_whitespace();
        spaced += usize::from(!space && !in_word);
        in_word = !space;
        chars += 1;
        unspaced += usize::from(is_unspaced_script(c));
    }
    if unspaced * 2 > chars {
        spaced.max(chars.div_ceil(2))
    } else {
        spaced
    }
}

/// Han ideographs (with extensions), kana and CJK punctuation.
fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3134F}')
}

fn is_paragraph_shaped(line: &str) -> bool {
    let n = words(line);
    n > MAX_HEADLINE_WORDS || (ends_like_sentence(line) && n >= 8)
}

fn is_headline_shaped(line: &str) -> bool {
    let n = words(line);
    (2..=MAX_HEADLINE_WORDS).contains(&n)
        && line.chars().count() <= 250
        && (!ends_like_sentence(line) || line.ends_with(['?', '!']))
        && line.chars().next().is_some_and(|c| !c.is_lowercase())
}

fn is_heading_shaped(line: &str) -> bool {
    let n = words(line);
    (1..=MAX_HEADING_WORDS).contains(&n)
        && !ends_like_sentence(line)
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// A byline: "By Jane Doe", "By Jane Doe and Kim Min-ji, Reuters", or a bare
/// person-shaped name of two to five capitalised words.
fn byline_of(line: &str) -> Option<String> {
    let stripped = [
        "By ",
        "by ",
        "BY ",
        "Written by ",
        "Author: ",
        "Reporting by ",
    ]
    .iter()
    .find_map(|p| line.strip_prefix(p));
    if let Some(rest) = stripped {
        let rest = rest.trim();
        return (words(rest) <= 12 && !rest.is_empty()).then(|| rest.to_owned());
    }
    is_person_name(line).then(|| line.to_owned())
}

fn is_person_name(line: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "van", "von", "der", "bin", "al", "da", "di", "le", "la",
    ];
    let n = words(line);
    (2..=5).contains(&n)
        && line.chars().count() <= 60
        && !line.chars().any(|c| c.is_numeric() || matches!(c, ':' | '.' | '!' | '?' | '|' | '"'))
        && line.split_whitespace().all(|w| {
            PARTICLES.contains(&w) || w.chars().next().is_some_and(char::is_uppercase)
        })
        // A name has few words of four or more capitals ("NEWS UPDATE" is not one).
        && !line.split_whitespace().any(|w| w.len() >= 4 && w.chars().all(|c| c.is_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Counting a spaced line's words in one pass agrees with splitting
        /// it at Unicode whitespace.
        #[test]
        fn spaced_lines_count_words_as_split_at_whitespace(line in "[ a-zé’.\x00-\x09\t\n\x0b\x0c\r\x1c-\x1f\u{85}\u{a0}\u{2003}]{0,40}") {
            proptest::prop_assert_eq!(words(&line), line.split_whitespace().count());
        }
    }

    #[test]
    fn empty_and_all_boilerplate_inputs_are_errors() {
        assert!(matches!(
            parse_document("e", ""),
            Err(Error::EmptyDocument { .. })
        ));
        assert!(matches!(
            parse_document("e", "Advertisement\n\nRead More\n"),
            Err(Error::EmptyDocument { .. })
        ));
    }

    #[test]
    fn derives_a_title_from_the_first_sentence() {
        let d = parse_document(
            "d",
            "Troops laid new mines along the southern border on Friday, officials said. More text.",
        )
        .unwrap();
        assert_eq!(d.title_source, TitleSource::Derived);
        assert_eq!(
            d.title,
            "Troops laid new mines along the southern border on Friday, officials said"
        );
        assert_eq!(d.byline, None);
    }

    /// Unicode's sentence rules ended the first sentence at "Mr.", so the
    /// derived title was "Mr". The one tokenizer's sentences know abbreviations.
    #[test]
    fn derived_title_does_not_stop_at_an_abbreviation() {
        let d = parse_document(
            "d",
            "Mr. Kim crossed the Tumen river at night, his family said. More.",
        )
        .unwrap();
        assert_eq!(d.title_source, TitleSource::Derived);
        assert_eq!(
            d.title,
            "Mr. Kim crossed the Tumen river at night, his family said"
        );
    }

    #[test]
    fn headings_inside_the_body() {
        let d = parse_document("h", "A Long Wall Rises\n\nThe wall is long and it rises along the river bank.\n\nWhat Comes Next\n\nNobody knows what comes next for the towns there.").unwrap();
        let kinds: Vec<_> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Paragraph
            ]
        );
    }

    #[test]
    fn bylines_with_and_without_by() {
        assert_eq!(
            byline_of("By Jean-Luc de Vries, Reuters").as_deref(),
            Some("Jean-Luc de Vries, Reuters")
        );
        assert_eq!(
            byline_of("Aqsa Younas Rana").as_deref(),
            Some("Aqsa Younas Rana")
        );
        assert_eq!(byline_of("NEWS UPDATE TODAY"), None);
        assert_eq!(byline_of("The Wall: Part 2"), None);
    }

    #[test]
    fn a_transcript_of_short_lines_has_paragraphs_not_headings() {
        let text: String = std::iter::once("Transcript of the Hearing\n".to_owned())
            .chain((1..=200).map(|i| format!("{i}: River village crossing\n")))
            .collect();
        let d = parse_document("t", &text).unwrap();
        assert_eq!(d.title, "Transcript of the Hearing");
        assert!(d.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
        // An article with a few headings keeps them.
        let article = "Walls Rise on the Yalu\nGuards patrolled the new fence all winter long.\nThe Fence\nIt runs for miles along the river and past the town.\nThe Guards\nThey patrol it day and night in teams of three.";
        let d = parse_document("a", article).unwrap();
        assert_eq!(
            d.blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Heading)
                .count(),
            2
        );
    }

    #[test]
    fn a_chinese_headline_is_the_title() {
        let d = parse_document(
            "zh",
            "图们江沿岸边境围栏延长四十公里\n据当地居民介绍，今年春天图们江沿岸的边境围栏延长了四十公里。",
        )
        .unwrap();
        assert_eq!(d.title, "图们江沿岸边境围栏延长四十公里");
        assert_eq!(d.title_source, TitleSource::Headline);
        assert_eq!(d.blocks.len(), 1);
        // A long Chinese paragraph is not a headline.
        let long = "据当地居民介绍今年春天图们江沿岸的边境围栏延长了四十公里边防部队在夜间加强了巡逻并在珲春附近新建了三座瞭望塔";
        assert!(!is_headline_shaped(long));
    }
}
