//! The one tokenizer: what a word is, where it lies, and where sentences
//! end — shared by search, extraction, titles and label matching, so that
//! words, sentences and offsets agree everywhere.
//!
//! Layers, each built on the one before:
//! - [`bounds`]: word boundaries by Unicode word segmentation (UAX #29),
//!   with an ASCII fast path; search's tokenizer folds these pieces;
//! - [`tokens`](mod@tokens): extraction's tokens, the same pieces with
//!   possessives split off and dotted initials kept whole;
//! - [`sentences`](mod@sentences): sentence ends over those tokens,
//!   abbreviation-aware; derived titles use [`first_sentence`].
//!
//! Byte offsets always point into the text given, on char boundaries.

pub mod bounds;
pub mod sentences;
pub mod tokens;

pub use bounds::{is_word, word_bounds, words, WordBounds};
pub use sentences::{first_sentence, sentences, Sentence, MAX_SENTENCE_TOKENS};
pub use tokens::{tokens, TokKind, Token};
