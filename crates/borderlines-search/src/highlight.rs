//! Highlights for any text (the reader's title, byline and blocks): the
//! query's words are resolved once against the index, then each text is
//! tokenized and every token whose index key is one of the matched terms is
//! marked; phrases are marked only where their words follow each other.
//!
//! ```
//! use borderlines_search::{Query, SearchIndex};
//! let doc = borderlines_core::parse_document("a", "Walls Rise on the Yalu\nNew border fences were built along the river.").unwrap();
//! let index = SearchIndex::build(&borderlines_core::Corpus { documents: vec![doc] });
//! let text = "Fencing the border, they built a fence.";
//! let marks = index.highlight(&Query::parse("fence border"), text);
//! let words: Vec<&str> = marks.iter().map(|r| &text[r.clone()]).collect();
//! assert_eq!(words, ["Fencing", "border", "fence"]); // stems meet
//! ```

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::index::SearchIndex;
use crate::plan::{resolve, Alt, FieldResolver, NoFields};
use crate::query::Query;
use crate::rank::RankingParams;
use crate::snippet::merge;
use crate::tokenize::tokenize;

/// A query resolved for highlighting; reuse it for every block of a document.
#[derive(Debug, Clone)]
pub struct Highlighter<'a> {
    index: &'a SearchIndex,
    terms: HashSet<u32>,
    phrases: Vec<Vec<u32>>,
}

impl SearchIndex {
    /// Prepares highlighting of `query`'s matches (excluded words are not marked).
    pub fn highlighter(&self, query: &Query) -> Highlighter<'_> {
        self.highlighter_with(query, &NoFields)
    }

    /// Like [`SearchIndex::highlighter`], with metadata fields.
    pub fn highlighter_with(&self, query: &Query, fields: &dyn FieldResolver) -> Highlighter<'_> {
        let r = resolve(self, query, fields, &RankingParams::default());
        let mut terms = HashSet::new();
        let mut phrases = Vec::new();
        for leaf in r.leaves.iter().filter(|l| !l.negated) {
            for alt in &leaf.alts {
                match alt {
                    Alt::Term { term, .. } => {
                        terms.insert(*term);
                    }
                    Alt::Phrase { terms, .. } => phrases.push(terms.clone()),
                }
            }
        }
        Highlighter {
            index: self,
            terms,
            phrases,
        }
    }

    /// Byte ranges of `text` matching `query`, sorted and disjoint.
    pub fn highlight(&self, query: &Query, text: &str) -> Vec<Range<usize>> {
        self.highlighter(query).ranges(text)
    }
}

impl Highlighter<'_> {
    /// Does the query mark anything at all?
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.phrases.is_empty()
    }

    /// Byte ranges of `text` to mark, sorted and disjoint.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        let a = &self.index.analyzer;
        let mut memo: HashMap<String, Option<u32>> = HashMap::new();
        let mut surface = String::new();
        // Base tokens in position order: (term, byte range).
        let mut base: Vec<(Option<u32>, Range<usize>)> = Vec::new();
        let mut out = Vec::new();
        tokenize(text, |t| {
            a.surface_into(t.folded, t.kind, &mut surface);
            let term = match memo.get(surface.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.index.term_id(&a.key(&surface, t.kind));
                    memo.insert(surface.clone(), id);
                    id
                }
            };
            if term.is_some_and(|id| self.terms.contains(&id)) {
                out.push(t.start..t.end);
            }
            if !t.joined {
                base.push((term, t.start..t.end));
            }
        });
        for phrase in &self.phrases {
            if phrase.is_empty() || phrase.len() > base.len() {
                continue;
            }
            for i in 0..=base.len() - phrase.len() {
                if base[i..i + phrase.len()]
                    .iter()
                    .zip(phrase)
                    .all(|(b, &t)| b.0 == Some(t))
                {
                    out.push(base[i].1.start..base[i + phrase.len() - 1].1.end);
                }
            }
        }
        merge(out)
    }
}
