//! One loading session: the corpus the loader holds between jobs and the
//! job being received. Reads the files of a job, adds them with a
//! `borderlines_core::load::Loader` (text, Markdown, saved web pages, and
//! one document per record of tables and JSON exports, with the mappings
//! the job carries), builds the engine (index and extraction) and posts
//! its snapshot back.

use borderlines_core::load::{with_unique_ids, LoadOptions, Loader};
use borderlines_core::{Corpus, CorpusBundle, Document};
use borderlines_engine::{Engine, EngineBuilder};
use borderlines_extract::batch;
use borderlines_messages::{
    buffer_of, bytes_of, get, get_f64, get_str, mappings_from_js, object, previews_to_js, set,
};
use js_sys::{Array, ArrayBuffer, Function, Object, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, FileReaderSync};

/// Most documents in one message to the helper: small enough that it
/// starts soon, large enough that messages cost little (a batch of the
/// page's 50 files is one message).
const HELPER_BATCH: usize = 256;

/// A job being received: files are read, parsed, indexed and extracted as
/// their messages arrive, while the page is still sending the rest.
struct Pending {
    id: f64,
    loader: Loader,
    /// The corpus added to, until the first new document arrives.
    base: Option<Engine>,
    /// Then the engine being extended, one document at a time.
    builder: Option<EngineBuilder>,
    /// Milliseconds spent indexing and extracting as files arrived.
    index_ms: f64,
    started: f64,
    done: u32,
    bytes: f64,
    /// Milliseconds spent reading, decoding and parsing files.
    read_ms: f64,
    /// Of which: reading the files' bytes (`FileReaderSync`).
    io_ms: f64,
    /// Batches sent to the helper and not answered yet: (first, count).
    extracting: Vec<(usize, usize)>,
    /// When the page asked for the result ("run") while the helper still
    /// had batches: the job finishes when the last answer comes.
    run_asked_at: Option<f64>,
    /// Batches the helper answered, and milliseconds waited for its last
    /// answers after the page asked for the result (figures for benches).
    helped: u32,
    waited_ms: f64,
}

impl Pending {
    /// Indexes and extracts `documents` into the engine being extended.
    /// With a helper, this worker only indexes them and posts them to the
    /// helper to extract (`{kind:"extract", id, first, count, bytes}`,
    /// which the boot code routes to the helper).
    fn index(&mut self, documents: Vec<Document>, helper: Option<&Reply>) {
        if documents.is_empty() {
            return;
        }
        if self.builder.is_none() {
            self.builder = self.base.take().map(EngineBuilder::extending);
        }
        let Some(builder) = self.builder.as_mut() else {
            return;
        };
        let Some(reply) = helper else {
            for doc in documents {
                builder.add(doc);
            }
            return;
        };
        // In slices, so the helper starts on the first while this worker
        // indexes the next (one file can hold thousands: a ZIP, a table).
        let mut documents = documents.into_iter().peekable();
        while documents.peek().is_some() {
            let first = builder.len();
            for doc in documents.by_ref().take(HELPER_BATCH) {
                builder.index_only(doc);
            }
            let count = builder.len() - first;
            let bytes = batch::encode_documents(builder.documents(first..first + count));
            let buffer = buffer_of(&bytes);
            drop(bytes);
            let msg = object();
            set(&msg, "kind", "extract");
            set(&msg, "id", self.id);
            set(&msg, "first", first as f64);
            set(&msg, "count", count as f64);
            set(&msg, "bytes", &buffer);
            // Not posted: those documents are extracted at finish instead.
            if reply.post(&msg, &Array::of1(&buffer)).is_ok() {
                self.extracting.push((first, count));
            }
        }
    }

    /// Takes the helper's answer for the batch at `first`. A damaged or
    /// unknown answer is dropped: those documents are extracted at finish.
    fn extracted(&mut self, first: usize, count: usize, bytes: &JsValue) {
        let Some(at) = self.extracting.iter().position(|&b| b == (first, count)) else {
            return;
        };
        self.extracting.swap_remove(at);
        self.helped += 1;
        let bytes = bytes_of(bytes).unwrap_or_default();
        if let (Some(builder), Ok(insights)) =
            (self.builder.as_mut(), batch::decode_insights(&bytes, count))
        {
            builder.set_insights(first, insights);
        }
    }

