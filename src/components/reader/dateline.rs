//! The wire dateline of the open document ("TROY, Mich., April 2 (Reuters) -"),
//! as extraction resolved it: where the story was filed (a link that
//! filters by it), the date with its inferred year said as such, and the
//! agency.

use borderlines_engine::facets::FacetKind;
use borderlines_engine::filters::{include, Filter};
use borderlines_engine::geo::outlines::country_name;
use borderlines_extract::DatelineInfo;
use leptos::prelude::*;

use crate::session::use_session;

/// One line under the byline: "Filed from Troy (United States) ·
/// 1987-04-02, year inferred · Reuters". Hooks: `reader-dateline`, and
/// `dateline-place` on each place link.
#[component]
pub fn DatelineLine(
    /// The document's resolved dateline.
    info: DatelineInfo,
) -> impl IntoView {
    let session = use_session();
    let places: Vec<String> = if info.places.is_empty() {
        info.place.iter().cloned().collect()
    } else {
        info.places.clone()
    };
    let country = info
        .country
        .as_deref()
        .map(|iso| country_name(iso).unwrap_or(iso).to_owned());
    let links = places
        .into_iter()
        .enumerate()
        .map(|(i, place)| {
            let href = {
                let place = place.clone();
                move || {
                    session.href_query(include(
                        &session.query.get(),
                        &Filter::include(FacetKind::Dateline, &place),
                    ))
                }
            };
            let title = format!("Stories filed from {place}");
            view! {
                {(i > 0).then_some(" / ")}
                <a href=href data-testid="dateline-place" title=title>{place}</a>
            }
        })
        .collect::<Vec<_>>();
    let date = info.date.map(|d| {
        let inferred = if info.year_inferred {
            ", year inferred"
        } else {
            ""
        };
        format!(" · {}{inferred}", d.iso())
    });
    let agency = info.agency.clone().map(|a| format!(" · {a}"));
    view! {
        <p class="reader-dateline" data-testid="reader-dateline" title=info.text.clone()>
            "Filed from "
            {if links.is_empty() { None } else { Some(links) }}
            {(info.places.is_empty() && info.place.is_none()).then(|| info.text.clone())}
            {country.map(|c| format!(" ({c})"))}
            {date}
            {agency}
        </p>
    }
}
