use std::sync::Arc;

use borderlines_engine::collectors::network::{Network, FRAME};
use borderlines_engine::collectors::network_svg::{edge_width, label_offsets};
use borderlines_engine::filters::{toggle, Filter};
use borderlines_engine::layout::nearest::{nearest, Direction};
use borderlines_engine::view_state::{NodePin, MAX_PINS, MAX_PIN_COORD};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Placed;
use crate::session::use_session;

/// Labels shown on narrow screens too (the rest hide below 600 px).
const MAJOR_LABELS: usize = 10;
/// The names' size in frame units (style/network.css, wide screens).
const LABEL_FONT: f32 = 15.0;
/// Pointer travel (px) before a press on a node becomes a drag.
const DRAG_SLOP: f64 = 5.0;

/// A node being dragged: where the press started (client px), the
/// picture's box on screen (left, top, width, height) and where the node
/// is now (frame units).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Drag {
    node: usize,
    start: (f64, f64),
    rect: (f64, f64, f64, f64),
    at: (f32, f32),
    moved: bool,
}

impl Drag {
    /// A pointer position (client px) in frame units, inside the frame.
    fn in_frame(&self, x: f64, y: f64) -> (f32, f32) {
        let (left, top, w, h) = self.rect;
        let fx = if w > 0.0 { (x - left) / w } else { 0.5 };
        let fy = if h > 0.0 { (y - top) / h } else { 0.5 };
        (
            (fx.clamp(0.0, 1.0) as f32) * FRAME.width,
            (fy.clamp(0.0, 1.0) as f32) * FRAME.height,
        )
    }
}

fn focus_node(i: usize) {
    let selector = format!("[data-testid=network-node][data-index=\"{i}\"]");
    if let Ok(Some(el)) = document().query_selector(&selector) {
        if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
            let _ = el.focus();
        }
    }
}

