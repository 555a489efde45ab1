//! The timeline: the selection over time, from two sources the picture
//! keeps apart — when documents were *published* (stated in the text, or
//! inferred with low confidence) and which dates they *mention* — plus a
//! series of figures that carry a time (67 defectors in 2020, 1,047 in
//! 2019), and the passages behind a chosen bar.
//!
//! **What a bar counts.** Documents, not mentions, so both layers share one
//! axis and a bar's height is what brushing it would select: a document
//! counts in every bin one of its dates overlaps (a year mention overlaps
//! each month of that year; "since 2020" overlaps every bin up to the
//! latest date the document knows, see [`crate::doc_dates`]). The
//! mentioned layer is split into documents with a mention lying within the
//! bin (solid) and documents only reached by a wider date or a range
//! (light); the publication layer into stated (solid) and inferred (light).
//! Counting is a difference array per layer over each document's merged
//! bin intervals, so a long range costs the same as a point.
//!
//! **Bins** adapt to the span of the dates (days up to three months,
//! months up to six years, years up to two centuries, then decades), never
//! finer than most of the dates are known; a link can ask for a unit
//! (`tbin`), coarsened when it would give more than [`MAX_BINS`] bins.
//!
//! **The span drawn** is that of the precise dates (years, months, days,
//! publication dates and the series), with a bin of context on each side
//! when there are few bins. Ranges and decades ("since the 1990s famine")
//! count in the bins they overlap; how many documents reach beyond is
//! reported, and `tspan=all` draws the whole span instead. A single
//! "since the 1990s" must not squeeze the years the texts are about into
//! the last two of thirty bars.
//!
//! **Brushed ranges are filters** (`date:2019..2020` clauses, ORed). Like
//! a facet, the timeline is counted on the selection *without* its own
//! date clauses, so the other years stay visible (and can be brushed too);
//! the bins a brush covers are marked.
//!
//! **The figure series** is one measure (the head noun figures count,
//! "defector"); the default is the measure with most dated figures over at
//! least two periods; the link can choose another (`tser`). Each period
//! (the figure's own date: "2019", "March 2020") gets one value: the median
//! of its exact figures, or of all its figures when none is exact ("over a
//! thousand"); every figure is kept as a point.

use std::borrow::Cow;

use borderlines_extract::Qualifier;
use rustc_hash::FxHashMap;

use crate::doc_dates::DateSource;
use crate::export::csv;
use crate::facets::FacetKind;
use crate::filters::{includes_kind, without_inclusions};
use crate::time_bins::{auto_unit, parse_date_value, span_value, DaySpan, Unit};
use crate::{Engine, Selection};

/// Most bins a timeline draws; a finer unit is coarsened.
pub const MAX_BINS: i64 = 1_500;
/// Passages listed for a chosen bar at most (the total is given).
pub const MAX_PASSAGES: usize = 200;
/// Fewer bins than this get one more bin of context on each side.
pub const MIN_BINS_BEFORE_PADDING: i64 = 5;
/// Figure series offered to choose from.
pub const MAX_SERIES_CHOICES: usize = 5;

/// What the view asks for, from its link keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineOptions {
    /// The bin unit (`tbin`); `None` adapts to the span.
    pub unit: Option<Unit>,
    /// The figure series' measure (`tser`); `None` chooses.
    pub series: Option<String>,
    /// The chosen bar's key or any date value (`tbar`).
    pub bar: Option<String>,
    /// Draw the whole span of every date (`tspan=all`), not just the span
    /// of the precise ones (years, months, days) that ranges and decades
    /// reach into.
    pub full_span: bool,
}

/// One bin with its counts (documents unless said otherwise).
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineBin {
    /// The bin's date value (`2019`, `2020-03`): its `date:` clause and `tbar`.
    pub key: String,
    /// Short label for the axis.
    pub label: String,
    pub span: DaySpan,
    /// Documents stating a publication date in the bin.
    pub published_stated: u32,
    /// Documents whose inferred publication date is in the bin.
    pub published_inferred: u32,
    /// Documents mentioning a date that overlaps the bin.
    pub mentioned: u32,
    /// Of those, documents with a mention lying within this bin alone.
    pub mentioned_within: u32,
    /// Mentions (not documents) overlapping the bin.
    pub mentions: u32,
    /// Documents with any date overlapping the bin: what `date:<key>` adds.
    pub documents: u32,
    /// Does a brushed range cover it?
    pub brushed: bool,
}

