//! `borderlines build`: the user's files become a new single-file page, the
//! same as "Save as page" in the page — read with the same loader (every
//! format), indexed and extracted with the same engine, and carried in the
//! page's corpus element (`borderlines_engine::page_corpus`) in place of the
//! seeds. Nothing else in the page changes, so its CSP still holds.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use base64::Engine as _;
use borderlines_core::load::{is_readable_name, LoadOptions, Loader};
use borderlines_core::Corpus;
use borderlines_engine::page_corpus::{corpus_element, replace_corpus};
use borderlines_engine::Engine;

/// Every file under `path` (a file, or a folder searched to any depth for
/// the names the loader reads), in name order.
fn files_under(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        let name = entry
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if entry.is_dir() {
            files_under(&entry, out)?;
        } else if is_readable_name(&name) {
            out.push(entry);
        }
    }
    Ok(())
}

/// The page `page` with the corpus of `files`, written to `output`.
pub fn build(files: &[String], output: &str, page: &str, name: &str) -> ExitCode {
    let template = match std::fs::read_to_string(page) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("borderlines: cannot read the page {page} ({e}); build it with `cargo xtask dist` or give --page");
            return ExitCode::from(1);
        }
    };
    let mut paths = Vec::new();
    let mut failed = false;
    for f in files {
        if let Err(e) = files_under(Path::new(f), &mut paths) {
            eprintln!("borderlines: {f}: {e}");
            failed = true;
        }
    }
    let mut loader = Loader::new(&Corpus::default(), LoadOptions::default());
    for path in &paths {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match std::fs::read(path) {
            Ok(bytes) => loader.add(name, bytes),
            Err(e) => loader.skip(&name, format!("could not be read ({e})")),
        }
    }
    let (documents, report) = loader.finish();
    for (file, why) in &report.skipped {
        eprintln!("borderlines: skipped {file}: {why}");
        failed = true;
    }
    if !report.duplicates.is_empty() {
        eprintln!(
            "borderlines: left out {} document(s) that repeat others",
            report.duplicates.len()
        );
    }
    if documents.is_empty() {
        eprintln!("borderlines: no document to put in the page");
        return ExitCode::from(1);
    }
    let count = documents.len();
    let engine = Engine::build(Arc::new(Corpus { documents }));
    let written = engine
        .to_snapshot()
        .map_err(|e| e.to_string())
        .and_then(|snapshot| {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            gz.write_all(&snapshot).map_err(|e| e.to_string())?;
            let gz = gz.finish().map_err(|e| e.to_string())?;
            let element =
                corpus_element(&base64::engine::general_purpose::STANDARD.encode(&gz), name);
            let html = replace_corpus(&template, &element).map_err(|e| format!("{page}: {e}"))?;
            std::fs::write(output, &html).map_err(|e| format!("cannot write {output}: {e}"))?;
            Ok((snapshot.len(), html.len()))
        });
    match written {
        Ok((snapshot, html)) => {
            println!("{output}: {count} document(s), {html} bytes (snapshot {snapshot} bytes before compression)");
            if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("borderlines: {e}");
            ExitCode::from(1)
        }
    }
}
