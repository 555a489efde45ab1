//! Figures and claims of a selection: the figures table and the "claims
//! across sources" panel.
//!
//! The extractor (`borderlines-extract`) finds every quantity of every
//! document — its bounds, unit, what it counts, the time it refers to and
//! where it stands — and links figures of different documents about the
//! same measure, unit and year into claims. This collector turns those into
//! what the views show for the documents in view:
//!
//! - [`figure_rows`]: one owned, ready-to-render [`FigureRow`] per figure of
//!   the selection's documents, with the value as a reader writes it
//!   ("≥ 489 km", "1,350–1,650", "up to 80%"), a numeric key to sort it by,
//!   its source, the sentence it comes from, and the block and byte range
//!   the reader opens and marks. [`sort_rows`] orders them by a
//!   [`FigureColumn`], whose short keys go into the URL.
//! - [`figure_refs`], [`sort_refs`] and [`rows_of`]: the same table as
//!   plain positions, sorted in the same order, with rows built only for
//!   the part on screen (a large corpus has over 100,000 figures).
//! - [`claim_groups`]: the corpus' claims restricted to the selection, each
//!   judged again on the figures left (a claim with one document left is
//!   shown as "single source"), conflicts first.
//! - [`rows_to_csv`] and [`rows_to_json`]: the table as a file (CSV by
//!   [`crate::export`]).
//!
//! Why here and not in the app: the table, its sort, the claims and the
//! exports are all plain data computed from a [`Selection`], so they are
//! tested natively, and the app only renders them. Nothing here panics on
//! input: locations that do not fit their text give empty strings.
//!
//! ```
//! use std::sync::Arc;
//! use borderlines_engine::collectors::figures::{figure_rows, sort_rows, FigureColumn};
//! use borderlines_engine::Engine;
//! let doc = borderlines_core::parse_document(
//!     "a",
//!     "Arrivals\nOfficials said 1,047 defectors arrived in 2019 and only 67 defectors arrived in 2020.",
//! )
//! .unwrap();
//! let engine = Engine::build(Arc::new(borderlines_core::Corpus { documents: vec![doc] }));
//! let mut rows = figure_rows(&engine, &engine.select("", 10));
//! sort_rows(&mut rows, FigureColumn::from_key("value").unwrap(), true);
//! assert_eq!((rows[0].value.as_str(), rows[0].year), ("1,047", Some(2019)));
//! assert!(rows[0].counts.contains("defectors"));
//! assert_eq!(rows[0].sentence, "Officials said 1,047 defectors arrived in 2019 and only 67 defectors arrived in 2020.");
//! ```

use std::cmp::Ordering;

use borderlines_extract::figures::format_number;
use borderlines_extract::{agreement_of, Agreement, Bounds, DocumentInsights, Figure, Loc};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::export::csv;
use crate::{Engine, Selection};

/// One figure of the table, every field owned and ready to render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureRow {
    /// The document's index in the corpus.
    pub doc: u32,
    pub doc_id: String,
    pub doc_title: String,
    /// Index into that document's `DocumentInsights::figures`.
    pub figure: u32,
    /// The expression as written ("at least 489 km").
    pub text: String,
    /// The value with its bounds and unit as a reader writes it:
    /// "1,047", "≥ 489 km", "up to 80%", "1,350–1,650".
    pub value: String,
    /// The number to sort by: the midpoint of both bounds when both are
    /// known, else the value.
    pub sort_value: f64,
    /// Lower bound, when known (inclusive).
    pub min: Option<f64>,
    /// Upper bound, when known (inclusive).
    pub max: Option<f64>,
    /// Normalised unit ("km", "%", "USD"), or empty.
    pub unit: String,
    /// What it counts or measures ("defectors reaching South Korea"), or
    /// empty.
    pub counts: String,
    /// The head noun of `counts`, singular ("defector"), or empty.
    pub measure: String,
    /// The time it refers to as written ("2019", "last year"), or empty.
    pub time: String,
    /// Its year, when known.
    pub year: Option<i32>,
    /// The document's first stated source, else its authors or byline, else
    /// empty.
    pub source: String,
    /// The sentence the figure comes from (empty if its location does not
    /// fit the text).
    pub sentence: String,
    /// The block the figure is in, and its byte range `start..end` in that
    /// block's text: where the reader opens and what it marks.
    pub block: u32,
    pub start: u32,
    pub end: u32,
}

