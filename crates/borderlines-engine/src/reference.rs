//! A built-in English reference frequency list, for the terms view when
//! nothing is selected: the whole corpus is then compared with general
//! English (its "rest of the corpus" would be empty).
//!
//! The list is the 8,000 most frequent words of the Brown corpus (about a
//! million words of edited American English, 1961), made by
//! `scripts/reference/make-brown-freq.mjs` into
//! `data/reference/brown_en.tsv`. Its header gives the source, the credit
//! and the total token count, which is the reference's size (so words
//! outside the top 8,000 count as absent, not as a smaller corpus).
//!
//! Natively the list is compiled in (feature `embedded-reference`, on by
//! default). The page leaves it out of its wasm: it stores the file as a
//! data pack beside it and hands it to [`install_brown`] the first time the
//! terms view needs it, so the 36 KB (gzip) cost nothing at startup. Until
//! then [`brown`] is `None`.
//!
//! Words are filed under the search index's keys (the same analyzer), so
//! "mine" and "mines" add up and meet the index's term "mine".
//!
//! ```
//! use borderlines_engine::reference::{brown, ReferenceList};
//! # #[cfg(feature = "embedded-reference")] {
//! let brown = brown().expect("compiled in");
//! assert!(brown.total > 1_000_000);
//! assert!(brown.count("the") > 60_000);
//! # }
//! let r = ReferenceList::parse("# total_tokens\t10\nword\tcount\nmines\t2\nmine\t1\n");
//! assert_eq!((r.total, r.count("mine")), (10, 3));
//! ```

use std::sync::OnceLock;

use borderlines_search::analyze::Analyzer;
use borderlines_search::vectors::index_keys;
use rustc_hash::FxHashMap;

/// Word counts of a reference corpus, by index key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReferenceList {
    /// Tokens in the reference corpus (not just in the list).
    pub total: u64,
    counts: FxHashMap<String, u64>,
}

impl ReferenceList {
    /// Reads `word<TAB>count` lines; `#` lines are comments, except
    /// `# total_tokens<TAB>N`. A `word<TAB>count` header, blank and
    /// malformed lines are skipped; a word of several tokens is skipped (the
    /// list is of single words). Without a total, the listed counts' sum is
    /// the total.
    pub fn parse(text: &str) -> ReferenceList {
        let analyzer = Analyzer::default();
        let mut total = None;
        let mut counts: FxHashMap<String, u64> = FxHashMap::default();
        for line in text.lines() {
            let line = line.trim_end_matches('\r');
            if let Some(comment) = line.strip_prefix('#') {
                if let Some(n) = comment.trim_start().strip_prefix("total_tokens") {
                    total = n.trim().parse::<u64>().ok().or(total);
                }
                continue;
            }
            let Some((word, count)) = line.split_once('\t') else {
                continue;
            };
            let Ok(count) = count.trim().parse::<u64>() else {
                continue;
            };
            if let [key] = index_keys(&analyzer, word).as_slice() {
                let c = counts.entry(key.clone()).or_default();
                *c = c.saturating_add(count);
            }
        }
        let listed = counts.values().fold(0u64, |a, &c| a.saturating_add(c));
        ReferenceList {
            total: total.unwrap_or(listed).max(listed),
            counts,
        }
    }

    /// Occurrences of an index key.
    pub fn count(&self, key: &str) -> u64 {
        self.counts.get(key).copied().unwrap_or(0)
    }

    /// Every (index key, count).
    pub fn iter(&self) -> impl Iterator<Item = (&str, u64)> {
        self.counts.iter().map(|(k, &c)| (k.as_str(), c))
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Is the list empty?
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

static BROWN: OnceLock<ReferenceList> = OnceLock::new();

/// The Brown corpus list: the installed one, else (feature
/// `embedded-reference`) the compiled-in one, parsed on first use; `None`
/// while neither is there.
pub fn brown() -> Option<&'static ReferenceList> {
    #[cfg(feature = "embedded-reference")]
    return Some(BROWN.get_or_init(|| ReferenceList::parse(BROWN_TSV)));
    #[cfg(not(feature = "embedded-reference"))]
    BROWN.get()
}

/// The list's file, compiled in.
#[cfg(feature = "embedded-reference")]
pub const BROWN_TSV: &str = include_str!("../../../data/reference/brown_en.tsv");

/// Installs the Brown list from the text of `brown_en.tsv` (the page's
/// data pack). The first list installed (or parsed) stays: a second call
/// changes nothing, so every view of a page compares with the same list.
pub fn install_brown(text: &str) {
    BROWN.get_or_init(|| ReferenceList::parse(text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_brown_list_parses_with_its_total() {
        let b = brown().expect("compiled in for tests");
        assert_eq!(b.total, 1_023_312);
        // 8,000 words fall into fewer keys: inflections share a stem.
        assert!(b.len() > 5_000 && b.len() < 8_000, "{}", b.len());
        // "mine" 61 + "mines" 28 (+ "mined", "mining" if listed).
        assert!(b.count("mine") >= 89);
        assert_eq!(b.count("defectors"), 0, "keys, not words");
    }

    #[test]
    fn junk_never_panics_and_is_skipped() {
        let r = ReferenceList::parse(
            "# total_tokens\tmany\nword\tcount\n\nno tab\nwalls\t-3\nwalls\t4\r\nkim jong\t9\n\t5\n",
        );
        assert_eq!(r.count("wall"), 4);
        assert_eq!(r.len(), 1);
        assert_eq!(r.total, 4, "no readable total: the listed sum");
        assert_eq!(ReferenceList::parse("").total, 0);
        let r = ReferenceList::parse("# total_tokens\t2\nwall\t5\n");
        assert_eq!(r.total, 5, "never smaller than what is listed");
    }
}
