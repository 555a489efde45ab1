//! Borderlines' core: everything that understands documents, with no web
//! dependencies, so that the same code runs at build time (the seed corpus),
//! natively in tests and the CLI, and in the browser (documents users load).
//!
//! Data flow: raw bytes → [`text::decode`] (encoding detected by [`encoding`]) → [`parse::parse_document`] (which
//! applies the [`boilerplate`] rules and finds title, byline and headings) →
//! [`document::Document`] → [`bundle::CorpusBundle`] (compact binary embedded
//! in the page). [`load`] adds users' files ([`sniff`] refuses binary ones
//! first), and [`layers`] merges search marks
//! with annotations for rendering.
//! Search lives in `borderlines-search`, extraction in `borderlines-extract`.
//!
//! Nothing here panics on input: fallible operations return [`Error`].

pub mod boilerplate;
pub mod bundle;
pub mod dateline;
pub mod document;
pub mod encoding;
pub mod error;
pub mod formats;
pub mod layers;
pub mod load;
pub mod parse;
pub mod pieces;
pub mod scripts;
pub mod sniff;
pub mod text;
pub mod tokenize;
pub mod url_key;

pub use bundle::CorpusBundle;
pub use dateline::Dateline;
pub use document::{Block, BlockKind, Corpus, Document, FileMetadata, TitleSource, TITLE_BLOCK};
pub use error::Error;
pub use parse::parse_document;
