//! JSON exports: an array of article objects (`[{"title": …}, …]`), an
//! object holding such an array (`{"articles": […]}`, `{"response":
//! {"docs": […]}}`), a single article object, or JSON Lines (one object
//! per line, `.jsonl`/`.ndjson`). Keys are mapped to fields by name like
//! CSV columns ([`FieldMapping::guess`]).
//!
//! In JSON Lines a bad line is reported as "malformed JSON line N" and the
//! valid lines are kept. Work is bounded: input size ([`MAX_FILE_BYTES`]),
//! nesting depth ([`MAX_DEPTH`], checked by a linear scan before parsing,
//! so a file of a million `[` is refused without recursing), and the number
//! of records ([`MAX_RECORDS`]). Values that are not strings become text:
//! numbers as written, lists of strings joined with ", ", and an object by
//! its `name`, `text`, `value` or `@value` (as JSON-LD authors are).
//!
//! ```
//! use borderlines_core::formats::json::parse;
//! let text = r#"{"articles": [{"headline": "New posts", "body": "Posts went up.", "author": {"name": "Ana"}}]}"#;
//! let parsed = parse(text, None).unwrap();
//! assert_eq!(parsed.records[0].title.as_deref(), Some("New posts"));
//! assert_eq!(parsed.records[0].author.as_deref(), Some("Ana"));
//! ```

use serde_json::{Map, Value};

use super::records::FieldMapping;
use super::{FormatError, Parsed, MAX_RECORDS};
use crate::load::MAX_FILE_BYTES;

/// Deepest nesting of arrays and objects read.
pub const MAX_DEPTH: usize = 64;

/// Most distinct keys listed as columns (each object's in alphabetical order: the
/// workspace's `serde_json` keeps object keys sorted).
const MAX_COLUMNS: usize = 200;

/// Reads decoded bytes (see [`crate::text::decode`]) as JSON or JSON Lines.
pub fn parse_bytes(bytes: &[u8], mapping: Option<&FieldMapping>) -> Result<Parsed, FormatError> {
    check_size(bytes.len())?;
    parse(&crate::text::decode(bytes), mapping)
}

/// Reads `text` as JSON, or as JSON Lines when it is not one JSON value but
/// its lines are objects.
pub fn parse(text: &str, mapping: Option<&FieldMapping>) -> Result<Parsed, FormatError> {
    check_size(text.len())?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    check_depth(text, 1)?;
    match serde_json::from_str::<Value>(text) {
        Ok(value) => from_value(value, mapping),
        Err(_) if looks_like_lines(text) => parse_lines(text, mapping),
        Err(e) => Err(malformed(&e, 0)),
    }
}

/// Reads `text` as JSON Lines: one object per line; blank lines are
/// skipped, bad lines reported and the rest kept.
pub fn parse_lines(text: &str, mapping: Option<&FieldMapping>) -> Result<Parsed, FormatError> {
    check_size(text.len())?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut objects = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        if objects.len() >= MAX_RECORDS {
            problems.push(FormatError::TooManyRecords { limit: MAX_RECORDS });
            break;
        }
        if let Err(e) = check_depth(line, number) {
            problems.push(e);
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(o)) => objects.push((number, o)),
            Ok(other) => problems.push(FormatError::MalformedJson {
                line: number,
                column: 1,
                reason: format!("expected an object, found {}", kind(&other)),
            }),
            Err(e) => problems.push(malformed(&e, number - 1)),
        }
    }
    if objects.is_empty() {
        return Err(problems.into_iter().next().unwrap_or(FormatError::Empty));
    }
    let mut parsed = records_of(objects, mapping);
    parsed.problems.extend(problems);
    Ok(parsed)
}

