//! Adding the user's own files to a corpus: checks type and size, decodes
//! any common encoding, strips Markdown heading markers, parses, and gives
//! each document a unique id from its file name. Tables and JSON exports
//! (CSV/TSV, JSON, JSON Lines; see [`crate::formats`]) give one document per
//! record, with the id "file name:line" ("news.csv:12"; for a JSON list,
//! "file name:position") and the metadata the file states
//! ([`crate::FileMetadata`]). Every file, and every record, either becomes a
//! document or is reported with a reason; nothing is dropped silently.
//!
//! ```
//! use borderlines_core::{load::add_files, Corpus};
//! let files = vec![("notes.md".to_owned(), b"# Walls on the Yalu\nNew fences went up along the river this spring.".to_vec()),
//!                  ("scan.pdf".to_owned(), vec![0x25, 0x50])];
//! let (corpus, report) = add_files(&Corpus::default(), files);
//! assert_eq!(corpus.documents[0].title, "Walls on the Yalu");
//! assert_eq!(report.added, ["notes"]);
//! assert!(report.skipped[0].1.contains("plain text"));
//! ```

use std::collections::{HashMap, HashSet};
use std::hash::Hasher;

use crate::document::{Corpus, Document};
use crate::formats::document::document_of;
use crate::formats::FieldMapping;
use crate::parse::parse_document;
use crate::sniff::refuse_binary;
use crate::text::strip_bidi_controls;

/// Largest file read, in bytes (25 MB, counting 1 MB as 1,048,576 bytes, as
/// the size messages do); larger ones are reported, not loaded.
pub const MAX_FILE_BYTES: usize = 25 * MB;

const MB: usize = 1024 * 1024;

/// Most bytes of documents one tab holds: the corpus already there plus
/// the files being added. Indexing takes about 14 bytes of the loading
/// module's memory per byte of text, and a page's WebAssembly memory stops
/// at 4 GB: 200 MB of files (86,946 articles) loaded in Chromium with 2.8 GB
/// in the loader and 1.1 GB on the page; files past the limit are reported
/// and not read, and those before it are kept.
pub const MAX_CORPUS_BYTES: usize = 200 * MB;

/// Longest document id, in characters. An id travels in every link to its
/// document (`#doc=…`), and a link keeps no more than this; longer file
/// names are cut (the title is not), so every document can be opened.
pub const MAX_ID_CHARS: usize = 200;

/// File name extensions read as text (no extension is read as text too).
const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

/// Every file name extension read (tables, JSON exports and, with the
/// `html` feature, saved pages included): what a file picker offers and
/// what is taken from a dropped folder.
pub fn readable_extensions() -> Vec<&'static str> {
    let mut all = TEXT_EXTENSIONS.to_vec();
    all.extend(["csv", "tsv", "tab", "json", "jsonl", "ndjson"]);
    if cfg!(feature = "html") {
        all.extend(["html", "htm", "xhtml", "mhtml", "mht"]);
    }
    if cfg!(feature = "archive") {
        all.push("zip");
    }
    all
}

/// Every extension a loader built with all of this crate's formats reads:
/// what the page offers in its file picker and takes from a dropped
/// folder, because its loading module (`borderlines-loader`) is built with
/// them all, while the page's own code is built without the heavy ones.
pub const OFFERED_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "csv", "tsv", "tab", "json", "jsonl", "ndjson", "html", "htm",
    "xhtml", "mhtml", "mht", "zip",
];

/// Is `name` a file a full loader reads (see [`OFFERED_EXTENSIONS`])?
pub fn is_offered_name(name: &str) -> bool {
    let ext = split_name(name).1.to_lowercase();
    OFFERED_EXTENSIONS.contains(&ext.as_str())
}

/// Is `name` a file [`Loader::add`] reads by its extension? (A name
/// without one is read as text when given, but not taken from a folder.)
pub fn is_readable_name(name: &str) -> bool {
    let ext = split_name(name).1.to_lowercase();
    !ext.is_empty()
        && (TEXT_EXTENSIONS.contains(&ext.as_str())
            || is_record_extension(&ext)
            || (cfg!(feature = "archive") && ext == "zip"))
}

/// What a file of another type is told.
fn reads() -> String {
    let mut what = vec!["plain text", "Markdown", "CSV/TSV", "JSON", "JSON Lines"];
    if cfg!(feature = "html") {
        what.push("saved web pages (HTML, MHTML)");
    }
    if cfg!(feature = "archive") {
        what.push("ZIP archives of these");
    }
    let last = what.pop().unwrap_or_default();
    format!("Borderlines reads {} and {last}", what.join(", "))
}

/// What happened to each file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Ids of the documents added, in order.
    pub added: Vec<String>,
    /// Files not added: (file name, reason for a person).
    pub skipped: Vec<(String, String)>,
    /// Files skipped because their text is already there (also listed in
    /// `skipped`), parsed and ready: [`add_documents`] adds them if the
    /// user asks to keep them after all.
    pub duplicates: Vec<Document>,
    /// (file name, encoding) of every file decoded, in order: how each was
    /// read ("UTF-8", "EUC-KR", …; see [`crate::encoding`]), for the UI to
    /// show.
    pub encodings: Vec<(String, String)>,
}

/// Choices the user makes when adding files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Add a file even when a document with the same text is already there.
    pub keep_duplicates: bool,
    /// Mappings the user chose for tables and JSON exports, in place of the
    /// guessed ones.
    pub mappings: Vec<ChosenMapping>,
}

/// A mapping the user chose for the files with these columns (a table's
/// header; for JSON, the keys of the objects previewed, which the whole
/// file's keys start with).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ChosenMapping {
    pub columns: Vec<String>,
    pub mapping: FieldMapping,
}

impl LoadOptions {
    /// The chosen mapping for a file with `columns`: the one whose columns
    /// they start with (the longest such, when several are).
    pub fn mapping_for(&self, columns: &[String]) -> Option<&FieldMapping> {
        self.mappings
            .iter()
            .filter(|c| !c.columns.is_empty() && columns.starts_with(&c.columns))
            .max_by_key(|c| c.columns.len())
            .map(|c| &c.mapping)
    }
}

