//! Running a query: resolve it, evaluate it, rank by BM25 (with a proximity
//! bonus among the best candidates), fall back to typo tolerance when
//! nothing matches, and build snippets and explanations for one page of hits.
//!
//! ```
//! use borderlines_search::{Query, SearchIndex, SearchOptions};
//! let docs = ["Walls Rise on the Yalu\nNew fences were built along the river this year.",
//!             "Mines in the South\nTroops lay mines along the southern border fences."];
//! let corpus = borderlines_core::Corpus { documents: docs.iter().enumerate()
//!     .map(|(i, t)| borderlines_core::parse_document(&i.to_string(), t).unwrap()).collect() };
//! let index = SearchIndex::build(&corpus);
//! let r = index.search(&corpus, &Query::parse("fence -mines"), &SearchOptions::default());
//! assert_eq!(r.total, 1);
//! assert_eq!(r.hits[0].doc, 0);
//! let s = r.hits[0].snippet.as_ref().unwrap();
//! assert_eq!(&s.text[s.highlights[0].clone()], "fences");
//! ```

use std::fmt;
use std::ops::Range;

use borderlines_core::Corpus;
use serde::{Deserialize, Serialize};

use crate::eval::{alt_idf, alt_weight, eval_leaf, eval_plan, field_scores, LeafHits};
use crate::index::SearchIndex;
use crate::plan::{resolve, FieldResolver, Leaf, NoFields};
use crate::query::{Node, Query, TermKind};
use crate::rank::{proximity_factor, RankingParams};
use crate::snippet::{best_snippet, ranges_at_positions, window, Snippet};

/// How to search and what to return.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchOptions {
    /// Hits to return (with snippets and explanations).
    pub limit: usize,
    /// Hits to skip (paging).
    pub offset: usize,
    pub ranking: RankingParams,
    /// When nothing matches, retry words of five or more letters as fuzzy.
    pub typo_tolerance: bool,
    /// When nothing matches, first retry the query's last word as a prefix:
    /// while typing, it is usually unfinished ("bor" on the way to "border").
    pub complete_last_word: bool,
    /// Longest snippet, in bytes.
    pub snippet_len: usize,
    /// Build snippets and title highlights for the hits (turn off when only
    /// the ranking is needed).
    pub snippets: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        Self {
            limit: 20,
            offset: 0,
            ranking: RankingParams::default(),
            typo_tolerance: true,
            complete_last_word: true,
            snippet_len: 240,
            snippets: true,
        }
    }
}

/// The answer to a query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// Documents matching (all pages).
    pub total: usize,
    /// One page of hits, best first.
    pub hits: Vec<Hit>,
    /// How the query was understood (and run), in the query language.
    pub understood: String,
    /// Nothing matched as typed; `understood` shows the fuzzy retry.
    pub typo_fallback: bool,
    /// Nothing matched as typed; `understood` shows the last word read as
    /// a prefix.
    pub prefix_fallback: bool,
    /// The query asked for more word forms (prefixes, fuzzy words) than one
    /// query may look up ([`crate::plan::MAX_QUERY_EXPANSIONS`]); the words
    /// past that were matched as written, so the answer may be partial.
    #[serde(default)]
    pub limited: bool,
    /// Every matching document (all pages), ascending: what views filtered
    /// by the query count over.
    pub matching: Vec<u32>,
    /// The query that produced these results: the typed one, or its fuzzy
    /// retry after a typo fallback. Highlight with this one, so the reader
    /// marks what the snippets mark.
    #[serde(skip)]
    pub query: Query,
}

/// One matching document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Index into `Corpus::documents`.
    pub doc: usize,
    pub score: f32,
    /// The best passage; `None` for a document without blocks.
    pub snippet: Option<Snippet>,
    /// Byte ranges of the title to mark.
    pub title_highlights: Vec<Range<usize>>,
    /// Dictionary forms that matched (stems, prefix and fuzzy expansions).
    pub matched: Vec<String>,
    /// Why this matched.
    pub explanation: Explanation,
}

/// Why a document matched and how its score adds up.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    pub terms: Vec<TermExplanation>,
    /// Factor for the query's words standing close together (1 = none).
    pub proximity: f32,
}

