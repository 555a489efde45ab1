//! One versioned snapshot of an engine: the corpus, its search index and its
//! insights in a single byte string. The build script writes it for the
//! seeds and the page reads it at startup; the worker, IndexedDB and "save
//! as page" will move engines around in the same form.
//!
//! Layout: the magic `BLSN`, a little-endian `u32` format version, then a
//! postcard record of three byte strings (corpus bundle, index, insights),
//! each with its own version and checks. The parts stay separate byte
//! strings so a later version can split them into chunks.

use borderlines_core::{Corpus, CorpusBundle};
use borderlines_extract::CorpusInsights;
use borderlines_search::SearchIndex;
use serde::{Deserialize, Serialize};

use crate::error::EngineError;

const MAGIC: &[u8; 4] = b"BLSN";
/// Bumped whenever the snapshot's layout changes.
pub const SNAPSHOT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Parts {
    #[serde(with = "serde_bytes")]
    corpus: Vec<u8>,
    #[serde(with = "serde_bytes")]
    index: Vec<u8>,
    #[serde(with = "serde_bytes")]
    insights: Vec<u8>,
}

/// Writes the three parts as one snapshot.
pub fn write(
    corpus: &Corpus,
    index: &SearchIndex,
    insights: &CorpusInsights,
) -> Result<Vec<u8>, EngineError> {
    let parts = Parts {
        corpus: CorpusBundle::new(corpus.clone())
            .to_bytes()
            .map_err(|e| EngineError::Damaged(e.to_string()))?,
        index: index.to_bytes(),
        insights: insights
            .to_bytes()
            .map_err(|e| EngineError::Damaged(e.to_string()))?,
    };
    let mut out =
        Vec::with_capacity(parts.corpus.len() + parts.index.len() + parts.insights.len() + 16);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&SNAPSHOT_VERSION.to_le_bytes());
    let body = postcard::to_allocvec(&parts).map_err(|e| EngineError::Damaged(e.to_string()))?;
    out.extend_from_slice(&body);
    Ok(out)
}

/// Reads a snapshot written by [`write`]. Every part is checked; the
/// insights must describe the corpus' documents in order.
pub fn read(bytes: &[u8]) -> Result<(Corpus, SearchIndex, CorpusInsights), EngineError> {
    let Some(rest) = bytes.strip_prefix(MAGIC.as_slice()) else {
        return Err(EngineError::NotASnapshot);
    };
    let (version, body) = rest.split_at_checked(4).ok_or(EngineError::NotASnapshot)?;
    let found = u32::from_le_bytes(version.try_into().map_err(|_| EngineError::NotASnapshot)?);
    if found != SNAPSHOT_VERSION {
        return Err(EngineError::SnapshotVersion {
            found,
            expected: SNAPSHOT_VERSION,
        });
    }
    let parts: Parts =
        postcard::from_bytes(body).map_err(|e| EngineError::Damaged(e.to_string()))?;
    let corpus = CorpusBundle::from_bytes(&parts.corpus)
        .map_err(|e| EngineError::Damaged(format!("corpus: {e}")))?
        .corpus;
    let index = SearchIndex::from_bytes(&parts.index)
        .map_err(|e| EngineError::Damaged(format!("index: {e}")))?;
    let insights = CorpusInsights::from_bytes(&parts.insights)
        .map_err(|e| EngineError::Damaged(format!("insights: {e}")))?;
    if index.len() != corpus.documents.len() || insights.documents.len() != corpus.documents.len() {
        return Err(EngineError::Inconsistent(format!(
            "{} documents, {} indexed, {} extracted",
            corpus.documents.len(),
            index.len(),
            insights.documents.len()
        )));
    }
    if let Some((d, _)) = corpus
        .documents
        .iter()
        .zip(&insights.documents)
        .find(|(d, i)| d.id != i.doc_id)
    {
        return Err(EngineError::Inconsistent(format!(
            "insights out of order at {}",
            d.id
        )));
    }
    Ok((corpus, index, insights))
}