/// A figure of the selection by position: its document and its index
/// among that document's figures. What the table keeps and sorts, so that
/// only the rows on screen become [`FigureRow`]s: 14,491 documents have
/// 104,393 figures, and building every row took 109 ms natively, more in
/// the page, each time the tab opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FigureRef {
    /// The document's index in the corpus.
    pub doc: u32,
    /// The figure's index in the document's insights.
    pub figure: u32,
}

/// Every figure of the selection's documents, in corpus order then reading
/// order.
pub fn figure_refs(engine: &Engine, selection: &Selection) -> Vec<FigureRef> {
    let mut refs = Vec::new();
    for &doc in selection.docs() {
        let Some(ins) = engine.insights(doc as usize) else {
            continue;
        };
        let n = u32::try_from(ins.figures.len()).unwrap_or(u32::MAX);
        refs.extend((0..n).map(|figure| FigureRef { doc, figure }));
    }
    refs
}

/// The rows of `refs`, in their order; refs that name no figure are left
/// out.
pub fn rows_of(engine: &Engine, refs: &[FigureRef]) -> Vec<FigureRow> {
    let mut info: Option<(u32, DocInfo<'_>)> = None;
    refs.iter()
        .filter_map(|r| {
            let ins = engine.insights(r.doc as usize)?;
            let f = ins.figures.get(r.figure as usize)?;
            if info.as_ref().is_none_or(|(d, _)| *d != r.doc) {
                info = Some((r.doc, DocInfo::new(engine, r.doc, ins)));
            }
            let (_, doc) = info.as_ref()?;
            Some(row(doc, r.doc, r.figure, f))
        })
        .collect()
}

/// Every figure of the selection's documents as a row, in corpus order
/// then reading order (the exports; the table builds only what it shows,
/// from [`figure_refs`]).
pub fn figure_rows(engine: &Engine, selection: &Selection) -> Vec<FigureRow> {
    rows_of(engine, &figure_refs(engine, selection))
}

/// The row of figure `fi` of document `d`.
fn row(doc: &DocInfo<'_>, d: u32, fi: u32, f: &Figure) -> FigureRow {
    FigureRow {
        doc: d,
        doc_id: doc.id.to_owned(),
        doc_title: doc.title.to_owned(),
        figure: fi,
        text: f.text.clone(),
        value: value_display(f),
        sort_value: sort_value(f),
        min: f.min,
        max: f.max,
        unit: f.unit.clone().unwrap_or_default(),
        counts: counts_of(f).to_owned(),
        measure: f.measure.clone().unwrap_or_default(),
        time: time_of(f).to_owned(),
        year: f.time.as_ref().and_then(|t| t.year),
        source: doc.source.clone(),
        sentence: doc.slice(f.sentence).trim().to_owned(),
        block: f.loc.block,
        start: f.loc.start,
        end: f.loc.end,
    }
}

/// What a figure counts, else its measure, else "".
fn counts_of(f: &Figure) -> &str {
    f.counts
        .as_deref()
        .or(f.measure.as_deref())
        .unwrap_or_default()
}

/// The time a figure refers to as written, else "".
fn time_of(f: &Figure) -> &str {
    f.time.as_ref().map_or("", |t| t.text.as_str())
}

/// What every row of one document shares.
struct DocInfo<'a> {
    id: &'a str,
    title: &'a str,
    source: String,
    blocks: &'a [borderlines_core::Block],
}

impl<'a> DocInfo<'a> {
    fn new(engine: &'a Engine, doc: u32, ins: &'a DocumentInsights) -> Self {
        let document = engine.corpus().documents.get(doc as usize);
        Self {
            id: document.map_or(ins.doc_id.as_str(), |d| d.id.as_str()),
            title: document.map_or(ins.metadata.title.as_str(), |d| d.title.as_str()),
            source: source_of(ins),
            blocks: document.map_or(&[], |d| d.blocks.as_slice()),
        }
    }

