//! Document metadata: title, byline and authors, the sources the text
//! names, the publication date (stated, or a lower bound inferred from the
//! latest year the text mentions) and the language.

use serde::{Deserialize, Serialize};

use crate::dates::{self, DateKind, DateMention, PartialDate};
use crate::entities::{Entity, EntityKind};
use crate::lexicon::KNOWN_ORGS;
use crate::span::Loc;
use crate::tokens::{TokKind, Tokenized};

/// How a source was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceKind {
    /// Named in the byline ("By Jane Doe, Reuters").
    Byline,
    /// A wire dateline: "SEOUL (Reuters) -".
    Dateline,
    /// "according to X", "as per X".
    AccordingTo,
    /// A news organisation the text names as doing or reporting something.
    Mentioned,
    /// Stated by the document's file: a source column of a table, a
    /// publisher key of a JSON export.
    File,
}

/// A source the document states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub kind: SourceKind,
    /// The words that name it ("according to Daily NK").
    pub evidence: String,
    /// Where, when in the body.
    pub loc: Option<Loc>,
    /// The entity id, when the source is a recognised entity.
    pub entity: Option<u32>,
}

/// The publication date as far as the text tells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Published {
    pub date: PartialDate,
    /// True when the text or its file states it; false when inferred, in
    /// which case the document was published in `date.year` or later.
    pub stated: bool,
    /// 0–1: 1.0 stated by the file, 0.9 stated in the text with a day, 0.8
    /// stated month, 0.3 inferred.
    pub confidence: f32,
    /// The text it rests on.
    pub evidence: String,
}

/// The detected language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-1 code ("en"), or "und" when undetermined.
    pub code: String,
    /// Share of the counted evidence that points to it (0–1).
    pub confidence: f32,
}

/// Everything known about the document as a publication.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: String,
    /// True when the title is the article's headline; false when derived from its first sentence.
    pub title_is_headline: bool,
    pub byline: Option<String>,
    /// People named in the byline.
    pub authors: Vec<String>,
    pub sources: Vec<Source>,
    pub published: Option<Published>,
    pub language: Language,
    /// The wire dateline opening the story, resolved.
    pub dateline: Option<DatelineInfo>,
}

/// A dateline ("TROY, Mich., April 2 (Reuters) -") with its place resolved
/// against the gazetteer and its year inferred.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatelineInfo {
    /// As written, without the dash.
    pub text: String,
    pub loc: Loc,
    /// The place ("Troy"), its entity and its country (ISO alpha-2).
    pub place: Option<String>,
    pub entity: Option<u32>,
    pub country: Option<String>,
    /// Every place of a shared dateline ("BEIJING/TOKYO"), resolved.
    pub places: Vec<String>,
    /// Month and day as stated; the year inferred (see `year_inferred`).
    pub date: Option<PartialDate>,
    /// Datelines never state the year: when `date` has one, it was taken
    /// from the stated publication date, else from the latest year the text
    /// mentions.
    pub year_inferred: bool,
    /// The agency in brackets ("Reuters").
    pub agency: Option<String>,
}

