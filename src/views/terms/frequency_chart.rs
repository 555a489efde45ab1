use borderlines_engine::collectors::terms::term_frequency;
use leptos::prelude::*;

use crate::components::{format_thousands, ShowMore};
use crate::session::use_session;

/// Bars drawn at most (the table behind the chart lists every document).
const MAX_BARS: usize = 30;
/// Rows of the data table rendered at first, and added by each "Show more".
const ROWS_STEP: usize = 300;
const BAR_HEIGHT: f64 = 22.0;
const LABEL_WIDTH: f64 = 230.0;
const CHART_WIDTH: f64 = 520.0;

/// How often the chosen term occurs in each document of the selection, per
/// 10,000 words: an SVG bar chart of the documents that use it most, with a
/// data table of every document behind it.
#[component]
pub(super) fn FrequencyChart(
    /// The chosen term.
    term: Memo<Option<String>>,
) -> impl IntoView {
    let session = use_session();
    let counts = Memo::new(move |_| {
        let engine = session.engine.get();
        let Some(term) = term.get() else {
            return Vec::new();
        };
        let mut rows: Vec<(String, String, u32, f64)> = session.selection.with(|s| {
            term_frequency(&engine, s, &term)
                .into_iter()
                .filter(|c| c.count > 0)
                .map(|c| {
                    let doc = engine.corpus().documents.get(c.doc as usize);
                    let title = doc.map_or_else(String::new, |d| d.title.clone());
                    let id = doc.map_or_else(String::new, |d| d.id.clone());
                    (id, title, c.count, c.per_10k)
                })
                .collect()
        });
        rows.sort_by(|a, b| b.3.total_cmp(&a.3).then_with(|| a.0.cmp(&b.0)));
        rows
    });
    let chart = move || {
        counts.with(|rows| {
            let shown = &rows[..rows.len().min(MAX_BARS)];
            let max = shown.iter().map(|r| r.3).fold(0.0f64, f64::max).max(1e-9);
            let height = BAR_HEIGHT * shown.len() as f64 + 4.0;
            let bars = shown
                .iter()
                .enumerate()
                .map(|(i, (_, title, count, per))| {
                    let y = i as f64 * BAR_HEIGHT;
                    let w = (CHART_WIDTH - LABEL_WIDTH - 60.0) * per / max;
                    let short: String = title.chars().take(26).collect();
                    let short = if title.chars().count() > 26 { format!("{short}…") } else { short };
                    view! {
                        <g>
                            <title>{format!("{title}: {count} times, {per:.1} per 10,000 words")}</title>
                            <text x=LABEL_WIDTH - 6.0 y=y + 15.0 text-anchor="end">{short}</text>
                            <rect x=LABEL_WIDTH y=y + 3.0 width=w.max(1.0) height=BAR_HEIGHT - 6.0 rx="2"></rect>
                            <text x=LABEL_WIDTH + w.max(1.0) + 4.0 y=y + 15.0>{format!("{per:.1}")}</text>
                        </g>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                <svg class="bars" data-testid="term-chart" viewBox=format!("0 0 {CHART_WIDTH} {height}") role="img"
                    aria-label="Occurrences per 10,000 words in each document (the table below holds the numbers)">
                    {bars}
                </svg>
            }
        })
    };
    // The table is built only once its `<details>` is opened, and then a
    // part at a time: "mail" occurs in 2,839 of 14,000 documents, and
    // building its rows with the tab took ~200 ms of every opening.
    let opened = RwSignal::new(false);
    let shown = RwSignal::new(ROWS_STEP);
    let table = move || {
        if !opened.get() {
            return Vec::new();
        }
        let shown = shown.get();
        counts.with(|rows| {
            rows.iter()
                .take(shown)
                .map(|(id, title, count, per)| view! {
                    <tr><td title=id.clone()>{title.clone()}</td><td class="num">{format_thousands(u64::from(*count))}</td><td class="num">{format!("{per:.1}")}</td></tr>
                })
                .collect::<Vec<_>>()
        })
    };
    let heading = move || match term.get() {
        Some(t) => format!("“{t}” per document"),
        None => "Frequency per document".to_owned(),
    };
    let intro = move || {
        let n = counts.with(Vec::len);
        match (n, term.with(Option::is_some)) {
            (_, false) => "Choose a term to see where it is used.".to_owned(),
            (0, true) => "It does not occur in this selection.".to_owned(),
            (n, true) if n > MAX_BARS => format!(
                "In {} documents; the {MAX_BARS} that use it most, per 10,000 words:",
                format_thousands(n as u64)
            ),
            (n, true) => format!(
                "In {} of this selection, per 10,000 words:",
                crate::components::plural(n, "document", "documents")
            ),
        }
    };
    view! {
        <section class="view-section" aria-labelledby="freq-heading">
            <h2 id="freq-heading">{heading}</h2>
            <p class="view-intro">{intro}</p>
            {chart}
            <details class="data-behind" on:toggle=move |_| opened.set(true)>
                <summary>"Data table"</summary>
                <div class="table-wrap">
                    <table class="data-table">
                        <thead><tr><th scope="col">"Document"</th><th scope="col" class="num">"Occurrences"</th><th scope="col" class="num">"Per 10,000 words"</th></tr></thead>
                        <tbody>{table}</tbody>
                    </table>
                </div>
                <ShowMore shown=shown total=Signal::derive(move || counts.with(Vec::len)) step=ROWS_STEP noun="documents"/>
            </details>
        </section>
    }
}
