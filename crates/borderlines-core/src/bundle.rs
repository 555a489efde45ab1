//! The corpus bundle: the compact binary form in which a parsed corpus is
//! embedded in the page (postcard: varints, no field names), led by a format
//! version so that a stale or foreign bundle fails with a clear error.

use serde::{Deserialize, Serialize};

use crate::document::{Corpus, Document};
use crate::Error;

/// Bumped whenever the serialized layout of [`Corpus`] changes.
///
/// - 1: id, title, title source, byline, blocks, counts.
/// - 2: the metadata a document's file states ([`crate::FileMetadata`])
///   and titles stated by the file.
pub const FORMAT_VERSION: u32 = 2;

/// A versioned, serialisable corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusBundle {
    pub version: u32,
    pub corpus: Corpus,
}

impl CorpusBundle {
    /// Wraps a corpus with the current format version.
    pub fn new(corpus: Corpus) -> Self {
        Self {
            version: FORMAT_VERSION,
            corpus,
        }
    }

    /// The bytes of a bundle holding `documents`, without copying them
    /// into a [`Corpus`] first: the snapshot writes its corpus in chunks.
    /// [`CorpusBundle::from_bytes`] reads them.
    pub fn encode_documents(documents: &[Document]) -> Result<Vec<u8>, Error> {
        // Same postcard layout as `CorpusBundle { version, corpus: Corpus { documents } }`
        // (a struct is its fields in order; a slice is a Vec).
        postcard::to_allocvec(&(FORMAT_VERSION, documents))
            .map_err(|e| Error::BadBundle(e.to_string()))
    }

    /// Serialises to postcard bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>, Error> {
        postcard::to_allocvec(self).map_err(|e| Error::BadBundle(e.to_string()))
    }

    /// Reads bytes written by [`CorpusBundle::to_bytes`], checking the version first.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let (found, _) =
            postcard::take_from_bytes::<u32>(bytes).map_err(|e| Error::BadBundle(e.to_string()))?;
        if found != FORMAT_VERSION {
            return Err(Error::BundleVersion {
                found,
                expected: FORMAT_VERSION,
            });
        }
        postcard::from_bytes(bytes).map_err(|e| Error::BadBundle(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_document;

    #[test]
    fn round_trips_and_rejects_damage() {
        let doc = parse_document(
            "a",
            "A Headline Here\nSome body text that is long enough to be a paragraph.",
        )
        .unwrap();
        let bundle = CorpusBundle::new(Corpus {
            documents: vec![doc],
        });
        let bytes = bundle.to_bytes().unwrap();
        assert_eq!(CorpusBundle::from_bytes(&bytes).unwrap(), bundle);
        assert!(matches!(
            CorpusBundle::from_bytes(&bytes[..bytes.len() / 2]),
            Err(Error::BadBundle(_))
        ));
        assert!(matches!(
            CorpusBundle::from_bytes(&[]),
            Err(Error::BadBundle(_))
        ));
        // A version 1 bundle (before file metadata): refused by its
        // version, never misread as the new layout.
        let mut v1 = postcard::to_allocvec(&1u32).unwrap();
        v1.extend_from_slice(&bytes[1..]);
        assert_eq!(
            CorpusBundle::from_bytes(&v1),
            Err(Error::BundleVersion {
                found: 1,
                expected: FORMAT_VERSION
            })
        );
        assert_eq!(
            Error::BundleVersion {
                found: 1,
                expected: 2
            }
            .to_string(),
            "the corpus bundle has format version 1, this build reads version 2"
        );
        assert_eq!(
            CorpusBundle::from_bytes(&[7, 0]),
            Err(Error::BundleVersion {
                found: 7,
                expected: FORMAT_VERSION
            })
        );
    }
}
