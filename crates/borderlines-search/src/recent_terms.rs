//! A small cache in front of the index builder's table of surfaces.
//!
//! Building the index looks every token's surface up in a table of all
//! the surfaces seen so far. On a large corpus that table has hundreds of
//! thousands of entries, so each lookup misses the CPU cache twice (the
//! slot, then the string it points to): profiled on 14,491 files, those
//! lookups were two thirds of indexing. Word frequencies are steep (a few
//! thousand words make most of any text), so a direct-mapped cache of
//! short surfaces stored inline, small enough to stay in cache, answers
//! most lookups in one probe.

use std::hash::{BuildHasher, BuildHasherDefault};

use rustc_hash::FxHasher;

/// Slots in the cache (a power of two): 8,192 × 32 bytes.
const SLOTS: usize = 1 << 13;
/// Longest surface kept (longer ones always go to the table).
const MAX_LEN: usize = 26;

#[derive(Clone, Copy)]
struct Slot {
    len: u8,
    bytes: [u8; MAX_LEN],
    id: u32,
}

const EMPTY: Slot = Slot {
    len: 0,
    bytes: [0; MAX_LEN],
    id: 0,
};

/// Recently seen surfaces and their term ids (see the module docs).
pub(crate) struct RecentTerms {
    slots: Vec<Slot>,
}

impl Default for RecentTerms {
    fn default() -> Self {
        Self {
            slots: vec![EMPTY; SLOTS],
        }
    }
}

impl RecentTerms {
    fn slot(surface: &str) -> usize {
        let h = BuildHasherDefault::<FxHasher>::default().hash_one(surface.as_bytes());
        // The high bits: Fx's low bits mix least.
        (h >> 32) as usize & (SLOTS - 1)
    }

    /// The id cached for `surface`, if any.
    #[inline]
    pub(crate) fn get(&self, surface: &str) -> Option<u32> {
        let n = surface.len();
        if n == 0 || n > MAX_LEN {
            return None;
        }
        let s = &self.slots[Self::slot(surface)];
        (usize::from(s.len) == n && &s.bytes[..n] == surface.as_bytes()).then_some(s.id)
    }

    /// Remembers `surface` → `id` (replacing whatever shared its slot).
    #[inline]
    pub(crate) fn put(&mut self, surface: &str, id: u32) {
        let n = surface.len();
        if n == 0 || n > MAX_LEN {
            return;
        }
        let s = &mut self.slots[Self::slot(surface)];
        s.len = n as u8;
        s.bytes[..n].copy_from_slice(surface.as_bytes());
        s.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_what_it_was_told_and_nothing_else() {
        let mut r = RecentTerms::default();
        assert_eq!(r.get("fence"), None);
        r.put("fence", 7);
        assert_eq!(r.get("fence"), Some(7));
        assert_eq!(r.get("fences"), None);
        assert_eq!(r.get("fenc"), None);
        let long = "a".repeat(MAX_LEN + 1);
        r.put(&long, 9);
        assert_eq!(r.get(&long), None, "long surfaces are not cached");
        assert_eq!(r.get(""), None);
    }

    #[test]
    fn a_slot_shared_by_two_surfaces_answers_only_the_last() {
        let mut r = RecentTerms::default();
        let words: Vec<String> = (0..SLOTS * 3).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            r.put(w, i as u32);
        }
        for (i, w) in words.iter().enumerate() {
            if let Some(id) = r.get(w) {
                assert_eq!(id, i as u32, "{w}");
            }
        }
    }
}
