use borderlines_search::Hit;
use leptos::prelude::*;

/// "Why this matched", on demand: each query word, the form it matched
/// (stem, prefix or fuzzy expansion), where, and how it adds to the score.
#[component]
pub fn WhyMatched(
    /// The hit to explain.
    hit: Hit,
) -> impl IntoView {
    // The table is built only once opened: a page of hits re-renders on
    // every keystroke, and most explanations are never read.
    let opened = RwSignal::new(false);
    let hit = StoredValue::new(hit);
    let table = move || opened.get().then(|| hit.with_value(explanation_table));
    view! {
        <details class="why" data-testid="why-matched" on:toggle=move |_| opened.set(true)>
            <summary>"Why this matched"</summary>
            {table}
        </details>
    }
}

fn explanation_table(hit: &Hit) -> impl IntoView {
    let e = hit.explanation.clone();
    let rows = e
        .terms
        .into_iter()
        .map(|t| {
            let fields = t
                .fields
                .iter()
                .map(|f| format!("{} ×{}", f.field, f.tf))
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <tr>
                    <td><code>{t.query}</code></td>
                    <td>{t.matched}</td>
                    <td>{fields}</td>
                    <td class="num">{format!("{:.2}", t.score)}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let proximity =
        (e.proximity > 1.0).then(|| format!("Words close together: score ×{:.2}. ", e.proximity));
    view! {
            <table>
                <thead><tr><th>"query"</th><th>"matched"</th><th>"where"</th><th class="num">"score"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="why-total">{proximity} {format!("Total BM25 score {:.2}.", hit.score)}</p>
    }
}
