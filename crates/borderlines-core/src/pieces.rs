//! A document cut for reading on screen: blocks into pieces of bounded size,
//! pieces into chunks that the reader renders only near the viewport.
//!
//! A 25 MB report, a 300,000-line transcript or a scraper's 5 MB single
//! line must open at once; rendering all of it would create hundreds of
//! thousands of DOM nodes (minutes of work on one thread). So a block longer
//! than [`MAX_PIECE_BYTES`] is cut into pieces at a sentence end, or else at
//! a space, or else at a character boundary, and consecutive pieces form
//! chunks of at most [`MAX_CHUNK_PIECES`] pieces and [`MAX_CHUNK_BYTES`]
//! bytes. Marks and annotations are then computed per chunk, only for the
//! chunks on screen. Cuts never fall inside a word unless a "word" is longer
//! than a piece, so search marks computed per piece match those of the
//! whole block.
//!
//! ```
//! use borderlines_core::{parse_document, pieces::{pieces, chunks}};
//! let long = "Guards patrol the fence. ".repeat(400);
//! let doc = parse_document("d", &format!("A Title Here\n{long}")).unwrap();
//! let ps = pieces(&doc);
//! assert!(ps.len() > 1 && ps.iter().all(|p| p.end - p.start <= 2_000));
//! assert_eq!(chunks(&ps).len(), 1);
//! ```

use std::ops::Range;

use crate::document::Document;

/// Longest piece of a block rendered as one element, in bytes.
pub const MAX_PIECE_BYTES: usize = 2_000;
/// Most pieces in one chunk.
pub const MAX_CHUNK_PIECES: usize = 160;
/// Most bytes in one chunk.
pub const MAX_CHUNK_BYTES: usize = 24_000;

/// A byte range of one block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// The block it belongs to.
    pub block: u32,
    /// Start and end, in bytes of the block's text (on char boundaries).
    pub start: usize,
    pub end: usize,
}

