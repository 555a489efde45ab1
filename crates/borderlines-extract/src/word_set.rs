//! Word sets and maps whose misses are cheap.
//!
//! Extraction asks word lists about nearly every token ("is this a month?",
//! "a theme term?", "a title?"), and nearly every answer is no. A
//! [`WordFilter`] answers most of those noes with two bit tests on the
//! word's first byte, last byte and length, so only the few words that
//! could be in the list are hashed.
//!
//! ```ignore
//! let s: WordSet = ["fence", "mine"].into_iter().collect();
//! assert!(s.contains("fence") && !s.contains("fences"));
//! ```

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

/// A filter over words: [`WordFilter::may_hold`] is true for every word
/// added (and for some others, never the reverse).
pub(crate) struct WordFilter {
    /// Bit `min(len, 63)` of entry `first byte % 64`.
    by_first: [u64; 64],
    /// Bit `min(len, 63)` of entry `last byte % 64`.
    by_last: [u64; 64],
}

impl Default for WordFilter {
    fn default() -> Self {
        Self {
            by_first: [0; 64],
            by_last: [0; 64],
        }
    }
}

impl WordFilter {
    #[inline]
    fn slots(w: &str) -> Option<(usize, usize, u64)> {
        let b = w.as_bytes();
        Some((
            usize::from(b.first()? & 63),
            usize::from(b.last()? & 63),
            1 << b.len().min(63),
        ))
    }

    pub(crate) fn add(&mut self, w: &str) {
        if let Some((f, l, bit)) = Self::slots(w) {
            self.by_first[f] |= bit;
            self.by_last[l] |= bit;
        }
    }

    /// False only when `w` was never added.
    #[inline]
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        Self::slots(w).is_some_and(|(f, l, bit)| self.by_first[f] & self.by_last[l] & bit != 0)
    }
}

/// A set of words (see the module docs).
#[derive(Default)]
pub(crate) struct WordSet {
    filter: WordFilter,
    set: FxHashSet<Cow<'static, str>>,
}

impl WordSet {
    #[inline]
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.filter.may_hold(w) && self.set.contains(w)
    }

    fn add(&mut self, w: Cow<'static, str>) {
        self.filter.add(&w);
        self.set.insert(w);
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(words: I) -> Self {
        let mut s = Self::default();
        words.into_iter().for_each(|w| s.add(Cow::Borrowed(w)));
        s
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> Self {
        let mut s = Self::default();
        words.into_iter().for_each(|w| s.add(Cow::Owned(w)));
        s
    }
}

/// A map from words (see the module docs).
pub(crate) struct WordMap<V> {
    filter: WordFilter,
    map: FxHashMap<&'static str, V>,
}

impl<V> WordMap<V> {
    #[inline]
    pub(crate) fn get_key_value(&self, w: &str) -> Option<(&'static str, &V)> {
        if !self.filter.may_hold(w) {
            return None;
        }
        self.map.get_key_value(w).map(|(k, v)| (*k, v))
    }
}

impl<V> FromIterator<(&'static str, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(pairs: I) -> Self {
        let mut filter = WordFilter::default();
        let map = pairs.into_iter().inspect(|(w, _)| filter.add(w)).collect();
        Self { filter, map }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The filter never turns away a word that is in the set.
        #[test]
        fn a_word_in_the_set_is_always_found(words in proptest::collection::vec("\\PC{1,12}", 1..40), probe in "\\PC{0,12}") {
            let words: Vec<&'static str> = words.into_iter().map(|w| &*Box::leak(w.into_boxed_str())).collect();
            let set: WordSet = words.iter().copied().collect();
            for w in &words {
                proptest::prop_assert!(set.contains(w));
            }
            proptest::prop_assert_eq!(set.contains(&probe), words.contains(&probe.as_str()));
        }
    }

    #[test]
    fn misses_are_answered_and_the_empty_word_is_never_held() {
        let set: WordSet = ["fence", "mine", "barbed wire"].into_iter().collect();
        assert!(set.contains("barbed wire"));
        assert!(!set.contains("fences") && !set.contains("") && !set.contains("Fence"));
        let map: WordMap<u8> = [("fence", 1)].into_iter().collect();
        assert_eq!(map.get_key_value("fence"), Some(("fence", &1)));
        assert_eq!(map.get_key_value("fend"), None);
    }
}
