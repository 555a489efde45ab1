//! Errors the engine returns instead of panicking.

use thiserror::Error;

/// Why a snapshot could not be opened or written.
#[derive(Debug, Error, PartialEq)]
pub enum EngineError {
    #[error("this is not a Borderlines snapshot")]
    NotASnapshot,
    #[error("snapshot format {found} is not the one this page reads ({expected})")]
    SnapshotVersion { found: u32, expected: u32 },
    #[error("the snapshot is damaged: {0}")]
    Damaged(String),
    #[error("the snapshot's parts disagree: {0}")]
    Inconsistent(String),
}
