//! The terms view: which words (or 2- and 3-word phrases) make the
//! selection distinctive, and how often one term occurs in each document.
//!
//! [`distinctive_terms`] compares the selection with the rest of the
//! corpus — a keyword list in the corpus-linguistics sense (AntConc's
//! "Keyword List") — scoring each term by G² and log ratio (see
//! [`crate::keyness`]). When nothing is selected (no query, or a query that
//! matches every document), the whole corpus is compared with general
//! English instead: the built-in Brown list ([`crate::reference`]). That
//! list has single words only, so *phrases* with nothing selected have no
//! reference: they are ranked by frequency and carry no keyness. It has no
//! numbers either, so numbers are left out of that comparison.
//!
//! Terms are the index's terms (Snowball stems: "mines" and "mined" are
//! one term), counted by position from [`TermStats`]. Phrases are runs of
//! consecutive tokens within one field or body block.
//!
//! [`term_frequency`] gives, for a term as the user typed or clicked it,
//! each selected document's count, raw and per 10,000 words.
//!
//! ```
//! use std::sync::Arc;
//! use borderlines_engine::{collectors::terms::{distinctive_terms, TermsOptions}, Engine};
//! let docs = ["Mines Near the River\nMines and more mines line the river bank.",
//!             "Fences on the Yalu\nFences, fences and guards along the river."];
//! let corpus = borderlines_core::Corpus { documents: docs.iter().enumerate()
//!     .map(|(i, t)| borderlines_core::parse_document(&i.to_string(), t).unwrap()).collect() };
//! let engine = Engine::build(Arc::new(corpus));
//! let options = TermsOptions { min_freq: 2, min_g2: 0.0, ..TermsOptions::default() };
//! let terms = distinctive_terms(&engine, &engine.select("mines", 10), &options);
//! assert_eq!(terms.rows[0].label, "mines");
//! ```

use borderlines_search::vectors::{TermStats, GAP};
use rustc_hash::FxHashMap;

use crate::export::csv;
use crate::keyness::{keyness, Keyness};
use crate::reference::{brown, ReferenceList};
use crate::{Engine, Selection};

/// How rows are ordered (strongest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Log-likelihood: the surest differences first.
    #[default]
    G2,
    /// Log ratio (by size, for under-used terms too): the biggest differences first.
    LogRatio,
    /// Frequency in the selection.
    Frequency,
}

/// Which side of the comparison to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// Terms more frequent in the selection (the usual keyword list).
    #[default]
    Over,
    /// Terms less frequent in the selection ("negative keywords").
    Under,
    Both,
}

/// What the selection was compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compared {
    /// The documents not selected.
    RestOfCorpus,
    /// The Brown corpus list (nothing selected).
    Brown,
    /// Nothing: phrases with nothing selected, ranked by frequency.
    Nothing,
    /// Words with nothing selected while the Brown list is not installed
    /// yet (the page reads it from a data pack when the terms view first
    /// opens): ranked by frequency until it is.
    ReferenceNotLoaded,
}

impl Compared {
    /// Is there a reference to measure keyness against? Without one, rows
    /// are ranked by frequency and carry no keyness.
    pub fn has_reference(self) -> bool {
        matches!(self, Compared::RestOfCorpus | Compared::Brown)
    }
}

/// Options of [`distinctive_terms`].
#[derive(Debug, Clone, PartialEq)]
pub struct TermsOptions {
    /// Least frequency in the selection (in the reference, for under-used
    /// terms). 3 suits corpora of thousands of words and more; lower it
    /// for a handful of short documents.
    pub min_freq: u64,
    /// Least G² (3.84: p < 0.05; 0 keeps everything).
    pub min_g2: f64,
    /// Keep stopwords (as words, and at the ends of phrases).
    pub include_stopwords: bool,
    /// 1 for words, 2 or 3 for phrases (other values read as the nearest).
    pub ngram: usize,
    /// Rows returned.
    pub limit: usize,
    pub sort: SortBy,
    pub direction: Direction,
}

