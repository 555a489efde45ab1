use borderlines_engine::collectors::figures::{ClaimAgreement, ClaimGroup};
use leptos::prelude::*;

use super::passage_href;
use crate::components::{plural, ShowMore};
use crate::session::use_session;

/// Claims rendered at first, and added by each "Show more": on 14,000
/// documents there were 139 claims, 7,500 elements built in one task.
const CLAIMS_STEP: usize = 30;

/// Claims across sources: each measure and year with the figures every
/// source gives, side by side, and whether they agree; conflicts first.
#[component]
pub(super) fn ClaimList(
    /// The selection's claims, conflicts first.
    claims: Memo<Vec<ClaimGroup>>,
) -> impl IntoView {
    let session = use_session();
    let claim =
        move |c: ClaimGroup| {
            let agreement = c.agreement;
            let class = match agreement {
                ClaimAgreement::Conflicting => "agreement conflicting",
                ClaimAgreement::Consistent => "agreement consistent",
                ClaimAgreement::Single => "agreement single",
            };
            let head = format!(
                "{}{} in {}",
                c.measure,
                if c.unit.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", c.unit)
                },
                c.year
            );
            let figures = c
            .figures
            .into_iter()
            .map(|f| {
                let (doc_id, block, range) = (f.doc_id.clone(), f.block, (f.start, f.end));
                let href = move || passage_href(session, &doc_id, block, range);
                let quoted = (f.text != f.value).then(|| f.text.clone());
                let title = format!("Open “{}” in {}", f.text, f.doc_title);
                let source = if f.source.is_empty() { f.doc_id.clone() } else { f.source.clone() };
                view! {
                    <a class="claim-figure" href=href title=title>
                        <strong>{f.value}</strong>
                        {quoted.map(|t| view! { <span class="claim-text">" — “" {t} "”"</span> })}
                        <br/>
                        <span class="claim-source">{source}</span>
                    </a>
                }
            })
            .collect::<Vec<_>>();
            view! {
                <div class="claim" data-testid="claim" data-agreement=agreement.key()>
                    <div class="claim-head">
                        <strong>{head}</strong>
                        <span class=class>{agreement.label()}</span>
                    </div>
                    <p class="view-intro">{c.summary}</p>
                    <div class="claim-figures">{figures}</div>
                </div>
            }
        };
    let count = move || claims.with(|c| c.len());
    let shown = RwSignal::new(CLAIMS_STEP);
    let first = move || claims.with(|c| c.iter().take(shown.get()).cloned().collect::<Vec<_>>());
    view! {
        <section class="view-section" aria-labelledby="claims-heading">
            <h2 id="claims-heading">"Claims across sources"</h2>
            <p class="view-intro">
                {move || match count() {
                    0 => "No two figures in this selection measure the same thing in the same year.".to_owned(),
                    n => format!("{}: figures that measure the same thing in the same year, side by side. Conflicts first.", plural(n, "claim", "claims")),
                }}
            </p>
            <For each=first key=|c| (c.measure.clone(), c.unit.clone(), c.year, c.summary.clone()) children=claim/>
            <ShowMore shown=shown total=Signal::derive(count) step=CLAIMS_STEP noun="claims"/>
        </section>
    }
}
