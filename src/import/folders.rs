//! The files of a drop, folders included: each dropped item's entry
//! (`DataTransferItem.webkitGetAsEntry`, which must be asked during the
//! drop event itself) is walked after the event, folder by folder, keeping
//! only files of a type Borderlines reads (hidden files and other types are
//! counted, not read), at most [`MAX_FILES`] files and [`MAX_DEPTH`] folders
//! deep. Files dropped on their own are all kept, so that a file of another
//! type is told why it was not added.

use borderlines_core::load::is_offered_name;
use js_sys::{Array, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransfer, File, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry};

use crate::components::plural;

/// Most files taken from one drop.
pub const MAX_FILES: usize = 20_000;
/// Deepest folder read, counting the dropped folder as 1.
pub const MAX_DEPTH: usize = 16;

/// What was dropped, read when the drop event fires.
pub struct Dropped {
    entries: Vec<FileSystemEntry>,
    loose: Vec<File>,
}

impl Dropped {
    /// The items of a drop's `DataTransfer`; files without an entry (a
    /// browser without `webkitGetAsEntry`) are taken as they are.
    pub fn of(data: &DataTransfer) -> Dropped {
        let mut dropped = Dropped {
            entries: Vec::new(),
            loose: Vec::new(),
        };
        let items = data.items();
        for i in 0..items.length() {
            let Some(item) = items.get(i) else { continue };
            if item.kind() != "file" {
                continue;
            }
            match item.webkit_get_as_entry() {
                Ok(Some(entry)) => dropped.entries.push(entry),
                _ => {
                    if let Ok(Some(file)) = item.get_as_file() {
                        dropped.loose.push(file);
                    }
                }
            }
        }
        if dropped.entries.is_empty() && dropped.loose.is_empty() {
            if let Some(list) = data.files() {
                dropped.loose = (0..list.length()).filter_map(|i| list.get(i)).collect();
            }
        }
        dropped
    }
}

/// Walks a drop: its files, and a note on what was left out (`None` when
/// nothing was).
pub async fn files_of_drop(dropped: Dropped) -> (Vec<File>, Option<String>) {
    let mut files = dropped.loose;
    let mut left_out = 0usize;
    let mut too_deep = 0usize;
    let mut over = false;
    // Depth-first in name order: (entry, depth), the next one last.
    let mut stack: Vec<(FileSystemEntry, usize)> =
        dropped.entries.into_iter().rev().map(|e| (e, 0)).collect();
    while let Some((entry, depth)) = stack.pop() {
        if files.len() >= MAX_FILES {
            over = true;
            break;
        }
        if entry.is_directory() {
            if depth >= MAX_DEPTH {
                too_deep += 1;
                continue;
            }
            let mut children = read_folder(entry.unchecked_ref()).await;
            children.sort_by_key(|e| std::cmp::Reverse(e.name()));
            stack.extend(children.into_iter().map(|e| (e, depth + 1)));
        } else if entry.is_file() {
            let name = entry.name();
            // Inside a folder, only files of a type we read.
            if depth > 0 && (name.starts_with('.') || !is_offered_name(&name)) {
                left_out += 1;
                continue;
            }
            match file_of(entry.unchecked_ref()).await {
                Some(file) => files.push(file),
                None => left_out += 1,
            }
        }
    }
    let mut notes = Vec::new();
    if left_out > 0 {
        notes.push(format!(
            "{} in the dropped folders {} not of a type Borderlines reads, or hidden, and {} left out.",
            plural(left_out, "file", "files"),
            if left_out == 1 { "was" } else { "were" },
            if left_out == 1 { "was" } else { "were" },
        ));
    }
    if too_deep > 0 {
        notes.push(format!(
            "{} deeper than {MAX_DEPTH} levels {} not read.",
            plural(too_deep, "folder", "folders"),
            if too_deep == 1 { "was" } else { "were" },
        ));
    }
    if over {
        notes.push(format!(
            "Only the first {} files of the drop were read.",
            borderlines_core::text::thousands(MAX_FILES as u64)
        ));
    }
    (files, (!notes.is_empty()).then(|| notes.join(" ")))
}

/// Every entry of a folder (`readEntries` gives them in batches until an
/// empty one); none when it cannot be read.
async fn read_folder(folder: &FileSystemDirectoryEntry) -> Vec<FileSystemEntry> {
    let reader = folder.create_reader();
    let mut all = Vec::new();
    loop {
        let batch = Promise::new(&mut |resolve, reject| {
            if reader
                .read_entries_with_callback_and_callback(&resolve, &reject)
                .is_err()
            {
                let _ = reject.call0(&wasm_bindgen::JsValue::NULL);
            }
        });
        let Ok(batch) = JsFuture::from(batch).await else {
            break;
        };
        let batch: Array = batch.unchecked_into();
        if batch.length() == 0 || all.len() > MAX_FILES {
            break;
        }
        all.extend(batch.iter().map(|e| e.unchecked_into::<FileSystemEntry>()));
    }
    all
}

/// The `File` of a file entry.
async fn file_of(entry: &FileSystemFileEntry) -> Option<File> {
    let file = Promise::new(&mut |resolve, reject| {
        entry.file_with_callback_and_callback(&resolve, &reject);
    });
    JsFuture::from(file).await.ok()?.dyn_into::<File>().ok()
}