impl TermsOptions {
    /// The defaults, with a least frequency of 2 for corpora under 20,000
    /// tokens: there, 3 occurrences is already a high rate and would hide
    /// nearly every term of a small selection (a rule of thumb, not a
    /// published threshold; G² ≥ 3.84 still drops single occurrences).
    pub fn for_corpus(tokens: u64) -> Self {
        Self {
            min_freq: if tokens < 20_000 { 2 } else { 3 },
            ..Self::default()
        }
    }
}

impl Default for TermsOptions {
    fn default() -> Self {
        Self {
            min_freq: 3,
            min_g2: 3.84,
            include_stopwords: false,
            ngram: 1,
            limit: 200,
            sort: SortBy::G2,
            direction: Direction::Over,
        }
    }
}

/// One term (or phrase) of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct TermRow {
    /// The term's label; a phrase's labels joined by spaces.
    pub label: String,
    /// Term ids (one per word of a phrase).
    pub terms: Vec<u32>,
    /// Occurrences in the selection.
    pub freq: u64,
    /// Occurrences in the reference.
    pub ref_freq: u64,
    /// Documents of the selection holding it.
    pub docs: u32,
    /// `None` when there is no reference (phrases, nothing selected).
    pub keyness: Option<Keyness>,
}

/// The list and what it was computed against.
#[derive(Debug, Clone, PartialEq)]
pub struct DistinctiveTerms {
    pub compared: Compared,
    /// Tokens in the selection and in the reference.
    pub tokens: u64,
    pub ref_tokens: u64,
    /// Rows that passed the filters, before the limit.
    pub total: usize,
    pub rows: Vec<TermRow>,
}

/// A candidate's counts: term ids (padded with [`GAP`]), frequency in the
/// selection and in the reference, documents of the selection.
#[derive(Debug, Clone, Copy)]
struct Count {
    terms: [u32; 3],
    freq: u64,
    ref_freq: u64,
    docs: u32,
}

/// The selection's distinctive terms; see the [module docs](self).
pub fn distinctive_terms(
    engine: &Engine,
    selection: &Selection,
    options: &TermsOptions,
) -> DistinctiveTerms {
    let stats = engine.term_stats();
    let everything = selection.is_everything() || selection.docs().len() >= stats.doc_count();
    let docs: Vec<u32> = if everything {
        (0..stats.doc_count() as u32).collect()
    } else {
        selection.docs().to_vec()
    };
    let n = options.ngram.clamp(1, 3);
    let tokens: u64 = docs.iter().map(|&d| u64::from(stats.doc_len(d))).sum();
    // Words of the whole corpus are compared with the Brown list, if it is in.
    let list = if everything && n == 1 { brown() } else { None };
    let (compared, ref_tokens) = match (everything, n, list) {
        (false, _, _) => (
            Compared::RestOfCorpus,
            stats.total_tokens().saturating_sub(tokens),
        ),
        (true, 1, Some(list)) => (Compared::Brown, list.total),
        (true, 1, None) => (Compared::ReferenceNotLoaded, 0),
        (true, _, _) => (Compared::Nothing, 0),
    };
    let mut found: Vec<Count> = if n == 1 {
        words(engine, stats, &docs, list)
    } else {
        phrases(stats, &docs, n, options, compared)
    };
    let skip_stop = !options.include_stopwords;
    found.retain(|c| !(skip_stop && n == 1 && stats.is_stopword(c.terms[0])));
    let mut rows: Vec<(Option<Keyness>, Count)> = found
        .into_iter()
        .filter_map(|c| {
            let (f, rf) = (c.freq, c.ref_freq);
            if !compared.has_reference() {
                return (f >= options.min_freq).then_some((None, c));
            }
            let k = keyness(f, tokens, rf, ref_tokens);
            let wanted = match options.direction {
                Direction::Over => k.over_used && f >= options.min_freq,
                Direction::Under => !k.over_used && rf >= options.min_freq,
                Direction::Both => {
                    (k.over_used && f >= options.min_freq)
                        || (!k.over_used && rf >= options.min_freq)
                }
            };
            (wanted && k.g2 >= options.min_g2).then_some((Some(k), c))
        })
        .collect();
    let total = rows.len();
    let sort = if !compared.has_reference() {
        SortBy::Frequency
    } else {
        options.sort
    };
    let score = |k: &Option<Keyness>| match (sort, k) {
        (SortBy::G2, Some(k)) => k.g2,
        (SortBy::LogRatio, Some(k)) => k.log_ratio.abs(),
        _ => 0.0,
    };
    // Ties: more frequent first, then term order (index keys, alphabetical).
    rows.sort_by(|a, b| {
        score(&b.0)
            .total_cmp(&score(&a.0))
            .then(b.1.freq.cmp(&a.1.freq))
            .then(b.1.ref_freq.cmp(&a.1.ref_freq))
            .then(a.1.terms.cmp(&b.1.terms))
    });
    rows.truncate(options.limit);
    let rows = rows
        .into_iter()
        .map(|(keyness, c)| {
            let terms: Vec<u32> = c.terms[..n].to_vec();
            TermRow {
                label: label(stats, &terms),
                terms,
                freq: c.freq,
                ref_freq: c.ref_freq,
                docs: c.docs,
                keyness,
            }
        })
        .collect();
    DistinctiveTerms {
        compared,
        tokens,
        ref_tokens,
        total,
        rows,
    }
}

