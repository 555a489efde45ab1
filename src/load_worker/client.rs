//! The page's side: starts the worker, sends jobs, turns its messages into
//! the load status and swaps in the engine it built.

use std::cell::{Cell, RefCell};
use std::sync::{Arc, Weak};

use borderlines_core::load::{add_documents, add_files_with, ChosenMapping, LoadOptions};
use borderlines_core::text::strip_bidi_controls;
use borderlines_core::{CorpusBundle, Document};
use borderlines_engine::Engine;
use js_sys::{Array, ArrayBuffer, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, File, MessageEvent, Url, Worker};

use super::protocol::{get, get_f64, get_str, object, set};
use crate::components::{format_thousands, plural, LoadOutcome};
use crate::corpus::{is_embedded, now_ms};
use crate::open_snapshot::{next_task, open_in_slices, OpenFigures};
use crate::saved_corpus;

/// Appended to the glue's text in the worker's Blob: waits for the compiled
/// module, instantiates it and hands over to [`super::worker_main`].
const WORKER_BOOT: &str =
    "\nself.onmessage=function(e){var d=e.data;if(!d||d.kind!=='init')return;\
self.onmessage=null;try{wasm_bindgen.initSync({module:d.module});wasm_bindgen.worker_main();}\
catch(err){self.postMessage({kind:'failed',message:String(err)});}};\n";

struct Client {
    worker: Worker,
    /// The engine the worker holds, when it is the page's (an empty `Weak`
    /// when unknown: the worker is then sent a snapshot or the seeds).
    base: Weak<Engine>,
    /// The worker said it started.
    ready: bool,
}

/// Files not added, with the reason: (file name, why).
type Problems = Vec<(String, String)>;

