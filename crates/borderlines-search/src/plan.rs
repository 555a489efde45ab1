//! Resolves a parsed [`Query`] against an index: every word becomes a
//! *leaf* whose alternatives are concrete dictionary terms or phrases
//! (stems, prefix expansions, fuzzy neighbours, the joined form of a
//! hyphenated word), and the boolean structure becomes a [`Plan`].

use std::collections::HashMap;

use fst::automaton::Str;
use fst::{Automaton, IntoStreamer, Streamer};

use crate::analyze::is_stopword;
use crate::fuzzy::EditDistance;
use crate::index::{SearchIndex, BODY, BYLINE, TITLE};
use crate::query::{Field, Node, Query, TermKind};
use crate::rank::RankingParams;
use crate::tokenize::{tokenize, TokenKind};

/// Answers metadata field filters (`entity:kim`, `source:reuters`): the
/// extension point for fields the text index does not know.
pub trait FieldResolver {
    /// Documents (ascending indices) whose field `name` matches `value`, or
    /// `None` when this resolver does not know the field (the value is then
    /// searched as ordinary text).
    fn docs(&self, name: &str, value: &str) -> Option<Vec<u32>>;
}

/// No metadata fields.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoFields;

impl FieldResolver for NoFields {
    fn docs(&self, _: &str, _: &str) -> Option<Vec<u32>> {
        None
    }
}

/// A map of field name → (lowercased value → documents).
impl FieldResolver for HashMap<String, HashMap<String, Vec<u32>>> {
    fn docs(&self, name: &str, value: &str) -> Option<Vec<u32>> {
        let values = self.get(name)?;
        let mut d = values
            .get(&value.to_lowercase())
            .cloned()
            .unwrap_or_default();
        d.sort_unstable();
        d.dedup();
        Some(d)
    }
}

/// One concrete way a leaf can match.
#[derive(Debug, Clone)]
pub enum Alt {
    /// A dictionary term, with a weight (1 for exact, less for prefix/fuzzy).
    Term {
        term: u32,
        weight: f32,
        form: String,
    },
    /// Terms at consecutive positions.
    Phrase { terms: Vec<u32>, form: String },
}

impl Alt {
    /// The form shown in explanations.
    pub fn form(&self) -> &str {
        match self {
            Alt::Term { form, .. } | Alt::Phrase { form, .. } => form,
        }
    }
}

/// A word or phrase of the query, resolved.
#[derive(Debug, Clone)]
pub struct Leaf {
    /// How the query wrote it (`fortif*`, `"border guards"`).
    pub label: String,
    pub alts: Vec<Alt>,
    /// Fields it may match in (bit per field).
    pub fields: u8,
    /// A stopword: optional next to other words, and weighted down.
    pub stop: bool,
    /// Under a negation: decides membership, never scores.
    pub negated: bool,
    /// Every matching form adds to the score (prefixes: all forms are the
    /// word meant); otherwise the closest form counts.
    pub sum_alts: bool,
    /// An exact word of five or more letters with no exact match: the
    /// candidate for automatic typo tolerance.
    pub typo_candidate: bool,
}

/// The boolean structure over leaves.
#[derive(Debug, Clone)]
pub enum Plan {
    Leaf(usize),
    /// `req` must all match, `opt` leaves only score, `excl` must not match.
    And {
        req: Vec<Plan>,
        opt: Vec<usize>,
        excl: Vec<Plan>,
    },
    Or(Vec<Plan>),
    Not(Box<Plan>),
    /// A fixed document set (a metadata field).
    Docs(Vec<u32>),
}

/// A resolved query.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub plan: Option<Plan>,
    pub leaves: Vec<Leaf>,
    /// The query asked for more prefix and fuzzy word forms than
    /// [`MAX_QUERY_EXPANSIONS`]: the words past the budget were looked up as
    /// written only, and the answer is partial.
    pub limited: bool,
}

const ALL_FIELDS: u8 = 0b111;
/// Prefix and fuzzy expansions kept per word (the most frequent first).
const MAX_EXPANSIONS: usize = 64;
/// Prefix and fuzzy expansions for the whole query. A link is an attack
/// surface: 300 one-letter prefixes (`d* d* …`) or 90 fuzzy words would
/// otherwise expand to ~20,000 word forms to look up, score and highlight.
pub const MAX_QUERY_EXPANSIONS: usize = 512;

