//! Figures: every quantity with its bounds, unit, what it counts and the
//! time it refers to.
//!
//! Qualifiers become bounds ("at least 489" → min 489, "up to 600" → max
//! 600, "around 1,500" → approximately, ±10%); vague amounts become ranges
//! ("over a thousand" → 1,000–2,000, "a few dozen" → 24–60, "hundreds" →
//! 200–999). Years, days of the month and numbers glued into names
//! ("COVID-19") are dates or names, not figures; the date finder runs first
//! and its tokens are skipped here.
//!
//! What a figure counts is the noun phrase after it ("12,000 troops", "80%
//! of North Koreans"); an elliptical figure ("compared to 1,047") inherits
//! it from the previous figure in the sentence or from a "number of X"
//! phrase. Its time is the first date after it in the sentence (before the
//! next figure), else a date just before it.

use serde::{Deserialize, Serialize};

use crate::dates::DateMention;
use crate::span::Loc;
use crate::tokens::{TokKind, Tokenized};

/// How a figure's bounds were stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Qualifier {
    /// A plain number.
    Exact,
    /// "at least", "more than", "over": a lower bound.
    AtLeast,
    /// "up to", "at most", "fewer than", "as many as": an upper bound.
    AtMost,
    /// "around", "about", "roughly", "nearly", "an estimated".
    Approximate,
    /// "between 10 and 20", "10-20".
    Range,
    /// A vague amount: "a few dozen", "hundreds", "over a thousand".
    Vague,
}

/// The time a figure refers to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureTime {
    /// The date expression's text ("in 2019" gives "2019").
    pub text: String,
    /// Its year, when known or resolved.
    pub year: Option<i32>,
    /// Index into [`crate::DocumentInsights::dates`].
    pub date: u32,
}

/// One quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The whole expression, qualifier and unit included ("at least 489 km").
    pub loc: Loc,
    pub text: String,
    /// The number as written, scaled ("1.5 million" → 1500000).
    pub value: f64,
    pub qualifier: Qualifier,
    /// Lower bound, when known (inclusive).
    pub min: Option<f64>,
    /// Upper bound, when known (inclusive).
    pub max: Option<f64>,
    /// Normalised unit: "%", "km", "mi", "m", "kg", "t", "ha", "USD", "EUR",
    /// "GBP", "CNY", "KRW", "JPY", "RUB", "AUD", "year", "month", "week", "day", "hour",
    /// "minute", "second", "age" (years of age: "a 45-year-old man").
    pub unit: Option<String>,
    /// What it counts or measures ("troops", "North Koreans", "border").
    pub counts: Option<String>,
    /// The head noun of `counts`, lowercased and singular ("defector"):
    /// the key that links figures across documents.
    pub measure: Option<String>,
    pub time: Option<FigureTime>,
    /// The sentence it belongs to.
    pub sentence: Loc,
}

/// A number as news text writes it: 1047 → "1,047"; fractions keep two decimals.
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let sign = if v < 0.0 { "-" } else { "" };
        format!(
            "{sign}{}",
            borderlines_core::text::thousands(v.abs() as u64)
        )
    } else {
        format!("{v:.2}")
    }
}

/// What a figure's value and bounds say, read once from its qualifier and
/// bounds; every way of writing a figure (tooltips, tables) renders this.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bounds {
    /// A plain number.
    Exact(f64),
    /// Both bounds the same: about this much.
    About(f64),
    /// Between two bounds.
    Between(f64, f64),
    /// At least this much.
    AtLeast(f64),
    /// At most this much.
    AtMost(f64),
}

impl Figure {
    /// What the value and bounds say (see [`Bounds`]).
    pub fn bounds(&self) -> Bounds {
        match (self.qualifier, self.min, self.max) {
            (Qualifier::Exact, _, _) => Bounds::Exact(self.value),
            (_, Some(a), Some(b)) if a == b => Bounds::About(a),
            (_, Some(a), Some(b)) => Bounds::Between(a, b),
            (_, Some(a), None) => Bounds::AtLeast(a),
            (_, None, Some(b)) => Bounds::AtMost(b),
            _ => Bounds::Exact(self.value),
        }
    }

