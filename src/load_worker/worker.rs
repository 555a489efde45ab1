//! The worker's side: reads the files of a job, adds them with a
//! `borderlines_core::load::Loader` (text, Markdown, and one document per
//! record of tables and JSON exports, with the mappings the job carries),
//! builds the engine (index and extraction) and posts its snapshot back.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use borderlines_core::load::{add_documents, LoadOptions, Loader};
use borderlines_core::{Corpus, CorpusBundle};
use borderlines_engine::Engine;
use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

use super::protocol::{get, get_f64, get_str, mappings_from_js, object, set};
use crate::corpus::embedded_snapshot;

/// A job being received: files are read and parsed as their messages
/// arrive, while the page is still sending the rest.
struct Pending {
    id: f64,
    loader: Loader,
    started: f64,
    done: u32,
    bytes: f64,
}

/// Installs the worker's message handler and says it is ready. Called by
/// the worker's boot code right after `initSync`.
pub fn worker_main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let state: Rc<RefCell<Option<Engine>>> = Rc::default();
    let mut pending: Option<Pending> = None;
    let mut progress = Progress {
        scope: scope.clone(),
        id: 0.0,
        total: 0,
        last: 0.0,
    };
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        let id = get_f64(&data, "id");
        let result = match get_str(&data, "kind").as_str() {
            "job" => set_base(&state, &get(&data, "base")).and_then(|()| {
                let guard = state.borrow();
                let base = guard.as_ref().ok_or("the loader has no corpus")?;
                let options = LoadOptions {
                    mappings: mappings_from_js(&get(&data, "mappings")),
                    ..LoadOptions::default()
                };
                pending = Some(Pending {
                    id,
                    loader: Loader::new(base.corpus(), options),
                    started: now(),
                    done: 0,
                    bytes: 0.0,
                });
                progress = Progress {
                    scope: reply_to.clone(),
                    id,
                    total: get_f64(&data, "total") as u32,
                    last: 0.0,
                };
                Ok(())
            }),
            "files" => {
                if let (Some(job), Ok(list)) = (
                    pending.as_mut().filter(|p| p.id == id),
                    get(&data, "files").dyn_into::<Array>(),
                ) {
                    read_files(job, &mut progress, list)
                } else {
                    Ok(())
                }
            }
            "keep" => set_base(&state, &get(&data, "base"))
                .and_then(|()| keep_documents(&reply_to, &state, id, &get(&data, "documents"))),
            "run" => match pending.take() {
                Some(job) if job.id == id => finish_job(&reply_to, &state, job, &mut progress),
                _ => Err("the loader lost the files of this job; try again".into()),
            },
            _ => Ok(()),
        };
        if let Err(message) = result {
            let msg = object();
            set(&msg, "kind", "error");
            set(&msg, "id", id);
            set(&msg, "message", message);
            let _ = reply_to.post_message(&msg);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = object();
    set(&ready, "kind", "ready");
    let _ = scope.post_message(&ready);
}

fn now() -> f64 {
    js_sys::Date::now()
}

struct Progress {
    scope: DedicatedWorkerGlobalScope,
    id: f64,
    total: u32,
    last: f64,
}

impl Progress {
    fn post(&mut self, done: u32, bytes: f64, current: &str, phase: &str, force: bool) {
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
        let _ = self.scope.post_message(&msg);
    }
}

/// Reads, decodes and parses one message's files (`FileReaderSync`: the
/// worker may block).
fn read_files(job: &mut Pending, progress: &mut Progress, files: Array) -> Result<(), String> {
    let reader = FileReaderSync::new().map_err(|e| format!("{e:?}"))?;
    for file in files.iter() {
        let file: File = file.unchecked_into();
        let name = file.name();
        progress.post(job.done, job.bytes, &name, "reading", job.done == 0);
        job.done += 1;
        job.bytes += file.size();
        match reader.read_as_array_buffer(&file) {
            Ok(buffer) => job.loader.add(name, Uint8Array::new(&buffer).to_vec()),
            Err(e) => job.loader.skip(&name, format!("could not be read ({e:?})")),
        }
    }
    Ok(())
}