    /// The text at `loc`, or "" when it does not fit (block out of range,
    /// bytes out of range or not on char boundaries).
    fn slice(&self, loc: Loc) -> &'a str {
        slice(self.blocks, loc)
    }
}

/// The text at `loc` in `blocks`, or "" when it does not fit.
fn slice(blocks: &[borderlines_core::Block], loc: Loc) -> &str {
    blocks
        .get(loc.block as usize)
        .map_or("", |b| loc.text(&b.text))
}

/// The document's first stated source, else its authors, else its byline,
/// else "".
fn source_of(ins: &DocumentInsights) -> String {
    let m = &ins.metadata;
    if let Some(s) = m.sources.first() {
        return s.name.clone();
    }
    if !m.authors.is_empty() {
        return m.authors.join(", ");
    }
    m.byline.as_deref().unwrap_or("").trim().to_owned()
}

/// A figure's value with its bounds and unit as a reader writes it: "1,047",
/// "≥ 489 km", "up to 80%", "1,350–1,650", "≈ 12". Numbers are written by
/// the extractor's [`format_number`].
pub fn value_display(f: &Figure) -> String {
    let n = format_number;
    // The extractor's reading of the bounds, spelled for a table.
    let bounds = match f.bounds() {
        Bounds::Exact(v) => n(v),
        Bounds::About(a) => format!("≈ {}", n(a)),
        Bounds::Between(a, b) => format!("{}–{}", n(a), n(b)),
        Bounds::AtLeast(a) => format!("≥ {}", n(a)),
        Bounds::AtMost(b) => format!("up to {}", n(b)),
    };
    match f.unit.as_deref() {
        None | Some("") => bounds,
        Some("%") => format!("{bounds}%"),
        Some("age") => format!("{bounds} years old"),
        Some(u) => format!("{bounds} {u}"),
    }
}

/// The number a figure sorts by: the midpoint of its bounds when both are
/// known and finite, else its value.
fn sort_value(f: &Figure) -> f64 {
    match (f.min, f.max) {
        (Some(a), Some(b)) if a.is_finite() && b.is_finite() => a / 2.0 + b / 2.0,
        _ => f.value,
    }
}

/// A column the figures table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureColumn {
    Value,
    Counts,
    Unit,
    Time,
    Document,
    Source,
}

impl FigureColumn {
    /// Every column, in table order.
    pub const ALL: [FigureColumn; 6] = [
        FigureColumn::Value,
        FigureColumn::Counts,
        FigureColumn::Unit,
        FigureColumn::Time,
        FigureColumn::Document,
        FigureColumn::Source,
    ];

    /// The short lowercase ASCII key the URL carries.
    pub fn key(self) -> &'static str {
        match self {
            FigureColumn::Value => "value",
            FigureColumn::Counts => "counts",
            FigureColumn::Unit => "unit",
            FigureColumn::Time => "time",
            FigureColumn::Document => "doc",
            FigureColumn::Source => "source",
        }
    }

    /// The column with this key (exactly as [`FigureColumn::key`] writes it).
    pub fn from_key(key: &str) -> Option<FigureColumn> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The column header.
    pub fn label(self) -> &'static str {
        match self {
            FigureColumn::Value => "Value",
            FigureColumn::Counts => "Counts",
            FigureColumn::Unit => "Unit",
            FigureColumn::Time => "Time",
            FigureColumn::Document => "Document",
            FigureColumn::Source => "Source",
        }
    }
}

/// Case-insensitive text order, exact text breaking ties.
fn text_cmp(a: &str, b: &str) -> Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
        .then_with(|| a.cmp(b))
}

/// What a row is ordered by, borrowed from a [`FigureRow`] or straight
/// from the insights (one order for both).
struct SortKey<'a> {
    value: f64,
    counts: &'a str,
    unit: &'a str,
    year: Option<i32>,
    time: &'a str,
    source: &'a str,
    /// (document, block, start, figure): the tie-breaker.
    place: (u32, u32, u32, u32),
}

impl FigureRow {
    fn sort_key(&self) -> SortKey<'_> {
        SortKey {
            value: self.sort_value,
            counts: &self.counts,
            unit: &self.unit,
            year: self.year,
            time: &self.time,
            source: &self.source,
            place: (self.doc, self.block, self.start, self.figure),
        }
    }
}