impl TimelineBin {
    /// Documents only reached by a wider date or a range.
    pub fn mentioned_wider(&self) -> u32 {
        self.mentioned.saturating_sub(self.mentioned_within)
    }

    /// Documents with a publication date in the bin.
    pub fn published(&self) -> u32 {
        self.published_stated + self.published_inferred
    }
}

/// A brushed range: a `date:` inclusion of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brush {
    /// The value as written in the query.
    pub value: String,
    pub span: DaySpan,
}

/// A measure that could be plotted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesChoice {
    pub measure: String,
    /// Dated figures of it in the selection.
    pub figures: u32,
    /// Distinct periods they refer to.
    pub periods: u32,
}

/// One figure of a series.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesFigure {
    pub doc: u32,
    pub doc_title: String,
    /// As written ("1,047", "over a thousand").
    pub text: String,
    pub value: f64,
    /// A plain number (not a bound or a vague amount).
    pub exact: bool,
    /// Where it is: block and sentence range, for the reader.
    pub block: u32,
    pub sentence: (u32, u32),
}

/// One period of a series.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint {
    /// The period's date value ("2019", "2020-03").
    pub key: String,
    pub span: DaySpan,
    /// The value drawn: median of the exact figures, else of all.
    pub value: f64,
    pub min: f64,
    pub max: f64,
    pub figures: Vec<SeriesFigure>,
}

/// The figures of one measure over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub measure: String,
    /// The unit its figures share ("%", "km"), if any; figures in other
    /// units are left out.
    pub unit: Option<String>,
    /// By period, earliest first.
    pub points: Vec<SeriesPoint>,
}

impl Series {
    /// The largest figure (for the axis).
    pub fn max(&self) -> f64 {
        self.points
            .iter()
            .map(|p| p.max.max(p.value))
            .fold(0.0, f64::max)
    }
}

/// Why a passage is behind a bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassageKind {
    /// The sentence mentions a date in the bar.
    Mentioned,
    /// The sentence states a range reaching the bar ("since 2020").
    Range,
    /// The document states its publication date there.
    PublishedStated,
    /// Its publication date is inferred to be there.
    PublishedInferred,
}

/// A passage behind a bar.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelinePassage {
    pub doc: u32,
    pub doc_id: String,
    pub doc_title: String,
    pub kind: PassageKind,
    /// The sentence's block and byte range (for the reader); `None` for a
    /// publication date (its evidence is not a located sentence).
    pub at: Option<(u32, (u32, u32))>,
    /// The sentence (or the publication date's evidence).
    pub text: String,
    /// The date's byte range in `text`, when located.
    pub mark: Option<(usize, usize)>,
}

/// The passages behind the chosen bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarPassages {
    /// The bar's date value.
    pub key: String,
    pub span: DaySpan,
    /// The first [`MAX_PASSAGES`], in corpus then reading order.
    pub passages: Vec<TimelinePassage>,
    /// All of them.
    pub total: usize,
}

/// Everything the timeline shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub unit: Unit,
    /// The unit chosen without a request.
    pub auto_unit: Unit,
    /// The requested unit would have made too many bins.
    pub coarsened: bool,
    /// The span drawn (whole bins), if anything is dated.
    pub shown: Option<DaySpan>,
    /// The span of every date, ranges and decades included.
    pub full: Option<DaySpan>,
    /// Documents with a date reaching beyond the span drawn (counted in the
    /// bins they overlap).
    pub beyond_docs: usize,
    /// Every bin from the earliest date to the latest, empty ones included.
    pub bins: Vec<TimelineBin>,
    pub brushes: Vec<Brush>,
    /// Documents counted (the selection without its date clauses).
    pub base_docs: usize,
    /// Of those, documents with any placed date.
    pub dated_docs: usize,
    pub stated_docs: usize,
    pub inferred_docs: usize,
    /// Mentions whose year is unknown, in those documents.
    pub undated_mentions: u64,
    pub series_choices: Vec<SeriesChoice>,
    pub series: Option<Series>,
    pub bar: Option<BarPassages>,
    /// The measure the link asked for (`tser`) when no figure of the
    /// selection has it (so no series is drawn); see [`Timeline::series_note`].
    pub missing_series: Option<String>,
}

