//! Every document's dates as spans of days, gathered once per engine (on
//! first use, see `Engine::doc_dates`): the publication date (stated, or
//! inferred with low confidence) and every date the text mentions whose
//! year is known. The timeline counts them and the `date:` field filters
//! on them, so neither looks at insights or text per keystroke.
//!
//! What a mention spans:
//!
//! - a year, month or day: that year, month or day; a decade ("the 1990s"):
//!   its ten years;
//! - a range "from 2019 to 2020", "between 2019 and 2021" (a mention, then
//!   `to`/`until`/`through`/`and`/`-` and a second mention in the same
//!   sentence): from the start of the first to the end of the second, as
//!   one item;
//! - an open range "since 2020", "since the 1990s": from its start to the
//!   latest date the document is known to reach — its publication date
//!   (stated, or the inferred earliest year) or else the latest date it
//!   mentions — and never less than the mention itself. A text says "since"
//!   about a period that lasts until it is written; we stop where the
//!   document's own knowledge stops rather than at today, which the page
//!   does not know.
//!
//! Mentions whose year is unknown ("last year" in an undated article,
//! "October") are counted per document as undated, not placed.
//!
//! Figures that carry a time ("67 defectors in 2020") are gathered here
//! too, with what they count as an interned id, for the timeline's series.
//!
//! ```
//! use borderlines_engine::{Engine, time_bins::DaySpan};
//! let e = Engine::from_texts([("a", "Fences\nDefectors have fled since 2019. Only 67 arrived in 2021.")]).unwrap();
//! let items = e.doc_dates().of(0);
//! let since = items.iter().find(|i| i.is_range()).unwrap();
//! assert_eq!(since.span, DaySpan::of_year(2019).join(DaySpan::of_year(2021)));
//! ```

use borderlines_core::Corpus;
use borderlines_extract::{CorpusInsights, DateKind, DocumentInsights, PartialDate};

use crate::time_bins::{days_from_civil, days_in_month, DaySpan, Unit};

/// Where a dated item comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// The publication date: stated in the text, or inferred (the document
    /// appeared in that year or later; low confidence).
    Published { stated: bool },
    /// A date the text mentions: the index of the mention in
    /// `DocumentInsights::dates`; `range` when the item is a range starting
    /// at that mention.
    Mentioned { mention: u32, range: bool },
}

/// One date of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatedItem {
    pub span: DaySpan,
    /// How finely the date (or a range's start) is known.
    pub precision: Unit,
    pub source: DateSource,
    /// Months since year 0 of the span's first and last day, so binning by
    /// month, year or decade needs no calendar arithmetic per keystroke.
    pub months: (i32, i32),
}

impl DatedItem {
    fn new(span: DaySpan, precision: Unit, source: DateSource) -> DatedItem {
        let m = |d: i32| Unit::Month.bin_of(d) as i32;
        DatedItem {
            span,
            precision,
            source,
            months: (m(span.start), m(span.end)),
        }
    }

    /// The bins of `unit` holding its first and last day.
    pub fn bins(&self, unit: Unit) -> (i64, i64) {
        let (a, b) = (i64::from(self.months.0), i64::from(self.months.1));
        match unit {
            Unit::Day => (i64::from(self.span.start), i64::from(self.span.end)),
            Unit::Month => (a, b),
            Unit::Year => (a.div_euclid(12), b.div_euclid(12)),
            Unit::Decade => (a.div_euclid(120), b.div_euclid(120)),
        }
    }

    /// Is it a publication date?
    pub fn is_published(&self) -> bool {
        matches!(self.source, DateSource::Published { .. })
    }

    /// Is it a range the text states ("since 2020", "from 2019 to 2021")?
    pub fn is_range(&self) -> bool {
        matches!(self.source, DateSource::Mentioned { range: true, .. })
    }
}

/// A figure that carries a time (a year at least): "67 defectors in 2020".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatedFigure {
    /// Index into the document's `DocumentInsights::figures`.
    pub figure: u32,
    /// What it counts, as an id (see [`DocDates::measure`]).
    pub measure: u32,
    /// The period it refers to: its date mention's span when that agrees
    /// with its year, else the year.
    pub span: DaySpan,
}

