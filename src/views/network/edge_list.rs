use borderlines_engine::collectors::network::{edge_passages, parse_node_key};
use borderlines_engine::view_state::Passage;
use borderlines_engine::View;
use leptos::prelude::*;

use crate::components::format_thousands;
use crate::session::use_session;

/// The excerpt as text nodes, the two names in `<mark>`.
fn marked(text: &str, marks: &[(usize, usize)]) -> Vec<AnyView> {
    let mut out = Vec::with_capacity(2 * marks.len() + 1);
    let mut at = 0;
    for &(s, e) in marks {
        let (Some(before), Some(name)) = (text.get(at..s), text.get(s..e)) else {
            continue;
        };
        out.push(before.to_owned().into_any());
        out.push(view! { <mark>{name.to_owned()}</mark> }.into_any());
        at = e;
    }
    out.push(text.get(at..).unwrap_or_default().to_owned().into_any());
    out
}

/// Paragraphs listed at most (the count says how many there are).
const SHOWN: usize = 40;

/// The paragraphs naming both ends of the chosen line (`nedge=` in the
/// link), each linking to the reader at that paragraph.
#[component]
pub(super) fn EdgeList() -> impl IntoView {
    let session = use_session();
    let edge = Memo::new(move |_| session.state.with(|s| s.network_edge.clone()));
    let listed = Memo::new(move |_| {
        let (a, b) = edge.get()?;
        let engine = session.engine.get();
        let facets = engine.facets();
        let id = |key: &str| {
            let (kind, label) = parse_node_key(key)?;
            facets.resolve(kind, label).first().copied()
        };
        let (ia, ib) = (id(&a), id(&b));
        let name = |key: &str, id: Option<u32>| {
            id.map_or_else(
                || key.split_once(':').map_or(key, |(_, l)| l).to_owned(),
                |i| facets.label(i).to_owned(),
            )
        };
        let (na, nb) = (name(&a, ia), name(&b, ib));
        let (rows, total) = match (ia, ib) {
            (Some(x), Some(y)) => session
                .selection
                .with(|s| edge_passages(&engine, s, x, y, SHOWN)),
            _ => (Vec::new(), 0),
        };
        Some((na, nb, rows, total))
    });
    move || {
        listed.get().map(|(a, b, rows, total)| {
            let close = session.href(|s| s.network_edge = None);
            let heading = format!(
                "{a} and {b}: {} {} naming both",
                format_thousands(total as u64),
                if total == 1 { "paragraph" } else { "paragraphs" }
            );
            let more = (total > rows.len()).then(|| {
                view! { <p class="muted">{format!("The first {} are listed.", rows.len())}</p> }
            });
            let items = rows
                .into_iter()
                .map(|r| {
                    let doc_id = r.doc_id.clone();
                    let href = session.href(move |s| {
                        s.view = View::Documents;
                        s.doc = Some(doc_id);
                        s.passage = Some(Passage {
                            block: r.block,
                            range: None,
                        });
                    });
                    view! {
                        <li data-testid="network-passage">
                            <a href=href class="network-passage-title">{r.title}</a>
                            <p class="network-passage-text">{marked(&r.excerpt, &r.marks)}</p>
                        </li>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                <section class="network-edge-passages" data-testid="network-edge-passages" aria-live="polite">
                    <div class="network-edge-head">
                        <h3>{heading}</h3>
                        <a href=close class="chart-toggle" data-testid="network-edge-close">"Close"</a>
                    </div>
                    {more}
                    <ol class="network-passages">{items}</ol>
                </section>
            }
        })
    }
}
