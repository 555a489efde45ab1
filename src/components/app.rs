use leptos::prelude::*;

use crate::components::Explorer;
use crate::corpus::{embedded_size, load_embedded};
use crate::url_sync::use_url_state;

/// The root: decodes the embedded corpus and index, binds the view state to
/// the URL and shows the explorer, or a clear message if the corpus cannot
/// be read. Carries the stable test hooks `data-testid="app"` and
/// `data-state` (`ready` or `error`).
#[component]
pub fn App() -> impl IntoView {
    let (state, notes) = use_url_state();
    match load_embedded() {
        Ok(loaded) => {
            let decode_ms = format!("{:.2}", loaded.decode_ms);
            let decode_attr = decode_ms.clone();
            view! {
                <div class="app" data-testid="app" data-state="ready" data-decode-ms=decode_attr>
                    <Explorer engine=RwSignal::new(loaded.engine) state=state link_notes=notes/>
                    <footer class="app-footer">
                        "Borderlines · embedded corpus snapshot "
                        {format!("{:.1} KB", embedded_size() as f64 / 1024.0)}
                        ", loaded in " {decode_ms} " ms · runs entirely in this page, no server, no network"
                        <br/>
                        {borderlines_extract::gazetteer::ATTRIBUTION}
                    </footer>
                </div>
            }
            .into_any()
        }
        Err(e) => view! {
            <div class="app" data-testid="app" data-state="error">
                <p class="app-error" role="alert">"Borderlines could not open its corpus: " {e}</p>
            </div>
        }
        .into_any(),
    }
}
