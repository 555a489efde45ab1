//! Evaluates a resolved query: each leaf becomes a list of scored document
//! entries (BM25 per field, best alternative per document), and the plan's
//! boolean structure becomes a sorted set of matching documents.

use crate::index::SearchIndex;
use crate::plan::{Alt, Leaf, Plan};
use crate::postings::Posting;
use crate::rank::{idf, tf_part, RankingParams};

/// One document matched by a leaf.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub doc: u32,
    pub score: f32,
    /// Index of the alternative that matched best.
    pub alt: u32,
    /// Frequencies per field (masked to the leaf's fields).
    pub tf: [u32; 3],
    /// Term alternatives: where the positions start in the index; phrase
    /// alternatives: where the match starts are in [`LeafHits::phrase_starts`].
    pub pos_off: u32,
    /// Number of positions (term) or phrase matches (phrase), all fields.
    pub pos_len: u32,
}

/// Everything a leaf matched.
#[derive(Debug, Clone, Default)]
pub struct LeafHits {
    /// Sorted by document, one entry per document (the preferred alternative).
    pub entries: Vec<Entry>,
    /// With several alternatives: every alternative's entry, sorted by
    /// document, so highlights show all forms that matched.
    pub all: Vec<Entry>,
    pub phrase_starts: Vec<u32>,
}

impl LeafHits {
    /// The entry for `doc`, if the leaf matched it.
    pub fn get(&self, doc: u32) -> Option<&Entry> {
        self.entries
            .binary_search_by_key(&doc, |e| e.doc)
            .ok()
            .map(|i| &self.entries[i])
    }

    /// The entries explaining `doc`'s score: every matching form when the
    /// leaf sums its alternatives, else the preferred one.
    pub fn scoring_entries(&self, leaf: &Leaf, doc: u32) -> Vec<Entry> {
        if leaf.sum_alts && !self.all.is_empty() {
            let from = self.all.partition_point(|e| e.doc < doc);
            self.all[from..]
                .iter()
                .take_while(|e| e.doc == doc)
                .copied()
                .collect()
        } else {
            self.get(doc).copied().into_iter().collect()
        }
    }

    /// Matched positions of `doc` as (start, length in positions).
    pub fn positions(&self, index: &SearchIndex, leaf: &Leaf, doc: u32, out: &mut Vec<(u32, u32)>) {
        if self.all.is_empty() {
            if let Some(e) = self.get(doc) {
                self.entry_positions(index, leaf, e, out);
            }
            return;
        }
        let from = self.all.partition_point(|e| e.doc < doc);
        for e in self.all[from..].iter().take_while(|e| e.doc == doc) {
            self.entry_positions(index, leaf, e, out);
        }
    }

    fn entry_positions(
        &self,
        index: &SearchIndex,
        leaf: &Leaf,
        e: &Entry,
        out: &mut Vec<(u32, u32)>,
    ) {
        let doc = e.doc;
        match leaf.alts.get(e.alt as usize) {
            Some(Alt::Term { .. }) => {
                let mut ps = Vec::new();
                index.positions(
                    &Posting {
                        doc,
                        tf: [0, 0, e.pos_len],
                        pos_off: e.pos_off,
                    },
                    &mut ps,
                );
                let info = index.docs.get(doc as usize);
                out.extend(
                    ps.into_iter()
                        .filter(|&p| info.is_some_and(|i| leaf.fields & (1 << i.field_of(p)) != 0))
                        .map(|p| (p, 1)),
                );
            }
            Some(Alt::Phrase { terms, .. }) => {
                let (s, n) = (e.pos_off as usize, e.pos_len as usize);
                let len = terms.len() as u32;
                out.extend(
                    self.phrase_starts
                        .get(s..s + n)
                        .unwrap_or(&[])
                        .iter()
                        .map(|&p| (p, len)),
                );
            }
            None => {}
        }
    }
}

