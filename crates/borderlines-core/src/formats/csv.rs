//! CSV and TSV exports (a spreadsheet, a news database's "export to CSV"),
//! read with the `csv` crate: quoted fields with commas, quotes and line
//! breaks in them, a byte-order mark, `\r\n` or `\n` line ends.
//!
//! The first row is taken as a header when it looks like one (short,
//! distinct names, no numbers, dates or links, or names we know such as
//! "title" or "body"); otherwise columns are called "column 1", "column 2"…
//! and mapped by what they hold. A row with more or fewer fields than the
//! header is reported as "malformed CSV line N" and skipped; the other rows
//! are kept.
//!
//! ```
//! use borderlines_core::formats::csv::{parse, Delimiter};
//! let text = "title,body,date\n\"Fence, again\",\"Crews worked.\n\nAll night.\",2021-05-01\n";
//! let parsed = parse(text, Delimiter::Auto, None).unwrap();
//! assert_eq!(parsed.records[0].title.as_deref(), Some("Fence, again"));
//! assert_eq!(parsed.records[0].text, "Crews worked.\n\nAll night.");
//! ```

use super::records::FieldMapping;
use super::{FormatError, Parsed, MAX_RECORDS};
use crate::load::MAX_FILE_BYTES;

/// What separates fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Tab,
    Semicolon,
    /// The one of the three most frequent in the first line.
    Auto,
}

impl Delimiter {
    fn byte(self, text: &str) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Tab => b'\t',
            Delimiter::Semicolon => b';',
            Delimiter::Auto => sniff(text),
        }
    }
}

/// Reads decoded bytes (see [`crate::text::decode`]) as CSV/TSV.
pub fn parse_bytes(
    bytes: &[u8],
    delimiter: Delimiter,
    mapping: Option<&FieldMapping>,
) -> Result<Parsed, FormatError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    parse(&crate::text::decode(bytes), delimiter, mapping)
}

/// Reads `text` as CSV/TSV. `mapping` overrides the guessed one (column
/// names it gives that the file lacks feed nothing).
pub fn parse(
    text: &str,
    delimiter: Delimiter,
    mapping: Option<&FieldMapping>,
) -> Result<Parsed, FormatError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter.byte(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows: Vec<(u64, Vec<String>)> = Vec::new();
    let mut problems = Vec::new();
    let mut record = ::csv::StringRecord::new();
    let mut lines = LineCounter::new(text);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                if rows.len() > MAX_RECORDS {
                    problems.push(FormatError::TooManyRecords { limit: MAX_RECORDS });
                    break;
                }
                let line = lines.at(record.position().map_or(0, |p| p.byte()), true);
                rows.push((line, record.iter().map(str::to_owned).collect()));
            }
            Err(e) => {
                let line = lines.at(e.position().map_or(0, |p| p.byte()), true);
                problems.push(FormatError::MalformedCsv {
                    line,
                    reason: e.to_string(),
                });
                if !matches!(e.kind(), ::csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
    // A quote opened and never closed swallows the rest of the file into
    // one field: report it where it starts rather than keep that row.
    if let Some((line, _)) = rows.last() {
        let end = lines.at(
            usize::try_from(reader.position().byte()).unwrap_or(usize::MAX),
            false,
        );
        if end > *line && text.bytes().filter(|&b| b == b'"').count() % 2 == 1 {
            problems.push(FormatError::MalformedCsv {
                line: *line,
                reason: "a quoted field is never closed".into(),
            });
            rows.pop();
        }
    }
    if rows.is_empty() {
        return Err(problems.into_iter().next().unwrap_or(FormatError::Empty));
    }
    let header = looks_like_header(&rows[0].1, &rows[1..]);
    let (columns, body) = if header {
        let names = rows[0].1.iter().map(|c| c.trim().to_owned()).collect();
        (names, &rows[1..])
    } else {
        let n = rows[0].1.len();
        ((1..=n).map(|i| format!("column {i}")).collect(), &rows[..])
    };
    if body.is_empty() {
        return Err(FormatError::Empty);
    }
    let columns: Vec<String> = columns;
    let mapping = match mapping {
        Some(m) => m.clone(),
        None if header => FieldMapping::guess(&columns),
        None => {
            let sample: Vec<&Vec<String>> = body.iter().take(50).map(|(_, r)| r).collect();
            FieldMapping::guess_by_content(&columns, &sample)
        }
    };
    let sample = body
        .iter()
        .find(|(_, row)| row.len() == columns.len())
        .map(|(_, row)| row.clone())
        .unwrap_or_default();
    let mut records = Vec::with_capacity(body.len());
    for (line, row) in body {
        if row.len() != columns.len() {
            problems.push(FormatError::MalformedCsv {
                line: *line,
                reason: format!("expected {} fields, found {}", columns.len(), row.len()),
            });
            continue;
        }
        let mut r = mapping.apply(&columns, row);
        r.origin = usize::try_from(*line).unwrap_or(usize::MAX);
        records.push(r);
    }
    problems.sort_by_key(|p| match p {
        FormatError::MalformedCsv { line, .. } => *line,
        _ => u64::MAX,
    });
    Ok(Parsed {
        records,
        columns,
        mapping,
        problems,
        sample,
        encoding: "",
    })
}

/// Line numbers of byte offsets, counted once as the reader moves forward.
/// (The `csv` crate's own line of a record is one short after `\r\n`
/// line ends: the `\n` is only consumed with the next record.)
struct LineCounter<'a> {
    text: &'a [u8],
    pos: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            pos: 0,
            line: 1,
        }
    }

    /// The line of byte `at` (never before the last one asked); with
    /// `skip_ends`, past the line ends there, where a record really starts.
    fn at(&mut self, at: impl TryInto<usize>, skip_ends: bool) -> u64 {
        let mut at = at.try_into().unwrap_or(usize::MAX).min(self.text.len());
        if skip_ends {
            while at < self.text.len() && matches!(self.text[at], b'\r' | b'\n') {
                at += 1;
            }
        }
        if at > self.pos {
            self.line += self.text[self.pos..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            self.pos = at;
        }
        self.line
    }
}