    /// The corpus as it was before this job, if nothing was added yet.
    fn into_engine(self) -> Option<Engine> {
        self.base
    }
}

/// Where replies go: `post(message, transfer)` (the worker's `postMessage`,
/// or the page's handler when the loader runs on the main thread).
struct Reply<'a>(&'a Function);

impl Reply<'_> {
    fn post(&self, msg: &Object, transfer: &Array) -> Result<(), String> {
        self.0
            .call2(&JsValue::NULL, msg, transfer)
            .map(drop)
            .map_err(|e| format!("{e:?}"))
    }
}

/// The loader's state between messages: the engine it built last (the
/// next job on the same corpus sends no snapshot) and the job in progress.
#[wasm_bindgen]
#[derive(Default)]
pub struct Session {
    engine: Option<Engine>,
    pending: Option<Pending>,
    progress: Progress,
    /// A helper worker extracts what this one indexes (the boot code says
    /// so with `{kind:"helper", ready}`; see [`borderlines_extract::batch`]).
    helper: bool,
}

#[wasm_bindgen]
impl Session {
    /// A session with no corpus yet (the first job carries one).
    #[wasm_bindgen(constructor)]
    pub fn new() -> Session {
        Session::default()
    }

    /// Handles one message from the page; replies go to
    /// `post(message, transfer)`. Never throws: a failure is an `error`
    /// reply naming the job.
    pub fn handle(&mut self, data: JsValue, post: &Function) {
        let reply = Reply(post);
        let id = get_f64(&data, "id");
        let kind = get_str(&data, "kind");
        if matches!(kind.as_str(), "job" | "keep" | "remove") {
            // A new job replaces one not run (the page moved on): the corpus
            // that one held comes back, unless it had added to it already.
            if let Some(engine) = self.pending.take().and_then(Pending::into_engine) {
                self.engine = Some(engine);
            }
        }
        let result = match kind.as_str() {
            "job" => self.start_job(id, &data),
            "files" => match (
                self.pending.as_mut().filter(|p| p.id == id),
                get(&data, "files").dyn_into::<Array>(),
            ) {
                (Some(job), Ok(list)) => {
                    let started = now();
                    let helper = self.helper.then_some(&reply);
                    let read = read_files(job, &mut self.progress, &reply, list, helper);
                    job.read_ms += now() - started;
                    let started = now();
                    let documents = job.loader.take_documents();
                    job.index(documents, self.helper.then_some(&reply));
                    job.index_ms += now() - started;
                    read
                }
                _ => Ok(()),
            },
            // A helper worker: extracts a batch this worker indexed…
            "extract" => self.extract_for_helper(&reply, id, &data),
            // …and this worker takes its answer.
            "extracted" => match self.pending.as_mut().filter(|p| p.id == id) {
                Some(job) => {
                    let started = now();
                    job.extracted(
                        get_f64(&data, "first") as usize,
                        get_f64(&data, "count") as usize,
                        &get(&data, "bytes"),
                    );
                    job.index_ms += now() - started;
                    self.finish_if_asked(&reply)
                }
                None => Ok(()),
            },
            "helper" => {
                self.helper = get(&data, "ready").as_bool().unwrap_or(false);
                if !self.helper {
                    // Gone: what it had is extracted here, at finish.
                    if let Some(job) = self.pending.as_mut() {
                        job.extracting.clear();
                    }
                }
                self.finish_if_asked(&reply)
            }
            "keep" => self
                .set_base(&get(&data, "base"))
                .and_then(|()| self.keep_documents(&reply, id, &get(&data, "documents"))),
            "remove" => self
                .set_base(&get(&data, "base"))
                .and_then(|()| self.remove_documents(&reply, id, &get(&data, "ids"))),
            "preview" => previews(&reply, id, &get(&data, "files")),
            "export" => self.export(&reply, id, &data),
            "run" => match self.pending.take() {
                Some(mut job) if job.id == id && !job.extracting.is_empty() => {
                    // The helper still extracts: finish on its last answer.
                    job.run_asked_at = Some(now());
                    let total = self.progress.total;
                    self.progress
                        .post(&reply, total, 0.0, "the last documents", "indexing", true);
                    self.pending = Some(job);
                    Ok(())
                }
                Some(job) if job.id == id => self.finish_job(&reply, job),
                other => {
                    // Another job's: its corpus stays the loader's.
                    if let Some(job) = other {
                        self.engine = job.into_engine();
                    }
                    Err("the loader lost the files of this job; try again".into())
                }
            },
            _ => Ok(()),
        };
        if let Err(message) = result {
            let msg = object();
            set(&msg, "kind", "error");
            set(&msg, "id", id);
            set(&msg, "message", message);
            let _ = reply.post(&msg, &Array::new());
        }
    }
}

