//! Calendar arithmetic for the timeline: days as integers, spans of days,
//! the units bins are counted in (day, month, year, decade), and the text
//! of a date value as the `date:` field and the link write it.
//!
//! A day is the number of days since 1970-01-01 (proleptic Gregorian,
//! Howard Hinnant's `days_from_civil`), so a [`DaySpan`] is two integers and
//! overlap is two comparisons. Years are kept within [`MIN_YEAR`]..=[`MAX_YEAR`].
//!
//! Date values (`date:` clauses, bar keys):
//!
//! | text | span |
//! |---|---|
//! | `2019` | the year |
//! | `2020-03` | the month |
//! | `2020-03-05` | the day |
//! | `1990s` | the decade 1990–1999 |
//! | `2019..2020` | 2019-01-01 to 2020-12-31 (both ends inclusive) |
//! | `2020-03..2020-06`, `2019..`, `..2020` | ranges, open ends reach the calendar's ends |
//!
//! ```
//! use borderlines_engine::time_bins::{parse_date_value, DaySpan, Unit};
//! let s = parse_date_value("2019..2020").unwrap();
//! assert_eq!(s, DaySpan::of_year(2019).join(DaySpan::of_year(2020)));
//! let march = parse_date_value("2020-03").unwrap();
//! assert_eq!(Unit::Month.key(Unit::Month.bin_of(march.start)), "2020-03");
//! assert!(parse_date_value("2020-13").is_none());
//! ```

/// Earliest year a date value may name.
pub const MIN_YEAR: i32 = 1;
/// Latest year a date value may name.
pub const MAX_YEAR: i32 = 9999;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Days since 1970-01-01 of a calendar date (month 1–12, day 1–31).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = (y - era * 400) as u32;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe as i32 - 719_468
}

/// The calendar date (year, month 1–12, day 1–31) of a day number.
pub fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = (z - era * 146_097) as u32;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe as i32 + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Days in a month of a year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month >= 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    (days_from_civil(ny, nm, 1) - days_from_civil(year, month, 1)) as u32
}

/// An inclusive span of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DaySpan {
    pub start: i32,
    /// Inclusive.
    pub end: i32,
}

impl DaySpan {
    /// A whole year.
    pub fn of_year(year: i32) -> DaySpan {
        let y = year.clamp(MIN_YEAR, MAX_YEAR);
        DaySpan {
            start: days_from_civil(y, 1, 1),
            end: days_from_civil(y, 12, 31),
        }
    }

    /// A whole month (1–12; out of range is clamped).
    pub fn of_month(year: i32, month: u32) -> DaySpan {
        let y = year.clamp(MIN_YEAR, MAX_YEAR);
        let m = month.clamp(1, 12);
        let start = days_from_civil(y, m, 1);
        DaySpan {
            start,
            end: start + days_in_month(y, m) as i32 - 1,
        }
    }

    /// One day.
    pub fn of_day(day: i32) -> DaySpan {
        DaySpan {
            start: day,
            end: day,
        }
    }

    /// Everything from the start of `self` to the end of `other` (or the
    /// other way round, whichever starts first).
    pub fn join(self, other: DaySpan) -> DaySpan {
        DaySpan {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Do the spans share a day?
    pub fn overlaps(&self, other: &DaySpan) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Days in the span.
    pub fn days(&self) -> i64 {
        i64::from(self.end) - i64::from(self.start) + 1
    }

    /// The span's middle day.
    pub fn middle(&self) -> f64 {
        (f64::from(self.start) + f64::from(self.end) + 1.0) / 2.0
    }
}

/// How finely a date is known, and the unit bins are counted in. Ordered
/// from finest to coarsest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Day,
    Month,
    Year,
    Decade,
}

impl Unit {
    /// Every unit, finest first.
    pub const ALL: [Unit; 4] = [Unit::Day, Unit::Month, Unit::Year, Unit::Decade];

