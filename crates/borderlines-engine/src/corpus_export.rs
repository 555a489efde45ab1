//! The corpus, or the documents of a selection, as files a researcher takes
//! elsewhere: documents with their metadata as JSON Lines or CSV, and their
//! insights as JSON in the schema of `borderlines inspect`
//! ([`borderlines_extract::Report`], docs/schema.md).
//!
//! Each document is one record ([`DocumentRecord`]): id, title, the
//! publication date (as the timeline has it: stated by the file first, then
//! the text, then inferred), the source (stated by the file, else the first
//! one the text names), the authors, the address, what the file stated
//! (`stated`, exactly as read), the word count and the text (blocks
//! separated by a blank line). CSV cells go through
//! [`crate::export::csv_row`], so text that starts like a formula
//! (`=HYPERLINK(…)`) is neutralised with a leading apostrophe.
//!
//! Pure functions of the engine and a list of document indexes (the
//! selection's [`Selection::docs`](crate::Selection::docs), or every
//! document): the page turns their text into a download.

use std::borrow::Cow;

use borderlines_core::{Document, FileMetadata};
use borderlines_extract::{agreement_of, Claim, DocumentInsights, Report};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::export::csv_row;
use crate::Engine;

/// One document as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentRecord<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// ISO date ("2024-05-02", "2024-05", "2024"), or none.
    pub date: Option<String>,
    /// True when the date is stated (by the file or the text), false when inferred.
    pub date_stated: bool,
    pub source: Option<&'a str>,
    pub authors: Vec<&'a str>,
    pub byline: Option<&'a str>,
    pub url: Option<&'a str>,
    /// What the document's file stated beside the text, as read.
    pub stated: Option<&'a FileMetadata>,
    pub words: u32,
    pub text: String,
}

impl<'a> DocumentRecord<'a> {
    /// The record of `doc`, with what extraction found in `insights`.
    pub fn new(doc: &'a Document, insights: Option<&'a DocumentInsights>) -> Self {
        let stated = doc.file_metadata();
        let meta = insights.map(|i| &i.metadata);
        let published = meta.and_then(|m| m.published.as_ref());
        DocumentRecord {
            id: &doc.id,
            title: &doc.title,
            date: published.map(|p| p.date.iso()).filter(|d| !d.is_empty()),
            date_stated: published.is_some_and(|p| p.stated),
            source: stated.and_then(|s| s.source.as_deref()).or_else(|| {
                meta.and_then(|m| m.sources.first())
                    .map(|s| s.name.as_str())
            }),
            authors: meta
                .map(|m| m.authors.iter().map(String::as_str).collect())
                .unwrap_or_default(),
            byline: doc.byline.as_deref(),
            url: stated.and_then(|s| s.url.as_deref()),
            stated,
            words: doc.word_count,
            text: doc
                .blocks
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join("\n\n"),
        }
    }
}

/// The columns of [`documents_csv`].
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "title",
    "date",
    "date_stated",
    "source",
    "authors",
    "byline",
    "url",
    "stated_date",
    "stated_source",
    "stated_url",
    "stated_author",
    "words",
    "text",
];

fn records<'a>(engine: &'a Engine, docs: &'a [u32]) -> impl Iterator<Item = DocumentRecord<'a>> {
    let corpus = engine.corpus();
    docs.iter().filter_map(move |&d| {
        let doc = corpus.documents.get(d as usize)?;
        Some(DocumentRecord::new(doc, engine.insights(d as usize)))
    })
}

/// The export file of `docs` in `form`, as the Export menu saves it:
/// "jsonl" ([`documents_jsonl`]), "csv" ([`documents_csv`], after a
/// byte-order mark so spreadsheet programs read it as UTF-8) or "insights"
/// ([`insights_json`]). The page and the loading worker both write it here.
pub fn export_file(engine: &Engine, docs: &[u32], form: &str) -> Result<String, String> {
    match form {
        "jsonl" => Ok(documents_jsonl(engine, docs)),
        "csv" => Ok(format!("\u{FEFF}{}", documents_csv(engine, docs))),
        "insights" => insights_json(engine, docs).map_err(|e| e.to_string()),
        other => Err(format!("no export form \"{other}\"")),
    }
}

