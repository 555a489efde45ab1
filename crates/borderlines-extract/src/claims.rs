//! Claims across sources: figures in different documents that measure the
//! same thing (same measure noun, unit and year — "defector", none, 2019)
//! are linked and marked consistent when their ranges share a value
//! ("1,047" and "over a thousand" → consistent) or conflicting when not.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::figures::Figure;
use crate::DocumentInsights;

/// Whether the linked figures can all be true at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Agreement {
    Consistent,
    Conflicting,
}

/// One figure taking part in a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimFigure {
    pub doc_id: String,
    /// Index into that document's [`DocumentInsights::figures`].
    pub figure: u32,
    pub text: String,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// Figures from two or more documents about the same measure and year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The measure noun, singular ("defector").
    pub measure: String,
    pub unit: Option<String>,
    pub year: i32,
    pub figures: Vec<ClaimFigure>,
    pub agreement: Agreement,
}

/// Measure, unit, year: what makes two figures "the same thing".
type ClaimKey = (String, Option<String>, i32);

/// Relative slack when comparing bounds, so rounding ("1,047" vs "1,050") is not a conflict.
const TOLERANCE: f64 = 0.02;

fn bounds(f: &Figure) -> (f64, f64) {
    (
        f.min.unwrap_or(f64::NEG_INFINITY),
        f.max.unwrap_or(f64::INFINITY),
    )
}

/// Whether `figures` (about the same measure, unit and year) can all be
/// true at once: their ranges share a value, within a 2% slack for
/// rounding. The rule [`link_claims`] applies; also used to re-judge a
/// subset of a claim's figures (those of the documents in view).
pub fn agreement_of<'a>(figures: impl IntoIterator<Item = &'a Figure>) -> Agreement {
    // Intervals on a line share a point iff the largest lower bound is at
    // most the smallest upper bound.
    let (lo, hi) = figures
        .into_iter()
        .fold((f64::NEG_INFINITY, f64::INFINITY), |(lo, hi), f| {
            let (a, b) = bounds(f);
            (lo.max(a), hi.min(b))
        });
    let slack = TOLERANCE * hi.abs().max(lo.abs()).min(f64::MAX);
    if lo <= hi + if slack.is_finite() { slack } else { 0.0 } {
        Agreement::Consistent
    } else {
        Agreement::Conflicting
    }
}

/// Links figures across documents. Figures without a measure or a year are
/// not linked: without them "the same thing" cannot be told.
pub fn link_claims(docs: &[DocumentInsights]) -> Vec<Claim> {
    let mut groups: BTreeMap<ClaimKey, Vec<(usize, usize)>> = BTreeMap::new();
    for (di, d) in docs.iter().enumerate() {
        for (fi, f) in d.figures.iter().enumerate() {
            let (Some(m), Some(y)) = (&f.measure, f.time.as_ref().and_then(|t| t.year)) else {
                continue;
            };
            groups
                .entry((m.clone(), f.unit.clone(), y))
                .or_default()
                .push((di, fi));
        }
    }
    let mut out = Vec::new();
    for ((measure, unit, year), members) in groups {
        let mut doc_ids: Vec<usize> = members.iter().map(|m| m.0).collect();
        doc_ids.dedup();
        if doc_ids.len() < 2 {
            continue;
        }
        let agreement = agreement_of(members.iter().map(|&(di, fi)| &docs[di].figures[fi]));
        let figures = members
            .iter()
            .map(|&(di, fi)| {
                let f = &docs[di].figures[fi];
                ClaimFigure {
                    doc_id: docs[di].doc_id.clone(),
                    figure: fi as u32,
                    text: f.text.clone(),
                    min: f.min,
                    max: f.max,
                }
            })
            .collect();
        out.push(Claim {
            measure,
            unit,
            year,
            figures,
            agreement,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract;
    use borderlines_core::parse_document;

    fn ins(id: &str, text: &str) -> DocumentInsights {
        extract(&parse_document(id, text).unwrap())
    }

    #[test]
    fn overlapping_ranges_agree_and_disjoint_ones_conflict() {
        let a = ins("a", "Arrivals\nOfficials said 1,047 defectors arrived in 2019 and 67 defectors arrived in 2020.");
        let b = ins("b", "Arrivals\nOver a thousand defectors arrived in 2019, while about 300 defectors arrived in 2020.");
        let claims = link_claims(&[a, b]);
        let y2019 = claims.iter().find(|c| c.year == 2019).expect("2019 linked");
        assert_eq!(
            (y2019.measure.as_str(), y2019.agreement),
            ("defector", Agreement::Consistent)
        );
        let y2020 = claims.iter().find(|c| c.year == 2020).expect("2020 linked");
        assert_eq!(y2020.agreement, Agreement::Conflicting, "67 vs about 300");
        assert_eq!(y2020.figures.len(), 2);
    }

    #[test]
    fn one_document_alone_makes_no_claim() {
        let a = ins("a", "Arrivals\nOfficials said 1,047 defectors arrived in 2019, not 1,200 defectors in 2019.");
        assert!(link_claims(&[a]).is_empty());
        assert!(link_claims(&[]).is_empty());
    }
}
