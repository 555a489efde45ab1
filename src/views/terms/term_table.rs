use borderlines_engine::collectors::terms::{to_csv, Compared, DistinctiveTerms};
use borderlines_engine::view_state::{Sort, MAX_MIN_FREQ};
use leptos::prelude::*;

use crate::components::{format_thousands, ExportLink};
use crate::session::use_session;

/// The distinctive terms of the selection with their counts, G² and log
/// ratio; a term's name chooses it (frequency chart and keyword in context),
/// "search" makes it the query. Options (words or phrases, stopwords, sort)
/// are in the link.
#[component]
pub(super) fn TermTable(
    /// The list and what it was compared with.
    terms: Memo<DistinctiveTerms>,
    /// The chosen term.
    chosen: Memo<Option<String>>,
    /// The least frequency in force.
    min_freq: Signal<u64>,
) -> impl IntoView {
    let session = use_session();
    let on_min_freq = move |ev: leptos::ev::Event| {
        let Ok(n) = event_target_value(&ev).parse::<u16>() else {
            return;
        };
        session.go(|s| s.min_freq = Some(n.clamp(1, MAX_MIN_FREQ)));
    };
    let intro = move || {
        terms.with(|t| {
            let against = match t.compared {
                Compared::RestOfCorpus => format!(
                    "the rest of the corpus ({} words)",
                    format_thousands(t.ref_tokens)
                ),
                Compared::Brown => format!(
                    "ordinary English (the Brown corpus, {} words)",
                    format_thousands(t.ref_tokens)
                ),
                Compared::Nothing => {
                    "nothing: with no selection, phrases are ranked by frequency".to_owned()
                }
                Compared::ReferenceNotLoaded => {
                    "ordinary English once its word list is read (ranked by frequency until then)"
                        .to_owned()
                }
            };
            format!(
                "{} terms of this selection ({} words) stand out against {}.",
                format_thousands(t.total as u64),
                format_thousands(t.tokens),
                against
            )
        })
    };
    let ngram_link = move |n: u8, label: &'static str| {
        let href = move || session.href(|s| s.ngram = n);
        let active = move || session.state.with(|s| s.ngram == n);
        view! { <a class="term-link" class:active=active href=href data-testid="ngram" data-n=n.to_string()>{label}</a> }
    };
    let stop_href = move || session.href(|s| s.stopwords = !s.stopwords);
    let stop_on = move || session.state.with(|s| s.stopwords);
    let sort_header = move |key: &'static str, label: &'static str| {
        let href = session.href(|s| {
            s.term_sort = Some(Sort {
                column: key.to_owned(),
                descending: true,
            })
        });
        let current = session.state.with(|s| {
            s.term_sort
                .as_ref()
                .map_or("g2", |s| match s.column.as_str() {
                    "ratio" => "ratio",
                    "freq" => "freq",
                    _ => "g2",
                })
                == key
        });
        view! {
            <th scope="col" class="num" aria-sort=if current { "descending" } else { "none" }>
                <a href=href data-testid="sort" data-column=key>{label}</a>
            </th>
        }
    };
    let rows = move || {
        let chosen = chosen.get();
        terms.with(|t| {
            t.rows
                .iter()
                .map(|r| {
                    let label = r.label.clone();
                    let choose = {
                        let label = label.clone();
                        move || {
                            let label = label.clone();
                            session.href(move |s| s.term = Some(label))
                        }
                    };
                    let search_text = if label.contains(' ') { format!("\"{label}\"") } else { label.clone() };
                    let search = move || session.href_query(search_text.clone());
                    let active = chosen.as_deref() == Some(label.as_str());
                    let (g2, ratio) = r.keyness.map_or((String::from("–"), String::from("–")), |k| {
                        (format!("{:.1}", k.g2), format!("{:+.2}", k.log_ratio))
                    });
                    view! {
                        <tr data-testid="term-row" data-term=label.clone()>
                            <td>
                                <a class="term-link" class:active=active data-testid="term-link" href=choose title="Show it per document and in context">{label.clone()}</a>
                            </td>
                            <td class="num">{format_thousands(r.freq)}</td>
                            <td class="num">{format_thousands(r.ref_freq)}</td>
                            <td class="num">{format_thousands(u64::from(r.docs))}</td>
                            <td class="num">{g2}</td>
                            <td class="num">{ratio}</td>
                            <td><a class="export" href=search title=format!("Search for {label}")>"search"</a></td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let csv = Callback::new(move |_| terms.with(|t| to_csv(&t.rows)));
    view! {
        <section class="view-section" aria-labelledby="terms-heading">
            <h2 id="terms-heading">"Distinctive terms"</h2>
            <p class="view-intro">{intro}</p>
            <div class="view-controls">
                <span>{ngram_link(1, "Words")} " " {ngram_link(2, "2-word phrases")} " " {ngram_link(3, "3-word phrases")}</span>
                <a class="term-link" class:active=stop_on href=stop_href data-testid="stopwords" aria-pressed=move || if stop_on() { "true" } else { "false" }>
                    {move || if stop_on() { "Stopwords shown" } else { "Stopwords hidden" }}
                </a>
                <label>
                    "At least"
                    <input type="number" min="1" max=MAX_MIN_FREQ.to_string() prop:value=move || min_freq.get().to_string() on:change=on_min_freq data-testid="min-freq"/>
                    "times"
                </label>
                <ExportLink format="csv" file_name="borderlines-terms.csv" content=csv label="Export CSV"/>
            </div>
            <div class="table-wrap">
                <table class="data-table" aria-label="Distinctive terms">
                    <thead>
                        <tr>
                            <th scope="col">"Term"</th>
                            {move || sort_header("freq", "Here")}
                            <th scope="col" class="num" title="Occurrences in what it is compared with">"Ref."</th>
                            <th scope="col" class="num">"Docs"</th>
                            {move || sort_header("g2", "G²")}
                            {move || sort_header("ratio", "Log ratio")}
                            <th scope="col"><span class="visually-hidden">"Search"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <Show when=move || terms.with(|t| t.rows.is_empty())>
                <p class="empty-state" data-testid="terms-empty">
                    "No term stands out here with these settings (at least a few occurrences, and a difference unlikely to be chance). Try words instead of phrases, show stopwords, or widen the selection."
                </p>
            </Show>
            <p class="view-intro">"G² (log-likelihood): how sure the difference is (≥ 3.84: p < 0.05; ≥ 10.83: p < 0.001). Log ratio: how big it is (+1 = twice as frequent, per word, as in the reference)."</p>
        </section>
    }
}