/// BM25 of one alternative in one document, per field.
pub fn field_scores(
    index: &SearchIndex,
    doc: u32,
    tf: [u32; 3],
    idf: f32,
    p: &RankingParams,
) -> [f32; 3] {
    let avg = index.avg_lens();
    let lens = index.docs.get(doc as usize).map_or([0; 3], |d| d.lens);
    let mut out = [0.0; 3];
    for f in 0..3 {
        out[f] = p.field_weights[f] * idf * tf_part(tf[f], lens[f], avg[f], p);
    }
    out
}

/// The idf of an alternative (a phrase counts as rare as its words together).
pub fn alt_idf(index: &SearchIndex, alt: &Alt) -> f32 {
    let n = index.len();
    match alt {
        Alt::Term { term, .. } => idf(n, index.df(*term)),
        Alt::Phrase { terms, .. } => terms.iter().map(|&t| idf(n, index.df(t))).sum(),
    }
}

/// The weight of an alternative within its leaf.
pub fn alt_weight(leaf: &Leaf, alt: &Alt, p: &RankingParams) -> f32 {
    let w = match alt {
        Alt::Term { weight, .. } => *weight,
        Alt::Phrase { .. } => 1.0,
    };
    if leaf.stop {
        w * p.stopword_weight
    } else {
        w
    }
}

fn mask(tf: [u32; 3], fields: u8) -> [u32; 3] {
    let mut t = tf;
    for (f, v) in t.iter_mut().enumerate() {
        if fields & (1 << f) == 0 {
            *v = 0;
        }
    }
    t
}

/// Finds every document a leaf matches, scored.
pub fn eval_leaf(index: &SearchIndex, leaf: &Leaf, p: &RankingParams) -> LeafHits {
    let mut hits = LeafHits::default();
    // Room for every posting of single-term alternatives (phrases match fewer).
    let cap: u64 = leaf
        .alts
        .iter()
        .map(|a| match a {
            Alt::Term { term, .. } => u64::from(index.df(*term)),
            Alt::Phrase { .. } => 0,
        })
        .sum();
    hits.entries
        .reserve(cap.min(index.len() as u64 * 4) as usize);
    for (ai, alt) in leaf.alts.iter().enumerate() {
        let idf = alt_idf(index, alt);
        let w = alt_weight(leaf, alt, p);
        match alt {
            Alt::Term { term, .. } => {
                for post in index.postings(*term) {
                    let tf = mask(post.tf, leaf.fields);
                    if tf == [0; 3] {
                        continue;
                    }
                    let score = w * field_scores(index, post.doc, tf, idf, p)
                        .iter()
                        .sum::<f32>();
                    hits.entries.push(Entry {
                        doc: post.doc,
                        score,
                        alt: ai as u32,
                        tf,
                        pos_off: post.pos_off,
                        pos_len: post.total(),
                    });
                }
            }
            Alt::Phrase { terms, .. } => phrase_hits(index, leaf, ai, terms, idf * w, p, &mut hits),
        }
    }
    if leaf.alts.len() > 1 {
        // Per document, prefer the closest form (exact over fuzzy), then the
        // best score, then the earlier alternative.
        let weights: Vec<f32> = leaf.alts.iter().map(|a| alt_weight(leaf, a, p)).collect();
        let weight = |e: &Entry| weights.get(e.alt as usize).copied().unwrap_or(0.0);
        hits.entries.sort_unstable_by(|a, b| {
            a.doc
                .cmp(&b.doc)
                .then(weight(b).total_cmp(&weight(a)))
                .then(b.score.total_cmp(&a.score))
                .then(a.alt.cmp(&b.alt))
        });
        hits.all = hits.entries.clone();
        if leaf.sum_alts {
            hits.entries.dedup_by(|later, first| {
                let same = later.doc == first.doc;
                if same {
                    first.score += later.score;
                }
                same
            });
        } else {
            hits.entries.dedup_by_key(|e| e.doc);
        }
    }
    hits
}