impl Timeline {
    /// The highest bar (publication or mentioned).
    pub fn max_count(&self) -> u32 {
        self.bins
            .iter()
            .map(|b| b.published().max(b.mentioned))
            .max()
            .unwrap_or(0)
    }

    /// A plain sentence about publication dates: how many are stated,
    /// inferred, or unknown.
    pub fn publication_note(&self) -> String {
        let n = self.base_docs;
        if n == 0 {
            return String::new();
        }
        let docs = |k: usize| {
            if k == 1 {
                "1 document".to_owned()
            } else {
                format!("{k} documents")
            }
        };
        if self.stated_docs == 0 {
            let mut s = "Publication dates are unknown: no document states one.".to_owned();
            if self.inferred_docs > 0 {
                s.push_str(&format!(
                    " For {} the earliest possible year is inferred from the latest year it mentions (low confidence; light bars).",
                    docs(self.inferred_docs)
                ));
            }
            s
        } else {
            let unknown = n.saturating_sub(self.stated_docs + self.inferred_docs);
            format!(
                "Publication dates: {} stated, {} inferred (low confidence), {} unknown.",
                self.stated_docs, self.inferred_docs, unknown
            )
        }
    }

    /// A plain sentence when the link asked for a figure series the
    /// selection does not have.
    pub fn series_note(&self) -> Option<String> {
        let m = self.missing_series.as_ref()?;
        let shown: String = m.chars().filter(|c| !c.is_control()).take(64).collect();
        Some(match self.series_choices.first() {
            Some(c) => format!(
                "No figure of “{shown}” in this selection, so no series is drawn; choose one, e.g. “{}”.",
                c.measure
            ),
            None => format!("No figure of “{shown}” in this selection, so no series is drawn."),
        })
    }

    /// The bin a date value names exactly, if it is one.
    pub fn bin(&self, key: &str) -> Option<&TimelineBin> {
        self.bins.iter().find(|b| b.key == key)
    }

    /// The data behind the picture as CSV: one row per bin, then one per
    /// period of the figure series (see [`CSV_HEADER`]).
    pub fn to_csv(&self) -> String {
        let n = |v: u32| v.to_string();
        let f = |v: f64| {
            if v.fract() == 0.0 && v.abs() < 1e15 {
                format!("{v:.0}")
            } else {
                format!("{v:.2}")
            }
        };
        let day = |d: i32| Unit::Day.key(i64::from(d));
        let mut rows: Vec<Vec<String>> = self
            .bins
            .iter()
            .map(|b| {
                let mut r = vec![
                    "bin".to_owned(),
                    b.key.clone(),
                    day(b.span.start),
                    day(b.span.end),
                    n(b.published_stated),
                    n(b.published_inferred),
                    n(b.mentioned),
                    n(b.mentioned_within),
                    n(b.mentions),
                    n(b.documents),
                    if b.brushed { "yes" } else { "" }.to_owned(),
                ];
                r.extend(std::iter::repeat_n(String::new(), 6));
                r
            })
            .collect();
        if let Some(s) = &self.series {
            for p in &s.points {
                let mut r = vec![
                    "series".to_owned(),
                    p.key.clone(),
                    day(p.span.start),
                    day(p.span.end),
                ];
                r.extend(std::iter::repeat_n(String::new(), 7));
                r.extend([
                    s.measure.clone(),
                    s.unit.clone().unwrap_or_default(),
                    f(p.value),
                    f(p.min),
                    f(p.max),
                    p.figures.len().to_string(),
                ]);
                rows.push(r);
            }
        }
        csv(&CSV_HEADER, rows)
    }
}

/// Columns of [`Timeline::to_csv`].
pub const CSV_HEADER: [&str; 17] = [
    "row",
    "period",
    "start",
    "end",
    "published_stated_docs",
    "published_inferred_docs",
    "mentioned_docs",
    "mentioned_within_bin_docs",
    "mentions",
    "documents",
    "brushed",
    "series_measure",
    "series_unit",
    "series_value",
    "series_min",
    "series_max",
    "series_figures",
];

