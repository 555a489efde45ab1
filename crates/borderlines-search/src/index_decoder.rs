//! Reading a stored index a slice at a time, so that a page can open the
//! index of a large corpus between frames.
//!
//! The bytes are those of [`SearchIndex::to_bytes`]: a magic number, a
//! format version, then the postcard encoding of the stored index (its two
//! dictionaries as byte strings, the term table, the posting bytes, the
//! per-document layout and the field totals, in that order). Postcard
//! writes a sequence as its length and then its elements, so the term
//! table and the documents' layouts can be read a batch at a time with
//! `take_from_bytes`. [`SearchIndex::from_bytes`] runs every step at once:
//! there is one reader.
//!
//! ```
//! use borderlines_search::{index_decoder::IndexDecoder, SearchIndex};
//! let doc = borderlines_core::parse_document("a", "Fences\nNew fences rise.").unwrap();
//! let corpus = borderlines_core::Corpus { documents: vec![doc] };
//! let bytes = SearchIndex::build(&corpus).to_bytes();
//! let mut decoder = IndexDecoder::new();
//! let index = loop {
//!     if let Some(index) = decoder.step(&bytes).unwrap() {
//!         break index;
//!     }
//! };
//! assert_eq!(index.len(), 1);
//! ```

use serde::Deserialize;

use crate::index::{DocInfo, Stored, TermInfo, FORMAT_VERSION, MAGIC};
use crate::{SearchError, SearchIndex};

/// Terms read per step: about 10 ms in the page.
const TERMS_PER_STEP: usize = 40_000;
/// Documents' layouts read per step (each carries its resumption points).
const DOCS_PER_STEP: usize = 2_000;
/// The smallest encoding of one term-table entry (five varints).
const MIN_TERM_BYTES: usize = 5;
/// The smallest encoding of one document's layout.
const MIN_DOC_BYTES: usize = 8;

/// What the next step reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Header,
    Terms,
    Postings,
    Docs,
    Done,
}

/// Reads an index a step at a time; see the module docs.
pub struct IndexDecoder {
    /// Where the next step reads, in the bytes given to every step.
    at: usize,
    stage: Stage,
    keys: Vec<u8>,
    surfaces: Vec<u8>,
    terms: Vec<TermInfo>,
    terms_left: usize,
    doc_bytes: Vec<u8>,
    pos_bytes: Vec<u8>,
    docs: Vec<DocInfo>,
    docs_left: usize,
}

impl Default for IndexDecoder {
    fn default() -> Self {
        Self::new()
    }
}

impl IndexDecoder {
    pub fn new() -> Self {
        Self {
            at: 0,
            stage: Stage::Header,
            keys: Vec::new(),
            surfaces: Vec::new(),
            terms: Vec::new(),
            terms_left: 0,
            doc_bytes: Vec::new(),
            pos_bytes: Vec::new(),
            docs: Vec::new(),
            docs_left: 0,
        }
    }

    /// Reads the next slice of `bytes` (the same bytes at every step);
    /// returns the index after the last. After an error or the index,
    /// further steps are errors.
    pub fn step(&mut self, bytes: &[u8]) -> Result<Option<SearchIndex>, SearchError> {
        let result = self.advance(bytes);
        if result.is_err() {
            self.stage = Stage::Done;
        }
        result
    }