/// One query word's contribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermExplanation {
    /// The word as the query wrote it.
    pub query: String,
    /// The form that matched.
    pub matched: String,
    pub idf: f32,
    /// Weight of the match kind (exact 1, prefix, fuzzy, stopword less).
    pub weight: f32,
    /// Per field: name, term frequency, score.
    pub fields: Vec<FieldExplanation>,
    pub score: f32,
}

/// One field's part of a word's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldExplanation {
    pub field: String,
    pub tf: u32,
    pub score: f32,
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, t) in self.terms.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(
                f,
                "{} → {} (idf {:.2}, weight {:.2}):",
                t.query, t.matched, t.idf, t.weight
            )?;
            for fe in &t.fields {
                write!(f, " {}×{} = {:.2}", fe.field, fe.tf, fe.score)?;
            }
        }
        if self.proximity > 1.0 {
            write!(f, "; proximity ×{:.2}", self.proximity)?;
        }
        Ok(())
    }
}

/// Candidates re-ranked with the proximity bonus (beyond one page).
const PROXIMITY_POOL: usize = 100;
const FIELD_NAMES: [&str; 3] = ["title", "byline", "body"];

impl SearchIndex {
    /// Searches `corpus` (the corpus this index was built from) for `query`.
    pub fn search(&self, corpus: &Corpus, query: &Query, options: &SearchOptions) -> SearchResults {
        self.search_with(corpus, query, options, &NoFields)
    }

    /// Like [`SearchIndex::search`], with metadata fields answered by `fields`.
    pub fn search_with(
        &self,
        corpus: &Corpus,
        query: &Query,
        options: &SearchOptions,
        fields: &dyn FieldResolver,
    ) -> SearchResults {
        let first = self.run(corpus, query, options, fields);
        if first.total > 0 {
            return first.results;
        }
        if let Some(completed) = options
            .complete_last_word
            .then(|| complete_last(query))
            .flatten()
        {
            let run = self.run(corpus, &completed, options, fields);
            if run.total > 0 {
                let mut r = run.results;
                r.prefix_fallback = true;
                r.query = completed;
                return r;
            }
        }
        if !options.typo_tolerance || first.typo_candidates.is_empty() {
            return first.results;
        }
        let fuzzy = Query {
            root: query
                .root
                .as_ref()
                .map(|n| fuzzify(n, &first.typo_candidates)),
        };
        let second = self.run(corpus, &fuzzy, options, fields);
        if second.total > 0 {
            let mut r = second.results;
            r.typo_fallback = true;
            r.query = fuzzy;
            r
        } else {
            first.results
        }
    }

    fn run(
        &self,
        corpus: &Corpus,
        query: &Query,
        o: &SearchOptions,
        fields: &dyn FieldResolver,
    ) -> Run {
        let understood = query.to_string();
        let n_docs = self.len().min(u32::MAX as usize) as u32;
        let resolved = resolve(self, query, fields, &o.ranking);
        let Some(plan) = &resolved.plan else {
            return self.browse(corpus, o, understood);
        };
        let leaves = &resolved.leaves;
        let hits: Vec<LeafHits> = leaves
            .iter()
            .map(|l| eval_leaf(self, l, &o.ranking))
            .collect();
        let docs = eval_plan(plan, &hits, n_docs);
        let matching = docs.clone();
        let typo_candidates = leaves
            .iter()
            .filter(|l| l.typo_candidate)
            .map(|l| l.label.clone())
            .collect();

        // BM25: the sum over the (non-negated) leaves matching each document.
        let mut scored: Vec<(u32, f32)> = docs.iter().map(|&d| (d, 0.0)).collect();
        let scoring: Vec<usize> = (0..leaves.len()).filter(|&i| !leaves[i].negated).collect();
        for &li in &scoring {
            let entries = &hits[li].entries;
            let mut j = 0;
            for (d, s) in scored.iter_mut() {
                j += entries[j..].partition_point(|e| e.doc < *d);
                match entries.get(j) {
                    Some(e) if e.doc == *d => *s += e.score,
                    _ => {}
                }
            }
        }
        let total = scored.len();
        let want = o.offset.saturating_add(o.limit);
        let pool = want.max(PROXIMITY_POOL).min(total);
        let by_rank = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if pool < total && pool > 0 {
            scored.select_nth_unstable_by(pool - 1, by_rank);
            scored.truncate(pool);
        }
        let mut prox = vec![1.0f32; scored.len()];
        if scoring.len() >= 2 && o.ranking.proximity > 0.0 {
            for (i, (d, s)) in scored.iter_mut().enumerate() {
                let spans: Vec<Vec<(u32, u32)>> = scoring
                    .iter()
                    .map(|&li| leaf_spans(self, &hits[li], &leaves[li], *d))
                    .collect();
                prox[i] = proximity_factor(
                    spans.iter().filter(|s| !s.is_empty()).count(),
                    min_span(&spans),
                    &o.ranking,
                );
                *s *= prox[i];
            }
        }
        let mut order: Vec<usize> = (0..scored.len()).collect();
        order.sort_by(|&a, &b| by_rank(&scored[a], &scored[b]));

        let page: Vec<Hit> = order
            .iter()
            .skip(o.offset)
            .take(o.limit)
            .map(|&i| {
                let (doc, score) = scored[i];
                self.hit(corpus, doc, score, prox[i], &scoring, leaves, &hits, o)
            })
            .collect();
        Run {
            total,
            results: SearchResults {
                total,
                hits: page,
                understood,
                typo_fallback: false,
                prefix_fallback: false,
                limited: resolved.limited,
                matching,
                query: query.clone(),
            },
            typo_candidates,
        }
    }