/// Edit distance allowed for a fuzzy word of `chars` characters.
pub fn fuzzy_distance(chars: usize) -> u32 {
    match chars {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}

struct Resolver<'a> {
    index: &'a SearchIndex,
    fields: &'a dyn FieldResolver,
    params: &'a RankingParams,
    leaves: Vec<Leaf>,
    /// Leaves already resolved, by how they were written: a word repeated in
    /// the query is looked up once and is one leaf.
    seen: HashMap<(String, u8, bool, u8), usize>,
    /// Prefix and fuzzy expansions still allowed (see [`MAX_QUERY_EXPANSIONS`]).
    expansions_left: usize,
    limited: bool,
}

/// Resolves `query` against `index`.
pub fn resolve(
    index: &SearchIndex,
    query: &Query,
    fields: &dyn FieldResolver,
    params: &RankingParams,
) -> Resolved {
    let mut r = Resolver {
        index,
        fields,
        params,
        leaves: Vec::new(),
        seen: HashMap::new(),
        expansions_left: MAX_QUERY_EXPANSIONS,
        limited: false,
    };
    let plan = query
        .root
        .as_ref()
        .and_then(|n| r.node(n, ALL_FIELDS, None, false));
    Resolved {
        plan,
        leaves: r.leaves,
        limited: r.limited,
    }
}

/// A token of a query word: surface form, key, whether it is a joined compound.
struct QTok {
    surface: String,
    key: String,
    kind: TokenKind,
    joined: bool,
}

