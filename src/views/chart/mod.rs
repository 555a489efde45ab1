//! The frame every picture (timeline, map, network) sits in: a heading, a
//! line saying what is shown, the controls, Chart/Table, the exports (SVG
//! and CSV, made by the engine from the same data), the picture, its data
//! table and its credits.
//!
//! The data table is always in the page, so screen readers have the
//! numbers behind the picture; `table=1` in the link shows it on screen.

use leptos::prelude::*;

use crate::components::ExportLink;
use crate::session::use_session;

/// A picture with its table and exports. Hooks: `chart-panel` (with
/// `data-view`), `chart-table-toggle`, `chart-table`, `export`
/// (`data-format` svg/csv), `chart-credits`.
#[component]
pub fn ChartPanel(
    /// The view's key (`timeline`, `map`, `network`): `data-view`, file names.
    view_key: &'static str,
    /// The heading.
    title: &'static str,
    /// One line under the heading: what is shown, and what is not known.
    #[prop(into)]
    intro: Signal<String>,
    /// File name of the SVG export ("timeline.svg").
    svg_name: &'static str,
    /// File name of the CSV export ("timeline.csv").
    csv_name: &'static str,
    /// Makes the SVG file when the user asks for it.
    export_svg: Callback<(), String>,
    /// Makes the CSV file when the user asks for it.
    export_csv: Callback<(), String>,
    /// The data table behind the picture.
    #[prop(into)]
    table: ViewFn,
    /// Controls of the picture (thresholds, layers), shown above it.
    #[prop(optional, into)]
    controls: Option<ViewFn>,
    /// Sources and licences of the data drawn, always visible.
    #[prop(optional)]
    credits: Option<&'static str>,
    /// The picture.
    children: Children,
) -> impl IntoView {
    let session = use_session();
    let show_table = Memo::new(move |_| session.state.with(|s| s.chart_table));
    let toggle_href = move || session.href(|s| s.chart_table = !s.chart_table);
    view! {
        <section class="view-section chart-panel" data-testid="chart-panel" data-view=view_key>
            <div class="chart-head">
                <div class="chart-heading">
                    <h2>{title}</h2>
                    <p class="view-intro">{move || intro.get()}</p>
                </div>
                <div class="chart-actions">
                    <a
                        class="chart-toggle"
                        data-testid="chart-table-toggle"
                        href=toggle_href
                        aria-pressed=move || if show_table.get() { "true" } else { "false" }
                    >
                        {move || if show_table.get() { "Hide table" } else { "Show table" }}
                    </a>
                    <ExportLink format="svg" file_name=svg_name content=export_svg label="Export SVG"/>
                    <ExportLink format="csv" file_name=csv_name content=export_csv label="Export CSV"/>
                </div>
            </div>
            {controls.map(|c| view! { <div class="view-controls chart-controls">{c.run()}</div> })}
            <div class="chart-body">{children()}</div>
            {credits.map(|c| view! { <p class="chart-credits" data-testid="chart-credits">{c}</p> })}
            <div
                class="table-wrap chart-table"
                class:visually-hidden=move || !show_table.get()
                data-testid="chart-table"
            >
                {table.run()}
            </div>
        </section>
    }
}