/// Returns `corpus` with `files` (name, bytes) appended, and a report;
/// duplicates are skipped (see [`add_files_with`]).
pub fn add_files(
    corpus: &Corpus,
    files: impl IntoIterator<Item = (String, Vec<u8>)>,
) -> (Corpus, LoadReport) {
    add_files_with(corpus, files, LoadOptions::default())
}

/// Returns `corpus` with `files` (name, bytes) appended, and a report. Each
/// file is checked in turn — name, size, binary content, readable text,
/// duplicate — and a bad file never costs the good ones. `files` may be a
/// lazy iterator; to add files as they arrive, use a [`Loader`].
pub fn add_files_with(
    corpus: &Corpus,
    files: impl IntoIterator<Item = (String, Vec<u8>)>,
    options: LoadOptions,
) -> (Corpus, LoadReport) {
    let mut loader = Loader::new(corpus, options);
    for (name, bytes) in files {
        loader.add(name, bytes);
    }
    let (documents, report) = loader.finish();
    let mut out = corpus.clone();
    out.documents.extend(documents);
    (out, report)
}

/// Adds files one at a time to a corpus that is not copied: the page's
/// loading worker parses each batch of files as it arrives and appends the
/// new documents at the end ([`Loader::finish`]). Ids and duplicates are
/// checked against the corpus and the files added so far.
#[derive(Debug)]
pub struct Loader {
    options: LoadOptions,
    /// Ids in use, so each new file's id is checked in O(1), not against
    /// every document (14,000 files made that quadratic).
    taken: HashSet<String>,
    /// Fingerprints of the documents' text.
    seen: HashMap<u64, String>,
    /// Stated addresses of the documents ([`crate::url_key::url_key`]).
    seen_urls: HashMap<String, String>,
    documents: Vec<Document>,
    report: LoadReport,
    /// Bytes held: the corpus added to, then every file read.
    held: usize,
    /// [`MAX_CORPUS_BYTES`] (smaller in tests).
    max_held: usize,
}

impl Loader {
    /// A loader adding to `corpus`.
    pub fn new(corpus: &Corpus, options: LoadOptions) -> Self {
        let taken = corpus.documents.iter().map(|d| d.id.clone()).collect();
        let (seen, seen_urls) = if options.keep_duplicates {
            (HashMap::new(), HashMap::new())
        } else {
            let texts = corpus
                .documents
                .iter()
                .map(|d| (fingerprint(d), d.id.clone()))
                .collect();
            let mut urls = HashMap::new();
            for d in &corpus.documents {
                if let Some(key) = stated_url_key(d) {
                    urls.entry(key).or_insert_with(|| d.id.clone());
                }
            }
            (texts, urls)
        };
        let held = corpus
            .documents
            .iter()
            .map(|d| d.title.len() + d.blocks.iter().map(|b| b.text.len()).sum::<usize>())
            .sum();
        Loader {
            options,
            taken,
            seen,
            seen_urls,
            documents: Vec::new(),
            report: LoadReport::default(),
            held,
            max_held: MAX_CORPUS_BYTES,
        }
    }

    /// Notes a file that could not be read at all (name, reason).
    pub fn skip(&mut self, name: &str, why: String) {
        self.report
            .skipped
            .push((strip_bidi_controls(name).into_owned(), why));
    }

    /// Checks, decodes and parses one file; it becomes a document (one per
    /// record for a table or JSON export) or a reason in the report. Its
    /// bytes are dropped once decoded.
    pub fn add(&mut self, name: String, bytes: Vec<u8>) {
        self.add_to(name, bytes, None);
    }

    /// As [`add`](Self::add), but while a file that holds many documents (a
    /// ZIP archive, a table, a JSON export) is read, the documents read so far are handed to
    /// `ready` every [`STREAM_EVERY`] documents, so that they can be indexed
    /// meanwhile; the rest are taken as usual
    /// ([`take_documents`](Self::take_documents), [`finish`](Self::finish)).
    pub fn add_streaming(
        &mut self,
        name: String,
        bytes: Vec<u8>,
        ready: &mut dyn FnMut(Vec<Document>),
    ) {
        self.add_to(name, bytes, Some(ready));
    }

    #[cfg_attr(not(feature = "archive"), allow(unused_variables))]
    fn add_to(
        &mut self,
        name: String,
        bytes: Vec<u8>,
        ready: Option<&mut dyn FnMut(Vec<Document>)>,
    ) {
        // A file name is a label on screen: no reordering characters in it.
        let name = strip_bidi_controls(&name).into_owned();
        // What one tab holds counts the files that will be read: one of a
        // type not read, or too large, is refused below for its own reason.
        // An archive counts by the files it holds, as each is read (its own
        // bytes are dropped once unpacked).
        let (stem, ext) = split_name(&name);
        let counted = bytes.len() <= MAX_FILE_BYTES
            && (ext.is_empty() || is_readable_name(&name))
            && !ext.eq_ignore_ascii_case("zip");
        if counted && self.held.saturating_add(bytes.len()) > self.max_held {
            let why = over_tab_limit(self.held, self.max_held);
            self.report.skipped.push((name, why));
            return;
        }
        if counted {
            self.held += bytes.len();
        }
        let (stem, ext) = (stem.to_owned(), ext.to_lowercase());
        #[cfg(feature = "archive")]
        if ext == "zip" {
            self.add_archive(name, &bytes, ready);
            return;
        }
        if is_record_extension(&ext) {
            self.add_records(name, &bytes, &ext, ready);
            return;
        }
        let report = &mut self.report;
        if !ext.is_empty() && !TEXT_EXTENSIONS.contains(&ext.as_str()) {
            report.skipped.push((
                name,
                format!("“.{ext}” files are not read yet; {}", reads()),
            ));
            return;
        }
        if bytes.len() > MAX_FILE_BYTES {
            report.skipped.push((name, over_limit(bytes.len())));
            return;
        }
        if let Some(why) = refuse_binary(&bytes) {
            report.skipped.push((name, why.to_owned()));
            return;
        }
        let read = crate::encoding::decode(&bytes);
        drop(bytes);
        report
            .encodings
            .push((name.clone(), read.encoding.to_owned()));
        let mut text = read.text;
        if matches!(ext.as_str(), "md" | "markdown") {
            text = strip_markdown_headings(&text);
        }
        let id = unique_id(&self.taken, &stem);
        match parse_document(&id, &text) {
            Ok(doc) => self.accept(name, doc, ""),
            Err(e) => report.skipped.push((name, e.to_string())),
        }
    }

