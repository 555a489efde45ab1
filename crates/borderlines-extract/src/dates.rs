//! Dates and time expressions: absolute ("December 1", "October 2020",
//! "2019"), decades ("the 1990s"), weekdays ("on Friday") and relative
//! phrases ("last year", "two months after", "earlier this year").
//!
//! Each is resolved against the publication date when the document states
//! one; otherwise it keeps its text and whatever it fixes by itself (a year,
//! a month) and is marked unresolved. The library has no clock: "today"
//! means the publication date or nothing.

use serde::{Deserialize, Serialize};

use crate::lexicon::{month, WEEKDAYS};
use crate::span::Loc;
use crate::tokens::{TokKind, Tokenized};
use crate::word_set::WordSet;

/// A calendar date, as precise as the text allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn year(y: i32) -> Self {
        Self {
            year: Some(y),
            month: None,
            day: None,
        }
    }

    /// ISO-like text: "2020", "2020-10", "2020-10-09", "?-10-09".
    pub fn iso(&self) -> String {
        let y = self.year.map_or("?".to_owned(), |y| format!("{y:04}"));
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{y}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{y}-{m:02}"),
            _ => y,
        }
    }
}

/// What kind of time expression it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateKind {
    /// Fixes a point on the calendar by itself (perhaps without a year).
    Absolute,
    /// A decade: "the 1990s".
    Decade,
    /// A weekday: "on Friday".
    Weekday,
    /// Relative to the publication date: "last year", "three days ago".
    Relative,
    /// Relative to another event: "two months after".
    Anchored,
}

/// One time expression with its resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub loc: Loc,
    pub text: String,
    pub kind: DateKind,
    /// The date it denotes, as far as known (for a decade, its first year).
    pub date: PartialDate,
    /// True when the year is known (stated, or resolved from the publication date).
    pub resolved: bool,
    /// The sentence it belongs to.
    pub sentence: Loc,
}

fn num(w: &str) -> Option<i64> {
    if w.is_empty() || !w.bytes().all(|b| b.is_ascii_digit()) || w.len() > 9 {
        return None;
    }
    w.parse().ok()
}

/// A standalone four-digit year (1800–2100).
pub(crate) fn year_of(w: &str) -> Option<i32> {
    (w.len() == 4)
        .then(|| num(w))
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
        .map(|y| y as i32)
}

fn day_of(w: &str) -> Option<u8> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !suffix.is_empty() && !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    num(digits)
        .filter(|d| (1..=31).contains(d))
        .map(|d| d as u8)
}

const SMALL_NUMBERS: &[(&str, i64)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("several", 3),
    ("few", 3),
    ("a few", 3),
];

fn unit_of(w: &str) -> Option<&'static str> {
    // Compared without allocating: the units are ASCII.
    const UNITS: [&str; 5] = ["day", "week", "month", "year", "decade"];
    let singular = w.strip_suffix(['s', 'S']).unwrap_or(w);
    UNITS
        .into_iter()
        .find(|u| w.eq_ignore_ascii_case(u) || singular.eq_ignore_ascii_case(u))
}

/// Can this lowercase word start a date expression? One set lookup, so
/// that the great majority of words cost nothing more.
fn date_start_word(w: &str) -> bool {
    static S: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let months = crate::lexicon::MONTHS.iter().map(|(m, _)| m.to_lowercase());
        let weekdays = WEEKDAYS.iter().map(|d| d.to_lowercase());
        let numbers = SMALL_NUMBERS.iter().map(|(n, _)| (*n).to_owned());
        let relative = [
            "yesterday",
            "today",
            "tomorrow",
            "last",
            "this",
            "next",
            "past",
            "earlier",
            "later",
        ]
        .map(str::to_owned);
        months
            .chain(weekdays)
            .chain(numbers)
            .chain(relative)
            .collect()
    })
    .contains(w)
}

/// Days from 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