/// The most frequent of `,` `\t` `;` in the first line (outside quotes).
fn sniff(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in text.bytes().take(64 * 1024) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b'\t' if !quoted => counts[1] += 1,
            b';' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    [b',', b'\t', b';'][best]
}

/// Is the first row a header? Names we know settle it; otherwise every
/// cell must be short, distinct and not data-like, and the rows below must
/// hold something longer.
fn looks_like_header(first: &[String], rest: &[(u64, Vec<String>)]) -> bool {
    let cells: Vec<&str> = first.iter().map(|c| c.trim()).collect();
    let data_like = |c: &str| {
        c.len() > 60
            || c.contains('\n')
            || c.starts_with("http")
            || c.parse::<f64>().is_ok()
            || c.chars().filter(char::is_ascii_digit).count() >= 4
    };
    if cells.iter().any(|c| data_like(c)) {
        return false;
    }
    let known = FieldMapping::guess(&cells);
    if known.text.is_some()
        || known.title.is_some()
        || [known.date, known.url].iter().flatten().count() == 2
    {
        return true;
    }
    let mut distinct = cells.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() != cells.len() || cells.iter().any(|c| c.is_empty()) {
        return false;
    }
    let longest = cells.iter().map(|c| c.chars().count()).max().unwrap_or(0);
    rest.iter()
        .take(20)
        .any(|(_, row)| row.iter().any(|c| c.chars().count() > 2 * longest.max(8)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ragged_rows_are_reported_and_skipped() {
        let text = "title,text\nA,one\nB,two,extra\nC,three\n";
        let p = parse(text, Delimiter::Auto, None).unwrap();
        assert_eq!(p.records.len(), 2);
        assert_eq!(
            p.problems,
            [FormatError::MalformedCsv {
                line: 3,
                reason: "expected 2 fields, found 3".into()
            }]
        );
        assert_eq!(
            p.problems[0].to_string(),
            "malformed CSV line 3: expected 2 fields, found 3"
        );
    }

    #[test]
    fn unclosed_quote_is_reported_where_it_starts() {
        let text = "title,text\nA,one\nB,\"two\nC,three\n";
        let p = parse(text, Delimiter::Comma, None).unwrap();
        assert_eq!(p.records.len(), 1);
        assert!(
            matches!(p.problems[0], FormatError::MalformedCsv { line: 3, .. }),
            "{:?}",
            p.problems
        );
    }

    #[test]
    fn empty_and_header_only_files_are_errors() {
        assert_eq!(parse("", Delimiter::Auto, None), Err(FormatError::Empty));
        assert_eq!(
            parse("title,text\n", Delimiter::Auto, None),
            Err(FormatError::Empty)
        );
    }

    #[test]
    fn sniffs_the_delimiter() {
        assert_eq!(sniff("a\tb\tc\n"), b'\t');
        assert_eq!(sniff("a;b;c\n"), b';');
        assert_eq!(sniff("\"a;b\",c\n"), b',');
    }

    #[test]
    fn headerless_tables_are_mapped_by_content() {
        let text = "2020-01-02,Fence grows,\"A long text about a fence that grows along the river, mile after mile.\"\n\
                    2020-01-03,Gate shut,\"Another long text, about a gate that was shut for the winter season.\"\n";
        let p = parse(text, Delimiter::Auto, None).unwrap();
        assert_eq!(p.columns, ["column 1", "column 2", "column 3"]);
        assert_eq!(p.records.len(), 2);
        assert_eq!(p.records[1].title.as_deref(), Some("Gate shut"));
        assert_eq!(p.records[0].date.as_deref(), Some("2020-01-02"));
    }
}
