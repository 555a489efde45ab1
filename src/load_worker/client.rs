//! The page's side: starts the worker, sends jobs, turns its messages into
//! the load status and swaps in the engine it built.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::{Arc, Weak};

use borderlines_core::formats::preview::Preview;
use borderlines_core::load::ChosenMapping;
use borderlines_core::text::strip_bidi_controls;
use borderlines_core::{CorpusBundle, Document};
use borderlines_engine::Engine;
use borderlines_messages::{
    buffer_of, get, get_f64, get_str, object, previews_from_js, set, FILES_PER_MESSAGE,
};
use js_sys::{Array, ArrayBuffer, Function, Object, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, MessageEvent, Url, Worker};

use super::loader_module::{self, js_error};
use crate::components::{format_thousands, plural, LoadOutcome};
use crate::corpus::{embedded_snapshot, is_embedded, now_ms};
use crate::open_snapshot::{next_task, open_in_slices, OpenFigures};
use crate::saved_corpus;

/// Appended to the loading module's glue in the worker's Blob: waits for
/// the compressed module and world gazetteer, inflates both, instantiates
/// the module and installs the gazetteer (keeping the messages that arrive
/// meanwhile), and hands every message to a `Session`,
/// in order. A trap in the module (out of memory: wasm32 stops at 4 GB)
/// posts `failed`, so the page ends the job with a message instead of
/// waiting for an answer that never comes. The files of a `files` message are read first, all at once
/// (`File.arrayBuffer()`): one synchronous read after another cost about a
/// millisecond per file, most of the time to add 14,000 files.
///
/// The worker then starts a helper from the same script, which the page
/// sends as `src` (a worker from a file:// page cannot open the page's Blob
/// URL, one it makes itself it can, through a Trusted Types policy of its
/// own that passes `blob:` URLs only, as the page's does; the helper gets
/// no `src`, so it starts none): the worker indexes what it
/// reads and posts each batch's documents to the helper (`extract`), which
/// extracts them and answers (`extracted`) — two cores instead of one. If
/// the helper cannot start or fails, the session is told (`helper`,
/// `ready: false`) and extracts what is missing itself. The helper is
/// given the compiled module and the inflated gazetteer (one compilation,
/// not two competing with the page for the cores), its messages are
/// handled as they come rather than queued behind the files the page sent
/// meanwhile, and each queued message is handled in a task of its own (a
/// `MessageChannel` turn): run as one chain of promise callbacks, the
/// backlog kept the worker's event loop from starting the helper at all.
/// Cancelling ends both: a nested worker ends with its parent. Messages
/// that come before `init` are kept and handled after it: the page posts
/// `init` only once its data packs are parsed, and a job may start sooner.
const WORKER_BOOT: &str = "\nvar early=[];self.onmessage=function(e){var d=e.data;if(!d||d.kind!=='init'){early.push(e);return;}\
var s=null,h=null,chain=Promise.resolve(),q=[],y=new MessageChannel();\
y.port1.onmessage=function(){var f=q.shift();if(f)f();};\
function post(m,t){if(m.kind==='extract'){if(h)h.postMessage(m,t);}else self.postMessage(m,t);}\
function fail(err){self.postMessage({kind:'failed',message:String(err)});}\
function run(m){if(s)try{s.handle(m,post);}catch(err){s=null;fail(err);}}\
function handle(m){chain=chain.then(function(){return m;}).then(function(m){return new Promise(function(r){\
q.push(function(){run(m);r();});y.port2.postMessage(0);});});}\
function now(m){if(s)run(m);else handle(m);}\
function read(f){return f instanceof File?f.arrayBuffer().then(function(b){return{name:f.name,bytes:b};},\
function(err){return{name:f.name,error:String(err)};}):f;}\
self.onmessage=function(e){var m=e.data;handle(m&&(m.kind==='files'||m.kind==='preview')?Promise.all(m.files.map(read))\
.then(function(fs){m.files=fs;return m;}):m);};\
function helper(mod,places){try{var tt=self.trustedTypes;if(tt&&tt.createPolicy&&!tt.defaultPolicy)tt.createPolicy('default',\
{createScriptURL:function(u){if(/^blob:/.test(u))return u;throw new TypeError('refused '+u);}});\
h=new Worker(URL.createObjectURL(new Blob([d.src],{type:'text/javascript'})));}catch(err){h=null;return;}\
function gone(){if(h){h.terminate();h=null;now({kind:'helper',ready:false});}}\
h.onmessage=function(e){var m=e.data;if(m.kind==='ready')now({kind:'helper',ready:true});\
else if(m.kind==='failed'||m.kind==='error')gone();else now(m);};\
h.onerror=function(ev){ev.preventDefault();gone();};\
h.postMessage({kind:'init',module:mod,places:places});}\
function inflate(z){return new Response(new Blob([z]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();}\
chain=Promise.all([d.module||inflate(d.gz),d.module?d.places:inflate(d.places)]).then(function(r){var mod;\
try{mod=d.module||new WebAssembly.Module(r[0]);borderlines_loader.initSync({module:mod});\
borderlines_loader.install_places(new Uint8Array(r[1]));s=new borderlines_loader.Session();}\
catch(err){fail(err);return;}if(d.src)helper(mod,r[1]);self.postMessage({kind:'ready'});},fail);\
early.forEach(function(e){self.onmessage(e);});early=[];};\n";

