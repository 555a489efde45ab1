//! The worker's side: reads the files of a job, adds them with
//! `borderlines_core::load::add_files`, builds the engine (index and
//! extraction) and posts its snapshot back.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use borderlines_core::load::add_files;
use borderlines_core::text::strip_bidi_controls;
use borderlines_core::{Corpus, CorpusBundle};
use borderlines_engine::Engine;
use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

use super::protocol::{get, get_f64, get_str, object, set};
use crate::corpus::embedded_snapshot;

/// Installs the worker's message handler and says it is ready. Called by
/// the worker's boot code right after `initSync`.
pub fn worker_main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let state: Rc<RefCell<Option<Engine>>> = Rc::default();
    // The job being received: its id and files so far.
    let mut pending: Option<(f64, Vec<File>)> = None;
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        let id = get_f64(&data, "id");
        let result = match get_str(&data, "kind").as_str() {
            "job" => {
                pending = Some((id, Vec::new()));
                set_base(&state, &get(&data, "base"))
            }
            "files" => {
                if let (Some((job, files)), Ok(list)) =
                    (pending.as_mut(), get(&data, "files").dyn_into::<Array>())
                {
                    if *job == id {
                        files.extend(list.iter().map(|f| f.unchecked_into::<File>()));
                    }
                }
                Ok(())
            }
            "run" => match pending.take() {
                Some((job, files)) if job == id => run_job(&reply_to, &state, files, id),
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

struct Progress<'a> {
    scope: &'a DedicatedWorkerGlobalScope,
    id: f64,
    total: u32,
    total_bytes: f64,
    last: f64,
}

impl Progress<'_> {
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
        set(&msg, "total_bytes", self.total_bytes);
        set(&msg, "current", current);
        set(&msg, "phase", phase);
        let _ = self.scope.post_message(&msg);
    }
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

fn run_job(
    scope: &DedicatedWorkerGlobalScope,
    state: &RefCell<Option<Engine>>,
    files: Vec<File>,
    id: f64,
) -> Result<(), String> {
    let started = now();
    let mut progress = Progress {
        scope,
        id,
        total: files.len() as u32,
        total_bytes: files.iter().map(|f| f.size()).sum(),
        last: 0.0,
    };
    let reader = FileReaderSync::new().map_err(|e| format!("{e:?}"))?;
    let mut unreadable: Vec<(String, String)> = Vec::new();
    let mut bytes_done = 0.0;
    let guard = state.borrow();
    let current = guard
        .as_ref()
        .ok_or_else(|| "the loader has no corpus".to_owned())?;
    let read = files.iter().enumerate().filter_map(|(i, file)| {
        let name = file.name();
        progress.post(i as u32, bytes_done, &name, "reading", i == 0);
        bytes_done += file.size();
        match reader.read_as_array_buffer(file) {
            Ok(buffer) => Some((name, Uint8Array::new(&buffer).to_vec())),
            Err(e) => {
                unreadable.push((
                    strip_bidi_controls(&name).into_owned(),
                    format!("could not be read ({e:?})"),
                ));
                None
            }
        }
    });
    let (corpus, report) = add_files(current.corpus(), read);
    drop(guard);
    let done = object();
    set(&done, "kind", "done");
    set(&done, "id", id);
    set(&done, "added", report.added.len() as u32);
    let transfer = Array::new();
    if !report.added.is_empty() {
        let n = corpus.documents.len();
        progress.post(
            progress.total,
            progress.total_bytes,
            &format!("{n} documents"),
            "indexing",
            true,
        );
        let engine = Engine::build(Arc::new(corpus));
        let bytes = engine.to_snapshot().map_err(|e| e.to_string())?;
        let buffer = Uint8Array::from(bytes.as_slice()).buffer();
        drop(bytes);
        set(&done, "snapshot", &buffer);
        transfer.push(&buffer);
        *state.borrow_mut() = Some(engine);
    }
    let skipped = Array::new();
    for (name, why) in report.skipped.into_iter().chain(unreadable) {
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