/// Resolves the document's dateline: the entity found at each place, the
/// year from the stated publication date or else the latest year the text
/// mentions (a month after the publication's month is the year before).
pub(crate) fn dateline_info(
    d: &borderlines_core::Dateline,
    block_text: &str,
    entities: &[Entity],
    stated: Option<&Published>,
    dates: &[DateMention],
) -> DatelineInfo {
    let at = |start: u32| {
        entities.iter().find(|e| {
            matches!(e.kind, EntityKind::Place | EntityKind::Country)
                && e.mentions
                    .iter()
                    .any(|m| m.loc.block == d.block && m.loc.start == start)
        })
    };
    let found: Vec<&Entity> = d.places.iter().filter_map(|&(s, _)| at(s)).collect();
    let first = d.places.first().and_then(|&(s, _)| at(s));
    let date = d.month.map(|month| {
        let year = match stated {
            Some(p) => p.date.year.map(|y| {
                if p.date.month.is_some_and(|pm| month > pm.saturating_add(1)) {
                    y - 1
                } else {
                    y
                }
            }),
            None => dates
                .iter()
                .filter(|x| x.kind == DateKind::Absolute)
                .filter_map(|x| x.date.year)
                .max(),
        };
        PartialDate {
            year,
            month: Some(month),
            day: d.day,
        }
    });
    DatelineInfo {
        text: d.text(block_text).to_owned(),
        loc: Loc::new(d.block as usize, 0..d.len as usize),
        place: first.map(|e| e.name.clone()),
        entity: first.map(|e| e.id),
        country: first.and_then(|e| e.country.clone()),
        places: found.iter().map(|e| e.name.clone()).collect(),
        year_inferred: date.is_some_and(|x| x.year.is_some()),
        date,
        agency: d.agency.clone(),
    }
}

/// Without a stated date, a dateline with a month, a day and an inferred
/// year dates the story better than the latest year mentioned.
pub(crate) fn dateline_date(info: &DatelineInfo) -> Option<Published> {
    let date = info.date.filter(|d| d.year.is_some() && d.day.is_some())?;
    Some(Published {
        date,
        stated: false,
        confidence: 0.5,
        evidence: format!(
            "dateline \"{}\", year inferred from the text",
            crate::insights::clip(&info.text, 80)
        ),
    })
}

