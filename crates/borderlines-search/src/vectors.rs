//! Document vectors: the index turned sideways. Postings answer "which
//! documents hold this term?"; the terms view asks the converse — "which
//! terms, how often, in these documents?" — and, for phrases, "which term
//! follows which?". [`TermStats::build`] inverts the postings once into:
//!
//! - per document, its tokens' term ids in position order, with [`GAP`] at
//!   the unused positions between title, byline and body blocks (so an
//!   n-gram that would cross a field or block boundary meets a gap);
//! - per document, its (term id, count) pairs, ascending by term id;
//! - per term, its corpus frequency, a display label and a stopword flag.
//!
//! Counting follows positions, not postings: a hyphenated compound
//! ("Jong-un") is indexed as its parts plus the joined form at the first
//! part's position; only the parts are kept here, so counts add up to the
//! document's length and "jong un" is a bigram. (When a position holds
//! several terms, the one with the shortest label wins: a part is always
//! shorter than the compound it joins.)
//!
//! Labels: the shortest surface form mapping to the term (ties: the first
//! in byte order), read from the surfaces dictionary. The most frequent
//! surface would read better ("mines" rather than "mine") but needs the
//! text re-tokenized; postings only know term ids. Labels are folded
//! (lowercase, no diacritics), as surfaces are.
//!
//! A term is a stopword when any surface mapping to it is one of
//! [`crate::analyze::is_stopword`]'s words ("its" and "it" share a stem).
//!
//! ```
//! use borderlines_search::{vectors::TermStats, SearchIndex};
//! let doc = borderlines_core::parse_document("a", "Walls Rise on the Yalu\nNew walls were built. The wall is long.").unwrap();
//! let index = SearchIndex::build(&borderlines_core::Corpus { documents: vec![doc] });
//! let stats = TermStats::build(&index);
//! let wall = index.term_ids_of("walls")[0].unwrap();
//! assert_eq!(stats.label(wall), "wall");
//! assert_eq!(stats.corpus_freq(wall), 3);
//! assert_eq!(stats.count_in(0, wall), 3);
//! assert!(stats.is_stopword(index.term_ids_of("the")[0].unwrap()));
//! ```

use fst::Streamer;

use crate::analyze::{is_stopword, Analyzer};
use crate::index::SearchIndex;
use crate::postings::{Posting, PostingIter};
use crate::tokenize::tokenize;

/// A position holding no token (between fields and between blocks).
pub const GAP: u32 = u32::MAX;

/// Positions filled per pass of [`TermStats::build`] (1 MiB of term ids).
const CHUNK_POSITIONS: usize = 1 << 18;

/// Per-document term counts and token sequences, per-term frequencies,
/// labels and stopword flags, inverted once from an index.
#[derive(Debug, Clone, Default)]
pub struct TermStats {
    /// Document `d`'s tokens are `seq[seq_off[d]..seq_off[d + 1]]`.
    seq_off: Vec<usize>,
    seq: Vec<u32>,
    /// Document `d`'s (term, count) pairs are `vec[vec_off[d]..vec_off[d + 1]]`.
    vec_off: Vec<usize>,
    vec: Vec<(u32, u32)>,
    /// Tokens per document (positions that are not gaps).
    doc_len: Vec<u32>,
    corpus_freq: Vec<u64>,
    /// Occurrences left out of the sequences (joined compound forms).
    joined_freq: Vec<u64>,
    labels: Vec<String>,
    stop: Vec<bool>,
    total: u64,
}

