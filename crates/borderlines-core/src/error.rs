//! Typed errors of the core. The UI shows their `Display` text to users, so
//! each message says what went wrong in plain words.

use thiserror::Error;

/// Everything that can go wrong while turning input into documents.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum Error {
    /// The input had no readable text once decoded and cleaned.
    #[error("document {id:?} has no readable text")]
    EmptyDocument { id: String },
    /// The embedded or saved corpus could not be decoded.
    #[error("the corpus bundle is damaged or from another version: {0}")]
    BadBundle(String),
    /// The bundle was written by an incompatible version of Borderlines.
    #[error("the corpus bundle has format version {found}, this build reads version {expected}")]
    BundleVersion { found: u32, expected: u32 },
}