/// Every document in `docs` as one JSON object per line (JSON Lines).
pub fn documents_jsonl(engine: &Engine, docs: &[u32]) -> String {
    let mut out = String::new();
    for record in records(engine, docs) {
        // Serialising plain strings, numbers and options cannot fail.
        if let Ok(line) = serde_json::to_string(&record) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Every document in `docs` as a CSV table ([`CSV_COLUMNS`]; RFC 4180,
/// formulas neutralised).
pub fn documents_csv(engine: &Engine, docs: &[u32]) -> String {
    let mut out = csv_row(CSV_COLUMNS);
    for r in records(engine, docs) {
        let stated = |f: fn(&FileMetadata) -> Option<&String>| {
            r.stated.and_then(f).map_or("", String::as_str)
        };
        let date = r.date.as_deref().unwrap_or("");
        let authors = r.authors.join("; ");
        let words = r.words.to_string();
        out.push_str(&csv_row(&[
            r.id,
            r.title,
            date,
            if r.date_stated { "yes" } else { "no" },
            r.source.unwrap_or(""),
            &authors,
            r.byline.unwrap_or(""),
            r.url.unwrap_or(""),
            stated(|m| m.date.as_ref()),
            stated(|m| m.source.as_ref()),
            stated(|m| m.url.as_ref()),
            stated(|m| m.author.as_ref()),
            &words,
            &r.text,
        ]));
    }
    out
}

/// The insights of the documents in `docs` as the JSON `borderlines
/// inspect` prints: each document with its insights, and the claims linking
/// figures across them (the corpus' claims kept to these documents and
/// judged again on them, as `inspect` on the same files would link them).
pub fn insights_json(engine: &Engine, docs: &[u32]) -> Result<String, serde_json::Error> {
    let corpus = engine.corpus();
    let all = engine.all_insights();
    let everything = docs.len() == corpus.documents.len();
    let pairs = docs.iter().filter_map(|&d| {
        Some((
            corpus.documents.get(d as usize)?,
            all.documents.get(d as usize)?,
        ))
    });
    let claims = if everything {
        Cow::Borrowed(all.claims.as_slice())
    } else {
        Cow::Owned(claims_within(engine, docs))
    };
    // Compact, as the JSON Lines are: one serializer in the page's wasm
    // (pretty printing cost ~2 KB gzip more there); `inspect` pretty-prints
    // the same layout.
    serde_json::to_string(&Report::of_documents(pairs, claims))
}

/// The corpus' claims with figures from two or more of `docs`, only those
/// figures kept and their agreement judged again.
fn claims_within(engine: &Engine, docs: &[u32]) -> Vec<Claim> {
    let all = engine.all_insights();
    let mut by_id: FxHashMap<&str, &DocumentInsights> = FxHashMap::default();
    for &d in docs {
        if let Some(ins) = all.documents.get(d as usize) {
            by_id.entry(ins.doc_id.as_str()).or_insert(ins);
        }
    }
    let mut out = Vec::new();
    for claim in &all.claims {
        let figures: Vec<_> = claim
            .figures
            .iter()
            .filter(|f| by_id.contains_key(f.doc_id.as_str()))
            .cloned()
            .collect();
        let sources: FxHashSet<&str> = figures.iter().map(|f| f.doc_id.as_str()).collect();
        if sources.len() < 2 {
            continue;
        }
        let agreement = agreement_of(figures.iter().filter_map(|cf| {
            by_id
                .get(cf.doc_id.as_str())
                .and_then(|ins| ins.figures.get(cf.figure as usize))
        }));
        out.push(Claim {
            figures,
            agreement,
            ..claim.clone()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use borderlines_core::load::add_files;
    use borderlines_core::Corpus;

    fn engine() -> Engine {
        let csv = "title,text,date,source,url,author\r\n\
\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",\"Guards counted 1,047 defectors crossing in 2019, officials said.\",2021-03-04,+Border Wire,https://wire.example/a,@someone\r\n\
Fence Extended,\"Crews added 40 km of fence in 2019.\n\n-5 degrees at night; 1,050 defectors crossed in 2019.\",2021-03-05,Ledger,https://ledger.example/b,Ana Reporter\r\n";
        let text = "Walls Rise\nNew fences went up along the Tumen River this spring.";
        let (corpus, report) = add_files(
            &Corpus::default(),
            [
                ("news.csv".to_owned(), csv.as_bytes().to_vec()),
                ("walls.txt".to_owned(), text.as_bytes().to_vec()),
            ],
        );
        assert_eq!(report.added.len(), 3, "{report:?}");
        Engine::build(Arc::new(corpus))
    }

    #[test]
    fn json_lines_carry_metadata_stated_fields_and_text() {
        let e = engine();
        let out = documents_jsonl(&e, &[0, 1, 2]);
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        let b = &lines[1];
        assert_eq!(b["id"], "news.csv:3");
        assert_eq!(b["title"], "Fence Extended");
        assert_eq!(b["date"], "2021-03-05");
        assert_eq!(b["date_stated"], true);
        assert_eq!(b["source"], "Ledger");
        assert_eq!(b["url"], "https://ledger.example/b");
        assert_eq!(b["stated"]["author"], "Ana Reporter");
        assert_eq!(
            b["text"],
            "Crews added 40 km of fence in 2019.\n\n-5 degrees at night; 1,050 defectors crossed in 2019."
        );
        // A plain text file states nothing.
        assert_eq!(lines[2]["stated"], serde_json::Value::Null);
        assert_eq!(lines[2]["url"], serde_json::Value::Null);
        // A selection: only its documents, in its order.
        let one = documents_jsonl(&e, &[2]);
        assert_eq!(one.lines().count(), 1);
        assert!(one.contains("\"id\":\"walls\""));
        assert_eq!(documents_jsonl(&e, &[]), "");
    }

    #[test]
    fn csv_cells_that_start_a_formula_are_neutralised() {
        let e = engine();
        let out = documents_csv(&e, &[0, 1]);
        let mut rows = ::csv::Reader::from_reader(out.as_bytes());
        let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_owned).collect();
        assert_eq!(header, CSV_COLUMNS);
        let rows: Vec<::csv::StringRecord> = rows.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
        // The hostile title, the "+" source and the "@" author: text, not formulas.
        assert_eq!(
            &rows[0][col("title")],
            "'=HYPERLINK(\"http://evil.example\",\"click\")"
        );
        assert_eq!(&rows[0][col("stated_source")], "'+Border Wire");
        assert_eq!(&rows[0][col("stated_author")], "'@someone");
        // Every cell of the file: none starts a formula.
        for row in &rows {
            for cell in row.iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell:?}"
                );
            }
        }
        // A text whose first paragraph is fine but a later one starts with
        // "-" is one cell: only its start matters, and it is kept whole.
        assert!(rows[1][col("text")].contains("\n\n-5 degrees"));
        assert_eq!(
            &rows[1][col("words")],
            e.corpus().documents[1].word_count.to_string().as_str()
        );
    }

    #[test]
    fn insights_have_the_inspect_schema_and_claims_follow_the_selection() {
        let e = engine();
        let all: serde_json::Value =
            serde_json::from_str(&insights_json(&e, &[0, 1, 2]).unwrap()).unwrap();
        assert_eq!(all["schema_version"], borderlines_extract::SCHEMA_VERSION);
        assert!(all["generator"]
            .as_str()
            .unwrap()
            .starts_with("borderlines "));
        assert_eq!(all["documents"].as_array().unwrap().len(), 3);
        assert_eq!(all["documents"][2]["file"], "walls");
        assert_eq!(all["documents"][2]["document"]["title"], "Walls Rise");
        assert!(all["documents"][0]["insights"]["figures"].is_array());
        assert_eq!(all["errors"], serde_json::json!([]));
        // The two defector counts of 2019 are one claim across both rows.
        let claims = all["claims"].as_array().unwrap();
        assert!(
            claims.iter().any(|c| c["measure"] == "defector"),
            "{claims:?}"
        );
        // One of them selected: no claim links it to anything.
        let one: serde_json::Value =
            serde_json::from_str(&insights_json(&e, &[0]).unwrap()).unwrap();
        assert_eq!(one["documents"].as_array().unwrap().len(), 1);
        assert_eq!(one["claims"], serde_json::json!([]));
        let both: serde_json::Value =
            serde_json::from_str(&insights_json(&e, &[0, 1]).unwrap()).unwrap();
        assert_eq!(both["claims"], all["claims"]);
    }
}
