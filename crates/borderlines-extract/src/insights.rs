//! The result of extraction for one document and for a corpus, and the
//! helpers the UI reads: top entities, themes, and non-overlapping spans
//! for the reader.

use std::ops::Range;

use borderlines_core::{Corpus, Document, TitleSource};
use serde::{Deserialize, Serialize};

use crate::claims::{link_claims, Claim};
use crate::dates::{self, DateMention};
use crate::entities::{Entity, EntityBuilder, EntityKind};
use crate::figures::{self, Figure};
use crate::metadata::{self, Metadata};
use crate::quotes::{self, MentionRef, Quote};
use crate::span::{non_overlapping, SpanKind};
use crate::themes::{self, BlockThemes, Theme, ThemeScore};
use crate::tokens::Tokenized;
use crate::Error;

/// Bumped whenever the serialized layout of [`DocumentInsights`] or
/// [`CorpusInsights`] changes (also the JSON `schema_version`).
pub const SCHEMA_VERSION: u32 = 2;

/// Everything extracted from one document. Offsets are [`crate::Loc`]s:
/// block index + byte range in that block's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInsights {
    pub schema_version: u32,
    pub doc_id: String,
    pub metadata: Metadata,
    /// In order of first mention.
    pub entities: Vec<Entity>,
    pub figures: Vec<Figure>,
    pub dates: Vec<DateMention>,
    pub quotes: Vec<Quote>,
    /// Document themes, strongest first.
    pub themes: Vec<ThemeScore>,
    /// Themes per block (blocks with none are left out).
    pub block_themes: Vec<BlockThemes>,
}