impl<'a> SortKey<'a> {
    /// The text `column` orders by (the time's text only breaks ties of
    /// years).
    fn text(&self, column: FigureColumn) -> &'a str {
        match column {
            FigureColumn::Counts => self.counts,
            FigureColumn::Unit => self.unit,
            FigureColumn::Time => self.time,
            FigureColumn::Source => self.source,
            FigureColumn::Value | FigureColumn::Document => "",
        }
    }
}

/// The order of `keys` by `column` in either direction, as indices into
/// `keys`. Rows without a value in that column (empty text, no year) come
/// last both ways; ties are broken by document, then position in it,
/// always ascending, so the order is the same every time.
///
/// Texts are compared once per distinct text, not once per comparison:
/// sorting 104,393 figures by source compared lowercased strings ~1.8
/// million times (312 ms natively); the few thousand distinct texts are
/// ranked first, and the rows sorted by rank.
fn order(keys: &[SortKey<'_>], column: FigureColumn, descending: bool) -> Vec<usize> {
    let distinct: FxHashSet<&str> = keys.iter().map(|k| k.text(column)).collect();
    let mut texts: Vec<&str> = distinct.into_iter().collect();
    texts.sort_by(|a, b| text_cmp(a, b));
    let rank: FxHashMap<&str, u32> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (*t, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    // (empty, rank) of each key's text: empty texts last both ways.
    let text: Vec<(bool, u32)> = keys
        .iter()
        .map(|k| {
            let t = k.text(column);
            (t.is_empty(), rank.get(t).copied().unwrap_or(0))
        })
        .collect();
    let directed = |o: Ordering| if descending { o.reverse() } else { o };
    let by_text = |a: usize, b: usize| {
        let ((ea, ra), (eb, rb)) = (text[a], text[b]);
        ea.cmp(&eb).then_with(|| directed(ra.cmp(&rb)))
    };
    let mut idx: Vec<usize> = (0..keys.len()).collect();
    idx.sort_by(|&a, &b| {
        let (ka, kb) = (&keys[a], &keys[b]);
        match column {
            FigureColumn::Value => directed(ka.value.total_cmp(&kb.value)),
            FigureColumn::Counts | FigureColumn::Unit | FigureColumn::Source => by_text(a, b),
            FigureColumn::Time => ka
                .year
                .is_none()
                .cmp(&kb.year.is_none())
                .then_with(|| directed(ka.year.cmp(&kb.year)))
                .then_with(|| by_text(a, b)),
            FigureColumn::Document => directed(ka.place.0.cmp(&kb.place.0)),
        }
        .then_with(|| ka.place.cmp(&kb.place))
    });
    idx
}

/// Puts `items` in `order` (`order[i]`: the index of the item that goes
/// to place `i`), by following the permutation's cycles with swaps.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        if done[start] {
            continue;
        }
        let mut i = start;
        done[i] = true;
        while order[i] != start {
            let next = order[i];
            items.swap(i, next);
            done[next] = true;
            i = next;
        }
    }
}

/// Orders rows by `column` in either direction. Rows without a value in
/// that column (empty text, no year) come last both ways; ties are broken
/// by document, then position in it; text is compared without regard to
/// case. The order [`sort_refs`] gives their positions.
pub fn sort_rows(rows: &mut [FigureRow], column: FigureColumn, descending: bool) {
    let keys: Vec<SortKey<'_>> = rows.iter().map(FigureRow::sort_key).collect();
    let order = order(&keys, column, descending);
    drop(keys);
    permute(rows, &order);
}

