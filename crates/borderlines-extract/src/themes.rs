//! Themes: a small fixed taxonomy assigned per document and per paragraph,
//! with the evidence words and a score.
//!
//! | theme | what it covers |
//! |---|---|
//! | `BorderFortification` | fences, walls, guard posts, mines, surveillance along a border |
//! | `DefectionRepatriation` | people escaping, defecting, being deported or sent back |
//! | `TradeSmuggling` | trade, markets, smuggling, remittances, brokers |
//! | `InformationControl` | access to outside information, media, censorship, propaganda |
//! | `HumanRights` | abuses, torture, imprisonment, executions, rights groups |
//! | `MilitaryEscalation` | troops, weapons, drills, war, hostility between states |
//! | `PandemicMeasures` | COVID-19, quarantine, lockdowns, closures against a virus |
//!
//! Score: evidence weight per 100 words (a two-word term such as "barbed
//! wire" weighs 2, one word 1), so long and short paragraphs compare. A
//! theme is assigned when its score reaches [`MIN_SCORE`] with at least
//! two matches, or one two-word term in a short paragraph.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::tokens::{TokKind, Tokenized};
use crate::word_set::{WordMap, WordSet};

/// The taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Theme {
    BorderFortification,
    DefectionRepatriation,
    TradeSmuggling,
    InformationControl,
    HumanRights,
    MilitaryEscalation,
    PandemicMeasures,
}

impl Theme {
    pub const ALL: [Theme; 7] = [
        Theme::BorderFortification,
        Theme::DefectionRepatriation,
        Theme::TradeSmuggling,
        Theme::InformationControl,
        Theme::HumanRights,
        Theme::MilitaryEscalation,
        Theme::PandemicMeasures,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Theme::BorderFortification => "Border fortification",
            Theme::DefectionRepatriation => "Defection and repatriation",
            Theme::TradeSmuggling => "Trade and smuggling",
            Theme::InformationControl => "Information control",
            Theme::HumanRights => "Human rights",
            Theme::MilitaryEscalation => "Military escalation",
            Theme::PandemicMeasures => "Pandemic measures",
        }
    }
}

/// A theme with its score and evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeScore {
    pub theme: Theme,
    /// Evidence weight per 100 words.
    pub score: f32,
    /// Matched terms, most frequent first, each with its count.
    pub evidence: Vec<(String, u32)>,
}

/// Themes of one block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockThemes {
    pub block: u32,
    pub themes: Vec<ThemeScore>,
}

/// Lowest score (evidence weight per 100 words) for a theme to be assigned.
pub const MIN_SCORE: f32 = 1.5;

