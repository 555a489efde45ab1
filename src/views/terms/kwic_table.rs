use borderlines_engine::collectors::kwic::{kwic, to_csv, KwicOptions, KwicSort};
use borderlines_engine::view_state::{Sort, KWIC_WIDTH};
use leptos::prelude::*;

use crate::components::{format_thousands, ExportLink, ShowMore};
use crate::session::use_session;
use crate::views::figures::passage_href;

/// Lines rendered at first, and added by each "Show more", up to the
/// collector's limit (which the export holds too).
const LINES_STEP: usize = 100;

/// Every occurrence of the chosen term in the selection, aligned on the
/// keyword, with `kw` words each side; sortable by the word to the left or
/// right; a keyword opens the reader at that occurrence.
#[component]
pub(super) fn KwicTable(
    /// The chosen term.
    term: Memo<Option<String>>,
) -> impl IntoView {
    let session = use_session();
    let options = Memo::new(move |_| {
        session.state.with(|s| KwicOptions {
            width: usize::from(s.kwic_width),
            sort: match s.kwic_sort.as_ref().map(|s| s.column.as_str()) {
                Some("left") => KwicSort::Left,
                Some("right") => KwicSort::Right,
                _ => KwicSort::Document,
            },
            ..KwicOptions::default()
        })
    });
    let lines = Memo::new(move |_| {
        let engine = session.engine.get();
        let Some(term) = term.get() else {
            return Default::default();
        };
        let options = options.get();
        session
            .selection
            .with(|s| kwic(&engine, s, &term, &options))
    });
    let sort_link = move |key: &'static str, label: &'static str| {
        let href = move || {
            session.href(|s| {
                s.kwic_sort = Some(Sort {
                    column: key.to_owned(),
                    descending: false,
                })
            })
        };
        let active = move || {
            let current = options.get().sort;
            matches!(
                (key, current),
                ("left", KwicSort::Left) | ("right", KwicSort::Right) | ("doc", KwicSort::Document)
            )
        };
        view! { <a class="term-link" class:active=active href=href data-testid="kwic-sort" data-column=key>{label}</a> }
    };
    let on_width = move |ev: leptos::ev::Event| {
        let Ok(w) = event_target_value(&ev).parse::<u8>() else {
            return;
        };
        let w = w.clamp(*KWIC_WIDTH.start(), *KWIC_WIDTH.end());
        session.go(|s| s.kwic_width = w);
    };
    let shown = RwSignal::new(LINES_STEP);
    let rows = move || {
        let shown = shown.get();
        lines.with(|k| {
            k.lines
                .iter()
                .take(shown)
                .map(|l| {
                    let end = u32::try_from(l.range.end).unwrap_or(u32::MAX);
                    let start = u32::try_from(l.range.start).unwrap_or(u32::MAX);
                    let block = u32::try_from(l.block).unwrap_or(u32::MAX);
                    let doc_id = l.doc_id.clone();
                    let href = move || passage_href(session, &doc_id, block, (start, end));
                    view! {
                        <tr data-testid="kwic-line" data-doc=l.doc_id.clone()>
                            <td class="left"><span>{l.left.clone()}</span></td>
                            <td class="key"><a class="row-link" href=href title="Open this passage">{l.keyword.clone()}</a></td>
                            <td class="right">{l.right.clone()}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let intro = move || {
        let total = lines.with(|k| k.total);
        match term.get() {
            None => "Choose a term to see it in context.".to_owned(),
            Some(_) if total == 0 => "No occurrence in this selection.".to_owned(),
            Some(_) if total > KwicOptions::default().limit => format!(
                "{} occurrences; the first {} are listed and exported.",
                format_thousands(total as u64),
                format_thousands(KwicOptions::default().limit as u64)
            ),
            Some(_) => format!("{} occurrences.", format_thousands(total as u64)),
        }
    };
    let heading = move || match term.get() {
        Some(t) => format!("“{t}” in context"),
        None => "Keyword in context".to_owned(),
    };
    let csv = Callback::new(move |_| lines.with(|k| to_csv(&k.lines)));
    view! {
        <section class="view-section" aria-labelledby="kwic-heading">
            <h2 id="kwic-heading">{heading}</h2>
            <div class="view-controls">
                <span class="view-intro">{intro}</span>
                <span>"Sort: " {sort_link("doc", "document")} " " {sort_link("left", "left word")} " " {sort_link("right", "right word")}</span>
                <label>
                    "Words each side"
                    <input type="number" min=KWIC_WIDTH.start().to_string() max=KWIC_WIDTH.end().to_string()
                        prop:value=move || session.state.with(|s| s.kwic_width.to_string()) on:change=on_width data-testid="kwic-width"/>
                </label>
                <ExportLink format="csv" file_name="borderlines-kwic.csv" content=csv label="Export CSV"/>
            </div>
            <div class="table-wrap">
                <table class="data-table kwic" aria-label="Keyword in context">
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <ShowMore shown=shown total=Signal::derive(move || lines.with(|k| k.lines.len())) step=LINES_STEP noun="occurrences"/>
        </section>
    }
}