/// Word candidates: every term with its counts in the selection and the
/// reference — `list` when given, else the rest of the corpus (terms absent
/// from both are left out).
fn words(
    engine: &Engine,
    stats: &TermStats,
    docs: &[u32],
    list: Option<&ReferenceList>,
) -> Vec<Count> {
    let n_terms = stats.term_count();
    let mut freq = vec![0u64; n_terms];
    let mut df = vec![0u32; n_terms];
    for &d in docs {
        for &(t, c) in stats.doc_terms(d) {
            if let Some(f) = freq.get_mut(t as usize) {
                *f += u64::from(c);
                df[t as usize] += 1;
            }
        }
    }
    let reference: Vec<u64> = match list {
        Some(list) => {
            let mut r = vec![0u64; n_terms];
            for (key, c) in list.iter() {
                if let Some(slot) = engine
                    .index()
                    .term_id_of_key(key)
                    .and_then(|t| r.get_mut(t as usize))
                {
                    *slot += c;
                }
            }
            r
        }
        None => (0..n_terms as u32)
            .map(|t| stats.corpus_freq(t).saturating_sub(freq[t as usize]))
            .collect(),
    };
    (0..n_terms)
        .filter(|&t| freq[t] > 0 || reference[t] > 0)
        // The Brown list has no numbers: every number would look absent
        // from English and top the list.
        .filter(|&t| list.is_none() || !is_number(stats.label(t as u32)))
        .map(|t| Count {
            terms: [t as u32, GAP, GAP],
            freq: freq[t],
            ref_freq: reference[t],
            docs: df[t],
        })
        .collect()
}

