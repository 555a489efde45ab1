//! Korean figures and dates: counters and myriad units ("1,047명", "67명",
//! "1만 2천 명", "5천여 명", "300만 명", "124곳") and dates ("2019년 3월
//! 5일", "3월 5일", "지난해", "올해", "지난해 12월"), resolved like the
//! English ones. Korean writes particles onto words ("지난해보다",
//! "명이"): a match ends where the particle starts. Places by their Korean
//! names come from the gazetteer (see `entities::gaz_match`).

use crate::dates::{DateKind, DateMention, PartialDate};
use crate::span::Loc;
use crate::tokens::{TokKind, Tokenized};

/// True when the text may hold Hangul: a byte scan for the UTF-8 lead bytes
/// of Hangul syllables (cheap enough to run on every block).
pub(crate) fn has_hangul(s: &str) -> bool {
    s.bytes().any(|b| (0xEA..=0xED).contains(&b))
}

/// Counters and what they count.
const COUNTERS: &[(&str, &str)] = &[
    ("명", "people"),
    ("가구", "households"),
    ("곳", "places"),
    ("개소", "sites"),
    ("대", "vehicles"),
    ("척", "vessels"),
    ("개", "items"),
    ("건", "cases"),
    ("채", "buildings"),
    ("마리", "animals"),
    ("톤", "tonnes"),
    ("차례", "times"),
    ("회", "times"),
    ("발", "rounds"),
    ("기", "units"),
];

/// Currencies written after the number.
const KO_MONEY: &[(&str, &str)] = &[
    ("원", "KRW"),
    ("달러", "USD"),
    ("위안", "CNY"),
    ("엔", "JPY"),
];

/// Myriad units.
const MYRIADS: &[(char, f64)] = &[
    ('조', 1e12),
    ('억', 1e8),
    ('만', 1e4),
    ('천', 1e3),
    ('백', 1e2),
];

/// "2천여" → (2000, approximate "or more"), "만" → 10000.
fn myriad_suffix(s: &str) -> Option<(f64, bool, &str)> {
    let mut cs = s.chars();
    let c = cs.next()?;
    let (_, m) = MYRIADS.iter().find(|(u, _)| *u == c)?;
    let rest = cs.as_str();
    match rest.strip_prefix('여') {
        Some(r) => Some((*m, true, r)),
        None => Some((*m, false, rest)),
    }
}

/// A counter at the start of `s`, the rest being a particle or nothing.
fn counter(s: &str) -> Option<(&'static str, &'static str)> {
    COUNTERS
        .iter()
        .find(|(c, _)| s.starts_with(c) && is_particle(&s[c.len()..]))
        .copied()
}

fn money(s: &str) -> Option<&'static str> {
    KO_MONEY
        .iter()
        .find(|(c, _)| s.starts_with(c) && is_particle(&s[c.len()..]))
        .map(|(_, u)| *u)
}

/// Particles and endings after a figure or date ("이", "에서", "보다").
fn is_particle(s: &str) -> bool {
    s.is_empty()
        || matches!(
            s,
            "이" | "가"
                | "은"
                | "는"
                | "을"
                | "를"
                | "의"
                | "에"
                | "에서"
                | "에는"
                | "으로"
                | "로"
                | "과"
                | "와"
                | "도"
                | "만"
                | "까지"
                | "부터"
                | "보다"
                | "째"
                | "이나"
                | "에도"
                | "이며"
                | "이었다"
                | "였다"
                | "이다"
                | "분"
                | "가량"
                | "정도"
                | "씩"
                | "이상"
                | "이하"
                | "미만"
                | "넘게"
                | "초과"
        )
}

/// A Korean figure: value, at least (the "여" ending or "이상"), unit, what
/// it counts, end token.
pub(crate) type KoreanFigure = (f64, bool, Option<&'static str>, Option<&'static str>, usize);