impl Session {
    /// Finishes the job the page asked for once the helper has answered
    /// every batch (or is gone).
    fn finish_if_asked(&mut self, reply: &Reply) -> Result<(), String> {
        match self.pending.take() {
            Some(mut job) if job.extracting.is_empty() && job.run_asked_at.is_some() => {
                job.waited_ms = now() - job.run_asked_at.unwrap_or_default();
                self.finish_job(reply, job)
            }
            other => {
                self.pending = other;
                Ok(())
            }
        }
    }

    /// As the helper: extracts the documents of `data` (see
    /// [`borderlines_extract::batch`]) and posts their insights back.
    fn extract_for_helper(&self, reply: &Reply, id: f64, data: &JsValue) -> Result<(), String> {
        let bytes =
            bytes_of(&get(data, "bytes")).ok_or("the documents to extract were not sent")?;
        let answer = batch::extract_encoded(&bytes).map_err(|e| e.to_string())?;
        drop(bytes);
        let buffer = buffer_of(&answer);
        drop(answer);
        let msg = object();
        set(&msg, "kind", "extracted");
        set(&msg, "id", id);
        set(&msg, "first", get(data, "first"));
        set(&msg, "count", get(data, "count"));
        set(&msg, "bytes", &buffer);
        reply.post(&msg, &Array::of1(&buffer))
    }

    /// Writes the export `data` asks for (its "form": "jsonl", "csv" or
    /// "insights"; its "docs": document numbers) from the page's corpus
    /// (its "base", as for a job) and posts it back as bytes, transferred,
    /// so a 14,000-document corpus never freezes the page while it is
    /// written (0.8–2 s on the main thread).
    fn export(&mut self, reply: &Reply, id: f64, data: &JsValue) -> Result<(), String> {
        if self.pending.is_some() {
            return Err("the loader is adding files; try again when it is done".into());
        }
        self.set_base(&get(data, "base"))?;
        let engine = self.engine.as_ref().ok_or("the loader has no corpus")?;
        let docs = js_sys::Uint32Array::new(&get(data, "docs")).to_vec();
        let text =
            borderlines_engine::corpus_export::export_file(engine, &docs, &get_str(data, "form"))?;
        let buffer = buffer_of(text.as_bytes());
        drop(text);
        let msg = object();
        set(&msg, "kind", "exported");
        set(&msg, "id", id);
        set(&msg, "bytes", &buffer);
        reply.post(&msg, &Array::of1(&buffer))
    }