/// Phrase candidates: n-grams of the selection with their counts, and
/// their counts in the rest of the corpus (or 0 with no reference).
///
/// Most n-grams occur once, and a map of them all is large and slow; so a
/// first pass counts them in a small array of saturating counters indexed
/// by hash (a count-min sketch of one row: collisions only add), and only
/// n-grams counted at least `min_freq` times there enter the map. Over-used
/// phrases come from the selection, so only it is sketched and the rest is
/// just looked up; under-used ones can come from the rest, so then the
/// whole corpus is sketched and counted.
fn phrases(
    stats: &TermStats,
    docs: &[u32],
    n: usize,
    options: &TermsOptions,
    compared: Compared,
) -> Vec<Count> {
    let skip_stop = !options.include_stopwords;
    let with_rest = compared == Compared::RestOfCorpus;
    let all_of_rest = with_rest && options.direction != Direction::Over;
    let threshold = u8::try_from(options.min_freq).unwrap_or(u8::MAX);
    let rest: Vec<u32> = if with_rest {
        let mut selected = docs.iter().peekable();
        (0..stats.doc_count() as u32)
            .filter(|&d| selected.next_if(|&&s| s == d).is_none())
            .collect()
    } else {
        Vec::new()
    };
    let sketched: Vec<u32> = docs
        .iter()
        .chain(if all_of_rest { &rest[..] } else { &[] })
        .copied()
        .collect();
    // About two counters per n-gram keeps collisions rare.
    let tokens: u64 = sketched.iter().map(|&d| u64::from(stats.doc_len(d))).sum();
    let bits = (tokens.saturating_mul(2).max(1).ilog2() + 1).clamp(16, MAX_SKETCH_BITS);
    let sketch: Option<Vec<u8>> = (threshold > 1).then(|| {
        let mut sketch = vec![0u8; 1 << bits];
        for &d in &sketched {
            for_each_ngram(stats, d, n, skip_stop, |k| {
                let c = &mut sketch[slot(&k, bits)];
                *c = c.saturating_add(1);
            });
        }
        sketch
    });
    let frequent = |k: &[u32; 3]| {
        sketch
            .as_ref()
            .is_none_or(|s| s[slot(k, bits)] >= threshold)
    };
    // key → (freq, ref_freq, docs, last doc counted + 1)
    let mut map: FxHashMap<[u32; 3], (u32, u32, u32, u32)> = FxHashMap::default();
    for &d in docs {
        for_each_ngram(stats, d, n, skip_stop, |k| {
            if !frequent(&k) {
                return;
            }
            let e = map.entry(k).or_default();
            e.0 = e.0.saturating_add(1);
            if e.3 != d + 1 {
                e.2 += 1;
                e.3 = d + 1;
            }
        });
    }
    for &d in &rest {
        for_each_ngram(stats, d, n, skip_stop, |k| {
            if all_of_rest {
                if frequent(&k) {
                    let e = map.entry(k).or_default();
                    e.1 = e.1.saturating_add(1);
                }
            } else if let Some(e) = map.get_mut(&k) {
                e.1 = e.1.saturating_add(1);
            }
        });
    }
    map.into_iter()
        .map(|(terms, (freq, ref_freq, docs, _))| Count {
            terms,
            freq: u64::from(freq),
            ref_freq: u64::from(ref_freq),
            docs,
        })
        .collect()
}

/// The phrase sketch holds at most 2^22 counters (4 MiB, reached at 2
/// million words): larger sketches were slower on 5 million words (cache
/// misses cost more than the collisions they avoid).
const MAX_SKETCH_BITS: u32 = 22;

/// An n-gram's counter in a sketch of 2^`bits` counters.
fn slot(k: &[u32; 3], bits: u32) -> usize {
    use std::hash::{BuildHasher, BuildHasherDefault};
    let h = BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(k);
    // Fx's high bits are its best mixed.
    (h >> (64 - bits)) as usize
}

/// Calls `f` with each n-gram of document `doc` that crosses no gap (and,
/// with `skip_stop`, neither starts nor ends with a stopword), padded with
/// [`GAP`] to three ids.
fn for_each_ngram(
    stats: &TermStats,
    doc: u32,
    n: usize,
    skip_stop: bool,
    mut f: impl FnMut([u32; 3]),
) {
    for w in stats.doc_tokens(doc).windows(n) {
        if w.contains(&GAP) {
            continue;
        }
        if skip_stop && (stats.is_stopword(w[0]) || stats.is_stopword(w[n - 1])) {
            continue;
        }
        let mut k = [GAP; 3];
        k[..n].copy_from_slice(w);
        f(k);
    }
}

/// Is this label a number ("2020", "1.5")?
fn is_number(label: &str) -> bool {
    label.starts_with(|c: char| c.is_ascii_digit())
        && label
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
}

