//! A look at the start of a table or JSON export before it is imported:
//! its columns (or keys), the [`FieldMapping`] guessed for them and the
//! first record's values, which the page shows so the user can check and
//! change the mapping. Only the head of a large file is read
//! ([`PREVIEW_BYTES`]): a cut-off last line is dropped, and a cut-off JSON
//! text is closed after its last whole value ([`json::close_prefix`]).
//!
//! ```
//! use borderlines_core::formats::preview::preview;
//! let head = b"headline,body,published\nFence extended,Crews added 40 km.,2021-03-04\nGate sh";
//! let p = preview("news.csv", head, false).unwrap();
//! assert_eq!(p.columns, ["headline", "body", "published"]);
//! assert_eq!(p.mapping.date.as_deref(), Some("published"));
//! assert_eq!(p.sample[0], "Fence extended");
//! assert!(!p.complete);
//! ```

use super::records::FieldMapping;
use super::{csv, json, FormatError, Parsed};
use crate::text::decode;

/// Bytes read from the start of each file for its preview.
pub const PREVIEW_BYTES: usize = 256 * 1024;

/// Longest sample value kept, in characters.
const SAMPLE_CHARS: usize = 240;

/// What the head of one file holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Preview {
    /// Column names, or the keys met in the objects read.
    pub columns: Vec<String>,
    /// The guessed mapping.
    pub mapping: FieldMapping,
    /// The first record's value in each column, cut to a few hundred characters.
    pub sample: Vec<String>,
    /// Records read from the head (all of them when `complete`).
    pub records: usize,
    /// The whole file was read.
    pub complete: bool,
}

/// Files whose columns are the same, shown (and mapped) once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PreviewGroup {
    /// File names, in the order given.
    pub files: Vec<String>,
    /// The first file's preview; `records` counts all of the group's.
    pub preview: Preview,
}

/// Groups previews by their columns, in order of first appearance.
pub fn group(previews: impl IntoIterator<Item = (String, Preview)>) -> Vec<PreviewGroup> {
    let mut groups: Vec<PreviewGroup> = Vec::new();
    for (name, preview) in previews {
        match groups
            .iter_mut()
            .find(|g| g.preview.columns == preview.columns)
        {
            Some(g) => {
                g.files.push(name);
                g.preview.records += preview.records;
                g.preview.complete &= preview.complete;
            }
            None => groups.push(PreviewGroup {
                files: vec![name],
                preview,
            }),
        }
    }
    groups
}

/// Previews of the tables and JSON exports inside a ZIP archive, named as
/// the loader names their documents ("export.zip/folder/news.csv"), at most
/// `max`: each entry is unpacked (bounded as any archive is) and previewed
/// by its head. An entry or an archive that cannot be read is left out: the
/// load says why.
#[cfg(feature = "archive")]
pub fn archive_previews(name: &str, bytes: &[u8], max: usize) -> Vec<(String, Preview)> {
    use super::archive;
    let Ok(entries) = archive::open(bytes, archive::Limits::default(), is_tabular) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (path, read) in entries {
        if out.len() >= max {
            break;
        }
        let Ok(data) = read else { continue };
        let complete = data.len() <= PREVIEW_BYTES;
        let head = &data[..data.len().min(PREVIEW_BYTES)];
        if let Ok(p) = preview(&path, head, complete) {
            out.push((format!("{name}/{path}"), p));
        }
    }
    out
}

/// Is `name` a ZIP archive, whose tables are previewed by the loading module?
pub fn is_archive(name: &str) -> bool {
    extension(name) == "zip"
}

/// Is `name` a table or JSON export, whose mapping is shown before import?
pub fn is_tabular(name: &str) -> bool {
    matches!(
        extension(name).as_str(),
        "csv" | "tsv" | "tab" | "json" | "jsonl" | "ndjson"
    )
}

/// Reads the head of a tabular file (`complete`: `head` is the whole file).
pub fn preview(name: &str, head: &[u8], complete: bool) -> Result<Preview, FormatError> {
    if let Some(why) = crate::sniff::refuse_binary(head) {
        return Err(FormatError::Binary(why.to_owned()));
    }
    let text = if complete {
        decode(head)
    } else {
        whole_lines(head)
    };
    let ext = extension(name);
    let parsed: Parsed = match ext.as_str() {
        "csv" => csv::parse(&text, csv::Delimiter::Auto, None)?,
        "tsv" | "tab" => csv::parse(&text, csv::Delimiter::Tab, None)?,
        "jsonl" | "ndjson" => json::parse_lines(&text, None)?,
        "json" if complete => json::parse(&text, None)?,
        "json" => match json::close_prefix(text.trim_end()) {
            Some(closed) => json::parse(&closed, None)?,
            // No whole value yet: JSON Lines, or one huge first article.
            None => json::parse(&text, None)?,
        },
        _ => return Err(FormatError::Unsupported(ext)),
    };
    Ok(Preview {
        sample: parsed.sample.iter().map(|v| clip(v)).collect(),
        columns: parsed.columns,
        mapping: parsed.mapping,
        records: parsed.records.len(),
        complete,
    })
}