    /// Every file of a ZIP archive that Borderlines reads, at any depth,
    /// added as if given one by one (named "archive.zip/folder/file.txt");
    /// unpacking is bounded ([`crate::formats::archive::Limits`]) and each
    /// entry that cannot be had is reported with why.
    #[cfg(feature = "archive")]
    fn add_archive(
        &mut self,
        name: String,
        bytes: &[u8],
        mut ready: Option<&mut dyn FnMut(Vec<Document>)>,
    ) {
        use crate::formats::archive;
        let mut entries = match archive::open(bytes, archive::Limits::default(), is_readable_name) {
            Ok(entries) => entries,
            Err(e) => {
                self.report.skipped.push((name, e.to_string()));
                return;
            }
        };
        let mut told = 0usize;
        for (path, read) in entries.by_ref() {
            told += 1;
            let label = if path.is_empty() {
                name.clone()
            } else {
                format!("{name}/{path}")
            };
            match read {
                Ok(_) if split_name(&path).1.eq_ignore_ascii_case("zip") => {
                    self.report.skipped.push((
                        label,
                        "an archive inside an archive is not opened: unpack it first".to_owned(),
                    ))
                }
                Ok(bytes) => self.add(label, bytes),
                Err(e) => self.report.skipped.push((label, e.to_string())),
            }
            self.hand_on(&mut ready);
        }
        if told == 0 && entries.not_read() == 0 {
            self.report
                .skipped
                .push((name, "the archive holds no files".to_owned()));
            return;
        }
        if entries.not_read() > 0 {
            let n = entries.not_read();
            let files = if n == 1 { "file" } else { "files" };
            self.report.skipped.push((
                name,
                format!("{n} other {files} in the archive not read: {}", reads()),
            ));
        }
    }

    /// One document per record of a table or JSON export; the rows or lines
    /// that could not be read are reported, the others kept.
    fn add_records(
        &mut self,
        name: String,
        bytes: &[u8],
        ext: &str,
        mut ready: Option<&mut dyn FnMut(Vec<Document>)>,
    ) {
        let guessed = match parsed_of(&name, bytes, None) {
            Ok(parsed) => parsed,
            Err(e) => {
                self.report.skipped.push((name, e.to_string()));
                return;
            }
        };
        let parsed = match self.options.mapping_for(&guessed.columns) {
            Some(chosen) if *chosen != guessed.mapping => {
                match parsed_of(&name, bytes, Some(chosen)) {
                    Ok(parsed) => parsed,
                    Err(e) => {
                        self.report.skipped.push((name, e.to_string()));
                        return;
                    }
                }
            }
            _ => guessed,
        };
        self.report
            .encodings
            .push((name.clone(), parsed.encoding.to_owned()));
        for problem in parsed.problems {
            self.report
                .skipped
                .push((name.clone(), problem.to_string()));
        }
        let file = name.rsplit(['/', '\\']).next().unwrap_or(&name).trim();
        let place = if ext == "json" { "item" } else { "line" };
        for record in parsed.records {
            let at = format!("{place} {}: ", record.origin);
            let id = unique_id(&self.taken, &format!("{file}:{}", record.origin));
            match document_of(&id, record) {
                Ok(doc) => self.accept(name.clone(), doc, &at),
                Err(_) => self
                    .report
                    .skipped
                    .push((name.clone(), format!("{at}no text and no title"))),
            }
            // A table of thousands of records is handed on as it is turned
            // into documents, as an archive is, so indexing starts meanwhile.
            self.hand_on(&mut ready);
        }
    }

    /// Hands the documents taken so far to `ready` once there are
    /// [`STREAM_EVERY`] of them (a file that holds many, while it is read).
    fn hand_on(&mut self, ready: &mut Option<&mut dyn FnMut(Vec<Document>)>) {
        if let Some(ready) = ready.as_mut() {
            if self.documents.len() >= STREAM_EVERY {
                ready(std::mem::take(&mut self.documents));
            }
        }
    }

    /// Adds a parsed document unless its text, or the address its file
    /// states, is already there; `at` says where in its file it was
    /// ("line 12: "), for the report.
    fn accept(&mut self, name: String, doc: Document, at: &str) {
        let report = &mut self.report;
        if !self.options.keep_duplicates {
            let key = fingerprint(&doc);
            let url = stated_url_key(&doc);
            let same = match (
                self.seen.get(&key),
                url.as_ref().and_then(|u| self.seen_urls.get(u)),
            ) {
                (Some(first), _) => Some(format!("same text as the document “{first}”")),
                (None, Some(first)) => Some(format!("same URL as the document “{first}”")),
                (None, None) => None,
            };
            if let Some(same) = same {
                report
                    .skipped
                    .push((name, format!("{at}{same}: skipped as a duplicate")));
                report.duplicates.push(doc);
                return;
            }
            self.seen.insert(key, doc.id.clone());
            if let Some(url) = url {
                self.seen_urls.insert(url, doc.id.clone());
            }
        }
        self.taken.insert(doc.id.clone());
        report.added.push(doc.id.clone());
        self.documents.push(doc);
    }

    /// Documents added so far.
    pub fn added(&self) -> usize {
        self.report.added.len()
    }

    /// The documents added since the last call, in the order of their
    /// files (for indexing them while the rest still arrive); the report
    /// keeps every id.
    pub fn take_documents(&mut self) -> Vec<Document> {
        std::mem::take(&mut self.documents)
    }

    /// The new documents not taken yet, in the order of their files, and
    /// the report.
    pub fn finish(self) -> (Vec<Document>, LoadReport) {
        (self.documents, self.report)
    }
}

/// Documents handed on at a time while an archive is read
/// ([`Loader::add_streaming`]).
pub const STREAM_EVERY: usize = 256;

/// The work left once every file is read (building the index, the
/// snapshot, opening it in the page), as a share of the reading time. The
/// worker now indexes each batch as it comes and a helper extracts beside
/// it, so little is left at the end: for the 14,491 files of the bench
/// corpus, 3.3 s after 14.8 s of reading and indexing (2026-12-02; it was
/// 5.0 s after 11.5 s, 0.45, when everything was indexed at the end).
const INDEXING_PER_READING: f64 = 0.22;

