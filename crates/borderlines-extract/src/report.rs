//! The JSON report `borderlines inspect` prints and the page exports as
//! "insights JSON": a stable, versioned wrapper around documents and their
//! insights (the schema is documented field by field in docs/schema.md).
//! One type for both, so the two cannot drift apart. Its parts are
//! borrowed or owned (`Cow`): the CLI owns what it parsed, the page lends
//! its engine's documents and insights without copying them.

use std::borrow::Cow;

use borderlines_core::Document;
use serde::Serialize;

use crate::{Claim, CorpusInsights, DocumentInsights, SCHEMA_VERSION};

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// Version of this layout; bumped on any incompatible change.
    pub schema_version: u32,
    /// "borderlines <version>".
    pub generator: String,
    /// One per file (or document) that could be read, in order.
    pub documents: Vec<FileReport<'a>>,
    /// Figures linked across the documents.
    pub claims: Cow<'a, [Claim]>,
    /// One per file that could not be read or held no text.
    pub errors: Vec<FileError>,
}

/// One readable file.
#[derive(Debug, Serialize)]
pub struct FileReport<'a> {
    /// The path as given (the CLI), or the document's id (the page).
    pub file: Cow<'a, str>,
    /// The parsed document; insights offsets index its `blocks`.
    pub document: Cow<'a, Document>,
    pub insights: Cow<'a, DocumentInsights>,
}

/// One file that failed.
#[derive(Debug, Clone, Serialize)]
pub struct FileError {
    pub file: String,
    pub error: String,
}

impl Report<'static> {
    /// Assembles the report from owned parts, linking claims across the
    /// documents.
    pub fn new(files: Vec<(String, Document, DocumentInsights)>, errors: Vec<FileError>) -> Self {
        let (meta, insights): (Vec<(String, Document)>, Vec<DocumentInsights>) =
            files.into_iter().map(|(f, d, i)| ((f, d), i)).unzip();
        let corpus = CorpusInsights::from_documents(insights);
        let documents = meta
            .into_iter()
            .zip(corpus.documents)
            .map(|((file, document), insights)| FileReport {
                file: Cow::Owned(file),
                document: Cow::Owned(document),
                insights: Cow::Owned(insights),
            })
            .collect();
        Report::with(documents, Cow::Owned(corpus.claims), errors)
    }
}

impl<'a> Report<'a> {
    /// A report of documents whose insights and claims are already known
    /// (each document is named by its id).
    pub fn of_documents(
        documents: impl IntoIterator<Item = (&'a Document, &'a DocumentInsights)>,
        claims: Cow<'a, [Claim]>,
    ) -> Self {
        let documents = documents
            .into_iter()
            .map(|(document, insights)| FileReport {
                file: Cow::Borrowed(document.id.as_str()),
                document: Cow::Borrowed(document),
                insights: Cow::Borrowed(insights),
            })
            .collect();
        Report::with(documents, claims, Vec::new())
    }

    fn with(
        documents: Vec<FileReport<'a>>,
        claims: Cow<'a, [Claim]>,
        errors: Vec<FileError>,
    ) -> Self {
        Report {
            schema_version: SCHEMA_VERSION,
            generator: format!("borderlines {}", env!("CARGO_PKG_VERSION")),
            documents,
            claims,
            errors,
        }
    }
}
