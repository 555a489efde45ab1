//! Command-line arguments, parsed by hand (two commands, a few flags: a
//! parsing crate would be heavier than the parsing).

/// What the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `borderlines inspect [--pretty] FILE...`
    Inspect { pretty: bool, files: Vec<String> },
    /// `borderlines build [--page PAGE] [--name NAME] -o OUT FILE...`
    Build {
        files: Vec<String>,
        output: String,
        page: String,
        name: String,
    },
    /// `borderlines help` / `--help` / `-h`
    Help,
    /// `borderlines --version`
    Version,
}

/// A usage error, shown with the usage text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

pub const USAGE: &str = "\
Usage: borderlines inspect [--pretty] FILE...
       borderlines build [--page PAGE] [--name NAME] -o OUT.html FILE|FOLDER...

inspect: parses each news-article file and prints what Borderlines
understands of it: metadata, entities with every mention, figures, dates,
quotes, themes, and claims linking figures across the files. Tables and JSON
exports (.csv .tsv .json .jsonl), saved pages (.html .mhtml) and ZIP
archives of these give a document per record, page or file, as in the page.

  inspect FILE...   JSON on standard output (schema: docs/schema.md)
  --pretty          readable text instead of JSON

build: reads the files (text, Markdown, CSV/TSV, JSON, JSON Lines, saved web
pages; folders are searched), indexes and extracts them, and writes a new
single-file Borderlines page that opens with them in place of the seeds.

  -o, --output OUT  the page to write
  --page PAGE       the Borderlines page to start from (default:
                    dist/borderlines.html, made by `cargo xtask dist`)
  --name NAME       the corpus's name, shown in the page (default: the
                    output's file name)

  -h, --help        this help
  --version         the version

Exit status: 0 when every file was read, 1 when some could not be (the
others are still used), 2 on a usage error.";

/// Parses the arguments after the program name.
pub fn parse<I: IntoIterator<Item = String>>(args: I) -> Result<Command, UsageError> {
    let mut it = args.into_iter();
    match it.next().as_deref() {
        None | Some("help" | "-h" | "--help") => Ok(Command::Help),
        Some("--version" | "-V") => Ok(Command::Version),
        Some("inspect") => {
            let mut pretty = false;
            let mut files = Vec::new();
            let mut only_files = false;
            for a in it {
                match a.as_str() {
                    "--" if !only_files => only_files = true,
                    "--pretty" | "-p" if !only_files => pretty = true,
                    "-h" | "--help" if !only_files => return Ok(Command::Help),
                    s if !only_files && s.starts_with('-') && s != "-" => {
                        return Err(UsageError(format!("unknown option {s:?}")))
                    }
                    _ => files.push(a),
                }
            }
            if files.is_empty() {
                return Err(UsageError("inspect needs at least one FILE".into()));
            }
            Ok(Command::Inspect { pretty, files })
        }
        Some("build") => parse_build(it),
        Some(other) => Err(UsageError(format!("unknown command {other:?}"))),
    }
}

fn parse_build(mut it: impl Iterator<Item = String>) -> Result<Command, UsageError> {
    let (mut files, mut output, mut page, mut name) = (Vec::new(), None, None, None);
    let mut only_files = false;
    while let Some(a) = it.next() {
        let mut value = |flag: &str| {
            it.next()
                .ok_or_else(|| UsageError(format!("{flag} needs a value")))
        };
        match a.as_str() {
            "--" if !only_files => only_files = true,
            "-o" | "--output" if !only_files => output = Some(value(&a)?),
            "--page" if !only_files => page = Some(value(&a)?),
            "--name" if !only_files => name = Some(value(&a)?),
            "-h" | "--help" if !only_files => return Ok(Command::Help),
            s if !only_files && s.starts_with('-') => {
                return Err(UsageError(format!("unknown option {s:?}")))
            }
            _ => files.push(a),
        }
    }
    let output = output.ok_or_else(|| UsageError("build needs -o OUT.html".into()))?;
    if files.is_empty() {
        return Err(UsageError("build needs at least one FILE or FOLDER".into()));
    }
    let name = name.unwrap_or_else(|| {
        std::path::Path::new(&output).file_stem().map_or_else(
            || "My corpus".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        )
    });
    Ok(Command::Build {
        files,
        output,
        page: page.unwrap_or_else(|| "dist/borderlines.html".into()),
        name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(a: &[&str]) -> Result<Command, UsageError> {
        parse(a.iter().map(|s| s.to_string()))
    }

    #[test]
    fn commands_and_flags() {
        assert_eq!(p(&[]), Ok(Command::Help));
        assert_eq!(
            p(&["inspect", "a.txt", "--pretty", "b"]),
            Ok(Command::Inspect {
                pretty: true,
                files: vec!["a.txt".into(), "b".into()]
            })
        );
        assert_eq!(
            p(&["inspect", "--", "--pretty"]),
            Ok(Command::Inspect {
                pretty: false,
                files: vec!["--pretty".into()]
            })
        );
        assert!(p(&["inspect"]).is_err());
        assert!(p(&["inspect", "--json", "a"]).is_err());
        assert!(p(&["frobnicate"]).is_err());
        assert_eq!(
            p(&["build", "news", "-o", "out/tumen.html", "a.csv"]),
            Ok(Command::Build {
                files: vec!["news".into(), "a.csv".into()],
                output: "out/tumen.html".into(),
                page: "dist/borderlines.html".into(),
                name: "tumen".into(),
            })
        );
        assert!(p(&["build", "a.txt"]).is_err(), "no output");
        assert!(p(&["build", "-o", "x.html"]).is_err(), "no files");
        assert!(p(&["build", "a.txt", "-o"]).is_err(), "-o without a value");
    }
}
