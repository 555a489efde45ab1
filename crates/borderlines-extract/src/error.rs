//! Typed errors. Extraction itself never fails (any text yields insights,
//! possibly empty); only loading data can.

use thiserror::Error;

/// What can go wrong outside extraction proper.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum Error {
    /// The gazetteer JSON could not be read.
    #[error("the gazetteer data is damaged: {0}")]
    Gazetteer(String),
    /// Precomputed insights could not be decoded.
    #[error("the insights bundle is damaged or from another version: {0}")]
    BadInsights(String),
    /// Precomputed insights were written with another schema version.
    #[error("the insights bundle has schema version {found}, this build reads version {expected}")]
    SchemaVersion { found: u32, expected: u32 },
}