/// Terms: (lowercase words, theme). Two-word terms weigh 2.
const TERMS: &[(&str, Theme)] = &[
    ("fence", Theme::BorderFortification),
    ("fences", Theme::BorderFortification),
    ("fencing", Theme::BorderFortification),
    ("wall", Theme::BorderFortification),
    ("walls", Theme::BorderFortification),
    ("barbed wire", Theme::BorderFortification),
    ("guard posts", Theme::BorderFortification),
    ("guard post", Theme::BorderFortification),
    ("barrier", Theme::BorderFortification),
    ("barriers", Theme::BorderFortification),
    ("fortification", Theme::BorderFortification),
    ("fortifications", Theme::BorderFortification),
    ("fortifies", Theme::BorderFortification),
    ("fortify", Theme::BorderFortification),
    ("fortified", Theme::BorderFortification),
    ("border security", Theme::BorderFortification),
    ("security infrastructure", Theme::BorderFortification),
    ("surveillance", Theme::BorderFortification),
    ("cctv", Theme::BorderFortification),
    ("cameras", Theme::BorderFortification),
    ("watchtowers", Theme::BorderFortification),
    ("blockade", Theme::BorderFortification),
    ("sealing", Theme::BorderFortification),
    ("seal", Theme::BorderFortification),
    ("border guards", Theme::BorderFortification),
    ("mines", Theme::BorderFortification),
    ("checkpoints", Theme::BorderFortification),
    ("border closures", Theme::BorderFortification),
    ("defector", Theme::DefectionRepatriation),
    ("defectors", Theme::DefectionRepatriation),
    ("defection", Theme::DefectionRepatriation),
    ("defect", Theme::DefectionRepatriation),
    ("defected", Theme::DefectionRepatriation),
    ("escape", Theme::DefectionRepatriation),
    ("escaped", Theme::DefectionRepatriation),
    ("flee", Theme::DefectionRepatriation),
    ("fled", Theme::DefectionRepatriation),
    ("fleeing", Theme::DefectionRepatriation),
    ("repatriation", Theme::DefectionRepatriation),
    ("repatriated", Theme::DefectionRepatriation),
    ("deportation", Theme::DefectionRepatriation),
    ("deported", Theme::DefectionRepatriation),
    ("asylum", Theme::DefectionRepatriation),
    ("refugee", Theme::DefectionRepatriation),
    ("refugees", Theme::DefectionRepatriation),
    ("forced return", Theme::DefectionRepatriation),
    ("escape routes", Theme::DefectionRepatriation),
    ("trade", Theme::TradeSmuggling),
    ("smuggling", Theme::TradeSmuggling),
    ("smugglers", Theme::TradeSmuggling),
    ("markets", Theme::TradeSmuggling),
    ("market", Theme::TradeSmuggling),
    ("jangmadang", Theme::TradeSmuggling),
    ("merchants", Theme::TradeSmuggling),
    ("traders", Theme::TradeSmuggling),
    ("goods", Theme::TradeSmuggling),
    ("remittances", Theme::TradeSmuggling),
    ("money transfers", Theme::TradeSmuggling),
    ("brokers", Theme::TradeSmuggling),
    ("economy", Theme::TradeSmuggling),
    ("economic", Theme::TradeSmuggling),
    ("exports", Theme::TradeSmuggling),
    ("imports", Theme::TradeSmuggling),
    ("mercantile", Theme::TradeSmuggling),
    ("entrepreneurs", Theme::TradeSmuggling),
    ("outside information", Theme::InformationControl),
    ("information", Theme::InformationControl),
    ("media", Theme::InformationControl),
    ("state media", Theme::InformationControl),
    ("propaganda", Theme::InformationControl),
    ("censorship", Theme::InformationControl),
    ("foreign shows", Theme::InformationControl),
    ("dramas", Theme::InformationControl),
    ("broadcasts", Theme::InformationControl),
    ("radio", Theme::InformationControl),
    ("internet", Theme::InformationControl),
    ("banners", Theme::InformationControl),
    ("news outlet", Theme::InformationControl),
    ("human rights", Theme::HumanRights),
    ("abuses", Theme::HumanRights),
    ("torture", Theme::HumanRights),
    ("imprisonment", Theme::HumanRights),
    ("execution", Theme::HumanRights),
    ("executions", Theme::HumanRights),
    ("sexual violence", Theme::HumanRights),
    ("prison camps", Theme::HumanRights),
    ("forced labour", Theme::HumanRights),
    ("forced labor", Theme::HumanRights),
    ("detention", Theme::HumanRights),
    ("persecution", Theme::HumanRights),
    ("shoot on sight", Theme::HumanRights),
    ("vulnerable", Theme::HumanRights),
    ("rights", Theme::HumanRights),
    ("troops", Theme::MilitaryEscalation),
    ("military", Theme::MilitaryEscalation),
    ("army", Theme::MilitaryEscalation),
    ("missile", Theme::MilitaryEscalation),
    ("missiles", Theme::MilitaryEscalation),
    ("nuclear", Theme::MilitaryEscalation),
    ("drills", Theme::MilitaryEscalation),
    ("war", Theme::MilitaryEscalation),
    ("weapons", Theme::MilitaryEscalation),
    ("attack", Theme::MilitaryEscalation),
    ("soldiers", Theme::MilitaryEscalation),
    ("deployment", Theme::MilitaryEscalation),
    ("hostile", Theme::MilitaryEscalation),
    ("artillery", Theme::MilitaryEscalation),
    ("conflict", Theme::MilitaryEscalation),
    ("tensions", Theme::MilitaryEscalation),
    ("mine-laying", Theme::MilitaryEscalation),
    ("defenses", Theme::MilitaryEscalation),
    ("defences", Theme::MilitaryEscalation),
    ("frontline", Theme::MilitaryEscalation),
    ("forces", Theme::MilitaryEscalation),
    ("covid", Theme::PandemicMeasures),
    ("coronavirus", Theme::PandemicMeasures),
    ("pandemic", Theme::PandemicMeasures),
    ("quarantine", Theme::PandemicMeasures),
    ("lockdown", Theme::PandemicMeasures),
    ("lockdowns", Theme::PandemicMeasures),
    ("virus", Theme::PandemicMeasures),
    ("epidemic", Theme::PandemicMeasures),
    ("vaccine", Theme::PandemicMeasures),
    ("vaccines", Theme::PandemicMeasures),
    ("pandemic-era", Theme::PandemicMeasures),
];

