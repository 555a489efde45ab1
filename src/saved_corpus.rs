//! The user's corpus kept across reloads, in the browser's IndexedDB.
//!
//! One database (`borderlines`; a page made by "Save as page" has its own),
//! one object store (`corpus`), records written together in one transaction
//! — the engine snapshot (exactly the bytes the loading worker produced, so
//! saving costs no re-encoding) in pieces of 4 MB (`snapshot:0`,
//! `snapshot:1`…: the browser deserialises each piece in its own task when
//! it is read back, where one 64 MB record blocked the page for ~150 ms)
//! and a small description `{documents, bytes, chunks, saved}` — so a crash
//! or a closed tab never leaves half a corpus. (A corpus saved before the
//! pieces, one `snapshot` record, is still read.) The snapshot carries its own version and
//! per-part checksums (`borderlines_engine::snapshot`): damage is found when
//! it is opened. Where IndexedDB is missing or refused (private windows,
//! some browsers on file://) every call returns an error in plain words and
//! the page works on, in this tab only.

use js_sys::{Promise, Uint8Array};
use leptos::prelude::{RwSignal, Set, Update};
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbFactory, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode,
};

use crate::components::LoadOutcome;
use crate::open_snapshot::next_task;
use borderlines_messages::{get_f64, object, set};

const DATABASE: &str = "borderlines";

/// The database of this page: pages share one origin on file://, so a
/// page made by "Save as page" keeps its own, apart from the seeds page's.
fn database() -> String {
    if crate::corpus::carries_seeds() {
        DATABASE.to_owned()
    } else {
        format!("{DATABASE}:{}", crate::corpus::embedded_name())
    }
}
const STORE: &str = "corpus";
/// Bumped when the records' layout changes (the snapshot has its own).
const DATABASE_VERSION: u32 = 1;
/// The whole snapshot in one record (as first saved; still read).
const SNAPSHOT_KEY: &str = "snapshot";
const ABOUT_KEY: &str = "about";
/// Bytes per stored piece of the snapshot: how much one `put` copies in
/// one task (pieces of any size are read back, so this can change).
/// With 4 MB and with 1 MB pieces, one task of 60-70 ms remained while a
/// 14,000-document corpus was saved; its cause is not yet known. 4 MB:
/// reading 16 pieces back was ~50 ms faster than 64 (2026-12-02, reload
/// of the bench corpus), and a piece still arrives in a short task.
const CHUNK_BYTES: u32 = 4 * 1024 * 1024;

/// The largest snapshot the page tries to hold (2 GB).
const MOST_BYTES: u32 = 1 << 31;

fn chunk_key(i: u32) -> JsValue {
    JsValue::from_str(&format!("{SNAPSHOT_KEY}:{i}"))
}

/// What this browser keeps, as the corpus menu shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum SavedInfo {
    /// Not looked yet.
    Checking,
    Nothing,
    Saved {
        documents: usize,
    },
    /// IndexedDB is missing or refused, in words for the user.
    Unavailable(String),
}

thread_local! {
    /// One per page: saving happens outside any component (the loading
    /// worker's messages), and the corpus menu shows the result.
    static SAVED_INFO: std::cell::OnceCell<RwSignal<SavedInfo>> = const { std::cell::OnceCell::new() };
}

/// The page's record of what is saved.
pub fn use_saved_info() -> RwSignal<SavedInfo> {
    SAVED_INFO.with(|s| *s.get_or_init(|| RwSignal::new(SavedInfo::Checking)))
}

/// A saved corpus as read back.
pub struct SavedCorpus {
    /// The engine snapshot.
    pub snapshot: Uint8Array,
    /// The same bytes in wasm memory, copied a piece at a time as the
    /// pieces arrived (while the rest were still being read), for opening.
    pub bytes: Vec<u8>,
    /// Documents it holds, as written beside it.
    pub documents: usize,
    /// When it was saved (milliseconds since 1970).
    pub saved_at: f64,
}

