//! Borders the text talks about: every sentence saying "border" is tied to
//! a land border the map draws (see [`super::outlines::meets`]), and a
//! length given in it ("at least 489 km of the border") is kept with it, so
//! the map can highlight that border and list the passages in its legend.
//!
//! Which border a sentence means, in this order:
//!
//! 1. a border river or zone named in it (the Yalu or Tumen: China–North
//!    Korea; the Amur or Ussuri: China–Russia; the Demilitarized Zone or
//!    Panmunjom: the inter-Korean line);
//! 2. two neighbouring countries named in it, or implied by a place in
//!    them ("Dandong" is in China) — with three or more, the borders of
//!    the first one named ("North Korea … sealed its borders with China
//!    and Russia" gives China–North Korea and North Korea–Russia);
//! 3. otherwise "the border" is the one placed last before it in the
//!    document by rules 1–2 (of several placed together, the pair most
//!    named in the document); with none placed yet, the neighbouring pair
//!    most named in the document (the pair whose less-named country is
//!    named most). Either way holding the one country the sentence names,
//!    if it names one. (Paragraph counts were tried first and misread
//!    "the border" in a paragraph that mentions South Korean TV shows.)
//!
//! A sentence naming a barrier (fences, walls, mines, barbed wire …) keeps
//! that word, so the legend can list such sentences first.
//!
//! A sentence tied to no pair (no neighbours named anywhere near it) is
//! left out: the map says nothing it cannot place. A length is a figure of
//! the sentence in km, mi or m. This is a reading aid, not a gazetteer of
//! fortifications: "489 km of the border" highlights the whole China–North
//! Korea border, since the text does not say which 489 km.
//!
//! ```
//! use borderlines_engine::geo::{border_talk::border_passages, outlines::meets};
//! let doc = borderlines_core::parse_document("a", "Fences\nNorth Korea sealed its border with China. Guards patrol at least 489 km of the border.").unwrap();
//! let ins = borderlines_extract::extract(&doc);
//! let found = border_passages(&doc, &ins);
//! assert_eq!(found.len(), 2);
//! let m = &meets()[found[1].meet as usize];
//! assert_eq!((m.a, m.b), ("CN", "KP"));
//! assert_eq!(found[1].figure.as_deref(), Some("at least 489 km"));
//! ```

use borderlines_core::Document;
use borderlines_extract::tokens::Tokenized;
use borderlines_extract::{DocumentInsights, EntityKind};

use super::outlines::{meets, shape_index, BORDER_RIVERS};

/// Named zones on the inter-Korean line (the gazetteer's region names).
const INTER_KOREAN_ZONES: [&str; 2] = ["Demilitarized Zone", "Panmunjom"];
/// Words naming a barrier on a border (a sentence with one is listed
/// before others in the legend: "mines along the border").
const BARRIER_WORDS: [&str; 14] = [
    "fence",
    "fences",
    "fencing",
    "wall",
    "walls",
    "mine",
    "mines",
    "minefield",
    "minefields",
    "barbed",
    "barrier",
    "barriers",
    "watchtower",
    "watchtowers",
];
/// Units of a length figure.
const LENGTH_UNITS: [&str; 3] = ["km", "mi", "m"];

/// One sentence about a border.
#[derive(Debug, Clone, PartialEq)]
pub struct BorderPassage {
    /// Index into [`meets`].
    pub meet: u8,
    /// The sentence: block and byte range in its text.
    pub block: u32,
    pub start: u32,
    pub end: u32,
    /// A length given in the sentence, as written ("at least 489 km").
    pub figure: Option<String>,
    /// The first barrier word of the sentence ("mines", "fences").
    pub barrier: Option<String>,
}

/// What one mention tells about countries: a country, or a border directly.
#[derive(Clone, Copy)]
enum Cue {
    Country(u8),
    Border(u8),
}

fn meet_of(a: &str, b: &str) -> Option<u8> {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    meets()
        .iter()
        .position(|m| m.a == a && m.b == b)
        .and_then(|i| u8::try_from(i).ok())
}

/// Index of a drawn country (the order of [`super::outlines::MAP_COUNTRIES`]).
fn country_slot(iso: &str) -> Option<u8> {
    super::outlines::MAP_COUNTRIES
        .iter()
        .position(|c| c.0 == iso)
        .and_then(|i| u8::try_from(i).ok())
}

