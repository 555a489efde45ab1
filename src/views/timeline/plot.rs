use std::sync::Arc;

use borderlines_engine::collectors::timeline::Timeline;
use borderlines_engine::facets::FacetKind;
use borderlines_engine::filters::{toggle, Filter};
use borderlines_engine::time_bins::span_value;
use borderlines_engine::timeline_chart::{layout, TimelineChart};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::session::{use_session, Session};

/// Drag distance (CSS px) before a press on the plot becomes a brush.
const BRUSH_START_PX: f64 = 5.0;

/// Chart size in SVG units: narrower screens get a narrower drawing (so
/// labels stay legible instead of being scaled down).
fn size(narrow: bool) -> (f64, f64) {
    if narrow {
        (360.0, 230.0)
    } else {
        (760.0, 270.0)
    }
}

fn pct(part: f64, whole: f64) -> String {
    format!("{:.4}%", part / whole * 100.0)
}

/// The histogram and the figure series as SVG, with a layer of links over
/// the plot, one per bin: click (or Enter) lists the bar's passages, drag
/// across bars filters by their range (`date:` clause), `F` on a focused
/// bar filters by it, ←/→ move between bars. Pointer events cover mouse,
/// pen and touch (horizontal drags brush, vertical ones still scroll).
#[component]
pub(super) fn TimelinePlot(data: Memo<Arc<Timeline>>) -> impl IntoView {
    let session = use_session();
    let narrow = RwSignal::new(crate::views::stacked_layout());
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        let now = crate::views::stacked_layout();
        if narrow.get_untracked() != now {
            narrow.set(now);
        }
    });
    on_cleanup(move || resize.remove());
    let chart: Memo<Arc<TimelineChart>> = Memo::new(move |_| {
        let (w, h) = size(narrow.get());
        data.with(|t| Arc::new(layout(t, w, h)))
    });
    // Brushing: where the press started (x, bin, pointer), the bins
    // covered so far, and whether the click that ends a drag is swallowed.
    let press: StoredValue<Option<(f64, usize, i32)>> = StoredValue::new(None);
    let preview = RwSignal::new(None::<(usize, usize)>);
    let swallow_click = StoredValue::new(false);

    let svg = move || {
        let c = chart.get();
        data.with(|t| draw(t, &c))
    };
    let hits = move || {
        let c = chart.get();
        let query = session.query.get_untracked();
        data.with(|t| hit_links(session, t, &c, &query))
    };
    let layer_box = move || {
        let c = chart.get();
        (
            pct(c.plot.x, c.width),
            pct(c.plot.y, c.height),
            pct(c.plot.w, c.width),
            pct(c.plot.h, c.height),
        )
    };
    let bins = move || data.with(|t| t.bins.len());
    let slot_style = move |from: usize, to: usize| {
        let n = bins().max(1) as f64;
        (pct(from as f64, n), pct((to + 1 - from) as f64, n))
    };
    let chosen = move || {
        let key = session.state.with(|s| s.timeline_bar.clone())?;
        data.with(|t| t.bins.iter().position(|b| b.key == key))
    };

    let on_pointerdown = move |ev: leptos::ev::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        let Some(i) = bin_at(&ev, bins()) else { return };
        press.set_value(Some((f64::from(ev.client_x()), i, ev.pointer_id())));
    };
    let on_pointermove = move |ev: leptos::ev::PointerEvent| {
        let Some((x0, i0, id)) = press.get_value() else {
            return;
        };
        if preview.get_untracked().is_none()
            && (f64::from(ev.client_x()) - x0).abs() < BRUSH_START_PX
        {
            return;
        }
        if preview.get_untracked().is_none() {
            // From here on the drag is a brush: keep its events even when
            // the pointer leaves the plot.
            if let Some(el) = current_element(&ev) {
                let _ = el.set_pointer_capture(id);
            }
        }
        if let Some(i) = bin_at(&ev, bins()) {
            let next = Some((i0.min(i), i0.max(i)));
            if preview.get_untracked() != next {
                preview.set(next);
            }
        }
    };
    let on_pointerup = move |_: leptos::ev::PointerEvent| {
        press.set_value(None);
        let Some((a, b)) = preview.get_untracked() else {
            return;
        };
        preview.set(None);
        swallow_click.set_value(true);
        let value = data.with_untracked(|t| {
            let (Some(first), Some(last)) = (t.bins.get(a), t.bins.get(b)) else {
                return None;
            };
            Some(span_value(first.span.join(last.span)))
        });
        if let Some(value) = value {
            brush(session, &value);
        }
    };
    let on_pointercancel = move |_: leptos::ev::PointerEvent| {
        press.set_value(None);
        preview.set(None);
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if swallow_click.get_value() {
            swallow_click.set_value(false);
            ev.prevent_default();
        }
    };
    // Links' hrefs are written when a pointer or focus reaches them, from
    // the state of the moment.
    let refresh = move |ev: &leptos::ev::Event| {
        if let Some((link, key)) = target_bar(ev) {
            let _ = link.set_attribute("href", &bar_href(session, &key));
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some((link, key)) = target_bar(&ev) else {
            return;
        };
        match ev.key().as_str() {
            "f" | "F" => {
                ev.prevent_default();
                brush(session, &key);
            }
            "ArrowRight" | "ArrowLeft" => {
                ev.prevent_default();
                let next = if ev.key() == "ArrowRight" {
                    link.next_element_sibling()
                } else {
                    link.previous_element_sibling()
                };
                if let Some(el) = next
                    .filter(|e| e.has_attribute("data-key"))
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            }
            _ => {}
        }
    };

    view! {
        <div class="tl-plot">
            {svg}
            <div
                class="tl-hits"
                style:left=move || layer_box().0
                style:top=move || layer_box().1
                style:width=move || layer_box().2
                style:height=move || layer_box().3
                on:pointerdown=on_pointerdown
                on:pointermove=on_pointermove
                on:pointerup=on_pointerup
                on:pointercancel=on_pointercancel
                on:click=on_click
                on:keydown=on_keydown
                // A link would start a drag-and-drop (and cancel the pointer).
                on:dragstart=|ev| ev.prevent_default()
                on:pointerover=move |ev| refresh(&ev)
                on:focusin=move |ev| refresh(&ev)
            >
                {hits}
                {move || chosen().map(|i| {
                    let (left, width) = slot_style(i, i);
                    view! { <span class="tl-chosen" aria-hidden="true" style:left=left style:width=width></span> }
                })}
                {move || preview.get().map(|(a, b)| {
                    let (left, width) = slot_style(a, b);
                    view! { <span class="tl-brush-preview" data-testid="timeline-brush-preview" aria-hidden="true" style:left=left style:width=width></span> }
                })}
            </div>
        </div>
        <p class="tl-help" id="tl-help">
            "Drag across bars to filter by that range (again to remove it); click a bar for the passages behind it. Keyboard: Tab to a bar, Enter lists its passages, F filters by it, ←/→ move."
        </p>
        <Legend data=data/>
    }
}

