//! One versioned snapshot of an engine: the corpus, its search index and its
//! insights in a single byte string. The build script writes it for the
//! seeds and the page reads it at startup; the loading worker hands the page
//! its new corpus in this form, and IndexedDB and "save as page" keep it.
//!
//! Layout (version 2): the magic `BLSN`, a little-endian `u32` format
//! version, then a postcard table of parts, each a byte string with its
//! Adler-32 checksum:
//! - the corpus in chunks of consecutive documents (each a
//!   [`CorpusBundle`], with its own version);
//! - the search index;
//! - the insights in chunks over the same documents, then the claims (each
//!   a [`CorpusInsights`], with its own version).
//!
//! The chunks let [`SnapshotOpener`] open a large corpus a slice at a time,
//! so the page never stops answering for long (14,000 documents are a
//! 64 MB snapshot); the checksums make damage (a truncated download, a
//! flipped byte in storage) a clear error rather than a wrong corpus.

use std::borrow::Cow;
use std::ops::Range;

use borderlines_core::{Corpus, CorpusBundle, Document};
use borderlines_extract::{Claim, CorpusInsights, DocumentInsights, SCHEMA_VERSION};
use borderlines_search::index_decoder::IndexDecoder;
use borderlines_search::SearchIndex;
use serde::{Deserialize, Serialize};

use crate::engine::Engine;
use crate::error::EngineError;
use crate::facets::FacetIndexBuilder;

const MAGIC: &[u8; 4] = b"BLSN";
/// Bumped whenever the snapshot's layout changes.
pub const SNAPSHOT_VERSION: u32 = 2;
/// A corpus chunk closes after this many words (about 1.2 MB of text), so
/// one slice of opening stays a few milliseconds.
const CHUNK_WORDS: u64 = 200_000;
/// …or after this many documents.
const CHUNK_DOCS: usize = 512;

/// Adler-32 of `bytes`: any damage of a few bytes changes it.
fn checksum(bytes: &[u8]) -> u32 {
    adler2::adler32_slice(bytes)
}

/// One part as written: its checksum and bytes.
#[derive(Serialize, Deserialize)]
struct Part<'a> {
    sum: u32,
    #[serde(borrow, with = "serde_bytes")]
    bytes: &'a [u8],
}

impl<'a> Part<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self {
            sum: checksum(bytes),
            bytes,
        }
    }
}

/// The table of parts as written.
#[derive(Serialize, Deserialize)]
struct Table<'a> {
    documents: u64,
    #[serde(borrow)]
    corpus: Vec<Part<'a>>,
    #[serde(borrow)]
    index: Part<'a>,
    /// Same chunks of documents as `corpus`, then one part of claims.
    #[serde(borrow)]
    insights: Vec<Part<'a>>,
}

/// Document ranges of the chunks: consecutive, each closed by
/// [`CHUNK_WORDS`] or [`CHUNK_DOCS`].
fn chunks(documents: &[Document]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut words) = (0, 0u64);
    for (i, d) in documents.iter().enumerate() {
        words += u64::from(d.word_count);
        if words >= CHUNK_WORDS || i + 1 - start >= CHUNK_DOCS {
            out.push(start..i + 1);
            (start, words) = (i + 1, 0);
        }
    }
    if start < documents.len() {
        out.push(start..documents.len());
    }
    out
}

/// Writes the three parts as one snapshot.
pub fn write(
    corpus: &Corpus,
    index: &SearchIndex,
    insights: &CorpusInsights,
) -> Result<Vec<u8>, EngineError> {
    let damaged = |e: &dyn std::fmt::Display| EngineError::Damaged(e.to_string());
    if insights.documents.len() != corpus.documents.len() {
        return Err(EngineError::Inconsistent(format!(
            "{} documents, {} extracted",
            corpus.documents.len(),
            insights.documents.len()
        )));
    }
    let ranges = chunks(&corpus.documents);
    let corpus_bytes = ranges
        .iter()
        .map(|r| CorpusBundle::encode_documents(&corpus.documents[r.clone()]))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| damaged(&e))?;
    let index_bytes = index.to_bytes();
    let mut insight_bytes = ranges
        .iter()
        .map(|r| CorpusInsights::encode_parts(&insights.documents[r.clone()], &[]))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| damaged(&e))?;
    insight_bytes
        .push(CorpusInsights::encode_parts(&[], &insights.claims).map_err(|e| damaged(&e))?);
    let table = Table {
        documents: corpus.documents.len() as u64,
        corpus: corpus_bytes.iter().map(|b| Part::new(b)).collect(),
        index: Part::new(&index_bytes),
        insights: insight_bytes.iter().map(|b| Part::new(b)).collect(),
    };
    let body = postcard::to_allocvec(&table).map_err(|e| damaged(&e))?;
    let mut out = Vec::with_capacity(body.len() + 8);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&SNAPSHOT_VERSION.to_le_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}