/// The labels of `terms`, joined by spaces.
fn label(stats: &TermStats, terms: &[u32]) -> String {
    terms
        .iter()
        .map(|&t| stats.label(t))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The distinctive terms as CSV (see [`crate::export`]); keyness columns
/// are empty when there was no reference.
pub fn to_csv(rows: &[TermRow]) -> String {
    csv(
        &[
            "term",
            "frequency",
            "reference frequency",
            "documents",
            "G2",
            "log ratio",
            "use",
        ],
        rows.iter().map(|r| {
            let (g2, lr, used) = match r.keyness {
                Some(k) => (
                    format!("{:.3}", k.g2),
                    format!("{:.3}", k.log_ratio),
                    if k.over_used { "over" } else { "under" }.to_owned(),
                ),
                None => Default::default(),
            };
            vec![
                r.label.clone(),
                r.freq.to_string(),
                r.ref_freq.to_string(),
                r.docs.to_string(),
                g2,
                lr,
                used,
            ]
        }),
    )
}

/// One document's count of a term.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DocCount {
    /// Index of the document in the corpus.
    pub doc: u32,
    /// Occurrences.
    pub count: u32,
    /// Tokens in the document.
    pub tokens: u32,
    /// Occurrences per 10,000 tokens (0 for an empty document).
    pub per_10k: f64,
}