    fn advance(&mut self, bytes: &[u8]) -> Result<Option<SearchIndex>, SearchError> {
        match self.stage {
            Stage::Header => {
                let rest = bytes.strip_prefix(MAGIC).ok_or(SearchError::BadMagic)?;
                let (&version, _) = rest.split_first().ok_or(SearchError::BadMagic)?;
                if version != FORMAT_VERSION {
                    return Err(SearchError::UnsupportedVersion {
                        found: version,
                        expected: FORMAT_VERSION,
                    });
                }
                self.at = MAGIC.len() + 1;
                self.keys = self.take::<&[u8]>(bytes)?.to_vec();
                self.surfaces = self.take::<&[u8]>(bytes)?.to_vec();
                self.terms_left = self.take_len(bytes, MIN_TERM_BYTES)?;
                self.terms = Vec::with_capacity(self.terms_left);
                self.stage = Stage::Terms;
            }
            Stage::Terms => {
                let batch = self.terms_left.min(TERMS_PER_STEP);
                for _ in 0..batch {
                    let term = self.take::<TermInfo>(bytes)?;
                    self.terms.push(term);
                }
                self.terms_left -= batch;
                if self.terms_left == 0 {
                    self.stage = Stage::Postings;
                }
            }
            Stage::Postings => {
                self.doc_bytes = self.take::<&[u8]>(bytes)?.to_vec();
                self.pos_bytes = self.take::<&[u8]>(bytes)?.to_vec();
                self.docs_left = self.take_len(bytes, MIN_DOC_BYTES)?;
                self.docs = Vec::with_capacity(self.docs_left);
                self.stage = Stage::Docs;
            }
            Stage::Docs => {
                let batch = self.docs_left.min(DOCS_PER_STEP);
                for _ in 0..batch {
                    let doc = self.take::<DocInfo>(bytes)?;
                    self.docs.push(doc);
                }
                self.docs_left -= batch;
                if self.docs_left == 0 {
                    let total_len = self.take::<[u64; 3]>(bytes)?;
                    self.stage = Stage::Done;
                    let stored = Stored {
                        keys: std::mem::take(&mut self.keys),
                        surfaces: std::mem::take(&mut self.surfaces),
                        terms: std::mem::take(&mut self.terms),
                        doc_bytes: std::mem::take(&mut self.doc_bytes),
                        pos_bytes: std::mem::take(&mut self.pos_bytes),
                        docs: std::mem::take(&mut self.docs),
                        total_len,
                    };
                    return SearchIndex::from_stored(stored).map(Some);
                }
            }
            Stage::Done => {
                return Err(SearchError::Corrupt("the index is already read".into()));
            }
        }
        Ok(None)
    }

    /// Reads one value at the current place.
    fn take<'b, T: Deserialize<'b>>(&mut self, bytes: &'b [u8]) -> Result<T, SearchError> {
        let from = bytes
            .get(self.at..)
            .ok_or_else(|| SearchError::Corrupt("the index ends early".into()))?;
        let (value, rest) = postcard::take_from_bytes::<T>(from)
            .map_err(|e| SearchError::Corrupt(e.to_string()))?;
        self.at = bytes.len() - rest.len();
        Ok(value)
    }

    /// Reads a sequence's length, refused when the bytes left could not
    /// hold that many entries of at least `min_bytes` each (a damaged
    /// length must not make us reserve the moon).
    fn take_len(&mut self, bytes: &[u8], min_bytes: usize) -> Result<usize, SearchError> {
        let len = usize::try_from(self.take::<u64>(bytes)?)
            .map_err(|_| SearchError::Corrupt("a length is too large".into()))?;
        let left = bytes.len().saturating_sub(self.at);
        if len > left / min_bytes {
            return Err(SearchError::Corrupt(
                "a length is larger than the bytes left".into(),
            ));
        }
        Ok(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes() -> Vec<u8> {
        let docs = (0..50)
            .map(|i| {
                borderlines_core::parse_document(
                    &format!("d{i}"),
                    &format!("Fence {i}\nGuards counted {i} crossings at the Yalu border fence."),
                )
                .unwrap()
            })
            .collect();
        SearchIndex::build(&borderlines_core::Corpus { documents: docs }).to_bytes()
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        let all = bytes();
        for cut in 0..all.len() {
            assert!(
                SearchIndex::from_bytes(&all[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        assert_eq!(SearchIndex::from_bytes(&all).unwrap().len(), 50);
    }

    #[test]
    fn a_damaged_length_is_refused_before_anything_is_reserved() {
        // The term table's length, made enormous: the bytes left could not hold it.
        let mut all = bytes();
        let mut d = IndexDecoder::new();
        d.at = MAGIC.len() + 1;
        d.take::<&[u8]>(&all).unwrap();
        d.take::<&[u8]>(&all).unwrap();
        let at = d.at;
        all.splice(at..at + 1, [0xff, 0xff, 0xff, 0xff, 0x0f]);
        let err = SearchIndex::from_bytes(&all).unwrap_err();
        assert!(
            err.to_string().contains("larger than the bytes left"),
            "{err}"
        );
    }
}