impl TermStats {
    /// Inverts `index`'s postings. Linear in the number of tokens, plus a
    /// sort of each document's distinct term ids; holds one posting cursor
    /// per term (64 bytes each) while it runs. About 0.3 s for 5 million
    /// words (release build, 30,000 terms).
    pub fn build(index: &SearchIndex) -> TermStats {
        let n_terms = index.terms.len();
        let (labels, stop) = labels_and_stops(index);
        // Each document's position space: title, byline, body blocks, with
        // one gap after each (see `index`), so its extent is known upfront.
        // A damaged snapshot could claim any lengths: every token takes at
        // least a byte of positions, so more than that (plus the gaps) is
        // not believed.
        let mut budget = index.docs.iter().fold(index.pos_bytes.len(), |a, d| {
            a.saturating_add(d.blocks.len()).saturating_add(2)
        });
        let mut seq_off = Vec::with_capacity(index.docs.len() + 1);
        seq_off.push(0usize);
        for d in &index.docs {
            let claimed = (d.starts[2] as usize)
                .saturating_add(d.lens[2] as usize)
                .saturating_add(d.blocks.len());
            let extent = claimed.min(budget);
            budget -= extent;
            seq_off.push(seq_off.last().copied().unwrap_or(0) + extent);
        }
        let mut seq = vec![GAP; seq_off.last().copied().unwrap_or(0)];
        // Writing term-major scatters across the whole sequence (a cache
        // miss per token); instead, every term's postings are walked side by
        // side, one slice of documents at a time that fits in cache.
        let mut cursors: Vec<(PostingIter<'_>, Option<Posting>)> = (0..n_terms as u32)
            .map(|t| {
                let mut it = index.postings(t);
                let first = it.next();
                (it, first)
            })
            .collect();
        let mut joined_freq = vec![0u64; n_terms];
        let mut positions = Vec::new();
        let n_docs = index.docs.len();
        let mut first = 0usize;
        while first < n_docs {
            let mut end = first + 1;
            while end < n_docs && seq_off[end + 1] - seq_off[first] <= CHUNK_POSITIONS {
                end += 1;
            }
            for (term, (it, next)) in cursors.iter_mut().enumerate() {
                while let Some(p) = next.take_if(|p| (p.doc as usize) < end) {
                    *next = it.next();
                    let (Some(&lo), Some(&hi)) =
                        (seq_off.get(p.doc as usize), seq_off.get(p.doc as usize + 1))
                    else {
                        continue;
                    };
                    positions.clear();
                    index.positions(&p, &mut positions);
                    for &pos in &positions {
                        let i = lo.saturating_add(pos as usize);
                        if i >= hi {
                            continue;
                        }
                        let old = seq[i];
                        // Shared position: keep the compound's part, not the joined form.
                        if old == GAP {
                            seq[i] = term as u32;
                        } else if labels[term].len() < labels[old as usize].len() {
                            seq[i] = term as u32;
                            joined_freq[old as usize] += 1;
                        } else {
                            joined_freq[term] += 1;
                        }
                    }
                }
            }
            first = end;
        }
        drop(cursors);
        let mut vec_off = Vec::with_capacity(index.docs.len() + 1);
        vec_off.push(0usize);
        let mut vec = Vec::new();
        let mut doc_len = Vec::with_capacity(index.docs.len());
        let mut corpus_freq = vec![0u64; n_terms];
        // Dense counters, reset through the list of terms touched: only a
        // document's distinct terms are sorted, not its tokens.
        let mut counts = vec![0u32; n_terms];
        let mut touched: Vec<u32> = Vec::new();
        for w in seq_off.windows(2) {
            let mut len = 0u32;
            for &t in &seq[w[0]..w[1]] {
                if let Some(c) = counts.get_mut(t as usize) {
                    if *c == 0 {
                        touched.push(t);
                    }
                    *c += 1;
                    len += 1;
                }
            }
            doc_len.push(len);
            touched.sort_unstable();
            for t in touched.drain(..) {
                let c = std::mem::take(&mut counts[t as usize]);
                vec.push((t, c));
                corpus_freq[t as usize] += u64::from(c);
            }
            vec_off.push(vec.len());
        }
        let total = doc_len.iter().map(|&n| u64::from(n)).sum();
        TermStats {
            seq_off,
            seq,
            vec_off,
            vec,
            doc_len,
            corpus_freq,
            joined_freq,
            labels,
            stop,
            total,
        }
    }

    /// Number of documents.
    pub fn doc_count(&self) -> usize {
        self.doc_len.len()
    }

    /// Number of terms (term ids are `0..term_count()`).
    pub fn term_count(&self) -> usize {
        self.labels.len()
    }

    /// Tokens in the corpus.
    pub fn total_tokens(&self) -> u64 {
        self.total
    }

    /// Tokens in document `doc` (0 for an unknown document).
    pub fn doc_len(&self, doc: u32) -> u32 {
        self.doc_len.get(doc as usize).copied().unwrap_or(0)
    }

    /// Document `doc`'s term id at each position, [`GAP`] between fields
    /// and blocks (empty for an unknown document).
    pub fn doc_tokens(&self, doc: u32) -> &[u32] {
        slice(&self.seq, &self.seq_off, doc)
    }

    /// The body blocks of document `doc`, each as its term ids by position
    /// (block `i` of the document is the `i`-th item; position `p` of a
    /// block is the block's `p`-th token, as [`crate::tokenize`] counts).
    pub fn blocks(&self, doc: u32) -> impl Iterator<Item = &[u32]> {
        // Title, byline, then the blocks, each followed by a gap.
        self.doc_tokens(doc).split(|&t| t == GAP).skip(2)
    }

    /// Document `doc`'s (term id, count) pairs, ascending by term id.
    pub fn doc_terms(&self, doc: u32) -> &[(u32, u32)] {
        slice(&self.vec, &self.vec_off, doc)
    }

    /// Occurrences of `term` in document `doc`.
    pub fn count_in(&self, doc: u32, term: u32) -> u32 {
        let v = self.doc_terms(doc);
        v.binary_search_by_key(&term, |&(t, _)| t)
            .map_or(0, |i| v[i].1)
    }

    /// Occurrences of `term` in the corpus.
    pub fn corpus_freq(&self, term: u32) -> u64 {
        self.corpus_freq.get(term as usize).copied().unwrap_or(0)
    }

    /// Occurrences of `term` that are not in the sequences: the joined
    /// form of a hyphenated compound ("jongun" for "Jong-un"), which shares
    /// its first part's position. Zero for most terms; when zero, the
    /// sequences find every occurrence search would.
    pub fn joined_freq(&self, term: u32) -> u64 {
        self.joined_freq.get(term as usize).copied().unwrap_or(0)
    }

    /// The display label of `term` (empty for an unknown term).
    pub fn label(&self, term: u32) -> &str {
        self.labels.get(term as usize).map_or("", String::as_str)
    }

    /// Is `term` a stopword?
    pub fn is_stopword(&self, term: u32) -> bool {
        self.stop.get(term as usize).copied().unwrap_or(false)
    }

    /// Bytes held (for reporting memory use).
    pub fn heap_bytes(&self) -> usize {
        self.seq.len() * 4
            + self.vec.len() * 8
            + (self.seq_off.len() + self.vec_off.len()) * std::mem::size_of::<usize>()
            + self.doc_len.len() * 4
            + (self.corpus_freq.len() + self.joined_freq.len()) * 8
            + self.labels.iter().map(|l| l.len() + 24).sum::<usize>()
            + self.stop.len()
    }
}

/// The part of `v` between `off[doc]` and `off[doc + 1]`.
fn slice<'a, T>(v: &'a [T], off: &[usize], doc: u32) -> &'a [T] {
    let d = doc as usize;
    match (off.get(d), off.get(d + 1)) {
        (Some(&a), Some(&b)) => v.get(a..b).unwrap_or(&[]),
        _ => &[],
    }
}

