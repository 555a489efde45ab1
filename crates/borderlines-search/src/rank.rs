//! BM25 with per-field weights (title above body), and the knobs that tune it.

use serde::{Deserialize, Serialize};

/// Ranking parameters. The defaults suit news articles.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RankingParams {
    /// BM25 term-frequency saturation.
    pub k1: f32,
    /// BM25 length normalisation (0 = none, 1 = full).
    pub b: f32,
    /// Weight of a match in the title, byline and body.
    pub field_weights: [f32; 3],
    /// Weight of a stopword ("the", "of") relative to other words.
    pub stopword_weight: f32,
    /// Weight of a word found by a prefix (`fortif*`) rather than exactly.
    pub prefix_weight: f32,
    /// Weight of a fuzzy match at edit distance 1 and 2.
    pub fuzzy_weights: [f32; 2],
    /// How much closeness of the query's words raises a score (0 disables).
    pub proximity: f32,
}

impl Default for RankingParams {
    fn default() -> Self {
        Self {
            k1: 1.2,
            b: 0.75,
            field_weights: [3.0, 1.0, 1.0],
            stopword_weight: 0.15,
            prefix_weight: 0.85,
            fuzzy_weights: [0.6, 0.4],
            proximity: 0.3,
        }
    }
}

/// Inverse document frequency (the BM25 form that is never negative).
pub fn idf(docs: usize, df: u32) -> f32 {
    let n = docs as f32;
    let df = df as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// The BM25 term-frequency part for one field.
pub fn tf_part(tf: u32, len: u32, avg_len: f32, p: &RankingParams) -> f32 {
    if tf == 0 {
        return 0.0;
    }
    let tf = tf as f32;
    let norm = 1.0 - p.b + p.b * (len as f32 / avg_len);
    tf * (p.k1 + 1.0) / (tf + p.k1 * norm)
}

/// Proximity factor for `k` distinct words found within a window of `span` positions.
pub fn proximity_factor(k: usize, span: u32, p: &RankingParams) -> f32 {
    if k < 2 || span == 0 {
        return 1.0;
    }
    1.0 + p.proximity * (k as f32 / span.max(k as u32) as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rarer_terms_and_shorter_fields_score_higher() {
        let p = RankingParams::default();
        assert!(idf(100, 1) > idf(100, 50));
        assert!(idf(100, 100) > 0.0);
        assert!(tf_part(1, 10, 100.0, &p) > tf_part(1, 1000, 100.0, &p));
        assert!(tf_part(5, 100, 100.0, &p) > tf_part(1, 100, 100.0, &p));
        assert_eq!(tf_part(0, 100, 100.0, &p), 0.0);
        assert!(proximity_factor(2, 2, &p) > proximity_factor(2, 20, &p));
    }
}
