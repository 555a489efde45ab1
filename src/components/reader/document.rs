//! The open document cut for reading (pieces, chunks, annotation index),
//! made once when a document is opened.

use std::ops::Range;
use std::sync::Arc;

use borderlines_core::pieces::{chunks, pieces, Piece};
use borderlines_core::{BlockKind, Document};
use borderlines_engine::Engine;
use borderlines_extract::DocumentInsights;

use crate::annotations::AnnotationIndex;

/// Below this many chunks the whole document is rendered at once (what
/// every news article is); above it, chunks render near the viewport.
pub const RENDER_ALL_CHUNKS: usize = 6;

/// A document as the reader shows it.
#[derive(Clone)]
pub struct OpenDocument {
    pub engine: Arc<Engine>,
    pub index: usize,
    pub pieces: Arc<Vec<Piece>>,
    pub chunks: Arc<Vec<Range<usize>>>,
    pub annotations: Arc<AnnotationIndex>,
}

impl PartialEq for OpenDocument {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.engine, &other.engine) && self.index == other.index
    }
}

impl OpenDocument {
    pub fn new(engine: Arc<Engine>, index: usize) -> Option<Self> {
        let doc = engine.corpus().documents.get(index)?;
        let pieces = pieces(doc);
        let chunks = chunks(&pieces);
        let annotations = engine
            .insights(index)
            .map(AnnotationIndex::new)
            .unwrap_or_default();
        Some(OpenDocument {
            pieces: Arc::new(pieces),
            chunks: Arc::new(chunks),
            annotations: Arc::new(annotations),
            engine,
            index,
        })
    }

    pub fn doc(&self) -> &Document {
        &self.engine.corpus().documents[self.index]
    }

    pub fn insights(&self) -> Option<&DocumentInsights> {
        self.engine.insights(self.index)
    }

    /// The text of a piece.
    pub fn text(&self, piece: &Piece) -> &str {
        self.doc()
            .blocks
            .get(piece.block as usize)
            .and_then(|b| b.text.get(piece.range()))
            .unwrap_or("")
    }

    pub fn kind(&self, piece: &Piece) -> BlockKind {
        self.doc()
            .blocks
            .get(piece.block as usize)
            .map_or(BlockKind::Paragraph, |b| b.kind)
    }

    /// Does the next piece continue the same block?
    pub fn continues(&self, piece_index: usize) -> bool {
        match (
            self.pieces.get(piece_index),
            self.pieces.get(piece_index + 1),
        ) {
            (Some(a), Some(b)) => a.block == b.block,
            _ => false,
        }
    }

    /// A guess of a chunk's height in CSS pixels before it is rendered, from
    /// its text length at the reader's measure (~75 characters a line,
    /// 1.7 line height at 17 px, paragraph gap 1.1 em); replaced by the
    /// measured height once the chunk has been on screen.
    pub fn estimated_height(&self, chunk: usize) -> f64 {
        let Some(range) = self.chunks.get(chunk) else {
            return 0.0;
        };
        range
            .clone()
            .map(|i| {
                let p = &self.pieces[i];
                // Bytes, not characters: counting characters of 25 MB on
                // open would cost more than the estimate is worth.
                let lines = (p.len() as f64 / 80.0).ceil().max(1.0);
                let gap = if self.continues(i) { 0.0 } else { 19.0 };
                lines * 29.4 + gap
            })
            .sum()
    }
}
