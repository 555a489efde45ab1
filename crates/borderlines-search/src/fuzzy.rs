//! A bounded edit-distance automaton for searching the fst dictionary.
//!
//! fst's own `Levenshtein` builds a full DFA up front, which took
//! milliseconds to tens of milliseconds for long words with distance 2 —
//! too slow to search as you type. This automaton instead carries the
//! dynamic-programming column (and the previous one, for transpositions)
//! as a fixed-size, allocation-free state and prunes any branch whose best
//! cell already exceeds the bound. It measures bytes; callers re-check
//! candidates with the character distance
//! ([`edit_distance`](crate::plan::edit_distance)).

use fst::Automaton;

/// Longest query (in bytes) the automaton accepts.
pub const MAX_LEN: usize = 40;
const W: usize = MAX_LEN + 1;

/// Matches keys within `max` byte edits (insert, delete, substitute, swap
/// neighbours) of a query.
#[derive(Debug, Clone)]
pub struct EditDistance {
    query: Vec<u8>,
    max: u8,
    /// Leading bytes that must match exactly (prunes most of the dictionary).
    prefix: usize,
}

/// The DP state after reading some bytes of a key.
#[derive(Clone, Copy)]
pub struct Column {
    cur: [u8; W],
    prev: [u8; W],
    /// The last byte read (for transpositions); `None` at the start.
    last: Option<u8>,
    /// Bytes read so far.
    depth: usize,
}

impl EditDistance {
    /// Keys within `max` edits of `query` whose first `prefix` bytes equal
    /// the query's. `None` when the query is longer than [`MAX_LEN`] bytes.
    pub fn new(query: &str, max: u8, prefix: usize) -> Option<EditDistance> {
        (query.len() <= MAX_LEN).then(|| EditDistance {
            query: query.as_bytes().to_vec(),
            max,
            prefix: prefix.min(query.len()),
        })
    }
}

impl Automaton for EditDistance {
    type State = Column;

    fn start(&self) -> Column {
        let mut cur = [u8::MAX; W];
        for (i, c) in cur.iter_mut().enumerate().take(self.query.len() + 1) {
            *c = i.min(255) as u8;
        }
        Column {
            cur,
            prev: [u8::MAX; W],
            last: None,
            depth: 0,
        }
    }

    fn is_match(&self, s: &Column) -> bool {
        s.cur[self.query.len()] <= self.max
    }

    fn can_match(&self, s: &Column) -> bool {
        s.cur[..=self.query.len()].iter().any(|&c| c <= self.max)
    }

    fn accept(&self, s: &Column, byte: u8) -> Column {
        let m = self.query.len();
        let cap = self.max.saturating_add(1);
        let mut next = [cap; W];
        if s.depth < self.prefix && self.query[s.depth] != byte {
            // A dead state: can_match is false from here on.
            return Column {
                cur: next,
                prev: next,
                last: Some(byte),
                depth: s.depth + 1,
            };
        }
        let depth = s.depth + 1;
        next[0] = s.cur[0].saturating_add(1).min(cap);
        // Only cells within `max` of the diagonal can stay in bounds (the band);
        // the rest keep the cap.
        let k = usize::from(self.max);
        for i in depth.saturating_sub(k).max(1)..=(depth + k).min(m) {
            let q = self.query[i - 1];
            let cost = u8::from(q != byte);
            let mut v = s.cur[i - 1]
                .saturating_add(cost)
                .min(s.cur[i].saturating_add(1))
                .min(next[i - 1].saturating_add(1));
            if i > 1 && s.last == Some(q) && self.query[i - 2] == byte {
                v = v.min(s.prev[i - 2].saturating_add(1));
            }
            next[i] = v.min(cap);
        }
        Column {
            cur: next,
            prev: s.cur,
            last: Some(byte),
            depth,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::{IntoStreamer, Set, Streamer};

    fn search(words: &[&str], q: &str, k: u8) -> Vec<String> {
        let set = Set::from_iter(words.iter().copied()).unwrap();
        let mut s = set
            .search(EditDistance::new(q, k, 0).unwrap())
            .into_stream();
        let mut out = Vec::new();
        while let Some(w) = s.next() {
            out.push(String::from_utf8(w.to_vec()).unwrap());
        }
        out
    }

    #[test]
    fn finds_words_within_the_bound() {
        let words = [
            "defection",
            "defector",
            "defectors",
            "detectors",
            "mines",
            "minus",
            "zebra",
        ];
        assert_eq!(search(&words, "defectros", 1), ["defectors"]);
        assert_eq!(
            search(&words, "defectros", 2),
            ["defection", "defector", "defectors", "detectors"]
        );
        assert_eq!(search(&words, "mnies", 1), ["mines"]);
        assert_eq!(search(&words, "", 1), Vec::<String>::new());
        assert!(EditDistance::new(&"x".repeat(MAX_LEN + 1), 1, 0).is_none());
        let set = Set::from_iter(["defectors", "refectors"]).unwrap();
        assert_eq!(
            set.search(EditDistance::new("defectros", 2, 1).unwrap())
                .into_stream()
                .into_strs()
                .unwrap(),
            ["defectors"]
        );
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_reference_distance(a in "[abc]{0,7}", b in "[abc]{0,7}", k in 0u8..3) {
            let got = !search(&[b.as_str()], &a, k).is_empty();
            let want = crate::plan::edit_distance(&a, &b) <= k as usize;
            proptest::prop_assert_eq!(got, want, "{} vs {}", a, b);
        }
    }
}