fn iso_of(slot: u8) -> &'static str {
    super::outlines::MAP_COUNTRIES
        .get(usize::from(slot))
        .map_or("", |c| c.0)
}

/// Every (block, byte offset, cue) of the document, in reading order.
fn cues(ins: &DocumentInsights) -> Vec<(u32, u32, Cue)> {
    let mut out = Vec::new();
    for e in &ins.entities {
        let mut these: Vec<Cue> = Vec::new();
        if let Some(id) = e.outline_id.as_deref() {
            for (a, b, rivers) in BORDER_RIVERS {
                if rivers.contains(&id) && shape_index(id).is_some() {
                    these.extend(meet_of(a, b).map(Cue::Border));
                }
            }
        }
        if e.kind == EntityKind::Place && INTER_KOREAN_ZONES.contains(&e.name.as_str()) {
            these.extend(meet_of("KP", "KR").map(Cue::Border));
        }
        if these.is_empty() && matches!(e.kind, EntityKind::Country | EntityKind::Place) {
            if let Some(slot) = e.country.as_deref().and_then(country_slot) {
                these.push(Cue::Country(slot));
            }
        }
        for m in &e.mentions {
            for &c in &these {
                out.push((m.loc.block, m.loc.start, c));
            }
        }
    }
    out.sort_by_key(|c| (c.0, c.1));
    out
}

/// The best neighbouring pair by counts of mentions per drawn country,
/// holding `with` if given.
fn best_pair(counts: &[u32; 4], with: Option<u8>) -> Option<u8> {
    let mut best: Option<(u32, u32, u8)> = None;
    for (i, m) in meets().iter().enumerate() {
        let (Some(a), Some(b)) = (country_slot(m.a), country_slot(m.b)) else {
            continue;
        };
        if with.is_some_and(|w| w != a && w != b) {
            continue;
        }
        let (ca, cb) = (counts[usize::from(a)], counts[usize::from(b)]);
        if ca == 0 || cb == 0 {
            continue;
        }
        let key = (ca.min(cb), ca + cb, u8::try_from(i).unwrap_or(u8::MAX));
        if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
            best = Some(key);
        }
    }
    best.map(|b| b.2)
}

/// Of `pairs`, the one holding `with` (if given) most named in the document.
fn best_of(pairs: &[u8], counts: &[u32; 4], with: Option<u8>) -> Option<u8> {
    pairs
        .iter()
        .copied()
        .filter_map(|m| {
            let meet = meets().get(usize::from(m))?;
            let (a, b) = (country_slot(meet.a)?, country_slot(meet.b)?);
            if with.is_some_and(|w| w != a && w != b) {
                return None;
            }
            let (ca, cb) = (counts[usize::from(a)], counts[usize::from(b)]);
            Some(((ca.min(cb), ca + cb), m))
        })
        .max_by_key(|x| (x.0, std::cmp::Reverse(x.1)))
        .map(|x| x.1)
}

fn count_countries<'a>(cues: impl Iterator<Item = &'a (u32, u32, Cue)>) -> [u32; 4] {
    let mut counts = [0u32; 4];
    for c in cues {
        if let Cue::Country(s) = c.2 {
            counts[usize::from(s)] += 1;
        }
    }
    counts
}

/// Does the sentence say "border" (border, borders, border's, borderlands)?
fn says_border(t: &Tokenized<'_>, s: &borderlines_core::tokenize::Sentence) -> bool {
    (s.tok_start..s.tok_end).any(|i| t.low(i).starts_with("border"))
}

/// The pairs a sentence names itself (rules 1 and 2), and the countries it
/// names in order.
fn named_in(sentence: &[&(u32, u32, Cue)]) -> (Vec<u8>, Vec<u8>) {
    let mut direct: Vec<u8> = Vec::new();
    let mut countries: Vec<u8> = Vec::new();
    for c in sentence {
        match c.2 {
            Cue::Border(m) if !direct.contains(&m) => direct.push(m),
            Cue::Country(s) if !countries.contains(&s) => countries.push(s),
            _ => {}
        }
    }
    if direct.is_empty() && countries.len() >= 2 {
        let pairs_of = |first: u8| -> Vec<u8> {
            countries
                .iter()
                .filter(|&&o| o != first)
                .filter_map(|&o| meet_of(iso_of(first), iso_of(o)))
                .collect()
        };
        // The borders of the first country named that has a neighbour here.
        direct = countries
            .iter()
            .map(|&c| pairs_of(c))
            .find(|p| !p.is_empty())
            .unwrap_or_default();
    }
    (direct, countries)
}

