use std::sync::Arc;

use borderlines_engine::collectors::network::Network;
use borderlines_engine::filters::{toggle, Filter};
use leptos::prelude::*;

use crate::components::format_thousands;
use crate::session::use_session;

/// The data behind the picture: every entity drawn and every line, with
/// the same links as the marks (filter by an entity, read an edge's
/// paragraphs).
#[component]
pub(super) fn NetworkTables(net: Memo<Arc<Network>>) -> impl IntoView {
    let session = use_session();
    move || {
        let n = net.get();
        let query = session.query.get();
        let nodes = n
            .nodes
            .iter()
            .map(|node| {
                let href =
                    session.href_query(toggle(&query, &Filter::include(node.kind, &node.label)));
                view! {
                    <tr>
                        <td><a href=href>{node.label.clone()}</a></td>
                        <td>{node.kind.label_one()}</td>
                        <td class="num">{format_thousands(u64::from(node.mentions))}</td>
                        <td class="num">{format_thousands(u64::from(node.docs))}</td>
                        <td class="num">{node.degree}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>();
        let edges = n
            .edges
            .iter()
            .map(|e| {
                let (a, b) = (&n.nodes[e.a as usize], &n.nodes[e.b as usize]);
                let pair = (a.key(), b.key());
                let href = session.href(move |s| s.network_edge = Some(pair));
                view! {
                    <tr>
                        <td>{a.label.clone()}</td>
                        <td>{b.label.clone()}</td>
                        <td class="num"><a href=href data-testid="network-edge-row">{format_thousands(u64::from(e.weight))}</a></td>
                    </tr>
                }
            })
            .collect::<Vec<_>>();
        view! {
            <table class="data-table" aria-label="Entities in the network" data-testid="network-node-table">
                <thead>
                    <tr>
                        <th scope="col">"Entity"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col" class="num">"Mentions"</th>
                        <th scope="col" class="num">"Documents"</th>
                        <th scope="col" class="num">"Lines"</th>
                    </tr>
                </thead>
                <tbody>{nodes}</tbody>
            </table>
            <table class="data-table" aria-label="Lines: entities named in the same paragraph" data-testid="network-edge-table">
                <thead>
                    <tr>
                        <th scope="col">"Entity"</th>
                        <th scope="col">"Named with"</th>
                        <th scope="col" class="num">"Paragraphs"</th>
                    </tr>
                </thead>
                <tbody>{edges}</tbody>
            </table>
        }
    }
}
