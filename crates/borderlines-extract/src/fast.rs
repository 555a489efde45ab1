//! A small, fast, non-cryptographic hasher (FNV-1a) for the word maps the
//! extractors query once per token. The keys are our own word lists, not
//! attacker-chosen, so hash flooding is not a concern; SipHash showed up
//! as a tenth of the extraction time.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64 bit.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// Lowercases `w` into `buf` (ASCII fast path).
pub fn lower_into(buf: &mut String, w: &str) {
    buf.clear();
    if w.is_ascii() {
        buf.push_str(w);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(w.chars().flat_map(char::to_lowercase));
    }
}

/// Position of `w` in `list`, ignoring ASCII case.
pub fn find_ci(w: &str, list: &[&str]) -> Option<usize> {
    list.iter().position(|x| x.eq_ignore_ascii_case(w))
}