/// Where a part lies in the snapshot's bytes, and its checksum.
#[derive(Debug, Clone)]
struct PartAt {
    range: Range<usize>,
    sum: u32,
}

/// What the next [`SnapshotOpener::step`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Corpus(usize),
    /// The index part's checksum.
    IndexSum,
    /// The index, a slice at a time (see `IndexDecoder`).
    Index,
    Insights(usize),
    Finish,
    Done,
}

/// Opens a snapshot a slice at a time: each [`step`](Self::step) decodes
/// one part (a chunk of documents, the index, a chunk of insights with its
/// facet values) and checks its checksum, so the page can open a large
/// corpus between frames. [`Engine::from_snapshot`] runs every step at once.
///
/// ```
/// # use borderlines_engine::{Engine, snapshot::SnapshotOpener};
/// let engine = Engine::from_texts([("a", "Seoul said the fence is 489 km long.")]).unwrap();
/// let mut opener = SnapshotOpener::new(engine.to_snapshot().unwrap()).unwrap();
/// let opened = loop {
///     if let Some(e) = opener.step().unwrap() {
///         break e;
///     }
///     let (done, total) = opener.progress();
///     assert!(done < total);
/// };
/// assert_eq!(opened.corpus().documents.len(), 1);
/// ```
pub struct SnapshotOpener<'a> {
    /// Borrowed for the embedded seeds, owned for a worker's buffer.
    bytes: Cow<'a, [u8]>,
    documents: usize,
    corpus_parts: Vec<PartAt>,
    index_part: PartAt,
    insight_parts: Vec<PartAt>,
    stage: Stage,
    corpus: Vec<Document>,
    index: Option<SearchIndex>,
    index_decoder: IndexDecoder,
    insights: Vec<DocumentInsights>,
    claims: Vec<Claim>,
    facets: FacetIndexBuilder,
}