struct Job {
    id: u32,
    files: Vec<File>,
    /// A job that adds duplicates the user chose to keep: the documents
    /// (to add on the main thread if the worker fails) and the load's other
    /// problems, still listed afterwards.
    keeping: Option<(Vec<Document>, Problems)>,
    /// Mappings the user chose for tables and JSON exports.
    mappings: Vec<ChosenMapping>,
    engine: RwSignal<Arc<Engine>>,
    status: RwSignal<Option<LoadOutcome>>,
    started: f64,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static JOB: RefCell<Option<Job>> = const { RefCell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// Why the worker cannot be used in this page, once that is known.
    static BROKEN: RefCell<Option<String>> = const { RefCell::new(None) };
    static BLOB_URL: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The snapshot the page's engine was opened from (the corpus saved in
    /// IndexedDB), handed to the next job instead of writing a new one.
    static KNOWN_SNAPSHOT: RefCell<Option<(Weak<Engine>, Uint8Array)>> = const { RefCell::new(None) };
}

/// Remembers that `engine` was opened from `snapshot`, so the first job on
/// it sends these bytes rather than encoding the engine again on the main
/// thread (hundreds of milliseconds for a large corpus).
pub fn remember_snapshot(engine: &Arc<Engine>, snapshot: Uint8Array) {
    KNOWN_SNAPSHOT.set(Some((Arc::downgrade(engine), snapshot)));
}

/// The remembered snapshot's buffer, if it is `engine`'s (taken: it is
/// transferred to the worker).
fn known_snapshot_of(engine: &Arc<Engine>) -> Option<ArrayBuffer> {
    let (known, bytes) = KNOWN_SNAPSHOT.take()?;
    let same = known.upgrade().is_some_and(|k| Arc::ptr_eq(&k, engine));
    // A view of part of a buffer cannot be transferred as it is: copy it.
    let whole = bytes.byte_offset() == 0 && bytes.byte_length() == bytes.buffer().byte_length();
    same.then(|| {
        if whole {
            bytes.buffer()
        } else {
            bytes.slice(0, bytes.length()).buffer()
        }
    })
}

fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

/// The Blob URL of the worker's script (the glue plus [`WORKER_BOOT`]),
/// made once per page.
fn blob_url() -> Result<String, String> {
    if let Some(url) = BLOB_URL.with_borrow(Clone::clone) {
        return Ok(url);
    }
    let glue = document()
        .get_element_by_id("borderlines-glue")
        .and_then(|s| s.text_content())
        .ok_or("the page has no inline glue to start a worker from")?;
    let parts = Array::of2(&glue.into(), &WORKER_BOOT.into());
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    BLOB_URL.set(Some(url.clone()));
    Ok(url)
}

fn spawn() -> Result<Client, String> {
    let module = wasm_bindgen::module();
    if !module.is_instance_of::<js_sys::WebAssembly::Module>() {
        return Err("the compiled module is not available".into());
    }
    let worker = Worker::new(&blob_url()?).map_err(js_error)?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Closures live as long as the page (one per worker started; a worker
    // is replaced only on cancel or failure).
    on_message.forget();
    // A script error in the worker is an `ErrorEvent`; a worker that could
    // not load at all (a CSP without `worker-src blob:`) fires a plain `Event`.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|ev: web_sys::Event| {
        ev.prevent_default();
        let message = ev
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "the browser refused to start it".to_owned());
        failed(message);
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    let init = object();
    set(&init, "kind", "init");
    set(&init, "module", module);
    worker.post_message(&init).map_err(js_error)?;
    Ok(Client {
        worker,
        base: Weak::new(),
        ready: false,
    })
}

/// Starts the worker if there is none; the reason it cannot be used, if so.
fn ensure_client() -> Result<(), String> {
    if let Some(why) = BROKEN.with_borrow(Clone::clone) {
        return Err(why);
    }
    if CLIENT.with_borrow(Option::is_none) {
        match spawn() {
            Ok(client) => CLIENT.set(Some(client)),
            Err(why) => {
                BROKEN.set(Some(why.clone()));
                return Err(why);
            }
        }
    }
    Ok(())
}

/// Posts the header of job `id` (`kind` "job" or "keep") with the corpus it
/// builds on: "keep" (the worker's own engine is the page's), "embedded" or
/// the page's snapshot. `payload` is set on the message (buffers in it are
/// transferred).
fn post_job(
    id: u32,
    kind: &str,
    current: &Arc<Engine>,
    total: usize,
    payload: &[(&str, JsValue)],
) -> Result<(), String> {
    CLIENT.with_borrow_mut(|client| {
        let client = client.as_mut().ok_or("no worker")?;
        let msg = object();
        set(&msg, "kind", kind);
        set(&msg, "id", id);
        let transfer = Array::new();
        if client
            .base
            .upgrade()
            .is_some_and(|b| Arc::ptr_eq(&b, current))
        {
            set(&msg, "base", "keep");
        } else if is_embedded(current) {
            set(&msg, "base", "embedded");
        } else {
            // The page's engine changed since the worker last built one
            // (a new worker after cancel, a corpus opened from storage): send it.
            let buffer = match known_snapshot_of(current) {
                Some(buffer) => buffer,
                None => {
                    let bytes = current.to_snapshot().map_err(|e| e.to_string())?;
                    Uint8Array::from(bytes.as_slice()).buffer()
                }
            };
            set(&msg, "base", &buffer);
            transfer.push(&buffer);
        }
        for (key, value) in payload {
            set(&msg, key, value);
            if value.is_instance_of::<ArrayBuffer>() {
                transfer.push(value);
            }
        }
        set(&msg, "total", total as u32);
        client.base = Weak::new();
        client
            .worker
            .post_message_with_transfer(&msg, &transfer)
            .map_err(js_error)
    })
}

fn next_id() -> u32 {
    let id = NEXT_ID.get();
    NEXT_ID.set(id + 1);
    id
}

/// Adds `files` in the worker (tables and JSON exports with `mappings`);
/// `Err` gives the files back with the reason the worker cannot be used,
/// for the caller to add them on the main thread.
pub fn add(
    files: Vec<File>,
    mappings: Vec<ChosenMapping>,
    engine: RwSignal<Arc<Engine>>,
    status: RwSignal<Option<LoadOutcome>>,
) -> Result<(), (Vec<File>, String)> {
    if let Err(why) = ensure_client() {
        return Err((files, why));
    }
    let current = engine.get_untracked();
    let id = next_id();
    // No total of bytes: `File.size` of a file on disk is a stat on the
    // main thread (14,000 of them took 3 s).
    let payload = [("mappings", super::protocol::mappings_to_js(&mappings))];
    if let Err(why) = post_job(id, "job", &current, files.len(), &payload) {
        cancel_worker();
        return Err((files, why));
    }
    status.set(Some(LoadOutcome::reading(files.len())));
    let batches: Vec<Vec<File>> = files
        .chunks(FILES_PER_MESSAGE)
        .map(<[File]>::to_vec)
        .collect();
    JOB.set(Some(Job {
        id,
        files,
        keeping: None,
        mappings,
        engine,
        status,
        started: now_ms(),
    }));
    spawn_local(send_files(id, batches));
    Ok(())
}

/// Adds `documents` — duplicates the user chose to keep, already parsed —
/// in the worker, so indexing a large corpus again never blocks the page.
/// `problems` are the load's other problems, listed again afterwards.
/// Falls back to the main thread if the worker cannot be used.
pub fn keep_duplicates(
    documents: Vec<Document>,
    problems: Vec<(String, String)>,
    engine: RwSignal<Arc<Engine>>,
    status: RwSignal<Option<LoadOutcome>>,
) {
    let posted = ensure_client().and_then(|()| {
        let bytes = CorpusBundle::encode_documents(&documents).map_err(|e| e.to_string())?;
        let buffer = Uint8Array::from(bytes.as_slice()).buffer();
        let id = next_id();
        post_job(
            id,
            "keep",
            &engine.get_untracked(),
            documents.len(),
            &[("documents", JsValue::from(buffer))],
        )?;
        Ok(id)
    });
    match posted {
        Ok(id) => {
            status.set(Some(LoadOutcome::progress(
                format!(
                    "Adding {}…",
                    plural(documents.len(), "duplicate", "duplicates")
                ),
                (0.0, 1.0),
            )));
            JOB.set(Some(Job {
                id,
                files: Vec::new(),
                keeping: Some((documents, problems)),
                mappings: Vec::new(),
                engine,
                status,
                started: now_ms(),
            }));
        }
        Err(_) => keep_duplicates_on_main(documents, problems, engine, status),
    }
}

/// The outcome of keeping `added` duplicates, with the load's other problems.
fn kept_outcome(added: usize, problems: Vec<(String, String)>) -> LoadOutcome {
    let mut next = LoadOutcome::done(added, problems, Vec::new());
    next.summary = format!(
        "Added {} that duplicate others.{}",
        plural(added, "document", "documents"),
        next.summary
            .strip_prefix("No document added.")
            .unwrap_or_default()
    );
    next
}

/// Keeps duplicates on the main thread (no worker in this page).
fn keep_duplicates_on_main(
    documents: Vec<Document>,
    problems: Vec<(String, String)>,
    engine: RwSignal<Arc<Engine>>,
    status: RwSignal<Option<LoadOutcome>>,
) {
    let current = engine.get_untracked();
    let (corpus, ids) = add_documents(current.corpus(), documents);
    let built = Arc::new(Engine::build(Arc::new(corpus)));
    engine.set(built.clone());
    status.set(Some(kept_outcome(ids.len(), problems)));
    saved_corpus::keep_engine(&built, status);
}

/// Files per message: the first structured clone of a `File` costs about
/// 0.2 ms on the main thread (14,000 files in one message blocked it for
/// 2.5 s), so they go in small messages with a pause between.
const FILES_PER_MESSAGE: usize = 50;

/// Posts the files of job `id` in batches, one task each, then `run`.
async fn send_files(id: u32, batches: Vec<Vec<File>>) {
    for batch in batches {
        let still_ours = JOB.with_borrow(|j| j.as_ref().is_some_and(|j| j.id == id));
        if !still_ours {
            return;
        }
        let msg = object();
        set(&msg, "kind", "files");
        set(&msg, "id", id);
        let list = Array::new();
        for f in &batch {
            list.push(f);
        }
        set(&msg, "files", list);
        let posted = CLIENT.with_borrow(|c| c.as_ref().map(|c| c.worker.post_message(&msg)));
        if !matches!(posted, Some(Ok(()))) {
            return;
        }
        next_task().await;
    }
    let run = object();
    set(&run, "kind", "run");
    set(&run, "id", id);
    CLIENT.with_borrow(|c| {
        if let Some(c) = c {
            let _ = c.worker.post_message(&run);
        }
    });
}

fn cancel_worker() {
    if let Some(client) = CLIENT.take() {
        client.worker.set_onmessage(None);
        client.worker.set_onerror(None);
        client.worker.terminate();
    }
}

/// Stops the job in progress: the worker is terminated (the page's corpus
/// is untouched) and a new one starts with the next job.
pub fn cancel() {
    cancel_worker();
    if let Some(job) = JOB.take() {
        job.status.set(Some(LoadOutcome::cancelled()));
    }
}

/// The worker failed: before it was ready, the page cannot use workers and
/// the pending files are added on the main thread; later, the job is lost
/// and said so.
fn failed(message: String) {
    let was_ready = CLIENT.with_borrow(|c| c.as_ref().is_some_and(|c| c.ready));
    cancel_worker();
    let Some(job) = JOB.take() else {
        if !was_ready {
            BROKEN.set(Some(message));
        }
        return;
    };
    if was_ready {
        job.status.set(Some(LoadOutcome::failed(format!(
            "The background loader stopped ({message}); nothing was added."
        ))));
    } else {
        let note = format!("the background loader could not start: {message}");
        BROKEN.set(Some(note.clone()));
        match job.keeping {
            Some((documents, problems)) => {
                keep_duplicates_on_main(documents, problems, job.engine, job.status)
            }
            None => add_on_main(job.files, job.mappings, job.engine, job.status, Some(note)),
        }
    }
}

fn on_message(ev: MessageEvent) {
    let data = ev.data();
    match get_str(&data, "kind").as_str() {
        "ready" => CLIENT.with_borrow_mut(|c| {
            if let Some(c) = c {
                c.ready = true;
            }
        }),
        "failed" => failed(get_str(&data, "message")),
        "progress" => JOB.with_borrow(|job| {
            if let Some(job) = job
                .as_ref()
                .filter(|j| f64::from(j.id) == get_f64(&data, "id"))
            {
                job.status.set(Some(progress_outcome(&data)));
            }
        }),
        "done" => {
            let id = JOB.with_borrow(|j| {
                j.as_ref()
                    .map(|j| j.id)
                    .filter(|&id| f64::from(id) == get_f64(&data, "id"))
            });
            if let Some(id) = id {
                spawn_local(finish(id, data));
            }
        }
        "error" => {
            if let Some(job) =
                JOB.with_borrow_mut(|j| j.take_if(|j| f64::from(j.id) == get_f64(&data, "id")))
            {
                job.status.set(Some(LoadOutcome::failed(format!(
                    "Nothing was added: {}",
                    get_str(&data, "message")
                ))));
            }
        }
        _ => {}
    }
}

fn mb(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_048_576.0)
}