/// Splits a byline into people and news organisations.
pub(crate) fn byline_parts(byline: &str) -> (Vec<String>, Vec<String>) {
    let mut people = Vec::new();
    let mut orgs = Vec::new();
    let cleaned = byline
        .replace(" and ", ",")
        .replace(" & ", ",")
        .replace(" | ", ",");
    for part in cleaned
        .split([',', ';', '/'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let part = part
            .trim_start_matches("in ")
            .trim_start_matches("for ")
            .trim();
        let is_org = KNOWN_ORGS
            .iter()
            .any(|(n, a, _, _)| *n == part || a.contains(&part))
            || [
                "News",
                "Agency",
                "Press",
                "Times",
                "Post",
                "Staff",
                "Desk",
                "Reporters",
                "Correspondent",
            ]
            .iter()
            .any(|w| part.split_whitespace().any(|x| x == *w));
        if is_org {
            orgs.push(part.to_owned());
        } else if part.split_whitespace().count() <= 5 {
            people.push(part.to_owned());
        }
    }
    (people, orgs)
}

/// A publication date the text states: a short date line near the top
/// ("October 12, 2021", "Published: 3 March 2021"), or one in the byline.
pub(crate) fn stated_date(byline: Option<&str>, blocks: &[Tokenized]) -> Option<Published> {
    let mut candidates: Vec<(String, Tokenized)> = Vec::new();
    if let Some(b) = byline {
        candidates.push((b.to_owned(), Tokenized::new(b)));
    }
    for t in blocks.iter().take(3) {
        let words = t.toks.iter().filter(|x| x.kind == TokKind::Word).count();
        let lead = t.tok(0).to_lowercase();
        if words <= 10 || matches!(lead.as_str(), "published" | "updated" | "posted" | "date") {
            candidates.push((t.text.to_owned(), Tokenized::new(t.text)));
        }
    }
    for (text, t) in &candidates {
        for d in dates::find(0, t, None) {
            if d.kind == DateKind::Absolute && d.date.year.is_some() && d.date.month.is_some() {
                let confidence = if d.date.day.is_some() { 0.9 } else { 0.8 };
                let evidence = crate::insights::clip(text, 160);
                return Some(Published {
                    date: d.date,
                    stated: true,
                    confidence,
                    evidence,
                });
            }
        }
    }
    None
}

/// The publication date the document's file states (a date column or
/// key), as far as it reads as one: ISO dates and times ("2021-03-04",
/// "2021-03-04T10:00:00Z"), dates in words ("4 March 2021", "Mar 4, 2021"),
/// or a year alone. The file's word wins over anything in the text.
pub(crate) fn file_date(stated: &str) -> Option<Published> {
    let text = stated.trim();
    // "2021-03-04T10:00:00Z": the date part is what counts.
    let head = match text.find(['T', ' ']) {
        Some(i) if i >= 8 && text[..i].bytes().all(|b| b.is_ascii_digit() || b == b'-') => {
            &text[..i]
        }
        _ => text,
    };
    let t = Tokenized::new(head);
    let date = dates::find(0, &t, None)
        .into_iter()
        .find(|d| d.kind == DateKind::Absolute && d.date.year.is_some())
        .map(|d| d.date)
        .or_else(|| dates::year_of(head).map(PartialDate::year))?;
    Some(Published {
        date,
        stated: true,
        confidence: 1.0,
        evidence: format!(
            "date stated in the file: \"{}\"",
            crate::insights::clip(text, 80)
        ),
    })
}

/// Without a stated date: the document was published no earlier than the
/// latest year it mentions (decades aside).
pub(crate) fn inferred_date(dates: &[DateMention]) -> Option<Published> {
    let latest = dates
        .iter()
        .filter(|d| d.kind == DateKind::Absolute)
        .filter_map(|d| d.date.year.map(|y| (y, d)))
        .max_by_key(|(y, _)| *y)?;
    Some(Published {
        date: PartialDate::year(latest.0),
        stated: false,
        confidence: 0.3,
        evidence: format!("latest year mentioned: \"{}\"", latest.1.text),
    })
}

/// Sources named in the byline, a dateline, "according to" phrases, and
/// news organisations named in the body.
pub(crate) fn sources(
    file_source: Option<&str>,
    byline: Option<&str>,
    blocks: &[Tokenized],
    entities: &[Entity],
) -> Vec<Source> {
    let mut out: Vec<Source> = Vec::new();
    if let Some(name) = file_source {
        out.push(Source {
            name: name.to_owned(),
            kind: SourceKind::File,
            evidence: format!("source stated in the file: \"{name}\""),
            loc: None,
            entity: None,
        });
    }
    // Where each person or organisation mention starts: (block, byte) -> entity.
    let starts: rustc_hash::FxHashMap<(u32, u32), &Entity> = entities
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Organisation | EntityKind::Person))
        .flat_map(|e| {
            e.mentions
                .iter()
                .map(move |m| ((m.loc.block, m.loc.start), e))
        })
        .collect();
    if let Some(b) = byline {
        for org in byline_parts(b).1 {
            if out.iter().any(|s| s.name.eq_ignore_ascii_case(&org)) {
                continue;
            }
            out.push(Source {
                name: org,
                kind: SourceKind::Byline,
                evidence: b.to_owned(),
                loc: None,
                entity: None,
            });
        }
    }
    for (bi, t) in blocks.iter().enumerate() {
        // "(Reuters) -" near the start of a block.
        if let Some(open) = t.text.get(..t.text.len().min(80)).and_then(|h| h.find('(')) {
            let rest = &t.text[open + 1..];
            if let Some(close) = rest.find(')') {
                let name = &rest[..close];
                let after = rest[close + 1..].trim_start();
                if KNOWN_ORGS
                    .iter()
                    .any(|(n, a, _, news)| *news && (*n == name || a.contains(&name)))
                    && (after.starts_with('-') || after.starts_with('–') || after.starts_with('—'))
                {
                    let loc = Loc::new(bi, open + 1..open + 1 + close);
                    out.push(Source {
                        name: name.to_owned(),
                        kind: SourceKind::Dateline,
                        evidence: t.text[open..open + close + 2].to_owned(),
                        loc: Some(loc),
                        entity: None,
                    });
                }
            }
        }
        for k in 0..t.toks.len() {
            let w = t.tok(k);
            let after = if (w.eq_ignore_ascii_case("according") && t.tok(k + 1) == "to")
                || (w.eq_ignore_ascii_case("as") && t.tok(k + 1) == "per")
            {
                k + 2
            } else {
                continue;
            };
            let Some(start_tok) = t.toks.get(after) else {
                continue;
            };
            // The phrase up to a comma or the sentence end.
            let sent_end = t
                .sentence_of(after)
                .map_or(t.toks.len(), |s| t.sents[s].tok_end);
            let mut e = after;
            while e < sent_end && e < after + 12 && !matches!(t.tok(e), "," | "." | ";" | ":" | "(")
            {
                e += 1;
            }
            if e == after {
                continue;
            }
            let phrase_end = t.toks[e - 1].end;
            let entity = starts.get(&(bi as u32, start_tok.start as u32)).copied();
            let name = entity.map_or_else(
                || t.text[start_tok.start..phrase_end].to_owned(),
                |e| e.name.clone(),
            );
            let ev = &t.text[t.toks[k].start..phrase_end];
            out.push(Source {
                name,
                kind: SourceKind::AccordingTo,
                evidence: ev.to_owned(),
                loc: Some(Loc::new(bi, start_tok.start..phrase_end)),
                entity: entity.map(|e| e.id),
            });
        }
    }
    // News organisations named in the body.
    for e in entities
        .iter()
        .filter(|e| e.kind == EntityKind::Organisation)
    {
        let is_news = KNOWN_ORGS
            .iter()
            .any(|(n, _, _, news)| *news && *n == e.name);
        if is_news
            && !out
                .iter()
                .any(|s| s.name == e.name || s.entity == Some(e.id))
        {
            if let Some(m) = e.mentions.first() {
                out.push(Source {
                    name: e.name.clone(),
                    kind: SourceKind::Mentioned,
                    evidence: m.text.clone(),
                    loc: Some(m.loc),
                    entity: Some(e.id),
                });
            }
        }
    }
    // Link byline/dateline names to entities.
    for s in &mut out {
        if s.entity.is_none() {
            s.entity = entities.iter().find(|e| e.name == s.name).map(|e| e.id);
        }
    }
    out
}

const STOPWORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "as", "by",
            "has", "have", "from", "its", "are", "this",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "des", "est", "une", "du", "dans", "pour", "que", "qui",
            "sur", "pas", "avec", "au",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine",
            "auf", "sich", "dem", "auch",
        ],
    ),
    (
        "es",
        &[
            "el", "la", "los", "las", "y", "de", "que", "en", "un", "una", "por", "con", "para",
            "es", "del", "se",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "e", "la", "per", "un", "una", "non", "sono", "della", "nel", "con",
            "gli", "anche",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "as", "e", "de", "que", "em", "um", "uma", "para", "com", "não", "do", "da",
            "dos",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "is", "niet", "op", "met", "voor", "zijn", "dat",
            "die",
        ],
    ),
];

fn stopword_map() -> &'static rustc_hash::FxHashMap<&'static str, Vec<usize>> {
    static M: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, Vec<usize>>> =
        std::sync::OnceLock::new();
    M.get_or_init(|| {
        let mut m: rustc_hash::FxHashMap<&'static str, Vec<usize>> =
            rustc_hash::FxHashMap::default();
        for (li, (_, words)) in STOPWORDS.iter().enumerate() {
            for w in words.iter() {
                m.entry(w).or_default().push(li);
            }
        }
        m
    })
}