/// Toggles a brushed range in the query (an ORed `date:` clause).
fn brush(session: Session, value: &str) {
    let query = session.query.get_untracked();
    session.go_query(toggle(&query, &Filter::include(FacetKind::Date, value)));
}

/// The link that lists a bar's passages.
fn bar_href(session: Session, key: &str) -> String {
    let key = key.to_owned();
    session.href(move |s| s.timeline_bar = Some(key))
}

/// The element whose handler runs.
fn current_element(ev: &leptos::ev::PointerEvent) -> Option<web_sys::Element> {
    ev.current_target()?.dyn_into::<web_sys::Element>().ok()
}

/// The bin under the pointer, from its position across the plot.
fn bin_at(ev: &leptos::ev::PointerEvent, n: usize) -> Option<usize> {
    if n == 0 {
        return None;
    }
    let el = current_element(ev)?;
    let r = el.get_bounding_client_rect();
    if r.width() <= 0.0 {
        return None;
    }
    let f = (f64::from(ev.client_x()) - r.left()) / r.width();
    Some(((f * n as f64).floor().max(0.0) as usize).min(n - 1))
}

/// The bar link an event happened in, and its key.
fn target_bar(ev: &leptos::ev::Event) -> Option<(web_sys::Element, String)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let link = target.closest("a[data-key]").ok()??;
    let key = link.get_attribute("data-key")?;
    Some((link, key))
}

/// One link per bin over the plot (plain markup; hrefs refreshed on
/// pointer and focus).
fn hit_links(
    session: Session,
    t: &Timeline,
    c: &TimelineChart,
    _query: &str,
) -> Vec<impl IntoView> {
    let n = t.bins.len().max(1) as f64;
    let _ = c;
    t.bins
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let label = format!(
                "{}: {} mentioning it ({} within), {} published ({} stated){}",
                b.label,
                b.mentioned,
                b.mentioned_within,
                b.published(),
                b.published_stated,
                if b.brushed {
                    ", in a brushed range"
                } else {
                    ""
                }
            );
            view! {
                <a
                    class="tl-hit"
                    draggable="false"
                    data-testid="timeline-bar"
                    data-key=b.key.clone()
                    data-brushed=if b.brushed { "true" } else { "false" }
                    href=bar_href(session, &b.key)
                    aria-label=label.clone()
                    aria-describedby="tl-help"
                    title=label
                    style:left=pct(i as f64, n)
                    style:width=pct(1.0, n)
                ></a>
            }
        })
        .collect()
}