fn progress_outcome(data: &JsValue) -> LoadOutcome {
    let done = get_f64(data, "done") as usize;
    let total = get_f64(data, "total") as usize;
    let bytes = get_f64(data, "bytes");
    let current = strip_bidi_controls(&get_str(data, "current")).into_owned();
    if get_str(data, "phase") == "indexing" {
        return LoadOutcome::progress(format!("Indexing and extracting {current}…"), (1.0, 1.0));
    }
    LoadOutcome::progress(
        format!(
            "Reading {} of {} ({} read): {current}",
            format_thousands(done as u64),
            plural(total, "file", "files"),
            mb(bytes),
        ),
        (done as f64, total.max(1) as f64),
    )
}

/// The status and engine of job `id` while it is still the current one
/// (not cancelled, not replaced by a newer job).
fn current_job<T>(id: u32, f: impl FnOnce(&Job) -> T) -> Option<T> {
    JOB.with_borrow(|j| j.as_ref().filter(|j| j.id == id).map(f))
}

/// Ends job `id`: opens the worker's snapshot (if anything was added),
/// swaps in the engine and says what happened.
async fn finish(id: u32, data: JsValue) {
    let snapshot = get(&data, "snapshot");
    let mut figures = OpenFigures::default();
    let mut snapshot_bytes = 0.0;
    let source = snapshot
        .dyn_ref::<ArrayBuffer>()
        .map(|b| Uint8Array::new(b));
    let opened = if let Some(source) = &source {
        snapshot_bytes = f64::from(source.length());
        let still_ours = || current_job(id, |_| ()).is_some();
        let progress = |documents: usize, done: usize, total: usize| {
            current_job(id, |job| {
                job.status.set(Some(LoadOutcome::progress(
                    format!(
                        "Opening the new corpus of {}…",
                        plural(documents, "document", "documents")
                    ),
                    (done as f64, total as f64),
                )));
            });
        };
        match open_in_slices(source, still_ours, progress, &mut figures).await {
            Ok(Some(engine)) => Some(Arc::new(engine)),
            Ok(None) => return,
            Err(e) => {
                if let Some(job) = JOB.with_borrow_mut(|j| j.take_if(|j| j.id == id)) {
                    job.status.set(Some(LoadOutcome::failed(format!(
                        "Nothing was added: the loader's index could not be opened ({e})"
                    ))));
                }
                return;
            }
        }
    } else {
        None
    };
    let Some(job) = JOB.with_borrow_mut(|j| j.take_if(|j| j.id == id)) else {
        return;
    };
    // Nothing added: the worker still holds the page's engine.
    let engine = opened.unwrap_or_else(|| job.engine.get_untracked());
    CLIENT.with_borrow_mut(|c| {
        if let Some(c) = c {
            c.base = Arc::downgrade(&engine);
        }
    });
    if !Arc::ptr_eq(&engine, &job.engine.get_untracked()) {
        job.engine.set(engine);
    }
    let data = &data;
    let problems: Vec<(String, String)> = get(data, "skipped")
        .dyn_into::<Array>()
        .map(|a| {
            a.iter()
                .map(|pair| {
                    let pair: Array = pair.unchecked_into();
                    (
                        pair.get(0).as_string().unwrap_or_default(),
                        pair.get(1).as_string().unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let duplicates: Vec<Document> = {
        let buffer = get(data, "duplicates");
        if buffer.is_instance_of::<ArrayBuffer>() {
            CorpusBundle::from_bytes(&Uint8Array::new(&buffer).to_vec())
                .map(|b| b.corpus.documents)
                .unwrap_or_default()
        } else {
            Vec::new()
        }
    };
    let added = get_f64(data, "added") as usize;
    let outcome = match job.keeping {
        Some((_, earlier)) => kept_outcome(added, earlier),
        None => LoadOutcome::done(added, problems, duplicates),
    };
    job.status.set(Some(outcome));
    if let (Some(source), true) = (source, snapshot_bytes > 0.0) {
        let documents = job.engine.with_untracked(|e| e.corpus().documents.len());
        saved_corpus::keep_after_load(source, documents, job.status);
    }
    // Figures for benchmarks and tests: window.__borderlines_load.
    let out = object();
    set(&out, "worker", true);
    set(&out, "total_ms", now_ms() - job.started);
    set(&out, "worker_ms", get_f64(data, "worker_ms"));
    set(&out, "open_ms", figures.total_ms);
    set(&out, "open_longest_slice_ms", figures.longest_slice_ms);
    set(&out, "open_slices", figures.slices);
    set(&out, "snapshot_bytes", snapshot_bytes);
    set(&js_sys::global(), "__borderlines_load", out);
}

/// Adds `files` on the main thread (the page blocks while it works): the
/// fallback when no worker can start. `note` says why, after the summary.
pub fn add_on_main(
    files: Vec<File>,
    mappings: Vec<ChosenMapping>,
    engine: RwSignal<Arc<Engine>>,
    status: RwSignal<Option<LoadOutcome>>,
    note: Option<String>,
) {
    status.set(Some(LoadOutcome::reading(files.len())));
    spawn_local(async move {
        let started = now_ms();
        let mut read = Vec::with_capacity(files.len());
        let mut unreadable = Vec::new();
        for file in files {
            let name = file.name();
            let file = gloo_file::File::from(file);
            match gloo_file::futures::read_as_bytes(&file).await {
                Ok(bytes) => read.push((name, bytes)),
                Err(e) => unreadable.push((
                    strip_bidi_controls(&name).into_owned(),
                    format!("could not be read ({e})"),
                )),
            }
        }
        let current = engine.get_untracked();
        let options = LoadOptions {
            mappings,
            ..LoadOptions::default()
        };
        let (corpus, report) = add_files_with(current.corpus(), read, options);
        let built = (!report.added.is_empty()).then(|| Arc::new(Engine::build(Arc::new(corpus))));
        if let Some(built) = &built {
            engine.set(built.clone());
        }
        let mut problems = report.skipped;
        problems.extend(unreadable);
        let mut outcome = LoadOutcome::done(report.added.len(), problems, report.duplicates);
        if let Some(note) = note {
            outcome
                .summary
                .push_str(&format!(" (Loaded on the main thread: {note}.)"));
        }
        status.set(Some(outcome));
        if let Some(built) = built {
            saved_corpus::keep_engine(&built, status);
        }
        let figures = object();
        set(&figures, "worker", false);
        set(&figures, "total_ms", now_ms() - started);
        set(&js_sys::global(), "__borderlines_load", figures);
    });
}