    /// The value or range as people read it: "1,047", "≥489", "≤600",
    /// "1,000–2,000", "≈1,500".
    pub fn bounds_text(&self) -> String {
        let n = format_number;
        match self.bounds() {
            Bounds::Exact(v) => n(v),
            Bounds::About(a) => format!("≈{}", n(a)),
            Bounds::Between(a, b) => format!("{}–{}", n(a), n(b)),
            Bounds::AtLeast(a) => format!("≥{}", n(a)),
            Bounds::AtMost(b) => format!("≤{}", n(b)),
        }
    }

    /// One line for people — bounds, unit, what it counts and when:
    /// "≥489 km — border", "1,047 — North Korean defectors @ 2019".
    pub fn describe(&self) -> String {
        let unit = self
            .unit
            .as_deref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        let counts = self
            .counts
            .as_deref()
            .map(|c| format!(" — {c}"))
            .unwrap_or_default();
        let time = self
            .time
            .as_ref()
            .map(|t| format!(" @ {}", t.year.map_or(t.text.clone(), |y| y.to_string())))
            .unwrap_or_default();
        format!("{}{unit}{counts}{time}", self.bounds_text())
    }
}

const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("m", 1e6),
    ("bn", 1e9),
    ("mn", 1e6),
    ("k", 1e3),
];

/// The value of a number word, as one `match` (no list scan per token).
fn number_word(w: &str) -> Option<f64> {
    Some(match w {
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "fifteen" => 15.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        "thousand" => 1000.0,
        "dozen" => 12.0,
        "million" => 1e6,
        "billion" => 1e9,
        _ => return None,
    })
}

/// Vague amounts: (words, min, max).
const VAGUE: &[(&[&str], f64, f64)] = &[
    (&["tens", "of", "thousands"], 20_000.0, 99_999.0),
    (&["hundreds", "of", "thousands"], 200_000.0, 999_999.0),
    (&["a", "few", "dozen"], 24.0, 60.0),
    (&["few", "dozen"], 24.0, 60.0),
    (&["a", "few", "hundred"], 200.0, 500.0),
    (&["a", "few", "thousand"], 2_000.0, 5_000.0),
    (&["several", "dozen"], 36.0, 100.0),
    (&["several", "hundred"], 300.0, 900.0),
    (&["several", "thousand"], 3_000.0, 9_000.0),
    (&["a", "handful"], 2.0, 6.0),
    (&["dozens"], 24.0, 99.0),
    (&["hundreds"], 200.0, 999.0),
    (&["thousands"], 2_000.0, 9_999.0),
    (&["millions"], 2e6, 9.99e6),
    (&["a", "dozen"], 12.0, 12.0),
    (&["a", "hundred"], 100.0, 100.0),
    (&["a", "thousand"], 1_000.0, 1_000.0),
    (&["a", "million"], 1e6, 1e6),
];

