//! The page's data packs: bytes stored gzip-compressed and base64-encoded in
//! HTML comments at the end of the body, `<!--borderlines-pack-… BASE64-->`
//! (`cargo xtask dist` writes them, the size budget measures them apart from
//! the page). They hold what the page needs only for some actions — the
//! loading module, the world gazetteer, the terms view's English reference —
//! so that none of it is decoded, or counted in the wasm, at startup.
//!
//! Comments rather than `<script type="application/octet-stream">` elements,
//! because the packs are 1.5 MB of the page to parse (the explorer's wasm
//! used to wait for that; it now starts before, see [`parsed`]). On a loaded machine comments looked faster
//! (startup medians 481 against 538 ms, 460 against 540 ms, 450 against
//! 456 ms in `bench/size/startup.mjs`), but two later runs on a quieter one
//! showed no difference beyond the noise: the form is kept as neutral, not
//! as a measured gain.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::browser_streams::js_error;

/// Whether the browser is still parsing the page. The explorer starts
/// before the parser reaches the data packs at the end of the body (the
/// boot script inflates the wasm and runs `main` in the task that ran it),
/// so anything that reads a pack early waits for [`parsed`] first.
pub fn still_parsing() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| Reflect::get(&d, &"readyState".into()).ok())
        .and_then(|state| state.as_string())
        .is_some_and(|state| state == "loading")
}

/// Resolves once the page is parsed, with every data pack in it.
pub async fn parsed() {
    if !still_parsing() {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let promise = Promise::new(&mut |resolve, _| {
        // `DOMContentLoaded` fires once: resolving twice is harmless.
        let _ = document.add_event_listener_with_callback("DOMContentLoaded", &resolve);
    });
    let _ = JsFuture::from(promise).await;
}

/// The text of the page's element `id`.
pub fn element_text(id: &str) -> Result<String, String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.text_content())
        .ok_or_else(|| format!("the page has no {id}"))
}

/// How every data pack's id begins.
const PACK_PREFIX: &str = "borderlines-pack-";

/// The body's data packs, in page order: each comment whose text starts
/// with [`PACK_PREFIX`], with its id. Only the head of each comment is read
/// (its id); a pack's megabyte of base64 is copied into wasm only when
/// asked for.
fn packs() -> Result<Vec<(String, web_sys::CharacterData)>, String> {
    // Longer than any id (`borderlines-pack-split-` + a split point's name).
    const HEAD: u32 = 160;
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .ok_or("the page has no body")?;
    let nodes = body.child_nodes();
    Ok((0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter(|n| n.node_type() == web_sys::Node::COMMENT_NODE)
        .filter_map(|n| n.dyn_into::<web_sys::CharacterData>().ok())
        .filter_map(|c| {
            let head = c.substring_data(0, HEAD).ok()?;
            let id = head.split(' ').next()?;
            id.starts_with(PACK_PREFIX).then(|| (id.to_owned(), c))
        })
        .collect())
}

/// The text of the data pack `id`: the comment `<!--{id} {text}-->` among
/// the body's children (base64 has no `-` or `>`, so it never ends one).
pub fn pack_comment(id: &str) -> Result<String, String> {
    packs()?
        .into_iter()
        .find(|(pack, _)| pack == id)
        .and_then(|(_, c)| c.data().get(id.len() + 1..).map(str::to_owned))
        .ok_or_else(|| format!("the page has no {id}"))
}

/// Every data pack of the page, in page order, as the texts of their
/// comments (`{id} {base64}`): "Save as page" copies them all, including
/// the explorer's split modules (`borderlines-pack-split-…`).
pub fn all_pack_comments() -> Result<Vec<String>, String> {
    Ok(packs()?.into_iter().map(|(_, c)| c.data()).collect())
}

/// The compressed bytes of the data pack `id`, decoded from its base64.
pub fn compressed(id: &str) -> Result<Uint8Array, String> {
    let b64 = pack_comment(id)?;
    let b64 = b64.trim();
    let uint8 = Reflect::get(&js_sys::global(), &"Uint8Array".into()).map_err(js_error)?;
    let from_base64 = Reflect::get(&uint8, &"fromBase64".into()).map_err(js_error)?;
    match from_base64.dyn_ref::<Function>() {
        Some(f) => Ok(f
            .call1(&uint8, &b64.into())
            .map_err(js_error)?
            .unchecked_into::<Uint8Array>()),
        None => {
            // Older browsers: atob, then one byte per character.
            let binary = web_sys::window()
                .ok_or("no window")?
                .atob(b64)
                .map_err(js_error)?;
            let bytes: Vec<u8> = binary.chars().map(|c| c as u32 as u8).collect();
            Ok(Uint8Array::from(bytes.as_slice()))
        }
    }
}

/// The data pack `id`, decoded and inflated (by the browser's
/// `DecompressionStream`, off the main thread).
pub async fn inflated(id: &str) -> Result<Vec<u8>, String> {
    parsed().await;
    let buffer = crate::browser_streams::gunzip(&compressed(id)?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
