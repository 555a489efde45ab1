use borderlines_engine::collectors::figures::{
    rows_of, rows_to_csv, rows_to_json, sort_refs, FigureColumn, FigureRef,
};
use borderlines_engine::view_state::Sort;
use leptos::prelude::*;

use super::passage_href;
use crate::components::{plural, ExportLink, ShowMore};
use crate::session::use_session;

/// Rows rendered at first, and added by each "Show more"; the exports
/// always hold all of them.
const ROWS_STEP: usize = 200;

/// Every figure of the selection, sortable by each column (the sort is in
/// the link), each row opening its passage in the reader.
#[component]
pub(super) fn FigureTable(
    /// The selection's figures in corpus order.
    rows: Memo<Vec<FigureRef>>,
) -> impl IntoView {
    let session = use_session();
    let sort = Memo::new(move |_| {
        session.state.with(|s| {
            s.figure_sort
                .as_ref()
                .and_then(|s| FigureColumn::from_key(&s.column).map(|c| (c, s.descending)))
        })
    });
    // Positions are sorted; rows are built only for the part shown.
    let sorted = Memo::new(move |_| {
        let mut r = rows.get();
        if let Some((column, descending)) = sort.get() {
            session
                .engine
                .with(|e| sort_refs(e, &mut r, column, descending));
        }
        r
    });
    let shown = RwSignal::new(ROWS_STEP);
    let header = move |column: FigureColumn| {
        let current = sort.get();
        let descending_next = matches!(current, Some((c, false)) if c == column);
        let href = session.href(|s| {
            s.figure_sort = Some(Sort {
                column: column.key().to_owned(),
                descending: descending_next,
            })
        });
        let aria = match current {
            Some((c, d)) if c == column => {
                if d {
                    "descending"
                } else {
                    "ascending"
                }
            }
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria class:num=column == FigureColumn::Value>
                <a href=href data-testid="sort" data-column=column.key()>{column.label()}</a>
            </th>
        }
    };
    let body = move || {
        let shown = shown.get();
        let rows = session
            .engine
            .with(|e| sorted.with(|r| rows_of(e, &r[..r.len().min(shown)])));
        rows.into_iter()
            .map(|r| {
                let (doc_id, block, range) = (r.doc_id.clone(), r.block, (r.start, r.end));
                let href = move || passage_href(session, &doc_id, block, range);
                let open_label = format!("Open “{}” in its document", r.text);
                view! {
                    <tr data-testid="figure-row" data-value=r.value.clone()>
                        <td class="num"><a class="row-link" href=href aria-label=open_label title="Open the passage in the reader">{r.value.clone()}</a></td>
                        <td class="counts">{r.counts}</td>
                        <td>{r.unit}</td>
                        <td>{r.time}</td>
                        <td class="doc" title=r.doc_id.clone()>{r.doc_title}</td>
                        <td>{r.source}</td>
                        <td class="sentence">{r.sentence}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>()
    };
    let intro = move || {
        let (n, docs) = rows.with(|r| {
            let mut d: Vec<u32> = r.iter().map(|x| x.doc).collect();
            d.dedup();
            (r.len(), d.len())
        });
        format!(
            "{} in {} of this selection. Click a value to read its passage.{}",
            plural(n, "figure", "figures"),
            plural(docs, "document", "documents"),
            if n > shown.get() {
                " The exports hold them all."
            } else {
                ""
            }
        )
    };
    // The exports hold every row, built when asked for.
    let all_rows = move || session.engine.with(|e| sorted.with(|r| rows_of(e, r)));
    let csv = Callback::new(move |_| rows_to_csv(&all_rows()));
    let json = Callback::new(move |_| rows_to_json(&all_rows()));
    view! {
        <section class="view-section" aria-labelledby="figures-heading">
            <h2 id="figures-heading">"Figures"</h2>
            <div class="view-controls">
                <span class="view-intro">{intro}</span>
                <ExportLink format="csv" file_name="borderlines-figures.csv" content=csv label="Export CSV"/>
                <ExportLink format="json" file_name="borderlines-figures.json" content=json label="Export JSON"/>
            </div>
            <div class="table-wrap">
                <table class="data-table" aria-label="Figures of the selection">
                    <thead>
                        <tr>
                            {move || FigureColumn::ALL.into_iter().map(header).collect::<Vec<_>>()}
                            <th scope="col">"Sentence"</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <ShowMore shown=shown total=Signal::derive(move || rows.with(Vec::len)) step=ROWS_STEP noun="figures"/>
        </section>
    }
}