/// The dated items of every document, in one flat table, and its dated
/// figures.
#[derive(Debug, Clone, Default)]
pub struct DocDates {
    items: Vec<DatedItem>,
    /// Items of document `d` are `items[starts[d]..starts[d + 1]]`.
    starts: Vec<u32>,
    /// Mentions whose year is unknown, per document.
    undated: Vec<u32>,
    figures: Vec<DatedFigure>,
    /// Figures of document `d` are `figures[figure_starts[d]..figure_starts[d + 1]]`.
    figure_starts: Vec<u32>,
    /// Measures (the head nouns figures count), by id.
    measures: Vec<String>,
}

/// The dated figures of one document, measures interned in `ids`.
fn document_figures(
    ins: &DocumentInsights,
    ids: &mut rustc_hash::FxHashMap<String, u32>,
    measures: &mut Vec<String>,
    out: &mut Vec<DatedFigure>,
) {
    for (i, f) in ins.figures.iter().enumerate() {
        let (Some(measure), Some(time)) = (f.measure.as_deref(), f.time.as_ref()) else {
            continue;
        };
        let Some(year) = time.year else { continue };
        let span = ins
            .dates
            .get(time.date as usize)
            .and_then(|m| span_of(&m.date))
            .filter(|(s, _)| s.overlaps(&DaySpan::of_year(year)))
            .map_or_else(|| DaySpan::of_year(year), |(s, _)| s);
        let id = match ids.get(measure) {
            Some(&id) => id,
            None => {
                let id = measures.len() as u32;
                ids.insert(measure.to_owned(), id);
                measures.push(measure.to_owned());
                id
            }
        };
        out.push(DatedFigure {
            figure: i as u32,
            measure: id,
            span,
        });
    }
}

/// The span and precision of a partial date with a known year.
pub fn span_of(date: &PartialDate) -> Option<(DaySpan, Unit)> {
    let y = date.year?;
    Some(match (date.month, date.day) {
        (Some(m), Some(d))
            if (1..=12).contains(&m)
                && d >= 1
                && u32::from(d) <= days_in_month(y, u32::from(m)) =>
        {
            (
                DaySpan::of_day(days_from_civil(y, u32::from(m), u32::from(d))),
                Unit::Day,
            )
        }
        (Some(m), _) if (1..=12).contains(&m) => (DaySpan::of_month(y, u32::from(m)), Unit::Month),
        _ => (DaySpan::of_year(y), Unit::Year),
    })
}

/// Words before a mention that open a range to the present of the text.
fn opens_since(before: &str) -> bool {
    let b = before.trim_end().to_lowercase();
    [
        "since",
        "since the",
        "ever since",
        "since early",
        "since late",
    ]
    .iter()
    .any(|w| b == *w || b.ends_with(&format!(" {w}")))
}

/// Words before a mention that open a closed range ("from 2019 to …").
fn opens_range(before: &str) -> bool {
    let b = before.trim_end().to_lowercase();
    ["from", "from the", "between", "between the"]
        .iter()
        .any(|w| b == *w || b.ends_with(&format!(" {w}")))
}

/// Words between two mentions that close a range.
fn closes_range(between: &str) -> bool {
    matches!(
        between.trim().to_lowercase().as_str(),
        "to" | "until" | "till" | "through" | "to the" | "and" | "and the" | "-" | "–" | "—"
    )
}