    /// A blank query lists documents in corpus order.
    fn browse(&self, corpus: &Corpus, o: &SearchOptions, understood: String) -> Run {
        let total = self.len();
        let hits = (o.offset..total.min(o.offset.saturating_add(o.limit)))
            .map(|doc| {
                let snippet = corpus
                    .documents
                    .get(doc)
                    .filter(|_| o.snippets)
                    .and_then(|d| {
                        let b = d
                            .blocks
                            .iter()
                            .position(|b| b.kind == borderlines_core::BlockKind::Paragraph)
                            .unwrap_or(0);
                        d.blocks
                            .get(b)
                            .map(|blk| window(&blk.text, b, &[], o.snippet_len))
                    });
                Hit {
                    doc,
                    score: 0.0,
                    snippet,
                    title_highlights: Vec::new(),
                    matched: Vec::new(),
                    explanation: Explanation::default(),
                }
            })
            .collect();
        Run {
            total,
            results: SearchResults {
                total,
                hits,
                understood,
                typo_fallback: false,
                prefix_fallback: false,
                limited: false,
                matching: (0..total).filter_map(|d| u32::try_from(d).ok()).collect(),
                query: Query::default(),
            },
            typo_candidates: Vec::new(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn hit(
        &self,
        corpus: &Corpus,
        doc: u32,
        score: f32,
        prox: f32,
        scoring: &[usize],
        leaves: &[Leaf],
        hits: &[LeafHits],
        o: &SearchOptions,
    ) -> Hit {
        let mut per_leaf = Vec::with_capacity(scoring.len());
        let mut explanation = Explanation {
            terms: Vec::new(),
            proximity: prox,
        };
        let mut matched = Vec::new();
        for &li in scoring {
            let leaf = &leaves[li];
            for e in hits[li].scoring_entries(leaf, doc) {
                let Some(alt) = leaf.alts.get(e.alt as usize) else {
                    continue;
                };
                let idf = alt_idf(self, alt);
                let weight = alt_weight(leaf, alt, &o.ranking);
                let parts = field_scores(self, doc, e.tf, idf, &o.ranking);
                let fields = (0..3)
                    .filter(|&f| e.tf[f] > 0)
                    .map(|f| FieldExplanation {
                        field: FIELD_NAMES[f].to_owned(),
                        tf: e.tf[f],
                        score: weight * parts[f],
                    })
                    .collect();
                let score = weight * parts.iter().sum::<f32>();
                explanation.terms.push(TermExplanation {
                    query: leaf.label.clone(),
                    matched: alt.form().to_owned(),
                    idf,
                    weight,
                    fields,
                    score,
                });
                if !matched.iter().any(|m| m == alt.form()) {
                    matched.push(alt.form().to_owned());
                }
            }
            per_leaf.push(leaf_spans(self, &hits[li], leaf, doc));
        }
        let (snippet, title_highlights) = match (
            corpus.documents.get(doc as usize),
            self.docs.get(doc as usize),
        ) {
            (Some(d), Some(info)) if o.snippets => {
                // The title's matches only (the tokenizer stops after the last).
                let mut all: Vec<(u32, u32)> = per_leaf
                    .iter()
                    .flatten()
                    .copied()
                    .filter(|s| s.0 < info.starts[1])
                    .collect();
                all.sort_unstable();
                (
                    best_snippet(d, info, &per_leaf, o.snippet_len),
                    ranges_at_positions(&d.title, info.starts[0], &all),
                )
            }
            _ => (None, Vec::new()),
        };
        Hit {
            doc: doc as usize,
            score,
            snippet,
            title_highlights,
            matched,
            explanation,
        }
    }
}

struct Run {
    total: usize,
    results: SearchResults,
    typo_candidates: Vec<String>,
}

fn leaf_spans(index: &SearchIndex, hits: &LeafHits, leaf: &Leaf, doc: u32) -> Vec<(u32, u32)> {
    let mut v = Vec::new();
    hits.positions(index, leaf, doc, &mut v);
    v.sort_unstable();
    v
}

/// The smallest window (in positions) holding a match of every non-empty list.
fn min_span(lists: &[Vec<(u32, u32)>]) -> u32 {
    let mut all: Vec<(u32, usize)> = lists
        .iter()
        .enumerate()
        .flat_map(|(i, l)| {
            l.iter()
                .map(move |&(p, len)| (p.saturating_add(len.saturating_sub(1)), i))
        })
        .collect();
    all.sort_unstable();
    let need = lists.iter().filter(|l| !l.is_empty()).count();
    if need < 2 {
        return 0;
    }
    let mut counts = vec![0usize; lists.len()];
    let (mut have, mut lo, mut best) = (0, 0, u32::MAX);
    for hi in 0..all.len() {
        if counts[all[hi].1] == 0 {
            have += 1;
        }
        counts[all[hi].1] += 1;
        while have == need {
            best = best.min((all[hi].0 - all[lo].0).saturating_add(1));
            counts[all[lo].1] -= 1;
            if counts[all[lo].1] == 0 {
                have -= 1;
            }
            lo += 1;
        }
    }
    best
}

/// The query with its last top-level word read as a prefix, if that word is
/// a plain one (not negated, quoted, fielded or already a prefix).
fn complete_last(query: &Query) -> Option<Query> {
    let prefixed = |n: &Node| match n {
        Node::Term {
            text,
            kind: TermKind::Exact,
        } => Some(Node::Term {
            text: text.clone(),
            kind: TermKind::Prefix,
        }),
        _ => None,
    };
    let root = match query.root.as_ref()? {
        Node::And(cs) => {
            let (last, rest) = cs.split_last()?;
            let mut cs = rest.to_vec();
            cs.push(prefixed(last)?);
            Node::And(cs)
        }
        n => prefixed(n)?,
    };
    Some(Query { root: Some(root) })
}

/// The query with the typo candidates made fuzzy.
fn fuzzify(n: &Node, words: &[String]) -> Node {
    match n {
        Node::Term {
            text,
            kind: TermKind::Exact,
        } if words.iter().any(|w| w == text) => Node::Term {
            text: text.clone(),
            kind: TermKind::Fuzzy,
        },
        Node::And(cs) => Node::And(cs.iter().map(|c| fuzzify(c, words)).collect()),
        Node::Or(cs) => Node::Or(cs.iter().map(|c| fuzzify(c, words)).collect()),
        Node::Not(c) => Node::Not(Box::new(fuzzify(c, words))),
        Node::Field(f, c) => Node::Field(f.clone(), Box::new(fuzzify(c, words))),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn min_span_finds_the_tightest_window() {
        assert_eq!(
            min_span(&[vec![(1, 1), (50, 1)], vec![(10, 1), (52, 1)]]),
            3
        );
        assert_eq!(min_span(&[vec![(1, 1)], vec![]]), 0);
        assert_eq!(min_span(&[vec![(5, 2)], vec![(7, 1)]]), 2);
    }
}