fn check_size(len: usize) -> Result<(), FormatError> {
    if len > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            bytes: len,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// Refuses nesting deeper than [`MAX_DEPTH`] in one pass over the bytes
/// (strings and their escapes skipped), before any recursive parse.
/// Where a byte-by-byte scan of JSON text is with respect to strings, so
/// brackets inside strings are not counted.
#[derive(Default)]
struct StringScan {
    in_string: bool,
    escaped: bool,
}

impl StringScan {
    /// Feeds the next byte; `true` when it is part of a string (its quotes
    /// included) and the caller should skip it.
    fn skip(&mut self, b: u8) -> bool {
        if self.in_string {
            match (self.escaped, b) {
                (true, _) => self.escaped = false,
                (false, b'\\') => self.escaped = true,
                (false, b'"') => self.in_string = false,
                _ => {}
            }
            return true;
        }
        self.in_string = b == b'"';
        self.in_string
    }
}

fn check_depth(text: &str, first_line: usize) -> Result<(), FormatError> {
    let (mut depth, mut line) = (0usize, first_line);
    let mut strings = StringScan::default();
    for b in text.bytes() {
        if b == b'\n' {
            line += 1;
        }
        if strings.skip(b) {
            continue;
        }
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(FormatError::TooDeep {
                        line,
                        limit: MAX_DEPTH,
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Several non-blank lines, and one of the first few is an object alone.
fn looks_like_lines(text: &str) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let first: Vec<&str> = lines.by_ref().take(5).collect();
    first.len() >= 2
        && first.iter().any(|l| {
            l.trim_start().starts_with('{')
                && matches!(serde_json::from_str::<Value>(l), Ok(Value::Object(_)))
        })
}

fn malformed(e: &serde_json::Error, line_offset: usize) -> FormatError {
    let reason = e.to_string();
    // serde_json appends " at line L column C"; we say it ourselves.
    let reason = reason
        .split(" at line ")
        .next()
        .unwrap_or(&reason)
        .to_owned();
    FormatError::MalformedJson {
        line: e.line() + line_offset,
        column: e.column(),
        reason,
    }
}

/// A parsed value: the array of articles in it, wherever it is.
fn from_value(value: Value, mapping: Option<&FieldMapping>) -> Result<Parsed, FormatError> {
    let found = kind(&value);
    let list = match value {
        Value::Array(items) => items,
        Value::Object(object) => match take_article_array(object) {
            Ok(items) => items,
            // One article on its own.
            Err(object) => vec![Value::Object(object)],
        },
        _ => {
            return Err(FormatError::NoArticles {
                found: found.into(),
            })
        }
    };
    let mut problems = Vec::new();
    let total = list.len();
    let objects: Vec<(usize, Map<String, Value>)> = list
        .into_iter()
        .enumerate()
        .take(MAX_RECORDS)
        .filter_map(|(i, v)| match v {
            Value::Object(o) => Some((i + 1, o)),
            _ => None,
        })
        .collect();
    if total > MAX_RECORDS {
        problems.push(FormatError::TooManyRecords { limit: MAX_RECORDS });
    }
    if objects.is_empty() {
        return Err(FormatError::NoArticles {
            found: if total == 0 {
                "an empty list".into()
            } else {
                "a list without objects".into()
            },
        });
    }
    let mut parsed = records_of(objects, mapping);
    if parsed.mapping.text.is_none() && parsed.mapping.title.is_none() {
        return Err(FormatError::NoArticles {
            found: format!("objects with keys {}", parsed.columns.join(", ")),
        });
    }
    parsed.problems.extend(problems);
    Ok(parsed)
}

/// The longest array of objects among the object's values, or one level
/// further down; the object itself back when there is none.
fn take_article_array(mut object: Map<String, Value>) -> Result<Vec<Value>, Map<String, Value>> {
    fn objects_in(v: &Value) -> usize {
        match v {
            Value::Array(items) if items.iter().any(Value::is_object) => items.len(),
            _ => 0,
        }
    }
    let mut best: Option<(usize, Vec<String>)> = None;
    for (key, value) in &object {
        let n = objects_in(value);
        if n > 0 && best.as_ref().is_none_or(|(m, _)| n > *m) {
            best = Some((n, vec![key.clone()]));
        }
        if let Value::Object(inner) = value {
            for (k2, v2) in inner {
                let n = objects_in(v2);
                if n > 0 && best.as_ref().is_none_or(|(m, _)| n > *m) {
                    best = Some((n, vec![key.clone(), k2.clone()]));
                }
            }
        }
    }
    let Some((_, path)) = best else {
        return Err(object);
    };
    let mut value = object.remove(&path[0]);
    if let (Some(Value::Object(inner)), Some(k2)) = (&mut value, path.get(1)) {
        value = inner.remove(k2);
    }
    match value {
        Some(Value::Array(items)) => Ok(items),
        _ => Ok(Vec::new()),
    }
}

fn records_of(objects: Vec<(usize, Map<String, Value>)>, mapping: Option<&FieldMapping>) -> Parsed {
    let mut columns: Vec<String> = Vec::new();
    for (_, o) in &objects {
        for key in o.keys() {
            if columns.len() >= MAX_COLUMNS {
                break;
            }
            if !columns.iter().any(|c| c == key) {
                columns.push(key.clone());
            }
        }
    }
    let mapping = mapping
        .cloned()
        .unwrap_or_else(|| FieldMapping::guess(&columns));
    let sample = objects
        .first()
        .map(|(_, o)| {
            columns
                .iter()
                .map(|c| o.get(c).and_then(|v| as_text(v, 0)).unwrap_or_default())
                .collect()
        })
        .unwrap_or_default();
    let records = objects
        .into_iter()
        .map(|(origin, o)| {
            let mut r = mapping.apply_with(|key| o.get(key).and_then(|v| as_text(v, 0)));
            r.origin = origin;
            r
        })
        .collect();
    Parsed {
        records,
        columns,
        mapping,
        problems: Vec::new(),
        sample,
        encoding: "",
    }
}

/// A JSON text cut off at some byte (the start of a large file), made whole
/// again: the text up to the last value that ended inside a list or an
/// object, followed by the brackets still open there. `None` when no value
/// ended yet. A text that is already whole comes back as it is.
///
/// ```
/// use borderlines_core::formats::json::close_prefix;
/// let head = r#"{"articles": [{"title": "A"}, {"title": "B"}, {"title": "C"#;
/// assert_eq!(close_prefix(head).as_deref(), Some(r#"{"articles": [{"title": "A"}, {"title": "B"}]}"#));
/// ```
pub fn close_prefix(text: &str) -> Option<String> {
    let mut stack: Vec<u8> = Vec::new();
    // (end of the last value closed inside a container, depth there): the
    // stack below that depth is unchanged since, or a later close would
    // have moved the cut.
    let mut cut: Option<(usize, usize)> = None;
    let mut strings = StringScan::default();
    for (i, b) in text.bytes().enumerate() {
        if strings.skip(b) {
            continue;
        }
        match b {
            b'[' | b'{' => {
                if stack.len() >= MAX_DEPTH {
                    return None;
                }
                stack.push(b);
            }
            b']' | b'}' => {
                stack.pop()?;
                if stack.is_empty() {
                    return Some(text[..=i].to_owned());
                }
                cut = Some((i + 1, stack.len()));
            }
            _ => {}
        }
    }
    let (end, depth) = cut?;
    let mut out = String::with_capacity(end + depth);
    out.push_str(&text[..end]);
    for &open in stack[..depth].iter().rev() {
        out.push(if open == b'[' { ']' } else { '}' });
    }
    Some(out)
}

/// A value as text (see the module docs); `None` for null and the like.
fn as_text(value: &Value, depth: usize) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null => None,
        Value::Array(items) if depth < 2 => {
            let parts: Vec<String> = items.iter().filter_map(|v| as_text(v, depth + 1)).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Object(o) if depth < 2 => ["name", "text", "value", "@value", "url"]
            .iter()
            .find_map(|k| o.get(*k).and_then(|v| as_text(v, depth + 1))),
        _ => None,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let text = "[".repeat(100_000);
        assert_eq!(
            parse(&text, None),
            Err(FormatError::TooDeep {
                line: 1,
                limit: MAX_DEPTH
            })
        );
        // Brackets inside strings do not count.
        let text = format!(r#"[{{"title": "x", "text": "{}"}}]"#, "[".repeat(1000));
        assert_eq!(parse(&text, None).unwrap().records.len(), 1);
    }

    #[test]
    fn finds_the_array_one_or_two_levels_down() {
        let text = r#"{"response": {"numFound": 2, "docs": [{"title": "A", "text": "a"}, {"title": "B", "text": "b"}]}}"#;
        let p = parse(text, None).unwrap();
        assert_eq!(p.records.len(), 2);
        assert_eq!(p.records[1].origin, 2);
    }

    #[test]
    fn a_single_object_is_one_article_and_scalars_are_not() {
        let p = parse(r#"{"headline": "Gate", "articleBody": "Shut."}"#, None).unwrap();
        assert_eq!(p.records[0].text, "Shut.");
        assert!(matches!(
            parse("42", None),
            Err(FormatError::NoArticles { .. })
        ));
        assert!(matches!(
            parse("[]", None),
            Err(FormatError::NoArticles { .. })
        ));
        assert!(matches!(
            parse(r#"[{"a": 1}]"#, None),
            Err(FormatError::NoArticles { .. })
        ));
    }

    #[test]
    fn broken_json_has_its_line() {
        let err = parse("[\n{\"title\": \"x\",\n}\n]", None).unwrap_err();
        assert!(
            matches!(err, FormatError::MalformedJson { line: 3, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn values_become_text() {
        let p = parse(
            r#"[{"title": "T", "text": "x", "author": ["Ana", "Bo"], "date": 2021, "source": {"@type": "Organization", "name": "Wire"}}]"#,
            None,
        )
        .unwrap();
        let r = &p.records[0];
        assert_eq!(r.author.as_deref(), Some("Ana, Bo"));
        assert_eq!(r.date.as_deref(), Some("2021"));
        assert_eq!(r.source.as_deref(), Some("Wire"));
    }
}
