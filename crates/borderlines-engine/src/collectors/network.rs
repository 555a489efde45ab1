//! The entity network: who is mentioned with whom. Nodes are the entities
//! of the selection (people, organisations, countries, places, groups),
//! one per facet value — so the same entity across documents is one node —
//! sized by mentions; an edge joins two entities named in the same
//! paragraph, weighted by the number of such paragraphs.
//!
//! Two thresholds keep a large selection readable: the `top` entities by
//! mentions (entities the query filters on are always kept), and a least
//! edge weight, which by default is the smallest that leaves at most about
//! four edges per node. Counting walks the per-paragraph value ids of
//! [`crate::Engine::entity_blocks`] (integers built once per engine) and
//! counts pairs only among the nodes kept, in a dense matrix.
//!
//! [`Network::lay_out`] places the nodes with [`crate::layout::force`],
//! deterministically, with pinned nodes where the link put them;
//! [`edge_passages`] lists the paragraphs behind an edge; [`nodes_csv`],
//! [`edges_csv`] and [`crate::collectors::network_svg`] export it.
//!
//! ```
//! use borderlines_engine::{collectors::network::{network, NetworkOptions}, Engine};
//! let e = Engine::from_texts([("a", "Talks\nKim Jong Un met officials from China.\n\nChina and Russia signed.")]).unwrap();
//! let net = network(&e, &e.select("", 10), &NetworkOptions::default());
//! let china = net.find("country:China").unwrap();
//! let kim = net.find("person:Kim Jong Un").unwrap();
//! assert_eq!(net.weight(kim, china), 1);
//! assert_eq!(net.nodes[china].mentions, 2);
//! ```

use std::ops::RangeInclusive;

use crate::entity_blocks::ENTITY_KINDS;
use crate::export::csv;
use crate::facets::{words, FacetKind};
use crate::layout::force::{layout, ForceOptions, Frame, Graph};
use crate::{Engine, Selection};

/// Entities kept when the link does not say.
pub const DEFAULT_TOP: u16 = 60;
/// How many entities a link may ask for.
pub const TOP_RANGE: RangeInclusive<u16> = 5..=300;
/// Highest least edge weight a link may ask for.
pub const MAX_MIN_WEIGHT: u16 = 10_000;
/// The frame nodes are laid out in (SVG units); pins are in it too.
pub const FRAME: Frame = Frame {
    width: 1000.0,
    height: 700.0,
};
/// Smallest and largest node radius.
const RADIUS: (f32, f32) = (5.0, 26.0);
/// The default least weight leaves about this many edges per node.
const EDGES_PER_NODE: usize = 4;

/// The thresholds (and pins) a view state asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkOptions {
    /// Entities kept, by mentions.
    pub top: usize,
    /// Least edge weight; `None` chooses one (see the module docs).
    pub min_weight: Option<u32>,
}

impl Default for NetworkOptions {
    fn default() -> Self {
        NetworkOptions {
            top: usize::from(DEFAULT_TOP),
            min_weight: None,
        }
    }
}

/// One entity of the network.
#[derive(Debug, Clone, PartialEq)]
pub struct NetNode {
    /// Its facet value id.
    pub id: u32,
    pub kind: FacetKind,
    pub label: String,
    /// Mentions in the selection's documents.
    pub mentions: u32,
    /// Documents of the selection mentioning it.
    pub docs: u32,
    /// Edges kept at this node.
    pub degree: u32,
    /// Is it one of the query's filters?
    pub chosen: bool,
    /// Disc radius in [`FRAME`] units, by mentions (area ∝ mentions).
    pub radius: f32,
}

impl NetNode {
    /// The node's key in a link (`person:Kim Jong Un`): its filter's field
    /// and its label.
    pub fn key(&self) -> String {
        node_key(self.kind, &self.label)
    }
}

/// An edge between two nodes (indices into [`Network::nodes`], `a < b`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetEdge {
    pub a: u32,
    pub b: u32,
    /// Paragraphs of the selection naming both.
    pub weight: u32,
}

