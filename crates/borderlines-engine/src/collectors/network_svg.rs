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
    for (i, n) in net.nodes.iter().enumerate() {
        if !shows_label(net, i) {
            continue;
        }
        let p = at(i);
        doc.push(
            Tag::new("text")
                .num("x", f64::from(p.0))
                .num("y", f64::from(p.1 + n.radius + 12.0))
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
        // Fewer positions than nodes never panics.
        assert!(network_svg(&net, &[], "t").contains("<circle"));
    }
}
