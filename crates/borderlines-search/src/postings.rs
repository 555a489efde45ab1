//! Compact posting lists: every number is a LEB128 varint, documents and
//! positions are delta-coded.
//!
//! Each term has two byte streams. The *document stream* holds, per
//! document containing the term: the document delta, a flags word
//! `body_tf << 2 | has_title << 1 | has_byline`, the title and byline term
//! frequencies when their flag is set, and the byte length of the
//! document's positions. The *position stream* holds the positions
//! themselves, delta-coded within each document. Keeping the byte length in
//! the document stream lets ranking skip positions entirely and lets
//! phrases and snippets jump straight to one document's positions.

/// Appends `v` as a LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a varint at `*at`, advancing it; `None` on truncated or overlong input.
#[inline]
pub fn get_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut v: u32 = 0;
    let mut shift = 0;
    loop {
        let b = *bytes.get(*at)?;
        *at += 1;
        if shift > 28 {
            return None;
        }
        v |= u32::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(v);
        }
        shift += 7;
    }
}

/// One document of a term's posting list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    /// Term frequency in title, byline, body.
    pub tf: [u32; 3],
    /// Where this document's positions start in the index's position bytes.
    pub pos_off: u32,
}

impl Posting {
    /// Occurrences in all fields.
    pub fn total(&self) -> u32 {
        self.tf.iter().fold(0u32, |a, &b| a.saturating_add(b))
    }
}

/// Appends one document's entry to a term's streams. `positions` must be
/// ascending (the tokenizer emits them so; duplicates are kept).
pub fn push_posting(
    docs: &mut Vec<u8>,
    pos: &mut Vec<u8>,
    doc_delta: u32,
    tf: [u32; 3],
    positions: &[u32],
) {
    put_varint(docs, doc_delta);
    let flags = (tf[2] << 2) | (u32::from(tf[0] > 0) << 1) | u32::from(tf[1] > 0);
    put_varint(docs, flags);
    if tf[0] > 0 {
        put_varint(docs, tf[0]);
    }
    if tf[1] > 0 {
        put_varint(docs, tf[1]);
    }
    let before = pos.len();
    let mut prev = 0;
    for &p in positions {
        put_varint(pos, p.saturating_sub(prev));
        prev = p;
    }
    put_varint(docs, u32::try_from(pos.len() - before).unwrap_or(u32::MAX));
}

/// Iterates a term's document stream. Corrupt input ends the iteration.
pub struct PostingIter<'a> {
    bytes: &'a [u8],
    at: usize,
    doc: u32,
    pos_off: u32,
    first: bool,
}

impl<'a> PostingIter<'a> {
    /// `bytes` is the term's document stream, `pos_off` where its positions start.
    pub fn new(bytes: &'a [u8], pos_off: u32) -> Self {
        Self {
            bytes,
            at: 0,
            doc: 0,
            pos_off,
            first: true,
        }
    }
}

impl Iterator for PostingIter<'_> {
    type Item = Posting;

    #[inline]
    fn next(&mut self) -> Option<Posting> {
        if self.at >= self.bytes.len() {
            return None;
        }
        let delta = get_varint(self.bytes, &mut self.at)?;
        let doc = if self.first {
            delta
        } else {
            self.doc.checked_add(delta)?
        };
        self.first = false;
        let flags = get_varint(self.bytes, &mut self.at)?;
        let title = if flags & 2 != 0 {
            get_varint(self.bytes, &mut self.at)?
        } else {
            0
        };
        let byline = if flags & 1 != 0 {
            get_varint(self.bytes, &mut self.at)?
        } else {
            0
        };
        let len = get_varint(self.bytes, &mut self.at)?;
        let p = Posting {
            doc,
            tf: [title, byline, flags >> 2],
            pos_off: self.pos_off,
        };
        self.doc = doc;
        self.pos_off = self.pos_off.saturating_add(len);
        Some(p)
    }
}

/// Decodes `count` delta-coded positions starting at `off` into `out`.
pub fn read_positions(bytes: &[u8], off: u32, count: u32, out: &mut Vec<u32>) {
    let mut at = off as usize;
    let mut p = 0u32;
    for _ in 0..count {
        match get_varint(bytes, &mut at) {
            Some(d) => {
                p = p.saturating_add(d);
                out.push(p);
            }
            None => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn varints_round_trip(v in any::<u32>()) {
            let mut b = Vec::new();
            put_varint(&mut b, v);
            let mut at = 0;
            prop_assert_eq!(get_varint(&b, &mut at), Some(v));
            prop_assert_eq!(at, b.len());
        }

        #[test]
        fn postings_round_trip(entries in proptest::collection::vec((0u32..5, 0u32..3, 0u32..3, proptest::collection::vec(0u32..50, 0..6)), 0..20)) {
            let (mut docs, mut pos) = (Vec::new(), Vec::new());
            let mut expect = Vec::new();
            let mut doc = 0;
            for (i, (delta, t, b, mut ps)) in entries.into_iter().enumerate() {
                let delta = if i == 0 { delta } else { delta + 1 };
                doc += delta;
                ps.sort_unstable();
                let tf = [t, b, ps.len() as u32 - (t + b).min(ps.len() as u32)];
                push_posting(&mut docs, &mut pos, delta, tf, &ps);
                expect.push((doc, tf, ps));
            }
            let got: Vec<Posting> = PostingIter::new(&docs, 0).collect();
            prop_assert_eq!(got.len(), expect.len());
            for (g, (d, tf, ps)) in got.iter().zip(expect) {
                prop_assert_eq!(g.doc, d);
                prop_assert_eq!(g.tf, tf);
                let mut out = Vec::new();
                read_positions(&pos, g.pos_off, ps.len() as u32, &mut out);
                prop_assert_eq!(out, ps);
            }
        }
    }

    #[test]
    fn truncated_input_ends_iteration_without_panic() {
        assert_eq!(get_varint(&[0x80, 0x80], &mut 0), None);
        assert_eq!(get_varint(&[0xff; 6], &mut 0), None);
        assert_eq!(PostingIter::new(&[1, 0x80], 0).count(), 0);
    }
}