/// How often `term` (a word or a phrase, as typed or clicked: filed by the
/// index's analyzer, so "defectors" counts "defector" too) occurs in each
/// document of the selection, in document order; every selected document
/// has a row, zero counts included. A word the index does not hold counts
/// zero everywhere.
pub fn term_frequency(engine: &Engine, selection: &Selection, term: &str) -> Vec<DocCount> {
    let stats = engine.term_stats();
    let ids: Option<Vec<u32>> = engine.index().term_ids_of(term).into_iter().collect();
    let ids = ids.unwrap_or_default();
    let docs: Vec<u32> = if selection.is_everything() {
        (0..stats.doc_count() as u32).collect()
    } else {
        selection.docs().to_vec()
    };
    docs.into_iter()
        .map(|doc| {
            let count = match ids.as_slice() {
                [] => 0,
                [t] => stats.count_in(doc, *t),
                many => stats
                    .doc_tokens(doc)
                    .windows(many.len())
                    .filter(|w| *w == many)
                    .count() as u32,
            };
            let tokens = stats.doc_len(doc);
            let per_10k = if tokens == 0 {
                0.0
            } else {
                f64::from(count) * 10_000.0 / f64::from(tokens)
            };
            DocCount {
                doc,
                count,
                tokens,
                per_10k,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine(texts: &[&str]) -> Engine {
        Engine::from_texts(texts.iter().enumerate().map(|(i, t)| (format!("d{i}"), t))).unwrap()
    }

    fn corpus() -> Engine {
        engine(&[
            "Mines Along the Border\nLand mines were laid along the border. The mines kill farmers.\n\nMore mines, said the guards.",
            "Fences on the Yalu\nNew fences rise along the river. Guards watch the fences.",
            "Smugglers Cross the River\nSmugglers cross the river at night. Guards watch the river.",
        ])
    }

    fn loose() -> TermsOptions {
        TermsOptions {
            min_freq: 2,
            min_g2: 0.0,
            ..TermsOptions::default()
        }
    }

    fn labels(t: &DistinctiveTerms) -> Vec<&str> {
        t.rows.iter().map(|r| r.label.as_str()).collect()
    }

    #[test]
    fn the_selection_is_compared_with_the_rest() {
        let e = corpus();
        let s = e.select("mines", 10);
        assert_eq!(s.docs(), &[0]);
        let t = distinctive_terms(&e, &s, &loose());
        assert_eq!(t.compared, Compared::RestOfCorpus);
        assert_eq!(t.rows[0].label, "mines");
        let mine = &t.rows[0];
        // Title 1 + body 3.
        assert_eq!((mine.freq, mine.ref_freq, mine.docs), (4, 0, 1));
        let k = mine.keyness.unwrap();
        let stats = e.term_stats();
        assert_eq!(t.tokens + t.ref_tokens, stats.total_tokens());
        assert_eq!(k, keyness(4, t.tokens, 0, t.ref_tokens));
        assert!(k.over_used && k.g2 > 0.0);
        // Stopwords are left out unless asked for.
        assert!(!labels(&t).contains(&"the"));
        let with = TermsOptions {
            include_stopwords: true,
            min_freq: 1,
            direction: Direction::Both,
            ..loose()
        };
        assert!(labels(&distinctive_terms(&e, &s, &with)).contains(&"the"));
    }

    #[test]
    fn under_used_terms_and_sort_keys() {
        let e = corpus();
        let s = e.select("mines", 10);
        let under = TermsOptions {
            direction: Direction::Under,
            ..loose()
        };
        let t = distinctive_terms(&e, &s, &under);
        assert!(t.rows.iter().all(|r| !r.keyness.unwrap().over_used));
        // "fences" (2, none selected) and "river" are under-used here.
        assert!(labels(&t).contains(&"fences"), "{:?}", labels(&t));
        for sort in [SortBy::G2, SortBy::LogRatio, SortBy::Frequency] {
            let t = distinctive_terms(
                &e,
                &s,
                &TermsOptions {
                    sort,
                    direction: Direction::Both,
                    min_freq: 1,
                    ..loose()
                },
            );
            let key = |r: &TermRow| match sort {
                SortBy::G2 => r.keyness.unwrap().g2,
                SortBy::LogRatio => r.keyness.unwrap().log_ratio.abs(),
                SortBy::Frequency => r.freq as f64,
            };
            assert!(
                t.rows.windows(2).all(|w| key(&w[0]) >= key(&w[1])),
                "{sort:?}"
            );
        }
        let few = TermsOptions {
            limit: 2,
            ..loose()
        };
        let t = distinctive_terms(&e, &s, &few);
        assert!(t.rows.len() <= 2 && t.total >= t.rows.len());
    }

    #[test]
    fn nothing_selected_compares_with_brown() {
        let e = corpus();
        let t = distinctive_terms(&e, &e.select("", 10), &loose());
        assert_eq!(t.compared, Compared::Brown);
        assert_eq!(t.ref_tokens, brown().unwrap().total);
        assert_eq!(t.tokens, e.term_stats().total_tokens());
        // Rare in 1960s American English, frequent here.
        assert!(labels(&t)[..3]
            .iter()
            .any(|l| ["mines", "fences", "smugglers", "guards"].contains(l)));
        let guards = t.rows.iter().find(|r| r.label == "guards").unwrap();
        assert!(guards.ref_freq > 0, "Brown has guard(s)");
        // Numbers are not compared with a list that has none.
        let e2 = engine(&["Walls in 2020\nIn 2020 and 2020 again, 2020 walls."]);
        let t2 = distinctive_terms(&e2, &e2.select("", 10), &loose());
        assert!(!labels(&t2).contains(&"2020"), "{:?}", labels(&t2));
        assert!(labels(&t2).contains(&"walls"));
        // A query matching everything is no selection either.
        let all = distinctive_terms(&e, &e.select("guards", 10), &loose());
        assert_eq!(all.compared, Compared::Brown);
    }

    #[test]
    fn phrases_stay_within_blocks_and_skip_stopword_ends() {
        let e = engine(&[
            "Land Mines Found\nLand mines near the border. Land mines again.\n\nLand mines, land mines.",
            "Walls Built\nWalls rise near the border.",
        ]);
        let s = e.select("mines", 10);
        assert_eq!(s.docs(), &[0]);
        let two = TermsOptions {
            ngram: 2,
            ..loose()
        };
        let t = distinctive_terms(&e, &s, &two);
        assert_eq!(t.rows[0].label, "land mines");
        assert_eq!(t.rows[0].freq, 5);
        assert_eq!(t.rows[0].terms.len(), 2);
        // "near the" ends with a stopword; "mines land" is within a block,
        // "again land" and "found land" would cross a block break and the
        // title/body gap.
        let one = TermsOptions {
            ngram: 2,
            min_freq: 1,
            ..loose()
        };
        let t = distinctive_terms(&e, &s, &one);
        assert!(!labels(&t).contains(&"near the"));
        assert_eq!(
            t.rows
                .iter()
                .find(|r| r.label == "mines land")
                .map(|r| r.freq),
            Some(1)
        );
        assert!(!labels(&t).contains(&"again land") && !labels(&t).contains(&"found land"));
        let three = TermsOptions {
            ngram: 3,
            min_freq: 1,
            ..loose()
        };
        let t = distinctive_terms(&e, &s, &three);
        assert!(labels(&t).contains(&"land mines land"));
        assert!(t.rows.iter().all(|r| r.terms.len() == 3));
        // Nothing selected: phrases by frequency, no keyness.
        let t = distinctive_terms(&e, &e.select("", 10), &two);
        assert_eq!(t.compared, Compared::Nothing);
        assert!(t.rows.iter().all(|r| r.keyness.is_none()));
        assert!(t.rows.windows(2).all(|w| w[0].freq >= w[1].freq));
        assert_eq!(t.rows[0].label, "land mines");
    }

    /// The sketch only lets n-grams through early; it never loses one.
    #[test]
    fn the_phrase_sketch_loses_nothing() {
        let e = corpus();
        for (q, direction) in [
            ("mines", Direction::Over),
            ("mines", Direction::Both),
            ("", Direction::Over),
        ] {
            let s = e.select(q, 10);
            let base = TermsOptions {
                ngram: 2,
                min_g2: 0.0,
                include_stopwords: true,
                direction,
                limit: usize::MAX,
                ..TermsOptions::default()
            };
            let some = distinctive_terms(
                &e,
                &s,
                &TermsOptions {
                    min_freq: 2,
                    ..base.clone()
                },
            );
            let mut all = distinctive_terms(
                &e,
                &s,
                &TermsOptions {
                    min_freq: 1,
                    ..base
                },
            );
            all.rows.retain(|r| {
                let over = r.keyness.is_none_or(|k| k.over_used);
                (over && r.freq >= 2) || (!over && r.ref_freq >= 2)
            });
            assert_eq!(some.rows, all.rows, "{q} {direction:?}");
            assert!(!some.rows.is_empty());
        }
    }

    #[test]
    fn frequency_per_document_follows_the_analyzer() {
        let e = corpus();
        let all = e.select("", 10);
        let f = term_frequency(&e, &all, "Mine");
        assert_eq!(f.iter().map(|c| c.count).collect::<Vec<_>>(), [4, 0, 0]);
        let stats = e.term_stats();
        assert_eq!(f[0].tokens, stats.doc_len(0));
        assert!((f[0].per_10k - 40_000.0 / f64::from(stats.doc_len(0))).abs() < 1e-9);
        let f = term_frequency(&e, &all, "the fences");
        assert_eq!(f.iter().map(|c| c.count).collect::<Vec<_>>(), [0, 1, 0]);
        let f = term_frequency(&e, &e.select("river", 10), "guards");
        assert_eq!(
            f.iter().map(|c| (c.doc, c.count)).collect::<Vec<_>>(),
            [(1, 1), (2, 1)]
        );
        assert!(term_frequency(&e, &all, "zebra")
            .iter()
            .all(|c| c.count == 0));
        assert!(term_frequency(&e, &all, "").iter().all(|c| c.count == 0));
    }

    #[test]
    fn csv_has_a_header_and_empty_keyness_without_reference() {
        let rows = [
            TermRow {
                label: "land mines".into(),
                terms: vec![1, 2],
                freq: 5,
                ref_freq: 0,
                docs: 1,
                keyness: None,
            },
            TermRow {
                label: "-x".into(),
                terms: vec![3],
                freq: 1,
                ref_freq: 2,
                docs: 1,
                keyness: Some(keyness(1, 10, 2, 10)),
            },
        ];
        let csv = to_csv(&rows);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "term,frequency,reference frequency,documents,G2,log ratio,use"
        );
        assert_eq!(lines[1], "land mines,5,0,1,,,");
        assert!(lines[2].starts_with("'-x,1,2,1,0.3") && lines[2].ends_with(",'-1.000,under"));
    }
}
