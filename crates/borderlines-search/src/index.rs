//! The inverted index: two term dictionaries stored as finite state
//! transducers (index keys → term id, and surface forms → term id, the
//! latter for prefix and fuzzy matching) and per-term posting lists (see
//! [`crate::postings`]), plus per-document field lengths and block starts.
//!
//! Positions: a document's tokens share one position space — title first,
//! then byline, then the body blocks in order — with one unused position
//! between fields and between blocks, so a phrase never spans two of them.
//! The block of a body position is found by binary search in
//! [`DocInfo::blocks`].
//!
//! ```
//! use borderlines_search::SearchIndex;
//! let doc = borderlines_core::parse_document("a", "Walls Rise on the Yalu\nNew fences were built along the river this year.").unwrap();
//! let corpus = borderlines_core::Corpus { documents: vec![doc] };
//! let index = SearchIndex::build(&corpus);
//! let bytes = index.to_bytes();
//! let again = SearchIndex::from_bytes(&bytes).unwrap();
//! assert_eq!(again.len(), 1);
//! ```

use borderlines_core::{Corpus, Document};
use fst::{Map, MapBuilder, Streamer};
use serde::{Deserialize, Serialize};

use crate::analyze::Analyzer;
use crate::postings::{push_posting, read_positions, PostingIter};
use crate::recent_terms::RecentTerms;
use crate::tokenize::{tokenize, TokenKind};
use crate::SearchError;
use rustc_hash::FxHashMap;

/// Field numbers used throughout: title, byline, body.
pub const TITLE: usize = 0;
pub const BYLINE: usize = 1;
pub const BODY: usize = 2;

pub(crate) const MAGIC: &[u8; 4] = b"BLSI";
pub(crate) const FORMAT_VERSION: u8 = 2;

/// Where a term's postings live.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct TermInfo {
    doc_off: u32,
    doc_len: u32,
    pos_off: u32,
    /// Number of documents containing the term.
    pub df: u32,
    last_doc: u32,
}

/// Per-document layout of the position space.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DocInfo {
    /// First position of title, byline and body.
    pub starts: [u32; 3],
    /// Tokens in title, byline and body.
    pub lens: [u32; 3],
    /// First position of each body block.
    pub blocks: Vec<u32>,
    /// Resumption points in the body: (position, byte offset in its block)
    /// of a token that follows whitespace, about every [`SYNC_EVERY`]
    /// tokens, so a snippet can tokenize from near its first match instead
    /// of from the start of a long block.
    pub sync: Vec<(u32, u32)>,
}

/// Tokens between two resumption points ([`DocInfo::sync`]).
pub const SYNC_EVERY: u32 = 16;

impl DocInfo {
    /// The field (0 title, 1 byline, 2 body) of a position.
    pub fn field_of(&self, pos: u32) -> usize {
        if pos < self.starts[1] {
            TITLE
        } else if pos < self.starts[2] {
            BYLINE
        } else {
            BODY
        }
    }

    /// The body block holding a body position.
    pub fn block_of(&self, pos: u32) -> Option<usize> {
        if pos < self.starts[2] {
            return None;
        }
        self.blocks.partition_point(|&s| s <= pos).checked_sub(1)
    }
}

/// A searchable index of a corpus. Build it with [`SearchIndex::build`],
/// store it with [`SearchIndex::to_bytes`], and search it with
/// [`SearchIndex::search`](crate::SearchIndex::search).
pub struct SearchIndex {
    pub(crate) keys: Map<Vec<u8>>,
    pub(crate) surfaces: Map<Vec<u8>>,
    pub(crate) terms: Vec<TermInfo>,
    doc_bytes: Vec<u8>,
    pub(crate) pos_bytes: Vec<u8>,
    pub(crate) docs: Vec<DocInfo>,
    /// Sum of field lengths over all documents (for average lengths).
    total_len: [u64; 3],
    pub(crate) analyzer: Analyzer,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("docs", &self.docs.len())
            .field("terms", &self.terms.len())
            .finish()
    }
}