/// Script first (Hangul, Kana, Han, Cyrillic, Arabic), then function words
/// for Latin-script languages. Reads at most the first 120 words (enough for a clear signal).
pub(crate) fn language(blocks: &[Tokenized]) -> Language {
    let mut script = [0u32; 6]; // latin, hangul, kana, han, cyrillic, arabic
    let mut counts = vec![0u32; STOPWORDS.len()];
    let mut seen = 0usize;
    'outer: for t in blocks {
        for (i, tok) in t.toks.iter().enumerate() {
            if tok.kind != TokKind::Word {
                continue;
            }
            seen += 1;
            if seen > 120 {
                break 'outer;
            }
            let w = t.tok(i);
            if let Some(c) = w.chars().next() {
                let idx = match c as u32 {
                    0xAC00..=0xD7AF | 0x1100..=0x11FF => 1,
                    0x3040..=0x30FF => 2,
                    0x4E00..=0x9FFF => 3,
                    0x0400..=0x04FF => 4,
                    0x0600..=0x06FF => 5,
                    _ if c.is_alphabetic() => 0,
                    _ => continue,
                };
                script[idx] += 1;
            }
            if w.len() <= 5 {
                if let Some(langs) = stopword_map().get(t.low(i)) {
                    for &li in langs {
                        counts[li] += 1;
                    }
                }
            }
        }
    }
    let total: u32 = script.iter().sum();
    if total == 0 {
        return Language {
            code: "und".into(),
            confidence: 0.0,
        };
    }
    let (best_script, &n) = script
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| **n)
        .unwrap_or((0, &0));
    if best_script != 0 {
        // Kana wins over Han for Japanese text, which mixes both.
        let code = match best_script {
            1 => "ko",
            2 => "ja",
            3 if script[2] > 0 => "ja",
            3 => "zh",
            4 => "ru",
            _ => "ar",
        };
        return Language {
            code: code.into(),
            confidence: n as f32 / total as f32,
        };
    }
    let sum: u32 = counts.iter().sum();
    let (li, &c) = counts
        .iter()
        .enumerate()
        .max_by_key(|(_, c)| **c)
        .unwrap_or((0, &0));
    if c < 2 {
        return Language {
            code: "und".into(),
            confidence: 0.0,
        };
    }
    let conf = (c as f32 / sum.max(1) as f32 * 100.0).round() / 100.0;
    Language {
        code: STOPWORDS[li].0.into(),
        confidence: conf,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_split_into_people_and_outlets() {
        let (p, o) = byline_parts("Jean-Luc de Vries and Kim Min-ji, Reuters");
        assert_eq!(p, ["Jean-Luc de Vries", "Kim Min-ji"]);
        assert_eq!(o, ["Reuters"]);
    }

    #[test]
    fn file_dates_read_as_stated() {
        let iso = |s: &str| file_date(s).map(|p| (p.date.iso(), p.stated));
        assert_eq!(iso("2021-03-04"), Some(("2021-03-04".into(), true)));
        assert_eq!(
            iso("2021-03-04T10:00:00Z"),
            Some(("2021-03-04".into(), true))
        );
        assert_eq!(iso("2021-03-04 10:00"), Some(("2021-03-04".into(), true)));
        assert_eq!(iso("Mar 4, 2021"), Some(("2021-03-04".into(), true)));
        assert_eq!(iso("4 March 2021"), Some(("2021-03-04".into(), true)));
        assert_eq!(iso("2021"), Some(("2021".into(), true)));
        assert_eq!(iso("yesterday"), None);
        assert_eq!(iso(""), None);
        assert_eq!(iso("12345"), None);
    }

    #[test]
    fn languages() {
        let t = [Tokenized::new(
            "The fence is long and the river is wide, and it was built by the army for the border.",
        )];
        assert_eq!(language(&t).code, "en");
        let t = [Tokenized::new(
            "Der Zaun ist lang und die Grenze ist nicht offen, das ist auch von der Armee.",
        )];
        assert_eq!(language(&t).code, "de");
        let t = [Tokenized::new("북한은 국경을 봉쇄했다")];
        assert_eq!(language(&t).code, "ko");
        assert_eq!(language(&[Tokenized::new("123 456")]).code, "und");
    }
}
