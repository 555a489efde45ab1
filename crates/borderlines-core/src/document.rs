//! The document model shared by every layer: a document is an id, a title
//! (found or derived), an optional byline and clean blocks of text.

use serde::{Deserialize, Serialize};

/// Where a document's title came from, so the UI can be honest about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TitleSource {
    /// The text carried a headline.
    Headline,
    /// The text had no headline; the title was derived from its first sentence.
    Derived,
}

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockKind {
    /// A section heading inside the article.
    Heading,
    /// A paragraph of running text.
    Paragraph,
}

/// One clean block of a document's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

/// A parsed, cleaned document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: the file stem for files (`000_072fe782a020354c`).
    pub id: String,
    /// The headline, or a title derived from the first sentence.
    pub title: String,
    pub title_source: TitleSource,
    /// The author line when the text states one.
    pub byline: Option<String>,
    /// Body blocks in reading order, boilerplate removed.
    pub blocks: Vec<Block>,
    /// Words in the body (Unicode word boundaries).
    pub word_count: u32,
    /// How many lines or fragments the boilerplate rules removed.
    pub boilerplate_removed: u32,
}

impl Document {
    /// The paragraphs only (headings excluded), in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| b.text.as_str())
    }

    /// Approximate reading time in whole minutes (at least one), at 230 words a minute.
    pub fn reading_minutes(&self) -> u32 {
        self.word_count.div_ceil(230).max(1)
    }
}

/// An ordered collection of documents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    pub documents: Vec<Document>,
}

impl Corpus {
    /// The index of the document with this id, if any.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.documents.iter().position(|d| d.id == id)
    }

    /// Total words across all documents.
    pub fn word_count(&self) -> u64 {
        self.documents.iter().map(|d| u64::from(d.word_count)).sum()
    }
}
