//! The JSON report `borderlines inspect` prints: a stable, versioned
//! wrapper around the parsed documents and their insights (the schema is
//! documented field by field in docs/schema.md).

use borderlines_core::Document;
use borderlines_extract::{Claim, CorpusInsights, DocumentInsights, SCHEMA_VERSION};
use serde::Serialize;

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report {
    /// Version of this layout; bumped on any incompatible change.
    pub schema_version: u32,
    /// "borderlines <version>".
    pub generator: String,
    /// One per file that could be read, in argument order.
    pub documents: Vec<FileReport>,
    /// Figures linked across the documents.
    pub claims: Vec<Claim>,
    /// One per file that could not be read or held no text.
    pub errors: Vec<FileError>,
}

/// One readable file.
#[derive(Debug, Serialize)]
pub struct FileReport {
    /// The path as given.
    pub file: String,
    /// The parsed document; insights offsets index its `blocks`.
    pub document: Document,
    pub insights: DocumentInsights,
}

/// One file that failed.
#[derive(Debug, Serialize)]
pub struct FileError {
    pub file: String,
    pub error: String,
}

impl Report {
    /// Assembles the report, linking claims across the documents.
    pub fn new(files: Vec<(String, Document, DocumentInsights)>, errors: Vec<FileError>) -> Self {
        let (meta, insights): (Vec<(String, Document)>, Vec<DocumentInsights>) =
            files.into_iter().map(|(f, d, i)| ((f, d), i)).unzip();
        let corpus = CorpusInsights::from_documents(insights);
        let documents = meta
            .into_iter()
            .zip(corpus.documents)
            .map(|((file, document), insights)| FileReport {
                file,
                document,
                insights,
            })
            .collect();
        Report {
            schema_version: SCHEMA_VERSION,
            generator: format!("borderlines {}", env!("CARGO_PKG_VERSION")),
            documents,
            claims: corpus.claims,
            errors,
        }
    }
}
