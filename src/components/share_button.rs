use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// "Share": copies the link to the current view (the fragment holds the
/// whole view) with the clipboard API; where that is refused (some browsers
/// on file://), it shows the link selected in a field with a plain copy
/// command as the fallback. Says what happened. Hook: `share-button`,
/// `share-status`, `share-link`.
#[component]
pub fn ShareButton() -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    let fallback = RwSignal::new(None::<String>);
    let on_click = move |_| {
        let url = window().location().href().unwrap_or_default();
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&url);
        let url_for_fallback = url.clone();
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => {
                    fallback.set(None);
                    status.set(Some("Link copied: it opens exactly this view.".to_owned()));
                }
                Err(_) => {
                    fallback.set(Some(url_for_fallback));
                    status.set(Some("Copy this link (it is selected):".to_owned()));
                    select_fallback_and_copy();
                }
            }
        });
    };
    view! {
        <div class="share">
            <button class="share-button" data-testid="share-button" on:click=on_click title="Copy a link to exactly this view">
                "Share"
            </button>
            {move || status.get().map(|s| view! {
                <div class="share-status" role="status" data-testid="share-status">
                    <span>{s}</span>
                    {move || fallback.get().map(|url| view! {
                        <input class="share-link" data-testid="share-link" readonly prop:value=url aria-label="Link to this view"/>
                    })}
                    <button class="dismiss" aria-label="Dismiss" title="Dismiss" on:click=move |_| { status.set(None); fallback.set(None); }>"×"</button>
                </div>
            })}
        </div>
    }
}

/// Selects the fallback field's text and asks the browser to copy it.
fn select_fallback_and_copy() {
    request_animation_frame(|| {
        let Some(input) = document()
            .query_selector("[data-testid=share-link]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let _ = input.focus();
        input.select();
        if let Some(doc) = document().dyn_ref::<web_sys::HtmlDocument>() {
            let _ = doc.exec_command("copy");
        }
    });
}