/// The picture: lines, then discs (links), then the biggest names.
#[component]
pub(super) fn NetworkGraph(net: Memo<Arc<Network>>, placed: Memo<Placed>) -> impl IntoView {
    let session = use_session();
    let drag = RwSignal::new(None::<Drag>);
    // A drag ends with a click on the node; that click must not filter.
    let swallow_click = StoredValue::new(false);
    let focused = RwSignal::new(0usize);
    // A new layout (after a pin landed in the link) ends the drag. On a
    // narrow screen the picture scrolls sideways: start at its middle.
    Effect::new(move |_| {
        placed.track();
        drag.set(None);
        if let Ok(Some(body)) = document().query_selector("[data-testid=network-view] .chart-body")
        {
            let spare = body.scroll_width() - body.client_width();
            if spare > 0 && body.scroll_left() == 0 {
                body.set_scroll_left(spare / 2);
            }
        }
    });
    let pos = move |i: usize| -> (f32, f32) {
        let dragged = drag.with(|d| d.filter(|d| d.node == i && d.moved).map(|d| d.at));
        dragged.unwrap_or_else(|| {
            placed.with(|p| {
                p.positions
                    .get(i)
                    .copied()
                    .unwrap_or((FRAME.width / 2.0, FRAME.height / 2.0))
            })
        })
    };
    // One closure type each for every mark's place, so the page carries
    // one copy of the code that updates them while a node is dragged.
    let at = move |i: usize, dy: f32| {
        move || {
            let (x, y) = pos(i);
            format!("translate({:.1} {:.1})", x, y + dy)
        }
    };
    let segment = move |a: usize, b: usize| {
        move || {
            let (p, q) = (pos(a), pos(b));
            format!("M{:.1} {:.1}L{:.1} {:.1}", p.0, p.1, q.0, q.1)
        }
    };
    move || {
        let n = net.get();
        let p = placed.get();
        let query = session.query.get();
        let (chosen_edge, pinned) = session.state.with(|s| {
            (
                s.network_edge.clone(),
                s.network_pins
                    .iter()
                    .map(|p| p.node.clone())
                    .collect::<Vec<_>>(),
            )
        });
        let lit = n.highlighted();
        let any_chosen = n.nodes.iter().any(|x| x.chosen);
        let chosen_pair = chosen_edge
            .as_ref()
            .and_then(|(a, b)| Some((n.find(a)?, n.find(b)?)));
        if focused.get_untracked() >= n.nodes.len() {
            focused.set(0);
        }
        let edges = n
            .edges
            .iter()
            .rev()
            .map(|e| {
                let (a, b) = (e.a as usize, e.b as usize);
                let (na, nb) = (&n.nodes[a], &n.nodes[b]);
                let is_chosen = chosen_pair.is_some_and(|(x, y)| (x, y) == (a, b) || (x, y) == (b, a));
                let mut class = String::from("net-edge");
                if is_chosen {
                    class.push_str(" chosen");
                }
                if any_chosen {
                    class.push_str(if na.chosen || nb.chosen { " lit" } else { " dim" });
                }
                let pair = (na.key(), nb.key());
                let href = session.href(move |s| {
                    s.network_edge = if is_chosen { None } else { Some(pair) };
                });
                let title = format!(
                    "{} and {}: named together in {} {}",
                    na.label,
                    nb.label,
                    e.weight,
                    if e.weight == 1 { "paragraph" } else { "paragraphs" }
                );
                let width = edge_width(&n, e);
                let aria = title.clone();
                view! {
                    <g>
                        <a href=href class=class data-testid="network-edge" tabindex="-1" aria-label=aria>
                            <title>{title}</title>
                            <path class="net-edge-hit" d=segment(a, b)></path>
                            <path class="net-edge-line" stroke-width=width d=segment(a, b)></path>
                        </a>
                    </g>
                }
            })
            .collect::<Vec<_>>();
        let positions = Arc::clone(&p.positions);
        let last = n.nodes.len().saturating_sub(1);
        let nodes = n
            .nodes
            .iter()
            .enumerate()
            .rev()
            .map(|(i, node)| {
                let key = node.key();
                let href =
                    session.href_query(toggle(&query, &Filter::include(node.kind, &node.label)));
                let mut class = format!("net-node kind-{}", node.kind.field());
                if node.chosen {
                    class.push_str(" chosen");
                }
                if any_chosen {
                    class.push_str(if lit[i] { " lit" } else { " dim" });
                }
                if pinned.contains(&key) {
                    class.push_str(" pinned");
                }
                let title = format!(
                    "{} ({}): {} mentions in {} {}, {} {}{}",
                    node.label,
                    node.kind.label_one(),
                    node.mentions,
                    node.docs,
                    if node.docs == 1 {
                        "document"
                    } else {
                        "documents"
                    },
                    node.degree,
                    if node.degree == 1 { "line" } else { "lines" },
                    if node.chosen {
                        " — filtering on it (click to remove)"
                    } else {
                        ""
                    }
                );
                let positions = Arc::clone(&positions);
                let drop_key = key.clone();
                let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
                    let key = ev.key();
                    let next = match key.as_str() {
                        "Home" => Some(0),
                        "End" => Some(last),
                        k => Direction::from_key(k).and_then(|d| nearest(&positions, i, d)),
                    };
                    if key.starts_with("Arrow") || key == "Home" || key == "End" {
                        ev.prevent_default();
                    }
                    if let Some(j) = next {
                        focused.set(j);
                        focus_node(j);
                    }
                };
                let on_down = move |ev: leptos::ev::PointerEvent| {
                    swallow_click.set_value(false);
                    if ev.button() != 0 {
                        return;
                    }
                    let Some(el) = ev
                        .current_target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    else {
                        return;
                    };
                    let Ok(Some(svg)) = el.closest("svg") else {
                        return;
                    };
                    let r = svg.get_bounding_client_rect();
                    let _ = el.set_pointer_capture(ev.pointer_id());
                    drag.set(Some(Drag {
                        node: i,
                        start: (f64::from(ev.client_x()), f64::from(ev.client_y())),
                        rect: (r.left(), r.top(), r.width(), r.height()),
                        at: pos(i),
                        moved: false,
                    }));
                };
                let on_move = move |ev: leptos::ev::PointerEvent| {
                    let Some(mut d) = drag.get_untracked().filter(|d| d.node == i) else {
                        return;
                    };
                    let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
                    if !d.moved && (x - d.start.0).hypot(y - d.start.1) < DRAG_SLOP {
                        return;
                    }
                    d.moved = true;
                    d.at = d.in_frame(x, y);
                    drag.set(Some(d));
                };
                let on_up = move |_: leptos::ev::PointerEvent| {
                    let Some(d) = drag.get_untracked().filter(|d| d.node == i) else {
                        return;
                    };
                    if !d.moved {
                        drag.set(None);
                        return;
                    }
                    swallow_click.set_value(true);
                    let node = drop_key.clone();
                    let clamp = |v: f32| (v.round().max(0.0) as u16).min(MAX_PIN_COORD);
                    let (x, y) = (clamp(d.at.0), clamp(d.at.1));
                    session.go(move |s| {
                        s.network_pins.retain(|p| p.node != node);
                        s.network_pins.push(NodePin { node, x, y });
                        if s.network_pins.len() > MAX_PINS {
                            s.network_pins.remove(0);
                        }
                    });
                };
                let on_click = move |ev: leptos::ev::MouseEvent| {
                    if swallow_click.get_value() {
                        swallow_click.set_value(false);
                        ev.prevent_default();
                    }
                };
                let radius = node.radius;
                let aria = title.clone();
                view! {
                    <g>
                        <a
                            href=href
                            class=class
                            data-testid="network-node"
                            data-key=key
                            data-kind=node.kind.field()
                            data-index=i.to_string()
                            tabindex=move || if focused.get() == i { "0" } else { "-1" }
                            aria-label=aria
                            on:keydown=on_keydown
                            on:focus=move |_| focused.set(i)
                            on:pointerdown=on_down
                            on:pointermove=on_move
                            on:pointerup=on_up
                            on:pointercancel=move |_| drag.set(None)
                            on:dragstart=|ev: leptos::ev::DragEvent| ev.prevent_default()
                            on:click=on_click
                        >
                            <title>{title}</title>
                            <circle r=radius transform=at(i, 0.0)></circle>
                        </a>
                    </g>
                }
            })
            .collect::<Vec<_>>();
        let offsets = label_offsets(&n, &p.positions, LABEL_FONT);
        let labels = n
            .nodes
            .iter()
            .enumerate()
            .filter_map(|(i, node)| Some((i, node, offsets.get(i).copied().flatten()?)))
            .map(|(i, node, dy)| {
                let class = if i < MAJOR_LABELS || node.chosen {
                    "net-label"
                } else {
                    "net-label minor"
                };
                view! {
                    <g>
                        <text class=class transform=at(i, dy) text-anchor="middle">{node.label.clone()}</text>
                    </g>
                }
            })
            .collect::<Vec<_>>();
        let label = format!(
            "Entity network: {} entities, {} lines. Arrow keys move between entities; Enter filters by one.",
            n.nodes.len(),
            n.edges.len()
        );
        view! {
            <svg
                class="network-graph"
                data-testid="network-graph"
                viewBox=format!("0 0 {} {}", FRAME.width, FRAME.height)
                role="group"
                aria-label=label
                data-layout-ms=format!("{:.1}", p.millis)
                data-nodes=n.nodes.len().to_string()
                data-edges=n.edges.len().to_string()
            >
                <g class="net-edges">{edges}</g>
                <g class="net-nodes">{nodes}</g>
                <g class="net-labels" aria-hidden="true">{labels}</g>
            </svg>
        }
    }
}