/// The network of one selection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Network {
    /// By mentions, most first (ties: more documents, then alphabetical).
    pub nodes: Vec<NetNode>,
    /// By weight, heaviest first (ties: by node order).
    pub edges: Vec<NetEdge>,
    /// The least edge weight applied.
    pub min_weight: u32,
    /// Was it chosen by the collector (no `nmin` in the link)?
    pub min_weight_auto: bool,
    /// Distinct entities the selection mentions (before `top`).
    pub entities: usize,
    /// Pairs among the kept nodes left out by the least weight.
    pub hidden_edges: usize,
}

/// A node's key in a link: `field:label` (`country:China`).
pub fn node_key(kind: FacetKind, label: &str) -> String {
    format!("{}:{label}", kind.field())
}

/// Reads a node key back (an entity kind and a non-empty label).
pub fn parse_node_key(key: &str) -> Option<(FacetKind, &str)> {
    let (field, label) = key.split_once(':')?;
    let kind = FacetKind::from_field(field)?;
    (ENTITY_KINDS.contains(&kind) && !label.trim().is_empty()).then_some((kind, label))
}

impl Network {
    /// The node a key names (kind and label, compared as folded words).
    pub fn find(&self, key: &str) -> Option<usize> {
        let (kind, label) = parse_node_key(key)?;
        let w = words(label);
        self.nodes
            .iter()
            .position(|n| n.kind == kind && words(&n.label) == w)
    }

    /// The weight of the edge between nodes `a` and `b` (0: none kept).
    pub fn weight(&self, a: usize, b: usize) -> u32 {
        self.edges
            .iter()
            .find(|e| {
                (e.a as usize, e.b as usize) == (a, b) || (e.a as usize, e.b as usize) == (b, a)
            })
            .map_or(0, |e| e.weight)
    }

    /// Nodes to light up: the chosen ones (the query's filters) and their
    /// neighbours. All false when nothing is chosen.
    pub fn highlighted(&self) -> Vec<bool> {
        let mut lit: Vec<bool> = self.nodes.iter().map(|n| n.chosen).collect();
        for e in &self.edges {
            let (a, b) = (e.a as usize, e.b as usize);
            if self.nodes[a].chosen {
                lit[b] = true;
            }
            if self.nodes[b].chosen {
                lit[a] = true;
            }
        }
        lit
    }

    /// Positions of the nodes in [`FRAME`] (same order as `nodes`): a
    /// settled force-directed layout, the same for the same network and
    /// pins. `pins` are (node key, x, y); keys naming no node are ignored.
    pub fn lay_out(&self, pins: &[(String, f32, f32)]) -> Vec<(f32, f32)> {
        let mut graph = Graph {
            radii: self.nodes.iter().map(|n| n.radius).collect(),
            edges: self
                .edges
                .iter()
                .map(|e| (e.a, e.b, e.weight as f32))
                .collect(),
            pins: vec![None; self.nodes.len()],
        };
        for (key, x, y) in pins {
            if let Some(i) = self.find(key) {
                graph.pins[i] = Some((*x, *y));
            }
        }
        layout(&graph, FRAME, &ForceOptions::default()).positions
    }
}

fn radius(mentions: u32, most: u32) -> f32 {
    if most == 0 {
        return RADIUS.0;
    }
    let share = (mentions as f32 / most as f32).sqrt();
    RADIUS.0 + (RADIUS.1 - RADIUS.0) * share
}