impl Default for SearchIndex {
    fn default() -> Self {
        Builder::default().finish()
    }
}

impl SearchIndex {
    /// Indexes every document of `corpus`; document `i` of the index is
    /// `corpus.documents[i]`.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        let mut b = Builder::default();
        for d in &corpus.documents {
            b.add(d);
        }
        b.finish()
    }

    /// Appends documents (for texts loaded in the browser after startup);
    /// they get the next document numbers. Costs a rebuild of the
    /// dictionaries and a copy of the postings, not a re-tokenization.
    pub fn extend<'a>(&mut self, docs: impl IntoIterator<Item = &'a Document>) {
        let mut b = Builder::from_index(std::mem::take(self));
        for d in docs {
            b.add(d);
        }
        *self = b.finish();
    }

    /// Number of indexed documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Is the index empty?
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Number of distinct index keys.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Serializes the index (a magic number, a format version, then postcard).
    pub fn to_bytes(&self) -> Vec<u8> {
        let stored = StoredRef {
            keys: self.keys.as_fst().as_bytes(),
            surfaces: self.surfaces.as_fst().as_bytes(),
            terms: &self.terms,
            doc_bytes: &self.doc_bytes,
            pos_bytes: &self.pos_bytes,
            docs: &self.docs,
            total_len: self.total_len,
        };
        let mut out = MAGIC.to_vec();
        out.push(FORMAT_VERSION);
        // Serializing plain vectors and byte strings into memory cannot fail.
        out.extend(postcard::to_allocvec(&stored).unwrap_or_default());
        out
    }

    /// Loads an index written by [`SearchIndex::to_bytes`] (every step of
    /// an [`IndexDecoder`](crate::index_decoder::IndexDecoder) at once).
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex, SearchError> {
        let mut decoder = crate::index_decoder::IndexDecoder::new();
        loop {
            if let Some(index) = decoder.step(bytes)? {
                return Ok(index);
            }
        }
    }

    /// Checks what was read and makes the index of it.
    pub(crate) fn from_stored(s: Stored) -> Result<SearchIndex, SearchError> {
        let keys = Map::new(s.keys).map_err(|e| SearchError::Corrupt(e.to_string()))?;
        let surfaces = Map::new(s.surfaces).map_err(|e| SearchError::Corrupt(e.to_string()))?;
        // fst trusts its input; its checksum catches corrupted dictionaries.
        for m in [&keys, &surfaces] {
            crate::fst_checksum::verify(m.as_fst().as_bytes()).map_err(SearchError::Corrupt)?;
        }
        if keys.len() != s.terms.len() {
            return Err(SearchError::Corrupt(
                "dictionary and term table differ in size".into(),
            ));
        }
        for t in &s.terms {
            let end = u64::from(t.doc_off) + u64::from(t.doc_len);
            if end > s.doc_bytes.len() as u64 || t.pos_off as usize > s.pos_bytes.len() {
                return Err(SearchError::Corrupt("posting offsets out of range".into()));
            }
        }
        Ok(SearchIndex {
            keys,
            surfaces,
            terms: s.terms,
            doc_bytes: s.doc_bytes,
            pos_bytes: s.pos_bytes,
            docs: s.docs,
            total_len: s.total_len,
            analyzer: Analyzer::default(),
        })
    }

    /// The term id of an index key.
    pub(crate) fn term_id(&self, key: &str) -> Option<u32> {
        self.keys
            .get(key)
            .and_then(|v| u32::try_from(v).ok())
            .filter(|&t| (t as usize) < self.terms.len())
    }

    /// Document frequency of a term.
    pub(crate) fn df(&self, term: u32) -> u32 {
        self.terms.get(term as usize).map_or(0, |t| t.df)
    }

    /// The postings of a term, in document order.
    pub(crate) fn postings(&self, term: u32) -> PostingIter<'_> {
        match self.terms.get(term as usize) {
            Some(t) => {
                let start = t.doc_off as usize;
                let bytes = self
                    .doc_bytes
                    .get(start..start + t.doc_len as usize)
                    .unwrap_or(&[]);
                PostingIter::new(bytes, t.pos_off)
            }
            None => PostingIter::new(&[], 0),
        }
    }

    /// Appends the positions of one posting to `out`.
    pub(crate) fn positions(&self, p: &crate::postings::Posting, out: &mut Vec<u32>) {
        read_positions(&self.pos_bytes, p.pos_off, p.total(), out);
    }

    /// Average field lengths (at least 1, to keep BM25 finite).
    pub(crate) fn avg_lens(&self) -> [f32; 3] {
        let n = self.docs.len().max(1) as f64;
        self.total_len.map(|t| ((t as f64 / n) as f32).max(1.0))
    }
}

