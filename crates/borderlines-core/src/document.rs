//! The document model shared by every layer: a document is an id, a title
//! (found, derived or stated by its file), an optional byline, clean blocks
//! of text and, for documents read from a table or a JSON export, the
//! metadata its file states ([`FileMetadata`]).

use serde::{Deserialize, Serialize};

/// Where a document's title came from, so the UI can be honest about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TitleSource {
    /// The text carried a headline.
    Headline,
    /// The text had no headline; the title was derived from its first sentence.
    Derived,
    /// The file stated it: a title column of a table, a title key of a JSON
    /// export, a saved page's metadata.
    Stated,
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
    /// What the document's file states about it beside the text (`None` for
    /// plain text and Markdown, whose metadata extraction finds in the text).
    pub stated: Option<Box<FileMetadata>>,
}

/// Metadata a file states about one document, as written there (a CSV
/// column, a JSON key, a page's `<meta>`): extraction reads these as stated
/// facts, before anything it finds or infers from the text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileMetadata {
    /// Publication date as written ("2021-03-04", "4 March 2021", …).
    pub date: Option<String>,
    /// Outlet, publisher or site.
    pub source: Option<String>,
    /// Address of the article.
    pub url: Option<String>,
    /// Author or byline as written (also the document's `byline`).
    pub author: Option<String>,
}

impl FileMetadata {
    /// True when the file states none of these.
    pub fn is_empty(&self) -> bool {
        self.date.is_none() && self.source.is_none() && self.url.is_none() && self.author.is_none()
    }
}

/// The block number that stands for the document's headline: extraction
/// locates the entities it finds in a headline there, so a mention's place
/// is always (block, byte range) and the title is marked like the body.
pub const TITLE_BLOCK: u32 = u32::MAX;

impl Document {
    /// The text of block `block`, the headline for [`TITLE_BLOCK`].
    pub fn block_text(&self, block: u32) -> Option<&str> {
        if block == TITLE_BLOCK {
            return Some(&self.title);
        }
        self.blocks.get(block as usize).map(|b| b.text.as_str())
    }

    /// The metadata the document's file states, if any.
    pub fn file_metadata(&self) -> Option<&FileMetadata> {
        self.stated.as_deref()
    }

    /// The paragraphs only (headings excluded), in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| b.text.as_str())
    }

    /// The wire dateline opening the story ("TROY, Mich., April 2 (Reuters) -"),
    /// read from the first paragraph by [`crate::dateline::find`]. Computed
    /// from the blocks (not stored), so every reader — search, extraction,
    /// the UI — gets the same answer and stored corpora need no new format.
    pub fn dateline(&self) -> Option<crate::dateline::Dateline> {
        let (i, b) = self
            .blocks
            .iter()
            .enumerate()
            .take(2)
            .find(|(_, b)| b.kind == BlockKind::Paragraph)?;
        crate::dateline::find(i as u32, &b.text)
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