/// Opens the corpus a job adds to: "embedded", "keep" or a snapshot.
fn set_base(state: &RefCell<Option<Engine>>, base: &JsValue) -> Result<(), String> {
    if let Some(which) = base.as_string() {
        if which == "embedded" {
            let engine = Engine::from_snapshot(embedded_snapshot()).map_err(|e| e.to_string())?;
            *state.borrow_mut() = Some(engine);
        } else if state.borrow().is_none() {
            return Err("the loader lost its corpus; try again".into());
        }
    } else if base.is_instance_of::<ArrayBuffer>() {
        let bytes = Uint8Array::new(base).to_vec();
        let engine = Engine::from_snapshot(&bytes).map_err(|e| e.to_string())?;
        *state.borrow_mut() = Some(engine);
    }
    Ok(())
}

/// Keeps `engine` as the worker's corpus for the next job and attaches its
/// snapshot to the `done` message (transferred, not copied).
fn keep_and_attach(
    state: &RefCell<Option<Engine>>,
    engine: Engine,
    done: &js_sys::Object,
    transfer: &Array,
) -> Result<(), String> {
    let bytes = engine.to_snapshot().map_err(|e| e.to_string())?;
    let buffer = Uint8Array::from(bytes.as_slice()).buffer();
    drop(bytes);
    set(done, "snapshot", &buffer);
    transfer.push(&buffer);
    *state.borrow_mut() = Some(engine);
    Ok(())
}

/// Adds parsed documents (duplicates the user chose to keep, as a corpus
/// bundle) to the worker's corpus, builds the engine and posts its snapshot.
fn keep_documents(
    scope: &DedicatedWorkerGlobalScope,
    state: &RefCell<Option<Engine>>,
    id: f64,
    bundle: &JsValue,
) -> Result<(), String> {
    let started = now();
    let bytes = bundle
        .dyn_ref::<ArrayBuffer>()
        .map(|b| Uint8Array::new(b).to_vec())
        .ok_or("the documents to keep were not sent")?;
    let documents = CorpusBundle::from_bytes(&bytes)
        .map_err(|e| e.to_string())?
        .corpus
        .documents;
    let (corpus, ids) = {
        let guard = state.borrow();
        let base = guard.as_ref().ok_or("the loader has no corpus")?;
        add_documents(base.corpus(), documents)
    };
    let done = object();
    set(&done, "kind", "done");
    set(&done, "id", id);
    set(&done, "added", ids.len() as u32);
    set(&done, "skipped", Array::new());
    let transfer = Array::new();
    keep_and_attach(state, Engine::build(Arc::new(corpus)), &done, &transfer)?;
    set(&done, "worker_ms", now() - started);
    scope
        .post_message_with_transfer(&done, &transfer)
        .map_err(|e| format!("{e:?}"))
}

/// Builds the engine with the job's new documents and posts its snapshot.
fn finish_job(
    scope: &DedicatedWorkerGlobalScope,
    state: &RefCell<Option<Engine>>,
    job: Pending,
    progress: &mut Progress,
) -> Result<(), String> {
    let (id, started) = (job.id, job.started);
    let (documents, report) = job.loader.finish();
    let corpus = if documents.is_empty() {
        None
    } else {
        let guard = state.borrow();
        let base = guard.as_ref().ok_or("the loader has no corpus")?;
        let mut corpus = Corpus::clone(base.corpus());
        corpus.documents.extend(documents);
        Some(corpus)
    };
    let done = object();
    set(&done, "kind", "done");
    set(&done, "id", id);
    set(&done, "added", report.added.len() as u32);
    let transfer = Array::new();
    if let Some(corpus) = corpus {
        let n = corpus.documents.len();
        progress.post(
            progress.total,
            0.0,
            &format!("{} documents", borderlines_core::text::thousands(n as u64)),
            "indexing",
            true,
        );
        keep_and_attach(state, Engine::build(Arc::new(corpus)), &done, &transfer)?;
    }
    let skipped = Array::new();
    for (name, why) in report.skipped {
        skipped.push(&Array::of2(&name.into(), &why.into()));
    }
    set(&done, "skipped", skipped);
    if !report.duplicates.is_empty() {
        let bundle = CorpusBundle::new(Corpus {
            documents: report.duplicates,
        })
        .to_bytes()
        .map_err(|e| e.to_string())?;
        let buffer = Uint8Array::from(bundle.as_slice()).buffer();
        set(&done, "duplicates", &buffer);
        transfer.push(&buffer);
    }
    set(&done, "worker_ms", now() - started);
    scope
        .post_message_with_transfer(&done, &transfer)
        .map_err(|e| format!("{e:?}"))
}