/// Orders figures by `column` in either direction without building their
/// rows: the order [`sort_rows`] gives their rows. Positions that name no
/// figure come last, in their order.
pub fn sort_refs(engine: &Engine, refs: &mut [FigureRef], column: FigureColumn, descending: bool) {
    // A source is made (authors joined) once per document, and only for
    // the column that needs it.
    let mut sources: FxHashMap<u32, String> = FxHashMap::default();
    if column == FigureColumn::Source {
        for r in refs.iter() {
            if let Some(ins) = engine.insights(r.doc as usize) {
                sources.entry(r.doc).or_insert_with(|| source_of(ins));
            }
        }
    }
    // One look-up per position: its key, or the position set aside.
    let (mut found, mut missing, mut keys) = (Vec::new(), Vec::new(), Vec::new());
    for r in refs.iter() {
        let Some(f) = engine
            .insights(r.doc as usize)
            .and_then(|ins| ins.figures.get(r.figure as usize))
        else {
            missing.push(*r);
            continue;
        };
        found.push(*r);
        keys.push(SortKey {
            value: sort_value(f),
            counts: counts_of(f),
            unit: f.unit.as_deref().unwrap_or_default(),
            year: f.time.as_ref().and_then(|t| t.year),
            time: time_of(f),
            source: sources.get(&r.doc).map_or("", String::as_str),
            place: (r.doc, f.loc.block, f.loc.start, r.figure),
        });
    }
    let sorted = order(&keys, column, descending)
        .into_iter()
        .map(|i| found[i])
        .chain(missing);
    for (slot, r) in refs.iter_mut().zip(sorted) {
        *slot = r;
    }
}

/// How the figures of a claim, within the selection, stand to each other.
/// Declared in display order: conflicts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum ClaimAgreement {
    /// Figures from two or more documents whose ranges share no value.
    Conflicting,
    /// Figures from two or more documents that can all be true at once.
    Consistent,
    /// Only one document's figures are in the selection.
    Single,
}

impl ClaimAgreement {
    /// A short lowercase key ("conflicting", "consistent", "single").
    pub fn key(self) -> &'static str {
        match self {
            ClaimAgreement::Conflicting => "conflicting",
            ClaimAgreement::Consistent => "consistent",
            ClaimAgreement::Single => "single",
        }
    }

    /// How the panel says it ("conflicting", "consistent", "single source").
    pub fn label(self) -> &'static str {
        match self {
            ClaimAgreement::Conflicting => "conflicting",
            ClaimAgreement::Consistent => "consistent",
            ClaimAgreement::Single => "single source",
        }
    }
}

/// One figure of a claim, side by side with the others.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimFigureRow {
    /// The document's index in the corpus.
    pub doc: u32,
    pub doc_id: String,
    pub doc_title: String,
    /// The document's first stated source, else its authors or byline.
    pub source: String,
    /// Index into that document's `DocumentInsights::figures`.
    pub figure: u32,
    /// The expression as written ("over a thousand").
    pub text: String,
    /// The value as a reader writes it ("1,000–2,000").
    pub value: String,
    /// Where it is: block and byte range in that block's text.
    pub block: u32,
    pub start: u32,
    pub end: u32,
}

/// A claim across sources, restricted to the selection's documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimGroup {
    /// The measure noun, singular ("defector").
    pub measure: String,
    /// Normalised unit, or empty.
    pub unit: String,
    pub year: i32,
    /// Judged on the figures left in the selection.
    pub agreement: ClaimAgreement,
    /// In corpus order, then reading order.
    pub figures: Vec<ClaimFigureRow>,
    /// One line: "1,047 (doc a) vs over a thousand (doc b): consistent".
    pub summary: String,
}