#[derive(Serialize)]
struct StoredRef<'a> {
    #[serde(with = "serde_bytes")]
    keys: &'a [u8],
    #[serde(with = "serde_bytes")]
    surfaces: &'a [u8],
    terms: &'a [TermInfo],
    #[serde(with = "serde_bytes")]
    doc_bytes: &'a [u8],
    #[serde(with = "serde_bytes")]
    pos_bytes: &'a [u8],
    docs: &'a [DocInfo],
    total_len: [u64; 3],
}

/// The stored index as read back (by [`crate::index_decoder`], which reads
/// [`StoredRef`]'s fields in order).
pub(crate) struct Stored {
    pub(crate) keys: Vec<u8>,
    pub(crate) surfaces: Vec<u8>,
    pub(crate) terms: Vec<TermInfo>,
    pub(crate) doc_bytes: Vec<u8>,
    pub(crate) pos_bytes: Vec<u8>,
    pub(crate) docs: Vec<DocInfo>,
    pub(crate) total_len: [u64; 3],
}

/// A term's postings while building.
#[derive(Default)]
struct TermBuf {
    key: String,
    docs: Vec<u8>,
    pos: Vec<u8>,
    df: u32,
    last_doc: Option<u32>,
}

/// Indexes documents one at a time, then freezes them into a
/// [`SearchIndex`]: for a loader that indexes each file as it arrives
/// instead of all of them at the end. Document `i` is the `i`-th added
/// (after those of the index it extends).
///
/// ```
/// use borderlines_search::index::IndexBuilder;
/// let doc = borderlines_core::parse_document("a", "Fences on the Tumen\nGuards watched the river.").unwrap();
/// let mut builder = IndexBuilder::default();
/// builder.add(&doc);
/// assert_eq!(builder.finish().len(), 1);
/// ```
#[derive(Default)]
pub struct IndexBuilder(Builder);

impl IndexBuilder {
    /// A builder holding `index`'s documents; new ones get the next numbers.
    pub fn extending(index: SearchIndex) -> Self {
        Self(Builder::from_index(index))
    }

    /// Tokenizes `doc` and adds its postings.
    pub fn add(&mut self, doc: &Document) {
        self.0.add(doc);
    }

    /// Documents held so far.
    pub fn len(&self) -> usize {
        self.0.docs.len()
    }

    /// Whether no document is held.
    pub fn is_empty(&self) -> bool {
        self.0.docs.is_empty()
    }

    /// Builds the dictionaries and freezes the postings.
    pub fn finish(self) -> SearchIndex {
        self.0.finish()
    }
}

/// Accumulates documents, then freezes them into a [`SearchIndex`].
#[derive(Default)]
struct Builder {
    analyzer: Analyzer,
    keys: FxHashMap<String, u32>,
    surfaces: FxHashMap<String, u32>,
    terms: Vec<TermBuf>,
    docs: Vec<DocInfo>,
    total_len: [u64; 3],
    /// Per-document scratch, indexed by term id: frequencies and positions.
    scratch_tf: Vec<[u32; 3]>,
    scratch_pos: Vec<Vec<u32>>,
    touched: Vec<u32>,
    surface_buf: String,
    /// A cache in front of `surfaces` (most lookups of a large corpus).
    recent: RecentTerms,
}

