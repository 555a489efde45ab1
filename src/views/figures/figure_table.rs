use borderlines_engine::collectors::figures::{
    rows_to_csv, rows_to_json, sort_rows, FigureColumn, FigureRow,
};
use borderlines_engine::view_state::Sort;
use leptos::prelude::*;

use super::passage_href;
use crate::components::{format_thousands, plural, ExportLink};
use crate::session::use_session;

/// Rows rendered at most; the exports always hold all of them.
const MAX_ROWS: usize = 200;

/// Every figure of the selection, sortable by each column (the sort is in
/// the link), each row opening its passage in the reader.
#[component]
pub(super) fn FigureTable(
    /// The selection's figures in corpus order.
    rows: Memo<Vec<FigureRow>>,
) -> impl IntoView {
    let session = use_session();
    let sort = Memo::new(move |_| {
        session.state.with(|s| {
            s.figure_sort
                .as_ref()
                .and_then(|s| FigureColumn::from_key(&s.column).map(|c| (c, s.descending)))
        })
    });
    let sorted = Memo::new(move |_| {
        let mut r = rows.get();
        if let Some((column, descending)) = sort.get() {
            sort_rows(&mut r, column, descending);
        }
        r
    });
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
        sorted.with(|rows| {
            rows.iter()
                .take(MAX_ROWS)
                .map(|r| {
                    let (doc_id, block, range) = (r.doc_id.clone(), r.block, (r.start, r.end));
                    let href = move || passage_href(session, &doc_id, block, range);
                    let open_label = format!("Open “{}” in its document", r.text);
                    view! {
                        <tr data-testid="figure-row" data-value=r.value.clone()>
                            <td class="num"><a class="row-link" href=href aria-label=open_label title="Open the passage in the reader">{r.value.clone()}</a></td>
                            <td class="counts">{r.counts.clone()}</td>
                            <td>{r.unit.clone()}</td>
                            <td>{r.time.clone()}</td>
                            <td class="doc" title=r.doc_id.clone()>{r.doc_title.clone()}</td>
                            <td>{r.source.clone()}</td>
                            <td class="sentence">{r.sentence.clone()}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let intro = move || {
        let (n, docs) = rows.with(|r| {
            let mut d: Vec<u32> = r.iter().map(|x| x.doc).collect();
            d.dedup();
            (r.len(), d.len())
        });
        let mut text = format!(
            "{} in {} of this selection. Click a value to read its passage.",
            plural(n, "figure", "figures"),
            plural(docs, "document", "documents")
        );
        if n > MAX_ROWS {
            text.push_str(&format!(
                " Showing the first {} (sorted); the exports hold all {}.",
                format_thousands(MAX_ROWS as u64),
                format_thousands(n as u64)
            ));
        }
        text
    };
    let csv = Callback::new(move |_| sorted.with(|r| rows_to_csv(r)));
    let json = Callback::new(move |_| sorted.with(|r| rows_to_json(r)));
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
        </section>
    }
}