/// Adds every interval (merged) to a difference array.
fn add_merged(diff: &mut [i32], intervals: &mut Vec<(usize, usize)>) {
    intervals.sort_unstable();
    let mut cur: Option<(usize, usize)> = None;
    for &(a, b) in intervals.iter() {
        match cur {
            Some((ca, cb)) if a <= cb + 1 => cur = Some((ca, cb.max(b))),
            Some((ca, cb)) => {
                diff[ca] += 1;
                diff[cb + 1] -= 1;
                cur = Some((a, b));
            }
            None => cur = Some((a, b)),
        }
    }
    if let Some((ca, cb)) = cur {
        diff[ca] += 1;
        diff[cb + 1] -= 1;
    }
    intervals.clear();
}

/// Running sums of a difference array.
fn sums(diff: &[i32], n: usize) -> Vec<u32> {
    let mut acc = 0i32;
    diff.iter()
        .take(n)
        .map(|d| {
            acc += d;
            acc.max(0) as u32
        })
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// A dated figure found in the base documents.
struct DatedFigure<'a> {
    doc: u32,
    figure: &'a borderlines_extract::Figure,
    span: DaySpan,
}

/// The timeline of `selection` (see the module docs).
pub fn timeline(engine: &Engine, selection: &Selection, options: &TimelineOptions) -> Timeline {
    let brushes: Vec<Brush> = selection
        .filters
        .iter()
        .filter(|f| f.kind == FacetKind::Date && !f.excluded)
        .filter_map(|f| {
            Some(Brush {
                value: f.value.clone(),
                span: parse_date_value(&f.value)?,
            })
        })
        .collect();
    let base = base_docs(engine, selection);
    let dates = engine.doc_dates();

    // Pass 1: the extent of all dates and of the precise ones, how finely
    // dates are known, document counts.
    let mut all = (i32::MAX, i32::MIN);
    let mut precise = (i32::MAX, i32::MIN);
    let widen = |r: &mut (i32, i32), s: DaySpan| {
        r.0 = r.0.min(s.start);
        r.1 = r.1.max(s.end);
    };
    let mut by_precision = [0u64; 4];
    let (mut dated_docs, mut stated_docs, mut inferred_docs) = (0, 0, 0);
    let mut undated_mentions = 0u64;
    for &d in base.iter() {
        let items = dates.of(d);
        undated_mentions += u64::from(dates.undated(d));
        if !items.is_empty() {
            dated_docs += 1;
        }
        for it in items {
            widen(&mut all, it.span);
            if !it.is_range() && it.precision <= Unit::Year {
                widen(&mut precise, it.span);
            }
            match it.source {
                DateSource::Published { stated: true } => stated_docs += 1,
                DateSource::Published { stated: false } => inferred_docs += 1,
                DateSource::Mentioned { .. } => {}
            }
            if !it.is_range() {
                by_precision[it.precision as usize] += 1;
            }
        }
    }

    // The figure series.
    let (series_choices, dated_figures) =
        series_candidates(engine, &base, options.series.as_deref());
    let series = dated_figures.map(|(measure, figs)| build_series(engine, measure, figs));
    if let Some(s) = &series {
        for p in &s.points {
            widen(&mut all, p.span);
            widen(&mut precise, p.span);
        }
    }

    // The unit: never finer than most dates are known.
    let total: u64 = by_precision.iter().sum();
    let mut finest = Unit::Year;
    let mut acc = 0;
    for u in Unit::ALL {
        acc += by_precision[u as usize];
        if total > 0 && acc * 2 >= total {
            finest = u;
            break;
        }
    }
    let full = (all.0 <= all.1).then_some(DaySpan {
        start: all.0,
        end: all.1,
    });
    // Shown: the precise dates' extent, unless the link asks for all (or
    // only wide dates exist); ranges and decades reaching beyond it are
    // counted in the bins they overlap and reported.
    let focus = if options.full_span || precise.0 > precise.1 {
        full
    } else {
        Some(DaySpan {
            start: precise.0,
            end: precise.1,
        })
    };
    let (bins, unit, auto, coarsened, shown) = match focus {
        None => (
            Vec::new(),
            options.unit.unwrap_or(Unit::Year),
            Unit::Year,
            false,
            None,
        ),
        Some(focus) => {
            let auto = auto_unit(focus, finest);
            let mut unit = options.unit.unwrap_or(auto);
            let mut coarsened = false;
            while unit.bin_of(focus.end) - unit.bin_of(focus.start) + 1 > MAX_BINS
                && unit != Unit::Decade
            {
                unit = unit.coarser();
                coarsened = true;
            }
            // A short timeline gets a bin of context on each side.
            let (mut a, mut b) = (unit.bin_of(focus.start), unit.bin_of(focus.end));
            if b - a + 1 < MIN_BINS_BEFORE_PADDING {
                a -= 1;
                b += 1;
            }
            let shown = unit.span(a).join(unit.span(b));
            let bins = count_bins(engine, &base, unit, shown, &brushes);
            (bins, unit, auto, coarsened, Some(shown))
        }
    };
    let beyond_docs = shown.map_or(0, |sh| {
        base.iter()
            .filter(|&&d| {
                dates
                    .of(d)
                    .iter()
                    .any(|it| it.span.start < sh.start || it.span.end > sh.end)
            })
            .count()
    });

    let bar = options
        .bar
        .as_deref()
        .and_then(|key| Some((key, parse_date_value(key)?)))
        .map(|(key, span)| bar_passages(engine, &base, key, span));

    Timeline {
        unit,
        auto_unit: auto,
        coarsened,
        shown,
        full,
        beyond_docs,
        bins,
        brushes,
        base_docs: base.len(),
        dated_docs,
        stated_docs,
        inferred_docs,
        undated_mentions,
        missing_series: options
            .series
            .clone()
            .filter(|w| !series_choices.iter().any(|c| &c.measure == w)),
        series_choices,
        series,
        bar,
    }
}