/// How messages reach the loading module.
enum Transport {
    /// A Web Worker: the page stays responsive while it works.
    Worker(Worker),
    /// The module on the main thread, where no worker can start.
    Inline(Rc<RefCell<Inline>>),
}

/// The loading module on the main thread: messages wait in `queue` until
/// it has started, then are handed over one task apart.
#[derive(Default)]
struct Inline {
    session: Option<JsValue>,
    queue: VecDeque<Object>,
    draining: bool,
    stopped: bool,
}

struct Client {
    transport: Transport,
    /// The engine the worker holds, when it is the page's (an empty `Weak`
    /// when unknown: the worker is then sent a snapshot or the seeds).
    base: Weak<Engine>,
    /// The worker said it started.
    ready: bool,
}

/// Files not added, with the reason: (file name, why).
type Problems = Vec<(String, String)>;

/// What a job does (kept whole, so a worker that fails to start can be
/// replaced by the main thread and the job sent again).
enum Work {
    /// Adds files, tables and JSON exports read with the mappings the user chose.
    Files(Vec<File>, Vec<ChosenMapping>),
    /// Adds duplicates the user chose to keep; the load's other problems
    /// are listed again afterwards.
    Keep(Vec<Document>, Problems),
    /// Removes the documents with these ids.
    Remove(Vec<String>),
    /// Builds the engine again from the documents of a saved corpus whose
    /// index or insights could not be opened (why).
    Rebuild(Vec<Document>, String),
}

