use std::sync::Arc;

use borderlines_core::{BlockKind, TitleSource};
use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::annotations::{block_annotations, legend_counts};
use crate::components::{format_thousands, Highlighted};
use crate::engine::Engine;

/// The reader: the open document with its headline (or derived title),
/// byline, length, and body with the query's matches marked (stems, prefixes
/// and fuzzy matches too) and its entities, figures and dates styled by kind,
/// with a legend. Explains a link to a document that does not exist instead
/// of failing. Hooks: `reader`, `reader-title`, `legend`.
#[component]
pub fn Reader(
    /// The documents, their index and insights.
    engine: Signal<Arc<Engine>>,
    /// The document id the URL asked for, if any.
    requested: Signal<Option<String>>,
    /// Index of the document to show.
    open: Signal<Option<usize>>,
    /// The query whose matches are marked.
    query: Signal<String>,
) -> impl IntoView {
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
        let mut marks = query
            .with(|q| {
                let texts = std::iter::once(doc.title.as_str())
                    .chain(doc.blocks.iter().map(|b| b.text.as_str()));
                engine.highlight_all(q, texts)
            })
            .into_iter();
        let title_marks = marks.next().unwrap_or_default();
        let blocks = doc
            .blocks
            .into_iter()
            .zip(marks)
            .enumerate()
            .map(|(i, (b, ranges))| {
                let annotations = insights.map(|ins| block_annotations(ins, i)).unwrap_or_default();
                match b.kind {
                    BlockKind::Heading => {
                        view! { <h3><Highlighted text=b.text ranges=ranges annotations=annotations/></h3> }.into_any()
                    }
                    BlockKind::Paragraph => {
                        view! { <p><Highlighted text=b.text ranges=ranges annotations=annotations/></p> }.into_any()
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
    view! {
        <section class="reader" data-testid="reader" aria-label="Reader">{body}</section>
    }
}