impl Builder {
    fn from_index(index: SearchIndex) -> Builder {
        let mut b = Builder {
            docs: index.docs,
            total_len: index.total_len,
            ..Builder::default()
        };
        b.terms = (0..index.terms.len()).map(|_| TermBuf::default()).collect();
        let mut stream = index.keys.stream();
        while let Some((key, id)) = stream.next() {
            let (Some(info), Ok(key)) = (index.terms.get(id as usize), std::str::from_utf8(key))
            else {
                continue;
            };
            let doc_end = (info.doc_off + info.doc_len) as usize;
            // Positions of a term end where the next term's begin (terms are stored in id order).
            let pos_end = index
                .terms
                .get(id as usize + 1)
                .map_or(index.pos_bytes.len(), |n| n.pos_off as usize);
            let t = &mut b.terms[id as usize];
            t.key = key.to_owned();
            t.docs = index
                .doc_bytes
                .get(info.doc_off as usize..doc_end)
                .unwrap_or(&[])
                .to_vec();
            t.pos = index
                .pos_bytes
                .get(info.pos_off as usize..pos_end)
                .unwrap_or(&[])
                .to_vec();
            t.df = info.df;
            t.last_doc = (info.df > 0).then_some(info.last_doc);
            b.keys.insert(key.to_owned(), id as u32);
        }
        let mut stream = index.surfaces.stream();
        while let Some((s, id)) = stream.next() {
            if let Ok(s) = std::str::from_utf8(s) {
                b.surfaces.insert(s.to_owned(), id as u32);
            }
        }
        b
    }

    fn add(&mut self, d: &Document) {
        let doc = u32::try_from(self.docs.len()).unwrap_or(u32::MAX);
        let mut info = DocInfo::default();
        let mut base = 0u32;
        let n = self.add_text(&d.title, base, TITLE, None);
        info.lens[TITLE] = n;
        base += n + 1;
        info.starts[BYLINE] = base;
        let n = d
            .byline
            .as_deref()
            .map_or(0, |b| self.add_text(b, base, BYLINE, None));
        info.lens[BYLINE] = n;
        base += n + 1;
        info.starts[BODY] = base;
        for block in &d.blocks {
            info.blocks.push(base);
            let n = self.add_text(&block.text, base, BODY, Some(&mut info.sync));
            info.lens[BODY] += n;
            base = base.saturating_add(n + 1);
        }
        for (t, l) in self.total_len.iter_mut().zip(info.lens) {
            *t += u64::from(l);
        }
        self.docs.push(info);
        self.flush_doc(doc);
    }

    fn add_text(
        &mut self,
        text: &str,
        base: u32,
        field: usize,
        mut sync: Option<&mut Vec<(u32, u32)>>,
    ) -> u32 {
        let mut surface = std::mem::take(&mut self.surface_buf);
        let bytes = text.as_bytes();
        let mut next_sync = SYNC_EVERY;
        let n = tokenize(text, |t| {
            // Tokenizing can resume at a token right after whitespace (no
            // compound or Han/Kana run spans it).
            if let Some(sync) = sync.as_deref_mut() {
                if t.pos >= next_sync
                    && !t.joined
                    && t.kind != TokenKind::Cjk
                    && t.start > 0
                    && bytes[t.start - 1].is_ascii_whitespace()
                {
                    sync.push((base.saturating_add(t.pos), t.start as u32));
                    next_sync = t.pos + SYNC_EVERY;
                }
            }
            let surface = self.analyzer.surface(t.folded, t.kind, &mut surface);
            let cached = self.recent.get(surface);
            let term = match cached.or_else(|| self.surfaces.get(surface).copied()) {
                Some(id) => id,
                None => {
                    let key = self.analyzer.key(surface, t.kind);
                    let id = match self.keys.get(&key) {
                        Some(&id) => id,
                        None => {
                            let id = u32::try_from(self.terms.len()).unwrap_or(u32::MAX);
                            self.terms.push(TermBuf {
                                key: key.clone(),
                                ..TermBuf::default()
                            });
                            self.keys.insert(key, id);
                            id
                        }
                    };
                    self.surfaces.insert(surface.to_owned(), id);
                    id
                }
            };
            if cached.is_none() {
                self.recent.put(surface, term);
            }
            let i = term as usize;
            if i >= self.scratch_tf.len() {
                self.scratch_tf.resize(i + 1, [0; 3]);
                self.scratch_pos.resize_with(i + 1, Vec::new);
            }
            if self.scratch_pos[i].is_empty() {
                self.touched.push(term);
            }
            self.scratch_tf[i][field] += 1;
            self.scratch_pos[i].push(base.saturating_add(t.pos));
        });
        self.surface_buf = surface;
        n
    }