    fn start_job(&mut self, id: f64, data: &JsValue) -> Result<(), String> {
        self.set_base(&get(data, "base"))?;
        let base = self.engine.take().ok_or("the loader has no corpus")?;
        let options = LoadOptions {
            mappings: mappings_from_js(&get(data, "mappings")),
            ..LoadOptions::default()
        };
        self.pending = Some(Pending {
            id,
            loader: Loader::new(base.corpus(), options),
            base: Some(base),
            builder: None,
            index_ms: 0.0,
            started: now(),
            done: 0,
            bytes: 0.0,
            read_ms: 0.0,
            io_ms: 0.0,
            extracting: Vec::new(),
            run_asked_at: None,
            helped: 0,
            waited_ms: 0.0,
        });
        self.progress = Progress {
            id,
            total: get_f64(data, "total") as u32,
            last: 0.0,
        };
        Ok(())
    }

    /// Opens the corpus a job adds to: `"keep"`, `"empty"` or a snapshot.
    fn set_base(&mut self, base: &JsValue) -> Result<(), String> {
        if base.as_string().is_some_and(|b| b == "empty") {
            self.engine = Some(Engine::build(std::sync::Arc::default()));
        } else if base.as_string().is_some() {
            if self.engine.is_none() {
                return Err("the loader lost its corpus; try again".into());
            }
        } else if base.is_instance_of::<ArrayBuffer>() {
            let bytes = bytes_of(base).unwrap_or_default();
            self.engine = Some(Engine::from_snapshot(&bytes).map_err(|e| e.to_string())?);
        }
        Ok(())
    }

    /// Keeps `engine` as the corpus for the next job and attaches its
    /// snapshot to the `done` message (transferred, not copied).
    fn keep_and_attach(
        &mut self,
        engine: Engine,
        done: &Object,
        transfer: &Array,
    ) -> Result<(), String> {
        let engine = self.engine.insert(engine);
        let started = now();
        let bytes = engine.to_snapshot().map_err(|e| e.to_string())?;
        set(done, "snapshot_ms", now() - started);
        let buffer = buffer_of(&bytes);
        drop(bytes);
        set(done, "snapshot", &buffer);
        transfer.push(&buffer);
        Ok(())
    }

    /// Adds parsed documents (duplicates the user chose to keep, as a corpus
    /// bundle) to the corpus, builds the engine and posts its snapshot.
    fn keep_documents(&mut self, reply: &Reply, id: f64, bundle: &JsValue) -> Result<(), String> {
        let started = now();
        let bytes = bytes_of(bundle).ok_or("the documents to keep were not sent")?;
        let documents = CorpusBundle::from_bytes(&bytes)
            .map_err(|e| e.to_string())?
            .corpus
            .documents;
        let base = self.engine.take().ok_or("the loader has no corpus")?;
        let documents = with_unique_ids(base.corpus(), documents);
        let done = object();
        set(&done, "kind", "done");
        set(&done, "id", id);
        set(&done, "added", documents.len() as u32);
        set(&done, "skipped", Array::new());
        let transfer = Array::new();
        self.keep_and_attach(base.extend(documents), &done, &transfer)?;
        set(&done, "worker_ms", now() - started);
        reply.post(&done, &transfer)
    }

    /// Removes the documents with the ids listed, and posts the snapshot.
    fn remove_documents(&mut self, reply: &Reply, id: f64, ids: &JsValue) -> Result<(), String> {
        let started = now();
        let ids: Vec<String> = ids
            .dyn_ref::<Array>()
            .ok_or("the documents to remove were not named")?
            .iter()
            .filter_map(|v| v.as_string())
            .collect();
        let base = self.engine.take().ok_or("the loader has no corpus")?;
        let before = base.corpus().documents.len();
        let engine = base.without(&ids.iter().map(String::as_str).collect());
        let done = object();
        set(&done, "kind", "done");
        set(&done, "id", id);
        set(&done, "added", 0);
        set(
            &done,
            "removed",
            (before - engine.corpus().documents.len()) as u32,
        );
        set(&done, "skipped", Array::new());
        let transfer = Array::new();
        self.keep_and_attach(engine, &done, &transfer)?;
        set(&done, "worker_ms", now() - started);
        reply.post(&done, &transfer)
    }