/// Shortest surface per term, and whether any of its surfaces is a stopword.
fn labels_and_stops(index: &SearchIndex) -> (Vec<String>, Vec<bool>) {
    let n = index.terms.len();
    let mut labels: Vec<Option<String>> = vec![None; n];
    let mut stop = vec![false; n];
    let mut stream = index.surfaces.stream();
    while let Some((s, id)) = stream.next() {
        let (Ok(s), Some(i)) = (std::str::from_utf8(s), usize::try_from(id).ok()) else {
            continue;
        };
        let Some(label) = labels.get_mut(i) else {
            continue;
        };
        // The stream is in byte order, so the first of equal length wins.
        if label.as_ref().is_none_or(|l| s.len() < l.len()) {
            *label = Some(s.to_owned());
        }
        if is_stopword(s) {
            stop[i] = true;
        }
    }
    // A term always has a surface; fall back to its key just in case.
    let mut keys = index.keys.stream();
    while let Some((k, id)) = keys.next() {
        if let (Some(l @ None), Ok(k)) = (labels.get_mut(id as usize), std::str::from_utf8(k)) {
            *l = Some(k.to_owned());
        }
    }
    (
        labels.into_iter().map(Option::unwrap_or_default).collect(),
        stop,
    )
}

/// The index keys of `text`'s tokens, in order (joined compounds left
/// out): how the index would file each word. "Defectors' routes" gives
/// `["defector", "rout"]`.
pub fn index_keys(analyzer: &Analyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut surface = String::new();
    tokenize(text, |t| {
        if !t.joined {
            analyzer.surface_into(t.folded, t.kind, &mut surface);
            out.push(analyzer.key(&surface, t.kind));
        }
    });
    out
}

