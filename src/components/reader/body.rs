//! The reader's body: the document in chunks, each rendered only while it
//! is near the viewport (an `IntersectionObserver` with a margin of a few
//! screens), otherwise kept as an empty box of its measured (or estimated)
//! height so the scroll bar stays true. Marks and annotations are computed
//! per chunk, when it renders.

use std::sync::Arc;

use borderlines_core::pieces::{chunk_of_block, Piece};
use borderlines_core::BlockKind;
use borderlines_engine::view_state::Passage;
use borderlines_search::snippet::merge;
use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::document::{OpenDocument, RENDER_ALL_CHUNKS};
use crate::components::Highlighted;
use crate::session::use_session;

/// How far beyond the viewport chunks are rendered.
const RENDER_MARGIN: &str = "1500px 0px";

/// Which chunks are rendered, shared by the body and the match navigation.
#[derive(Clone)]
pub struct ChunkWindow {
    shown: Arc<Vec<RwSignal<bool>>>,
}

impl ChunkWindow {
    /// The first chunks (the first screen), the passage's chunk, or every
    /// chunk of a short document.
    pub fn new(doc: &OpenDocument, passage: Option<Passage>) -> Self {
        let n = doc.chunks.len();
        let focus = passage.and_then(|p| chunk_of_block(&doc.pieces, &doc.chunks, p.block));
        let shown = (0..n)
            .map(|k| RwSignal::new(n <= RENDER_ALL_CHUNKS || k < 2 || Some(k) == focus))
            .collect();
        ChunkWindow {
            shown: Arc::new(shown),
        }
    }

    /// Renders chunk `k` (if it was not).
    pub fn show(&self, k: usize) {
        if let Some(s) = self.shown.get(k) {
            if !s.get_untracked() {
                s.set(true);
            }
        }
    }

    fn hide(&self, k: usize) {
        if let Some(s) = self.shown.get(k) {
            if s.get_untracked() {
                s.set(false);
            }
        }
    }

    fn is_shown(&self, k: usize) -> bool {
        self.shown.get(k).is_some_and(|s| s.get())
    }
}

