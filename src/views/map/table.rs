//! The data behind the map: every place and country the selection
//! mentions, with its kind, country, coordinates, mentions and documents;
//! each name filters by it.

use std::sync::Arc;

use borderlines_engine::collectors::places::MapCounts;
use borderlines_engine::facets::FacetKind;
use borderlines_engine::filters::{toggle, Filter};
use leptos::prelude::*;

use crate::components::format_thousands;
use crate::session::use_session;

/// Rows drawn (most mentioned first); the CSV export holds every one. A
/// large corpus mentions over a thousand places, and rows are links built
/// on every change of the selection.
const MAX_ROWS: usize = 100;

/// The places table. Hook: `map-row`.
#[component]
pub(super) fn MapTable(counts: Memo<Arc<MapCounts>>) -> impl IntoView {
    let session = use_session();
    let rows = move || {
        let engine = session.engine.get();
        let index = engine.map_index();
        let query = session.query.get();
        counts.with(|c| {
            c.places
                .iter()
                .take(MAX_ROWS)
                .map(|pc| {
                    let p = index.place(pc.place);
                    let href =
                        session.href_query(toggle(&query, &Filter::include(p.kind, &p.name)));
                    let coords = match (p.lat, p.lon) {
                        (Some(lat), Some(lon)) if p.kind != FacetKind::Country => {
                            format!("{lat:.2}, {lon:.2}")
                        }
                        _ => String::new(),
                    };
                    let on_map = if p.kind == FacetKind::Country {
                        "–"
                    } else if p.xy.is_some() {
                        "yes"
                    } else {
                        "no"
                    };
                    view! {
                        <tr data-testid="map-row">
                            <td><a href=href>{p.name.clone()}</a></td>
                            <td>{p.kind_label()}</td>
                            <td>{index.country_name(&p.country).to_owned()}</td>
                            <td class="num">{coords}</td>
                            <td class="num">{format_thousands(u64::from(pc.mentions))}</td>
                            <td class="num">{format_thousands(u64::from(pc.docs))}</td>
                            <td>{on_map}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let more = move || {
        let n = counts.with(|c| c.places.len());
        (n > MAX_ROWS).then(|| {
            view! {
                <p class="view-intro">
                    {format!("The {MAX_ROWS} most mentioned of {} places and countries; the CSV export holds them all.", format_thousands(n as u64))}
                </p>
            }
        })
    };
    view! {
        {more}
        <table class="data-table">
            <caption class="visually-hidden">"Places and countries mentioned in the selection"</caption>
            <thead>
                <tr>
                    <th scope="col">"Place"</th>
                    <th scope="col">"Kind"</th>
                    <th scope="col">"Country"</th>
                    <th scope="col" class="num">"Lat, lon"</th>
                    <th scope="col" class="num">"Mentions"</th>
                    <th scope="col" class="num">"Documents"</th>
                    <th scope="col">"On the map"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
