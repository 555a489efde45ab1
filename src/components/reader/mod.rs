//! The reader, its body cut into chunks rendered near the viewport, and
//! the match navigation that replaces scrolling through a long document.

mod body;
mod dateline;
mod document;
mod match_nav;

use borderlines_core::{TitleSource, TITLE_BLOCK};
use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::annotations::legend_counts;
use crate::components::{format_thousands, Highlighted};
use crate::session::use_session;
use body::{ChunkWindow, ReaderBody};
use dateline::DatelineLine;
use document::OpenDocument;
use match_nav::MatchNav;
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
    // Cut once per opened document (not per keystroke or passage change).
    let opened = Memo::new(move |_| {
        let engine = engine.get();
        open.get().and_then(|i| OpenDocument::new(engine, i))
    });
    let window_now = StoredValue::new(None::<ChunkWindow>);
    let body = move || {
        let Some(doc) = opened.get() else {
            return match requested.get() {
                Some(id) => EitherOf3::B(view! {
                    <p class="empty-state" role="alert">"There is no document “" {id} "” in this corpus. Pick one from the list."</p>
                }),
                None => EitherOf3::C(
                    view! { <p class="empty-state">"Nothing to show: no document matches."</p> },
                ),
            };
        };
        let d = doc.doc();
        let derived = d.title_source == TitleSource::Derived;
        let removed = match d.boilerplate_removed {
            0 => String::new(),
            1 => " · 1 line of web boilerplate removed".to_owned(),
            n => format!(" · {n} lines of web boilerplate removed"),
        };
        let meta = format!(
            "{} words · {} min read · {} paragraphs{removed} · {}",
            format_thousands(u64::from(d.word_count)),
            d.reading_minutes(),
            format_thousands(d.paragraphs().count() as u64),
            d.id
        );
        let legend = doc.insights().map(|ins| {
            legend_counts(ins)
                .into_iter()
                .filter(|(_, _, n)| *n > 0)
                .map(|(class, label, n)| {
                    view! { <li><span class=format!("ann {class}")>{label}</span> " " <span class="legend-count">{format_thousands(n as u64)}</span></li> }
                })
                .collect::<Vec<_>>()
        });
        let title = d.title.clone();
        let title_for_marks = title.clone();
        let engine_now = doc.engine.clone();
        let title_marks = move || {
            session.settled.with(|sel| {
                engine_now
                    .highlight_all(sel, std::iter::once(title_for_marks.as_str()))
                    .pop()
                    .unwrap_or_default()
            })
        };
        // The headline's entities, located in its own block by extraction.
        let title_annotations = doc
            .insights()
            .map(|ins| {
                doc.annotations
                    .annotations(ins, TITLE_BLOCK, 0..title.len())
            })
            .unwrap_or_default();
        let dateline = doc.insights().and_then(|ins| ins.metadata.dateline.clone());
        let byline = d.byline.clone();
        // What the document's file states (a table's date, outlet and url).
        let stated = d.file_metadata().map(|m| {
            [m.date.as_deref(), m.source.as_deref(), m.url.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ")
        });
        let stated = stated.filter(|s| !s.is_empty());
        let id = d.id.clone();
        let window = ChunkWindow::new(&doc, passage.get_untracked());
        window_now.set_value(Some(window.clone()));
        EitherOf3::A(view! {
            <article class="reader-doc" data-doc=id>
                <h2 class="reader-title" class:derived=derived data-testid="reader-title" data-block=TITLE_BLOCK>
                    {move || view! { <Highlighted text=title.clone() ranges=title_marks() annotations=title_annotations.clone()/> }}
                </h2>
                {derived.then(|| view! { <p class="derived-note">"This text has no headline; the title shown is its first sentence."</p> })}
                {byline.map(|b| view! { <p class="byline">"By " {b}</p> })}
                {dateline.map(|info| view! { <DatelineLine info=info/> })}
                {stated.map(|s| view! { <p class="reader-stated" data-testid="reader-stated">"Stated in the file: " {s}</p> })}
                <p class="reader-meta">{meta}</p>
                <ul class="legend" data-testid="legend" aria-label="What the highlights mean">{legend}</ul>
                <MatchNav doc=doc.clone() window=window.clone()/>
                <ReaderBody doc=doc window=window passage=passage/>
            </article>
        })
    };
    // Bring the passage into view once it is rendered.
    Effect::new(move |_| {
        let (Some(p), Some(_)) = (passage.get(), open.get()) else {
            return;
        };
        // The passage's chunk may not be rendered yet in a long document.
        if let (Some(doc), Some(window)) = (opened.get_untracked(), window_now.get_value()) {
            if let Some(k) =
                borderlines_core::pieces::chunk_of_block(&doc.pieces, &doc.chunks, p.block)
            {
                window.show(k);
            }
        }
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
