//! Users' files in the formats news exports come in, turned into
//! [`Record`]s: CSV and TSV ([`csv`]), JSON and JSON Lines ([`json`]) and
//! saved web pages ([`html`], and [`mhtml`] for single-file saves). Each parser is pure Rust, bounded in the work
//! it does, never panics on input, and reports what it could not read as a
//! typed [`FormatError`] with a line number where there is one. A bad row or
//! line costs only itself: the others are kept and the problem is listed in
//! [`Parsed::problems`].

#[cfg(feature = "archive")]
pub mod archive;
pub mod csv;
pub mod document;
#[cfg(feature = "html")]
pub mod html;
pub mod json;
#[cfg(feature = "html")]
pub mod mhtml;
pub mod preview;
pub mod records;

pub use records::{Field, FieldMapping, Record};

use thiserror::Error;

/// Most records read from one file; past it the rest are reported, not read.
pub const MAX_RECORDS: usize = 200_000;

/// What went wrong reading a file, or one part of it. The UI shows the
/// `Display` text, so each says it in plain words.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum FormatError {
    /// A CSV/TSV row that cannot be read as the header says.
    #[error("malformed CSV line {line}: {reason}")]
    MalformedCsv { line: u64, reason: String },
    /// JSON that does not parse; for JSON Lines, one bad line.
    #[error("malformed JSON line {line}, column {column}: {reason}")]
    MalformedJson {
        line: usize,
        column: usize,
        reason: String,
    },
    /// JSON nested deeper than we read (a guard against hostile files).
    #[error("JSON nested more than {limit} levels deep at line {line}")]
    TooDeep { line: usize, limit: usize },
    /// Markup nested deeper than we read (html5ever's work grows with the
    /// depth of open elements; real pages stay far below the limit).
    #[error("the page's markup is nested more than {limit} levels deep at line {line}")]
    MarkupTooDeep { line: usize, limit: usize },
    /// The input is larger than the parser reads.
    #[error("the file is {bytes} bytes; at most {limit} bytes are read")]
    TooLarge { bytes: usize, limit: usize },
    /// More records than [`MAX_RECORDS`]; the first ones were kept.
    #[error("more than {limit} records; the rest were not read")]
    TooManyRecords { limit: usize },
    /// Valid JSON, but no articles in it.
    #[error("the JSON holds no list of articles ({found})")]
    NoArticles { found: String },
    /// A saved page (MHTML) whose MIME structure cannot be read.
    #[error("the saved page (MHTML) cannot be read: {reason}")]
    MalformedMime { reason: String },
    /// A saved page (MHTML) with no HTML page among its parts.
    #[error("the saved page (MHTML) holds no HTML page")]
    NoHtmlPart,
    /// A web page with no article text left once boilerplate is gone.
    #[error("the page has no article text")]
    NoArticleText,
    /// Nothing in the file (or only a header).
    #[error("the file holds no records")]
    Empty,
    /// Not text at all (see [`crate::sniff`]).
    #[error("{0}")]
    Binary(String),
    /// A file type none of the parsers reads.
    #[error("“.{0}” files are not read as records")]
    Unsupported(String),
}

/// The outcome of reading one file: its records, the columns or keys it
/// has, the mapping used (shown to the user, who may change it and read
/// again), and the problems with parts of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub records: Vec<Record>,
    /// Column names (CSV/TSV: header or "column N"), or the keys met in
    /// JSON objects (each object's keys alphabetically, new ones appended).
    pub columns: Vec<String>,
    pub mapping: FieldMapping,
    /// Rows or lines skipped, with why.
    pub problems: Vec<FormatError>,
    /// The first record's value in each of `columns` (empty for a web page):
    /// the sample row shown next to the mapping.
    pub sample: Vec<String>,
    /// The encoding the file was read in ([`crate::encoding::Decoded`]),
    /// set by [`crate::load::parsed_of`]; empty when parsed from text.
    pub encoding: &'static str,
}