/// The network of a selection.
pub fn network(engine: &Engine, selection: &Selection, options: &NetworkOptions) -> Network {
    let facets = engine.facets();
    let blocks = engine.entity_blocks();
    let docs = selection.docs();
    // Mentions and documents per value.
    let mut mentions = vec![0u32; facets.value_count()];
    let mut doc_count = vec![0u32; facets.value_count()];
    for &d in docs {
        for &(id, n) in blocks.mentions_of(d) {
            if let Some(m) = mentions.get_mut(id as usize) {
                *m += n;
                doc_count[id as usize] += 1;
            }
        }
    }
    // Entities the query filters on (included), kept whatever their rank.
    let mut chosen: Vec<u32> = selection
        .filters
        .iter()
        .filter(|f| !f.excluded && ENTITY_KINDS.contains(&f.kind))
        .flat_map(|f| facets.resolve(f.kind, &f.value))
        .filter(|&id| mentions.get(id as usize).is_some_and(|&m| m > 0))
        .collect();
    chosen.sort_unstable();
    chosen.dedup();
    let mut ranked: Vec<u32> = (0..mentions.len())
        .filter(|&i| mentions[i] > 0)
        .filter_map(|i| u32::try_from(i).ok())
        .collect();
    let entities = ranked.len();
    ranked.sort_by(|&a, &b| {
        let (a, b) = (a as usize, b as usize);
        mentions[b]
            .cmp(&mentions[a])
            .then(doc_count[b].cmp(&doc_count[a]))
            .then(
                facets
                    .alpha_rank(a as u32)
                    .cmp(&facets.alpha_rank(b as u32)),
            )
    });
    let top = options.top.max(1);
    let mut kept: Vec<u32> = ranked.iter().copied().take(top).collect();
    for &c in &chosen {
        if !kept.contains(&c) {
            kept.push(c);
        }
    }
    // Keep rank order (chosen ones that were outside the top go last).
    let n = kept.len();
    let mut local = vec![u32::MAX; facets.value_count()];
    for (i, &id) in kept.iter().enumerate() {
        local[id as usize] = u32::try_from(i).unwrap_or(u32::MAX);
    }
    // Pair counts among kept nodes: upper triangle of an n × n matrix.
    let mut weights = vec![0u32; n * n];
    let mut here: Vec<usize> = Vec::new();
    for &d in docs {
        for (_, ids) in blocks.blocks_of(d) {
            here.clear();
            here.extend(
                ids.iter()
                    .filter_map(|&id| local.get(id as usize))
                    .filter(|&&l| l != u32::MAX)
                    .map(|&l| l as usize),
            );
            for (x, &i) in here.iter().enumerate() {
                for &j in &here[x + 1..] {
                    let (a, b) = if i < j { (i, j) } else { (j, i) };
                    weights[a * n + b] += 1;
                }
            }
        }
    }
    let mut all: Vec<NetEdge> = Vec::new();
    for a in 0..n {
        for b in (a + 1)..n {
            let w = weights[a * n + b];
            if w > 0 {
                all.push(NetEdge {
                    a: a as u32,
                    b: b as u32,
                    weight: w,
                });
            }
        }
    }
    all.sort_by(|x, y| y.weight.cmp(&x.weight).then((x.a, x.b).cmp(&(y.a, y.b))));
    let (min_weight, min_weight_auto) = match options.min_weight {
        Some(w) => (w.max(1), false),
        None => (auto_min_weight(&all, n), true),
    };
    let edges: Vec<NetEdge> = all
        .iter()
        .copied()
        .filter(|e| e.weight >= min_weight)
        .collect();
    let most = kept
        .iter()
        .map(|&id| mentions[id as usize])
        .max()
        .unwrap_or(0);
    let mut nodes: Vec<NetNode> = kept
        .iter()
        .map(|&id| {
            let m = mentions[id as usize];
            NetNode {
                id,
                kind: facets.value(id).map_or(FacetKind::Person, |v| v.kind),
                label: facets.label(id).to_owned(),
                mentions: m,
                docs: doc_count[id as usize],
                degree: 0,
                chosen: chosen.contains(&id),
                radius: radius(m, most),
            }
        })
        .collect();
    for e in &edges {
        nodes[e.a as usize].degree += 1;
        nodes[e.b as usize].degree += 1;
    }
    Network {
        nodes,
        hidden_edges: all.len() - edges.len(),
        edges,
        min_weight,
        min_weight_auto,
        entities,
    }
}

/// The least weight leaving at most [`EDGES_PER_NODE`] edges per node
/// (`edges` sorted heaviest first); at least 1.
fn auto_min_weight(edges: &[NetEdge], nodes: usize) -> u32 {
    let budget = (nodes * EDGES_PER_NODE).max(30);
    if edges.len() <= budget {
        return 1;
    }
    // The weight of the budget-th heaviest edge, plus one if taking it
    // would also take more than the budget (ties at that weight).
    let w = edges[budget - 1].weight;
    let at_least = edges.iter().take_while(|e| e.weight >= w).count();
    if at_least > budget {
        w + 1
    } else {
        w
    }
}