/// A Korean figure at token `i`, for numbers with a Korean ending or
/// followed by a counter.
pub(crate) fn figure_at(t: &Tokenized, i: usize, b: usize) -> Option<KoreanFigure> {
    let tok = t.toks.get(i)?;
    if tok.kind != TokKind::Number {
        return None;
    }
    let w = t.tok(i);
    // Only numbers with Hangul on them or after them ("1,047명", "1만 2천 명").
    if w.is_ascii()
        && !t
            .toks
            .get(i + 1)
            .is_some_and(|n| has_hangul(t.tok(i + 1)) && n.start < tok.end + 2)
    {
        return None;
    }
    let digits_end = w
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(w.len());
    let (num, suffix) = w.split_at(digits_end);
    let v: f64 = num
        .replace(',', "")
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())?;
    let next_word = |k: usize| {
        t.toks
            .get(k)
            .filter(|x| x.kind == TokKind::Word && k < b)
            .map(|_| t.tok(k))
    };
    let mut total = 0.0;
    let mut value = v;
    let mut suffix = suffix;
    let mut more = false;
    let mut j = i + 1;
    // "1만 2천": myriad units, each a number token of its own.
    loop {
        match myriad_suffix(suffix) {
            Some((m, approx, rest)) => {
                total += value * m;
                more |= approx;
                suffix = rest;
                // Another smaller unit follows: "1만 2천".
                let next = t.toks.get(j).filter(|x| x.kind == TokKind::Number && j < b);
                if suffix.is_empty() && next.is_some() {
                    let nw = t.tok(j);
                    let nd = nw
                        .find(|c: char| !(c.is_ascii_digit() || c == ','))
                        .unwrap_or(nw.len());
                    let (nn, ns) = nw.split_at(nd);
                    if let (Ok(nv), Some((nm, _, _))) =
                        (nn.replace(',', "").parse::<f64>(), myriad_suffix(ns))
                    {
                        if nm < m {
                            value = nv;
                            suffix = ns;
                            j += 1;
                            continue;
                        }
                    }
                }
                break;
            }
            None => {
                total += value;
                break;
            }
        }
    }
    // The counter, glued ("1,047명") or as the next word ("1만 2천 명이").
    let (unit, counts, end) = if suffix.is_empty() {
        match next_word(j) {
            Some(nw) if counter(nw).is_some() => (None, counter(nw).map(|c| c.1), j + 1),
            Some(nw) if money(nw).is_some() => (money(nw), None, j + 1),
            _ if j > i + 1 || total != v => (None, None, j),
            _ => return None,
        }
    } else if let Some((_, what)) = counter(suffix) {
        (None, Some(what), j)
    } else if let Some(u) = money(suffix) {
        (u.into(), None, j)
    } else if is_particle(suffix) && total != v {
        (None, None, j)
    } else {
        return None;
    };
    let at_least = more
        || next_word(end).is_some_and(|w| matches!(w, "이상" | "넘게" | "초과"))
        || t.tok(end - 1).ends_with("이상");
    Some((total, at_least, unit, counts, end))
}

/// The byte length of `word` without a trailing particle, when `stem` starts it.
fn stem_len(word: &str, stems: &[&str]) -> Option<(usize, usize)> {
    stems.iter().enumerate().find_map(|(k, s)| {
        word.strip_prefix(s)
            .filter(|rest| {
                is_particle(rest) || rest.starts_with("보다") || rest.starts_with("부터")
            })
            .map(|_| (k, s.len()))
    })
}

/// Number of a Korean date part: "2019년" → (2019, 'y'), "3월" → (3, 'm'), "5일" → (5, 'd').
fn part(w: &str) -> Option<(i32, char, &str)> {
    let d = w.find(|c: char| !c.is_ascii_digit()).unwrap_or(w.len());
    if d == 0 || d > 4 {
        return None;
    }
    let n: i32 = w[..d].parse().ok()?;
    let rest = &w[d..];
    for (suf, kind) in [("년", 'y'), ("월", 'm'), ("일", 'd')] {
        if let Some(r) = rest.strip_prefix(suf) {
            if is_particle(r) || r.starts_with("부터") || r.starts_with("까지") {
                let ok = match kind {
                    'y' => (1800..=2100).contains(&n),
                    'm' => (1..=12).contains(&n),
                    _ => (1..=31).contains(&n),
                };
                return ok.then_some((n, kind, r));
            }
        }
    }
    None
}

