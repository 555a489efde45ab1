use borderlines_engine::collectors::timeline::{passages_behind, PassageKind, TimelinePassage};
use borderlines_engine::facets::FacetKind;
use borderlines_engine::filters::{filters, toggle, Filter};
use borderlines_engine::View;
use leptos::prelude::*;

use crate::components::format_thousands;
use crate::session::{use_session, Session};
use crate::views::figures::passage_href;

/// The passages behind the chosen bar (`tbar`): each document's sentence
/// with the date marked, a link to the reader at that sentence; with a link
/// that filters by the bar's range and one that closes the list. Hooks:
/// `timeline-passages`, `timeline-passage`, `timeline-bar-filter`.
#[component]
pub(super) fn BarPassageList() -> impl IntoView {
    let session = use_session();
    let key = Memo::new(move |_| session.state.with(|s| s.timeline_bar.clone()));
    let bar = Memo::new(move |_| {
        let key = key.get()?;
        let engine = session.engine.get();
        session
            .selection
            .with(|s| passages_behind(&engine, s, &key))
    });
    move || {
        bar.with(|b| {
            b.as_ref().map(|b| {
                let key = b.key.clone();
                let filter = Filter::include(FacetKind::Date, &key);
                let query = session.query.get();
                let active = filters(&query).contains(&filter);
                let filter_href = session.href_query(toggle(&query, &filter));
                let close_href = session.href(|s| s.timeline_bar = None);
                let heading = format!(
                    "Passages behind {} ({})",
                    key,
                    format_thousands(b.total as u64)
                );
                let more = (b.total > b.passages.len()).then(|| {
                    view! { <p class="view-intro">{format!("The first {} are listed.", b.passages.len())}</p> }
                });
                let items = b
                    .passages
                    .iter()
                    .map(|p| passage(session, p))
                    .collect::<Vec<_>>();
                view! {
                    <section class="view-section tl-passages" data-testid="timeline-passages" aria-labelledby="tl-passages-heading">
                        <div class="chart-head">
                            <h2 id="tl-passages-heading">{heading}</h2>
                            <div class="chart-actions">
                                <a class="chart-toggle" data-testid="timeline-bar-filter" href=filter_href>
                                    {if active { format!("Remove filter {key}") } else { format!("Filter to {key}") }}
                                </a>
                                <a class="chart-toggle" data-testid="timeline-passages-close" href=close_href>"Close"</a>
                            </div>
                        </div>
                        {more}
                        <ul class="tl-passage-list">{items}</ul>
                    </section>
                }
            })
        })
    }
}

/// One passage: the document's title, what kind of date, the sentence with
/// the date marked (text nodes only).
fn passage(session: Session, p: &TimelinePassage) -> impl IntoView {
    let href = match p.at {
        Some((block, range)) => passage_href(session, &p.doc_id, block, range),
        None => {
            let id = p.doc_id.clone();
            session.href(move |s| {
                s.view = View::Documents;
                s.doc = Some(id);
                s.passage = None;
            })
        }
    };
    let kind = match p.kind {
        PassageKind::Mentioned => "mentions",
        PassageKind::Range => "range",
        PassageKind::PublishedStated => "published (stated)",
        PassageKind::PublishedInferred => "published (inferred, low confidence)",
    };
    let (before, marked, after) = match p.mark {
        Some((a, b)) if p.text.get(a..b).is_some() => (
            p.text[..a].to_owned(),
            p.text[a..b].to_owned(),
            p.text[b..].to_owned(),
        ),
        _ => (p.text.clone(), String::new(), String::new()),
    };
    let marked = (!marked.is_empty()).then(|| view! { <mark>{marked}</mark> });
    view! {
        <li class="tl-passage">
            <a class="tl-passage-link" data-testid="timeline-passage" data-doc=p.doc_id.clone() href=href>
                <span class="tl-passage-head">
                    <span class="tl-passage-doc">{p.doc_title.clone()}</span>
                    <span class="tl-passage-kind">{kind}</span>
                </span>
                <span class="tl-passage-text">{before}{marked}{after}</span>
            </a>
        </li>
    }
}