struct Job {
    id: u32,
    work: Work,
    engine: RwSignal<Arc<Engine>>,
    status: RwSignal<Option<LoadOutcome>>,
    started: f64,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static JOB: RefCell<Option<Job>> = const { RefCell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// When the page posted the last files of the current job (benchmarks).
    static SENT_AT: Cell<f64> = const { Cell::new(0.0) };
    /// Why the worker cannot be used in this page, once that is known.
    static BROKEN: RefCell<Option<String>> = const { RefCell::new(None) };
    static BLOB_URL: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The snapshot the page's engine was opened from (the corpus saved in
    /// IndexedDB), handed to the next job instead of writing a new one.
    static KNOWN_SNAPSHOT: RefCell<Option<(Weak<Engine>, Uint8Array)>> = const { RefCell::new(None) };
    /// The questions (previews, exports) asked of the loading module and
    /// not answered yet: (id, the `resolve` of the promise awaited).
    static ANSWERS: RefCell<Vec<(u32, Function)>> = const { RefCell::new(Vec::new()) };
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

/// The Blob URL of the worker's script (the loading module's glue plus
/// [`WORKER_BOOT`]), made once per page.
fn blob_url() -> Result<String, String> {
    if let Some(url) = BLOB_URL.with_borrow(Clone::clone) {
        return Ok(url);
    }
    let parts = Array::of2(&loader_module::glue()?.into(), &WORKER_BOOT.into());
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    BLOB_URL.set(Some(url.clone()));
    Ok(url)
}

fn spawn_worker() -> Result<Worker, String> {
    if js_sys::Reflect::get(&js_sys::global(), &"Worker".into()).map_or(true, |w| w.is_undefined())
    {
        return Err("this browser offers no Web Worker here".into());
    }
    let worker = Worker::new(&blob_url()?).map_err(js_error)?;
    // The same script again, for the helper the worker starts.
    let script = loader_module::glue()? + WORKER_BOOT;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|ev: MessageEvent| on_data(ev.data()));
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
    if crate::data_packs::still_parsing() {
        // The packs are not parsed yet: the worker keeps the messages it
        // gets before `init` and reads them after.
        let later = worker.clone();
        spawn_local(async move {
            crate::data_packs::parsed().await;
            if let Err(why) = post_init(&later, script) {
                failed(why);
            }
        });
    } else {
        post_init(&worker, script)?;
    }
    Ok(worker)
}

/// Hands the worker the loading module and the gazetteer (from the page's
/// data packs) and the script for its helper.
fn post_init(worker: &Worker, script: String) -> Result<(), String> {
    let init = object();
    set(&init, "kind", "init");
    // Copied, not transferred: the page keeps the bytes for the next worker.
    set(&init, "gz", loader_module::compressed()?);
    set(&init, "places", loader_module::places()?);
    set(&init, "src", script);
    worker.post_message(&init).map_err(js_error)
}

/// Starts the loading module on the main thread; messages posted meanwhile
/// wait in its queue.
fn spawn_inline() -> Rc<RefCell<Inline>> {
    let inline = Rc::new(RefCell::new(Inline::default()));
    let starting = inline.clone();
    spawn_local(async move {
        match loader_module::start_on_main_thread().await {
            Ok(session) => {
                starting.borrow_mut().session = Some(session);
                drain(starting);
            }
            Err(why) => {
                if !starting.borrow().stopped {
                    cancel_worker();
                    if let Some(job) = JOB.take() {
                        job.status.set(Some(LoadOutcome::failed(format!(
                            "Nothing was added: the loader could not start ({why})."
                        ))));
                    }
                }
            }
        }
    });
    inline
}

/// The replies of the loading module on the main thread, as if from a worker.
fn inline_reply() -> Function {
    thread_local! {
        static REPLY: Function = Closure::<dyn FnMut(JsValue, JsValue)>::new(|msg: JsValue, _transfer: JsValue| on_data(msg))
            .into_js_value()
            .unchecked_into();
    }
    REPLY.with(Clone::clone)
}

/// Hands the queued messages to the module on the main thread, one task
/// apart (so the page paints between them), reading the `File`s of a
/// `files` message first: the main thread has no synchronous reader.
fn drain(inline: Rc<RefCell<Inline>>) {
    {
        let mut state = inline.borrow_mut();
        if state.draining || state.session.is_none() {
            return;
        }
        state.draining = true;
    }
    spawn_local(async move {
        loop {
            next_task().await;
            let next = {
                let mut state = inline.borrow_mut();
                if state.stopped {
                    None
                } else {
                    state.queue.pop_front()
                }
            };
            let Some(msg) = next else { break };
            if matches!(get_str(&msg, "kind").as_str(), "files" | "preview") {
                read_on_main_thread(&msg).await;
            }
            let session = inline.borrow().session.clone();
            if inline.borrow().stopped {
                break;
            }
            if let Some(session) = session {
                let handle = js_sys::Reflect::get(&session, &"handle".into())
                    .ok()
                    .and_then(|h| h.dyn_into::<Function>().ok());
                if let Some(handle) = handle {
                    let _ = handle.call2(&session, &msg, &inline_reply());
                }
            }
        }
        inline.borrow_mut().draining = false;
    });
}

/// Replaces the `File`s of a `files` or `preview` message with `{name,
/// bytes}` (items read already pass as they are).
async fn read_on_main_thread(msg: &Object) {
    let Ok(files) = get(msg, "files").dyn_into::<Array>() else {
        return;
    };
    let read = Array::new();
    for item in files.iter() {
        let Ok(file) = item.clone().dyn_into::<File>() else {
            read.push(&item);
            continue;
        };
        let item = object();
        set(&item, "name", file.name());
        if let Ok(bytes) = gloo_file::futures::read_as_bytes(&gloo_file::File::from(file)).await {
            set(&item, "bytes", buffer_of(&bytes));
        }
        read.push(&item);
    }
    set(msg, "files", read);
}

impl Client {
    /// Posts `msg` to the loading module, transferring `transfer`.
    fn post(&self, msg: &Object, transfer: &Array) -> Result<(), String> {
        match &self.transport {
            Transport::Worker(worker) => worker
                .post_message_with_transfer(msg, transfer)
                .map_err(js_error),
            Transport::Inline(inline) => {
                inline.borrow_mut().queue.push_back(msg.clone());
                drain(inline.clone());
                Ok(())
            }
        }
    }

