//! "Save as page": a new single-file Borderlines page that carries the
//! corpus on screen, with its prebuilt snapshot, in place of the page's own
//! corpus — the same code, style, CSP and loading module, byte for byte, so
//! it opens from file:// on any machine with no network and no re-indexing.
//!
//! The page's parts are taken back from the document: `<head>` (the CSP,
//! the style), the four scripts of the body by their ids and every data
//! pack's comment in page order, whose texts the browser keeps exactly as
//! they were (the CSP's hashes prove it when the saved page starts). Only the corpus element is new
//! (`borderlines_engine::page_corpus`): the snapshot, gzip-compressed by the
//! browser's `CompressionStream`, then base64.

use crate::browser_streams::gzip;
use base64::Engine as _;
use borderlines_engine::page_corpus::{corpus_element, replace_corpus};
use borderlines_engine::Engine;

/// The body's scripts, in page order (see index.html).
const SCRIPT_IDS: &[&str] = &[
    "borderlines-glue",
    "borderlines-loader-glue",
    "borderlines-corpus",
    "borderlines-boot",
];

/// The data packs the page cannot work without (its loading module, the
/// gazetteer, the terms view's reference list): a page missing one is not
/// copied. The views split off the wasm are packs too, and copied with them.
const REQUIRED_PACKS: &[&str] = &[
    crate::load_worker::loader_module::PACK_ID,
    crate::load_worker::loader_module::PLACES_ID,
    crate::reference_pack::PACK_ID,
];

/// This page's text as it was built: its head and its scripts.
fn page_text() -> Result<String, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let head = document.head().ok_or("the page has no head")?;
    let mut page = String::from("<!doctype html>\n<html lang=\"en\">\n");
    page.push_str(&head.outer_html());
    page.push_str("\n<body>\n");
    if let Some(noscript) = document.query_selector("body > noscript").ok().flatten() {
        page.push_str(&noscript.outer_html());
        page.push('\n');
    }
    for id in SCRIPT_IDS {
        let script = document
            .get_element_by_id(id)
            .ok_or_else(|| format!("the page has no {id}"))?;
        page.push_str(&script.outer_html());
        page.push('\n');
    }
    // Each pack's text is copied out of the page once, here.
    let comments = crate::data_packs::all_pack_comments()?;
    for id in REQUIRED_PACKS {
        let present = comments
            .iter()
            .any(|c| c.strip_prefix(id).is_some_and(|rest| rest.starts_with(' ')));
        if !present {
            return Err(format!("the page has no {id}"));
        }
    }
    for comment in &comments {
        page.push_str(&format!("<!--{comment}-->\n"));
    }
    page.push_str("</body>\n</html>\n");
    Ok(page)
}

/// A new page carrying `engine`'s corpus under `name`.
pub async fn page_with(engine: &Engine, name: &str) -> Result<String, String> {
    // The page is copied whole, data packs and all.
    crate::data_packs::parsed().await;
    let snapshot = engine.to_snapshot().map_err(|e| e.to_string())?;
    let compressed = gzip(&snapshot).await?;
    drop(snapshot);
    let element = corpus_element(
        &base64::engine::general_purpose::STANDARD.encode(&compressed),
        name,
    );
    replace_corpus(&page_text()?, &element).map_err(|e| e.to_string())
}

/// A file name for a page carrying `name` ("borderlines-my-corpus.html").
pub fn file_name(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "borderlines.html".into()
    } else {
        format!("borderlines-{slug}.html")
    }
}
