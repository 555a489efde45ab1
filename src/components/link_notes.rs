use leptos::prelude::*;

use crate::session::use_session;

/// A plain note listing what the link asked for that the page ignored
/// (unknown keys, values of the wrong type, a document that does not
/// exist is said by the reader). Dismissable. Hook: `link-notes`.
#[component]
pub fn LinkNotes() -> impl IntoView {
    let session = use_session();
    view! {
        <Show when=move || session.link_notes.with(|n| !n.is_empty())>
            <div class="link-notes" role="status" data-testid="link-notes">
                <ul>
                    {move || session.link_notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect::<Vec<_>>()}
                </ul>
                <button class="dismiss" aria-label="Dismiss" title="Dismiss" on:click=move |_| session.link_notes.set(Vec::new())>"×"</button>
            </div>
        </Show>
    }
}