/// A paragraph naming both ends of an edge.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgePassage {
    /// Index of the document in the corpus.
    pub doc: u32,
    /// The document's id (for the reader's link).
    pub doc_id: String,
    pub title: String,
    /// The paragraph's index in the document.
    pub block: u32,
    /// The paragraph, or the part of a long one around the two names
    /// (with `…` where it was cut).
    pub excerpt: String,
    /// Byte ranges of the two entities' mentions in `excerpt`, in order.
    pub marks: Vec<(usize, usize)>,
}

/// Characters kept either side of the names in a long paragraph.
const CONTEXT: usize = 220;

/// The char boundary at or before `i`, then back to a space (so words are
/// not cut), but never before `floor`.
fn word_start(text: &str, i: usize, floor: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    match text[floor..i].rfind(char::is_whitespace) {
        Some(sp) => floor + sp + 1,
        None => floor,
    }
}

/// The char boundary at or after `i`, then on to a space.
fn word_end(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    text[i..]
        .find(char::is_whitespace)
        .map_or(text.len(), |sp| i + sp)
}

/// The excerpt of a paragraph around `marks` (byte ranges, sorted) and the
/// marks moved into it.
fn excerpt(text: &str, marks: &[(usize, usize)]) -> (String, Vec<(usize, usize)>) {
    let first = marks.first().map_or(0, |m| m.0);
    let last = marks.last().map_or(0, |m| m.1).max(first);
    let start = if first > CONTEXT {
        word_start(text, first - CONTEXT, 0)
    } else {
        0
    };
    let end = if text.len() > last + CONTEXT {
        word_end(text, last + CONTEXT)
    } else {
        text.len()
    };
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < text.len() { "…" } else { "" };
    let out = format!("{lead}{}{tail}", &text[start..end]);
    let shift = lead.len();
    let moved = marks
        .iter()
        .filter(|m| m.0 >= start && m.1 <= end)
        .map(|m| (m.0 - start + shift, m.1 - start + shift))
        .collect();
    (out, moved)
}

/// The paragraphs of the selection naming both values `a` and `b` (facet
/// value ids), in corpus order: the first `limit`, and how many there are.
pub fn edge_passages(
    engine: &Engine,
    selection: &Selection,
    a: u32,
    b: u32,
    limit: usize,
) -> (Vec<EdgePassage>, usize) {
    let blocks = engine.entity_blocks();
    let corpus = engine.corpus();
    let mut out = Vec::new();
    let mut total = 0;
    for &d in selection.docs() {
        for (block, ids) in blocks.blocks_of(d) {
            if ids.binary_search(&a).is_err() || ids.binary_search(&b).is_err() || a == b {
                continue;
            }
            total += 1;
            if out.len() >= limit {
                continue;
            }
            let Some(doc) = corpus.documents.get(d as usize) else {
                continue;
            };
            let text = doc.block_text(block).unwrap_or("");
            let mut marks = mention_ranges(engine, d, block, &[a, b]);
            marks.retain(|&(s, e)| {
                s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
            });
            let (excerpt, marks) = excerpt(text, &marks);
            out.push(EdgePassage {
                doc: d,
                doc_id: doc.id.clone(),
                title: doc.title.clone(),
                block,
                excerpt,
                marks,
            });
        }
    }
    (out, total)
}

/// Byte ranges of the mentions of these values (facet value ids) in one
/// block of document `doc`, sorted, overlaps dropped.
fn mention_ranges(engine: &Engine, doc: u32, block: u32, values: &[u32]) -> Vec<(usize, usize)> {
    let Some(insights) = engine.insights(doc as usize) else {
        return Vec::new();
    };
    let facets = engine.facets();
    let wanted: Vec<(FacetKind, Vec<String>)> = values
        .iter()
        .filter_map(|&id| facets.value(id))
        .map(|v| (v.kind, words(&v.label)))
        .collect();
    let mut ranges: Vec<(usize, usize)> = insights
        .entities
        .iter()
        .filter(|e| {
            let kind = crate::facets::FacetKind::of_entity(e.kind);
            let w = words(&e.name);
            wanted.iter().any(|(k, lw)| *k == kind && *lw == w)
        })
        .flat_map(|e| e.mentions.iter())
        .filter(|m| m.loc.block == block)
        .map(|m| (m.loc.start as usize, m.loc.end as usize))
        .collect();
    ranges.sort_unstable();
    let mut kept: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for r in ranges {
        if kept.last().is_none_or(|l| r.0 >= l.1) {
            kept.push(r);
        }
    }
    kept
}

