//! The timeline view: the selection over time as documents per bin, by
//! publication date and by the dates they mention (two bars per bin), a
//! series of figures that carry a time on a second axis, brushing that
//! filters (`date:` clauses in the query), and the passages behind a bar.
//! Computed by `borderlines_engine::collectors::timeline` and drawn from
//! `borderlines_engine::timeline_chart`'s geometry (the SVG export draws
//! the same geometry).

mod controls;
mod passages;
mod plot;
mod table;

use std::sync::Arc;

use borderlines_engine::collectors::timeline::{timeline, Timeline, TimelineOptions};
use borderlines_engine::timeline_chart::to_svg;
use leptos::prelude::*;

use crate::components::plural;
use crate::session::use_session;
use crate::views::chart::ChartPanel;
use controls::TimelineControls;
use passages::BarPassageList;
use plot::TimelinePlot;
use table::TimelineTable;

/// Says when dates reach beyond the span drawn, with a link to draw all
/// of it (or back). Hook: `timeline-span`.
#[component]
fn SpanNote(data: Memo<Arc<Timeline>>) -> impl IntoView {
    let session = use_session();
    move || {
        let full = session.state.with(|s| s.timeline_full_span);
        data.with(|t| {
            let label = |s: Option<borderlines_engine::time_bins::DaySpan>| {
                s.map(|s| {
                    let (a, b) = (s.start, s.end);
                    let y = |d: i32| borderlines_engine::time_bins::civil_from_days(d).0;
                    format!("{}–{}", y(a), y(b))
                })
                .unwrap_or_default()
            };
            let (text, link) = if full {
                (
                    format!("Showing every date, ranges and decades included ({}).", label(t.full)),
                    "Show the span of precise dates",
                )
            } else if t.beyond_docs > 0 {
                (
                    format!(
                        "{} a range or decade reaching beyond {} (counted where it overlaps; the whole span is {}).",
                        plural(t.beyond_docs, "document mentions", "documents mention"),
                        label(t.shown),
                        label(t.full)
                    ),
                    "Show the whole span",
                )
            } else {
                return None;
            };
            let href = session.href(move |s| s.timeline_full_span = !full);
            Some(view! {
                <p class="tl-span-note">
                    {text}" "
                    <a class="tl-choice" data-testid="timeline-span" href=href>{link}</a>
                </p>
            })
        })
    }
}

/// The timeline. Hooks: `timeline-view`, `timeline-svg`, `timeline-bar`
/// (with `data-key`), `timeline-brush`, `timeline-note`,
/// `timeline-passage`, `timeline-unit`, `timeline-series` and the chart
/// panel's (`chart-table`, `export`).
#[component]
pub fn TimelineView() -> impl IntoView {
    let session = use_session();
    // What the link asks of the chart (the chosen bar is left out: choosing
    // a bar lists its passages without redrawing the chart).
    let options = Memo::new(move |_| {
        session.state.with(|s| TimelineOptions {
            unit: s.timeline_unit,
            series: s.timeline_series.clone(),
            bar: None,
            full_span: s.timeline_full_span,
        })
    });
    let data: Memo<Arc<Timeline>> = Memo::new(move |_| {
        let engine = session.engine.get();
        let options = options.get();
        session
            .selection
            .with(|s| Arc::new(timeline(&engine, s, &options)))
    });
    let intro = Signal::derive(move || {
        let selected = session.with_results(|r| r.matching.len());
        data.with(|t| {
            if t.base_docs == 0 {
                return "No documents in this selection.".to_owned();
            }
            let mut s = format!(
                "Documents per {} by publication date and by the dates they mention; {} of {} carry a date.",
                t.unit.name(),
                t.dated_docs,
                plural(t.base_docs, "document", "documents"),
            );
            if !t.brushes.is_empty() {
                s.push_str(&format!(
                    " The brushed {} select {}.",
                    if t.brushes.len() == 1 { "range" } else { "ranges" },
                    plural(selected, "document", "documents")
                ));
            }
            s
        })
    });
    let export_svg =
        Callback::new(move |_| data.with_untracked(|t| to_svg(t, "Timeline of the selection")));
    let export_csv = Callback::new(move |_| data.with_untracked(|t| t.to_csv()));
    view! {
        <div class="timeline-view" data-testid="timeline-view">
            <ChartPanel
                view_key="timeline"
                title="Timeline"
                intro=intro
                svg_name="borderlines-timeline.svg"
                csv_name="borderlines-timeline.csv"
                export_svg=export_svg
                export_csv=export_csv
                table=move || view! { <TimelineTable data=data/> }
                controls=move || view! { <TimelineControls data=data/> }
                credits="Dates and figures are read from the documents' own text."
            >
                <p class="tl-note" data-testid="timeline-note">{move || data.with(|t| t.publication_note())}</p>
                {move || data.with(|t| t.series_note()).map(|n| view! { <p class="tl-note" data-testid="timeline-series-note">{n}</p> })}
                <SpanNote data=data/>
                <TimelinePlot data=data/>
            </ChartPanel>
            <BarPassageList/>
        </div>
    }
}