/// The dated items of one document (see the module docs).
fn document_items(
    ins: &DocumentInsights,
    blocks: &[borderlines_core::Block],
) -> (Vec<DatedItem>, u32) {
    let mut items = Vec::new();
    if let Some(p) = &ins.metadata.published {
        if let Some((span, precision)) = span_of(&p.date) {
            items.push(DatedItem::new(
                span,
                precision,
                DateSource::Published { stated: p.stated },
            ));
        }
    }
    // Each mention's own span, when its year is known.
    let own: Vec<Option<(DaySpan, Unit)>> = ins
        .dates
        .iter()
        .map(|m| {
            let (span, unit) = span_of(&m.date)?;
            Some(if m.kind == DateKind::Decade {
                let end = DaySpan::of_year(m.date.year? + 9);
                (span.join(end), Unit::Decade)
            } else {
                (span, unit)
            })
        })
        .collect();
    let undated = own.iter().filter(|o| o.is_none()).count() as u32;
    let text_of = |block: u32| blocks.get(block as usize).map_or("", |b| b.text.as_str());
    // What the document knows as its latest date (for "since").
    let latest = items
        .iter()
        .map(|i| i.span.end)
        .max()
        .or_else(|| own.iter().flatten().map(|(s, _)| s.end).max());
    let mut i = 0;
    while i < ins.dates.len() {
        let m = &ins.dates[i];
        let Some((span, precision)) = own[i] else {
            i += 1;
            continue;
        };
        let text = text_of(m.loc.block);
        let sentence_start = if m.sentence.block == m.loc.block {
            m.sentence.start
        } else {
            0
        };
        let from = sentence_start.min(m.loc.start) as usize;
        let before = text.get(from..m.loc.start as usize).unwrap_or("");
        let mention = i as u32;
        // "from X to Y", "between X and Y".
        if opens_range(before) {
            if let (Some(next), Some(Some((next_span, _)))) = (ins.dates.get(i + 1), own.get(i + 1))
            {
                let between = text.get(m.loc.end as usize..next.loc.start as usize);
                if next.loc.block == m.loc.block && between.is_some_and(closes_range) {
                    items.push(DatedItem::new(
                        span.join(*next_span),
                        precision,
                        DateSource::Mentioned {
                            mention,
                            range: true,
                        },
                    ));
                    i += 2;
                    continue;
                }
            }
        }
        let item = if opens_since(before) {
            let end = latest.unwrap_or(span.end).max(span.end);
            DatedItem::new(
                DaySpan {
                    start: span.start,
                    end,
                },
                precision,
                DateSource::Mentioned {
                    mention,
                    range: true,
                },
            )
        } else {
            DatedItem::new(
                span,
                precision,
                DateSource::Mentioned {
                    mention,
                    range: false,
                },
            )
        };
        items.push(item);
        i += 1;
    }
    (items, undated)
}

impl DocDates {
    /// Gathers the dated items of every document (insights `i` describe
    /// `corpus.documents[i]`; a missing document only loses range words).
    pub fn build(corpus: &Corpus, insights: &CorpusInsights) -> DocDates {
        let mut out = DocDates {
            starts: Vec::with_capacity(insights.documents.len() + 1),
            figure_starts: Vec::with_capacity(insights.documents.len() + 1),
            ..DocDates::default()
        };
        out.starts.push(0);
        out.figure_starts.push(0);
        let mut ids = rustc_hash::FxHashMap::default();
        for (d, ins) in insights.documents.iter().enumerate() {
            let blocks = corpus
                .documents
                .get(d)
                .map_or(&[][..], |doc| doc.blocks.as_slice());
            let (items, undated) = document_items(ins, blocks);
            out.items.extend(items);
            out.starts
                .push(u32::try_from(out.items.len()).unwrap_or(u32::MAX));
            out.undated.push(undated);
            document_figures(ins, &mut ids, &mut out.measures, &mut out.figures);
            out.figure_starts
                .push(u32::try_from(out.figures.len()).unwrap_or(u32::MAX));
        }
        out
    }