/// Might the text say "border" in any case? A fast scan without copying
/// (false positives are sorted out by the tokens).
fn may_say_border(text: &str) -> bool {
    let bytes = text.as_bytes();
    let after_b = |i: usize| i > 0 && bytes[i - 1].eq_ignore_ascii_case(&b'b');
    text.match_indices("order").any(|(i, _)| after_b(i))
        || text.match_indices("ORDER").any(|(i, _)| after_b(i))
}

/// Every sentence of the document about a border it can place.
pub fn border_passages(doc: &Document, ins: &DocumentInsights) -> Vec<BorderPassage> {
    let mut out = Vec::new();
    let cues = cues(ins);
    let doc_counts = count_countries(cues.iter());
    // A document naming no border river or zone and no two neighbours can
    // place no border: skip it before reading its text.
    if !cues.iter().any(|c| matches!(c.2, Cue::Border(_))) && best_pair(&doc_counts, None).is_none()
    {
        return out;
    }
    // The borders the last sentence placing one by itself named.
    let mut last_placed: Vec<u8> = Vec::new();
    for (bi, block) in doc.blocks.iter().enumerate() {
        // Most paragraphs never say it: skip them before tokenizing.
        if !may_say_border(&block.text) {
            continue;
        }
        let Ok(b) = u32::try_from(bi) else { break };
        let t = Tokenized::new(&block.text);
        let in_block: Vec<&(u32, u32, Cue)> = cues.iter().filter(|c| c.0 == b).collect();
        for s in t.sents.iter().filter(|s| says_border(&t, s)) {
            let (start, end) = (s.start as u32, s.end as u32);
            let sentence: Vec<&(u32, u32, Cue)> = in_block
                .iter()
                .copied()
                .filter(|c| (start..end).contains(&c.1))
                .collect();
            let (mut pairs, countries) = named_in(&sentence);
            if pairs.is_empty() {
                let with = (countries.len() == 1).then(|| countries[0]);
                let earlier = best_of(&last_placed, &doc_counts, with);
                pairs.extend(earlier.or_else(|| best_pair(&doc_counts, with)));
            } else {
                last_placed.clone_from(&pairs);
            }
            let figure = ins
                .figures
                .iter()
                .find(|f| {
                    f.loc.block == b
                        && (start..end).contains(&f.loc.start)
                        && f.unit.as_deref().is_some_and(|u| LENGTH_UNITS.contains(&u))
                })
                .map(|f| f.text.clone());
            let barrier = (s.tok_start..s.tok_end)
                .map(|i| t.low(i))
                .find(|w| BARRIER_WORDS.contains(w))
                .map(str::to_owned);
            for meet in pairs {
                out.push(BorderPassage {
                    meet,
                    block: b,
                    start,
                    end,
                    figure: figure.clone(),
                    barrier: barrier.clone(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Option<String>)> {
        let doc = borderlines_core::parse_document("a", text).unwrap();
        let ins = borderlines_extract::extract(&doc);
        border_passages(&doc, &ins)
            .into_iter()
            .map(|p| {
                let m = &meets()[p.meet as usize];
                (format!("{}-{}", m.a, m.b), p.figure)
            })
            .collect()
    }

    #[test]
    fn rivers_zones_and_countries_place_a_border() {
        assert_eq!(
            found("T\nSmugglers cross the border on the Yalu River."),
            [("CN-KP".to_owned(), None)]
        );
        assert_eq!(
            found("T\nMines were laid near the border in the Demilitarized Zone."),
            [("KP-KR".to_owned(), None)]
        );
        let three = found("T\nNorth Korea sealed its borders with China and Russia.");
        assert_eq!(
            three.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(),
            ["CN-KP", "KP-RU"]
        );
    }

    #[test]
    fn context_places_a_sentence_that_names_no_neighbours() {
        let f = found(
            "T\nNorth Korea is stepping up defences along the border with South Korea.\n\nTroops laid mines along the border.",
        );
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|p| p.0 == "KP-KR"), "{f:?}");
        assert!(found("T\nThe border is long. Nobody knows where.").is_empty());
        assert!(found("T\nNothing here.").is_empty());
    }
}
