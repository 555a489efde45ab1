//! Command-line arguments, parsed by hand (two commands, one flag: a
//! parsing crate would be heavier than the parsing).

/// What the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `borderlines inspect [--pretty] FILE...`
    Inspect { pretty: bool, files: Vec<String> },
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

Parses each news-article text file and prints what Borderlines understands
of it: metadata, entities with every mention, figures, dates, quotes,
themes, and claims linking figures across the files. Tables and JSON
exports (.csv .tsv .json .jsonl), saved pages (.html .mhtml) and ZIP
archives of these give a document per record, page or file, as in the page.

  inspect FILE...   JSON on standard output (schema: docs/schema.md)
  --pretty          readable text instead of JSON
  -h, --help        this help
  --version         the version

Exit status: 0 when every file was read, 1 when some could not be (the
others are still printed), 2 on a usage error.";

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
        Some(other) => Err(UsageError(format!("unknown command {other:?}"))),
    }
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
    }
}
