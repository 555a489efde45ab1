use std::sync::Arc;

use borderlines_engine::collectors::timeline::Timeline;
use borderlines_engine::time_bins::Unit;
use leptos::prelude::*;

use crate::session::use_session;

/// The bin unit (auto or one of four) and the figure series, as links.
/// Hooks: `timeline-unit` (with `data-unit`, `auto` for adaptive),
/// `timeline-series` (with `data-measure`).
#[component]
pub(super) fn TimelineControls(data: Memo<Arc<Timeline>>) -> impl IntoView {
    let session = use_session();
    let units = move || {
        let chosen = session.state.with(|s| s.timeline_unit);
        let auto = data.with(|t| t.auto_unit);
        let auto_link = {
            let href = session.href(|s| s.timeline_unit = None);
            let label = format!("Auto ({})", auto.plural());
            view! {
                <a class="tl-choice" class:active=chosen.is_none() data-testid="timeline-unit" data-unit="auto"
                    href=href aria-current=if chosen.is_none() { "true" } else { "false" }>{label}</a>
            }
        };
        let rest = Unit::ALL
            .into_iter()
            .map(|u| {
                let href = session.href(|s| s.timeline_unit = Some(u));
                let active = chosen == Some(u);
                let label = match u {
                    Unit::Day => "Days",
                    Unit::Month => "Months",
                    Unit::Year => "Years",
                    Unit::Decade => "Decades",
                };
                view! {
                    <a class="tl-choice" class:active=active data-testid="timeline-unit" data-unit=u.name()
                        href=href aria-current=if active { "true" } else { "false" }>{label}</a>
                }
            })
            .collect::<Vec<_>>();
        (auto_link, rest)
    };
    let coarsened = move || {
        data.with(|t| {
            t.coarsened.then(|| {
                view! { <span class="tl-hint">{format!("(too many bins: shown in {})", t.unit.plural())}</span> }
            })
        })
    };
    let series = move || {
        data.with(|t| {
            let current = t.series.as_ref().map(|s| s.measure.clone());
            t.series_choices
                .iter()
                .map(|c| {
                    let m = c.measure.clone();
                    let active = current.as_deref() == Some(m.as_str());
                    let href = {
                        let m = m.clone();
                        session.href(move |s| s.timeline_series = Some(m))
                    };
                    let label = format!("{} ({})", c.measure, c.figures);
                    view! {
                        <a class="tl-choice" class:active=active data-testid="timeline-series" data-measure=m
                            href=href aria-current=if active { "true" } else { "false" }>{label}</a>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let has_series = move || data.with(|t| !t.series_choices.is_empty());
    view! {
        <div class="tl-controls">
            <span class="tl-group" role="group" aria-label="Bin size">
                <span class="tl-group-label">"Bins:"</span>
                {units}
                {coarsened}
            </span>
            <Show when=has_series>
                <span class="tl-group" role="group" aria-label="Figures plotted">
                    <span class="tl-group-label">"Figures of:"</span>
                    {series}
                </span>
            </Show>
        </div>
    }
}
