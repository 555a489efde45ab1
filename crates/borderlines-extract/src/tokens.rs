//! One block of text as extraction reads it: its tokens and sentences
//! (core's one tokenizer, `borderlines_core::tokenize`) and a lowercase
//! copy, so that every extractor reads the same words at the same offsets
//! as search does.

pub use borderlines_core::tokenize::TokKind;
use borderlines_core::tokenize::{sentences, tokens, Sentence, Token};

/// One block, tokenized and split into sentences: what every extractor reads.
#[derive(Debug, Clone)]
pub struct Tokenized<'a> {
    pub text: &'a str,
    /// `text` with ASCII letters lowercased: same byte offsets, so every
    /// token's lowercase form is a slice, not an allocation.
    pub lower: String,
    pub toks: Vec<Token>,
    pub sents: Vec<Sentence>,
}

impl<'a> Tokenized<'a> {
    pub fn new(text: &'a str) -> Self {
        let toks = tokens(text);
        let sents = sentences(text, &toks);
        Self {
            text,
            lower: text.to_ascii_lowercase(),
            toks,
            sents,
        }
    }

    /// Token `i` with ASCII letters lowercased ("" when out of range).
    pub fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    /// The text of token `i` ("" when out of range).
    pub fn tok(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// The index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> Option<usize> {
        let idx = self.sents.partition_point(|s| s.tok_end <= i);
        (idx < self.sents.len()).then_some(idx)
    }
}