/// Finds and resolves every time expression of one block. `published` is
/// the publication date when stated (used to resolve relative expressions).
pub(crate) fn find(
    block: usize,
    t: &Tokenized,
    published: Option<PartialDate>,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    for sent in &t.sents {
        let sloc = Loc::new(block, sent.start..sent.end);
        let (a, b) = (sent.tok_start, sent.tok_end);
        let mut i = a;
        while i < b {
            if let Some((end, kind, date)) = match_at(t, i, b, published) {
                let (s, e) = (t.toks[i].start, t.toks[end - 1].end);
                out.push(DateMention {
                    loc: Loc::new(block, s..e),
                    text: t.text[s..e].to_owned(),
                    kind,
                    date,
                    resolved: date.year.is_some(),
                    sentence: sloc,
                });
                i = end;
            } else {
                i += 1;
            }
        }
    }
    // Korean dates ("2019년 3월 5일", "지난해"), in reading order with the rest.
    let ko = crate::korean::dates(block, t, published);
    if !ko.is_empty() {
        out.extend(ko);
        out.sort_by_key(|d| (d.loc.start, d.loc.end));
        out.dedup_by(|b, a| b.loc.start < a.loc.end);
    }
    out
}

fn lower<'a>(t: &'a Tokenized, i: usize) -> &'a str {
    t.low(i)
}