/// Seconds left to add `total` files when `done` of them were read in
/// `elapsed_ms`: the rest of the reading at the same pace, then what is
/// left after it ([`INDEXING_PER_READING`]). `None` until the pace is
/// known (20 files and 2 seconds), so the first guess is not wild.
///
/// ```
/// use borderlines_core::load::seconds_left;
/// assert_eq!(seconds_left(1_000.0, 10, 100), None);
/// assert_eq!(seconds_left(4_000.0, 1_000, 4_000).map(f64::round), Some(16.0));
/// ```
pub fn seconds_left(elapsed_ms: f64, done: usize, total: usize) -> Option<f64> {
    if done < 20 || elapsed_ms < 2_000.0 || done > total {
        return None;
    }
    let per_file = elapsed_ms / done as f64;
    let reading_left = per_file * (total - done) as f64;
    let indexing = per_file * total as f64 * INDEXING_PER_READING;
    Some((reading_left + indexing) / 1_000.0)
}

/// Returns `corpus` with already parsed `documents` appended (duplicates the
/// user chose to keep), each given an id no other document has.
pub fn add_documents(corpus: &Corpus, documents: Vec<Document>) -> (Corpus, Vec<String>) {
    let documents = with_unique_ids(corpus, documents);
    let added = documents.iter().map(|d| d.id.clone()).collect();
    let mut out = corpus.clone();
    out.documents.extend(documents);
    (out, added)
}

/// `documents` with ids made unique against `corpus` and each other (a
/// number added, as [`add_documents`] does), ready to be appended to it.
pub fn with_unique_ids(corpus: &Corpus, documents: Vec<Document>) -> Vec<Document> {
    let mut taken: HashSet<String> = corpus.documents.iter().map(|d| d.id.clone()).collect();
    documents
        .into_iter()
        .map(|mut doc| {
            doc.id = unique_id(&taken, &doc.id);
            taken.insert(doc.id.clone());
            doc
        })
        .collect()
}

/// The comparison key of the address a document's file states, if any.
fn stated_url_key(doc: &Document) -> Option<String> {
    doc.file_metadata()
        .and_then(|m| m.url.as_deref())
        .and_then(crate::url_key::url_key)
}

/// A document's text with case and spacing ignored, as a 64-bit hash: two
/// files with the same bytes, or the same words in a different encoding or
/// line layout, get the same fingerprint.
fn fingerprint(doc: &Document) -> u64 {
    // The words, lowercased, a space after each, in one buffer hashed once
    // with rustc-hash's byte hash (a multiply-mix over 16 bytes at a time):
    // SipHash word by word was a tenth of reading files in the loading
    // worker. Keyless, like the fixed-key SipHash before it: stable within
    // a build, which is all a session needs (fingerprints are never stored).
    let size = doc.title.len() + doc.blocks.iter().map(|b| b.text.len() + 1).sum::<usize>();
    let mut words = String::with_capacity(size + 1);
    for piece in
        std::iter::once(doc.title.as_str()).chain(doc.blocks.iter().map(|b| b.text.as_str()))
    {
        if crate::text::is_clean_ascii(piece) {
            // Most paragraphs: already one space between words.
            let start = words.len();
            words.push_str(piece);
            words[start..].make_ascii_lowercase();
            if !piece.is_empty() {
                words.push(' ');
            }
            continue;
        }
        for word in piece.split_whitespace() {
            if word.is_ascii() {
                let start = words.len();
                words.push_str(word);
                words[start..].make_ascii_lowercase();
            } else {
                words.extend(word.chars().flat_map(char::to_lowercase));
            }
            words.push(' ');
        }
    }
    let mut h = rustc_hash::FxHasher::default();
    h.write(words.as_bytes());
    h.finish()
}

/// The size message, exact near the limit: "25 MB + 1 byte is over the
/// 25 MB limit", "31.4 MB is over the 25 MB limit".
pub fn over_limit(len: usize) -> String {
    let limit = MAX_FILE_BYTES / MB;
    let excess = len.saturating_sub(MAX_FILE_BYTES);
    let size = if excess < MB / 10 {
        let unit = if excess == 1 { "byte" } else { "bytes" };
        format!("{limit} MB + {excess} {unit}")
    } else {
        format!("{:.1} MB", len as f64 / MB as f64)
    };
    format!("{size} is over the {limit} MB limit (1 MB = 1,048,576 bytes)")
}

/// Why a file past [`MAX_CORPUS_BYTES`] is not read.
fn over_tab_limit(held: usize, max: usize) -> String {
    let mb = |n: usize| match n {
        n if n >= 10 * MB => format!("{} MB", n / MB),
        n => format!("{:.1} MB", n as f64 / MB as f64),
    };
    format!(
        "not read: one tab holds at most {} of documents and {} are loaded \
         already (indexing needs about 14 times their size in memory)",
        mb(max),
        mb(held)
    )
}

/// "a/b/report.final.txt" → ("report.final", "txt").
fn split_name(name: &str) -> (&str, &str) {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext),
        _ => (base, ""),
    }
}

/// The stem (without control characters, which a link drops, and cut to
/// [`MAX_ID_CHARS`]), or the stem with "-2", "-3"… when a document already
/// has it.
fn unique_id(taken_ids: &HashSet<String>, stem: &str) -> String {
    let clean: String = stem.chars().filter(|c| !c.is_control()).collect();
    let stem = if clean.trim().is_empty() {
        "document"
    } else {
        clean.trim()
    };
    let cut = |text: &str, max: usize| -> String { text.chars().take(max).collect() };
    let taken = |id: &str| taken_ids.contains(id);
    let whole = cut(stem, MAX_ID_CHARS);
    if !taken(&whole) {
        return whole;
    }
    (2u64..)
        .map(|n| {
            let suffix = format!("-{n}");
            format!("{}{suffix}", cut(stem, MAX_ID_CHARS - suffix.len()))
        })
        .find(|id| !taken(id))
        .unwrap_or_default()
}

