use borderlines_core::{BlockKind, TitleSource};
use borderlines_search::snippet::merge;
use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::annotations::{block_annotations, legend_counts};
use crate::components::{format_thousands, Highlighted};
use crate::session::use_session;

/// The reader: the open document with its headline (or derived title),
/// byline, length, and body with the query's matches marked (stems, prefixes
/// and the typo fallback's spellings too, by the selection's one
/// highlighter) and its entities, figures and dates styled by kind, with a
/// legend. A passage from the link (`at=`) is scrolled to and marked.
/// Explains a link to a document that does not exist instead of failing.
/// Hooks: `reader`, `reader-title`, `legend`, `passage`.
#[component]
pub fn Reader(
    /// Index of the document to show.
    open: Signal<Option<usize>>,
) -> impl IntoView {
    let session = use_session();
    let engine = session.engine;
    let requested = Signal::derive(move || session.state.with(|s| s.doc.clone()));
    let passage = Memo::new(move |_| session.state.with(|s| s.passage));
    let body = move || {
        let engine = engine.get();
        let Some((index, doc)) = open
            .get()
            .and_then(|i| Some((i, engine.corpus().documents.get(i)?.clone())))
        else {
            return match requested.get() {
                Some(id) => EitherOf3::B(view! {
                    <p class="empty-state" role="alert">"There is no document “" {id} "” in this corpus. Pick one from the list."</p>
                }),
                None => EitherOf3::C(
                    view! { <p class="empty-state">"Nothing to show: no document matches."</p> },
                ),
            };
        };
        let insights = engine.insights(index);
        let derived = doc.title_source == TitleSource::Derived;
        let removed = match doc.boilerplate_removed {
            0 => String::new(),
            1 => " · 1 line of web boilerplate removed".to_owned(),
            n => format!(" · {n} lines of web boilerplate removed"),
        };
        let meta = format!(
            "{} words · {} min read · {} paragraphs{removed} · {}",
            format_thousands(u64::from(doc.word_count)),
            doc.reading_minutes(),
            doc.paragraphs().count(),
            doc.id
        );
        let legend = insights.map(|ins| {
            legend_counts(ins)
                .into_iter()
                .filter(|(_, _, n)| *n > 0)
                .map(|(class, label, n)| {
                    view! { <li><span class=format!("ann {class}")>{label}</span> " " <span class="legend-count">{n}</span></li> }
                })
                .collect::<Vec<_>>()
        });
        let mut marks = session
            .settled
            .with(|sel| {
                let texts = std::iter::once(doc.title.as_str())
                    .chain(doc.blocks.iter().map(|b| b.text.as_str()));
                engine.highlight_all(sel, texts)
            })
            .into_iter();
        let focus = passage.get();
        let title_marks = marks.next().unwrap_or_default();
        let blocks = doc
            .blocks
            .into_iter()
            .zip(marks)
            .enumerate()
            .map(|(i, (b, mut ranges))| {
                let annotations = insights.map(|ins| block_annotations(ins, i)).unwrap_or_default();
                let focused = focus.filter(|p| p.block as usize == i);
                if let Some((s, e)) = focused.and_then(|p| p.range) {
                    // The passage's words are marked like a match; ranges
                    // that do not fit the text are dropped by the layering.
                    ranges.push(s as usize..e as usize);
                    ranges = merge(ranges);
                }
                let testid = focused.map(|_| "passage");
                match b.kind {
                    BlockKind::Heading => {
                        view! { <h3 data-block=i class:passage=focused.is_some() data-testid=testid><Highlighted text=b.text ranges=ranges annotations=annotations/></h3> }.into_any()
                    }
                    BlockKind::Paragraph => {
                        view! { <p data-block=i class:passage=focused.is_some() data-testid=testid><Highlighted text=b.text ranges=ranges annotations=annotations/></p> }.into_any()
                    }
                }
            })
            .collect::<Vec<_>>();
        EitherOf3::A(view! {
            <article class="reader-doc" data-doc=doc.id.clone()>
                <h2 class="reader-title" class:derived=derived data-testid="reader-title">
                    <Highlighted text=doc.title ranges=title_marks/>
                </h2>
                {derived.then(|| view! { <p class="derived-note">"This text has no headline; the title shown is its first sentence."</p> })}
                {doc.byline.map(|b| view! { <p class="byline">"By " {b}</p> })}
                <p class="reader-meta">{meta}</p>
                <ul class="legend" data-testid="legend" aria-label="What the highlights mean">{legend}</ul>
                <div class="reader-body">{blocks}</div>
            </article>
        })
    };
    // Bring the passage into view once it is rendered.
    Effect::new(move |_| {
        let (Some(p), Some(_)) = (passage.get(), open.get()) else {
            return;
        };
        let selector = format!(".reader [data-block=\"{}\"]", p.block);
        request_animation_frame(move || {
            if let Some(el) = document().query_selector(&selector).ok().flatten() {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    });
    view! {
        <section class="reader" data-testid="reader" aria-label="Reader">{body}</section>
    }
}