/// The nodes as CSV: label, kind, mentions, documents, degree.
pub fn nodes_csv(net: &Network) -> String {
    csv(
        &["label", "kind", "mentions", "documents", "degree"],
        net.nodes.iter().map(|n| {
            vec![
                n.label.clone(),
                n.kind.label_one().to_owned(),
                n.mentions.to_string(),
                n.docs.to_string(),
                n.degree.to_string(),
            ]
        }),
    )
}

/// The edges as CSV: source, target, weight (paragraphs naming both), and
/// the kinds of both ends.
pub fn edges_csv(net: &Network) -> String {
    csv(
        &["source", "target", "weight", "source_kind", "target_kind"],
        net.edges.iter().map(|e| {
            let (a, b) = (&net.nodes[e.a as usize], &net.nodes[e.b as usize]);
            vec![
                a.label.clone(),
                b.label.clone(),
                e.weight.to_string(),
                a.kind.label_one().to_owned(),
                b.kind.label_one().to_owned(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        Engine::from_texts([
            (
                "a",
                "Talks\nKim Jong Un met officials from China.\n\nChina and Russia signed a deal. Russia agreed.\n\nKim Jong Un spoke of China again.",
            ),
            ("b", "More\nRussia and China traded.\n\nSeoul was quiet."),
        ])
        .unwrap()
    }

    #[test]
    fn counts_paragraphs_naming_both_and_mentions() {
        let e = engine();
        let net = network(&e, &e.select("", 10), &NetworkOptions::default());
        let china = net.find("country:china").unwrap();
        let kim = net.find("person:Kim Jong Un").unwrap();
        let russia = net.find("country:Russia").unwrap();
        assert_eq!(net.weight(kim, china), 2);
        assert_eq!(net.weight(china, russia), 2);
        assert_eq!(net.weight(kim, russia), 0);
        assert_eq!(net.nodes[china].mentions, 4);
        assert_eq!(net.nodes[china].docs, 2);
        assert_eq!(net.nodes[russia].mentions, 3);
        assert_eq!(net.nodes[0].label, "China", "most mentioned first");
        assert!(net.edges.windows(2).all(|w| w[0].weight >= w[1].weight));
        // A narrower selection counts only its own documents.
        let net = network(&e, &e.select("seoul", 10), &NetworkOptions::default());
        assert_eq!(
            net.weight(
                net.find("country:china").unwrap(),
                net.find("country:russia").unwrap()
            ),
            1
        );
    }

    #[test]
    fn thresholds_cut_nodes_and_edges() {
        let e = engine();
        let s = e.select("", 10);
        let all = network(&e, &s, &NetworkOptions::default());
        let two = network(
            &e,
            &s,
            &NetworkOptions {
                top: 2,
                min_weight: None,
            },
        );
        assert_eq!(two.nodes.len(), 2);
        assert_eq!(two.entities, all.entities);
        let heavy = network(
            &e,
            &s,
            &NetworkOptions {
                top: 60,
                min_weight: Some(2),
            },
        );
        assert!(heavy.edges.iter().all(|e| e.weight >= 2));
        assert!(!heavy.min_weight_auto);
        assert_eq!(heavy.edges.len() + heavy.hidden_edges, all.edges.len());
    }

    #[test]
    fn chosen_entities_are_kept_and_light_their_neighbours() {
        let e = engine();
        let s = e.select("person:\"Kim Jong Un\"", 10);
        let net = network(
            &e,
            &s,
            &NetworkOptions {
                top: 1,
                min_weight: None,
            },
        );
        let kim = net.find("person:kim jong un").unwrap();
        assert!(net.nodes[kim].chosen);
        let lit = net.highlighted();
        assert!(lit[kim]);
        let china = net.find("country:China").unwrap();
        assert!(lit[china]);
    }

    #[test]
    fn auto_weight_keeps_about_four_edges_per_node() {
        let edges: Vec<NetEdge> = (0..200u32)
            .map(|i| NetEdge {
                a: 0,
                b: i + 1,
                weight: 200 - i,
            })
            .collect();
        let w = auto_min_weight(&edges, 20);
        assert_eq!(edges.iter().filter(|e| e.weight >= w).count(), 80);
        assert_eq!(auto_min_weight(&edges[..10], 20), 1);
    }

    #[test]
    fn edge_passages_list_paragraphs_with_both() {
        let e = engine();
        let s = e.select("", 10);
        let china = e.facets().resolve(FacetKind::Country, "China")[0];
        let kim = e.facets().resolve(FacetKind::Person, "Kim Jong Un")[0];
        let (rows, total) = edge_passages(&e, &s, kim, china, 10);
        assert_eq!(total, 2);
        assert_eq!(rows[0].doc_id, "a");
        assert!(rows[0].excerpt.contains("Kim Jong Un met"));
        let marked: Vec<&str> = rows[0]
            .marks
            .iter()
            .map(|&(s, e)| &rows[0].excerpt[s..e])
            .collect();
        assert_eq!(marked, ["Kim Jong Un", "China"]);
        let (rows, total) = edge_passages(&e, &s, kim, china, 1);
        assert_eq!((rows.len(), total), (1, 2));
        assert_eq!(edge_passages(&e, &s, kim, kim, 10).1, 0);
        assert_eq!(edge_passages(&e, &s, 99_999, kim, 10).1, 0);
    }

    #[test]
    fn long_paragraphs_are_cut_around_the_names() {
        let text = format!(
            "{} Kim met Moon. {}",
            "word ".repeat(100),
            "tail ".repeat(100)
        );
        let at = text.find("Kim").unwrap();
        let moon = text.find("Moon").unwrap();
        let (ex, marks) = excerpt(&text, &[(at, at + 3), (moon, moon + 4)]);
        assert!(ex.starts_with('…') && ex.ends_with('…'), "{ex}");
        assert!(ex.len() < 2 * CONTEXT + 40);
        assert_eq!(&ex[marks[0].0..marks[0].1], "Kim");
        assert_eq!(&ex[marks[1].0..marks[1].1], "Moon");
        let (short, m) = excerpt("Kim met Moon.", &[(0, 3)]);
        assert_eq!((short.as_str(), m), ("Kim met Moon.", vec![(0, 3)]));
        let (none, m) = excerpt("No names at all.", &[]);
        assert_eq!((none.as_str(), m.len()), ("No names at all.", 0));
        let wide = format!("{}é Kim", "ü".repeat(300));
        let k = wide.find("Kim").unwrap();
        let (ex, m) = excerpt(&wide, &[(k, k + 3)]);
        assert_eq!(&ex[m[0].0..m[0].1], "Kim");
    }

    #[test]
    fn keys_round_trip_and_csv_has_the_data() {
        assert_eq!(
            parse_node_key("person:Kim Jong Un"),
            Some((FacetKind::Person, "Kim Jong Un"))
        );
        assert_eq!(parse_node_key("year:2020"), None);
        assert_eq!(parse_node_key("nonsense"), None);
        assert_eq!(parse_node_key("person: "), None);
        let e = engine();
        let net = network(&e, &e.select("", 10), &NetworkOptions::default());
        let csv = edges_csv(&net);
        assert!(csv.starts_with("source,target,weight,"));
        assert!(
            csv.contains("Kim Jong Un,China,2,Person,Country\r\n")
                || csv.contains("China,Kim Jong Un,2,Country,Person\r\n"),
            "{csv}"
        );
        let nodes = nodes_csv(&net);
        assert!(nodes.starts_with("label,kind,mentions,documents,degree\r\nChina,Country,4,2,"));
    }

    #[test]
    fn layouts_repeat_and_keep_pins() {
        let e = engine();
        let net = network(&e, &e.select("", 10), &NetworkOptions::default());
        let a = net.lay_out(&[]);
        assert_eq!(a, net.lay_out(&[]));
        let pinned = net.lay_out(&[
            ("country:China".into(), 100.0, 120.0),
            ("person:nobody".into(), 1.0, 1.0),
        ]);
        assert_eq!(pinned[net.find("country:China").unwrap()], (100.0, 120.0));
    }
}