/// A failed IndexedDB call in words for the user.
fn plain(e: JsValue) -> String {
    let name = e
        .dyn_ref::<web_sys::DomException>()
        .map(|d| (d.name(), d.message()));
    match name {
        Some((n, _)) if n == "QuotaExceededError" => {
            "the browser's storage for this page is full".to_owned()
        }
        Some((n, m)) => format!("{n}: {m}"),
        None => e
            .as_string()
            .unwrap_or_else(|| "the browser refused the storage request".to_owned()),
    }
}

/// Resolves when `request` succeeds (with its result) or fails. The
/// handlers are attached now, before the caller awaits anything.
fn done(request: &IdbRequest) -> impl std::future::Future<Output = Result<JsValue, String>> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |ev: web_sys::Event| {
            let result = ev
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let failed = Closure::once_into_js(move |ev: web_sys::Event| {
            let error = ev
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.error().ok().flatten())
                .map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(failed.unchecked_ref()));
    });
    let future = JsFuture::from(promise);
    async move { future.await.map_err(plain) }
}

/// Resolves when `tx` has committed (or says why it did not).
async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = Closure::once_into_js(move |ev: web_sys::Event| {
            let error = ev
                .target()
                .and_then(|t| t.dyn_into::<IdbTransaction>().ok())
                .and_then(|t| t.error())
                .map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        tx.set_onabort(Some(failed.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(plain)
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("indexedDB"))
        .ok()
        .and_then(|f| f.dyn_into::<IdbFactory>().ok())
        .ok_or("this browser offers no storage to this page")?;
    let request = factory
        .open_with_u32(&database(), DATABASE_VERSION)
        .map_err(plain)?;
    let upgrade = Closure::once_into_js(move |ev: web_sys::Event| {
        let db = ev
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|d| d.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = done(&request).await?;
    db.dyn_into::<IdbDatabase>()
        .map_err(|_| "the browser's storage did not open".to_owned())
}

/// A transaction on the store and the store itself.
fn store(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, IdbObjectStore), String> {
    let tx = db
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(plain)?;
    let store = tx.object_store(STORE).map_err(plain)?;
    Ok((tx, store))
}

/// Keeps `snapshot` (of `documents` documents) as the saved corpus,
/// replacing the previous one.
pub async fn save(snapshot: &Uint8Array, documents: usize) -> Result<(), String> {
    let db = open().await?;
    let (tx, store) = store(&db, IdbTransactionMode::Readwrite)?;
    let total = snapshot.length();
    let chunks = total.div_ceil(CHUNK_BYTES);
    let about = object();
    set(&about, "documents", documents as f64);
    set(&about, "bytes", f64::from(total));
    set(&about, "chunks", f64::from(chunks));
    set(&about, "saved", js_sys::Date::now());
    // Every record in one transaction: all or nothing. The old pieces go
    // first (a smaller corpus has fewer).
    store.clear().map_err(plain)?;
    for i in 0..chunks {
        // A copy of each piece: storing a view would store its whole buffer.
        let end = (i + 1).saturating_mul(CHUNK_BYTES).min(total);
        let piece = snapshot.slice(i * CHUNK_BYTES, end);
        // `put` copies its value before it returns: one piece per task
        // (the next is put when this one is written, which keeps the
        // transaction open), where all sixteen pieces of a 14,000-document
        // corpus in one go blocked the page for ~200 ms.
        let written = done(&store.put_with_key(&piece, &chunk_key(i)).map_err(plain)?);
        written.await?;
    }
    store
        .put_with_key(&about, &JsValue::from_str(ABOUT_KEY))
        .map_err(plain)?;
    let result = committed(&tx).await;
    db.close();
    result
}

/// The saved corpus, if there is one.
pub async fn load() -> Result<Option<SavedCorpus>, String> {
    let db = open().await?;
    let result = read_saved(&db).await;
    db.close();
    result
}

async fn read_saved(db: &IdbDatabase) -> Result<Option<SavedCorpus>, String> {
    let about = {
        let (_tx, store) = store(db, IdbTransactionMode::Readonly)?;
        let request = store.get(&JsValue::from_str(ABOUT_KEY)).map_err(plain)?;
        done(&request).await?
    };
    if about.is_undefined() {
        return Ok(None);
    }
    let documents = get_f64(&about, "documents") as usize;
    let saved_at = get_f64(&about, "saved");
    let chunks = get_f64(&about, "chunks") as u32;
    let bytes = get_f64(&about, "bytes") as u32;
    let (_tx, store) = store(db, IdbTransactionMode::Readonly)?;
    let not_a_snapshot = || "the saved corpus is not a snapshot".to_owned();
    let (snapshot, copy) = if chunks == 0 {
        let request = store.get(&JsValue::from_str(SNAPSHOT_KEY)).map_err(plain)?;
        let record = done(&request).await?;
        if record.is_undefined() {
            return Ok(None);
        }
        let record = record
            .dyn_into::<Uint8Array>()
            .map_err(|_| not_a_snapshot())?;
        let copy = record.to_vec();
        (record, copy)
    } else {
        // The length comes from storage: more than a page's memory can
        // hold (wasm32: 4 GB in all) is an error in words, before anything
        // is requested or reserved, not an abort.
        if bytes > MOST_BYTES {
            return Err("the saved corpus is larger than this page can hold".into());
        }
        // Every request before any await: a transaction ends once it has
        // nothing pending when control goes back to the browser. Each
        // piece then arrives (and is deserialised) in its own task.
        let pending: Vec<_> = (0..chunks)
            .map(|i| store.get(&chunk_key(i)).map_err(plain).map(|r| done(&r)))
            .collect::<Result<_, _>>()?;
        let whole = Uint8Array::new_with_length(bytes);
        // Copied into wasm memory piece by piece as they arrive: the copy
        // (~2 ms per MB, the first touch of new wasm memory) overlaps the
        // wait for the next piece, where copying the whole after the read
        // was ~130 ms more before a 64 MB corpus could be opened.
        // Growing wasm memory for it is a ~40 ms step: a task of its own
        // (the requests are made, so the transaction stays open meanwhile).
        next_task().await;
        let mut copy: Vec<u8> = Vec::with_capacity(bytes as usize);
        next_task().await;
        let mut at = 0u32;
        for piece in pending {
            let piece = piece
                .await?
                .dyn_into::<Uint8Array>()
                .map_err(|_| "a piece of the saved corpus is missing".to_owned())?;
            let end = at
                .checked_add(piece.length())
                .filter(|&end| end <= bytes)
                .ok_or("the saved corpus is longer than its description says")?;
            whole.set(&piece, at);
            copy.resize(end as usize, 0);
            piece.copy_to(&mut copy[at as usize..]);
            at = end;
        }
        if at != bytes {
            return Err("the saved corpus is shorter than its description says".into());
        }
        (whole, copy)
    };
    Ok(Some(SavedCorpus {
        snapshot,
        bytes: copy,
        documents,
        saved_at,
    }))
}

/// Deletes everything the page saved.
pub async fn clear() -> Result<(), String> {
    let db = open().await?;
    let (tx, store) = store(&db, IdbTransactionMode::Readwrite)?;
    store.clear().map_err(plain)?;
    let result = committed(&tx).await;
    db.close();
    result
}

/// Saves `snapshot` (the page's new corpus, of `documents` documents) and
/// says the result after the load's summary in `status`.
pub fn keep_after_load(
    snapshot: Uint8Array,
    documents: usize,
    status: RwSignal<Option<LoadOutcome>>,
) {
    let say = move |note: String| {
        status.update(|s| {
            if let Some(s) = s.as_mut().filter(|s| !s.busy) {
                s.kept = Some(note);
            }
        });
    };
    say("Saving in this browser…".to_owned());
    spawn_local(async move {
        crate::corpus::mark("borderlines:saving");
        let saved = save(&snapshot, documents).await;
        crate::corpus::mark("borderlines:saved");
        match saved {
            Ok(()) => {
                say("Kept in this browser.".to_owned());
                use_saved_info().set(SavedInfo::Saved { documents });
            }
            Err(why) => say(format!("Not kept after a reload: {why}.")),
        }
    });
}