    /// Builds the engine with the job's new documents and posts its snapshot.
    fn finish_job(&mut self, reply: &Reply, mut job: Pending) -> Result<(), String> {
        let (id, started, read_ms, io_ms) = (job.id, job.started, job.read_ms, job.io_ms);
        let loader = std::mem::replace(
            &mut job.loader,
            Loader::new(&Corpus::default(), LoadOptions::default()),
        );
        let (documents, report) = loader.finish();
        let indexing = now();
        // The last documents are extracted here: the helper's answer would
        // come no sooner.
        job.index(documents, None);
        let done = object();
        set(&done, "kind", "done");
        set(&done, "id", id);
        set(&done, "added", report.added.len() as u32);
        let transfer = Array::new();
        let index_ms = job.index_ms + (now() - indexing);
        match (job.builder, job.base) {
            (Some(builder), _) => {
                let n = report.added.len();
                let total = self.progress.total;
                let what = if n == 1 { "document" } else { "documents" };
                self.progress.post(
                    reply,
                    total,
                    0.0,
                    &format!("{} new {what}", borderlines_core::text::thousands(n as u64)),
                    "indexing",
                    true,
                );
                // The new documents are indexed and extracted already:
                // what spans documents is gathered now.
                let finishing = now();
                let engine = builder.finish();
                set(&done, "index_ms", index_ms);
                set(&done, "build_ms", now() - finishing);
                self.keep_and_attach(engine, &done, &transfer)?;
            }
            // Nothing added: the corpus is as it was.
            (None, base) => self.engine = base,
        }
        set(&done, "read_ms", read_ms);
        set(&done, "io_ms", io_ms);
        set(&done, "memory_bytes", memory_bytes());
        set(&done, "helped", job.helped);
        set(&done, "helper_wait_ms", job.waited_ms);
        let skipped = Array::new();
        for (name, why) in report.skipped {
            skipped.push(&Array::of2(&name.into(), &why.into()));
        }
        set(&done, "skipped", skipped);
        // How each file not in UTF-8 was read ("EUC-KR", "windows-1252"…).
        let encodings = Array::new();
        for (name, encoding) in report.encodings.iter().filter(|(_, e)| e != "UTF-8") {
            encodings.push(&Array::of2(&name.into(), &encoding.into()));
        }
        set(&done, "encodings", encodings);
        if !report.duplicates.is_empty() {
            let bundle = CorpusBundle::new(Corpus {
                documents: report.duplicates,
            })
            .to_bytes()
            .map_err(|e| e.to_string())?;
            let buffer = buffer_of(&bundle);
            set(&done, "duplicates", &buffer);
            transfer.push(&buffer);
        }
        set(&done, "worker_ms", now() - started);
        reply.post(&done, &transfer)
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// The module's linear memory now: wasm memory only grows, so after a job
/// this is the most it used.
fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0.0, |m| {
            m.buffer()
                .dyn_into::<ArrayBuffer>()
                .map_or(0.0, |b| f64::from(b.byte_length()))
        })
}

#[derive(Default)]
struct Progress {
    id: f64,
    total: u32,
    last: f64,
}

impl Progress {
    fn post(
        &mut self,
        reply: &Reply,
        done: u32,
        bytes: f64,
        current: &str,
        phase: &str,
        force: bool,
    ) {
        let t = now();
        if !force && t - self.last < 100.0 {
            return;
        }
        self.last = t;
        let msg = object();
        set(&msg, "kind", "progress");
        set(&msg, "id", self.id);
        set(&msg, "done", done);
        set(&msg, "total", self.total);
        set(&msg, "bytes", bytes);
        set(&msg, "current", current);
        set(&msg, "phase", phase);
        let _ = reply.post(&msg, &Array::new());
    }
}