    fn is_inline(&self) -> bool {
        matches!(self.transport, Transport::Inline(_))
    }
}

/// Why the loader runs on the main thread in this page, if it does.
fn main_thread_note() -> Option<String> {
    BROKEN.with_borrow(Clone::clone)
}

fn spawn() -> Client {
    let transport = match main_thread_note() {
        Some(_) => Transport::Inline(spawn_inline()),
        None => match spawn_worker() {
            Ok(worker) => Transport::Worker(worker),
            Err(why) => {
                BROKEN.set(Some(why));
                Transport::Inline(spawn_inline())
            }
        },
    };
    let ready = matches!(transport, Transport::Inline(_));
    Client {
        transport,
        base: Weak::new(),
        ready,
    }
}

/// Starts the loading module if it is not running: in a worker, or on the
/// main thread when no worker can start.
fn ensure_client() {
    if CLIENT.with_borrow(Option::is_none) {
        CLIENT.set(Some(spawn()));
    }
}

/// Posts the header of job `id` (`kind` "job" or "keep") with the corpus it
/// builds on: "keep" (the loader's own engine is the page's) or a snapshot
/// (the seeds' embedded one, or the page's engine's). `payload` is set on the message (buffers in it are
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
        set(&msg, "base", &base_of(client, current, &transfer)?);
        for (key, value) in payload {
            set(&msg, key, value);
            if value.is_instance_of::<ArrayBuffer>() {
                transfer.push(value);
            }
        }
        set(&msg, "total", total as u32);
        client.base = Weak::new();
        client.post(&msg, &transfer)
    })
}

/// The corpus a message to the loading module builds on: "keep" (the
/// loader's engine is `current`) or `current`'s snapshot, added to `transfer`.
fn base_of(client: &Client, current: &Arc<Engine>, transfer: &Array) -> Result<JsValue, String> {
    if client
        .base
        .upgrade()
        .is_some_and(|b| Arc::ptr_eq(&b, current))
    {
        return Ok(JsValue::from_str("keep"));
    }
    let buffer = if is_embedded(current) {
        buffer_of(embedded_snapshot())
    } else {
        // The page's engine changed since the worker last built one
        // (a new worker after cancel, a corpus opened from storage): send it.
        match known_snapshot_of(current) {
            Some(buffer) => buffer,
            None => {
                let bytes = current.to_snapshot().map_err(|e| e.to_string())?;
                buffer_of(&bytes)
            }
        }
    };
    transfer.push(&buffer);
    Ok(buffer.into())
}

/// Exports of fewer documents are written on the page (a few ms each; 14,000
/// documents took 0.8–2 s there).
const WORKER_EXPORT_MIN_DOCS: usize = 1_000;

/// Writes an export of `docs` of `current` (form "jsonl", "csv" or
/// "insights") in the loading worker, so the page stays responsive. None
/// when the worker cannot do it now (none runs, the loader works on the
/// main thread, or it is adding files): the page then writes it itself.
/// Some(Err) says why the worker failed.
pub async fn export_in_worker(
    current: &Arc<Engine>,
    docs: &[u32],
    form: &str,
) -> Option<Result<ArrayBuffer, String>> {
    // A small export is written at once on the page; a large one is worth
    // starting the worker for (it reopens after a reload only when needed).
    if docs.len() < WORKER_EXPORT_MIN_DOCS {
        return None;
    }
    ensure_client();
    let in_worker = CLIENT.with_borrow(|c| {
        c.as_ref()
            .is_some_and(|c| matches!(c.transport, Transport::Worker(_)))
    });
    if !in_worker || JOB.with_borrow(Option::is_some) {
        return None;
    }
    let id = next_id();
    let answer_to = ask(id)?;
    let posted = CLIENT.with_borrow_mut(|client| {
        let client = client.as_mut().ok_or("no loader")?;
        let msg = object();
        set(&msg, "kind", "export");
        set(&msg, "id", id);
        set(&msg, "form", form);
        set(&msg, "docs", js_sys::Uint32Array::from(docs));
        let transfer = Array::new();
        set(&msg, "base", &base_of(client, current, &transfer)?);
        client.post(&msg, &transfer)?;
        // The loader's corpus is the page's once it reads this message.
        client.base = Arc::downgrade(current);
        Ok::<(), String>(())
    });
    if posted.is_err() {
        answer(Some(id), &JsValue::UNDEFINED);
    }
    let reply = JsFuture::from(answer_to).await.ok()?;
    if let Ok(bytes) = get(&reply, "bytes").dyn_into::<ArrayBuffer>() {
        return Some(Ok(bytes));
    }
    let message = get_str(&reply, "message");
    (!message.is_empty()).then_some(Err(message))
}

fn next_id() -> u32 {
    let id = NEXT_ID.get();
    NEXT_ID.set(id + 1);
    id
}

