//! The map itself: an SVG drawn from the engine's [`MapPicture`], with
//! zoom (wheel, buttons, `+`/`-`, two-finger pinch), pan (drag with mouse,
//! pen or finger; arrow keys) and reset (`0`, button). Every change of the view box goes
//! to the link (`mbox`) through `on_box`; markers and shaded provinces are
//! links that filter by their place.

use std::sync::Arc;

use borderlines_engine::collectors::places::ON_MAP_MARGIN_KM;
use borderlines_engine::filters::{toggle, Filter};
use borderlines_engine::geo::frame::ViewBox;
use borderlines_engine::geo::outlines::world;
use borderlines_engine::geo::paths::{meet_path, shape_path};
use borderlines_engine::geo::picture::{place_title, plural, MapPicture, MeetMark, ShapeMark};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::session::use_session;

/// Zoom factor of one button press or key stroke.
const ZOOM_STEP: f64 = 1.5;
/// Share of the view one arrow key moves it.
const PAN_STEP: f64 = 0.15;
/// Pointer travel (px) before a press becomes a drag rather than a click.
const DRAG_PX: f64 = 4.0;

/// Two fingers on the map: their distance and midpoint (px, relative to
/// the map) when the second one touched down.
#[derive(Clone, Copy)]
struct Pinch {
    d0: f64,
    cx: f64,
    cy: f64,
}

/// Distance between the first two pointers down, and their midpoint.
fn spread(pointers: &[(i32, f64, f64)]) -> Option<(f64, f64, f64)> {
    let [(_, x1, y1), (_, x2, y2), ..] = pointers else {
        return None;
    };
    Some(((x2 - x1).hypot(y2 - y1), (x1 + x2) / 2.0, (y1 + y2) / 2.0))
}

#[derive(Clone, Copy)]
struct Drag {
    id: i32,
    x0: f64,
    y0: f64,
    moved: bool,
}

