use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::import::{files_of_drop, Dropped, Importer};

/// Files and folders dropped anywhere on the page are added like chosen
/// ones. While files are dragged over the page, a target covers it saying
/// what happens on drop (or why not now: files are loading, or columns are
/// being mapped). Folders are walked for files of the types Borderlines
/// reads. Hook: `drop-zone` (the target, shown only while dragging).
#[component]
pub fn DropZone(importer: Importer) -> impl IntoView {
    // dragenter/dragleave fire for every element crossed: count them.
    let depth = RwSignal::new(0i32);
    let dragging = Memo::new(move |_| depth.get() > 0);
    let carries_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer().is_some_and(|d| {
            d.types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        })
    };
    let enter = window_event_listener(leptos::ev::dragenter, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
            depth.update(|d| *d += 1);
        }
    });
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            // Without this the browser opens the file instead.
            ev.prevent_default();
            if let Some(data) = ev.data_transfer() {
                data.set_drop_effect(if importer.busy() { "none" } else { "copy" });
            }
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        if carries_files(&ev) {
            depth.update(|d| *d = (*d - 1).max(0));
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        depth.set(0);
        let Some(data) = ev.data_transfer() else {
            return;
        };
        if !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        if importer.busy() {
            return;
        }
        // Entries must be taken now: the drop's data is gone after the event.
        let dropped = Dropped::of(&data);
        spawn_local(async move {
            let (files, note) = files_of_drop(dropped).await;
            importer.take(files, note);
        });
    });
    on_cleanup(move || {
        enter.remove();
        over.remove();
        leave.remove();
        drop.remove();
    });
    let message = move || {
        if importer.review.with(Option::is_some) {
            "Finish mapping the columns first"
        } else if importer.busy() {
            "Wait: files are loading"
        } else {
            "Drop files or folders to add them"
        }
    };
    view! {
        <Show when=move || dragging.get()>
            <div class="drop-zone" class:refused=move || importer.busy() data-testid="drop-zone" aria-hidden="true">
                <div class="drop-zone-box">
                    <p class="drop-zone-title">{message}</p>
                    <p class="drop-zone-types">
                        "Text, Markdown, CSV/TSV, JSON and JSON Lines; folders too. Nothing leaves this page."
                    </p>
                </div>
            </div>
        </Show>
    }
}
