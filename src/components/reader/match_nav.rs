//! "Match n of N" with previous/next for the open document: the way to move
//! through the matches of a long document whose chunks are not all
//! rendered. Matches are counted in slices of a few milliseconds between
//! frames, so counting a 25 MB document never blocks the page.

use std::sync::Arc;

use borderlines_core::pieces::chunk_of_piece;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::body::ChunkWindow;
use super::document::OpenDocument;
use crate::components::format_thousands;
use crate::session::use_session;

/// Time spent counting before yielding to the page, in milliseconds.
const SLICE_MS: f64 = 8.0;

/// Matches counted so far: per piece, in piece order.
#[derive(Clone, Default, PartialEq)]
struct Counts {
    per_piece: Vec<u32>,
    total: usize,
    done: bool,
}

impl Counts {
    /// The piece holding match `n` (0-based) and its rank within the piece.
    fn locate(&self, n: usize) -> Option<(usize, usize)> {
        let mut seen = 0usize;
        for (piece, &c) in self.per_piece.iter().enumerate() {
            let c = c as usize;
            if n < seen + c {
                return Some((piece, n - seen));
            }
            seen += c;
        }
        None
    }
}

fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Previous/next match of the query in the open document. Hooks:
/// `match-nav`, `match-count`, `match-prev`, `match-next`; the current
/// match's `<mark>` gets the class `current-match`.
#[component]
pub fn MatchNav(
    /// The open document.
    doc: OpenDocument,
    /// Which chunks are rendered (a jump renders its target).
    window: ChunkWindow,
) -> impl IntoView {
    let session = use_session();
    let counts = RwSignal::new(Counts::default());
    let current = RwSignal::new(None::<usize>);
    let generation = StoredValue::new(0u64);
    let pieces = doc.pieces.len();
    // Recount whenever the settled selection changes.
    {
        let doc = doc.clone();
        Effect::new(move |_| {
            let selection = session.settled.get();
            let run = generation.get_value() + 1;
            generation.set_value(run);
            current.set(None);
            counts.set(Counts {
                per_piece: Vec::with_capacity(pieces),
                ..Counts::default()
            });
            if selection.is_everything() {
                counts.update(|c| c.done = true);
                return;
            }
            count_slices(doc.clone(), selection, counts, generation, run, 0);
        });
    }
    let jump = Callback::new(move |step: isize| {
        let c = counts.get_untracked();
        if c.total == 0 {
            return;
        }
        let total = c.total as isize;
        let n = match current.get_untracked() {
            None if step < 0 => total - 1,
            None => 0,
            Some(n) => (n as isize + step).rem_euclid(total),
        } as usize;
        current.set(Some(n));
        let Some((piece, rank)) = c.locate(n) else {
            return;
        };
        if let Some(k) = chunk_of_piece(&doc.chunks, piece) {
            window.show(k);
        }
        // After the chunk has rendered: scroll to the mark and light it.
        request_animation_frame(move || scroll_to_match(piece, rank));
    });
    let label = move || {
        let c = counts.get();
        let counting = if c.done { "" } else { " (counting…)" };
        match (c.total, current.get()) {
            (0, _) if c.done => "No match in the body text".to_owned(),
            (0, _) => "Counting matches…".to_owned(),
            (t, Some(n)) => format!(
                "Match {} of {}{counting}",
                format_thousands((n + 1) as u64),
                format_thousands(t as u64)
            ),
            (t, None) => format!(
                "{} {}{counting}",
                format_thousands(t as u64),
                if t == 1 { "match" } else { "matches" }
            ),
        }
    };
    let has_query = move || !session.settled.with(|s| s.is_everything());
    view! {
        <Show when=has_query>
            <div class="match-nav" data-testid="match-nav" role="group" aria-label="Matches in this document">
                <span class="match-count" data-testid="match-count" aria-live="polite">{label}</span>
                <button class="match-step" data-testid="match-prev" title="Previous match" aria-label="Previous match"
                    disabled=move || counts.with(|c| c.total == 0) on:click=move |_| jump.run(-1)>"↑"</button>
                <button class="match-step" data-testid="match-next" title="Next match" aria-label="Next match"
                    disabled=move || counts.with(|c| c.total == 0) on:click=move |_| jump.run(1)>"↓"</button>
            </div>
        </Show>
    }
}

/// Counts matches of `selection` piece by piece from `from`, for at most
/// [`SLICE_MS`], then schedules the rest after the next frame; stops when a
/// newer count started.
fn count_slices(
    doc: OpenDocument,
    selection: Arc<borderlines_engine::Selection>,
    counts: RwSignal<Counts>,
    generation: StoredValue<u64>,
    run: u64,
    from: usize,
) {
    if generation.try_get_value() != Some(run) {
        return;
    }
    let start = now();
    let highlighter = selection.highlighter(&doc.engine);
    let mut found = Vec::new();
    let mut at = from;
    while at < doc.pieces.len() {
        // 64 pieces between clock reads: reading the clock is not free.
        let end = (at + 64).min(doc.pieces.len());
        found.extend(
            doc.pieces[at..end]
                .iter()
                .map(|p| u32::try_from(highlighter.ranges(doc.text(p)).len()).unwrap_or(u32::MAX)),
        );
        at = end;
        if now() - start > SLICE_MS {
            break;
        }
    }
    drop(highlighter);
    let done = at >= doc.pieces.len();
    counts.update(|c| {
        c.total += found.iter().map(|&n| n as usize).sum::<usize>();
        c.per_piece.extend(found);
        c.done = done;
    });
    if !done {
        request_animation_frame(move || count_slices(doc, selection, counts, generation, run, at));
    }
}

/// Scrolls the `rank`-th mark of piece `piece` into view and lights it.
fn scroll_to_match(piece: usize, rank: usize) {
    let doc = document();
    if let Ok(old) = doc.query_selector_all(".reader .current-match") {
        for i in 0..old.length() {
            if let Some(el) = old
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.class_list().remove_1("current-match");
            }
        }
    }
    let selector = format!(".reader [data-piece=\"{piece}\"]");
    let Some(el) = doc.query_selector(&selector).ok().flatten() else {
        return;
    };
    let target = el
        .query_selector_all("mark")
        .ok()
        .and_then(|marks| marks.item(rank as u32).or_else(|| marks.item(0)))
        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        .unwrap_or(el);
    let _ = target.class_list().add_1("current-match");
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    target.scroll_into_view_with_scroll_into_view_options(&options);
}
