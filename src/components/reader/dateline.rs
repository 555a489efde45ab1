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

/// One line under the byline: "Filed from Seoul (South Korea) ·
/// 2023-11-03, year inferred · Reuters". The place is a link to the
/// stories filed from it (from any of them for "BEIJING/TOKYO").
/// Hooks: `reader-dateline`, `dateline-place`.
#[component]
pub fn DatelineLine(
    /// The document's resolved dateline.
    info: DatelineInfo,
) -> impl IntoView {
    let session = use_session();
    // `info.place` is the first of these when resolved.
    let places = info.places.clone();
    let place_text = places.join(" / ");
    let mut rest = String::new();
    if let Some(iso) = info.country.as_deref() {
        rest.push_str(&format!(" ({})", country_name(iso).unwrap_or(iso)));
    }
    if let Some(d) = info.date {
        let inferred = if info.year_inferred {
            ", year inferred"
        } else {
            ""
        };
        rest.push_str(&format!(" · {}{inferred}", d.iso()));
    }
    if let Some(a) = &info.agency {
        rest.push_str(&format!(" · {a}"));
    }
    let place = (!places.is_empty()).then(|| {
        let href = move || {
            let query = places.iter().fold(session.query.get(), |q, p| {
                include(&q, &Filter::include(FacetKind::Dateline, p))
            });
            session.href_query(query)
        };
        view! { <a href=href data-testid="dateline-place" title="Stories filed from here">{place_text}</a> }
    });
    // A place the gazetteer did not resolve is shown as written.
    let written = place.is_none().then(|| info.text.clone());
    view! {
        <p class="reader-dateline" data-testid="reader-dateline" title=info.text.clone()>
            "Filed from " {place} {written} {rest}
        </p>
    }
}
