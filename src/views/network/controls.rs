use std::sync::Arc;

use borderlines_engine::collectors::network::{nodes_csv, Network, TOP_RANGE};
use borderlines_engine::view_state::ViewState;
use leptos::prelude::*;

use crate::components::ExportLink;
use crate::session::use_session;

/// The thresholds (entities kept, least paragraphs per line), unpinning,
/// and the nodes' CSV. The number fields navigate, so they land in the link.
#[component]
pub(super) fn NetworkControls(net: Memo<Arc<Network>>) -> impl IntoView {
    let session = use_session();
    let on_top = move |ev: leptos::ev::Event| {
        if let Ok(n) = event_target_value(&ev).trim().parse::<u16>() {
            let n = n.clamp(*TOP_RANGE.start(), *TOP_RANGE.end());
            session.go(|s| s.network_top = Some(n));
        }
    };
    let on_min = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let text = text.trim();
        if text.is_empty() {
            session.go(|s| s.network_min = None);
        } else if let Ok(n) = text.parse::<u16>() {
            session.go(|s| s.network_min = Some(n.clamp(1, 10_000)));
        }
    };
    let top = move || {
        session.state.with(|s| s.network_top).map_or_else(
            || net.with(|n| n.nodes.len().max(1)).to_string(),
            |t| t.to_string(),
        )
    };
    let min = move || net.with(|n| n.min_weight.to_string());
    let auto_note = move || {
        net.with(|n| n.min_weight_auto)
            .then_some("(chosen by size)")
    };
    let unpin = move || {
        session.state.with(|s| !s.network_pins.is_empty()).then(|| {
            let href = session.href(|s: &mut ViewState| s.network_pins.clear());
            view! { <a class="chart-toggle" data-testid="network-unpin" href=href>"Unpin all"</a> }
        })
    };
    let nodes = Callback::new(move |()| net.with_untracked(|n| nodes_csv(n)));
    view! {
        <label>
            "Entities"
            <input
                type="number"
                min=TOP_RANGE.start().to_string()
                max=TOP_RANGE.end().to_string()
                prop:value=top
                on:change=on_top
                data-testid="network-top"
            />
        </label>
        <label>
            "Paragraphs per line, at least"
            <input
                type="number"
                min="1"
                max="10000"
                prop:value=min
                on:change=on_min
                data-testid="network-min"
            />
            <span class="muted">{auto_note}</span>
        </label>
        {unpin}
        <ExportLink format="csv" file_name="borderlines-network-nodes.csv" content=nodes label="Export nodes CSV"/>
    }
}