/// Korean dates of one block.
pub(crate) fn dates(
    block: usize,
    t: &Tokenized,
    published: Option<PartialDate>,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    if !has_hangul(t.text) {
        return out;
    }
    let pub_year = published.and_then(|p| p.year);
    for sent in &t.sents {
        let sloc = Loc::new(block, sent.start..sent.end);
        let (a, b) = (sent.tok_start, sent.tok_end);
        let mut i = a;
        while i < b {
            let w = t.tok(i);
            // Relative years: "지난해", "작년", "올해", "금년", "내년".
            let rel = if t.toks[i].kind == TokKind::Word {
                stem_len(w, &["지난해", "작년", "올해", "금년", "내년", "재작년"])
            } else {
                None
            };
            let mut date = PartialDate {
                year: None,
                month: None,
                day: None,
            };
            let (mut kind, mut end_byte, mut j) = (DateKind::Absolute, 0usize, i);
            if let Some((k, len)) = rel {
                let shift = [-1, -1, 0, 0, 1, -2][k];
                date.year = pub_year.map(|y| y + shift);
                kind = DateKind::Relative;
                end_byte = t.toks[i].start + len;
                j = i + 1;
            }
            // Absolute parts: year, month, day in order ("2019년 3월 5일"); or
            // the month and day after a relative year ("지난해 12월").
            let mut seen = ' ';
            while j < b && t.toks[j].kind == TokKind::Number {
                let Some((n, p, rest)) = part(t.tok(j)) else {
                    break;
                };
                let order = |c: char| match c {
                    'y' => 0,
                    'm' => 1,
                    'd' => 2,
                    _ => -1,
                };
                if order(p) <= order(seen) || (p == 'y' && rel.is_some()) {
                    break;
                }
                match p {
                    'y' => date.year = Some(n),
                    'm' => date.month = Some(n as u8),
                    _ => date.day = Some(n as u8),
                }
                seen = p;
                end_byte = t.toks[j].end - rest.len();
                j += 1;
                if !rest.is_empty() {
                    break;
                }
            }
            if end_byte == 0 || (rel.is_none() && seen == 'd' && date.month.is_none()) {
                i += 1;
                continue;
            }
            // A month and day alone take the publication's year.
            if rel.is_none() && date.year.is_none() && date.month.is_some() {
                date.year = pub_year;
            }
            let s = t.toks[i].start;
            out.push(DateMention {
                loc: Loc::new(block, s..end_byte),
                text: t.text[s..end_byte].to_owned(),
                kind,
                date,
                resolved: date.year.is_some(),
                sentence: sloc,
            });
            i = j.max(i + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(text: &str) -> Vec<(f64, bool, Option<&'static str>)> {
        let t = Tokenized::new(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < t.toks.len() {
            match figure_at(&t, i, t.toks.len()) {
                Some((v, more, _, counts, end)) => {
                    out.push((v, more, counts));
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }

    #[test]
    fn counters_and_myriads() {
        assert_eq!(
            figs("탈북민은 1,047명이었다"),
            [(1047.0, false, Some("people"))]
        );
        assert_eq!(
            figs("주민 1만 2천 명이 대피"),
            [(12000.0, false, Some("people"))]
        );
        assert_eq!(figs("5천여 명이"), [(5000.0, true, Some("people"))]);
        assert_eq!(
            figs("약 300만 명으로"),
            [(3_000_000.0, false, Some("people"))]
        );
        assert_eq!(figs("기업은 124곳"), [(124.0, false, Some("places"))]);
        assert_eq!(figs("2019년 3월"), []);
    }

    #[test]
    fn dates_absolute_and_relative() {
        let pubd = Some(PartialDate {
            year: Some(2021),
            month: Some(6),
            day: Some(1),
        });
        let t = Tokenized::new(
            "2019년 3월 5일부터 경비를 강화했다. 지난해보다 늘었고 올해는 지난해 12월과 같다.",
        );
        let d: Vec<(String, String, DateKind)> = dates(0, &t, pubd)
            .into_iter()
            .map(|d| (d.text, d.date.iso(), d.kind))
            .collect();
        assert_eq!(
            d,
            [
                (
                    "2019년 3월 5일".into(),
                    "2019-03-05".into(),
                    DateKind::Absolute
                ),
                ("지난해".into(), "2020".into(), DateKind::Relative),
                ("올해".into(), "2021".into(), DateKind::Relative),
                ("지난해 12월".into(), "2020-12".into(), DateKind::Relative),
            ]
        );
        // Without a publication date the relative years stay unresolved.
        let t = Tokenized::new("올해 67명");
        let d = dates(0, &t, None);
        assert_eq!((d.len(), d[0].resolved), (1, false));
    }
}
