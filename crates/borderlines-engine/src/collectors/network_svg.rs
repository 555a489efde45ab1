//! The entity network as a self-contained SVG file: the same nodes, edges
//! and positions the page draws, in fixed colours by kind (those of the
//! reader's entity annotations), with a legend of the kinds shown, the
//! thresholds applied and credits. Written through [`crate::svg`], so
//! labels from documents only ever become escaped text.
//!
//! ```
//! use borderlines_engine::{collectors::{network::{network, NetworkOptions}, network_svg::network_svg}, Engine};
//! let e = Engine::from_texts([("a", "Talks\nKim Jong Un met officials from China.")]).unwrap();
//! let net = network(&e, &e.select("", 10), &NetworkOptions::default());
//! let svg = network_svg(&net, &net.lay_out(&[]), "Entity network");
//! assert!(svg.contains(">Kim Jong Un</text>") && svg.contains(">People</text>"));
//! ```

use crate::collectors::network::{NetEdge, Network, FRAME};
use crate::entity_blocks::ENTITY_KINDS;
use crate::facets::FacetKind;
use crate::svg::{Document, Tag};

/// Labels drawn for this many of the most mentioned nodes (and every
/// chosen one).
pub const LABELLED: usize = 24;

/// A kind's colour in exports (the page's are CSS variables).
pub fn kind_color(kind: FacetKind) -> &'static str {
    match kind {
        FacetKind::Person => "#8b5cf6",
        FacetKind::Organisation => "#2563eb",
        FacetKind::Country => "#0d9488",
        FacetKind::Place => "#16a34a",
        _ => "#ea580c",
    }
}

/// Does node `i` get a label in the picture?
pub fn shows_label(net: &Network, i: usize) -> bool {
    i < LABELLED || net.nodes.get(i).is_some_and(|n| n.chosen)
}

/// Where the names go: for each node, the offset of its label's baseline
/// centre from the node's centre, or `None` for no label. The chosen nodes
/// and the [`LABELLED`] most mentioned get one, below their disc or else
/// above it, unless both spots would overlap a name already placed or
/// another disc (names are placed chosen first, then by rank). `font` is the
/// label size in frame units; widths are estimated from the characters (no
/// font metrics outside a browser).
pub fn label_offsets(net: &Network, positions: &[(f32, f32)], font: f32) -> Vec<Option<f32>> {
    let n = net.nodes.len();
    let at = |i: usize| positions.get(i).copied().unwrap_or((0.0, 0.0));
    let mut order: Vec<usize> = (0..n).filter(|&i| shows_label(net, i)).collect();
    order.sort_by_key(|&i| (!net.nodes[i].chosen, i));
    let mut placed: Vec<(f32, f32, f32, f32)> = Vec::new();
    let mut out = vec![None; n];
    let overlaps = |a: &(f32, f32, f32, f32), b: &(f32, f32, f32, f32)| {
        a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
    };
    for i in order {
        let node = &net.nodes[i];
        let (x, y) = at(i);
        let half = 0.3 * font * node.label.chars().count() as f32;
        for dy in [node.radius + font * 0.95, -(node.radius + font * 0.3)] {
            let b = (x - half, y + dy - font * 0.8, x + half, y + dy + font * 0.2);
            let on_label = placed.iter().any(|p| overlaps(p, &b));
            let on_disc = (0..n).any(|j| {
                let (cx, cy) = at(j);
                let r = net.nodes[j].radius;
                j != i && overlaps(&(cx - r, cy - r, cx + r, cy + r), &b)
            });
            if !on_label && !on_disc {
                placed.push(b);
                out[i] = Some(dy);
                break;
            }
        }
    }
    out
}

/// An edge's stroke width: 1 to 6 units, by weight on a log scale.
pub fn edge_width(net: &Network, e: &NetEdge) -> f32 {
    let most = net.edges.first().map_or(1, |e| e.weight).max(1) as f32;
    if most <= 1.0 {
        return 1.0;
    }
    1.0 + 5.0 * (e.weight.max(1) as f32).ln() / most.ln()
}

