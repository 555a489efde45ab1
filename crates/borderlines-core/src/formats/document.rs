//! A [`Record`] becomes a [`Document`]: its text goes through the same
//! parser as any text file (boilerplate, headings, a byline in the text),
//! and what the file states — title, date, source, url, author — is kept as
//! stated: the title as the document's title ([`TitleSource::Stated`]), the
//! author as its byline, the rest in [`FileMetadata`], where extraction reads
//! it before anything it would find or infer from the text.
//!
//! ```
//! use borderlines_core::formats::{document::document_of, Record};
//! use borderlines_core::TitleSource;
//! let record = Record {
//!     title: Some("Fence extended".into()),
//!     text: "Crews added 40 km of fence along the river.".into(),
//!     date: Some("2021-03-04".into()),
//!     source: Some("Border Wire".into()),
//!     ..Record::default()
//! };
//! let doc = document_of("news.csv:2", record).unwrap();
//! assert_eq!(doc.title, "Fence extended");
//! assert_eq!(doc.title_source, TitleSource::Stated);
//! assert_eq!(doc.file_metadata().unwrap().date.as_deref(), Some("2021-03-04"));
//! ```

use super::records::Record;
use crate::document::{Block, BlockKind, Document, FileMetadata, TitleSource};
use crate::parse::parse_document;
use crate::text::{clean_line, strip_bidi_controls, truncate_words, word_count};
use crate::Error;

/// Longest stated title kept, in words (a title column sometimes holds a
/// whole lead paragraph).
const MAX_TITLE_WORDS: usize = 40;

/// Longest stated value kept (date, source, url, author), in bytes.
const MAX_VALUE_BYTES: usize = 500;

/// The document of one record. Fails only when the record has neither text
/// nor a title.
pub fn document_of(id: &str, record: Record) -> Result<Document, Error> {
    let title = record
        .title
        .as_deref()
        .map(label)
        .filter(|t| !t.is_empty())
        .map(|t| truncate_words(&t, MAX_TITLE_WORDS));
    let stated = FileMetadata {
        date: record.date.as_deref().map(value),
        source: record.source.as_deref().map(value),
        url: record.url.as_deref().map(value),
        author: record.author.as_deref().map(value),
    };
    let mut doc = if record.text.trim().is_empty() {
        // A table of headlines: the headline is the text too.
        let title = title
            .clone()
            .ok_or_else(|| Error::EmptyDocument { id: id.to_owned() })?;
        Document {
            id: id.to_owned(),
            word_count: word_count(&title),
            blocks: vec![Block {
                kind: BlockKind::Paragraph,
                text: title.clone(),
            }],
            title,
            title_source: TitleSource::Stated,
            byline: None,
            boilerplate_removed: 0,
            stated: None,
        }
    } else if let Some(title) = &title {
        // The title first, so that a text repeating it (scrapers often do)
        // loses the copy, and a first short line of text stays text.
        let mut doc = parse_document(id, &format!("{title}\n\n{}", record.text))?;
        if doc.title_source != TitleSource::Headline || doc.title != *title {
            // The title was not taken as a headline: it is then the first block.
            if doc.blocks.first().is_some_and(|b| b.text == *title) {
                doc.blocks.remove(0);
            }
        }
        if doc.blocks.is_empty() {
            doc.blocks.push(Block {
                kind: BlockKind::Paragraph,
                text: title.clone(),
            });
        }
        doc.word_count = doc
            .blocks
            .iter()
            .map(|b| word_count(&b.text))
            .fold(0u32, u32::saturating_add);
        doc.title = title.clone();
        doc.title_source = TitleSource::Stated;
        doc
    } else {
        parse_document(id, &record.text)?
    };
    if let Some(author) = &stated.author {
        doc.byline = Some(author.clone());
    }
    if !stated.is_empty() {
        doc.stated = Some(Box::new(stated));
    }
    Ok(doc)
}

