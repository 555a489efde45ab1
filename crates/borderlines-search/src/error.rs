//! The one error type of this crate: only loading a serialized index can fail.

/// Why a serialized index could not be loaded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SearchError {
    /// The bytes do not start with this crate's magic number.
    #[error("not a Borderlines search index")]
    BadMagic,
    /// The index was written by an incompatible version of this crate.
    #[error("search index format {found} is not supported (expected {expected})")]
    UnsupportedVersion { found: u8, expected: u8 },
    /// The payload could not be decoded.
    #[error("corrupt search index: {0}")]
    Corrupt(String),
}