/// The document's paragraphs and headings, chunk by chunk.
#[component]
pub fn ReaderBody(
    /// The open document.
    doc: OpenDocument,
    /// Which chunks are rendered.
    window: ChunkWindow,
    /// The passage from the link (`at=`), marked.
    passage: Memo<Option<Passage>>,
) -> impl IntoView {
    let session = use_session();
    let n = doc.chunks.len();
    // Heights measured when a chunk leaves the screen, so its empty box keeps
    // the size it had.
    let heights = StoredValue::new(
        (0..n)
            .map(|k| doc.estimated_height(k))
            .collect::<Vec<f64>>(),
    );
    // Date mentions inside the brushed ranges (`date:` filters) are marked
    // like matches: the timeline's brush shows in the text it selected.
    let brushed = {
        let doc = doc.clone();
        Memo::new(move |_| {
            let spans = session.settled.with(|s| s.brushed_spans());
            if spans.is_empty() {
                return Vec::new();
            }
            let Some(ins) = doc.insights() else {
                return Vec::new();
            };
            let index = u32::try_from(doc.index).unwrap_or(u32::MAX);
            doc.engine
                .doc_dates()
                .mentions_within(index, &spans)
                .into_iter()
                .filter_map(|m| ins.dates.get(m as usize).map(|d| d.loc))
                .collect::<Vec<_>>()
        })
    };
    let body_ref = NodeRef::<leptos::html::Div>::new();
    if n > RENDER_ALL_CHUNKS {
        observe_chunks(body_ref, window.clone(), heights);
    }
    let chunk_views = (0..n)
        .map(|k| {
            let doc = doc.clone();
            let window = window.clone();
            let content = move || {
                if !window.is_shown(k) {
                    let h = heights.with_value(|h| h.get(k).copied().unwrap_or(0.0));
                    return Either::Right(view! { <div class="chunk-placeholder" style:height=format!("{h:.0}px")></div> });
                }
                let range = doc.chunks[k].clone();
                let pieces: Vec<(usize, Piece)> = range.clone().map(|i| (i, doc.pieces[i])).collect();
                let marks = session
                    .settled
                    .with(|sel| doc.engine.highlight_all(sel, pieces.iter().map(|(_, p)| doc.text(p))));
                let focus = passage.get();
                let brushed_now = brushed.get();
                let views = pieces
                    .into_iter()
                    .zip(marks)
                    .map(|((i, p), mut ranges)| {
                        let annotations = doc
                            .insights()
                            .map(|ins| doc.annotations.annotations(ins, p.block, p.range()))
                            .unwrap_or_default();
                        for loc in brushed_now.iter().filter(|l| l.block == p.block) {
                            let (s, e) = ((loc.start as usize).max(p.start), (loc.end as usize).min(p.end));
                            if s < e {
                                ranges.push(s - p.start..e - p.start);
                            }
                        }
                        ranges = merge(ranges);
                        let focused = focus.filter(|f| f.block == p.block);
                        if let Some((s, e)) = focused.and_then(|f| f.range) {
                            // The passage's words are marked like a match.
                            let (s, e) = ((s as usize).max(p.start), (e as usize).min(p.end));
                            if s < e {
                                ranges.push(s - p.start..e - p.start);
                                ranges = merge(ranges);
                            }
                        }
                        let first = p.is_first();
                        let testid = (focused.is_some() && first).then_some("passage");
                        let text = doc.text(&p).to_owned();
                        let continues = doc.continues(i);
                        let block = p.block;
                        match doc.kind(&p) {
                            BlockKind::Heading => Either::Left(view! {
                                <h3 data-block=block data-piece=i class:passage=focused.is_some() data-testid=testid>
                                    <Highlighted text=text ranges=ranges annotations=annotations/>
                                </h3>
                            }),
                            BlockKind::Paragraph => Either::Right(view! {
                                <p
                                    data-block=block
                                    data-piece=i
                                    class:passage=focused.is_some()
                                    class:continues=continues
                                    class:continued=!first
                                    data-testid=testid
                                >
                                    <Highlighted text=text ranges=ranges annotations=annotations/>
                                </p>
                            }),
                        }
                    })
                    .collect::<Vec<_>>();
                Either::Left(views)
            };
            view! { <div class="reader-chunk" data-chunk=k>{content}</div> }
        })
        .collect::<Vec<_>>();
    view! { <div class="reader-body" node_ref=body_ref>{chunk_views}</div> }
}

/// Renders chunks as they come near the viewport and empties those that
/// leave it (recording their height first).
fn observe_chunks(
    body_ref: NodeRef<leptos::html::Div>,
    window: ChunkWindow,
    heights: StoredValue<Vec<f64>>,
) {
    let on_entries = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        for entry in entries.iter() {
            let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else {
                continue;
            };
            let target = entry.target();
            let Some(k) = target
                .get_attribute("data-chunk")
                .and_then(|k| k.parse::<usize>().ok())
            else {
                continue;
            };
            if entry.is_intersecting() {
                window.show(k);
            } else {
                let h = entry.bounding_client_rect().height();
                if h > 0.0 {
                    heights.update_value(|hs| {
                        if let Some(slot) = hs.get_mut(k) {
                            *slot = h;
                        }
                    });
                }
                window.hide(k);
            }
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin(RENDER_MARGIN);
    let Ok(observer) =
        web_sys::IntersectionObserver::new_with_options(on_entries.as_ref().unchecked_ref(), &init)
    else {
        return;
    };
    let observer = send_wrapper::SendWrapper::new(observer);
    let on_entries = send_wrapper::SendWrapper::new(on_entries);
    let started = observer.clone();
    Effect::new(move |_| {
        let Some(body) = body_ref.get() else { return };
        let children = body.children();
        for i in 0..children.length() {
            if let Some(chunk) = children.item(i) {
                started.observe(&chunk);
            }
        }
    });
    on_cleanup(move || {
        observer.disconnect();
        drop(on_entries);
    });
}