/// Makes `work` the current job (before its header is posted: a worker
/// that fails to start replays it on the main thread), posts the header
/// (`kind`, `total` items, `payload`) and shows `busy`. If the header cannot
/// be posted, the job is dropped and `status` says "`nothing`: why".
#[allow(clippy::too_many_arguments)]
fn start_job(
    kind: &str,
    work: Work,
    total: usize,
    payload: &[(&str, JsValue)],
    engine: RwSignal<Arc<Engine>>,
    status: RwSignal<Option<LoadOutcome>>,
    nothing: &str,
    busy: LoadOutcome,
) -> Option<u32> {
    ensure_client();
    let id = next_id();
    let current = engine.get_untracked();
    JOB.set(Some(Job {
        id,
        work,
        engine,
        status,
        started: now_ms(),
    }));
    if let Err(why) = post_job(id, kind, &current, total, payload) {
        cancel_worker();
        JOB.take();
        status.set(Some(LoadOutcome::failed(format!("{nothing}: {why}"))));
        return None;
    }
    status.set(Some(busy));
    Some(id)
}

/// Adds `files` in the loading module (tables and JSON exports with
/// `mappings`): in the worker, or on the main thread where none can start.
pub fn add(
    files: Vec<File>,
    mappings: Vec<ChosenMapping>,
    engine: RwSignal<Arc<Engine>>,
    status: RwSignal<Option<LoadOutcome>>,
) {
    // No total of bytes: `File.size` of a file on disk is a stat on the
    // main thread (14,000 of them took 3 s).
    let payload = [("mappings", borderlines_messages::mappings_to_js(&mappings))];
    let batches: Vec<Vec<File>> = files
        .chunks(FILES_PER_MESSAGE)
        .map(<[File]>::to_vec)
        .collect();
    let total = files.len();
    let work = Work::Files(files, mappings);
    let busy = LoadOutcome::reading(total);
    if let Some(id) = start_job(
        "job",
        work,
        total,
        &payload,
        engine,
        status,
        "Nothing was added",
        busy,
    ) {
        spawn_local(send_files(id, batches));
    }
}

/// Adds `documents` — duplicates the user chose to keep, already parsed —
/// in the loading module, so indexing a large corpus again never blocks
/// the page. `problems` are the load's other problems, listed again
/// afterwards.
pub fn keep_duplicates(
    documents: Vec<Document>,
    problems: Vec<(String, String)>,
    engine: RwSignal<Arc<Engine>>,
    status: RwSignal<Option<LoadOutcome>>,
) {
    let count = documents.len();
    let bytes = match CorpusBundle::encode_documents(&documents) {
        Ok(bytes) => bytes,
        Err(e) => {
            status.set(Some(LoadOutcome::failed(format!("Nothing was added: {e}"))));
            return;
        }
    };
    let payload = [("documents", JsValue::from(buffer_of(&bytes)))];
    drop(bytes);
    let busy = LoadOutcome::progress(
        format!("Adding {}…", plural(count, "duplicate", "duplicates")),
        (0.0, 1.0),
    );
    let work = Work::Keep(documents, problems);
    start_job(
        "keep",
        work,
        count,
        &payload,
        engine,
        status,
        "Nothing was added",
        busy,
    );
}

/// Removes the documents with `ids` from the page's corpus, in the loading
/// module (their insights are kept for the others; the index is rebuilt).
pub fn remove(
    ids: Vec<String>,
    engine: RwSignal<Arc<Engine>>,
    status: RwSignal<Option<LoadOutcome>>,
) {
    let count = ids.len();
    let list: Array = ids.iter().map(|i| JsValue::from_str(i)).collect();
    let busy = LoadOutcome::progress(
        format!("Removing {}…", plural(count, "document", "documents")),
        (0.0, 1.0),
    );
    let payload = [("ids", list.into())];
    start_job(
        "remove",
        Work::Remove(ids),
        count,
        &payload,
        engine,
        status,
        "Nothing was removed",
        busy,
    );
}