/// A title or name as one clean line: no reordering characters, spaces
/// collapsed.
fn label(text: &str) -> String {
    clean_line(&strip_bidi_controls(text).replace(['\n', '\r', '\t'], " "))
}

/// A stated value as one clean line, cut to [`MAX_VALUE_BYTES`].
fn value(text: &str) -> String {
    let mut line = label(text);
    if line.len() > MAX_VALUE_BYTES {
        let mut end = MAX_VALUE_BYTES;
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        line.truncate(end);
        line.push('…');
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(title: Option<&str>, text: &str) -> Record {
        Record {
            title: title.map(str::to_owned),
            text: text.to_owned(),
            ..Record::default()
        }
    }

    #[test]
    fn a_stated_title_wins_and_the_text_keeps_its_first_line() {
        let doc = document_of(
            "a:2",
            record(
                Some("Fence extended"),
                "Short first line\nCrews added 40 km of fence along the river this spring.",
            ),
        )
        .unwrap();
        assert_eq!(doc.title, "Fence extended");
        assert_eq!(doc.title_source, TitleSource::Stated);
        assert_eq!(doc.blocks[0].text, "Short first line");
        assert_eq!(doc.stated, None, "nothing else stated");
    }

    #[test]
    fn a_text_repeating_the_title_loses_the_copy() {
        let doc = document_of(
            "a:2",
            record(
                Some("Fence extended"),
                "Fence extended\nCrews added 40 km of fence along the river this spring.",
            ),
        )
        .unwrap();
        assert_eq!(doc.blocks.len(), 1);
        assert!(doc.blocks[0].text.starts_with("Crews"));
    }

    #[test]
    fn a_long_title_is_not_lost_from_the_text() {
        let long = "A title that runs on and on like a lead paragraph, with a comma, and \
                    more than twenty-five words in it so that the parser sees running text \
                    rather than a headline shape at all.";
        let doc = document_of("a:2", record(Some(long), "Body text of the article here.")).unwrap();
        assert_eq!(doc.title_source, TitleSource::Stated);
        assert!(doc.title.split_whitespace().count() <= MAX_TITLE_WORDS + 1);
        assert_eq!(doc.blocks.len(), 1, "{:?}", doc.blocks);
        assert_eq!(doc.blocks[0].text, "Body text of the article here.");
    }

    #[test]
    fn headline_only_records_and_empty_ones() {
        let doc = document_of("h:3", record(Some("Gate shut for winter"), " ")).unwrap();
        assert_eq!(doc.blocks[0].text, "Gate shut for winter");
        assert_eq!(doc.word_count, 4);
        assert_eq!(
            document_of("e:4", record(None, "  ")),
            Err(Error::EmptyDocument { id: "e:4".into() })
        );
    }

    #[test]
    fn stated_metadata_is_kept_clean_and_the_author_is_the_byline() {
        let doc = document_of(
            "m:2",
            Record {
                title: Some("Walls \u{202E}rise".into()),
                text: "By Someone Else\nGuards patrolled the fence along the river all winter."
                    .into(),
                date: Some(" 2021-03-04 ".into()),
                source: Some("Border\nWire".into()),
                url: Some("https://e.test/a".into()),
                author: Some("Ana Reporter".into()),
                origin: 2,
            },
        )
        .unwrap();
        assert_eq!(doc.title, "Walls rise");
        assert_eq!(doc.byline.as_deref(), Some("Ana Reporter"));
        let m = doc.file_metadata().unwrap();
        assert_eq!(m.date.as_deref(), Some("2021-03-04"));
        assert_eq!(m.source.as_deref(), Some("Border Wire"));
        assert_eq!(m.url.as_deref(), Some("https://e.test/a"));
        assert_eq!(m.author.as_deref(), Some("Ana Reporter"));
        let long = value(&"x".repeat(2000));
        assert!(long.len() <= MAX_VALUE_BYTES + '…'.len_utf8());
    }
}