/// The documents the timeline counts: the selection without its own date
/// clauses (like a facet's values are counted without its inclusions).
fn base_docs<'a>(engine: &Engine, selection: &'a Selection) -> Cow<'a, [u32]> {
    if includes_kind(&selection.parsed, FacetKind::Date) {
        Cow::Owned(engine.matching(&without_inclusions(&selection.parsed, FacetKind::Date)))
    } else {
        Cow::Borrowed(selection.docs())
    }
}

/// The passages behind a bar (or any date value), alone: what the view
/// asks when only the chosen bar changed. `None` when `key` is not a date.
pub fn passages_behind(engine: &Engine, selection: &Selection, key: &str) -> Option<BarPassages> {
    let span = parse_date_value(key)?;
    Some(bar_passages(
        engine,
        &base_docs(engine, selection),
        key,
        span,
    ))
}

/// Counts every layer per bin (pass 2).
fn count_bins(
    engine: &Engine,
    base: &[u32],
    unit: Unit,
    domain: DaySpan,
    brushes: &[Brush],
) -> Vec<TimelineBin> {
    let dates = engine.doc_dates();
    let first = unit.bin_of(domain.start);
    let n = (unit.bin_of(domain.end) - first + 1).clamp(0, MAX_BINS) as usize;
    let slot = |bin: i64| (bin - first).clamp(0, n as i64 - 1) as usize;
    // Difference arrays: stated, inferred, mentioned, within, documents.
    let mut diffs = vec![vec![0i32; n + 1]; 5];
    let mut mentions = vec![0i32; n + 1];
    let mut iv: [Vec<(usize, usize)>; 5] = Default::default();
    for &d in base {
        for it in dates.of(d).iter().filter(|it| it.span.overlaps(&domain)) {
            let (ba, bb) = it.bins(unit);
            let (a, b) = (slot(ba), slot(bb));
            iv[4].push((a, b));
            match it.source {
                DateSource::Published { stated } => iv[usize::from(!stated)].push((a, b)),
                DateSource::Mentioned { range, .. } => {
                    iv[2].push((a, b));
                    if !range && ba == bb {
                        iv[3].push((a, b));
                    }
                    mentions[a] += 1;
                    mentions[b + 1] -= 1;
                }
            }
        }
        for (diff, intervals) in diffs.iter_mut().zip(iv.iter_mut()) {
            if !intervals.is_empty() {
                add_merged(diff, intervals);
            }
        }
    }
    let s: Vec<Vec<u32>> = diffs.iter().map(|d| sums(d, n)).collect();
    let m = sums(&mentions, n);
    (0..n)
        .map(|i| {
            let ordinal = first + i as i64;
            let span = unit.span(ordinal);
            TimelineBin {
                key: unit.key(ordinal),
                label: unit.label(ordinal),
                span,
                published_stated: s[0][i],
                published_inferred: s[1][i],
                mentioned: s[2][i],
                mentioned_within: s[3][i],
                mentions: m[i],
                documents: s[4][i],
                brushed: brushes.iter().any(|b| b.span.overlaps(&span)),
            }
        })
        .collect()
}