/// Builds the engine again from `documents` — those of a saved corpus whose
/// index or insights could not be opened (`why`) — in the loading module,
/// on an empty corpus; the result replaces the saved one.
pub fn rebuild(
    documents: Vec<Document>,
    why: String,
    engine: RwSignal<Arc<Engine>>,
    status: RwSignal<Option<LoadOutcome>>,
) {
    let count = documents.len();
    let bundle = match CorpusBundle::encode_documents(&documents) {
        Ok(bundle) => bundle,
        Err(e) => {
            status.set(Some(LoadOutcome::failed(format!(
                "Your saved corpus could not be opened ({why}) nor built again ({e})."
            ))));
            return;
        }
    };
    let payload = [
        // On an empty corpus, whatever the page shows now.
        ("base", JsValue::from_str("empty")),
        ("documents", JsValue::from(buffer_of(&bundle))),
    ];
    let busy = LoadOutcome::progress(
        format!(
            "Building your saved corpus again from its {}…",
            plural(count, "document", "documents")
        ),
        (0.0, 1.0),
    );
    let work = Work::Rebuild(documents, why);
    start_job(
        "keep",
        work,
        count,
        &payload,
        engine,
        status,
        "Nothing was rebuilt",
        busy,
    );
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

/// Starts reading a batch of files (`Blob.arrayBuffer()`: the browser reads
/// them off the main thread); settles with one `{status, value|reason}` each.
/// Starts reading `batch` (`File.arrayBuffer()` for each) and returns its
/// files with a future of their settled reads. Each call asks the browser
/// for a file: a few per millisecond, fewer while the workers keep both
/// cores busy (50 in one task took 50–150 ms there), so the calls are
/// spread over tasks of at most ~8 ms.
async fn read_batch(batch: Vec<File>) -> (Vec<File>, JsFuture) {
    let reads = Array::new();
    let mut task_start = now_ms();
    for file in &batch {
        reads.push(&file.array_buffer());
        if now_ms() - task_start > 8.0 {
            next_task().await;
            task_start = now_ms();
        }
    }
    let settled = js_sys::Promise::all_settled(&reads);
    (batch, JsFuture::from(settled))
}

/// Reads the files of job `id` on the page and transfers their bytes to the
/// loading module in batches (one batch read ahead), then posts `run`.
///
/// Why the page reads: posting the `File`s themselves made every clone ask
/// the browser for the file's metadata, a blocking call on the main thread.
/// For the 14,491 bench files that took 10.1 s with 36 tasks over 50 ms;
/// reading here and transferring the bytes took 6.1–7.3 s with none.
async fn send_files(id: u32, batches: Vec<Vec<File>>) {
    let mut batches = batches.into_iter();
    let mut current = match batches.next() {
        Some(batch) => Some(read_batch(batch).await),
        None => None,
    };
    let mut task_start = now_ms();
    while let Some((batch, reading)) = current {
        let ahead = match batches.next() {
            Some(batch) => Some(read_batch(batch).await),
            None => None,
        };
        let settled = reading.await.unwrap_or(JsValue::UNDEFINED);
        let still_ours = JOB.with_borrow(|j| j.as_ref().is_some_and(|j| j.id == id));
        if !still_ours {
            return;
        }
        let settled: Array = settled.dyn_into().unwrap_or_default();
        let (items, transfer) = (Array::new(), Array::new());
        for (k, file) in batch.iter().enumerate() {
            let outcome = settled.get(k as u32);
            let item = object();
            set(&item, "name", file.name());
            if get_str(&outcome, "status") == "fulfilled" {
                let bytes = get(&outcome, "value");
                transfer.push(&bytes);
                set(&item, "bytes", bytes);
            } else {
                let reason = get(&outcome, "reason");
                let why = reason
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .or_else(|| reason.as_string())
                    .unwrap_or_else(|| "the browser could not read it".to_owned());
                set(&item, "error", why);
            }
            items.push(&item);
        }
        let msg = object();
        set(&msg, "kind", "files");
        set(&msg, "id", id);
        set(&msg, "files", items);
        let posted = CLIENT.with_borrow(|c| c.as_ref().map(|c| c.post(&msg, &transfer)));
        if !matches!(posted, Some(Ok(()))) {
            return;
        }
        if now_ms() - task_start > 8.0 {
            next_task().await;
            task_start = now_ms();
        }
        current = ahead;
    }
    SENT_AT.set(now_ms());
    let run = object();
    set(&run, "kind", "run");
    set(&run, "id", id);
    CLIENT.with_borrow(|c| {
        if let Some(c) = c {
            let _ = c.post(&run, &Array::new());
        }
    });
}

/// The tables and JSON exports among `files` and inside its ZIP archives,
/// previewed by the loading module for the mapping review (the page carries
/// no table or ZIP reader), and how many loose tables could not be read as
/// tables. `files` holds loose tables as `{name, bytes, complete}` (their
/// head) and archives as `File`s. Nothing when the module cannot answer:
/// every mapping is then guessed at import, as for any table not reviewed.
pub async fn preview(files: Array) -> (Vec<(String, Preview)>, usize) {
    ensure_client();
    let id = next_id();
    let Some(answered) = ask(id) else {
        return (Vec::new(), 0);
    };
    let msg = object();
    set(&msg, "kind", "preview");
    set(&msg, "id", id);
    set(&msg, "files", files);
    let posted = CLIENT.with_borrow(|c| {
        c.as_ref()
            .ok_or_else(|| "no loader".to_owned())
            .and_then(|c| c.post(&msg, &Array::new()))
    });
    if posted.is_err() {
        answer(Some(id), &JsValue::UNDEFINED);
    }
    let answer = JsFuture::from(answered).await.unwrap_or(JsValue::UNDEFINED);
    let unreadable = get_f64(&answer, "unreadable");
    (
        previews_from_js(&get(&answer, "previews")),
        if unreadable.is_finite() && unreadable > 0.0 {
            unreadable as usize
        } else {
            0
        },
    )
}

/// A promise that [`answer`] resolves when question `id` is answered.
fn ask(id: u32) -> Option<js_sys::Promise> {
    let mut resolver = None;
    let answered = js_sys::Promise::new(&mut |resolve, _reject| resolver = Some(resolve));
    let resolve = resolver?;
    ANSWERS.with_borrow_mut(|a| a.push((id, resolve)));
    Some(answered)
}

/// Resolves the question asked as `id` (a preview or an export; every one
/// for `None`: the loader stopped) with `value`.
fn answer(id: Option<u32>, value: &JsValue) {
    let waiting = ANSWERS.with_borrow_mut(|p| {
        let (answered, kept) = std::mem::take(p)
            .into_iter()
            .partition(|(i, _)| id.is_none_or(|id| id == *i));
        *p = kept;
        answered
    });
    for (_, resolve) in waiting {
        let _ = resolve.call1(&JsValue::NULL, value);
    }
}

/// Stops the loading module: a worker is terminated; on the main thread,
/// the messages not handed over yet are dropped.
fn cancel_worker() {
    answer(None, &JsValue::UNDEFINED);
    match CLIENT.take().map(|c| c.transport) {
        Some(Transport::Worker(worker)) => {
            worker.set_onmessage(None);
            worker.set_onerror(None);
            worker.terminate();
        }
        Some(Transport::Inline(inline)) => {
            let mut state = inline.borrow_mut();
            state.stopped = true;
            state.queue.clear();
        }
        None => {}
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

/// The worker failed: before it was ready, the page cannot use workers, so
/// the loading module runs on the main thread from now on and the pending
/// job is sent to it again; later, the job is lost and said so.
fn failed(message: String) {
    let was_ready = CLIENT.with_borrow(|c| c.as_ref().is_some_and(|c| c.ready));
    cancel_worker();
    if !was_ready {
        BROKEN.set(Some(format!(
            "the background loader could not start: {message}"
        )));
    }
    let Some(job) = JOB.take() else {
        return;
    };
    if was_ready {
        // A trap is what running out of memory looks like from here.
        let why = if message.contains("unreachable") || message.contains("memory") {
            format!("it ran out of memory: {message}")
        } else {
            message
        };
        job.status.set(Some(LoadOutcome::failed(format!(
            "The background loader stopped ({why}); nothing was added."
        ))));
    } else {
        match job.work {
            Work::Keep(documents, problems) => {
                keep_duplicates(documents, problems, job.engine, job.status)
            }
            Work::Files(files, mappings) => add(files, mappings, job.engine, job.status),
            Work::Remove(ids) => remove(ids, job.engine, job.status),
            Work::Rebuild(documents, why) => rebuild(documents, why, job.engine, job.status),
        }
    }
}

/// The id a message from the loading module answers.
fn id_of(data: &JsValue) -> Option<u32> {
    let id = get_f64(data, "id");
    (id >= 0.0 && id <= f64::from(u32::MAX)).then_some(id as u32)
}

/// Is question `id` (a preview or an export) waiting for its answer?
fn is_asked(id: u32) -> bool {
    ANSWERS.with_borrow(|a| a.iter().any(|(i, _)| *i == id))
}

/// A message from the loading module (a worker's, or the main thread's).
fn on_data(data: JsValue) {
    match get_str(&data, "kind").as_str() {
        "ready" => CLIENT.with_borrow_mut(|c| {
            if let Some(c) = c {
                c.ready = true;
            }
        }),
        "failed" => failed(get_str(&data, "message")),
        "previews" => {
            if let Some(id) = id_of(&data) {
                answer(Some(id), &data);
            }
        }
        "exported" => {
            if let Some(id) = id_of(&data) {
                answer(Some(id), &data);
            }
        }
        // An export's error answers it; a job's ends the job.
        "error" if id_of(&data).is_some_and(is_asked) => answer(id_of(&data), &data),
        "progress" => JOB.with_borrow(|job| {
            if let Some(job) = job
                .as_ref()
                .filter(|j| f64::from(j.id) == get_f64(&data, "id"))
            {
                job.status.set(Some(progress_outcome(&data, job.started)));
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

/// "about 40 s left", "about 2 min left".
fn time_left(seconds: f64) -> String {
    if seconds < 90.0 {
        format!("about {} s left", (seconds.max(1.0)).round())
    } else {
        format!("about {} min left", (seconds / 60.0).round())
    }
}

fn progress_outcome(data: &JsValue, started: f64) -> LoadOutcome {
    let done = get_f64(data, "done") as usize;
    let total = get_f64(data, "total") as usize;
    let bytes = get_f64(data, "bytes");
    let current = strip_bidi_controls(&get_str(data, "current")).into_owned();
    if get_str(data, "phase") == "indexing" {
        return LoadOutcome::progress(format!("Indexing and extracting {current}…"), (1.0, 1.0));
    }
    let left = borderlines_core::load::seconds_left(now_ms() - started, done, total)
        .map(|s| format!(", {}", time_left(s)))
        .unwrap_or_default();
    LoadOutcome::progress(
        format!(
            "Reading {} of {} ({} read{left}): {current}",
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
    crate::corpus::mark("borderlines:finish");
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
            Ok(Some(engine)) => {
                // Rendering the new corpus is a task of its own, apart
                // from the last step of opening it.
                next_task().await;
                Some(Arc::new(engine))
            }
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
        crate::corpus::replace_engine(job.engine, engine);
    }
    crate::corpus::mark("borderlines:swapped");
    let data = &data;
    let pairs = |key: &str| -> Vec<(String, String)> {
        get(data, key)
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
            .unwrap_or_default()
    };
    let problems = pairs("skipped");
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
    let encodings = pairs("encodings");
    let mut outcome = match job.work {
        Work::Keep(_, earlier) => kept_outcome(added, earlier),
        Work::Files(..) => LoadOutcome::done(added, problems, duplicates),
        Work::Remove(_) => LoadOutcome::said(format!(
            "Removed {} from the corpus.",
            plural(get_f64(data, "removed") as usize, "document", "documents")
        )),
        Work::Rebuild(_, why) => LoadOutcome::said(format!(
            "Your saved corpus could not be opened as it was ({why}); it was built again from its {}.",
            plural(added, "document", "documents")
        )),
    };
    outcome.encodings = encodings;
    let inline = CLIENT.with_borrow(|c| c.as_ref().is_some_and(Client::is_inline));
    if let (true, Some(note)) = (inline, main_thread_note()) {
        outcome
            .summary
            .push_str(&format!(" (Loaded on the main thread: {note}.)"));
    }
    job.status.set(Some(outcome));
    if let (Some(source), true) = (source, snapshot_bytes > 0.0) {
        let documents = job.engine.with_untracked(|e| e.corpus().documents.len());
        saved_corpus::keep_after_load(source, documents, job.status);
    }
    // Figures for benchmarks and tests: window.__borderlines_load.
    let out = object();
    set(&out, "worker", !inline);
    set(&out, "total_ms", now_ms() - job.started);
    set(&out, "worker_ms", get_f64(data, "worker_ms"));
    set(&out, "sent_ms", SENT_AT.get() - job.started);
    // The loader's phases: reading and parsing files (io: of which
    // reading bytes in the loader), indexing and extracting each new
    // document as it came, gathering what spans documents (build), writing
    // the snapshot.
    for phase in [
        "read_ms",
        "io_ms",
        "index_ms",
        "build_ms",
        "snapshot_ms",
        "memory_bytes",
        "helped",
        "helper_wait_ms",
    ] {
        set(&out, phase, get_f64(data, phase));
    }
    // The page's own wasm memory (it only grows: its peak).
    let page_memory = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<ArrayBuffer>().ok())
        .map_or(0.0, |b| f64::from(b.byte_length()));
    set(&out, "page_memory_bytes", page_memory);
    set(&out, "open_ms", figures.total_ms);
    set(&out, "open_longest_slice_ms", figures.longest_slice_ms);
    set(&out, "open_slices", figures.slices);
    set(&out, "snapshot_bytes", snapshot_bytes);
    set(&js_sys::global(), "__borderlines_load", out);
}
