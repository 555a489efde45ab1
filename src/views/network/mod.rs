//! The entity network view: who is named with whom in the selection.
//! Nodes are entities (people, organisations, countries, places, groups)
//! sized by mentions and coloured by kind; edges join two entities named in
//! the same paragraph. Everything is computed by the engine
//! (`collectors::network` counts, `layout::force` places, `network_svg`
//! exports); this folder renders it and wires the clicks:
//!
//! - a node is a link that toggles its facet filter (so the selection
//!   narrows and a pill appears); the query's entities light up with their
//!   neighbours;
//! - an edge is a link that lists the paragraphs naming both (`nedge=`);
//! - dragging a node pins it there (`pin=`), and the layout runs again
//!   around it;
//! - arrow keys move between nodes, by position.

mod controls;
mod edge_list;
mod graph;
mod tables;

use std::sync::Arc;

use borderlines_engine::collectors::network::{
    edges_csv, network, parse_node_key, NetworkOptions, DEFAULT_TOP,
};
use borderlines_engine::collectors::network_svg::network_svg;
use leptos::prelude::*;

use crate::components::format_thousands;
use crate::session::use_session;
use crate::views::ChartPanel;
use controls::NetworkControls;
use edge_list::EdgeList;
use graph::NetworkGraph;
use tables::NetworkTables;

/// Positions of the nodes (same order as the network's) and how long the
/// layout took, in milliseconds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Placed {
    pub positions: Arc<Vec<(f32, f32)>>,
    pub millis: f64,
}

fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// The entity network of the selection, its tables and exports.
/// Hooks: `network-view`, `network-graph` (`data-layout-ms`, `data-nodes`,
/// `data-edges`), `network-node` (`data-key`, `data-kind`), `network-edge`,
/// `network-top`, `network-min`, `network-edge-passages`, `network-passage`.
#[component]
pub fn NetworkView() -> impl IntoView {
    let session = use_session();
    let options = Memo::new(move |_| {
        session.state.with(|s| NetworkOptions {
            top: usize::from(s.network_top.unwrap_or(DEFAULT_TOP)),
            min_weight: s.network_min.map(u32::from),
        })
    });
    let net = Memo::new(move |_| {
        let engine = session.engine.get();
        let options = options.get();
        Arc::new(session.selection.with(|s| network(&engine, s, &options)))
    });
    // Pins a link asks for that name no entity of this corpus are said, not
    // silently dropped (pins of entities filtered out of the selection are not).
    let unknown_pins_note = move || {
        let engine = session.engine.get();
        let facets = engine.facets();
        let unknown: Vec<String> = session.state.with(|s| {
            s.network_pins
                .iter()
                .filter(|p| {
                    parse_node_key(&p.node)
                        .is_none_or(|(kind, label)| facets.resolve(kind, label).is_empty())
                })
                .map(|p| format!("“{}”", p.node))
                .collect()
        });
        (!unknown.is_empty()).then(|| {
            view! {
                <p class="muted" data-testid="network-pin-note">
                    {format!("The link pins {}, which this corpus does not name.", unknown.join(", "))}
                </p>
            }
        })
    };
    let pins = Memo::new(move |_| {
        session.state.with(|s| {
            s.network_pins
                .iter()
                .map(|p| (p.node.clone(), f32::from(p.x), f32::from(p.y)))
                .collect::<Vec<_>>()
        })
    });
    let placed = Memo::new(move |_| {
        let pins = pins.get();
        net.with(|n| {
            let start = now();
            let positions = n.lay_out(&pins);
            Placed {
                positions: Arc::new(positions),
                millis: now() - start,
            }
        })
    });
    let intro = Signal::derive(move || {
        net.with(|n| {
            let docs = session.selection.with(|s| s.docs().len());
            if n.nodes.is_empty() {
                return "No person, organisation, country, place or group is named in the selection."
                    .to_owned();
            }
            let shown = if n.nodes.len() >= n.entities {
                format!("All {} entities", format_thousands(n.entities as u64))
            } else {
                format!(
                    "The {} most mentioned of {} entities",
                    n.nodes.len(),
                    format_thousands(n.entities as u64)
                )
            };
            format!(
                "{shown} named in {} {}; a line joins two named in the same paragraph {} (thicker: more paragraphs). Click an entity to filter by it, a line to read its paragraphs; drag an entity to pin it.",
                format_thousands(docs as u64),
                if docs == 1 { "document" } else { "documents" },
                if n.min_weight <= 1 {
                    "at least once".to_owned()
                } else {
                    format!("at least {} times", n.min_weight)
                },
            )
        })
    });
    let export_svg = Callback::new(move |()| {
        let title = session.state.with_untracked(|s| {
            if s.query.trim().is_empty() {
                "Entity network: all documents".to_owned()
            } else {
                format!("Entity network: {}", s.query.trim())
            }
        });
        net.with_untracked(|n| placed.with_untracked(|p| network_svg(n, &p.positions, &title)))
    });
    let export_csv = Callback::new(move |()| net.with_untracked(|n| edges_csv(n)));
    view! {
        <div class="network-view" data-testid="network-view">
            <ChartPanel
                view_key="network"
                title="Entity network"
                intro=intro
                svg_name="borderlines-network.svg"
                csv_name="borderlines-network-edges.csv"
                export_svg=export_svg
                export_csv=export_csv
                table=move || view! { <NetworkTables net=net/> }
                controls=move || view! { <NetworkControls net=net/> }
                credits="Entities are extracted from the documents in this page; the layout (force-directed, Fruchterman–Reingold) is computed here too."
            >
                <NetworkGraph net=net placed=placed/>
                <EdgeList/>
                {unknown_pins_note}
            </ChartPanel>
        </div>
    }
}
