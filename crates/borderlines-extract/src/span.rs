//! Locations in a document (block index + byte range in that block's
//! text) and the annotated spans the reader highlights.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::entities::EntityKind;

/// A byte range `start..end` in the text of block `block` of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Loc {
    pub block: u32,
    pub start: u32,
    pub end: u32,
}

impl Loc {
    pub fn new(block: usize, range: Range<usize>) -> Self {
        let c = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Self {
            block: c(block),
            start: c(range.start),
            end: c(range.end),
        }
    }

    /// True when the span is in the document's headline
    /// ([`borderlines_core::TITLE_BLOCK`]), not in a body block.
    pub fn in_title(&self) -> bool {
        self.block == borderlines_core::TITLE_BLOCK
    }

    /// The byte range in the block's text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The located text in `blocks`' texts, or "" when out of range.
    pub fn text<'a>(&self, block_text: &'a str) -> &'a str {
        block_text.get(self.range()).unwrap_or("")
    }
}

/// What an annotated span in the reader is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpanKind {
    Entity(EntityKind),
    Figure,
    Date,
}

/// Keeps a non-overlapping subset of `spans`: earliest first, and at equal
/// starts the longest (so "US Treasury Department" wins over "US").
pub fn non_overlapping(mut spans: Vec<(Range<usize>, SpanKind)>) -> Vec<(Range<usize>, SpanKind)> {
    spans.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<(Range<usize>, SpanKind)> = Vec::with_capacity(spans.len());
    for (r, k) in spans {
        if r.start >= r.end {
            continue;
        }
        match out.last() {
            Some((last, _)) if r.start < last.end => {}
            _ => out.push((r, k)),
        }
    }
    out
}