impl<'a> SnapshotOpener<'a> {
    /// Checks the header and reads the table of parts (no part is decoded
    /// yet, and nothing is copied).
    pub fn new(bytes: impl Into<Cow<'a, [u8]>>) -> Result<Self, EngineError> {
        // One concrete type, not a generic: each instance of this code
        // costs the page kilobytes.
        let bytes: Cow<'a, [u8]> = bytes.into();
        let all: &[u8] = &bytes;
        let Some(rest) = all.strip_prefix(MAGIC.as_slice()) else {
            return Err(EngineError::NotASnapshot);
        };
        let Some((version, body)) = rest.split_first_chunk::<4>() else {
            return Err(EngineError::NotASnapshot);
        };
        let found = u32::from_le_bytes(*version);
        if found != SNAPSHOT_VERSION {
            return Err(EngineError::SnapshotVersion {
                found,
                expected: SNAPSHOT_VERSION,
            });
        }
        let table: Table<'_> =
            postcard::from_bytes(body).map_err(|e| EngineError::Damaged(e.to_string()))?;
        let at = |p: &Part<'_>| {
            // Parts borrow from `all`, so the offset is their distance from its start.
            let start = p.bytes.as_ptr() as usize - all.as_ptr() as usize;
            PartAt {
                range: start..start + p.bytes.len(),
                sum: p.sum,
            }
        };
        let documents = usize::try_from(table.documents)
            .map_err(|_| EngineError::Damaged("too many documents".into()))?;
        if table.insights.len() != table.corpus.len() + 1 {
            return Err(EngineError::Inconsistent(format!(
                "{} corpus chunks, {} insight parts",
                table.corpus.len(),
                table.insights.len()
            )));
        }
        let corpus_parts: Vec<PartAt> = table.corpus.iter().map(at).collect();
        let corpus_parts_empty = corpus_parts.is_empty();
        let index_part = at(&table.index);
        let insight_parts: Vec<PartAt> = table.insights.iter().map(at).collect();
        // Reserve only what the bytes could hold: a damaged count must not
        // make us allocate the moon.
        let reserve = documents.min(all.len() / 8);
        Ok(Self {
            bytes,
            documents,
            corpus_parts,
            index_part,
            insight_parts,
            // An empty corpus has no corpus chunks: start at the index.
            stage: if corpus_parts_empty {
                Stage::IndexSum
            } else {
                Stage::Corpus(0)
            },
            corpus: Vec::with_capacity(reserve),
            index: None,
            index_decoder: IndexDecoder::new(),
            insights: Vec::with_capacity(reserve),
            claims: Vec::new(),
            facets: FacetIndexBuilder::with_capacity(reserve),
        })
    }

    /// Steps done and steps in all.
    pub fn progress(&self) -> (usize, usize) {
        let chunks = self.corpus_parts.len();
        let total = 2 * chunks + 3;
        let done = match self.stage {
            Stage::Corpus(i) => i,
            Stage::IndexSum | Stage::Index => chunks,
            Stage::Insights(i) => chunks + 1 + i,
            Stage::Finish => total - 1,
            Stage::Done => total,
        };
        (done, total)
    }

    /// Documents in the snapshot.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// The bytes of a part, once its checksum matches.
    fn part(&self, part: &PartAt, name: &str) -> Result<&[u8], EngineError> {
        let bytes = self
            .bytes
            .as_ref()
            .get(part.range.clone())
            .ok_or_else(|| EngineError::Damaged(format!("{name}: out of bounds")))?;
        if checksum(bytes) != part.sum {
            return Err(EngineError::Damaged(format!("{name}: checksum mismatch")));
        }
        Ok(bytes)
    }

    /// Decodes the next part; returns the engine after the last one.
    /// After an error or the engine, further steps are errors.
    pub fn step(&mut self) -> Result<Option<Engine>, EngineError> {
        let result = self.advance();
        if result.is_err() {
            self.stage = Stage::Done;
        }
        result
    }

    fn advance(&mut self) -> Result<Option<Engine>, EngineError> {
        let chunks = self.corpus_parts.len();
        match self.stage {
            Stage::Corpus(i) => {
                let name = format!("corpus part {} of {chunks}", i + 1);
                let part = self
                    .corpus_parts
                    .get(i)
                    .cloned()
                    .ok_or_else(|| EngineError::Damaged(format!("{name}: missing")))?;
                let bytes = self.part(&part, &name)?;
                let mut bundle = CorpusBundle::from_bytes(bytes)
                    .map_err(|e| EngineError::Damaged(format!("{name}: {e}")))?;
                self.corpus.append(&mut bundle.corpus.documents);
                self.stage = if i + 1 < chunks {
                    Stage::Corpus(i + 1)
                } else {
                    Stage::IndexSum
                };
            }
            Stage::IndexSum => {
                self.part(&self.index_part, "index")?;
                self.stage = Stage::Index;
            }
            Stage::Index => {
                // Checked by the step before; read a slice of it per step
                // (at once, the index of 14,000 documents was the longest
                // task of opening them in the page).
                let bytes = self
                    .bytes
                    .as_ref()
                    .get(self.index_part.range.clone())
                    .ok_or_else(|| EngineError::Damaged("index: out of bounds".into()))?;
                let read = self
                    .index_decoder
                    .step(bytes)
                    .map_err(|e| EngineError::Damaged(format!("index: {e}")))?;
                if let Some(index) = read {
                    self.index = Some(index);
                    self.stage = Stage::Insights(0);
                }
            }
            Stage::Insights(i) => {
                let name = format!("insights part {} of {}", i + 1, chunks + 1);
                let part = self
                    .insight_parts
                    .get(i)
                    .cloned()
                    .ok_or_else(|| EngineError::Damaged(format!("{name}: missing")))?;
                let bytes = self.part(&part, &name)?;
                let part = CorpusInsights::from_bytes(bytes)
                    .map_err(|e| EngineError::Damaged(format!("{name}: {e}")))?;
                for doc in &part.documents {
                    self.facets.add(doc);
                }
                self.insights.extend(part.documents);
                self.claims.extend(part.claims);
                self.stage = if i < chunks {
                    Stage::Insights(i + 1)
                } else {
                    Stage::Finish
                };
            }
            Stage::Finish => {
                self.stage = Stage::Done;
                return self.finish_engine().map(Some);
            }
            Stage::Done => {
                return Err(EngineError::Damaged(
                    "the snapshot is already opened".into(),
                ));
            }
        }
        Ok(None)
    }

    /// Checks that the parts agree, then pairs them into an engine.
    fn finish_engine(&mut self) -> Result<Engine, EngineError> {
        let corpus = std::mem::take(&mut self.corpus);
        let index = self
            .index
            .take()
            .ok_or_else(|| EngineError::Damaged("no index".into()))?;
        let documents = std::mem::take(&mut self.insights);
        if corpus.len() != self.documents
            || index.len() != corpus.len()
            || documents.len() != corpus.len()
        {
            return Err(EngineError::Inconsistent(format!(
                "{} documents announced, {} stored, {} indexed, {} extracted",
                self.documents,
                corpus.len(),
                index.len(),
                documents.len()
            )));
        }
        if let Some((d, _)) = corpus
            .iter()
            .zip(&documents)
            .find(|(d, i)| d.id != i.doc_id)
        {
            return Err(EngineError::Inconsistent(format!(
                "insights out of order at {}",
                d.id
            )));
        }
        let insights = CorpusInsights {
            schema_version: SCHEMA_VERSION,
            documents,
            claims: std::mem::take(&mut self.claims),
        };
        let facets = std::mem::take(&mut self.facets).finish();
        Ok(Engine::from_parts(
            std::sync::Arc::new(Corpus { documents: corpus }),
            index,
            insights,
            facets,
        ))
    }

    /// The snapshot's documents alone, for building the engine again when
    /// its other parts cannot be opened (damaged in storage, or written by
    /// another version of the index or insights formats): only the corpus
    /// parts are decoded and checked.
    pub fn into_documents(mut self) -> Result<Vec<Document>, EngineError> {
        while matches!(self.stage, Stage::Corpus(_)) {
            self.step()?;
        }
        if self.corpus.len() != self.documents {
            return Err(EngineError::Inconsistent(format!(
                "{} documents announced, {} stored",
                self.documents,
                self.corpus.len()
            )));
        }
        Ok(std::mem::take(&mut self.corpus))
    }

    /// Runs every remaining step.
    pub fn finish(mut self) -> Result<Engine, EngineError> {
        loop {
            if let Some(engine) = self.step()? {
                return Ok(engine);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small_engine() -> Engine {
        Engine::from_texts([
            ("a", "Seoul said the fence along the Yalu is 489 km long."),
            (
                "b",
                "Smugglers crossed the Tumen River near Hoeryong in 2019.",
            ),
            ("c", "Only 67 defectors reached South Korea in 2020."),
        ])
        .unwrap()
    }

    /// A snapshot whose index or insights are damaged still gives back its
    /// documents, so the engine can be built again; damage in the documents
    /// themselves is an error.
    #[test]
    fn documents_are_recovered_when_only_the_index_or_insights_are_damaged() {
        let engine = small_engine();
        let bytes = engine.to_snapshot().unwrap();
        let index_at = {
            let opener = SnapshotOpener::new(bytes.as_slice()).unwrap();
            opener.index_part.range.clone()
        };
        let mut damaged = bytes.clone();
        damaged[index_at.start + index_at.len() / 2] ^= 0xff;
        assert!(Engine::from_snapshot(&damaged).is_err());
        let documents = SnapshotOpener::new(damaged)
            .unwrap()
            .into_documents()
            .unwrap();
        assert_eq!(&documents, &engine.corpus().documents);
        let last = bytes.len() - 3;
        let mut damaged = bytes.clone();
        damaged[last] ^= 0xff;
        assert!(Engine::from_snapshot(&damaged).is_err());
        assert_eq!(
            SnapshotOpener::new(damaged)
                .unwrap()
                .into_documents()
                .unwrap()
                .len(),
            engine.corpus().documents.len()
        );
        let corpus_at = SnapshotOpener::new(bytes.as_slice()).unwrap().corpus_parts[0]
            .range
            .clone();
        let mut damaged = bytes;
        damaged[corpus_at.start + 4] ^= 0xff;
        assert!(SnapshotOpener::new(damaged)
            .unwrap()
            .into_documents()
            .is_err());
    }

    #[test]
    fn a_large_corpus_opens_in_chunks_and_equals_the_built_engine() {
        let texts: Vec<(String, String)> = (0..1_100)
            .map(|i| {
                (
                    format!("d{i}"),
                    format!("Report {i}: guards at the Yalu fence counted {i} crossings."),
                )
            })
            .collect();
        let built = Engine::from_texts(texts).unwrap();
        let mut opener = SnapshotOpener::new(built.to_snapshot().unwrap()).unwrap();
        assert_eq!(opener.documents(), 1_100);
        let (_, total) = opener.progress();
        assert_eq!(
            total,
            2 * 3 + 3,
            "1,100 documents are three chunks of ≤ 512"
        );
        let mut steps = 1;
        let opened = loop {
            let before = opener.progress().0;
            if let Some(e) = opener.step().unwrap() {
                break e;
            }
            // The index's checksum and its reading slices count as one
            // step of the progress; every other step advances it by one.
            let after = opener.progress().0;
            assert!(after == before || after == before + 1);
            steps += 1;
        };
        assert!(steps >= total, "{steps} steps, {total} in the progress");
        assert_eq!(opener.progress().0, total);
        assert_eq!(opened.corpus().documents, built.corpus().documents);
        assert_eq!(
            opened.select("crossings", 3).docs(),
            built.select("crossings", 3).docs()
        );
        assert_eq!(
            format!("{:?}", opened.facets()),
            format!("{:?}", built.facets())
        );
        assert!(
            opener.step().is_err(),
            "an opened snapshot cannot be stepped again"
        );
    }

    /// Bug (found by a property test): an empty corpus has no corpus
    /// chunks, and the opener read the first one anyway (index out of bounds).
    #[test]
    fn an_empty_corpus_opens() {
        let empty = Engine::from_texts(Vec::<(String, String)>::new()).unwrap();
        let opened = Engine::from_snapshot(&empty.to_snapshot().unwrap()).unwrap();
        assert!(opened.corpus().documents.is_empty());
    }

    #[test]
    fn every_flipped_byte_is_an_error_never_a_wrong_corpus() {
        let bytes = small_engine().to_snapshot().unwrap();
        for at in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[at] ^= 0x5A;
            assert!(
                Engine::from_snapshot(&bad).is_err(),
                "a flipped byte at {at} of {} opened",
                bytes.len()
            );
        }
    }

    #[test]
    fn every_truncation_is_an_error() {
        let bytes = small_engine().to_snapshot().unwrap();
        for len in 0..bytes.len() {
            assert!(
                Engine::from_snapshot(&bytes[..len]).is_err(),
                "cut at {len}"
            );
        }
    }

    #[test]
    fn damage_in_a_part_names_the_part() {
        let bytes = small_engine().to_snapshot().unwrap();
        let mut bad = bytes.clone();
        let last = bad.len() - 3; // inside the claims part
        bad[last] ^= 1;
        let err = Engine::from_snapshot(&bad).unwrap_err().to_string();
        assert!(err.contains("checksum mismatch"), "{err}");
        assert!(err.contains("insights part"), "{err}");
    }

    #[test]
    fn an_older_snapshot_is_refused_with_its_version() {
        let mut old = small_engine().to_snapshot().unwrap();
        old[4..8].copy_from_slice(&1u32.to_le_bytes());
        assert_eq!(
            Engine::from_snapshot(&old).unwrap_err(),
            EngineError::SnapshotVersion {
                found: 1,
                expected: SNAPSHOT_VERSION
            }
        );
    }
}
