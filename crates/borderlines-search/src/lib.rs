//! Full-text search for Borderlines, pure Rust: it runs natively, at build
//! time (the app's `build.rs` serializes the index of the embedded corpus)
//! and in the browser as wasm (loading that index, or indexing documents the
//! user adds).
//!
//! Pipeline: [`tokenize`] (UAX #29 words, folding, hyphen compounds, CJK
//! bigrams) → [`analyze`] (possessives, Snowball stems, Hangul particles) →
//! [`index`] (fst dictionaries + delta/varint [`postings`] with positions) →
//! [`query`] (forgiving parser) → [`plan`] (words resolved to terms,
//! prefixes, [`fuzzy`] neighbours) → [`eval`] (BM25 per field, boolean
//! structure) → [`search`] (ranking, typo fallback, [`snippet`]s,
//! explanations); [`highlight`] marks matches in any text; [`rank`] holds
//! the tunable parameters.
//!
//! ```
//! use borderlines_search::{Query, SearchIndex, SearchOptions};
//! let doc = borderlines_core::parse_document("a", "China Fortifies Its Border\nNew fences and border guards line the Tumen River.").unwrap();
//! let corpus = borderlines_core::Corpus { documents: vec![doc] };
//! let index = SearchIndex::from_bytes(&SearchIndex::build(&corpus).to_bytes()).unwrap();
//! let results = index.search(&corpus, &Query::parse("\"border guard\" fortif*"), &SearchOptions::default());
//! assert_eq!(results.total, 1);
//! assert_eq!(results.understood, "\"border guard\" fortif*");
//! ```
//!
//! Nothing here panics on input, and the only fallible operation, loading
//! a serialized index, returns [`SearchError`].

pub mod analyze;
pub mod error;
pub mod eval;
pub mod fold;
mod fst_checksum;
pub mod fuzzy;
pub mod highlight;
pub mod index;
pub mod index_decoder;
pub mod plan;
pub mod postings;
pub mod query;
pub mod rank;
mod recent_terms;
pub mod search;
/// Scripts read apart (Hangul; Han and Kana): core's, shared with extraction.
pub use borderlines_core::scripts;
pub mod snippet;
pub mod tokenize;
pub mod vectors;

pub use error::SearchError;
pub use highlight::Highlighter;
pub use index::SearchIndex;
pub use plan::{FieldResolver, NoFields};
pub use query::{Field, Node, Query, TermKind};
pub use rank::RankingParams;
pub use search::{
    Explanation, FieldExplanation, Hit, SearchOptions, SearchResults, TermExplanation,
};
pub use snippet::Snippet;