impl Resolver<'_> {
    /// The documents a metadata field (`person:kim`) names, when the
    /// resolver knows that field; `None` searches the value as text.
    fn named_field_docs(&self, named: Option<&str>, value: &str) -> Option<Plan> {
        self.fields.docs(named?, value).map(Plan::Docs)
    }

    fn node(&mut self, n: &Node, fields: u8, named: Option<&str>, negated: bool) -> Option<Plan> {
        match n {
            Node::Term { text, kind } => {
                if let Some(docs) = self.named_field_docs(named, text) {
                    return Some(docs);
                }
                Some(Plan::Leaf(self.term_leaf(
                    text,
                    *kind,
                    fields,
                    negated,
                    n.to_string(),
                )))
            }
            Node::Phrase(text) => {
                if let Some(docs) = self.named_field_docs(named, text) {
                    return Some(docs);
                }
                Some(Plan::Leaf(self.phrase_leaf(
                    text,
                    fields,
                    negated,
                    n.to_string(),
                )))
            }
            Node::And(children) => {
                let (mut req, mut opt, mut excl) = (Vec::new(), Vec::new(), Vec::new());
                for c in children {
                    match c {
                        Node::Not(inner) => excl.extend(self.node(inner, fields, named, !negated)),
                        c => {
                            if let Some(p) = self.node(c, fields, named, negated) {
                                match p {
                                    // A repeated word is one leaf: once is enough.
                                    Plan::Leaf(i) if opt.contains(&i) => {}
                                    Plan::Leaf(i)
                                        if req
                                            .iter()
                                            .any(|r| matches!(r, Plan::Leaf(j) if *j == i)) => {}
                                    Plan::Leaf(i) if self.leaves[i].stop => opt.push(i),
                                    p => req.push(p),
                                }
                            }
                        }
                    }
                }
                // Stopwords are optional only next to other words.
                if req.is_empty() {
                    req.extend(opt.drain(..).map(Plan::Leaf));
                }
                Some(Plan::And { req, opt, excl })
            }
            Node::Or(children) => {
                let mut alts: Vec<Plan> = Vec::with_capacity(children.len());
                for p in children
                    .iter()
                    .filter_map(|c| self.node(c, fields, named, negated))
                {
                    let repeated = matches!(p, Plan::Leaf(i)
                        if alts.iter().any(|a| matches!(a, Plan::Leaf(j) if *j == i)));
                    if !repeated {
                        alts.push(p);
                    }
                }
                Some(Plan::Or(alts))
            }
            Node::Not(inner) => Some(Plan::Not(Box::new(
                self.node(inner, fields, named, !negated)?,
            ))),
            Node::Field(f, inner) => match f {
                Field::Title => self.node(inner, 1 << TITLE, None, negated),
                Field::Byline => self.node(inner, 1 << BYLINE, None, negated),
                Field::Body => self.node(inner, 1 << BODY, None, negated),
                Field::Named(name) => self.node(inner, fields, Some(name), negated),
            },
        }
    }

    fn push(&mut self, leaf: Leaf) -> usize {
        self.leaves.push(leaf);
        self.leaves.len() - 1
    }

    fn query_tokens(&self, text: &str) -> Vec<QTok> {
        let a = &self.index.analyzer;
        let mut out = Vec::new();
        let mut surface = String::new();
        tokenize(text, |t| {
            a.surface_into(t.folded, t.kind, &mut surface);
            out.push(QTok {
                key: a.key(&surface, t.kind),
                surface: surface.clone(),
                kind: t.kind,
                joined: t.joined,
            });
        });
        out
    }

    fn exact_alt(&self, key: &str, form: &str) -> Option<Alt> {
        self.index.term_id(key).map(|term| Alt::Term {
            term,
            weight: 1.0,
            form: form.to_owned(),
        })
    }

    fn term_leaf(
        &mut self,
        text: &str,
        kind: TermKind,
        fields: u8,
        negated: bool,
        label: String,
    ) -> usize {
        let key = (label.clone(), fields, negated, kind as u8);
        if let Some(&i) = self.seen.get(&key) {
            return i;
        }
        let toks = self.query_tokens(text);
        let base: Vec<&QTok> = toks.iter().filter(|t| !t.joined).collect();
        let joined = toks.iter().find(|t| t.joined);
        let mut leaf = Leaf {
            label,
            alts: Vec::new(),
            fields,
            stop: false,
            negated,
            typo_candidate: false,
            sum_alts: false,
        };
        match (base.as_slice(), kind) {
            ([], _) => {}
            // A lone Han/Kana character: bigrams that start with it.
            ([t], TermKind::Exact)
                if t.kind == TokenKind::Cjk && t.surface.chars().count() == 1 =>
            {
                leaf.alts = self.prefix_alts(&t.surface, 1.0);
            }
            ([t], TermKind::Exact) => {
                leaf.alts.extend(self.exact_alt(&t.key, &t.surface));
                leaf.stop = is_stopword(&t.surface);
                leaf.typo_candidate = leaf.alts.is_empty() && t.surface.chars().count() >= 5;
            }
            (many, TermKind::Exact) => {
                if let Some(p) = self.phrase_alt(many) {
                    leaf.alts.push(p);
                }
                if let Some(j) = joined {
                    leaf.alts.extend(self.exact_alt(&j.key, &j.surface));
                }
            }
            (many, TermKind::Prefix) => {
                // "jong-u*" looks up the joined form.
                let surface = if many.len() > 1 {
                    joined.map_or(&many[0].surface, |j| &j.surface)
                } else {
                    &many[0].surface
                };
                leaf.alts = self.prefix_alts(surface, self.params.prefix_weight);
                leaf.sum_alts = true;
            }
            (many, TermKind::Fuzzy) => {
                let t = if many.len() > 1 {
                    joined.unwrap_or(many[0])
                } else {
                    many[0]
                };
                leaf.alts = self.fuzzy_alts(&t.surface);
                if let Some(exact) = self.exact_alt(&t.key, &t.surface) {
                    merge_alt(&mut leaf.alts, exact);
                }
            }
        }
        let i = self.push(leaf);
        self.seen.insert(key, i);
        i
    }

    fn phrase_leaf(&mut self, text: &str, fields: u8, negated: bool, label: String) -> usize {
        let toks = self.query_tokens(text);
        let base: Vec<&QTok> = toks.iter().filter(|t| !t.joined).collect();
        let mut leaf = Leaf {
            label,
            alts: Vec::new(),
            fields,
            stop: false,
            negated,
            typo_candidate: false,
            sum_alts: false,
        };
        match base.as_slice() {
            [] => {}
            [t] => leaf.alts.extend(self.exact_alt(&t.key, &t.surface)),
            many => leaf.alts.extend(self.phrase_alt(many)),
        }
        self.push(leaf)
    }

    fn phrase_alt(&self, toks: &[&QTok]) -> Option<Alt> {
        let terms: Option<Vec<u32>> = toks.iter().map(|t| self.index.term_id(&t.key)).collect();
        let form = toks
            .iter()
            .map(|t| t.surface.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        terms.map(|terms| Alt::Phrase { terms, form })
    }

    fn prefix_alts(&mut self, prefix: &str, weight: f32) -> Vec<Alt> {
        if self.expansions_left == 0 {
            self.limited = true;
            return Vec::new();
        }
        let mut found: HashMap<u32, String> = HashMap::new();
        let mut stream = self
            .index
            .surfaces
            .search(Str::new(prefix).starts_with())
            .into_stream();
        while let Some((surface, term)) = stream.next() {
            if let (Ok(term), Ok(s)) = (u32::try_from(term), std::str::from_utf8(surface)) {
                found.entry(term).or_insert_with(|| s.to_owned());
            }
        }
        self.top_expansions(
            found
                .into_iter()
                .map(|(term, form)| (term, weight, form))
                .collect(),
        )
    }

    fn fuzzy_alts(&mut self, surface: &str) -> Vec<Alt> {
        if self.expansions_left == 0 {
            self.limited = true;
            return Vec::new();
        }
        let chars = surface.chars().count();
        let dist = fuzzy_distance(chars);
        let mut found: HashMap<u32, (f32, String)> = HashMap::new();
        if dist > 0 {
            // The automaton counts bytes: allow a multi-byte character's worth
            // of extra edits, then keep what the character distance allows.
            let bytes = if surface.is_ascii() { dist } else { dist * 3 };
            // Long words must keep their first letter: a typo there is rare,
            // and fixing it prunes most of the dictionary.
            let prefix = if dist >= 2 {
                surface.chars().next().map_or(0, char::len_utf8)
            } else {
                0
            };
            if let Some(automaton) = EditDistance::new(surface, bytes as u8, prefix) {
                let mut stream = self.index.surfaces.search(automaton).into_stream();
                while let Some((s, term)) = stream.next() {
                    let (Ok(term), Ok(s)) = (u32::try_from(term), std::str::from_utf8(s)) else {
                        continue;
                    };
                    let w = match edit_distance(surface, s) {
                        0 => 1.0,
                        1 => self.params.fuzzy_weights[0],
                        d if d <= dist as usize => self.params.fuzzy_weights[1],
                        _ => continue,
                    };
                    let e = found.entry(term).or_insert((0.0, String::new()));
                    if w > e.0 {
                        *e = (w, s.to_owned());
                    }
                }
            }
        }
        self.top_expansions(
            found
                .into_iter()
                .map(|(term, (w, form))| (term, w, form))
                .collect(),
        )
    }

    /// Keeps the most useful expansions: best weight, then most frequent, then term order.
    fn top_expansions(&mut self, mut v: Vec<(u32, f32, String)>) -> Vec<Alt> {
        v.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(self.index.df(b.0).cmp(&self.index.df(a.0)))
                .then(a.0.cmp(&b.0))
        });
        let keep = MAX_EXPANSIONS.min(self.expansions_left);
        if v.len() > keep && keep < MAX_EXPANSIONS {
            self.limited = true;
        }
        v.truncate(keep);
        self.expansions_left -= v.len();
        v.into_iter()
            .map(|(term, weight, form)| Alt::Term { term, weight, form })
            .collect()
    }
}

/// Adds an exact alternative, replacing a weaker one for the same term.
fn merge_alt(alts: &mut Vec<Alt>, exact: Alt) {
    if let Alt::Term { term, .. } = &exact {
        alts.retain(|a| !matches!(a, Alt::Term { term: t, .. } if t == term));
    }
    alts.insert(0, exact);
}

/// Edit distance in characters where swapping two neighbours counts as
/// one edit (optimal string alignment); short words only, so quadratic is fine.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * w] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j - 1] + cost)
                .min(d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("defectros", "defectors"), 1);
        assert_eq!(edit_distance("defectros", "defection"), 2);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(edit_distance("학교", "학교"), 0);
    }
}