    /// The dated items of document `doc` (empty when out of range).
    pub fn of(&self, doc: u32) -> &[DatedItem] {
        let d = doc as usize;
        match (self.starts.get(d), self.starts.get(d + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The figures of document `doc` that carry a time.
    pub fn figures_of(&self, doc: u32) -> &[DatedFigure] {
        let d = doc as usize;
        match (self.figure_starts.get(d), self.figure_starts.get(d + 1)) {
            (Some(&a), Some(&b)) => self.figures.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// A measure's text ("defector"), or "" for an unknown id.
    pub fn measure(&self, id: u32) -> &str {
        self.measures.get(id as usize).map_or("", String::as_str)
    }

    /// Number of distinct measures (ids are `0..measure_count()`).
    pub fn measure_count(&self) -> usize {
        self.measures.len()
    }

    /// Mentions of document `doc` whose year is unknown.
    pub fn undated(&self, doc: u32) -> u32 {
        self.undated.get(doc as usize).copied().unwrap_or(0)
    }

    /// Documents (ascending) with a date overlapping `span`.
    /// The date mentions of document `doc` (indices into its insights'
    /// `dates`) that overlap any of `spans`: what the reader marks when the
    /// selection is brushed to those ranges (`date:` filters).
    pub fn mentions_within(&self, doc: u32, spans: &[DaySpan]) -> Vec<u32> {
        if spans.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<u32> = self
            .of(doc)
            .iter()
            .filter_map(|item| match item.source {
                DateSource::Mentioned { mention, .. }
                    if spans.iter().any(|s| s.overlaps(&item.span)) =>
                {
                    Some(mention)
                }
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    pub fn docs_overlapping(&self, span: &DaySpan) -> Vec<u32> {
        (0..self.undated.len() as u32)
            .filter(|&d| self.of(d).iter().any(|i| i.span.overlaps(span)))
            .collect()
    }

    /// Documents in the table.
    pub fn len(&self) -> usize {
        self.undated.len()
    }

    /// Is the table empty?
    pub fn is_empty(&self) -> bool {
        self.undated.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    fn items(text: &str) -> Vec<DatedItem> {
        let e = Engine::from_texts([("a", text)]).unwrap();
        e.doc_dates().of(0).to_vec()
    }

    #[test]
    fn points_decades_and_ranges() {
        let y = DaySpan::of_year;
        let it = items("Walls\nGuards came in 2019. Between 2019 and 2021, fences rose. Famine struck in the 1990s.");
        let spans: Vec<(DaySpan, bool)> = it
            .iter()
            .filter(|i| !i.is_published())
            .map(|i| (i.span, i.is_range()))
            .collect();
        assert_eq!(
            spans,
            vec![
                (y(2019), false),
                (y(2019).join(y(2021)), true),
                (y(1990).join(y(1999)), false)
            ]
        );
        assert_eq!(
            it.iter()
                .find(|i| !i.is_published() && !i.is_range())
                .unwrap()
                .precision,
            Unit::Year
        );
    }

    #[test]
    fn the_mentions_a_brush_keeps_are_those_it_overlaps() {
        let e = Engine::from_texts([(
            "a",
            "Walls\nGuards came in 2019. In 2020 the border closed. Since the 1990s people fled.",
        )])
        .unwrap();
        let dates = &e.insights(0).unwrap().dates;
        let texts = |ids: Vec<u32>| -> Vec<String> {
            ids.iter()
                .map(|&i| dates[i as usize].text.clone())
                .collect()
        };
        let sel = e.select("date:2020", 10);
        let spans = sel.brushed_spans();
        assert_eq!(spans, [DaySpan::of_year(2020)]);
        let kept = texts(e.doc_dates().mentions_within(0, &spans));
        assert!(kept.iter().any(|t| t.contains("2020")), "{kept:?}");
        assert!(!kept.iter().any(|t| t.contains("2019")), "{kept:?}");
        // "since the 1990s" runs to 2020 here: it overlaps the brush too.
        assert!(kept.iter().any(|t| t.contains("1990s")), "{kept:?}");
        // An exclusion is not a brush.
        assert!(e.select("-date:2020", 10).brushed_spans().is_empty());
        assert!(e.doc_dates().mentions_within(0, &[]).is_empty());
    }

    #[test]
    fn since_reaches_the_latest_date_the_document_knows() {
        let y = DaySpan::of_year;
        let it =
            items("Walls\nPeople have fled since the 1990s famine. In 2020 the border closed.");
        let since = it.iter().find(|i| i.is_range()).unwrap();
        assert_eq!(since.span, y(1990).join(y(2020)));
        assert_eq!(since.precision, Unit::Decade);
        // Nothing later known: the range is the mention itself.
        let it = items("Walls\nPeople have fled since 2020.");
        assert_eq!(it.iter().find(|i| i.is_range()).unwrap().span, y(2020));
    }

    #[test]
    fn undated_mentions_are_counted_not_placed() {
        let e = Engine::from_texts([("a", "Walls\nLast week guards came, and in October more.")])
            .unwrap();
        assert!(e.doc_dates().of(0).iter().all(|i| i.is_published()));
        assert!(e.doc_dates().undated(0) >= 1);
        assert_eq!(e.doc_dates().of(7), &[]);
    }
}
