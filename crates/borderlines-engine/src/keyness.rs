//! Keyness: how much more (or less) often a word occurs in one corpus than
//! in another, as corpus linguists measure it.
//!
//! - [`log_likelihood`] (G², Dunning 1993, in the form Rayson & Garside
//!   2000 and AntConc use) says how *sure* we are that the difference is
//!   not chance: G² = 2·Σ O·ln(O/E) over the two observed frequencies,
//!   with expected frequencies E from the corpus sizes. 3.84 is p < 0.05,
//!   6.63 p < 0.01, 10.83 p < 0.001 (one degree of freedom).
//! - [`log_ratio`] (Hardie 2014) says how *big* the difference is: log₂ of
//!   the ratio of relative frequencies; each point doubles it. A zero count
//!   is taken as 0.5 so a word absent from one side still gets a finite
//!   (and modest) value.
//!
//! G² grows with corpus size, log ratio does not: sort by G² to see what
//! is surely characteristic, by log ratio to see what is most so.
//!
//! ```
//! use borderlines_engine::keyness::{keyness, log_ratio};
//! // 10 in 1,000 words against 5 in 10,000: twenty times as frequent.
//! assert!((log_ratio(10, 1000, 5, 10_000) - 20f64.log2()).abs() < 1e-12);
//! let k = keyness(10, 1000, 5, 10_000);
//! assert!(k.over_used && k.g2 > 10.83);
//! ```

/// The keyness of a word in a target against a reference.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Keyness {
    /// Log-likelihood G² (≥ 0).
    pub g2: f64,
    /// Hardie's log ratio (positive when over-used).
    pub log_ratio: f64,
    /// More frequent (relatively) in the target than in the reference.
    pub over_used: bool,
}

/// G² of `o1` occurrences in `n1` tokens against `o2` in `n2`; 0 when
/// either corpus is empty or the word occurs in neither.
pub fn log_likelihood(o1: u64, n1: u64, o2: u64, n2: u64) -> f64 {
    let (o1, n1, o2, n2) = (o1 as f64, n1 as f64, o2 as f64, n2 as f64);
    if n1 <= 0.0 || n2 <= 0.0 || o1 + o2 <= 0.0 {
        return 0.0;
    }
    let e1 = n1 * (o1 + o2) / (n1 + n2);
    let e2 = n2 * (o1 + o2) / (n1 + n2);
    // O·ln(O/E) → 0 as O → 0: a word absent from one side adds nothing there.
    let part = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    (2.0 * (part(o1, e1) + part(o2, e2))).max(0.0)
}

/// Log ratio of `o1` in `n1` tokens against `o2` in `n2` (zero counts
/// taken as 0.5); 0 when either corpus is empty.
pub fn log_ratio(o1: u64, n1: u64, o2: u64, n2: u64) -> f64 {
    if n1 == 0 || n2 == 0 {
        return 0.0;
    }
    let adj = |o: u64| if o == 0 { 0.5 } else { o as f64 };
    ((adj(o1) / n1 as f64) / (adj(o2) / n2 as f64)).log2()
}

/// Both measures and the direction.
pub fn keyness(o1: u64, n1: u64, o2: u64, n2: u64) -> Keyness {
    // Cross-multiplied to compare o1/n1 with o2/n2 without dividing.
    let over_used = u128::from(o1) * u128::from(n2) > u128::from(o2) * u128::from(n1);
    Keyness {
        g2: log_likelihood(o1, n1, o2, n2),
        log_ratio: log_ratio(o1, n1, o2, n2),
        over_used,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    /// O1 = 10, N1 = 1,000, O2 = 5, N2 = 10,000:
    /// E1 = 1000·15/11000 = 1.3636364, E2 = 10000·15/11000 = 13.6363636;
    /// 10·ln(10/1.3636364) = 10·ln(7.3333333) = 10·1.99243016 = 19.9243016;
    /// 5·ln(5/13.6363636) = 5·ln(0.3666667) = 5·(−1.00330211) = −5.0165105;
    /// G² = 2·(19.9243016 − 5.0165105) = 29.8155822.
    /// Log ratio = log₂((10/1000)/(5/10000)) = log₂(20) = 4.3219281.
    #[test]
    fn hand_computed_example() {
        assert!(close(log_likelihood(10, 1000, 5, 10_000), 29.8155822));
        assert!(close(log_ratio(10, 1000, 5, 10_000), 4.321928));
        let k = keyness(10, 1000, 5, 10_000);
        assert!(k.over_used);
    }

    /// O1 = 10, N1 = 1,000, O2 = 0, N2 = 10,000:
    /// E1 = 1000·10/11000 = 0.9090909; G² = 2·10·ln(10/0.9090909)
    /// = 20·ln(11) = 20·2.3978953 = 47.957906 (the O2 cell adds 0).
    /// Log ratio = log₂((10/1000)/(0.5/10000)) = log₂(200) = 7.6438562.
    #[test]
    fn a_word_absent_from_the_reference() {
        assert!(close(log_likelihood(10, 1000, 0, 10_000), 47.957906));
        assert!(close(log_ratio(10, 1000, 0, 10_000), 7.643856));
    }

    /// O1 = 0, N1 = 1,000, O2 = 50, N2 = 10,000: E1 = 1000·50/11000 = 4.5454545,
    /// E2 = 45.4545455; G² = 2·50·ln(50/45.4545455) = 100·ln(1.1) = 9.5310180.
    /// Log ratio = log₂((0.5/1000)/(50/10000)) = log₂(0.1) = −3.3219281.
    #[test]
    fn a_word_absent_from_the_target_is_under_used() {
        assert!(close(log_likelihood(0, 1000, 50, 10_000), 9.531018));
        // log₂(0.1) = −log₂(10) = −3.3219281.
        assert!(close(
            log_ratio(0, 1000, 50, 10_000),
            -std::f64::consts::LOG2_10
        ));
        assert!(!keyness(0, 1000, 50, 10_000).over_used);
    }

    #[test]
    fn equal_rates_and_empty_corpora_score_zero() {
        assert!(close(log_likelihood(10, 1000, 100, 10_000), 0.0));
        assert!(close(log_ratio(10, 1000, 100, 10_000), 0.0));
        assert_eq!(log_likelihood(0, 0, 5, 10), 0.0);
        assert_eq!(log_likelihood(0, 10, 0, 10), 0.0);
        assert_eq!(log_ratio(3, 0, 5, 10), 0.0);
        assert!(!keyness(10, 1000, 100, 10_000).over_used);
    }
}