fn phrase_hits(
    index: &SearchIndex,
    leaf: &Leaf,
    ai: usize,
    terms: &[u32],
    idf: f32,
    p: &RankingParams,
    hits: &mut LeafHits,
) {
    let lists: Vec<Vec<Posting>> = terms.iter().map(|&t| index.postings(t).collect()).collect();
    let Some(rarest) = (0..lists.len()).min_by_key(|&i| lists[i].len()) else {
        return;
    };
    let mut cursors = vec![0usize; lists.len()];
    let mut sets = vec![Vec::new(); lists.len()];
    'docs: for cand in &lists[rarest] {
        let doc = cand.doc;
        let mut row = Vec::with_capacity(lists.len());
        for (i, list) in lists.iter().enumerate() {
            let c = &mut cursors[i];
            *c += list[*c..].partition_point(|x| x.doc < doc);
            match list.get(*c) {
                Some(x) if x.doc == doc => row.push(*x),
                _ => continue 'docs,
            }
        }
        for (i, post) in row.iter().enumerate() {
            sets[i].clear();
            index.positions(post, &mut sets[i]);
        }
        let Some(info) = index.docs.get(doc as usize) else {
            continue;
        };
        let start = hits.phrase_starts.len();
        let mut tf = [0u32; 3];
        for &p0 in &sets[0] {
            let all = (1..sets.len())
                .all(|i| sets[i].binary_search(&p0.saturating_add(i as u32)).is_ok());
            let field = info.field_of(p0);
            if all && leaf.fields & (1 << field) != 0 {
                tf[field] += 1;
                hits.phrase_starts.push(p0);
            }
        }
        let n = (hits.phrase_starts.len() - start) as u32;
        if n == 0 {
            continue;
        }
        let score = idf * field_scores(index, doc, tf, 1.0, p).iter().sum::<f32>();
        hits.entries.push(Entry {
            doc,
            score,
            alt: ai as u32,
            tf,
            pos_off: start as u32,
            pos_len: n,
        });
    }
}

/// Evaluates the plan to the sorted set of matching documents.
pub fn eval_plan(plan: &Plan, leaves: &[LeafHits], n_docs: u32) -> Vec<u32> {
    match plan {
        Plan::Leaf(i) => leaves
            .get(*i)
            .map(|h| h.entries.iter().map(|e| e.doc).collect())
            .unwrap_or_default(),
        Plan::Docs(d) => d.iter().copied().filter(|&x| x < n_docs).collect(),
        Plan::Or(children) => {
            let mut out: Vec<u32> = children
                .iter()
                .flat_map(|c| eval_plan(c, leaves, n_docs))
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        }
        Plan::Not(inner) => difference(
            &(0..n_docs).collect::<Vec<_>>(),
            &eval_plan(inner, leaves, n_docs),
        ),
        Plan::And { req, excl, .. } => {
            let mut sets: Vec<Vec<u32>> =
                req.iter().map(|c| eval_plan(c, leaves, n_docs)).collect();
            sets.sort_by_key(Vec::len);
            let mut acc = match sets.first() {
                Some(_) => sets.remove(0),
                None => (0..n_docs).collect(),
            };
            for s in &sets {
                if acc.is_empty() {
                    break;
                }
                acc = intersect(&acc, s);
            }
            for e in excl {
                if acc.is_empty() {
                    break;
                }
                acc = difference(&acc, &eval_plan(e, leaves, n_docs));
            }
            acc
        }
    }
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let mut j = 0;
    for &x in a {
        j += b[j..].partition_point(|&y| y < x);
        if b.get(j) == Some(&x) {
            out.push(x);
        }
    }
    out
}

fn difference(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len());
    let mut j = 0;
    for &x in a {
        j += b[j..].partition_point(|&y| y < x);
        if b.get(j) != Some(&x) {
            out.push(x);
        }
    }
    out
}