/// The head decoded, without its cut-off last line.
fn whole_lines(head: &[u8]) -> String {
    let utf16 = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    if utf16 {
        let text = decode(&head[..head.len() & !1]);
        return match text.rfind('\n') {
            Some(end) => text[..=end].to_owned(),
            None => text,
        };
    }
    // A line end byte is never inside a UTF-8 sequence, so cutting there
    // leaves no half character to be misread as another encoding.
    match head.iter().rposition(|&b| b == b'\n') {
        Some(end) => decode(&head[..=end]),
        None => decode(head),
    }
}

fn clip(value: &str) -> String {
    let flat = value.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(SAMPLE_CHARS) {
        Some((end, _)) => format!("{}…", &flat[..end]),
        None => flat,
    }
}

fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.')
        .map(|(_, ext)| ext.to_lowercase())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_json_array_is_previewed_from_its_whole_objects() {
        let mut text = String::from("{\"response\": {\"docs\": [");
        for i in 0..50 {
            text.push_str(&format!(
                "{{\"headline\": \"Story {i}\", \"body\": \"Text of story {i}.\", \"pubDate\": \"2021-03-{:02}\"}},",
                i % 28 + 1
            ));
        }
        let head = &text.as_bytes()[..text.len() - 30];
        let p = preview("export.json", head, false).unwrap();
        assert_eq!(p.columns, ["body", "headline", "pubDate"]);
        assert_eq!(p.mapping.title.as_deref(), Some("headline"));
        assert_eq!(p.mapping.date.as_deref(), Some("pubDate"));
        assert_eq!(p.sample, ["Text of story 0.", "Story 0", "2021-03-01"]);
        assert_eq!(p.records, 49);
    }

    #[test]
    fn files_with_the_same_columns_are_one_group() {
        let a = preview("a.csv", b"title,text\nA,one\n", true).unwrap();
        let b = preview("b.csv", b"title,text\nB,two\nC,three\n", true).unwrap();
        let c = preview("c.csv", b"headline,body,date\nD,four,2020-01-01\n", true).unwrap();
        let groups = group([
            ("a.csv".into(), a),
            ("c.csv".into(), c),
            ("b.csv".into(), b),
        ]);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].files, ["a.csv", "b.csv"]);
        assert_eq!(groups[0].preview.records, 3);
        assert_eq!(groups[0].preview.sample, ["A", "one"]);
        assert_eq!(groups[1].files, ["c.csv"]);
    }

    #[test]
    fn json_lines_and_whole_files() {
        let text = "{\"title\": \"A\", \"text\": \"a\"}\nnot json\n{\"title\": \"B\", \"text\": \"b\"}\n{\"tit";
        let p = preview("x.jsonl", text.as_bytes(), false).unwrap();
        assert_eq!(p.records, 2);
        let p = preview("x.jsonl", &text.as_bytes()[..text.len() - 5], true).unwrap();
        assert!(p.complete);
        assert_eq!(p.sample, ["a", "A"]);
    }

    #[test]
    fn a_cut_multibyte_character_is_not_misread() {
        let text = "title,text\nGrenzzaun,Der Zaun wächst\nZweiter,Schöne Grüße";
        let bytes = text.as_bytes();
        // Cut inside the "ü" of the last line.
        let cut = text.find("ü").unwrap() + 1;
        let p = preview("de.csv", &bytes[..cut], false).unwrap();
        assert_eq!(p.sample, ["Grenzzaun", "Der Zaun wächst"]);
    }

    #[test]
    fn long_values_are_clipped_and_other_files_refused() {
        let long = "word ".repeat(500);
        let text = format!("title,text\nT,\"{long}\"\n");
        let p = preview("l.csv", text.as_bytes(), true).unwrap();
        assert_eq!(p.sample[1].chars().count(), SAMPLE_CHARS + 1);
        assert!(matches!(
            preview("a.txt", b"hello\n", true),
            Err(FormatError::Unsupported(_))
        ));
        assert!(matches!(
            preview(
                "a.csv",
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\0\0\0\0",
                true
            ),
            Err(FormatError::Binary(_))
        ));
        assert!(is_tabular("dir/News.CSV") && is_tabular("a.ndjson") && !is_tabular("a.html"));
    }
}
