//! Adding the user's own files to a corpus: checks type and size, decodes
//! any common encoding, strips Markdown heading markers, parses, and gives
//! each document a unique id from its file name. Every file either becomes
//! a document or is reported with a reason; nothing is dropped silently.
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

use crate::document::Corpus;
use crate::parse::parse_document;
use crate::text::decode;

/// Largest file read, in bytes; larger ones are reported, not loaded.
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;

/// File name extensions read as text (no extension is read as text too).
const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

/// What happened to each file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Ids of the documents added, in order.
    pub added: Vec<String>,
    /// Files not added: (file name, reason for a person).
    pub skipped: Vec<(String, String)>,
}

/// Returns `corpus` with `files` (name, bytes) appended, and a report.
pub fn add_files(corpus: &Corpus, files: Vec<(String, Vec<u8>)>) -> (Corpus, LoadReport) {
    let mut out = corpus.clone();
    let mut report = LoadReport::default();
    // Ids in use, so each new file's id is checked in O(1), not against every
    // document (14,000 files made that quadratic).
    let mut taken: std::collections::HashSet<String> =
        out.documents.iter().map(|d| d.id.clone()).collect();
    for (name, bytes) in files {
        let (stem, ext) = split_name(&name);
        let (stem, ext) = (stem.to_owned(), ext.to_lowercase());
        if !ext.is_empty() && !TEXT_EXTENSIONS.contains(&ext.as_str()) {
            report.skipped.push((
                name,
                format!(
                    "“.{ext}” files are not read yet; Borderlines reads plain text and Markdown"
                ),
            ));
            continue;
        }
        if bytes.len() > MAX_FILE_BYTES {
            report.skipped.push((
                name,
                format!(
                    "{} MB is over the {} MB limit",
                    bytes.len() / (1024 * 1024),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            ));
            continue;
        }
        let mut text = decode(&bytes);
        if matches!(ext.as_str(), "md" | "markdown") {
            text = strip_markdown_headings(&text);
        }
        let id = unique_id(&taken, &stem);
        match parse_document(&id, &text) {
            Ok(doc) => {
                taken.insert(id.clone());
                report.added.push(id);
                out.documents.push(doc);
            }
            Err(e) => report.skipped.push((name, e.to_string())),
        }
    }
    (out, report)
}

/// "a/b/report.final.txt" → ("report.final", "txt").
fn split_name(name: &str) -> (&str, &str) {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext),
        _ => (base, ""),
    }
}

/// The stem, or the stem with "-2", "-3"… when a document already has it.
fn unique_id(taken_ids: &std::collections::HashSet<String>, stem: &str) -> String {
    let stem = if stem.trim().is_empty() {
        "document"
    } else {
        stem.trim()
    };
    let taken = |id: &str| taken_ids.contains(id);
    if !taken(stem) {
        return stem.to_owned();
    }
    (2..)
        .map(|n| format!("{stem}-{n}"))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_document;

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
}