fn match_at(
    t: &Tokenized,
    i: usize,
    b: usize,
    published: Option<PartialDate>,
) -> Option<(usize, DateKind, PartialDate)> {
    let w = t.tok(i);
    let tk = t.toks[i];
    // Most tokens cannot start a date: skip them before any allocation.
    let maybe = tk.kind == TokKind::Number || date_start_word(t.low(i).trim_end_matches('.'));
    if !maybe {
        return None;
    }
    let lw = t.low(i);

    // Month [day] [, year] / Month year.
    if tk.kind == TokKind::Word && w.chars().next().is_some_and(char::is_uppercase) {
        if let Some(m) = month(w) {
            // "May" is usually a verb: only with a day/year or after "in"/"of"/"since".
            let prev = if i > 0 { lower(t, i - 1) } else { "" };
            let mut j = i + 1;
            if t.tok(j) == "." {
                j += 1;
            }
            let mut day = None;
            let mut year = None;
            if j < b && t.toks[j].kind == TokKind::Number {
                if let Some(y) = year_of(t.tok(j)) {
                    year = Some(y);
                    j += 1;
                } else if let Some(d) = day_of(t.tok(j)) {
                    day = Some(d);
                    j += 1;
                    // A span of days, "January 4-6": the range belongs to the date.
                    if matches!(t.tok(j), "-" | "–")
                        && !t.toks[j].space_before
                        && day_of(t.tok(j + 1)).is_some()
                    {
                        j += 2;
                    }
                    let k = if t.tok(j) == "," { j + 1 } else { j };
                    if let Some(y) = (k < b).then(|| year_of(t.tok(k))).flatten() {
                        year = Some(y);
                        j = k + 1;
                    }
                }
            }
            let month_word_ok = w != "May"
                || day.is_some()
                || year.is_some()
                || matches!(
                    prev,
                    "in" | "of"
                        | "since"
                        | "until"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "this"
                );
            if month_word_ok && (w.len() > 3 || day.is_some() || year.is_some()) {
                // "last October", "this March".
                let (start_adj, rel) = match prev {
                    "last" => (true, -1),
                    "next" => (true, 1),
                    "this" => (true, 0),
                    _ => (false, 0),
                };
                let mut date = PartialDate {
                    year,
                    month: Some(m),
                    day,
                };
                if date.year.is_none() {
                    date.year = resolve_month_year(published, m, day, rel, start_adj);
                }
                let kind = if start_adj {
                    DateKind::Relative
                } else {
                    DateKind::Absolute
                };
                let _ = start_adj;
                return Some((j, kind, date));
            }
        }
        // Weekday: "Friday", "on Friday", "last Friday".
        if let Some(wd) = WEEKDAYS.iter().position(|d| *d == w) {
            let date = published
                .and_then(|p| weekday_before(p, wd as i64))
                .unwrap_or(PartialDate {
                    year: None,
                    month: None,
                    day: None,
                });
            return Some((i + 1, DateKind::Weekday, date));
        }
    }
    // Day Month [year]: "1 December 2024".
    if tk.kind == TokKind::Number {
        if let (Some(d), Some(m)) = (day_of(w), month(t.tok(i + 1))) {
            if i + 1 < b && t.tok(i + 1).len() >= 3 {
                let mut j = i + 2;
                let mut year = None;
                if let Some(y) = (j < b).then(|| year_of(t.tok(j))).flatten() {
                    year = Some(y);
                    j += 1;
                }
                let mut date = PartialDate {
                    year,
                    month: Some(m),
                    day: Some(d),
                };
                if date.year.is_none() {
                    date.year = resolve_month_year(published, m, Some(d), 0, false);
                }
                return Some((j, DateKind::Absolute, date));
            }
        }
        // ISO dates: "2021-10-12" (datelines and metadata lines).
        if let Some(y) = year_of(w) {
            let glued = |k: usize| t.toks.get(k).is_some_and(|x| !x.space_before);
            if t.tok(i + 1) == "-"
                && glued(i + 1)
                && glued(i + 2)
                && t.tok(i + 3) == "-"
                && glued(i + 3)
                && glued(i + 4)
            {
                let m = num(t.tok(i + 2)).filter(|m| (1..=12).contains(m));
                let d = num(t.tok(i + 4)).filter(|d| (1..=31).contains(d));
                if let (Some(m), Some(d)) = (m, d) {
                    return Some((
                        i + 5,
                        DateKind::Absolute,
                        PartialDate {
                            year: Some(y),
                            month: Some(m as u8),
                            day: Some(d as u8),
                        },
                    ));
                }
            }
        }
        // Decades: "1990s", "the 1990s".
        if w.len() == 5 && w.ends_with('s') {
            if let Some(y) = year_of(&w[..4]).filter(|y| y % 10 == 0) {
                return Some((i + 1, DateKind::Decade, PartialDate::year(y)));
            }
        }
        // A bare year, unless it counts something ("2000 troops") or is money.
        if let Some(y) = year_of(w) {
            let prev = if i > 0 { t.low(i - 1) } else { "" };
            let next = lower(t, i + 1);
            let counts_next = next.ends_with('s')
                && next.len() > 3
                && !matches!(next, "was" | "has" | "its" | "this");
            let money = matches!(prev, "$" | "€" | "£" | "¥" | "₩");
            let qualifier = matches!(
                prev,
                "about"
                    | "around"
                    | "some"
                    | "nearly"
                    | "almost"
                    | "over"
                    | "least"
                    | "to"
                    | "than"
            ) && !matches!(prev, "to");
            if !money
                && !qualifier
                && (!counts_next || matches!(prev, "in" | "since" | "of" | "by"))
            {
                return Some((i + 1, DateKind::Absolute, PartialDate::year(y)));
            }
        }
    }
    if tk.kind != TokKind::Word {
        return None;
    }
    // Relative to publication: last/this/next year|month|week, yesterday, today.
    match lw {
        "yesterday" | "today" | "tomorrow" => {
            let off = match lw {
                "yesterday" => -1,
                "today" => 0,
                _ => 1,
            };
            let date = published
                .and_then(|p| shift_days(p, off))
                .unwrap_or(PartialDate {
                    year: None,
                    month: None,
                    day: None,
                });
            return Some((i + 1, DateKind::Relative, date));
        }
        "last" | "this" | "next" | "past" => {
            let unit = unit_of(t.tok(i + 1));
            if let Some(u) = unit.filter(|_| i + 1 < b && !t.tok(i + 1).ends_with('s')) {
                let off = match lw {
                    "last" | "past" => -1,
                    "next" => 1,
                    _ => 0,
                };
                let date = relative(published, u, off);
                return Some((i + 2, DateKind::Relative, date));
            }
        }
        "earlier" | "later" if t.tok(i + 1) == "this" => {
            if let Some(u) = unit_of(t.tok(i + 2)).filter(|u| *u == "year" || *u == "month") {
                return Some((i + 3, DateKind::Relative, relative(published, u, 0)));
            }
        }
        _ => {}
    }
    // "N units ago" (relative to publication) / "N units after|later|before" (anchored).
    let n = SMALL_NUMBERS
        .iter()
        .find(|(s, _)| *s == lw)
        .map(|&(_, n)| n)
        .or_else(|| num(w));
    if let Some(n) = n {
        let mut j = i + 1;
        if lw == "a" && t.tok(j) == "few" {
            j += 1;
        }
        if let Some(u) = unit_of(t.tok(j)) {
            let after = lower(t, j + 1);
            if j + 1 < b && after == "ago" {
                let date = relative(published, u, -n);
                return Some((j + 2, DateKind::Relative, date));
            }
            if j + 1 < b && matches!(after, "after" | "later" | "before" | "earlier") {
                let _ = year_of;
                return Some((
                    j + 2,
                    DateKind::Anchored,
                    PartialDate {
                        year: None,
                        month: None,
                        day: None,
                    },
                ));
            }
        }
    }
    None
}

