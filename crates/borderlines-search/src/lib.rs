//! Full-text search for Borderlines, pure Rust (runs natively, at build
//! time and in the browser as wasm).
pub mod analyze;
pub mod error;
pub mod fold;
pub mod index;
pub mod postings;
pub mod query;
pub mod tokenize;

pub use error::SearchError;
pub use index::SearchIndex;
pub use query::{Field, Node, Query, TermKind};