impl Piece {
    /// Is this the first piece of its block (where the block's element starts)?
    pub fn is_first(&self) -> bool {
        self.start == 0
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Every block of `doc` as pieces of at most [`MAX_PIECE_BYTES`], in order.
pub fn pieces(doc: &Document) -> Vec<Piece> {
    let mut out = Vec::with_capacity(doc.blocks.len());
    for (i, block) in doc.blocks.iter().enumerate() {
        let block_id = u32::try_from(i).unwrap_or(u32::MAX);
        for r in cut(&block.text, MAX_PIECE_BYTES) {
            out.push(Piece {
                block: block_id,
                start: r.start,
                end: r.end,
            });
        }
    }
    out
}

/// Cuts `text` into ranges of at most `max` bytes (a range may be longer
/// only if one character is: never, for `max` ≥ 4).
pub fn cut(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(4);
    let mut out = Vec::with_capacity(text.len() / max + 1);
    let mut start = 0;
    while text.len() - start > max {
        let mut limit = start + max;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        // Prefer a sentence end in the second half, then any space.
        let mut half = window.len() / 2;
        while !window.is_char_boundary(half) {
            half += 1;
        }
        let at = window[half..]
            .rfind(". ")
            .map(|i| half + i + 2)
            .or_else(|| window.rfind(char::is_whitespace).map(|i| i + 1))
            .filter(|&i| i > 0)
            .unwrap_or(window.len());
        // Whitespace is one byte for ASCII; for other spaces step past it.
        let mut end = start + at;
        while !text.is_char_boundary(end) {
            end += 1;
        }
        out.push(start..end);
        start = end;
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// Consecutive pieces grouped into chunks (ranges of piece indices) of at
/// most [`MAX_CHUNK_PIECES`] pieces and [`MAX_CHUNK_BYTES`] bytes.
pub fn chunks(pieces: &[Piece]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut bytes = 0;
    for (i, p) in pieces.iter().enumerate() {
        if i > start && (i - start >= MAX_CHUNK_PIECES || bytes + p.len() > MAX_CHUNK_BYTES) {
            out.push(start..i);
            start = i;
            bytes = 0;
        }
        bytes += p.len();
    }
    if start < pieces.len() {
        out.push(start..pieces.len());
    }
    out
}

/// The chunk holding the first piece of `block`, if the block exists.
pub fn chunk_of_block(pieces: &[Piece], chunks: &[Range<usize>], block: u32) -> Option<usize> {
    let piece = pieces.partition_point(|p| p.block < block);
    (pieces.get(piece)?.block == block).then_some(())?;
    chunk_of_piece(chunks, piece)
}

/// The chunk holding piece `piece`.
pub fn chunk_of_piece(chunks: &[Range<usize>], piece: usize) -> Option<usize> {
    let k = chunks.partition_point(|c| c.end <= piece);
    chunks.get(k).filter(|c| c.contains(&piece)).map(|_| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_document;

    #[test]
    fn short_blocks_are_one_piece_each_and_one_chunk() {
        let doc = parse_document(
            "d",
            "Fences on the Tumen\nGuards patrol the new fence every night.\nSmugglers stopped.",
        )
        .unwrap();
        let ps = pieces(&doc);
        assert_eq!(ps.len(), doc.blocks.len());
        assert!(ps.iter().all(Piece::is_first));
        assert_eq!(
            chunks(&ps),
            vec![Range {
                start: 0,
                end: ps.len()
            }]
        );
    }

    #[test]
    fn a_five_megabyte_line_is_cut_between_words_into_bounded_pieces() {
        let line = "word ".repeat(1_000_000);
        let ranges = cut(&line, MAX_PIECE_BYTES);
        assert!(ranges.len() >= line.len() / MAX_PIECE_BYTES);
        let mut at = 0;
        for r in &ranges {
            assert_eq!(r.start, at, "contiguous");
            assert!(r.len() <= MAX_PIECE_BYTES);
            assert!(line[r.clone()].starts_with('w'), "no word is cut");
            at = r.end;
        }
        assert_eq!(at, line.len());
    }

    #[test]
    fn sentence_ends_are_preferred_and_multibyte_text_is_cut_on_char_boundaries() {
        let text = format!("{}. {}", "가".repeat(500), "나다 ".repeat(400));
        for r in cut(&text, 1000) {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            assert!(r.len() <= 1000);
        }
        let no_space = "가".repeat(2000);
        let ranges = cut(&no_space, 1000);
        let (last, full) = ranges.split_last().unwrap();
        assert!(full.iter().all(|r| r.len() <= 1000 && r.len() >= 997));
        assert_eq!(last.end, no_space.len());
        let sentences = "One two three. ".repeat(200);
        let first = cut(&sentences, 1000)[0].clone();
        assert!(sentences[first].ends_with(". "));
    }

    #[test]
    fn three_hundred_thousand_lines_make_bounded_chunks_that_find_their_blocks() {
        let text: String = (0..300_000)
            .map(|i| format!("Line {i} of the transcript.\n"))
            .collect();
        let doc = parse_document("t", &text).unwrap();
        let ps = pieces(&doc);
        let cs = chunks(&ps);
        assert!(cs.iter().all(|c| c.len() <= MAX_CHUNK_PIECES));
        assert_eq!(cs.last().unwrap().end, ps.len());
        let last_block = ps.last().unwrap().block;
        let k = chunk_of_block(&ps, &cs, last_block).unwrap();
        assert_eq!(k, cs.len() - 1);
        assert_eq!(chunk_of_block(&ps, &cs, 0), Some(0));
        assert_eq!(chunk_of_block(&ps, &cs, last_block + 1), None);
        assert_eq!(chunk_of_piece(&cs, ps.len()), None);
    }

    #[test]
    fn empty_and_tiny_texts_do_not_panic() {
        assert_eq!(cut("", 10), vec![Range { start: 0, end: 0 }]);
        assert_eq!(cut("é", 1), vec![Range { start: 0, end: 2 }]);
        assert!(chunks(&[]).is_empty());
        assert_eq!(chunk_of_block(&[], &[], 0), None);
    }
}