/// Cuts text to at most `max` bytes on a char boundary, adding "…".
pub(crate) fn clip(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

/// Extracts metadata, entities, figures, dates, quotes and themes from a
/// document's cleaned blocks. Never fails and never panics; an empty
/// document gives empty insights.
pub fn extract(doc: &Document) -> DocumentInsights {
    let blocks: Vec<Tokenized> = doc.blocks.iter().map(|b| Tokenized::new(&b.text)).collect();
    // The file's word first (a date column), then the text's.
    let file = doc.file_metadata();
    let stated = file
        .and_then(|f| f.date.as_deref())
        .and_then(metadata::file_date)
        .or_else(|| metadata::stated_date(doc.byline.as_deref(), &blocks));
    let pub_date = stated.as_ref().map(|p| p.date);

    let mut all_dates: Vec<DateMention> = Vec::new();
    let mut per_block_dates: Vec<Range<usize>> = Vec::with_capacity(blocks.len());
    for (bi, t) in blocks.iter().enumerate() {
        let s = all_dates.len();
        all_dates.extend(dates::find(bi, t, pub_date));
        per_block_dates.push(s..all_dates.len());
    }

    let dateline = doc.dateline();
    let mut eb = EntityBuilder::new();
    if let Some(d) = &dateline {
        let named = d
            .places
            .iter()
            .chain(&d.region)
            .map(|&(a, b)| (a as usize, b as usize))
            .collect();
        eb.set_dateline(d.block as usize, d.len as usize, named);
    }
    for (bi, t) in blocks.iter().enumerate() {
        eb.scan_block(bi, t);
    }
    // A derived title repeats the first sentence: its names are counted there.
    if doc.title_source != TitleSource::Derived {
        eb.scan_title(&doc.title, &blocks);
    }
    let entities = eb.finish();

    let mut all_figures = Vec::new();
    for (bi, t) in blocks.iter().enumerate() {
        let r = per_block_dates[bi].clone();
        all_figures.extend(figures::find(bi, t, &all_dates[r.clone()], r.start));
    }

    // Mentions bucketed by block once (not per block: that is quadratic).
    let mut by_block: Vec<Vec<MentionRef>> = (0..blocks.len()).map(|_| Vec::new()).collect();
    for e in &entities {
        for m in &e.mentions {
            if let Some(v) = by_block.get_mut(m.loc.block as usize) {
                v.push(MentionRef {
                    start: m.loc.start as usize,
                    end: m.loc.end as usize,
                    entity: e.id,
                    name: &e.name,
                    subject_like: matches!(
                        e.kind,
                        EntityKind::Person | EntityKind::Organisation | EntityKind::Country
                    ) && m.form != crate::entities::MentionForm::Demonym,
                    person: e.kind == EntityKind::Person,
                });
            }
        }
    }
    for refs in &mut by_block {
        refs.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    }
    let mut all_quotes = Vec::new();
    let mut earlier_person: Option<(&str, u32)> = None;
    for (bi, t) in blocks.iter().enumerate() {
        let refs = &by_block[bi];
        all_quotes.extend(quotes::find(bi, t, refs, earlier_person));
        if let Some(m) = refs.iter().rev().find(|m| m.person) {
            earlier_person = Some((m.name, m.entity));
        }
    }

    let mut doc_hits: std::collections::BTreeMap<
        Theme,
        std::collections::BTreeMap<&'static str, u32>,
    > = Default::default();
    let mut doc_words = 0u32;
    let mut block_themes = Vec::new();
    for (bi, t) in blocks.iter().enumerate() {
        let (hits, words) = themes::count_block(t);
        doc_words = doc_words.saturating_add(words);
        let scored = themes::score(&hits, words);
        if !scored.is_empty() {
            block_themes.push(BlockThemes {
                block: bi as u32,
                themes: scored,
            });
        }
        for (theme, terms) in hits {
            let e = doc_hits.entry(theme).or_default();
            for (term, n) in terms {
                *e.entry(term).or_default() += n;
            }
        }
    }
    let doc_themes = themes::score(&doc_hits, doc_words);

    let (authors, _) = doc
        .byline
        .as_deref()
        .map(metadata::byline_parts)
        .unwrap_or_default();
    let dateline = dateline.and_then(|d| {
        let text = doc.blocks.get(d.block as usize)?.text.as_str();
        Some(metadata::dateline_info(
            &d,
            text,
            &entities,
            stated.as_ref(),
            &all_dates,
        ))
    });
    let published = stated
        .or_else(|| dateline.as_ref().and_then(metadata::dateline_date))
        .or_else(|| metadata::inferred_date(&all_dates));
    let metadata = Metadata {
        title: doc.title.clone(),
        title_is_headline: doc.title_source != TitleSource::Derived,
        byline: doc.byline.clone(),
        authors,
        sources: metadata::sources(
            file.and_then(|f| f.source.as_deref()),
            doc.byline.as_deref(),
            &blocks,
            &entities,
        ),
        published,
        language: metadata::language(&blocks),
        dateline,
    };

    DocumentInsights {
        schema_version: SCHEMA_VERSION,
        doc_id: doc.id.clone(),
        metadata,
        entities,
        figures: all_figures,
        dates: all_dates,
        quotes: all_quotes,
        themes: doc_themes,
        block_themes,
    }
}

impl DocumentInsights {
    /// The entity with this id.
    pub fn entity(&self, id: u32) -> Option<&Entity> {
        self.entities.get(id as usize)
    }

    /// The `n` most mentioned entities (ties: first mentioned first).
    pub fn top_entities(&self, n: usize) -> Vec<&Entity> {
        let mut v: Vec<&Entity> = self.entities.iter().collect();
        v.sort_by_key(|e| (std::cmp::Reverse(e.mentions.len()), e.id));
        v.truncate(n);
        v
    }

    /// The `n` most mentioned entities of one kind.
    pub fn top_entities_of(&self, kind: EntityKind, n: usize) -> Vec<&Entity> {
        let mut v: Vec<&Entity> = self.entities.iter().filter(|e| e.kind == kind).collect();
        v.sort_by_key(|e| (std::cmp::Reverse(e.mentions.len()), e.id));
        v.truncate(n);
        v
    }

    /// The document's themes, strongest first.
    pub fn themes(&self) -> &[ThemeScore] {
        &self.themes
    }

    /// The themes of one block (empty when it has none).
    pub fn block_themes(&self, block: usize) -> &[ThemeScore] {
        self.block_themes
            .iter()
            .find(|b| b.block as usize == block)
            .map_or(&[], |b| b.themes.as_slice())
    }

    /// Annotated spans of one block for the reader, sorted and
    /// non-overlapping (the longer span wins where two overlap).
    pub fn spans(&self, block: usize) -> Vec<(Range<usize>, SpanKind)> {
        let b = block as u32;
        let mut v: Vec<(Range<usize>, SpanKind)> = Vec::new();
        // Mentions, figures and dates are each sorted by block: binary search.
        for e in &self.entities {
            let lo = e.mentions.partition_point(|m| m.loc.block < b);
            for m in e.mentions[lo..].iter().take_while(|m| m.loc.block == b) {
                v.push((m.loc.range(), SpanKind::Entity(e.kind)));
            }
        }
        let lo = self.figures.partition_point(|f| f.loc.block < b);
        v.extend(
            self.figures[lo..]
                .iter()
                .take_while(|f| f.loc.block == b)
                .map(|f| (f.loc.range(), SpanKind::Figure)),
        );
        let lo = self.dates.partition_point(|d| d.loc.block < b);
        v.extend(
            self.dates[lo..]
                .iter()
                .take_while(|d| d.loc.block == b)
                .map(|d| (d.loc.range(), SpanKind::Date)),
        );
        non_overlapping(v)
    }
}

/// Insights for a whole corpus plus the claims linking its documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusInsights {
    pub schema_version: u32,
    /// In corpus order, one per document.
    pub documents: Vec<DocumentInsights>,
    pub claims: Vec<Claim>,
}