/// The drawn map. Hooks: `map-svg`, `map-marker` (`data-place`),
/// `map-region`, `map-border` (`data-talked`), `map-zoom-in`,
/// `map-zoom-out`, `map-reset`.
#[component]
pub(super) fn MapCanvas(
    /// The map laid out for the current screen.
    pic: Memo<Arc<MapPicture>>,
    /// The box asked for (the link's or the selection's frame).
    view_box: Memo<ViewBox>,
    /// The screen size in px, measured here.
    size: RwSignal<(f64, f64)>,
    /// A new view box for the link (`None`: back to the selection's frame).
    on_box: Callback<Option<ViewBox>>,
) -> impl IntoView {
    let session = use_session();
    let wrap: NodeRef<leptos::html::Div> = NodeRef::new();
    let measure = move || {
        let Some(el) = wrap.get_untracked() else {
            return;
        };
        let w = f64::from(el.client_width());
        if w < 50.0 {
            return;
        }
        // The region is taller than wide: phones get a taller map.
        let ratio = if w < 560.0 { 1.15 } else { 0.85 };
        let h = (w * ratio).clamp(260.0, 640.0).round();
        if size.get_untracked() != (w, h) {
            size.set((w, h));
        }
    };
    Effect::new(move |_| {
        if wrap.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let bounds = world().grown(ON_MAP_MARGIN_KM);
    // The box on screen (the asked one grown to the screen's shape).
    let shown = move || {
        let (w, h) = size.get_untracked();
        view_box.get_untracked().with_aspect(w / h)
    };
    let set = move |b: ViewBox| on_box.run(Some(b.kept_over(&bounds)));
    let zoom = move |factor: f64| set(shown().zoom(factor, 0.5, 0.5));

    let drag: StoredValue<Option<Drag>> = StoredValue::new(None);
    let offset = RwSignal::new((0.0f64, 0.0f64));
    let dragged = StoredValue::new(false);
    // Pointers down (id, client x, y) and the pinch they make, if two; the
    // pinch is previewed as an SVG scale and committed when a finger lifts.
    let pointers: StoredValue<Vec<(i32, f64, f64)>> = StoredValue::new(Vec::new());
    let pinch: StoredValue<Option<Pinch>> = StoredValue::new(None);
    let scale = RwSignal::new((1.0f64, 0.0f64, 0.0f64));
    let on_pointerdown = move |ev: leptos::ev::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        pointers.update_value(|p| {
            p.retain(|(id, _, _)| *id != ev.pointer_id());
            p.push((ev.pointer_id(), x, y));
        });
        if let Some((d0, mx, my)) = pointers.with_value(|p| spread(p)) {
            // A second finger: the drag becomes a pinch.
            drag.set_value(None);
            offset.set((0.0, 0.0));
            let Some(el) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            for (id, _, _) in pointers.get_value() {
                let _ = el.set_pointer_capture(id);
            }
            let rect = el.get_bounding_client_rect();
            pinch.set_value(Some(Pinch {
                d0: d0.max(1.0),
                cx: mx - rect.left(),
                cy: my - rect.top(),
            }));
            return;
        }
        drag.set_value(Some(Drag {
            id: ev.pointer_id(),
            x0: f64::from(ev.client_x()),
            y0: f64::from(ev.client_y()),
            moved: false,
        }));
    };
    let on_pointermove = move |ev: leptos::ev::PointerEvent| {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        pointers.update_value(|p| {
            if let Some(slot) = p.iter_mut().find(|(id, _, _)| *id == ev.pointer_id()) {
                *slot = (slot.0, x, y);
            }
        });
        if let Some(pn) = pinch.get_value() {
            if let Some((d, _, _)) = pointers.with_value(|p| spread(p)) {
                scale.set((d / pn.d0, pn.cx, pn.cy));
            }
            return;
        }
        let Some(mut d) = drag.get_value() else {
            return;
        };
        if d.id != ev.pointer_id() {
            return;
        }
        let (dx, dy) = (
            f64::from(ev.client_x()) - d.x0,
            f64::from(ev.client_y()) - d.y0,
        );
        if !d.moved && dx.hypot(dy) > DRAG_PX {
            d.moved = true;
            drag.set_value(Some(d));
            if let Some(el) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.set_pointer_capture(d.id);
            }
        }
        if d.moved {
            offset.set((dx, dy));
        }
    };
    let end_drag = move |ev: leptos::ev::PointerEvent| {
        pointers.update_value(|p| p.retain(|(id, _, _)| *id != ev.pointer_id()));
        if let Some(pn) = pinch.get_value() {
            // One finger lifted: commit the pinch's zoom around its midpoint.
            pinch.set_value(None);
            let (k, _, _) = scale.get_untracked();
            scale.set((1.0, 0.0, 0.0));
            dragged.set_value(true);
            if (k - 1.0).abs() > 0.02 && k.is_finite() {
                let (w, h) = size.get_untracked();
                set(shown().zoom(k, pn.cx / w, pn.cy / h));
            }
            return;
        }
        let Some(d) = drag.get_value() else { return };
        if d.id != ev.pointer_id() {
            return;
        }
        drag.set_value(None);
        if d.moved {
            let (dx, dy) = offset.get_untracked();
            let (w, h) = size.get_untracked();
            offset.set((0.0, 0.0));
            dragged.set_value(true);
            set(shown().pan(-dx / w, -dy / h, &bounds));
        }
    };
    let on_click_capture = move |ev: leptos::ev::MouseEvent| {
        // The click that ends a drag is not a click on a place.
        if dragged.get_value() {
            dragged.set_value(false);
            ev.prevent_default();
            ev.stop_propagation();
        }
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let (w, h) = size.get_untracked();
        let lines = if ev.delta_mode() == 1 { 16.0 } else { 1.0 };
        let factor = (-ev.delta_y() * lines * 0.0015).exp();
        let (fx, fy) = (f64::from(ev.offset_x()) / w, f64::from(ev.offset_y()) / h);
        set(shown().zoom(factor, fx, fy));
    };
    // The wheel zooms instead of scrolling the page: that needs a listener
    // that is not passive, on the element itself (delegated listeners are).
    let svg_ref: NodeRef<leptos::svg::Svg> = NodeRef::new();
    let wheel_listener = StoredValue::new_local(
        None::<(web_sys::EventTarget, Closure<dyn Fn(web_sys::WheelEvent)>)>,
    );
    Effect::new(move |_| {
        let Some(el) = svg_ref.get() else { return };
        let target: web_sys::EventTarget = el.into();
        let cb = Closure::<dyn Fn(web_sys::WheelEvent)>::new(on_wheel);
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
            "wheel",
            cb.as_ref().unchecked_ref(),
            &options,
        );
        wheel_listener.set_value(Some((target, cb)));
    });
    on_cleanup(move || {
        if let Some((target, cb)) = wheel_listener.try_update_value(Option::take).flatten() {
            let _ =
                target.remove_event_listener_with_callback("wheel", cb.as_ref().unchecked_ref());
        }
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let v = shown();
        match ev.key().as_str() {
            "+" | "=" => zoom(ZOOM_STEP),
            "-" | "_" => zoom(1.0 / ZOOM_STEP),
            "ArrowLeft" => set(v.pan(-PAN_STEP, 0.0, &bounds)),
            "ArrowRight" => set(v.pan(PAN_STEP, 0.0, &bounds)),
            "ArrowUp" => set(v.pan(0.0, -PAN_STEP, &bounds)),
            "ArrowDown" => set(v.pan(0.0, PAN_STEP, &bounds)),
            "0" => on_box.run(None),
            _ => return,
        }
        ev.prevent_default();
    };

    // Provinces and borders change with the selection and the shading,
    // not with every zoom step: they re-render only when they change.
    let shapes: Memo<Vec<ShapeMark>> = Memo::new(move |_| pic.with(|p| p.shapes.clone()));
    let meet_marks: Memo<Vec<MeetMark>> = Memo::new(move |_| pic.with(|p| p.meets.clone()));
    let provinces = move || {
        let engine = session.engine.get();
        let index = engine.map_index();
        let query = session.query.get();
        shapes.with(|shapes| {
            shapes
                .iter()
                .filter(|s| s.class != "river")
                .map(|s| {
                    let class = if s.shade > 0 {
                        format!("map-prov {} shade s{}", s.class, s.shade)
                    } else {
                        format!("map-prov {}", s.class)
                    };
                    let d = shape_path(s.shape);
                    match s.place.filter(|_| s.shade > 0) {
                        Some(place) => {
                            let p = index.place(place);
                            let href = session.href_query(toggle(&query, &Filter::include(p.kind, &p.name)));
                            let title = format!(
                                "{}: {} in {} (with the places in it)",
                                p.name,
                                plural(s.mentions, "mention", "mentions"),
                                plural(s.docs, "document", "documents")
                            );
                            let label = title.clone();
                            view! {
                                <g>
                                    <a class="map-region" data-testid="map-region" data-place=p.name.clone() href=href aria-label=label>
                                        <path class=class d=d></path>
                                        <title>{title}</title>
                                    </a>
                                </g>
                            }
                            .into_any()
                        }
                        None if s.shade > 0 => {
                            let title = format!("{} in {}", plural(s.mentions, "mention", "mentions"), plural(s.docs, "document", "documents"));
                            view! { <g><path class=class d=d><title>{title}</title></path></g> }.into_any()
                        }
                        None => view! { <path class=class d=d></path> }.into_any(),
                    }
                })
                .collect_view()
        })
    };
    let borders = move || {
        meet_marks.with(|m| {
            m.iter()
                .map(|m| {
                    let talked = m.sentences > 0;
                    view! {
                        <path class=if talked { "map-meet talked" } else { "map-meet" } d=meet_path(m.meet)
                            data-testid="map-border" data-talked=if talked { "1" } else { "0" }></path>
                    }
                })
                .collect_view()
        })
    };
    let rivers = move || {
        shapes.with(|shapes| {
            shapes
                .iter()
                .filter(|s| s.class == "river")
                .map(|s| {
                    let class = if s.mentions > 0 {
                        "map-river mentioned"
                    } else {
                        "map-river"
                    };
                    view! { <path class=class d=shape_path(s.shape)></path> }
                })
                .collect_view()
        })
    };
    let markers = move || {
        let engine = session.engine.get();
        let index = engine.map_index();
        let query = session.query.get();
        // Hrefs carry the whole view (zoom included): follow the state.
        session.state.track();
        pic.with(|p| {
            p.markers
                .iter()
                .map(|m| {
                    let place = index.place(m.count.place);
                    let href = session.href_query(toggle(&query, &Filter::include(place.kind, &place.name)));
                    let title = place_title(index, &m.count);
                    let label = title.clone();
                    view! {
                        <g>
                            <a class="map-marker" data-testid="map-marker" data-place=place.name.clone() href=href aria-label=label>
                                <circle cx=m.x cy=m.y r=m.r></circle>
                                <title>{title}</title>
                            </a>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let labels = move || {
        let engine = session.engine.get();
        let index = engine.map_index();
        pic.with(|p| {
            p.markers
                .iter()
                .filter_map(|m| {
                    let l = m.label?;
                    let name = index.place(m.count.place).name.clone();
                    Some(view! {
                        <text class="map-label" x=l.x y=l.y text-anchor=if l.end { "end" } else { "start" }>{name}</text>
                    })
                })
                .collect_view()
        })
    };
    let view_box_attr = move || {
        let (w, h) = size.get();
        format!("0 0 {w} {h}")
    };
    // A drag moves the drawing as it is (an SVG transform, not a style
    // attribute: the page's CSP allows no inline style), then commits the
    // new view box when the pointer is released.
    let pan_transform = move || {
        let (dx, dy) = offset.get();
        let (k, cx, cy) = scale.get();
        if k == 1.0 {
            format!("translate({dx} {dy})")
        } else {
            format!(
                "translate({dx} {dy}) translate({cx} {cy}) scale({k}) translate({} {})",
                -cx, -cy
            )
        }
    };
    let outside = move || {
        let n = pic.with(|p| p.outside);
        (n > 0).then(|| {
            view! { <p class="map-outside">{format!("{} outside this view", plural(u32::try_from(n).unwrap_or(u32::MAX), "mentioned place", "mentioned places"))}</p> }
        })
    };
    view! {
        <div class="map-frame" node_ref=wrap>
            <svg
                node_ref=svg_ref
                class="map-svg"
                data-testid="map-svg"
                viewBox=view_box_attr
                role="group"
                aria-label="Map of the places mentioned. Drag or use the arrow keys to move, the wheel, two fingers or + and - to zoom, 0 to reset; each place is a link that filters by it."
                tabindex="0"
                on:pointerdown=on_pointerdown
                on:pointermove=on_pointermove
                on:pointerup=end_drag
                on:pointercancel=end_drag
                on:click:capture=on_click_capture
                on:keydown=on_keydown
            >
                <rect class="map-sea" x="0" y="0" width="100%" height="100%"></rect>
                <g class="map-pan" transform=pan_transform>
                    <g class="map-geo" transform=move || pic.with(|p| p.transform.clone())>
                        {provinces}
                        {borders}
                        {rivers}
                    </g>
                    <g class="map-markers">{markers}</g>
                    <g class="map-labels" aria-hidden="true">{labels}</g>
                </g>
            </svg>
            <div class="map-zoom">
                <button type="button" data-testid="map-zoom-in" aria-label="Zoom in" title="Zoom in (+)" on:click=move |_| zoom(ZOOM_STEP)>"+"</button>
                <button type="button" data-testid="map-zoom-out" aria-label="Zoom out" title="Zoom out (−)" on:click=move |_| zoom(1.0 / ZOOM_STEP)>"−"</button>
                <button type="button" data-testid="map-reset" aria-label="Frame the selection" title="Frame the selection (0)" on:click=move |_| on_box.run(None)>"⟲"</button>
            </div>
            <p class="map-attribution" data-testid="map-credits">"© Natural Earth · GeoNames"</p>
            {outside}
        </div>
    }
}
