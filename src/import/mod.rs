//! Taking the user's files in, from the file picker or a drop: tables and
//! JSON exports are previewed first (the head of each file, read on the
//! main thread; those inside ZIP archives too) by the loading module
//! (`borderlines_core::formats::preview` there, so the page's own wasm has
//! no table, JSON or ZIP reader),
//! grouped by their columns, and their column → field mapping is shown for
//! the user to check and change ([`crate::components::MappingReview`]); on
//! confirm, every file goes to the loading worker (`crate::load_worker`)
//! with the chosen mappings. Text and Markdown alone go straight there.

mod folders;

use std::cell::RefCell;
use std::sync::Arc;

use borderlines_core::formats::preview::{
    group, is_archive, is_tabular, PreviewGroup, PREVIEW_BYTES,
};
use borderlines_core::load::ChosenMapping;
use borderlines_engine::Engine;
use borderlines_messages::{buffer_of, object, set};
use js_sys::Array;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::File;

pub use folders::{files_of_drop, Dropped};

use crate::components::{plural, LoadOutcome};
use crate::load_worker;

/// Most tables and JSON exports previewed in one add (the rest are read
/// with the mapping chosen for their columns, or the guessed one).
const MAX_PREVIEWED: usize = 100;

/// The mappings waiting for the user's word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Review {
    /// Tables and JSON exports, grouped by their columns.
    pub groups: Vec<PreviewGroup>,
    /// Files of the add in all.
    pub files: usize,
    /// Tables whose head could not be read as a table (their problem is
    /// reported after the import, with the others').
    pub unreadable: usize,
}

thread_local! {
    /// The files of the review on screen (a `File` is not `Send`, so it
    /// stays out of signals).
    static PENDING: RefCell<Vec<File>> = const { RefCell::new(Vec::new()) };
}

/// Where files go in: the engine they are added to, the load status, and
/// the review of mappings on screen (`None`: none).
#[derive(Debug, Clone, Copy)]
pub struct Importer {
    pub engine: RwSignal<Arc<Engine>>,
    pub status: RwSignal<Option<LoadOutcome>>,
    pub review: RwSignal<Option<Review>>,
    /// Said after the outcome of the next load ("3 files of other types in
    /// the folder were left out").
    note: RwSignal<Option<String>>,
}

impl Importer {
    /// A new importer; the note of a finished load is appended to its summary.
    pub fn new(engine: RwSignal<Arc<Engine>>, status: RwSignal<Option<LoadOutcome>>) -> Self {
        let note = RwSignal::new(None::<String>);
        Effect::new(move |_| {
            let finished = status.with(|s| s.as_ref().is_some_and(|s| !s.busy));
            if finished {
                if let Some(note) = note.try_update_untracked(Option::take).flatten() {
                    status.update(|s| {
                        if let Some(s) = s {
                            s.summary.push(' ');
                            s.summary.push_str(&note);
                        }
                    });
                }
            }
        });
        Importer {
            engine,
            status,
            review: RwSignal::new(None),
            note,
        }
    }

    /// Nothing can be added now: files are loading or a review is open.
    pub fn busy(&self) -> bool {
        self.review.with(Option::is_some)
            || self.status.with(|s| s.as_ref().is_some_and(|s| s.busy))
    }

    /// Takes files in: previews the tables among them, or loads them all at
    /// once when there is none. `note` is said after the outcome.
    pub fn take(self, files: Vec<File>, note: Option<String>) {
        if files.is_empty() {
            if let Some(note) = note {
                self.status.set(Some(LoadOutcome::failed(format!(
                    "No document added. {note}"
                ))));
            }
            return;
        }
        self.note.set(note);
        let tables: Vec<File> = files
            .iter()
            .filter(|f| is_tabular(&f.name()))
            .take(MAX_PREVIEWED)
            .cloned()
            .collect();
        let archives: Vec<File> = files
            .iter()
            .filter(|f| is_archive(&f.name()))
            .cloned()
            .collect();
        if tables.is_empty() && archives.is_empty() {
            self.load(files, Vec::new());
            return;
        }
        let what = match (tables.len(), archives.len()) {
            (t, 0) => plural(t, "table", "tables"),
            (0, a) => format!("the tables in {}", plural(a, "archive", "archives")),
            (t, a) => format!(
                "{} and of the tables in {}",
                plural(t, "table", "tables"),
                plural(a, "archive", "archives")
            ),
        };
        self.status.set(Some(LoadOutcome::progress(
            format!("Reading the columns of {what}…"),
            (0.0, (tables.len() + archives.len()) as f64),
        )));
        let total = files.len();
        PENDING.set(files);
        spawn_local(async move {
            // Loose tables go as their head, archives whole: the loading
            // module reads both (the page carries no table or ZIP reader).
            let items = Array::new();
            let mut unread = 0;
            for file in &tables {
                match head_of(file).await {
                    Some((bytes, complete)) => {
                        let item = object();
                        set(&item, "name", file.name());
                        set(&item, "bytes", buffer_of(&bytes));
                        set(&item, "complete", complete);
                        items.push(&item);
                    }
                    None => unread += 1,
                }
            }
            for archive in &archives {
                items.push(archive);
            }
            let (previews, unreadable) = load_worker::preview(items).await;
            let unreadable = unread + unreadable;
            self.status.set(None);
            let groups = group(previews);
            if groups.is_empty() {
                // Nothing to map: each table's problem is told after the load.
                let files = PENDING.take();
                self.load(files, Vec::new());
                return;
            }
            self.review.set(Some(Review {
                groups,
                files: total,
                unreadable,
            }));
        });
    }

    /// The user confirmed the mappings: every pending file is loaded.
    pub fn confirm(self, mappings: Vec<ChosenMapping>) {
        self.review.set(None);
        let files = PENDING.take();
        if !files.is_empty() {
            self.load(files, mappings);
        }
    }

    /// The user cancelled the review: nothing is added.
    pub fn cancel(self) {
        self.review.set(None);
        self.note.set(None);
        PENDING.take();
        self.status.set(Some(LoadOutcome::failed(
            "Cancelled: no document added, the corpus is as it was.".to_owned(),
        )));
    }

    fn load(self, files: Vec<File>, mappings: Vec<ChosenMapping>) {
        load_worker::add(files, mappings, self.engine, self.status);
    }
}

/// The first [`PREVIEW_BYTES`] of a file, and whether that is all of it.
async fn head_of(file: &File) -> Option<(Vec<u8>, bool)> {
    let size = file.size();
    let complete = size <= PREVIEW_BYTES as f64;
    let blob = if complete {
        web_sys::Blob::from(file.clone())
    } else {
        file.slice_with_f64_and_f64(0.0, PREVIEW_BYTES as f64)
            .ok()?
    };
    let bytes = gloo_file::futures::read_as_bytes(&gloo_file::Blob::from(blob))
        .await
        .ok()?;
    Some((bytes, complete))
}