impl CorpusInsights {
    /// Extracts every document and links claims across them.
    pub fn build(corpus: &Corpus) -> Self {
        Self::from_documents(corpus.documents.iter().map(extract).collect())
    }

    /// Links claims across already extracted documents.
    pub fn from_documents(documents: Vec<DocumentInsights>) -> Self {
        let claims = link_claims(&documents);
        Self {
            schema_version: SCHEMA_VERSION,
            documents,
            claims,
        }
    }

    /// The insights of the document with this id.
    pub fn get(&self, doc_id: &str) -> Option<&DocumentInsights> {
        self.documents.iter().find(|d| d.doc_id == doc_id)
    }

    /// The bytes of insights holding `documents` and `claims`, without
    /// copying them into a [`CorpusInsights`] first: the snapshot writes
    /// its insights in chunks. [`CorpusInsights::from_bytes`] reads them.
    pub fn encode_parts(
        documents: &[DocumentInsights],
        claims: &[Claim],
    ) -> Result<Vec<u8>, Error> {
        // Same postcard layout as `CorpusInsights { schema_version, documents, claims }`.
        postcard::to_allocvec(&(SCHEMA_VERSION, documents, claims))
            .map_err(|e| Error::BadInsights(e.to_string()))
    }

    /// Compact binary form (postcard) for embedding in the page.
    pub fn to_bytes(&self) -> Result<Vec<u8>, Error> {
        postcard::to_allocvec(self).map_err(|e| Error::BadInsights(e.to_string()))
    }

    /// Reads [`CorpusInsights::to_bytes`] output, checking the schema version first.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let (found, _) = postcard::take_from_bytes::<u32>(bytes)
            .map_err(|e| Error::BadInsights(e.to_string()))?;
        if found != SCHEMA_VERSION {
            return Err(Error::SchemaVersion {
                found,
                expected: SCHEMA_VERSION,
            });
        }
        postcard::from_bytes(bytes).map_err(|e| Error::BadInsights(e.to_string()))
    }
}