/// The corpus' claims with at least one figure in a selected document,
/// keeping only those figures and judging them again: two or more documents
/// left are consistent or conflicting by the extractor's own rule
/// ([`agreement_of`]); one document left is a single source. Conflicts
/// first, then consistent, then single; then by year, measure and unit.
pub fn claim_groups(engine: &Engine, selection: &Selection) -> Vec<ClaimGroup> {
    let insights = engine.all_insights();
    // Selected documents by id (a claim names its documents by id). Ids
    // should be unique; if not, the figure's text picks the right one.
    let mut by_id: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
    for &d in selection.docs() {
        if let Some(ins) = insights.documents.get(d as usize) {
            by_id.entry(ins.doc_id.as_str()).or_default().push(d);
        }
    }
    let mut infos: FxHashMap<u32, DocInfo<'_>> = FxHashMap::default();
    let mut groups = Vec::new();
    for claim in &insights.claims {
        let mut kept: Vec<(u32, u32, &Figure)> = Vec::new();
        for cf in &claim.figures {
            let found = by_id.get(cf.doc_id.as_str()).and_then(|docs| {
                docs.iter().find_map(|&d| {
                    let f = insights.documents[d as usize]
                        .figures
                        .get(cf.figure as usize)?;
                    (f.text == cf.text).then_some((d, cf.figure, f))
                })
            });
            kept.extend(found);
        }
        if kept.is_empty() {
            continue;
        }
        kept.sort_by_key(|&(d, fi, f)| (d, f.loc.block, f.loc.start, fi));
        kept.dedup_by_key(|&mut (d, fi, _)| (d, fi));
        let single = kept.windows(2).all(|w| w[0].0 == w[1].0);
        let agreement = if single {
            ClaimAgreement::Single
        } else {
            match agreement_of(kept.iter().map(|k| k.2)) {
                Agreement::Consistent => ClaimAgreement::Consistent,
                Agreement::Conflicting => ClaimAgreement::Conflicting,
            }
        };
        let figures: Vec<ClaimFigureRow> = kept
            .iter()
            .map(|&(d, fi, f)| {
                let info = infos
                    .entry(d)
                    .or_insert_with(|| DocInfo::new(engine, d, &insights.documents[d as usize]));
                ClaimFigureRow {
                    doc: d,
                    doc_id: info.id.to_owned(),
                    doc_title: info.title.to_owned(),
                    source: info.source.clone(),
                    figure: fi,
                    text: f.text.clone(),
                    value: value_display(f),
                    block: f.loc.block,
                    start: f.loc.start,
                    end: f.loc.end,
                }
            })
            .collect();
        let summary = format!(
            "{}: {}",
            figures
                .iter()
                .map(|f| format!("{} (doc {})", f.text, f.doc_id))
                .collect::<Vec<_>>()
                .join(" vs "),
            agreement.label()
        );
        groups.push(ClaimGroup {
            measure: claim.measure.clone(),
            unit: claim.unit.clone().unwrap_or_default(),
            year: claim.year,
            agreement,
            figures,
            summary,
        });
    }
    groups.sort_by(|a, b| {
        (a.agreement, a.year)
            .cmp(&(b.agreement, b.year))
            .then_with(|| text_cmp(&a.measure, &b.measure))
            .then_with(|| a.unit.cmp(&b.unit))
    });
    groups
}

/// The columns of the CSV export, in order.
pub const CSV_HEADER: [&str; 17] = [
    "doc_id",
    "document",
    "value",
    "as_written",
    "number",
    "min",
    "max",
    "unit",
    "counts",
    "measure",
    "time",
    "year",
    "source",
    "sentence",
    "block",
    "start",
    "end",
];

/// The rows as CSV (RFC 4180, formulas defused; see [`crate::export`]),
/// header first. Numbers are plain (`1047`, `1500`), bounds empty when
/// unknown.
pub fn rows_to_csv(rows: &[FigureRow]) -> String {
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    csv(
        &CSV_HEADER,
        rows.iter().map(|r| {
            vec![
                r.doc_id.clone(),
                r.doc_title.clone(),
                r.value.clone(),
                r.text.clone(),
                r.sort_value.to_string(),
                opt(r.min),
                opt(r.max),
                r.unit.clone(),
                r.counts.clone(),
                r.measure.clone(),
                r.time.clone(),
                r.year.map(|y| y.to_string()).unwrap_or_default(),
                r.source.clone(),
                r.sentence.clone(),
                r.block.to_string(),
                r.start.to_string(),
                r.end.to_string(),
            ]
        }),
    )
}

