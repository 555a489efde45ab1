//! `borderlines`: the command line. `borderlines inspect FILE...` prints
//! what Borderlines understands of each article as JSON (schema:
//! docs/schema.md) or, with `--pretty`, as readable text;
//! `borderlines build -o OUT.html FILE...` writes a single-file page that
//! opens with those files as its corpus.

mod args;
mod build;
mod pretty;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use args::{Command, UsageError, USAGE};
use borderlines_core::load::{LoadOptions, Loader};
use borderlines_core::{Corpus, Document};
use borderlines_extract::{FileError, Report};

/// A document id from a path: the file stem, as the app uses for its seeds.
fn doc_id(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_owned(), |s| s.to_string_lossy().into_owned())
}

/// Files read as the page reads them, by their extension: tables and JSON
/// exports (a document per record), saved pages (HTML, MHTML) and ZIP
/// archives of any of these. Anything else is read as one text article.
fn reads_as_records(path: &str) -> bool {
    let ext = Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    ext == "zip" || borderlines_core::load::is_record_extension(&ext)
}

/// The documents of a file of records or an archive (every one kept, even
/// when two say the same), and what could not be read: (name, reason).
fn records(path: &str, bytes: Vec<u8>) -> (Vec<Document>, Vec<(String, String)>) {
    let options = LoadOptions {
        keep_duplicates: true,
        ..LoadOptions::default()
    };
    let mut loader = Loader::new(&Corpus::default(), options);
    loader.add(path.to_owned(), bytes);
    let (documents, report) = loader.finish();
    (documents, report.skipped)
}

fn inspect(files: &[String], pretty: bool) -> ExitCode {
    let mut ok = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        let bytes = if f == "-" {
            let mut b = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut b).map(|_| b)
        } else {
            std::fs::read(f)
        };
        match bytes {
            Err(e) => {
                eprintln!("borderlines: cannot read {f}: {e}");
                errors.push(FileError {
                    file: f.clone(),
                    error: format!("cannot read: {e}"),
                });
            }
            Ok(bytes) if reads_as_records(f) => {
                let (documents, skipped) = records(f, bytes);
                for (name, why) in skipped {
                    eprintln!("borderlines: {name}: {why}");
                    errors.push(FileError {
                        file: name,
                        error: why,
                    });
                }
                for doc in documents {
                    let ins = borderlines_extract::extract(&doc);
                    ok.push((f.clone(), doc, ins));
                }
            }
            Ok(bytes) => match borderlines_core::parse::parse_bytes(&doc_id(f), &bytes) {
                Err(e) => {
                    eprintln!("borderlines: {f}: {e}");
                    errors.push(FileError {
                        file: f.clone(),
                        error: e.to_string(),
                    });
                }
                Ok(doc) => {
                    let ins = borderlines_extract::extract(&doc);
                    ok.push((f.clone(), doc, ins));
                }
            },
        }
    }
    let failed = !errors.is_empty();
    let report = Report::new(ok, errors);
    let out = if pretty {
        pretty::render(&report)
    } else {
        match serde_json::to_string_pretty(&report) {
            Ok(s) => s + "\n",
            Err(e) => {
                eprintln!("borderlines: cannot write JSON: {e}");
                return ExitCode::from(1);
            }
        }
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a panic.
    if stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    match args::parse(std::env::args().skip(1)) {
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Version) => {
            println!("borderlines {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Ok(Command::Inspect { pretty, files }) => inspect(&files, pretty),
        Ok(Command::Build {
            files,
            output,
            page,
            name,
        }) => build::build(&files, &output, &page, &name),
        Err(UsageError(msg)) => {
            eprintln!("borderlines: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