/// Decodes and parses one message's files: `{name, bytes}` (or `{name,
/// error}`) objects read already — by the worker's boot code, all of a
/// message at once, or by the page on the main thread — or `File`s, read
/// here with `FileReaderSync` (a worker may block).
fn read_files(
    job: &mut Pending,
    progress: &mut Progress,
    reply: &Reply,
    files: Array,
    helper: Option<&Reply>,
) -> Result<(), String> {
    let mut reader = None;
    // Out of the job while files are added, so that an archive's documents
    // can be indexed (and sent to the helper) while the rest of it is read.
    let mut loader = std::mem::replace(
        &mut job.loader,
        Loader::new(&Corpus::default(), LoadOptions::default()),
    );
    for item in files.iter() {
        let (name, size) = match item.dyn_ref::<File>() {
            Some(file) => (file.name(), file.size()),
            None => {
                let bytes = get(&item, "bytes");
                let size = bytes
                    .dyn_ref::<ArrayBuffer>()
                    .map_or(0.0, |b| f64::from(b.byte_length()));
                (get_str(&item, "name"), size)
            }
        };
        progress.post(reply, job.done, job.bytes, &name, "reading", job.done == 0);
        job.done += 1;
        job.bytes += size;
        let io_started = now();
        let read = match item.dyn_ref::<File>() {
            Some(file) => {
                // No early return: the loader must go back into the job.
                if reader.is_none() {
                    reader = FileReaderSync::new().ok();
                }
                reader
                    .as_ref()
                    .map(|r| r.read_as_array_buffer(file))
                    .unwrap_or_else(|| Err("no FileReaderSync in this worker".into()))
                    .map_err(|e| format!("{e:?}"))
            }
            None => get(&item, "bytes").dyn_into::<ArrayBuffer>().map_err(|_| {
                let why = get_str(&item, "error");
                if why.is_empty() {
                    "its bytes were not sent".to_owned()
                } else {
                    why
                }
            }),
        };
        job.io_ms += now() - io_started;
        match read {
            Ok(buffer) => {
                loader.add_streaming(name, Uint8Array::new(&buffer).to_vec(), &mut |docs| {
                    job.index(docs, helper)
                })
            }
            Err(e) => loader.skip(&name, format!("could not be read ({e})")),
        }
    }
    job.loader = loader;
    Ok(())
}

/// Most tables of one add previewed for the mapping review (loose ones
/// first, then those inside archives).
const MAX_PREVIEWS: usize = 100;

/// Replies `{kind:"previews", id, previews, unreadable}` for the mapping
/// review, before anything is imported: `previews` (`[(name, Preview)]` as
/// postcard bytes, see `borderlines_messages`) has the tables and JSON
/// exports among `files` and inside its ZIP archives; `unreadable` counts
/// the loose tables whose head could not be read as a table (their problem
/// is reported after the import). `files` are `{name, bytes, complete?}`
/// items: a loose table's head as the page read it (`complete`: the whole
/// file), an archive read whole by the worker's boot code or the page.
fn previews(reply: &Reply, id: f64, files: &JsValue) -> Result<(), String> {
    use borderlines_core::formats::preview::{
        archive_previews, is_archive, preview, PREVIEW_BYTES,
    };
    let mut previews = Vec::new();
    let mut unreadable = 0u32;
    if let Some(files) = files.dyn_ref::<Array>() {
        for item in files.iter() {
            let left = MAX_PREVIEWS.saturating_sub(previews.len());
            let name = get_str(&item, "name");
            let Some(bytes) = bytes_of(&get(&item, "bytes")) else {
                unreadable += u32::from(!is_archive(&name));
                continue;
            };
            if is_archive(&name) {
                previews.extend(archive_previews(&name, &bytes, left));
            } else if left > 0 {
                let complete = get(&item, "complete").as_bool().unwrap_or(true)
                    && bytes.len() <= PREVIEW_BYTES;
                let head = &bytes[..bytes.len().min(PREVIEW_BYTES)];
                match preview(&name, head, complete) {
                    Ok(p) => previews.push((name, p)),
                    Err(_) => unreadable += 1,
                }
            }
        }
    }
    let msg = object();
    set(&msg, "kind", "previews");
    set(&msg, "id", id);
    set(&msg, "previews", previews_to_js(&previews));
    set(&msg, "unreadable", unreadable);
    reply.post(&msg, &Array::new())
}