    fn flush_doc(&mut self, doc: u32) {
        let touched = std::mem::take(&mut self.touched);
        for &term in &touched {
            let i = term as usize;
            let tf = std::mem::take(&mut self.scratch_tf[i]);
            let mut positions = std::mem::take(&mut self.scratch_pos[i]);
            // Joined compounds are emitted after their parts, possibly out of order.
            if !positions.is_sorted() {
                positions.sort_unstable();
            }
            let t = &mut self.terms[i];
            let delta = t.last_doc.map_or(doc, |l| doc.saturating_sub(l));
            push_posting(&mut t.docs, &mut t.pos, delta, tf, &positions);
            t.df += 1;
            t.last_doc = Some(doc);
            positions.clear();
            self.scratch_pos[i] = positions;
        }
        // Keep the list's allocation for the next document.
        self.touched = touched;
        self.touched.clear();
    }

    fn finish(self) -> SearchIndex {
        // Term ids become ranks in key order, so the dictionary maps keys to ids.
        let mut order: Vec<u32> = (0..self.terms.len() as u32).collect();
        order
            .sort_unstable_by(|&a, &b| self.terms[a as usize].key.cmp(&self.terms[b as usize].key));
        let mut new_id = vec![0u32; self.terms.len()];
        for (rank, &old) in order.iter().enumerate() {
            new_id[old as usize] = rank as u32;
        }
        let mut keys = MapBuilder::memory();
        let mut terms = Vec::with_capacity(order.len());
        // Exact capacities, and each term's buffers freed once copied, keep
        // the peak memory of a build near the final index size.
        let mut doc_bytes = Vec::with_capacity(self.terms.iter().map(|t| t.docs.len()).sum());
        let mut pos_bytes = Vec::with_capacity(self.terms.iter().map(|t| t.pos.len()).sum());
        let mut bufs = self.terms;
        for (rank, &old) in order.iter().enumerate() {
            let t = std::mem::take(&mut bufs[old as usize]);
            // Keys are unique and sorted, so insertion cannot fail.
            let _ = keys.insert(&t.key, rank as u64);
            terms.push(TermInfo {
                doc_off: doc_bytes.len() as u32,
                doc_len: t.docs.len() as u32,
                pos_off: pos_bytes.len() as u32,
                df: t.df,
                last_doc: t.last_doc.unwrap_or(0),
            });
            doc_bytes.extend_from_slice(&t.docs);
            pos_bytes.extend_from_slice(&t.pos);
        }
        drop(bufs);
        let mut surfaces: Vec<(String, u32)> = self.surfaces.into_iter().collect();
        surfaces.sort_unstable();
        let mut sb = MapBuilder::memory();
        for (s, old) in &surfaces {
            let _ = sb.insert(s, u64::from(new_id[*old as usize]));
        }
        SearchIndex {
            keys: keys
                .into_inner()
                .ok()
                .and_then(|b| Map::new(b).ok())
                .unwrap_or_default(),
            surfaces: sb
                .into_inner()
                .ok()
                .and_then(|b| Map::new(b).ok())
                .unwrap_or_default(),
            terms,
            doc_bytes,
            pos_bytes,
            docs: self.docs,
            total_len: self.total_len,
            analyzer: self.analyzer,
        }
    }
}
