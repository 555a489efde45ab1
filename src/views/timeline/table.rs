use std::sync::Arc;

use borderlines_engine::collectors::timeline::Timeline;
use borderlines_extract::figures::format_number;
use leptos::prelude::*;

use crate::components::format_thousands;

/// Rows of the bins table at most (the CSV holds every bin).
const MAX_ROWS: usize = 400;

/// The numbers behind the picture: every bin with a date (empty bins are
/// left out here, kept in the CSV) and the figure series by period.
#[component]
pub(super) fn TimelineTable(data: Memo<Arc<Timeline>>) -> impl IntoView {
    let n = |v: u32| format_thousands(u64::from(v));
    let rows = move || {
        data.with(|t| {
            t.bins
                .iter()
                .filter(|b| b.documents > 0)
                .take(MAX_ROWS)
                .map(|b| {
                    view! {
                        <tr class:brushed=b.brushed>
                            <th scope="row">{b.label.clone()}</th>
                            <td class="num">{n(b.published_stated)}</td>
                            <td class="num">{n(b.published_inferred)}</td>
                            <td class="num">{n(b.mentioned)}</td>
                            <td class="num">{n(b.mentioned_within)}</td>
                            <td class="num">{n(b.mentions)}</td>
                            <td class="num">{n(b.documents)}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let more = move || {
        data.with(|t| {
            let dated = t.bins.iter().filter(|b| b.documents > 0).count();
            (dated > MAX_ROWS).then(|| {
                view! { <p class="view-intro">{format!("The first {MAX_ROWS} of {dated} bins with a date; the CSV holds all.")}</p> }
            })
        })
    };
    let series = move || {
        data.with(|t| {
            t.series.as_ref().map(|s| {
                let caption = format!(
                    "Figures of “{}”{} by the period they refer to",
                    s.measure,
                    s.unit.as_deref().map(|u| format!(" ({u})")).unwrap_or_default()
                );
                let rows = s
                    .points
                    .iter()
                    .map(|p| {
                        let figures = p
                            .figures
                            .iter()
                            .map(|f| f.text.clone())
                            .collect::<Vec<_>>()
                            .join("; ");
                        view! {
                            <tr>
                                <th scope="row">{p.key.clone()}</th>
                                <td class="num">{format_number(p.value)}</td>
                                <td>{figures}</td>
                            </tr>
                        }
                    })
                    .collect::<Vec<_>>();
                view! {
                    <table class="data-table tl-series-table" data-testid="timeline-series-table">
                        <caption>{caption}</caption>
                        <thead><tr><th scope="col">"Period"</th><th scope="col" class="num">"Value drawn"</th><th scope="col">"Figures as written"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
            })
        })
    };
    view! {
        <table class="data-table" data-testid="timeline-table">
            <caption>"Documents per bin"</caption>
            <thead>
                <tr>
                    <th scope="col">"Period"</th>
                    <th scope="col" class="num">"Published (stated)"</th>
                    <th scope="col" class="num">"Published (inferred)"</th>
                    <th scope="col" class="num">"Mentioned"</th>
                    <th scope="col" class="num">"within the bin"</th>
                    <th scope="col" class="num">"Mentions"</th>
                    <th scope="col" class="num">"Documents"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {more}
        {series}
    }
}