    /// The name in the link (`tbin=month`).
    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Month => "month",
            Unit::Year => "year",
            Unit::Decade => "decade",
        }
    }

    /// The unit a link names.
    pub fn from_name(name: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.name() == name)
    }

    /// Plural label ("days", "months" …).
    pub fn plural(self) -> &'static str {
        match self {
            Unit::Day => "days",
            Unit::Month => "months",
            Unit::Year => "years",
            Unit::Decade => "decades",
        }
    }

    /// The next coarser unit (a decade stays a decade).
    pub fn coarser(self) -> Unit {
        match self {
            Unit::Day => Unit::Month,
            Unit::Month => Unit::Year,
            Unit::Year | Unit::Decade => Unit::Decade,
        }
    }

    /// The ordinal of the bin holding `day`: the day itself, months since
    /// year 0, the year, or the decade (year / 10).
    pub fn bin_of(self, day: i32) -> i64 {
        match self {
            Unit::Day => i64::from(day),
            _ => {
                let (y, m, _) = civil_from_days(day);
                match self {
                    Unit::Month => i64::from(y) * 12 + i64::from(m) - 1,
                    Unit::Year => i64::from(y),
                    _ => i64::from(y.div_euclid(10)),
                }
            }
        }
    }

    /// The days of bin `ordinal`.
    pub fn span(self, ordinal: i64) -> DaySpan {
        let clamp = |v: i64| v.clamp(i64::from(i32::MIN / 2), i64::from(i32::MAX / 2)) as i32;
        match self {
            Unit::Day => DaySpan::of_day(clamp(ordinal)),
            Unit::Month => DaySpan::of_month(
                clamp(ordinal.div_euclid(12)),
                ordinal.rem_euclid(12) as u32 + 1,
            ),
            Unit::Year => DaySpan::of_year(clamp(ordinal)),
            Unit::Decade => {
                let y = clamp(ordinal * 10);
                DaySpan::of_year(y).join(DaySpan::of_year(y + 9))
            }
        }
    }

    /// The bin's key: the date value that names it (`2019`, `2020-03`,
    /// `2020-03-05`, `1990s`), usable in a `date:` clause and a link.
    pub fn key(self, ordinal: i64) -> String {
        let s = self.span(ordinal);
        let (y, m, d) = civil_from_days(s.start);
        match self {
            Unit::Day => format!("{y:04}-{m:02}-{d:02}"),
            Unit::Month => format!("{y:04}-{m:02}"),
            Unit::Year => format!("{y:04}"),
            Unit::Decade => format!("{y:04}s"),
        }
    }

    /// A short label for an axis ("5 Mar", "Mar 2020", "2019", "1990s").
    pub fn label(self, ordinal: i64) -> String {
        let s = self.span(ordinal);
        let (y, m, d) = civil_from_days(s.start);
        let month = MONTHS[(m as usize).saturating_sub(1).min(11)];
        match self {
            Unit::Day => format!("{d} {month} {y}"),
            Unit::Month => format!("{month} {y}"),
            Unit::Year => y.to_string(),
            Unit::Decade => format!("{y}s"),
        }
    }
}

/// A span as the text of a date value: one key when it is exactly one bin
/// of some unit (`2019`, `2020-03`), else `start..end` in the finest unit
/// that fits both ends.
pub fn span_value(span: DaySpan) -> String {
    for unit in [Unit::Decade, Unit::Year, Unit::Month, Unit::Day] {
        let b = unit.bin_of(span.start);
        if unit.span(b) == span {
            return unit.key(b);
        }
    }
    for unit in [Unit::Year, Unit::Month, Unit::Day] {
        let (a, b) = (unit.bin_of(span.start), unit.bin_of(span.end));
        if unit.span(a).start == span.start && unit.span(b).end == span.end {
            return format!("{}..{}", unit.key(a), unit.key(b));
        }
    }
    format!(
        "{}..{}",
        Unit::Day.key(i64::from(span.start)),
        Unit::Day.key(i64::from(span.end))
    )
}

/// The value of a range of bins `from..=to` of one unit (`2019..2020`, or
/// the single key when they are the same bin).
pub fn bins_value(unit: Unit, from: i64, to: i64) -> String {
    let (a, b) = (from.min(to), from.max(to));
    if a == b {
        unit.key(a)
    } else if unit == Unit::Decade {
        span_value(unit.span(a).join(unit.span(b)))
    } else {
        format!("{}..{}", unit.key(a), unit.key(b))
    }
}