/// The measures that could be plotted, and the figures of the one chosen
/// (from the engine's table of dated figures: ids, not strings).
fn series_candidates<'a>(
    engine: &'a Engine,
    base: &[u32],
    wanted: Option<&str>,
) -> (Vec<SeriesChoice>, Option<(String, Vec<DatedFigure<'a>>)>) {
    let dates = engine.doc_dates();
    let mut counts = vec![0u32; dates.measure_count()];
    let mut periods: Vec<(u32, DaySpan)> = Vec::new();
    for &d in base {
        for f in dates.figures_of(d) {
            if let Some(c) = counts.get_mut(f.measure as usize) {
                *c += 1;
            }
            periods.push((f.measure, f.span));
        }
    }
    periods.sort_unstable();
    periods.dedup();
    let mut period_counts = vec![0u32; counts.len()];
    for (m, _) in &periods {
        if let Some(c) = period_counts.get_mut(*m as usize) {
            *c += 1;
        }
    }
    let mut choices: Vec<(u32, SeriesChoice)> = counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(m, &n)| {
            (
                m as u32,
                SeriesChoice {
                    measure: dates.measure(m as u32).to_owned(),
                    figures: n,
                    periods: period_counts[m],
                },
            )
        })
        .collect();
    choices.sort_by(|(_, a), (_, b)| {
        (b.periods >= 2)
            .cmp(&(a.periods >= 2))
            .then(b.figures.cmp(&a.figures))
            .then(b.periods.cmp(&a.periods))
            .then(a.measure.cmp(&b.measure))
    });
    let chosen = match wanted {
        Some(w) => choices.iter().position(|(_, c)| c.measure == w),
        None => (!choices.is_empty()).then_some(0),
    };
    let picked = chosen.map(|i| (choices[i].0, choices[i].1.measure.clone()));
    if let Some(i) = chosen.filter(|&i| i >= MAX_SERIES_CHOICES) {
        // A measure the link asked for stays offered.
        let c = choices.remove(i);
        choices.truncate(MAX_SERIES_CHOICES - 1);
        choices.push(c);
    } else {
        choices.truncate(MAX_SERIES_CHOICES);
    }
    let figures = picked.map(|(id, name)| {
        let mut figs = Vec::new();
        for &d in base {
            let Some(ins) = engine.insights(d as usize) else {
                continue;
            };
            for f in dates.figures_of(d).iter().filter(|f| f.measure == id) {
                if let Some(figure) = ins.figures.get(f.figure as usize) {
                    figs.push(DatedFigure {
                        doc: d,
                        figure,
                        span: f.span,
                    });
                }
            }
        }
        (name, figs)
    });
    (choices.into_iter().map(|(_, c)| c).collect(), figures)
}

/// Groups a measure's figures by period.
fn build_series(engine: &Engine, measure: String, figs: Vec<DatedFigure<'_>>) -> Series {
    // The unit most of its figures share.
    let mut units: FxHashMap<Option<&str>, usize> = FxHashMap::default();
    for f in &figs {
        *units.entry(f.figure.unit.as_deref()).or_default() += 1;
    }
    let unit = units
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .and_then(|(u, _)| *u)
        .map(str::to_owned);
    let mut by_period: std::collections::BTreeMap<DaySpan, Vec<SeriesFigure>> = Default::default();
    for f in figs
        .iter()
        .filter(|f| f.figure.unit.as_deref() == unit.as_deref())
    {
        let title = engine
            .corpus()
            .documents
            .get(f.doc as usize)
            .map_or_else(String::new, |d| d.title.clone());
        by_period.entry(f.span).or_default().push(SeriesFigure {
            doc: f.doc,
            doc_title: title,
            text: f.figure.text.clone(),
            value: f.figure.value,
            exact: f.figure.qualifier == Qualifier::Exact,
            block: f.figure.sentence.block,
            sentence: (f.figure.sentence.start, f.figure.sentence.end),
        });
    }
    let points = by_period
        .into_iter()
        .map(|(span, figures)| {
            let exact: Vec<f64> = figures
                .iter()
                .filter(|f| f.exact)
                .map(|f| f.value)
                .collect();
            let all: Vec<f64> = figures.iter().map(|f| f.value).collect();
            let value = if exact.is_empty() {
                median(all.clone())
            } else {
                median(exact)
            };
            SeriesPoint {
                key: span_value(span),
                span,
                value,
                min: all.iter().copied().fold(f64::INFINITY, f64::min),
                max: all.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                figures,
            }
        })
        .collect();
    Series {
        measure,
        unit,
        points,
    }
}