/// The SVG: brushes, grid and axes, the two bars per bin, the series.
fn draw(t: &Timeline, c: &TimelineChart) -> impl IntoView {
    let bottom = c.plot.y + c.plot.h;
    let right = c.plot.x + c.plot.w;
    let any_brush = !t.brushes.is_empty();
    let brushes = c
        .brushes
        .iter()
        .map(|(a, b)| view! { <rect class="tl-brush" data-testid="timeline-brush" x=*a y=c.plot.y width=b - a height=c.plot.h></rect> })
        .collect::<Vec<_>>();
    let grid = c
        .y_ticks
        .iter()
        .map(|tk| {
            view! {
                <line class="tl-grid" x1=c.plot.x x2=right y1=tk.pos y2=tk.pos></line>
                <text class="tl-axis" x=c.plot.x - 4.0 y=tk.pos + 4.0 text-anchor="end">{tk.label.clone()}</text>
            }
        })
        .collect::<Vec<_>>();
    let bars = c
        .bars
        .iter()
        .map(|g| {
            let b = &t.bins[g.bin];
            let dim = any_brush && !b.brushed;
            let rect = |class: &'static str, r: &borderlines_engine::timeline_chart::Rect| {
                (r.h > 0.0)
                    .then(|| view! { <rect class=class x=r.x y=r.y width=r.w height=r.h></rect> })
            };
            view! {
                <g class="tl-bin" class:dim=dim>
                    {rect("tl-stated", &g.stated)}
                    {rect("tl-inferred", &g.inferred)}
                    {rect("tl-within", &g.within)}
                    {rect("tl-wider", &g.wider)}
                </g>
            }
        })
        .collect::<Vec<_>>();
    let x_labels = c
        .x_ticks
        .iter()
        .map(|tk| view! { <text class="tl-axis" x=tk.pos y=bottom + 14.0 text-anchor="middle">{tk.label.clone()}</text> })
        .collect::<Vec<_>>();
    let series = t.series.as_ref().filter(|_| !c.series_line.is_empty()).map(|s| {
        let points = c
            .series_line
            .iter()
            .map(|(x, y)| format!("{x:.2},{y:.2}"))
            .collect::<Vec<_>>()
            .join(" ");
        let marks = c
            .series_points
            .iter()
            .map(|p| {
                view! {
                    <circle class="tl-point" class:hollow=!p.exact cx=p.x cy=p.y r="3.5">
                        <title>{p.label.clone()}</title>
                    </circle>
                }
            })
            .collect::<Vec<_>>();
        let ticks = c
            .series_ticks
            .iter()
            .map(|tk| view! { <text class="tl-series-axis" x=right + 4.0 y=tk.pos + 4.0>{tk.label.clone()}</text> })
            .collect::<Vec<_>>();
        let title = s.unit.as_deref().map_or_else(|| s.measure.clone(), |u| format!("{} ({u})", s.measure));
        view! {
            <polyline class="tl-series" data-testid="timeline-series-line" points=points></polyline>
            {marks}
            {ticks}
            <text class="tl-series-axis" x=c.width - 2.0 y=c.plot.y - 8.0 text-anchor="end">{title}</text>
        }
    });
    let aria = format!(
        "Timeline: documents per {} by publication date and by the dates they mention{}. The table holds the numbers.",
        t.unit.name(),
        t.series.as_ref().map(|s| format!(", with the figures of “{}”", s.measure)).unwrap_or_default()
    );
    view! {
        <svg class="tl-svg" data-testid="timeline-svg" viewBox=format!("0 0 {} {}", c.width, c.height) role="img" aria-label=aria>
            {brushes}
            {grid}
            <text class="tl-axis" x=2.0 y=c.plot.y - 8.0>"documents"</text>
            {bars}
            <line class="tl-baseline" x1=c.plot.x x2=right y1=bottom y2=bottom></line>
            {x_labels}
            {series}
        </svg>
    }
}

/// What each mark means.
#[component]
fn Legend(data: Memo<Arc<Timeline>>) -> impl IntoView {
    let series = move || {
        data.with(|t| {
            t.series.as_ref().map(|s| {
                view! {
                    <li><span class="tl-swatch tl-swatch-series" aria-hidden="true"></span>{format!("Figures: {} (right axis; hollow = bound or vague)", s.measure)}</li>
                }
            })
        })
    };
    view! {
        <ul class="tl-legend" data-testid="timeline-legend">
            <li><span class="tl-swatch tl-stated" aria-hidden="true"></span>"Published (stated)"</li>
            <li><span class="tl-swatch tl-inferred" aria-hidden="true"></span>"Published (inferred)"</li>
            <li><span class="tl-swatch tl-within" aria-hidden="true"></span>"Mentions a date in the bin"</li>
            <li><span class="tl-swatch tl-wider" aria-hidden="true"></span>"Mentions a wider date or range"</li>
            {series}
        </ul>
    }
}