fn digits(text: &str, n: usize) -> Option<u32> {
    (text.len() == n && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// One end of a date value: a year, decade, month or day.
fn parse_point(text: &str) -> Option<DaySpan> {
    let text = text.trim();
    if let Some(decade) = text.strip_suffix('s') {
        let y = digits(decade, 4)? as i32;
        if y % 10 != 0 || !(MIN_YEAR..=MAX_YEAR).contains(&y) {
            return None;
        }
        return Some(DaySpan::of_year(y).join(DaySpan::of_year(y + 9)));
    }
    let mut parts = text.split('-');
    let y = digits(parts.next()?, 4)? as i32;
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    let Some(m) = parts.next() else {
        return Some(DaySpan::of_year(y));
    };
    let m = digits(m, 2)?;
    if !(1..=12).contains(&m) {
        return None;
    }
    let Some(d) = parts.next() else {
        return Some(DaySpan::of_month(y, m));
    };
    let d = digits(d, 2)?;
    if parts.next().is_some() || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(DaySpan::of_day(days_from_civil(y, m, d)))
}

/// The span a date value names (see the module table), or `None` when the
/// text is not one.
pub fn parse_date_value(text: &str) -> Option<DaySpan> {
    let text = text.trim();
    match text.split_once("..") {
        None => parse_point(text),
        Some((a, b)) => {
            let start = if a.trim().is_empty() {
                DaySpan::of_year(MIN_YEAR)
            } else {
                parse_point(a)?
            };
            let end = if b.trim().is_empty() {
                DaySpan::of_year(MAX_YEAR)
            } else {
                parse_point(b)?
            };
            if a.trim().is_empty() && b.trim().is_empty() {
                return None;
            }
            Some(start.join(end))
        }
    }
}

/// Chooses a bin unit for data spanning `span` whose dates are known to
/// `finest` at best: days up to three months, months up to six years,
/// years up to two centuries, decades beyond; never finer than the data.
pub fn auto_unit(span: DaySpan, finest: Unit) -> Unit {
    let days = span.days();
    let by_span = if days <= 92 {
        Unit::Day
    } else if days <= 6 * 366 {
        Unit::Month
    } else if days <= 200 * 366 {
        Unit::Year
    } else {
        Unit::Decade
    };
    by_span.max(finest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn calendar_round_trips_and_knows_leap_years() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(
            days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28),
            2
        );
        assert_eq!(days_in_month(2020, 2), 29);
        assert_eq!(days_in_month(2019, 2), 28);
        assert_eq!(days_in_month(2019, 12), 31);
        assert_eq!(civil_from_days(days_from_civil(2020, 3, 5)), (2020, 3, 5));
        assert_eq!(DaySpan::of_year(2020).days(), 366);
    }

    #[test]
    fn values_parse_to_spans() {
        let y = |y| DaySpan::of_year(y);
        assert_eq!(parse_date_value("2019"), Some(y(2019)));
        assert_eq!(
            parse_date_value(" 2019..2020 "),
            Some(y(2019).join(y(2020)))
        );
        assert_eq!(parse_date_value("2020..2019"), Some(y(2019).join(y(2020))));
        assert_eq!(parse_date_value("1990s"), Some(y(1990).join(y(1999))));
        assert_eq!(
            parse_date_value("2020-03..2020-06"),
            Some(DaySpan::of_month(2020, 3).join(DaySpan::of_month(2020, 6)))
        );
        assert_eq!(
            parse_date_value("2020-02-29"),
            Some(DaySpan::of_day(days_from_civil(2020, 2, 29)))
        );
        assert_eq!(parse_date_value("2019..").unwrap().end, y(MAX_YEAR).end);
        assert_eq!(parse_date_value("..2019").unwrap().start, y(MIN_YEAR).start);
        for bad in [
            "",
            "..",
            "19",
            "2019-2",
            "2019-13",
            "2019-02-29",
            "1995s",
            "x",
            "2019..x",
            "0000",
            "2019-01-01-01",
            "20190",
        ] {
            assert_eq!(parse_date_value(bad), None, "{bad}");
        }
    }

    #[test]
    fn bins_have_keys_labels_and_spans() {
        let d = days_from_civil(2020, 3, 5);
        assert_eq!(Unit::Day.key(Unit::Day.bin_of(d)), "2020-03-05");
        assert_eq!(Unit::Month.key(Unit::Month.bin_of(d)), "2020-03");
        assert_eq!(Unit::Month.label(Unit::Month.bin_of(d)), "Mar 2020");
        assert_eq!(Unit::Year.key(Unit::Year.bin_of(d)), "2020");
        assert_eq!(Unit::Decade.key(Unit::Decade.bin_of(d)), "2020s");
        assert_eq!(
            Unit::Month.span(Unit::Month.bin_of(d)),
            DaySpan::of_month(2020, 3)
        );
        assert_eq!(bins_value(Unit::Year, 2020, 2019), "2019..2020");
        assert_eq!(bins_value(Unit::Year, 2019, 2019), "2019");
        assert_eq!(bins_value(Unit::Decade, 199, 200), "1990..2009");
        assert_eq!(span_value(DaySpan::of_month(2020, 3)), "2020-03");
        assert_eq!(
            span_value(DaySpan::of_month(2020, 3).join(DaySpan::of_month(2020, 6))),
            "2020-03..2020-06"
        );
    }

    #[test]
    fn the_unit_adapts_to_the_span_and_the_data() {
        let y = DaySpan::of_year;
        let month = DaySpan::of_month(2020, 3);
        assert_eq!(auto_unit(month, Unit::Day), Unit::Day);
        assert_eq!(auto_unit(month, Unit::Year), Unit::Year);
        assert_eq!(auto_unit(y(2019).join(y(2020)), Unit::Day), Unit::Month);
        assert_eq!(auto_unit(y(1990).join(y(2020)), Unit::Day), Unit::Year);
        assert_eq!(auto_unit(y(1500).join(y(2020)), Unit::Year), Unit::Decade);
    }

    proptest! {
        #[test]
        fn every_bin_key_parses_back_to_its_span(day in -600_000i32..2_000_000, u in 0usize..4) {
            let unit = Unit::ALL[u];
            let b = unit.bin_of(day);
            let span = unit.span(b);
            prop_assert!(span.start <= day && day <= span.end);
            prop_assert_eq!(parse_date_value(&unit.key(b)), Some(span));
            prop_assert_eq!(parse_date_value(&span_value(span)), Some(span));
        }

        #[test]
        fn any_text_parses_without_panic(s in "\\PC{0,30}") {
            let _ = parse_date_value(&s);
        }
    }
}