/// Qualifiers before a number: (words, kind, is "nearly"-like).
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["at", "least"], Qualifier::AtLeast),
    (&["more", "than"], Qualifier::AtLeast),
    (&["over"], Qualifier::AtLeast),
    (&["above"], Qualifier::AtLeast),
    (&["upwards", "of"], Qualifier::AtLeast),
    (&["in", "excess", "of"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["up", "to"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["fewer", "than"], Qualifier::AtMost),
    (&["less", "than"], Qualifier::AtMost),
    (&["under"], Qualifier::AtMost),
    (&["below"], Qualifier::AtMost),
    (&["nearly"], Qualifier::Approximate),
    (&["almost"], Qualifier::Approximate),
    (&["around"], Qualifier::Approximate),
    (&["about"], Qualifier::Approximate),
    (&["roughly"], Qualifier::Approximate),
    (&["approximately"], Qualifier::Approximate),
    (&["some"], Qualifier::Approximate),
    (&["an", "estimated"], Qualifier::Approximate),
    (&["estimated"], Qualifier::Approximate),
    (&["close", "to"], Qualifier::Approximate),
    (&["circa"], Qualifier::Approximate),
    // Emphasis only: part of the expression, bounds unchanged.
    (&["a", "mere"], Qualifier::Exact),
    (&["only"], Qualifier::Exact),
    (&["just"], Qualifier::Exact),
];

/// Words that end the noun phrase a figure counts.
const NP_STOP: &[&str] = &[
    "to",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "by",
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "have",
    "has",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "been",
    "be",
    "than",
    "as",
    "compared",
    "since",
    "after",
    "before",
    "during",
    "per",
    "a",
    "an",
    "into",
    "while",
    "when",
    "where",
    "if",
    "last",
    "this",
    "next",
    "each",
    "it",
    "they",
    "he",
    "she",
    "we",
    "there",
    "not",
    "also",
    "reportedly",
    "believed",
    "said",
    "according",
    "including",
    "against",
    "across",
    "along",
    "between",
    "under",
    "over",
    "through",
    "out",
    "up",
    "down",
    "off",
    "about",
    "around",
    "only",
    "just",
    "more",
    "less",
    "fewer",
    "did",
    "do",
    "does",
    "so",
    "of",
];

fn unit_after(
    t: &Tokenized,
    j: usize,
    end: usize,
    money_prefix: Option<&'static str>,
) -> (Option<&'static str>, usize) {
    if let Some(m) = money_prefix {
        return (Some(m), j);
    }
    if j >= end {
        return (None, j);
    }
    // Ages: "a 45-year-old man" counts a man, aged 45 years.
    if t.tok(j) == "-"
        && !t.toks[j].space_before
        && matches!(t.low(j + 1), "year" | "years")
        && t.tok(j + 2) == "-"
        && t.low(j + 3) == "old"
    {
        return (Some("age"), j + 4);
    }
    // Other glued units: "25-kilometre", "10-day".
    if t.tok(j) == "-" && !t.toks[j].space_before && j + 1 < end {
        let (u, k) = unit_after(t, j + 1, end, None);
        if u.is_some() {
            return (u, k);
        }
    }
    let w = t.low(j);
    let two = format!("{} {}", w, t.low(j + 1));
    if two == "per cent"
        || two == "square kilometres"
        || two == "square kilometers"
        || two == "square miles"
    {
        let u = if two.starts_with("per") {
            "%"
        } else if two.ends_with("miles") {
            "sq mi"
        } else {
            "km2"
        };
        return (Some(u), j + 2);
    }
    let u = match w {
        "%" | "percent" | "pct" => "%",
        "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" | "kms" => "km",
        "miles" | "mile" => "mi",
        "metres" | "meters" | "metre" | "meter" => "m",
        "feet" | "ft" => "ft",
        "kg" | "kilograms" | "kilos" => "kg",
        "tonnes" | "tons" | "tonne" | "ton" => "t",
        "hectares" | "hectare" | "ha" => "ha",
        "dollars" | "dollar" => "USD",
        "euros" | "euro" => "EUR",
        "pounds" => "GBP",
        "yuan" | "renminbi" => "CNY",
        "won" => "KRW",
        "yen" => "JPY",
        "rubles" | "roubles" => "RUB",
        "years" | "year" => "year",
        "months" | "month" => "month",
        "weeks" | "week" => "week",
        "days" | "day" => "day",
        "hours" | "hour" => "hour",
        "minutes" | "minute" | "mins" => "minute",
        "seconds" | "second" | "secs" => "second",
        _ => return (None, j),
    };
    (Some(u), j + 1)
}

fn money_before(t: &Tokenized, i: usize) -> Option<(&'static str, usize)> {
    if i == 0 {
        return None;
    }
    let cur = match t.tok(i - 1) {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "CNY",
        "₩" => "KRW",
        _ => return None,
    };
    // "US$", "A$": a prefix word glued to the symbol.
    if i >= 2 && !t.toks[i - 1].space_before {
        match t.tok(i - 2) {
            "US" => return Some(("USD", i - 2)),
            "A" | "AU" => return Some(("AUD", i - 2)),
            _ => {}
        }
    }
    Some((cur, i - 1))
}

fn parse_digits(w: &str) -> Option<(f64, &str)> {
    let digits_end = w
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(w.len());
    let (num, suffix) = w.split_at(digits_end);
    let clean: String = num.chars().filter(|&c| c != ',').collect();
    clean
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| (v, suffix))
}