fn relative(published: Option<PartialDate>, unit: &str, n: i64) -> PartialDate {
    let none = PartialDate {
        year: None,
        month: None,
        day: None,
    };
    let Some(p) = published else { return none };
    let Some(y) = p.year else { return none };
    match unit {
        "year" => PartialDate::year(y + n as i32),
        "decade" => PartialDate::year(((y + 10 * n as i32) / 10) * 10),
        "month" => match p.month {
            Some(m) => {
                let total = i64::from(y) * 12 + i64::from(m) - 1 + n;
                PartialDate {
                    year: Some(total.div_euclid(12) as i32),
                    month: Some((total.rem_euclid(12) + 1) as u8),
                    day: None,
                }
            }
            None => none,
        },
        "week" => shift_days(p, 7 * n)
            .map(|d| PartialDate { day: None, ..d })
            .unwrap_or(none),
        "day" => shift_days(p, n).unwrap_or(none),
        _ => none,
    }
}

fn shift_days(p: PartialDate, n: i64) -> Option<PartialDate> {
    let (y, m, d) = (p.year?, p.month?, p.day?);
    let (y, m, d) = civil_from_days(days_from_civil(y, m, d) + n);
    Some(PartialDate {
        year: Some(y),
        month: Some(m),
        day: Some(d),
    })
}

/// The most recent `weekday` (Monday = 0) on or before the publication day.
fn weekday_before(p: PartialDate, weekday: i64) -> Option<PartialDate> {
    let days = days_from_civil(p.year?, p.month?, p.day?);
    let today = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday (3).
    let back = (today - weekday).rem_euclid(7);
    shift_days(p, -back)
}

/// The year of a month named without one: the nearest such month to the
/// publication date (within about six months either way).
fn resolve_month_year(
    published: Option<PartialDate>,
    m: u8,
    day: Option<u8>,
    rel: i32,
    explicit: bool,
) -> Option<i32> {
    let p = published?;
    let y = p.year?;
    let Some(pm) = p.month else {
        return (!explicit).then_some(y);
    };
    let _ = day;
    if explicit {
        return Some(match rel {
            -1 => {
                if m < pm {
                    y
                } else {
                    y - 1
                }
            }
            1 => {
                if m > pm {
                    y
                } else {
                    y + 1
                }
            }
            _ => y,
        });
    }
    let diff = i32::from(m) - i32::from(pm);
    Some(if diff > 6 {
        y - 1
    } else if diff < -6 {
        y + 1
    } else {
        y
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: Option<PartialDate>) -> Vec<(String, DateKind, String)> {
        let t = Tokenized::new(text);
        find(0, &t, published)
            .into_iter()
            .map(|d| (d.text, d.kind, d.date.iso()))
            .collect()
    }

    #[test]
    fn absolute_relative_and_decades() {
        let p = Some(PartialDate {
            year: Some(2024),
            month: Some(11),
            day: Some(6),
        }); // a Wednesday
        let got = dates("Drills on December 1. The order, issued on Friday, came last year in October, two months after talks in the 1990s and 2019.", p);
        assert_eq!(
            got,
            [
                ("December 1".into(), DateKind::Absolute, "2024-12-01".into()),
                ("Friday".into(), DateKind::Weekday, "2024-11-01".into()),
                ("last year".into(), DateKind::Relative, "2023".into()),
                ("October".into(), DateKind::Absolute, "2024-10".into()),
                ("two months after".into(), DateKind::Anchored, "?".into()),
                ("1990s".into(), DateKind::Decade, "1990".into()),
                ("2019".into(), DateKind::Absolute, "2019".into()),
            ]
        );
    }

    #[test]
    fn unresolved_without_publication_date_and_may_is_a_verb() {
        let got = dates(
            "It may rain. In May 2020 and last week, 2,000 troops came; 2000 soldiers left.",
            None,
        );
        assert_eq!(
            got,
            [
                ("May 2020".into(), DateKind::Absolute, "2020-05".into()),
                ("last week".into(), DateKind::Relative, "?".into()),
            ]
        );
    }

    #[test]
    fn civil_day_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2024, 12, 31), (1899, 3, 1)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
    }

    #[test]
    fn iso_dates_and_stated_publication() {
        assert_eq!(
            dates("Posted 2021-10-12 at noon.", None),
            [("2021-10-12".into(), DateKind::Absolute, "2021-10-12".into())]
        );
    }
}
