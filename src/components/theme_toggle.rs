use leptos::prelude::*;

/// The key in local storage holding the chosen theme.
const STORAGE_KEY: &str = "borderlines-theme";

/// Light or dark: follows the system until the user picks one, which is
/// kept in local storage (where the browser allows it) and set as
/// `data-theme` on `<html>`. Hook: `theme-toggle`.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let storage = window().local_storage().ok().flatten();
    let stored = storage
        .as_ref()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .filter(|t| t == "light" || t == "dark");
    let system_dark = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let dark = RwSignal::new(stored.as_deref().map_or(system_dark, |t| t == "dark"));
    if let Some(t) = &stored {
        apply(t);
    }
    let on_click = move |_| {
        let next = !dark.get_untracked();
        dark.set(next);
        let theme = if next { "dark" } else { "light" };
        apply(theme);
        if let Some(s) = window().local_storage().ok().flatten() {
            // Refused on some file:// setups: the choice then lasts this tab only.
            let _ = s.set_item(STORAGE_KEY, theme);
        }
    };
    view! {
        <button
            class="theme-toggle"
            data-testid="theme-toggle"
            on:click=on_click
            aria-pressed=move || if dark.get() { "true" } else { "false" }
            title=move || if dark.get() { "Switch to the light theme" } else { "Switch to the dark theme" }
        >
            {move || if dark.get() { "☀ Light" } else { "☾ Dark" }}
        </button>
    }
}

fn apply(theme: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme);
    }
}