/// Matches `words` (lowercase) at token `i`; returns the end.
fn words_at(t: &Tokenized, i: usize, end: usize, words: &[&str]) -> Option<usize> {
    let mut j = i;
    for w in words {
        if j >= end || !t.tok(j).eq_ignore_ascii_case(w) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// Finds the figures of one block. `dates` are this block's dates (their
/// tokens are not figures), `date_base` the index of the first of them.
pub(crate) fn find(
    block: usize,
    t: &Tokenized,
    dates: &[DateMention],
    date_base: usize,
) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    // Dates are in reading order: binary search keeps this linear overall.
    let in_date = |byte: usize| {
        let k = dates.partition_point(|d| (d.loc.end as usize) <= byte);
        dates.get(k).is_some_and(|d| d.loc.range().contains(&byte))
    };
    for sent in &t.sents {
        let sloc = Loc::new(block, sent.start..sent.end);
        let (a, b) = (sent.tok_start, sent.tok_end);
        let first_in_sentence = out.len();
        let mut i = a;
        while i < b {
            let tok = t.toks[i];
            if in_date(tok.start) {
                i += 1;
                continue;
            }
            // Korean counters and myriads: "1,047명", "1만 2천 명", "5천여 명".
            if let Some((value, at_least, unit, counts, end)) = crate::korean::figure_at(t, i, b) {
                let about = i > a && matches!(t.tok(i - 1), "약" | "대략" | "최대" | "최소");
                let start = if about { i - 1 } else { i };
                let (s, e) = (t.toks[start].start, t.toks[end - 1].end);
                let (qualifier, min, max) = match (about.then(|| t.tok(i - 1)), at_least) {
                    (Some("최대"), _) => (Qualifier::AtMost, None, Some(value)),
                    (Some("최소"), _) | (_, true) => (Qualifier::AtLeast, Some(value), None),
                    (Some(_), _) => (
                        Qualifier::Approximate,
                        Some(round3(value * 0.9)),
                        Some(round3(value * 1.1)),
                    ),
                    _ => (Qualifier::Exact, Some(value), Some(value)),
                };
                out.push(Figure {
                    loc: Loc::new(block, s..e),
                    text: t.text[s..e].to_owned(),
                    value,
                    qualifier,
                    min,
                    max,
                    unit: unit.map(str::to_owned),
                    counts: counts.map(str::to_owned),
                    measure: counts.map(str::to_owned),
                    time: None,
                    sentence: sloc,
                });
                i = end;
                continue;
            }
            let Some((value, mut qual, mut min, mut max, num_start, mut j)) = number_at(t, i, b)
            else {
                i += 1;
                continue;
            };
            // Numbers glued into names ("COVID-19", "F-35") are not figures.
            if num_start > 0
                && t.tok(num_start - 1) == "-"
                && !t.toks[num_start - 1].space_before
                && num_start >= 2
                && t.toks[num_start - 2].kind == TokKind::Word
                && qual != Qualifier::Vague
            {
                i = j;
                continue;
            }
            // Scores and results ("won 6-3 6-4", "a 3-0 victory"): two numbers
            // glued by a hyphen where the second is not larger. Not quantities.
            let glued_number_after = t.tok(j) == "-"
                && t.toks.get(j).is_some_and(|x| !x.space_before)
                && t.toks
                    .get(j + 1)
                    .is_some_and(|x| !x.space_before && x.kind == TokKind::Number);
            if t.toks[num_start].kind == TokKind::Number && glued_number_after {
                let second = parse_digits(t.tok(j + 1)).map(|(v, _)| v);
                if second.is_some_and(|s| s <= value) {
                    i = j + 2;
                    continue;
                }
            }
            // Qualifier before.
            let mut start = num_start;
            let money = money_before(t, num_start);
            if let Some((_, s)) = money {
                start = s;
            }
            if let Some((ws, q)) = QUALIFIERS.iter().find(|(ws, _)| {
                start >= a + ws.len() && words_at(t, start - ws.len(), b, ws) == Some(start)
            }) {
                start -= ws.len();
                let vague_base = qual == Qualifier::Vague;
                match q {
                    Qualifier::AtLeast => {
                        min = Some(value);
                        // "over a thousand": a vague round amount, capped at twice it.
                        max = if vague_base { Some(value * 2.0) } else { None };
                        qual = if vague_base {
                            Qualifier::Vague
                        } else {
                            Qualifier::AtLeast
                        };
                    }
                    Qualifier::AtMost => {
                        min = None;
                        max = Some(value);
                        qual = Qualifier::AtMost;
                    }
                    Qualifier::Approximate => {
                        let near = matches!(ws[0], "nearly" | "almost");
                        min = Some(round3(value * 0.9));
                        max = Some(if near { value } else { round3(value * 1.1) });
                        qual = Qualifier::Approximate;
                    }
                    _ => {}
                }
            }
            // A range: "10-20", "10 to 20", "between 10 and 20".
            let range_join = matches!(t.tok(j), "-" | "–" | "to" | "and");
            if range_join
                && j + 1 < b
                && t.toks[j + 1].kind == TokKind::Number
                && !in_date(t.toks[j + 1].start)
            {
                let between = start > a && t.tok(start - 1).eq_ignore_ascii_case("between");
                if t.tok(j) != "and" || between {
                    if let Some((hi, _)) = parse_digits(t.tok(j + 1)) {
                        let mult = MULTIPLIERS
                            .iter()
                            .find(|(m, _)| t.tok(j + 2).eq_ignore_ascii_case(m))
                            .map(|&(_, m)| m);
                        let hi = hi * mult.unwrap_or(1.0);
                        if hi > value {
                            min = Some(value);
                            max = Some(hi);
                            qual = Qualifier::Range;
                            j += if mult.is_some() { 3 } else { 2 };
                            if between {
                                start -= 1;
                            }
                        }
                    }
                }
            }
            let (mut unit, after_unit) = unit_after(t, j, b, money.map(|m| m.0));
            let end_tok = after_unit;
            let (s, e) = (t.toks[start].start, t.toks[end_tok - 1].end);
            // An age in apposition: "Virginie Razzano, 18, who …" counts the
            // person named just before, in years of age.
            let age_of = (unit.is_none()
                && qual == Qualifier::Exact
                && value.fract() == 0.0
                && (1.0..120.0).contains(&value)
                && start >= a + 2
                && t.tok(start - 1) == ","
                && is_capitalised(t, start - 2)
                && matches!(t.tok(end_tok), "," | ")" | "."))
            .then(|| {
                let mut k = start - 2;
                while k > a && is_capitalised(t, k - 1) && start - 2 - k < 3 {
                    k -= 1;
                }
                t.text[t.toks[k].start..t.toks[start - 2].end].to_owned()
            });
            let (counts, measure) = if let Some(name) = age_of {
                unit = Some("age");
                (Some(name), Some("age".to_owned()))
            } else {
                match counts_after(t, end_tok, b) {
                    (Some(c), m) => (Some(c), m),
                    (None, _) => inherited(&out[first_in_sentence..], t, a, start),
                }
            };
            out.push(Figure {
                loc: Loc::new(block, s..e),
                text: t.text[s..e].to_owned(),
                value,
                qualifier: qual,
                min,
                max,
                unit: unit.map(str::to_owned),
                counts,
                measure,
                time: None,
                sentence: sloc,
            });
            i = end_tok;
        }
        // Times: the first date after each figure (before the next figure),
        // else a date just before it (within a few words).
        let figs = first_in_sentence..out.len();
        let d_lo = dates.partition_point(|d| (d.loc.start as usize) < sent.start);
        let d_hi = dates.partition_point(|d| (d.loc.start as usize) < sent.end.max(sent.start + 1));
        let sdates = &dates[d_lo..d_hi];
        for k in figs.clone() {
            let f_end = out[k].loc.end;
            let next_start = out
                .get(k + 1)
                .filter(|_| k + 1 < figs.end)
                .map_or(u32::MAX, |n| n.loc.start);
            let after = sdates
                .iter()
                .enumerate()
                .map(|(i, d)| (i + d_lo, d))
                .find(|(_, d)| {
                    d.sentence == sloc && d.loc.start >= f_end && d.loc.start < next_start
                });
            let before = sdates
                .iter()
                .enumerate()
                .map(|(i, d)| (i + d_lo, d))
                .rev()
                .find(|(_, d)| {
                    d.sentence == sloc
                        && d.loc.end <= out[k].loc.start
                        && out[k].loc.start - d.loc.end <= 40
                });
            if let Some((di, d)) = after.or(before) {
                out[k].time = Some(FigureTime {
                    text: d.text.clone(),
                    year: d.date.year,
                    date: (date_base + di) as u32,
                });
            }
        }
    }
    out
}

type NumberMatch = (f64, Qualifier, Option<f64>, Option<f64>, usize, usize);

/// A number at token `i`: digits (with multiplier word), number words or a
/// vague amount. Returns value, qualifier, bounds, start and end tokens.
fn number_at(t: &Tokenized, i: usize, b: usize) -> Option<NumberMatch> {
    let tok = t.toks[i];
    if tok.kind == TokKind::Number {
        let (v, suffix) = parse_digits(t.tok(i))?;
        // A Korean particle after a unit ("489km에") is not part of it.
        let suffix = suffix.trim_end_matches(|c: char| matches!(c as u32, 0xAC00..=0xD7AF));
        // Ordinals and codes ("1st", "5G") are not quantities; units glued on are ("10km").
        let suffix_unit = matches!(suffix, "" | "km" | "m" | "bn" | "k" | "kg" | "mn");
        if !suffix_unit {
            return None;
        }
        let mut v = v;
        match suffix {
            "m" | "mn" => v *= 1e6,
            "bn" => v *= 1e9,
            "k" => v *= 1e3,
            _ => {}
        }
        let mut j = i + 1;
        if let Some(&(_, m)) = MULTIPLIERS
            .iter()
            .find(|(m, _)| m.len() > 2 && j < b && t.tok(j).eq_ignore_ascii_case(m))
        {
            v *= m;
            j += 1;
        }
        return Some((v, Qualifier::Exact, Some(v), Some(v), i, j));
    }
    if tok.kind != TokKind::Word {
        return None;
    }
    let w0 = t.low(i);
    if w0.len() > 9 || w0.is_empty() {
        return None;
    }
    let vague_start = matches!(
        w0,
        "tens" | "hundreds" | "a" | "few" | "several" | "dozens" | "thousands" | "millions"
    );
    for (ws, lo, hi) in VAGUE.iter().filter(|_| vague_start) {
        if let Some(j) = words_at(t, i, b, ws) {
            // "a hundred"/"a thousand" are round but exact-looking; a
            // qualifier before makes them vague (see caller).
            let exact = lo == hi;
            let next_is_of_number = exact && t.tok(j) == "of"; // "a dozen of them": still 12
            let _ = next_is_of_number;
            return Some((*lo, Qualifier::Vague, Some(*lo), Some(*hi), i, j)).map(
                |(v, q, mn, mx, s, e)| {
                    if exact {
                        (v, q, mn, mx, s, e)
                    } else {
                        ((lo + hi) / 2.0, q, mn, mx, s, e)
                    }
                },
            );
        }
    }
    if let Some(v) = number_word(w0) {
        // Number words count only when a plural noun or unit follows: "two key
        // units", "twelve kilometres" (not "the two Koreas" → still counted;
        // "two of them" is not).
        let next = t.low(i + 1);
        // "two-thirds" is a fraction and "three-year-old" an age: not counts.
        let glued = next == "-" && !t.toks[i + 1].space_before;
        if next == "of" || next.is_empty() || i + 1 >= b || glued {
            return None;
        }
        let mut v = v;
        let mut j = i + 1;
        if let Some(&(_, m)) = MULTIPLIERS
            .iter()
            .find(|(m, _)| m.len() > 2 && t.tok(j).eq_ignore_ascii_case(m))
        {
            v *= m;
            j += 1;
        }
        return Some((v, Qualifier::Exact, Some(v), Some(v), i, j));
    }
    None
}

fn is_capitalised(t: &Tokenized, i: usize) -> bool {
    t.toks.get(i).is_some_and(|x| x.kind == TokKind::Word)
        && t.tok(i).starts_with(|c: char| c.is_uppercase())
}

/// Rounds to three decimals so that 1,500 × 1.1 prints as 1650.
fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

fn singular(w: &str) -> String {
    let l = w.to_lowercase();
    if let Some(s) = l.strip_suffix("ies") {
        return format!("{s}y");
    }
    if l.ends_with("ss") || l.len() <= 3 {
        return l;
    }
    l.strip_suffix('s').map(str::to_owned).unwrap_or(l)
}

/// The noun phrase a figure counts, starting at token `j`: "troops",
/// "of North Koreans", "km of the border". Returns the phrase and its head.
fn counts_after(t: &Tokenized, j: usize, b: usize) -> (Option<String>, Option<String>) {
    let mut k = j;
    if t.tok(k) == "of" {
        k += 1;
        while matches!(t.tok(k), "the" | "its" | "their" | "all" | "these") {
            k += 1;
        }
    }
    // A glued hyphen first ("two-thirds") starts no noun phrase.
    if t.tok(k) == "-" {
        return (None, None);
    }
    let start = k;
    let mut head_end = k;
    while k < b && k < start + 6 {
        let tk = t.toks[k];
        let w = t.tok(k);
        let lw = t.low(k);
        let glued_hyphen = w == "-" && !tk.space_before;
        if tk.kind != TokKind::Word && !glued_hyphen {
            break;
        }
        if NP_STOP.contains(&lw) {
            break;
        }
        // A participle first ("67 making it") means no noun phrase follows;
        // later it starts a modifier ("defectors reaching South Korea").
        if (lw.ends_with("ing") || lw.ends_with("ed")) && lw.len() > 4 {
            break;
        }
        k += 1;
        head_end = k;
        // A noun phrase ends with its first plural noun: "fires" in "100
        // fires now ring …", "North Koreans" in "600 North Koreans have …".
        let plural = (lw.len() > 3 && lw.ends_with('s') && !lw.ends_with("ss"))
            || matches!(
                lw,
                "people"
                    | "men"
                    | "women"
                    | "children"
                    | "police"
                    | "personnel"
                    | "staff"
                    | "troops"
            );
        if plural && !glued_hyphen {
            break;
        }
    }
    if head_end == start {
        return (None, None);
    }
    let text = t.text[t.toks[start].start..t.toks[head_end - 1].end].to_owned();
    let head = singular(t.tok(head_end - 1));
    (Some(text), Some(head))
}

/// For an elliptical figure: the previous figure's subject in the same
/// sentence, else the phrase after "number of" earlier in the sentence.
fn inherited(
    prev: &[Figure],
    t: &Tokenized,
    a: usize,
    start: usize,
) -> (Option<String>, Option<String>) {
    // Bounded look-back: the last few figures and words of the sentence.
    if let Some(p) = prev.iter().rev().take(4).find(|p| p.counts.is_some()) {
        return (p.counts.clone(), p.measure.clone());
    }
    for k in (a.max(start.saturating_sub(40))..start).rev() {
        if t.tok(k).eq_ignore_ascii_case("number") && t.tok(k + 1) == "of" {
            // Up to the next comma or clause word: "defectors reaching South Korea".
            let s = k + 2;
            let mut e = s;
            let mut head: Option<String> = None;
            while e < start && e < s + 8 {
                let w = t.tok(e);
                if t.toks[e].kind == TokKind::Punct && w != "-" {
                    break;
                }
                if matches!(
                    w,
                    "from"
                        | "with"
                        | "was"
                        | "were"
                        | "is"
                        | "has"
                        | "have"
                        | "fell"
                        | "rose"
                        | "dropped"
                        | "to"
                ) {
                    break;
                }
                let lw = w.to_lowercase();
                if head.is_none()
                    && ((lw.ends_with("ing") || lw.ends_with("ed")) && lw.len() > 4
                        || matches!(lw.as_str(), "in" | "from" | "to" | "at" | "who"))
                    && e > s
                {
                    head = Some(singular(t.tok(e - 1)));
                }
                e += 1;
            }
            if e > s {
                let text = t.text[t.toks[s].start..t.toks[e - 1].end].to_owned();
                let head = head.unwrap_or_else(|| singular(t.tok(e - 1)));
                return (Some(text), Some(head));
            }
        }
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(text: &str) -> Vec<Figure> {
        let t = Tokenized::new(text);
        let d = crate::dates::find(0, &t, None);
        find(0, &t, &d, 0)
    }

    #[test]
    fn qualifiers_become_bounds() {
        let f = figs("Walls cover at least 489 km of the border; up to 600 people vanished and around 1,500 troops stayed.");
        assert_eq!(f.len(), 3);
        assert_eq!(
            (
                f[0].min,
                f[0].max,
                f[0].unit.as_deref(),
                f[0].counts.as_deref()
            ),
            (Some(489.0), None, Some("km"), Some("border"))
        );
        assert_eq!(
            (f[1].min, f[1].max, f[1].measure.as_deref()),
            (None, Some(600.0), Some("people"))
        );
        assert_eq!(f[2].qualifier, Qualifier::Approximate);
        assert_eq!(f[2].value, 1500.0);
    }

    #[test]
    fn vague_amounts_and_years() {
        let f = figs("From over a thousand in 2019 to a mere few dozen, then hundreds of people and 1.5 million dollars since COVID-19.");
        let got: Vec<_> = f.iter().map(|f| (f.text.as_str(), f.min, f.max)).collect();
        assert_eq!(
            got,
            [
                ("over a thousand", Some(1000.0), Some(2000.0)),
                ("a mere few dozen", Some(24.0), Some(60.0)),
                ("hundreds", Some(200.0), Some(999.0)),
                ("1.5 million dollars", Some(1.5e6), Some(1.5e6)),
            ]
        );
        assert_eq!(f[0].time.as_ref().and_then(|t| t.year), Some(2019));
        assert_eq!(f[3].unit.as_deref(), Some("USD"));
    }

    #[test]
    fn elliptical_figures_inherit_what_they_count() {
        let f = figs("The number of defectors reaching South Korea fell, with only 67 making it in 2020 compared to 1,047 in 2019.");
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[0].counts.as_deref(),
            Some("defectors reaching South Korea")
        );
        assert_eq!(f[0].measure.as_deref(), Some("defector"));
        assert_eq!(f[1].measure.as_deref(), Some("defector"));
        assert_eq!(f[0].time.as_ref().map(|t| t.year), Some(Some(2020)));
        assert_eq!(f[1].time.as_ref().map(|t| t.year), Some(Some(2019)));
    }

    #[test]
    fn scores_are_not_figures_and_ages_are() {
        let f = figs("Seles won 6-3, 6-4 in 62 minutes against Virginie Razzano, 18, and a 45-year-old man watched a 3-0 game.");
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.text.as_str(), f.unit.as_deref(), f.counts.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("62 minutes", Some("minute"), None),
                ("18", Some("age"), Some("Virginie Razzano")),
                ("45-year-old", Some("age"), Some("man")),
            ]
        );
    }
}
