//! The map's legend: what the colours and circles mean, and the borders
//! the text talks about, each with the sentences that say so (links into
//! the reader).

use std::sync::Arc;

use borderlines_engine::collectors::places::MapCounts;
use borderlines_engine::geo::map_svg::border_name;
use borderlines_engine::geo::outlines::MAP_COUNTRIES;
use borderlines_engine::geo::picture::{plural, shade_breaks, MapPicture};
use leptos::prelude::*;

use crate::session::use_session;
use crate::views::figures::passage_href;

/// Longest sentence quoted in the legend, in characters.
const QUOTE_CHARS: usize = 140;

/// Legend and borders talked about. Hooks: `map-legend`, `map-border-talk`.
#[component]
pub(super) fn MapLegend(
    counts: Memo<Arc<MapCounts>>,
    pic: Memo<Arc<MapPicture>>,
    shade: Memo<bool>,
) -> impl IntoView {
    let session = use_session();
    let keys = move || {
        if shade.get() {
            let max = pic.with(|p| p.max_region);
            shade_breaks(max)
                .into_iter()
                .map(|(c, from, to)| {
                    let label = if from == to {
                        plural(from, "mention", "mentions")
                    } else {
                        format!("{from}–{to} mentions")
                    };
                    view! { <li><span class=format!("swatch shade s{c}")></span>{label}</li> }
                })
                .collect_view()
                .into_any()
        } else {
            MAP_COUNTRIES
                .iter()
                .map(|(iso, name)| {
                    view! { <li><span class=format!("swatch {}", iso.to_ascii_lowercase())></span>{*name}</li> }
                })
                .collect_view()
                .into_any()
        }
    };
    let talk = move || {
        let engine = session.engine.get();
        counts.with(|c| {
            c.borders
                .iter()
                .map(|b| {
                    let passages = b
                        .passages
                        .iter()
                        .filter_map(|(d, p)| {
                            let doc = engine.corpus().documents.get(*d as usize)?;
                            let text = doc
                                .blocks
                                .get(p.block as usize)?
                                .text
                                .get(p.start as usize..p.end as usize)?;
                            let mut quote: String = text.chars().take(QUOTE_CHARS).collect();
                            if text.chars().count() > QUOTE_CHARS {
                                quote.push('…');
                            }
                            let href = passage_href(session, &doc.id, p.block, (p.start, p.end));
                            let figure = p
                                .figure
                                .clone()
                                .or_else(|| p.barrier.clone())
                                .map(|f| view! { <strong class="map-figure">{f}</strong> " " });
                            Some(view! { <li>{figure}<a href=href>{quote}</a></li> })
                        })
                        .collect_view();
                    view! {
                        <li data-testid="map-border-talk">
                            <span class="swatch talked"></span>
                            <strong>{format!("{} border", border_name(b.meet))}</strong>
                            {format!(
                                ": {} in {}",
                                plural(b.sentences, "sentence", "sentences"),
                                plural(b.docs, "document", "documents")
                            )}
                            <ul class="map-passages">{passages}</ul>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let has_talk = move || counts.with(|c| !c.borders.is_empty());
    view! {
        <div class="map-legend" data-testid="map-legend">
            <ul class="map-keys">
                {keys}
                <li><span class="swatch marker"></span>"Place: circle area ∝ mentions"</li>
                <li><span class="swatch border"></span>"Land border (drawn provinces only)"</li>
            </ul>
            <Show when=has_talk>
                <h3 class="map-talk-heading">"Borders the text talks about"</h3>
                <ul class="map-talk">{talk}</ul>
            </Show>
        </div>
    }
}
