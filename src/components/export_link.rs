use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A link that saves a table as a file made in the page: the content is
/// computed on click and handed to the browser as a `data:` URL with a file
/// name, so nothing is uploaded or fetched. Hook: `export` with
/// `data-format` (`csv`, `json` or `svg`).
#[component]
pub fn ExportLink(
    /// `csv`, `json` or `svg`.
    format: &'static str,
    /// The file name offered ("figures.csv").
    file_name: &'static str,
    /// Computes the file's text when the user asks for it.
    content: Callback<(), String>,
    /// The link's text.
    label: &'static str,
) -> impl IntoView {
    let mime = match format {
        "json" => "application/json",
        "svg" => "image/svg+xml",
        _ => "text/csv",
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let text = content.run(());
        // A byte-order mark lets spreadsheet programs read UTF-8 CSV as UTF-8.
        let body = if format == "csv" {
            format!("\u{FEFF}{text}")
        } else {
            text
        };
        let url = format!(
            "data:{mime};charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&body))
        );
        let Ok(a) = document().create_element("a") else {
            return;
        };
        let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
            return;
        };
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    };
    view! {
        <a class="export" href="#" data-testid="export" data-format=format on:click=on_click>{label}</a>
    }
}