/// "## Heading" → "Heading", so Markdown headings read as headlines.
fn strip_markdown_headings(text: &str) -> String {
    text.lines()
        .map(|line| {
            let hashes = line.len() - line.trim_start_matches('#').len();
            if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
                line[hashes..].trim_start()
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads every `.txt` file of a folder, in name order, as a corpus whose
/// ids are the file stems: how the build reads `seeds/`, and how tests and
/// tools read a folder of articles. A file with no readable text is left
/// out and reported as (file name, reason); only an unreadable folder or
/// file is an error.
pub fn read_text_dir(dir: &std::path::Path) -> std::io::Result<(Corpus, Vec<(String, String)>)> {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut corpus = Corpus::default();
    let mut skipped = Vec::new();
    for path in &paths {
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("document");
        let bytes = std::fs::read(path)?;
        match crate::parse::parse_bytes(id, &bytes) {
            Ok(doc) => corpus.documents.push(doc),
            Err(e) => skipped.push((path.display().to_string(), e.to_string())),
        }
    }
    Ok((corpus, skipped))
}

/// Reads a file of records — CSV/TSV, JSON/JSON Lines or a saved web page,
/// chosen by the extension of `name` — with the field mapping guessed from
/// its columns or keys, or `mapping` when the user changed it. Parts of the
/// file that could not be read are in [`Parsed::problems`](crate::formats::Parsed).
pub fn parsed_of(
    name: &str,
    bytes: &[u8],
    mapping: Option<&crate::formats::FieldMapping>,
) -> Result<crate::formats::Parsed, crate::formats::FormatError> {
    use crate::formats::{csv, json, FormatError};
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let ext = split_name(name).1.to_lowercase();
    if !is_record_extension(&ext) {
        return Err(FormatError::Unsupported(ext));
    }
    if let Some(why) = refuse_binary(bytes) {
        return Err(FormatError::Binary(why.to_owned()));
    }
    #[cfg(feature = "html")]
    let one = |record| crate::formats::Parsed {
        records: vec![record],
        ..crate::formats::Parsed::default()
    };
    let read = match ext.as_str() {
        #[cfg(feature = "html")]
        "html" | "htm" | "xhtml" => crate::formats::html::decode_page(bytes),
        #[cfg(feature = "html")]
        "mhtml" | "mht" => {
            let (record, encoding) = crate::formats::mhtml::parse_bytes(bytes)?;
            return Ok(crate::formats::Parsed {
                encoding,
                ..one(record)
            });
        }
        _ => crate::encoding::decode(bytes),
    };
    let text = read.text.as_str();
    let mut parsed = match ext.as_str() {
        "csv" => csv::parse(text, csv::Delimiter::Auto, mapping),
        "tsv" | "tab" => csv::parse(text, csv::Delimiter::Tab, mapping),
        "json" => json::parse(text, mapping),
        "jsonl" | "ndjson" => json::parse_lines(text, mapping),
        #[cfg(feature = "html")]
        "html" | "htm" | "xhtml" => crate::formats::html::parse(text).map(one),
        _ => Err(FormatError::Unsupported(ext)),
    }?;
    parsed.encoding = read.encoding;
    Ok(parsed)
}

/// [`parsed_of`] with the guessed mapping, keeping only the records.
pub fn records_of(
    name: &str,
    bytes: &[u8],
) -> Result<Vec<crate::formats::Record>, crate::formats::FormatError> {
    parsed_of(name, bytes, None).map(|p| p.records)
}

/// Extensions [`parsed_of`] reads (saved web pages only with the `html`
/// feature, which the page leaves out).
pub fn is_record_extension(ext: &str) -> bool {
    matches!(ext, "csv" | "tsv" | "tab" | "json" | "jsonl" | "ndjson")
        || (cfg!(feature = "html") && matches!(ext, "html" | "htm" | "xhtml" | "mhtml" | "mht"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_document;

    /// The worker adds files in batches as they arrive: the same documents,
    /// ids, duplicates and reasons as adding them all at once.
    #[cfg(all(feature = "html", feature = "archive"))]
    #[test]
    fn a_full_loader_reads_every_offered_extension() {
        let mut offered = OFFERED_EXTENSIONS.to_vec();
        let mut read = readable_extensions();
        offered.sort_unstable();
        read.sort_unstable();
        assert_eq!(offered, read);
        assert!(is_offered_name("Report.HTM") && !is_offered_name("photo.png"));
    }

    /// Regression: a ZIP counted twice toward what one tab holds — its own
    /// bytes, then each file it holds as it was read — so an archive of
    /// documents that fit was refused.
    #[cfg(feature = "archive")]
    #[test]
    fn an_archive_counts_by_the_files_it_holds_not_twice() {
        use std::io::Write;
        let text = |t: &str| format!("{t}\nGuards on the Yalu counted the crossings every night.");
        let files = [
            ("a.txt", text("One")),
            ("b.txt", text("Two")),
            ("c.txt", text("Three")),
        ];
        let archive = || {
            let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            let stored = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            for (name, body) in &files {
                w.start_file(*name, stored).unwrap();
                w.write_all(body.as_bytes()).unwrap();
            }
            w.finish().unwrap().into_inner()
        };
        let inside: usize = files.iter().map(|(_, b)| b.len()).sum();
        let mut loader = Loader::new(&Corpus::default(), LoadOptions::default());
        loader.max_held = inside + 10;
        assert!(archive().len() + inside > loader.max_held);
        loader.add("export.zip".into(), archive());
        let (documents, report) = loader.finish();
        assert_eq!(documents.len(), 3, "{:?}", report.skipped);
        // The files it holds still count: one more is past the limit.
        let mut loader = Loader::new(&Corpus::default(), LoadOptions::default());
        loader.max_held = inside - 1;
        loader.add("export.zip".into(), archive());
        let (documents, report) = loader.finish();
        assert_eq!(documents.len(), 2);
        assert_eq!(report.skipped[0].0, "export.zip/c.txt");
    }

    /// An archive of many files hands its documents on while it is read,
    /// in order, the same documents as read in one go.
    #[cfg(feature = "archive")]
    #[test]
    fn an_archive_hands_its_documents_on_while_it_is_read() {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..600 {
            w.start_file(
                format!("notes/{i:03}.txt"),
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            write!(
                w,
                "Note {i} from Onsong\nGuards counted {i} crossings near Onsong."
            )
            .unwrap();
        }
        let archive = w.finish().unwrap().into_inner();
        streamed_like_whole("export.zip", archive);
    }

    /// Checks what [`Loader::add_streaming`] hands on from one file of 600
    /// documents against adding it in one go: two hand-offs of
    /// [`STREAM_EVERY`], the rest left for `finish`, all 600 added, the
    /// same ids in the same order.
    fn streamed_like_whole(name: &str, bytes: Vec<u8>) {
        let mut whole = Loader::new(&Corpus::default(), LoadOptions::default());
        whole.add(name.into(), bytes.clone());
        let whole: Vec<String> = whole.finish().0.into_iter().map(|d| d.id).collect();
        assert_eq!(whole.len(), 600);
        let mut streamed = Loader::new(&Corpus::default(), LoadOptions::default());
        let mut handed: Vec<Vec<String>> = Vec::new();
        streamed.add_streaming(name.into(), bytes, &mut |docs| {
            handed.push(docs.into_iter().map(|d| d.id).collect())
        });
        assert_eq!(
            handed.iter().map(Vec::len).collect::<Vec<_>>(),
            [STREAM_EVERY, STREAM_EVERY]
        );
        let (rest, report) = streamed.finish();
        assert_eq!(rest.len(), 600 - 2 * STREAM_EVERY);
        assert_eq!(report.added.len(), 600);
        let all: Vec<String> = handed
            .concat()
            .into_iter()
            .chain(rest.into_iter().map(|d| d.id))
            .collect();
        assert_eq!(all, whole, "the same documents in the same order");
    }

    #[test]
    fn a_table_hands_its_records_on_as_they_become_documents() {
        let mut csv = String::from("title,text\n");
        for i in 0..600 {
            csv.push_str(&format!(
                "Note {i},Guards counted {i} crossings near Onsong on day {i}.\n"
            ));
        }
        streamed_like_whole("notes.csv", csv.into_bytes());
    }

    /// What one tab can hold: the corpus there counts, files past the limit
    /// are reported with the reason, and the ones before it are kept.
    #[test]
    fn files_past_what_one_tab_holds_are_reported_and_the_rest_kept() {
        let base = Corpus {
            documents: vec![parse_document("walls", "Walls Rise\nNew fences went up.").unwrap()],
        };
        let mut loader = Loader::new(&base, LoadOptions::default());
        assert_eq!(
            loader.held,
            "Walls Rise".len() + "New fences went up.".len()
        );
        loader.max_held = loader.held + 120;
        let text = |t: &str| format!("{t}\nGuards on the Yalu counted the crossings every night.");
        loader.add("one.txt".into(), text("One").into_bytes());
        loader.add("two.txt".into(), text("Two").into_bytes());
        loader.add("three.txt".into(), text("Three").into_bytes());
        // A file refused for its type spends nothing of what the tab holds.
        loader.max_held += 200;
        loader.add("scan.pdf".into(), vec![b'%'; 150]);
        loader.add("four.txt".into(), text("Four").into_bytes());
        let (documents, report) = loader.finish();
        let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["one", "two", "four"]);
        assert_eq!(report.skipped.len(), 2);
        assert_eq!(report.skipped[0].0, "three.txt");
        assert_eq!(report.skipped[1].0, "scan.pdf");
        assert!(
            report.skipped[0]
                .1
                .starts_with("not read: one tab holds at most 0.0 MB of documents"),
            "{}",
            report.skipped[0].1
        );
    }

    #[test]
    fn a_loader_fed_in_batches_matches_add_files() {
        let base = Corpus {
            documents: vec![parse_document(
                "walls",
                "Walls Rise\nNew fences went up along the Tumen River this spring.",
            )
            .unwrap()],
        };
        let files: Vec<(String, Vec<u8>)> = vec![
            (
                "walls.txt".into(),
                b"Walls Again\nGuards on the Yalu counted the crossings every night.".to_vec(),
            ),
            (
                "copy.md".into(),
                b"# Walls Rise\nNew fences went up along the Tumen River this spring.".to_vec(),
            ),
            ("scan.pdf".into(), b"%PDF".to_vec()),
            (
                "night.txt".into(),
                b"Night Crossing\nThree people crossed the river near Hyesan at night.".to_vec(),
            ),
        ];
        let (all_at_once, expected) = add_files(&base, files.clone());
        let mut loader = Loader::new(&base, LoadOptions::default());
        for batch in files.chunks(2) {
            for (name, bytes) in batch.iter().cloned() {
                loader.add(name, bytes);
            }
        }
        loader.skip("gone\u{202e}.txt", "could not be read".into());
        assert_eq!(loader.added(), 2);
        let (documents, report) = loader.finish();
        assert_eq!(report.added, expected.added);
        assert_eq!(report.added, ["walls-2", "night"]);
        assert_eq!(report.duplicates, expected.duplicates);
        assert_eq!(&report.skipped[..2], &expected.skipped[..]);
        assert_eq!(
            report.skipped[2].0, "gone.txt",
            "names are shown without bidi controls"
        );
        assert_eq!(documents, all_at_once.documents[1..]);
    }

    #[test]
    fn long_file_names_give_ids_a_link_can_carry() {
        // Found by the hostile-input suite: a 240-character file name gave an
        // id longer than a link keeps, so its document could not be opened.
        let text = b"Long Name Report\nThe guards counted the crossings on the river at night.";
        let name = format!("{}.txt", "é".repeat(240));
        let (corpus, report) = add_files(
            &Corpus::default(),
            vec![(name.clone(), text.to_vec()), (name, text.to_vec())],
        );
        let (corpus, _) = add_documents(&corpus, report.duplicates);
        let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids.len(), 2);
        assert_eq!(ids[0], "é".repeat(MAX_ID_CHARS));
        assert_eq!(ids[1], format!("{}-2", "é".repeat(MAX_ID_CHARS - 2)));
        assert!(ids.iter().all(|id| id.chars().count() <= MAX_ID_CHARS));
        // Control characters (which a link drops) are not part of an id.
        let (corpus, _) = add_files(
            &Corpus::default(),
            vec![("a\u{1}b\u{0}.txt".to_owned(), text.to_vec())],
        );
        assert_eq!(corpus.documents[0].id, "ab");
    }

    #[test]
    fn ids_are_unique_and_every_file_is_accounted_for() {
        let base = Corpus {
            documents: vec![parse_document(
                "report",
                "A Title Here\nSome body text that is long enough here.",
            )
            .unwrap()],
        };
        let files = vec![
            (
                "dir/report.txt".to_owned(),
                b"Another Title\nMore body text, long enough to be a paragraph.".to_vec(),
            ),
            (
                "report.TXT".to_owned(),
                b"Third Title\nEven more body text for the third file here.".to_vec(),
            ),
            ("empty.txt".to_owned(), b"Advertisement\n\n".to_vec()),
            ("huge.txt".to_owned(), vec![b'a'; MAX_FILE_BYTES + 1]),
            ("photo.jpeg".to_owned(), vec![0xFF, 0xD8]),
            (
                "README".to_owned(),
                b"Plain File\nNo extension but plain text all the same.".to_vec(),
            ),
        ];
        let (corpus, report) = add_files(&base, files);
        assert_eq!(report.added, ["report-2", "report-3", "README"]);
        assert_eq!(corpus.documents.len(), 4);
        let skipped: Vec<&str> = report.skipped.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(skipped, ["empty.txt", "huge.txt", "photo.jpeg"]);
        assert!(report.skipped[0].1.contains("no readable text"));
        assert!(report.skipped[1].1.contains("limit"));
    }

    #[test]
    fn utf16_and_latin1_files_decode() {
        let mut utf16 = vec![0xFF, 0xFE];
        for u in
            "Grenze und Mauer\nDie Mauer wurde im Sommer entlang des Flusses gebaut.".encode_utf16()
        {
            utf16.extend(u.to_le_bytes());
        }
        let latin1 =
            b"Caf\xe9 Talk\nThe caf\xe9 by the river closed when the fence went up.".to_vec();
        let (corpus, report) = add_files(
            &Corpus::default(),
            vec![("de.txt".into(), utf16), ("fr.txt".into(), latin1)],
        );
        assert_eq!(report.added.len(), 2);
        assert_eq!(corpus.documents[0].title, "Grenze und Mauer");
        assert_eq!(corpus.documents[1].title, "Café Talk");
    }

    fn article(title: &str) -> Vec<u8> {
        format!("{title}\nGuards patrolled the fence along the river through the winter months.")
            .into_bytes()
    }

    #[test]
    fn binary_files_are_refused_with_a_reason_and_the_rest_of_the_drop_is_kept() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(std::iter::repeat_n(0u8, 400));
        let mut elf = b"\x7FELF\x02\x01\x01".to_vec();
        elf.extend(std::iter::repeat_n(0u8, 400));
        let (corpus, report) = add_files(
            &Corpus::default(),
            vec![
                ("photo.txt".into(), png),
                ("one.txt".into(), article("First Story Here")),
                ("tool.txt".into(), elf),
                ("two.txt".into(), article("Second Story Here")),
            ],
        );
        assert_eq!(report.added, ["one", "two"]);
        assert_eq!(corpus.documents.len(), 2);
        assert_eq!(
            report.skipped,
            [
                ("photo.txt".to_owned(), "looks like a PNG image".to_owned()),
                (
                    "tool.txt".to_owned(),
                    "looks like a program (Linux/ELF)".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn size_messages_are_exact_at_the_limit() {
        assert_eq!(
            over_limit(MAX_FILE_BYTES + 1),
            "25 MB + 1 byte is over the 25 MB limit (1 MB = 1,048,576 bytes)"
        );
        assert!(over_limit(MAX_FILE_BYTES + 1000).starts_with("25 MB + 1000 bytes is over"));
        assert!(over_limit(33 * MB).starts_with("33.0 MB is over the 25 MB limit"));
        let (_, report) = add_files(
            &Corpus::default(),
            vec![("big.txt".into(), vec![b'a'; MAX_FILE_BYTES + 1])],
        );
        assert!(report.skipped[0].1.starts_with("25 MB + 1 byte"));
        // Exactly at the limit passes the size check (and, being all NUL
        // bytes, is refused by the next one without being parsed).
        let (_, report) = add_files(
            &Corpus::default(),
            vec![("edge.txt".into(), vec![0; MAX_FILE_BYTES])],
        );
        assert_eq!(
            report.skipped[0].1,
            "mostly unprintable bytes: not a text file"
        );
    }

    #[test]
    fn duplicates_are_skipped_unless_kept() {
        let base = add_files(
            &Corpus::default(),
            vec![("a.txt".into(), article("Fence Story"))],
        )
        .0;
        let same_words_other_layout =
            b"FENCE STORY\r\nGuards   patrolled the fence along the river\r\nthrough the winter months.".to_vec();
        let files = vec![
            ("a-again.txt".to_owned(), article("Fence Story")),
            ("a-crlf.txt".to_owned(), same_words_other_layout),
            ("b.txt".to_owned(), article("Another Story")),
            ("b-copy.txt".to_owned(), article("Another Story")),
        ];
        let (corpus, report) = add_files(&base, files.clone());
        assert_eq!(report.added, ["b"]);
        assert_eq!(report.duplicates.len(), 3);
        assert_eq!(corpus.documents.len(), 2);
        assert!(report.skipped[0]
            .1
            .contains("same text as the document “a”"));
        assert!(report.skipped[2].1.contains("“b”"));
        // Kept after all: added with ids of their own.
        let (kept, ids) = add_documents(&corpus, report.duplicates);
        assert_eq!(ids, ["a-again", "a-crlf", "b-copy"]);
        assert_eq!(kept.documents.len(), 5);
        let (_, ids) = add_documents(&kept, vec![kept.documents[0].clone()]);
        assert_eq!(ids, ["a-2"]);
        let (corpus, report) = add_files_with(
            &base,
            files,
            LoadOptions {
                keep_duplicates: true,
                ..LoadOptions::default()
            },
        );
        assert_eq!(report.added.len(), 4);
        assert_eq!(corpus.documents.len(), 5);
    }

    /// The fingerprint ignores case and spacing, in any script, but not
    /// where words break.
    #[test]
    fn fingerprints_ignore_case_and_spacing_not_word_breaks() {
        let doc = |t: &str| parse_document("d", t).unwrap();
        let f = |t: &str| fingerprint(&doc(t));
        assert_eq!(
            f("Été à Sinuiju\nLes GARDES  ont fermé\tla frontière."),
            f("ÉTÉ À SINUIJU\nles gardes ont fermé la frontière.")
        );
        assert_ne!(
            f("Fence Story\nA fence story."),
            f("Fences Tory\nA fence story.")
        );
        assert_ne!(
            f("Fence Story\nA fence story."),
            f("Fence Story\nA fence story too.")
        );
    }

    /// Two exports of one article (its text edited since, its address
    /// written another way) are one article: the second is a duplicate,
    /// offered like one with the same text.
    #[test]
    fn the_same_stated_url_is_a_duplicate() {
        let first = b"title,text,url\nFence Extended,Crews added forty kilometres of fence.,https://wire.example/fence\n".to_vec();
        let base = add_files(&Corpus::default(), [("a.csv".to_owned(), first)]).0;
        let later = "title,text,url\n\
Fence Extended (updated),Crews added forty-two kilometres of fence by May.,http://www.wire.example/fence/?utm_source=rss\n\
Gate Shut,The river gate was shut for the winter.,https://wire.example/gate\n\
Gate Shut Again,The gate was shut again in spring.,https://wire.example/gate#update\n\
No Address,A story with no address at all.,\n\
Also No Address,Another story with no address.,n/a\n";
        let (corpus, report) = add_files(&base, [("b.csv".to_owned(), later.as_bytes().to_vec())]);
        assert_eq!(report.added, ["b.csv:3", "b.csv:5", "b.csv:6"]);
        assert_eq!(
            report.skipped,
            [
                (
                    "b.csv".to_owned(),
                    "line 2: same URL as the document “a.csv:2”: skipped as a duplicate".to_owned()
                ),
                (
                    "b.csv".to_owned(),
                    "line 4: same URL as the document “b.csv:3”: skipped as a duplicate".to_owned()
                ),
            ]
        );
        assert_eq!(report.duplicates.len(), 2);
        assert_eq!(report.duplicates[0].title, "Fence Extended (updated)");
        // Offered like any duplicate: kept when the user asks.
        let (kept, ids) = add_documents(&corpus, report.duplicates);
        assert_eq!(ids, ["b.csv:2", "b.csv:4"]);
        assert_eq!(kept.documents.len(), 6);
        // Nothing is compared when duplicates are kept.
        let (_, report) = add_files_with(
            &base,
            [("b.csv".to_owned(), later.as_bytes().to_vec())],
            LoadOptions {
                keep_duplicates: true,
                ..LoadOptions::default()
            },
        );
        assert_eq!(report.added.len(), 5);
    }

    /// The mapping chosen on a preview of a JSON file's head applies to the
    /// whole file, whose later objects bring keys the head did not have.
    #[test]
    fn a_mapping_chosen_on_the_head_applies_to_the_whole_file() {
        use crate::formats::preview::preview;
        let mut json = String::from("[");
        for i in 0..400 {
            json.push_str(&format!(
                r#"{{"headline": "Story {i}", "teaser": "Teaser {i}", "content": "Body of story number {i} about the river.", "channel": "Desk {}"}},"#,
                i % 3
            ));
        }
        json.push_str(r#"{"headline": "Late", "teaser": "t", "content": "A late story with a new key.", "channel": "Desk 9", "extra": "x"}]"#);
        let head = &json.as_bytes()[..8000];
        let p = preview("feed.json", head, false).unwrap();
        assert!(!p.complete && p.records < 401);
        assert_eq!(p.mapping.source, None, "\"channel\" is no known name");
        let mut mapping = p.mapping.clone();
        mapping.source = Some("channel".into());
        mapping.title = Some("teaser".into());
        let options = LoadOptions {
            mappings: vec![ChosenMapping {
                columns: p.columns.clone(),
                mapping,
            }],
            ..LoadOptions::default()
        };
        let (corpus, report) = add_files_with(
            &Corpus::default(),
            [("feed.json".to_owned(), json.into_bytes())],
            options,
        );
        assert_eq!(report.added.len(), 401);
        assert_eq!(report.added[0], "feed.json:1");
        let last = corpus.documents.last().unwrap();
        assert_eq!(last.title, "t");
        assert_eq!(
            last.file_metadata().and_then(|m| m.source.as_deref()),
            Some("Desk 9")
        );
        // A file with other columns keeps its guessed mapping.
        let other = LoadOptions {
            mappings: vec![ChosenMapping {
                columns: vec!["something".into()],
                mapping: FieldMapping::default(),
            }],
            ..LoadOptions::default()
        };
        let (corpus, _) = add_files_with(
            &Corpus::default(),
            [(
                "t.csv".to_owned(),
                b"title,text\nGate,The gate was shut.\n".to_vec(),
            )],
            other,
        );
        assert_eq!(corpus.documents[0].title, "Gate");
        assert!(is_readable_name("a/b/News.CSV") && is_readable_name("x.md"));
        assert!(!is_readable_name("photo.png") && !is_readable_name("README"));
    }

    #[test]
    fn windows_1252_punctuation_survives() {
        let bytes = b"Quotes \x93Here\x94 \x96 Euro \x80\nShe said \x93we paid \x80500\x94 \x97 and left\x85 It\x92s done.".to_vec();
        let (corpus, _) = add_files(&Corpus::default(), vec![("cp.txt".into(), bytes)]);
        let doc = &corpus.documents[0];
        assert_eq!(doc.title, "Quotes “Here” – Euro €");
        assert_eq!(
            doc.blocks[0].text,
            "She said “we paid €500” — and left… It’s done."
        );
    }

    #[test]
    fn bidi_overrides_are_removed_from_names_ids_and_titles_but_kept_in_text() {
        let text = "Report \u{202E}gpj.exe\nThe \u{202E}override\u{202C} stays in the body text of this paragraph.";
        let (corpus, report) = add_files(
            &Corpus::default(),
            vec![(
                "inv\u{202E}oice\u{2066}.txt".into(),
                text.as_bytes().to_vec(),
            )],
        );
        assert_eq!(report.added, ["invoice"]);
        let doc = &corpus.documents[0];
        assert_eq!(doc.id, "invoice");
        assert_eq!(doc.title, "Report gpj.exe");
        assert!(doc.blocks[0].text.contains('\u{202E}'));
        let (_, report) = add_files(
            &Corpus::default(),
            vec![("x\u{202E}fdp.exe".into(), vec![1, 2, 3])],
        );
        assert_eq!(report.skipped[0].0, "xfdp.exe");
    }
}