impl SearchIndex {
    /// The term id of an index key (see [`index_keys`]).
    pub fn term_id_of_key(&self, key: &str) -> Option<u32> {
        self.term_id(key)
    }

    /// The term id of each word of `text`, in order (`None` for a word the
    /// index does not hold): a word or phrase as the user typed it, filed
    /// the way search files it, so "defectors" finds "defector".
    pub fn term_ids_of(&self, text: &str) -> Vec<Option<u32>> {
        index_keys(&self.analyzer, text)
            .iter()
            .map(|k| self.term_id(k))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use borderlines_core::{parse_document, Corpus};

    fn index(texts: &[&str]) -> SearchIndex {
        let documents = texts
            .iter()
            .enumerate()
            .map(|(i, t)| parse_document(&format!("d{i}"), t).unwrap())
            .collect();
        SearchIndex::build(&Corpus { documents })
    }

    fn words(stats: &TermStats, doc: u32) -> Vec<&str> {
        stats
            .doc_tokens(doc)
            .iter()
            .map(|&t| if t == GAP { "|" } else { stats.label(t) })
            .collect()
    }

    #[test]
    fn sequences_follow_positions_with_gaps_between_fields_and_blocks() {
        let idx =
            index(&["Fences Rise\nKim Jong-un ordered fences.\n\nDefectors fled the fences."]);
        let s = TermStats::build(&idx);
        let body: Vec<&str> = words(&s, 0);
        // Title, empty byline, two blocks; the joined "jongun" is left out;
        // labels are surfaces that occur.
        assert_eq!(
            body,
            [
                "fences",
                "rise",
                "|",
                "|",
                "kim",
                "jong",
                "un",
                "ordered",
                "fences",
                "|",
                "defectors",
                "fled",
                "the",
                "fences",
                "|"
            ]
        );
        assert_eq!(s.doc_len(0), 11);
        let jongun = idx.term_ids_of("jongun")[0].unwrap();
        assert_eq!((s.corpus_freq(jongun), s.joined_freq(jongun)), (0, 1));
        assert_eq!(s.joined_freq(idx.term_ids_of("jong")[0].unwrap()), 0);
        let blocks: Vec<usize> = s.blocks(0).map(<[u32]>::len).collect();
        assert_eq!(&blocks[..2], [5, 4]);
        assert_eq!(s.total_tokens(), 11);
        let fence = idx.term_ids_of("fences")[0].unwrap();
        assert_eq!(s.count_in(0, fence), 3);
        assert_eq!(s.corpus_freq(fence), 3);
        let sum: u32 = s.doc_terms(0).iter().map(|&(_, n)| n).sum();
        assert_eq!(sum, 11);
        assert!(s.doc_terms(0).windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn labels_are_the_shortest_surface_and_stopwords_are_flagged() {
        let idx = index(&["Mines Near the River\nThe mines were mined near its mine. It is."]);
        let s = TermStats::build(&idx);
        let mine = idx.term_ids_of("mining")[0].unwrap();
        assert_eq!(s.label(mine), "mine");
        assert_eq!(s.corpus_freq(mine), 4);
        for w in ["the", "its", "it", "is", "were"] {
            assert!(s.is_stopword(idx.term_ids_of(w)[0].unwrap()), "{w}");
        }
        assert!(!s.is_stopword(mine));
    }

    #[test]
    fn unknown_ids_and_empty_indexes_answer_empty() {
        let s = TermStats::build(&SearchIndex::default());
        assert_eq!((s.doc_count(), s.term_count(), s.total_tokens()), (0, 0, 0));
        assert!(s.doc_tokens(7).is_empty() && s.doc_terms(7).is_empty());
        assert_eq!((s.label(3), s.corpus_freq(3), s.count_in(1, 1)), ("", 0, 0));
        let idx = index(&["Walls\nWalls."]);
        assert_eq!(
            idx.term_ids_of("walls zebra"),
            [idx.term_id_of_key("wall"), None]
        );
    }

    /// A damaged index that still loads never makes the build panic.
    #[test]
    fn damaged_indexes_build_without_panic() {
        let idx = index(&[
            "Fences Rise\nKim Jong-un ordered fences.\n\nDefectors fled.",
            "Walls\nWalls rise.",
        ]);
        let bytes = idx.to_bytes();
        for i in 5..bytes.len() {
            for v in [0u8, 0x7f, 0xff] {
                let mut b = bytes.clone();
                b[i] = v;
                if let Ok(damaged) = SearchIndex::from_bytes(&b) {
                    let s = TermStats::build(&damaged);
                    for d in 0..s.doc_count() as u32 {
                        let _ = s.blocks(d).count();
                    }
                }
            }
        }
    }

    /// Build time on a synthetic 5M-word corpus. Run in release:
    /// `cargo test --release -p borderlines-search vectors -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn build_time_on_five_million_words() {
        let corpus = synthetic(5_000_000);
        let t = std::time::Instant::now();
        let idx = SearchIndex::build(&corpus);
        let index_ms = t.elapsed().as_millis();
        let t = std::time::Instant::now();
        let s = TermStats::build(&idx);
        let stats_ms = t.elapsed().as_millis();
        println!(
            "5M words: {} docs, {} tokens, {} terms; index {index_ms} ms, TermStats {stats_ms} ms, {:.1} MB",
            s.doc_count(),
            s.total_tokens(),
            s.term_count(),
            s.heap_bytes() as f64 / 1e6
        );
    }

    /// Documents of about 500 words in five blocks, words drawn from a
    /// Zipf-like vocabulary of 30,000 made-up words (a fixed LCG: the same
    /// corpus every run).
    pub(crate) fn synthetic(words: usize) -> Corpus {
        let syllables = [
            "ka", "to", "ri", "men", "sa", "lo", "ve", "dun", "pi", "gor",
        ];
        let vocab: Vec<String> = (0..30_000u32)
            .map(|mut i| {
                let mut w = String::new();
                loop {
                    w.push_str(syllables[(i % 10) as usize]);
                    i /= 10;
                    if i == 0 {
                        break;
                    }
                }
                w
            })
            .collect();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as f64 / (1u64 << 31) as f64
        };
        let mut documents = Vec::new();
        let mut made = 0;
        while made < words {
            let mut text = String::from("Synthetic document title\n");
            for _ in 0..5 {
                for _ in 0..100 {
                    // Rank ~ vocab^u: a rough Zipf distribution.
                    let r = (30_000f64.powf(next()) as usize).min(29_999);
                    text.push_str(&vocab[r]);
                    text.push(' ');
                }
                text.push_str(".\n\n");
            }
            made += 503;
            let id = format!("s{}", documents.len());
            if let Ok(d) = parse_document(&id, &text) {
                documents.push(d);
            }
        }
        Corpus { documents }
    }
}