fn term_map() -> &'static WordMap<Theme> {
    static M: OnceLock<WordMap<Theme>> = OnceLock::new();
    M.get_or_init(|| TERMS.iter().copied().collect())
}

/// First words of the two-word terms: only after one of these is a pair looked up.
fn two_word_starts() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    S.get_or_init(|| {
        TERMS
            .iter()
            .filter_map(|(w, _)| {
                w.split([' ', '-'])
                    .next()
                    .filter(|_| w.contains([' ', '-']))
            })
            .collect()
    })
}

/// Counts theme evidence in one block: (theme → term → count), and words.
pub(crate) fn count_block(t: &Tokenized) -> (BTreeMap<Theme, BTreeMap<&'static str, u32>>, u32) {
    let mut hits: BTreeMap<Theme, BTreeMap<&'static str, u32>> = BTreeMap::new();
    let map = term_map();
    let starts = two_word_starts();
    let mut words = 0u32;
    // Lowercase views are slices of `t.lower`: no copies per word.
    let mut prev: Option<&str> = None;
    let mut two = String::new();
    for (i, tok) in t.toks.iter().enumerate() {
        if tok.kind != TokKind::Word {
            if t.tok(i) != "-" {
                prev = None;
            }
            continue;
        }
        words += 1;
        let cur = t.low(i);
        let mut matched_two = false;
        if let Some(p) = prev.filter(|p| starts.contains(p)) {
            two.clear();
            two.push_str(p);
            two.push(if i > 0 && t.tok(i - 1) == "-" {
                '-'
            } else {
                ' '
            });
            two.push_str(cur);
            if let Some((term, theme)) = map.get_key_value(two.as_str()) {
                *hits.entry(*theme).or_default().entry(term).or_default() += 2;
                matched_two = true;
            }
        }
        if !matched_two {
            if let Some((term, theme)) = map.get_key_value(cur) {
                *hits.entry(*theme).or_default().entry(term).or_default() += 1;
            }
        }
        prev = Some(cur);
    }
    (hits, words)
}

/// Scores counted evidence; keeps themes that reach the bar.
pub(crate) fn score(
    hits: &BTreeMap<Theme, BTreeMap<&'static str, u32>>,
    words: u32,
) -> Vec<ThemeScore> {
    let mut out: Vec<ThemeScore> = hits
        .iter()
        .filter_map(|(theme, terms)| {
            let weight: u32 = terms.values().sum();
            let score = weight as f32 * 100.0 / (words.max(40) as f32);
            let distinct = terms.len();
            (score >= MIN_SCORE && (weight >= 2 || distinct >= 2)).then(|| {
                let mut evidence: Vec<(String, u32)> = terms
                    .iter()
                    .map(|(t, w)| {
                        (
                            t.to_string(),
                            if t.contains([' ', '-']) { w / 2 } else { *w },
                        )
                    })
                    .collect();
                evidence.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                ThemeScore {
                    theme: *theme,
                    score: (score * 100.0).round() / 100.0,
                    evidence,
                }
            })
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.theme.cmp(&b.theme)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_and_scores() {
        let t = Tokenized::new("New fences with barbed wire and guard posts stop defectors; the pandemic closed trade.");
        let (hits, words) = count_block(&t);
        let s = score(&hits, words);
        assert_eq!(s[0].theme, Theme::BorderFortification);
        assert!(s[0].evidence.iter().any(|(t, _)| t == "barbed wire"));
    }
}