/// The rows as a pretty JSON array of objects (field names as in
/// [`FigureRow`]; numbers that are not finite become `null`).
pub fn rows_to_json(rows: &[FigureRow]) -> String {
    serde_json::to_string_pretty(rows).unwrap_or_else(|_| "[]".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use borderlines_core::{Block, BlockKind, Corpus};

    fn engine() -> Engine {
        let docs = [
            "Arrivals at the Border\nBy Jane Doe\nOfficials said 1,047 defectors arrived in 2019 and only 67 defectors arrived in 2020.",
            "The wall\nAccording to Daily NK, over a thousand defectors arrived in 2019. The fence runs at least 489 km.",
            "Later\nAbout 300 defectors arrived in 2020, and up to 80% of North Koreans watch foreign shows.",
        ];
        let ids = ["d0", "d1", "d2"];
        Engine::from_texts(ids.into_iter().zip(docs)).unwrap()
    }

    fn values(rows: &[FigureRow]) -> Vec<&str> {
        rows.iter().map(|r| r.value.as_str()).collect()
    }

    #[test]
    fn rows_carry_value_bounds_unit_time_source_and_place() {
        let e = engine();
        let rows = figure_rows(&e, &e.select("", 10));
        assert_eq!(
            values(&rows),
            [
                "1,047",
                "67",
                "1,000–2,000",
                "≥ 489 km",
                "270–330",
                "up to 80%"
            ],
            "in corpus then reading order"
        );
        assert_eq!(rows[0].source, "Jane Doe", "no stated source: the author");
        let r = rows.iter().find(|r| r.value == "≥ 489 km").unwrap();
        assert_eq!((r.doc, r.unit.as_str(), r.sort_value), (1, "km", 489.0));
        assert_eq!(r.source, "Daily NK");
        assert_eq!(r.sentence, "The fence runs at least 489 km.");
        let text = &e.corpus().documents[1].blocks[r.block as usize].text;
        assert_eq!(&text[r.start as usize..r.end as usize], r.text);
        let r = rows.iter().find(|r| r.value == "1,047").unwrap();
        assert_eq!(
            (r.year, r.time.as_str(), r.doc_id.as_str()),
            (Some(2019), "2019", "d0")
        );
        assert_eq!(r.doc_title, "Arrivals at the Border");
        assert!(r.counts.contains("defectors"), "{}", r.counts);
        let r = rows.iter().find(|r| r.text == "over a thousand").unwrap();
        assert_eq!(
            (r.sort_value, r.min, r.max),
            (1500.0, Some(1000.0), Some(2000.0))
        );
    }

    #[test]
    fn the_sentence_of_a_location_that_does_not_fit_is_empty() {
        let blocks = [Block {
            kind: BlockKind::Paragraph,
            text: "Über 5 km.".to_owned(),
        }];
        let loc = |block, start, end| Loc { block, start, end };
        assert_eq!(slice(&blocks, loc(0, 0, 5)), "Über", "Ü is two bytes");
        assert_eq!(slice(&blocks, loc(0, 1, 5)), "", "inside 'Ü'");
        assert_eq!(slice(&blocks, loc(0, 4, 2)), "", "backwards");
        assert_eq!(slice(&blocks, loc(0, 0, 99)), "", "past the end");
        assert_eq!(slice(&blocks, loc(7, 0, 1)), "", "no such block");
        assert_eq!(slice(&[], loc(u32::MAX, u32::MAX, u32::MAX)), "");
    }

    #[test]
    fn sorting_by_each_column_is_deterministic_and_keeps_empties_last() {
        let e = engine();
        let rows = figure_rows(&e, &e.select("", 10));
        let mut by_value = rows.clone();
        sort_rows(&mut by_value, FigureColumn::Value, true);
        assert!(by_value
            .windows(2)
            .all(|w| w[0].sort_value >= w[1].sort_value));
        assert_eq!(
            by_value[0].text, "over a thousand",
            "midpoint 1,500 beats 1,047"
        );
        for column in FigureColumn::ALL {
            for descending in [false, true] {
                let mut a = rows.clone();
                let mut b: Vec<FigureRow> = rows.iter().rev().cloned().collect();
                sort_rows(&mut a, column, descending);
                sort_rows(&mut b, column, descending);
                assert_eq!(a, b, "{column:?} {descending}: input order must not matter");
            }
        }
        for descending in [false, true] {
            let mut by_unit = rows.clone();
            sort_rows(&mut by_unit, FigureColumn::Unit, descending);
            let first_empty = by_unit.iter().position(|r| r.unit.is_empty()).unwrap();
            assert!(by_unit[first_empty..].iter().all(|r| r.unit.is_empty()));
            assert!(first_empty >= 2, "km and % first");
        }
        let mut by_time = rows.clone();
        sort_rows(&mut by_time, FigureColumn::Time, false);
        assert_eq!(by_time[0].year, Some(2019));
        assert_eq!(by_time[0].doc, 0, "ties by document");
        assert_eq!(by_time.last().unwrap().year, None);
    }

    #[test]
    fn permuting_in_place_gives_the_order_asked_for() {
        let orders: [&[usize]; 5] = [
            &[],
            &[0, 1, 2, 3],
            &[3, 2, 1, 0],
            &[2, 0, 1, 4, 3],
            &[1, 2, 3, 4, 5, 0],
        ];
        for order in orders {
            let items: Vec<usize> = (10..10 + order.len()).collect();
            let expected: Vec<usize> = order.iter().map(|&i| items[i]).collect();
            let mut permuted = items.clone();
            permute(&mut permuted, order);
            assert_eq!(permuted, expected, "{order:?}");
        }
    }

    #[test]
    fn text_columns_sort_without_regard_to_case() {
        let e = engine();
        let mut rows = figure_rows(&e, &e.select("", 10));
        for (r, source) in rows.iter_mut().zip(["b", "B", "a", "", "C"].iter().cycle()) {
            r.source = (*source).to_owned();
        }
        sort_rows(&mut rows, FigureColumn::Source, false);
        let sources: Vec<&str> = rows.iter().map(|r| r.source.as_str()).collect();
        let mut expected = sources.clone();
        expected.sort_by_key(|s| (s.is_empty(), s.to_lowercase(), *s));
        assert_eq!(sources, expected);
    }

    #[test]
    fn column_keys_round_trip_and_unknown_keys_are_refused() {
        for c in FigureColumn::ALL {
            assert!(c.key().bytes().all(|b| b.is_ascii_lowercase()));
            assert_eq!(FigureColumn::from_key(c.key()), Some(c));
        }
        assert_eq!(FigureColumn::from_key("Value"), None);
        assert_eq!(FigureColumn::from_key(""), None);
        assert_eq!(FigureColumn::from_key("document"), None);
    }

    #[test]
    fn claims_are_judged_on_the_selected_documents_and_conflicts_come_first() {
        let e = engine();
        let all = claim_groups(&e, &e.select("", 10));
        let agreements: Vec<(ClaimAgreement, i32)> =
            all.iter().map(|g| (g.agreement, g.year)).collect();
        assert_eq!(
            agreements,
            [
                (ClaimAgreement::Conflicting, 2020),
                (ClaimAgreement::Consistent, 2019)
            ]
        );
        assert_eq!(all[0].measure, "defector");
        assert_eq!(
            all[1].summary,
            "1,047 (doc d0) vs over a thousand (doc d1): consistent"
        );
        assert_eq!(all[1].figures[1].source, "Daily NK");
        assert_eq!(all[1].figures[1].value, "1,000–2,000");
        // Only the first document: both claims are single-source now.
        let one = claim_groups(&e, &e.select("officials", 10));
        assert_eq!(one.len(), 2);
        assert!(one.iter().all(|g| g.agreement == ClaimAgreement::Single));
        assert!(one
            .iter()
            .all(|g| g.figures.len() == 1 && g.figures[0].doc == 0));
        assert_eq!(one[0].year, 2019, "then by year");
        assert_eq!(one[1].summary, "only 67 (doc d0): single source");
        // Nothing selected, nothing shown.
        assert!(claim_groups(&e, &e.select("zzzzzzzz", 10)).is_empty());
    }

    #[test]
    fn exports_carry_every_row() {
        let e = engine();
        let rows = figure_rows(&e, &e.select("", 10));
        let csv = rows_to_csv(&rows);
        assert_eq!(csv.matches("\r\n").count(), rows.len() + 1);
        assert!(csv.starts_with("doc_id,document,value,"));
        assert!(csv.contains("\"1,047\""));
        let json: serde_json::Value = serde_json::from_str(&rows_to_json(&rows)).unwrap();
        assert_eq!(json.as_array().unwrap().len(), rows.len());
        assert_eq!(rows_to_json(&[]), "[]");
    }

    #[test]
    fn an_empty_corpus_gives_empty_views() {
        let e = Engine::build(Arc::new(Corpus::default()));
        let s = e.select("", 10);
        assert!(figure_rows(&e, &s).is_empty());
        assert!(claim_groups(&e, &s).is_empty());
        assert_eq!(rows_to_csv(&[]).lines().count(), 1);
    }
}
