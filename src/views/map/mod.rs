//! The map view: the places of the selection on an offline SVG map of the
//! Korean peninsula, north-east China and the Russian Far East — markers
//! sized by mentions (or provinces shaded by them), the land borders, the
//! borders the text talks about, zoom and pan kept in the link (`mbox`),
//! and a click on a place filtering by it. Everything it draws is computed
//! by the engine (`collectors::places`, `geo::picture`, `geo::map_svg`);
//! this folder renders and wires events.

mod canvas;
mod legend;
mod table;

use std::sync::Arc;

use borderlines_engine::collectors::places::{map_counts, map_csv, MapCounts};
use borderlines_engine::facets::FacetKind;
use borderlines_engine::geo::frame::ViewBox;
use borderlines_engine::geo::map_svg::{map_svg, CREDITS};
use borderlines_engine::geo::picture::{picture, MapPicture};
use leptos::prelude::*;

use crate::components::plural;
use crate::session::use_session;
use crate::views::chart::ChartPanel;
use canvas::MapCanvas;
use legend::MapLegend;
use table::MapTable;

/// Size of the exported picture, px.
const EXPORT_PX: f64 = 900.0;

/// The map. Hooks: `map-view`, `map-svg`, `map-marker` (with
/// `data-place`), `map-region`, `map-zoom-in`, `map-zoom-out`,
/// `map-reset`, `map-shade`, `map-border`.
#[component]
pub fn MapView() -> impl IntoView {
    let session = use_session();
    let counts: Memo<Arc<MapCounts>> = Memo::new(move |_| {
        let engine = session.engine.get();
        session.selection.with(|s| Arc::new(map_counts(&engine, s)))
    });
    let shade = Memo::new(move |_| session.state.with(|s| s.map_shade));
    let link_box = Memo::new(move |_| session.state.with(|s| s.map_box));
    // The box asked for: the link's, else the frame of the selection.
    let view_box = Memo::new(move |_| {
        link_box
            .get()
            .and_then(ViewBox::from_link)
            .unwrap_or_else(|| counts.with(|c| c.frame))
    });
    let size = RwSignal::new((800.0, 640.0));
    let pic: Memo<Arc<MapPicture>> = Memo::new(move |_| {
        let engine = session.engine.get();
        let (w, h) = size.get();
        let v = view_box.get();
        let sh = shade.get();
        counts.with(|c| Arc::new(picture(engine.map_index(), c, v, w, h, sh)))
    });
    let intro = Signal::derive(move || {
        let engine = session.engine.get();
        let index = engine.map_index();
        counts.with(|c| {
            let marked = c
                .places
                .iter()
                .filter(|p| index.place(p.place).xy.is_some())
                .count();
            let off = c
                .places
                .iter()
                .filter(|p| {
                    let p = index.place(p.place);
                    p.kind == FacetKind::Place && p.xy.is_none()
                })
                .count();
            let mut s = if marked == 0 {
                "No place on this map is mentioned in the selection.".to_owned()
            } else {
                format!(
                    "{} mentioned on the map, sized by mentions",
                    plural(marked, "place", "places")
                )
            };
            if off > 0 {
                s.push_str(&format!(
                    "; {} elsewhere (in the table)",
                    plural(off, "place", "places")
                ));
            }
            if !c.borders.is_empty() {
                s.push_str(&format!(
                    "; {} talked about, in red",
                    plural(c.borders.len(), "border", "borders")
                ));
            }
            s.push('.');
            s
        })
    });
    let export_svg = Callback::new(move |()| {
        let engine = session.engine.get_untracked();
        let index = engine.map_index();
        let sh = shade.get_untracked();
        let v = view_box.get_untracked();
        counts.with_untracked(|c| {
            let p = picture(index, c, v, EXPORT_PX, EXPORT_PX, sh);
            map_svg(index, c, &p, sh)
        })
    });
    let export_csv = Callback::new(move |()| {
        let engine = session.engine.get_untracked();
        counts.with_untracked(|c| map_csv(engine.map_index(), c))
    });
    let on_box = Callback::new(move |b: Option<ViewBox>| {
        let link = b.map(|b| b.to_link());
        session.update_state(|s| s.map_box = link);
    });
    let controls = move || {
        let shade_href = session.href(|s| s.map_shade = !s.map_shade);
        view! {
            <a class="chart-toggle map-shade" data-testid="map-shade" href=shade_href
                aria-pressed=move || if shade.get() { "true" } else { "false" }>
                {move || if shade.get() { "Show place markers" } else { "Shade provinces by mentions" }}
            </a>
        }
    };
    view! {
        <div class="map-view" data-testid="map-view">
            <ChartPanel
                view_key="map"
                title="Map"
                intro=intro
                svg_name="map.svg"
                csv_name="map.csv"
                export_svg=export_svg
                export_csv=export_csv
                table=move || view! { <MapTable counts=counts/> }
                controls=controls
                credits=CREDITS[0]
            >
                <MapCanvas pic=pic view_box=view_box size=size on_box=on_box/>
                <MapLegend counts=counts pic=pic shade=shade/>
            </ChartPanel>
        </div>
    }
}