/// The passages of the base documents whose dates overlap `span`.
fn bar_passages(engine: &Engine, base: &[u32], key: &str, span: DaySpan) -> BarPassages {
    let dates = engine.doc_dates();
    let mut passages = Vec::new();
    let mut total = 0;
    for &d in base {
        let Some(ins) = engine.insights(d as usize) else {
            continue;
        };
        let document = engine.corpus().documents.get(d as usize);
        for it in dates.of(d).iter().filter(|it| it.span.overlaps(&span)) {
            total += 1;
            if passages.len() >= MAX_PASSAGES {
                continue;
            }
            let (doc_id, doc_title) = document
                .map_or((ins.doc_id.clone(), ins.metadata.title.clone()), |doc| {
                    (doc.id.clone(), doc.title.clone())
                });
            let passage = match it.source {
                DateSource::Published { stated } => TimelinePassage {
                    doc: d,
                    doc_id,
                    doc_title,
                    kind: if stated {
                        PassageKind::PublishedStated
                    } else {
                        PassageKind::PublishedInferred
                    },
                    at: None,
                    text: ins
                        .metadata
                        .published
                        .as_ref()
                        .map_or_else(String::new, |p| p.evidence.clone()),
                    mark: None,
                },
                DateSource::Mentioned { mention, range } => {
                    let Some(m) = ins.dates.get(mention as usize) else {
                        continue;
                    };
                    let sentence = m.sentence;
                    let text = document
                        .and_then(|doc| doc.blocks.get(sentence.block as usize))
                        .map_or("", |b| sentence.text(&b.text));
                    let mark = (m.loc.block == sentence.block
                        && m.loc.start >= sentence.start
                        && m.loc.end <= sentence.end)
                        .then(|| {
                            (
                                (m.loc.start - sentence.start) as usize,
                                (m.loc.end - sentence.start) as usize,
                            )
                        })
                        .filter(|&(a, b)| text.is_char_boundary(a) && text.is_char_boundary(b));
                    TimelinePassage {
                        doc: d,
                        doc_id,
                        doc_title,
                        kind: if range {
                            PassageKind::Range
                        } else {
                            PassageKind::Mentioned
                        },
                        at: Some((sentence.block, (sentence.start, sentence.end))),
                        text: text.to_owned(),
                        mark,
                    }
                }
            };
            passages.push(passage);
        }
    }
    BarPassages {
        key: key.to_owned(),
        span,
        passages,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        Engine::from_texts([
            ("a", "Walls\nIn March 2020 guards came. In April 2020 fences rose. In June 2020 mines."),
            ("b", "Mines\nIn May 2020 mines were laid. Officials said 1,047 defectors arrived in 2019 and only 67 defectors arrived in 2020."),
            ("c", "Quiet\nNothing dated here."),
        ])
        .unwrap()
    }

    #[test]
    fn month_dates_get_month_bins_and_counts_are_documents() {
        let e = engine();
        let t = timeline(&e, &e.select("", 10), &TimelineOptions::default());
        assert_eq!(t.base_docs, 3);
        assert_eq!(t.dated_docs, 2);
        // 2019 (a year) to June 2020, mostly months: month bins.
        assert_eq!(t.unit, Unit::Month);
        let mar = t.bin("2020-03").unwrap();
        assert_eq!(
            (mar.mentioned, mar.mentioned_within, mar.mentions),
            (2, 1, 2),
            "{mar:?}"
        );
        assert_eq!(mar.mentioned_wider(), 1, "b's 2020 reaches March");
        assert_eq!(t.bins.first().unwrap().key, "2019-01");
        assert_eq!(t.bins.last().unwrap().key, "2020-12");
        // Years on request.
        let y = timeline(
            &e,
            &e.select("", 10),
            &TimelineOptions {
                unit: Some(Unit::Year),
                ..Default::default()
            },
        );
        // Two years get a year of context each side.
        assert_eq!(
            y.bins
                .iter()
                .map(|b| (b.key.as_str(), b.mentioned))
                .collect::<Vec<_>>(),
            [("2018", 0), ("2019", 1), ("2020", 2), ("2021", 0)]
        );
        // Days over two years would be 731 bins: allowed; a century is coarsened.
        let d = timeline(
            &e,
            &e.select("", 10),
            &TimelineOptions {
                unit: Some(Unit::Day),
                ..Default::default()
            },
        );
        assert_eq!(d.unit, Unit::Day);
        assert_eq!(d.bins.len(), 731);
    }

    #[test]
    fn brushed_ranges_mark_bins_and_the_timeline_keeps_the_other_years() {
        let e = engine();
        let s = e.select("date:2019", 10);
        assert_eq!(s.docs(), &[1]);
        let t = timeline(
            &e,
            &s,
            &TimelineOptions {
                unit: Some(Unit::Year),
                ..Default::default()
            },
        );
        assert_eq!(t.base_docs, 3, "counted without its own date clause");
        assert_eq!(t.brushes.len(), 1);
        assert!(t.bin("2019").unwrap().brushed);
        assert!(!t.bin("2020").unwrap().brushed);
    }

    #[test]
    fn a_bar_lists_its_passages_with_the_date_marked() {
        let e = engine();
        let opts = TimelineOptions {
            bar: Some("2020-04".into()),
            ..Default::default()
        };
        let t = timeline(&e, &e.select("", 10), &opts);
        let bar = t.bar.unwrap();
        let texts: Vec<&str> = bar.passages.iter().map(|p| p.text.as_str()).collect();
        assert!(
            texts.iter().any(|t| t.contains("April 2020 fences")),
            "{texts:?}"
        );
        let p = bar
            .passages
            .iter()
            .find(|p| p.text.contains("April"))
            .unwrap();
        let (a, b) = p.mark.unwrap();
        assert_eq!(&p.text[a..b], "April 2020");
        assert!(p.at.is_some());
    }

    #[test]
    fn the_series_takes_exact_figures_per_period() {
        let e = engine();
        let t = timeline(&e, &e.select("", 10), &TimelineOptions::default());
        let s = t.series.unwrap();
        assert_eq!(s.measure, "defector");
        let pts: Vec<(&str, f64)> = s.points.iter().map(|p| (p.key.as_str(), p.value)).collect();
        assert_eq!(pts, [("2019", 1047.0), ("2020", 67.0)]);
        assert_eq!(t.series_choices[0].measure, "defector");
    }

    #[test]
    fn a_series_the_selection_lacks_is_said() {
        let e = engine();
        let t = timeline(
            &e,
            &e.select("", 10),
            &TimelineOptions {
                series: Some("zzz".into()),
                ..Default::default()
            },
        );
        assert!(t.series.is_none());
        let note = t.series_note().unwrap();
        assert!(
            note.contains("“zzz”") && note.contains("“defector”"),
            "{note}"
        );
        let t = timeline(&e, &e.select("", 10), &TimelineOptions::default());
        assert_eq!(t.series_note(), None);
    }

    #[test]
    fn csv_has_a_row_per_bin_and_per_period() {
        let e = engine();
        let t = timeline(
            &e,
            &e.select("", 10),
            &TimelineOptions {
                unit: Some(Unit::Year),
                ..Default::default()
            },
        );
        let csv = t.to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 1 + 4 + 2, "{csv}");
        assert!(lines[0].starts_with("row,period,start,end,"));
        assert!(
            lines[2].starts_with("bin,2019,2019-01-01,2019-12-31,0,0,1,1,1,1,"),
            "{csv}"
        );
        assert!(
            lines[5].starts_with("series,2019,") && lines[5].contains("defector,,1047,"),
            "{csv}"
        );
    }

    #[test]
    fn nothing_dated_gives_no_bins_and_says_so() {
        let e = Engine::from_texts([("c", "Quiet\nNothing dated here.")]).unwrap();
        let t = timeline(&e, &e.select("", 10), &TimelineOptions::default());
        assert!(t.bins.is_empty() && t.series.is_none());
        assert!(t.publication_note().contains("unknown"));
        let empty = Engine::from_texts(Vec::<(&str, &str)>::new()).unwrap();
        let t = timeline(
            &empty,
            &empty.select("", 10),
            &TimelineOptions {
                bar: Some("2019".into()),
                ..Default::default()
            },
        );
        assert!(t.bins.is_empty() && t.bar.unwrap().total == 0);
    }
}