/// The SVG file of a network laid out at `positions` (from
/// [`Network::lay_out`]; missing positions put a node in the middle).
pub fn network_svg(net: &Network, positions: &[(f32, f32)], title: &str) -> String {
    let mut doc = Document::new(f64::from(FRAME.width), f64::from(FRAME.height), title);
    let at = |i: usize| {
        positions
            .get(i)
            .copied()
            .unwrap_or((FRAME.width / 2.0, FRAME.height / 2.0))
    };
    doc.push(
        Tag::new("rect")
            .num("width", f64::from(FRAME.width))
            .num("height", f64::from(FRAME.height))
            .attr("fill", "#fbfaf7")
            .attr("stroke", "#e2e0d8"),
    );
    // Lightest edges first, so heavy ones are drawn on top.
    for e in net.edges.iter().rev() {
        let (a, b) = (at(e.a as usize), at(e.b as usize));
        let (na, nb) = (&net.nodes[e.a as usize], &net.nodes[e.b as usize]);
        doc.push(
            Tag::new("line")
                .num("x1", f64::from(a.0))
                .num("y1", f64::from(a.1))
                .num("x2", f64::from(b.0))
                .num("y2", f64::from(b.1))
                .attr("stroke", "#8d96a3")
                .attr("stroke-opacity", "0.55")
                .num("stroke-width", f64::from(edge_width(net, e)))
                .title(&format!(
                    "{} – {}: {} paragraph{}",
                    na.label,
                    nb.label,
                    e.weight,
                    if e.weight == 1 { "" } else { "s" }
                )),
        );
    }
    for (i, n) in net.nodes.iter().enumerate().rev() {
        let p = at(i);
        doc.push(
            Tag::new("circle")
                .num("cx", f64::from(p.0))
                .num("cy", f64::from(p.1))
                .num("r", f64::from(n.radius))
                .attr("fill", kind_color(n.kind))
                .attr("fill-opacity", "0.85")
                .attr("stroke", if n.chosen { "#1d2733" } else { "#ffffff" })
                .num("stroke-width", if n.chosen { 2.5 } else { 1.0 })
                .title(&format!(
                    "{} ({}): {} mentions in {} documents",
                    n.label,
                    n.kind.label_one(),
                    n.mentions,
                    n.docs
                )),
        );
    }
    let labels = label_offsets(net, positions, 12.0);
    for (i, n) in net.nodes.iter().enumerate() {
        let Some(dy) = labels.get(i).copied().flatten() else {
            continue;
        };
        let p = at(i);
        doc.push(
            Tag::new("text")
                .num("x", f64::from(p.0))
                .num("y", f64::from(p.1 + dy))
                .attr("text-anchor", "middle")
                .attr("fill", "#1d2733")
                .attr("stroke", "#fbfaf7")
                .attr("stroke-width", "3")
                .attr("paint-order", "stroke")
                .text(&n.label),
        );
    }
    for kind in ENTITY_KINDS {
        if net.nodes.iter().any(|n| n.kind == kind) {
            doc.legend(kind.label(), kind_color(kind));
        }
    }
    doc.credit(&format!(
        "{} of {} entities (by mentions); an edge joins two named in the same paragraph, {} or more times ({} lighter pairs not drawn).",
        net.nodes.len(),
        net.entities,
        net.min_weight,
        net.hidden_edges
    ));
    doc.credit("Entities extracted by Borderlines from the documents; layout: Fruchterman–Reingold force-directed, computed in the page.");
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collectors::network::{network, NetworkOptions};
    use crate::Engine;

    #[test]
    fn the_file_has_every_node_edge_legend_and_credit() {
        let e = Engine::from_texts([(
            "a",
            "Talks\nKim Jong Un met officials from China.\n\nChina and Russia <b>signed</b>.",
        )])
        .unwrap();
        let net = network(&e, &e.select("", 10), &NetworkOptions::default());
        let pos = net.lay_out(&[]);
        let svg = network_svg(&net, &pos, "Network of <everything>");
        assert_eq!(svg.matches("<circle").count(), net.nodes.len());
        assert_eq!(svg.matches("<line").count(), net.edges.len());
        assert!(svg.contains("Network of &lt;everything&gt;"));
        assert!(svg.contains(">Countries</text>") && svg.contains(">People</text>"));
        assert!(
            !svg.contains(">Places</text>"),
            "only kinds shown are in the legend"
        );
        assert!(svg.contains("Fruchterman"));
        assert!(!svg.contains("<b>"));
        // Names never overlap each other.
        let offsets = label_offsets(&net, &pos, 12.0);
        assert!(offsets.iter().any(Option::is_some));
        let boxes: Vec<(f32, f32, f32, f32)> = offsets
            .iter()
            .enumerate()
            .filter_map(|(i, o)| {
                let dy = (*o)?;
                let half = 3.6 * net.nodes[i].label.chars().count() as f32;
                let (x, y) = pos[i];
                Some((x - half, y + dy - 9.6, x + half, y + dy + 2.4))
            })
            .collect();
        for (a, x) in boxes.iter().enumerate() {
            for y in &boxes[a + 1..] {
                assert!(
                    !(x.0 < y.2 && y.0 < x.2 && x.1 < y.3 && y.1 < x.3),
                    "{x:?} {y:?}"
                );
            }
        }
        // Fewer positions than nodes never panics.
        assert!(network_svg(&net, &[], "t").contains("<circle"));
    }
}
