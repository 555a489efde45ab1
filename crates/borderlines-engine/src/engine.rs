//! The engine: a corpus, its search index, its insights and its facet
//! values, and the questions views ask of them. The app holds an
//! `Arc<Engine>` and asks it for a [`Selection`]; every view is a collector
//! over that selection (see [`crate::collectors`]).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use borderlines_core::{Corpus, Document};
use borderlines_extract::{CorpusInsights, DocumentInsights};
use borderlines_search::index::IndexBuilder;
use borderlines_search::vectors::TermStats;
use borderlines_search::{Highlighter, Query, SearchIndex, SearchOptions};

use crate::collectors::places::MapIndex;
use crate::doc_dates::DocDates;
use crate::entity_blocks::EntityBlocks;
use crate::error::EngineError;
use crate::facets::FacetIndex;
use crate::fields::{DatedDocs, FacetFields};
use crate::filters::filters_of;
use crate::selection::Selection;
use crate::snapshot;

/// Adds documents to an engine one at a time — indexing and extracting
/// each as it comes, so a loader can do it while the rest of the files are
/// still arriving — then gathers what spans documents (the index's
/// dictionaries, the claims, the facets) once, in [`finish`](Self::finish).
/// The documents already in the engine keep their postings and insights.
pub struct EngineBuilder {
    documents: Vec<Document>,
    index: IndexBuilder,
    /// Document `i`'s insights; `None` while another thread extracts it
    /// (see [`index_only`](Self::index_only)).
    insights: Vec<Option<DocumentInsights>>,
}

impl EngineBuilder {
    /// A builder holding `engine`'s documents.
    pub fn extending(engine: Engine) -> Self {
        let Engine {
            corpus,
            index,
            insights,
            ..
        } = engine;
        let documents = Arc::try_unwrap(corpus)
            .map(|c| c.documents)
            .unwrap_or_else(|shared| shared.documents.clone());
        Self {
            documents,
            index: IndexBuilder::extending(index),
            insights: insights.documents.into_iter().map(Some).collect(),
        }
    }

    /// Indexes and extracts `doc` (its id must be unique in the corpus).
    pub fn add(&mut self, doc: Document) {
        self.index.add(&doc);
        self.insights.push(Some(borderlines_extract::extract(&doc)));
        self.documents.push(doc);
    }

    /// Indexes `doc` and leaves its extraction to someone else (a helper
    /// worker), who hands the insights back with
    /// [`set_insights`](Self::set_insights). Returns the document's
    /// position. Whatever is still missing at [`finish`](Self::finish) is
    /// extracted there, so a helper that fails loses nothing.
    pub fn index_only(&mut self, doc: Document) -> usize {
        self.index.add(&doc);
        self.insights.push(None);
        self.documents.push(doc);
        self.documents.len() - 1
    }

    /// The insights of the documents at `first`, `first + 1`, … (as many
    /// as given), extracted elsewhere. Positions past the documents held
    /// are ignored.
    pub fn set_insights(&mut self, first: usize, insights: Vec<DocumentInsights>) {
        for (slot, ins) in self.insights.iter_mut().skip(first).zip(insights) {
            *slot = Some(ins);
        }
    }

    /// The documents at `range`, to send to whoever extracts them.
    pub fn documents(&self, range: Range<usize>) -> &[Document] {
        self.documents.get(range).unwrap_or_default()
    }

    /// Documents held so far.
    pub fn len(&self) -> usize {
        self.documents.len()
    }

    /// Whether no document is held.
    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    /// The engine: the index frozen, the claims linked, the facets gathered.
    pub fn finish(self) -> Engine {
        let insights = self
            .insights
            .into_iter()
            .zip(&self.documents)
            .map(|(ins, doc)| ins.unwrap_or_else(|| borderlines_extract::extract(doc)))
            .collect();
        Engine::new(
            Arc::new(Corpus {
                documents: self.documents,
            }),
            self.index.finish(),
            CorpusInsights::from_documents(insights),
        )
    }
}

/// A corpus with everything computed from it.
pub struct Engine {
    corpus: Arc<Corpus>,
    index: SearchIndex,
    insights: CorpusInsights,
    facets: FacetIndex,
    /// Document vectors for the terms view, built on first use (most
    /// sessions never open it).
    term_stats: OnceLock<TermStats>,
    /// Entity value ids per paragraph for the network view, built on first use.
    entity_blocks: OnceLock<EntityBlocks>,
    /// Every document's dates as spans, for the timeline and `date:`;
    /// built on first use.
    doc_dates: OnceLock<DocDates>,
    /// Places and border sentences per document for the map (built on
    /// first use).
    map_index: OnceLock<MapIndex>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("documents", &self.corpus.documents.len())
            .finish()
    }
}

impl DatedDocs for Engine {
    fn doc_dates(&self) -> &DocDates {
        Engine::doc_dates(self)
    }
}

impl Engine {
    /// Pairs a corpus with the index and insights built from it (document
    /// `i` of each is `corpus.documents[i]`) and gathers its facet values.
    pub fn new(corpus: Arc<Corpus>, index: SearchIndex, insights: CorpusInsights) -> Self {
        let facets = FacetIndex::build(&insights);
        Self::from_parts(corpus, index, insights, facets)
    }

    /// Pairs the parts with facet values already gathered from `insights`
    /// (the snapshot opener gathers them a chunk at a time).
    pub(crate) fn from_parts(
        corpus: Arc<Corpus>,
        index: SearchIndex,
        insights: CorpusInsights,
        facets: FacetIndex,
    ) -> Self {
        Self {
            corpus,
            index,
            insights,
            facets,
            term_stats: OnceLock::new(),
            entity_blocks: OnceLock::new(),
            doc_dates: OnceLock::new(),
            map_index: OnceLock::new(),
        }
    }

    /// Indexes and extracts a corpus (documents the user loads).
    pub fn build(corpus: Arc<Corpus>) -> Self {
        let index = SearchIndex::build(&corpus);
        let insights = CorpusInsights::build(&corpus);
        Self::new(corpus, index, insights)
    }

    /// This engine with `documents` appended, indexing and extracting only
    /// them (see [`EngineBuilder`]). Ids must already be unique
    /// (`borderlines_core::load::with_unique_ids`).
    pub fn extend(self, documents: Vec<Document>) -> Self {
        let mut builder = EngineBuilder::extending(self);
        for doc in documents {
            builder.add(doc);
        }
        builder.finish()
    }

    /// This engine without the documents whose ids are in `ids` (ids not
    /// in the corpus are ignored): the others keep their insights; the
    /// index is built again from them (postings cannot be taken out of its
    /// compressed lists), and the claims and facets are gathered again.
    pub fn without(self, ids: &HashSet<&str>) -> Self {
        let Engine {
            corpus, insights, ..
        } = self;
        let mut corpus = Arc::try_unwrap(corpus).unwrap_or_else(|shared| Corpus::clone(&shared));
        let keep: Vec<bool> = corpus
            .documents
            .iter()
            .map(|d| !ids.contains(d.id.as_str()))
            .collect();
        let mut flags = keep.iter();
        corpus
            .documents
            .retain(|_| flags.next().copied().unwrap_or(true));
        let mut flags = keep.iter();
        let mut extracted = insights.documents;
        extracted.retain(|_| flags.next().copied().unwrap_or(true));
        let index = SearchIndex::build(&corpus);
        Self::new(
            Arc::new(corpus),
            index,
            CorpusInsights::from_documents(extracted),
        )
    }

    /// Parses, indexes and extracts texts given as (id, text), in order —
    /// for tools, tests and examples. A text with nothing readable is an
    /// error, so a caller never loses one unawares.
    pub fn from_texts(
        texts: impl IntoIterator<Item = (impl AsRef<str>, impl AsRef<str>)>,
    ) -> Result<Self, borderlines_core::Error> {
        let documents = texts
            .into_iter()
            .map(|(id, text)| borderlines_core::parse_document(id.as_ref(), text.as_ref()))
            .collect::<Result<_, _>>()?;
        Ok(Self::build(Arc::new(Corpus { documents })))
    }

    /// Opens a snapshot written by [`Engine::to_snapshot`].
    /// To open a large snapshot between frames, step a
    /// [`snapshot::SnapshotOpener`] instead.
    pub fn from_snapshot(bytes: &[u8]) -> Result<Self, EngineError> {
        snapshot::SnapshotOpener::new(bytes)?.finish()
    }

    /// The engine as one versioned snapshot.
    pub fn to_snapshot(&self) -> Result<Vec<u8>, EngineError> {
        snapshot::write(&self.corpus, &self.index, &self.insights)
    }

    /// The documents.
    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }

    /// The search index (for collectors; views ask the engine instead).
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Term counts per document and per corpus (built on first call).
    pub fn term_stats(&self) -> &TermStats {
        self.term_stats
            .get_or_init(|| TermStats::build(&self.index))
    }

    /// Entity value ids per paragraph of every document (built on first call).
    pub fn entity_blocks(&self) -> &EntityBlocks {
        self.entity_blocks
            .get_or_init(|| EntityBlocks::build(&self.insights, &self.facets))
    }

    /// Every document's dates (publication and mentioned) as spans of
    /// days (built on first call).
    pub fn doc_dates(&self) -> &DocDates {
        self.doc_dates
            .get_or_init(|| DocDates::build(&self.corpus, &self.insights))
    }

    /// The field resolver of the query language: facets and dates.
    fn fields(&self) -> FacetFields<'_> {
        FacetFields {
            facets: &self.facets,
            dates: Some(self),
        }
    }

    /// Places and border sentences per document, for the map (built on
    /// first call).
    pub fn map_index(&self) -> &MapIndex {
        self.map_index.get_or_init(|| MapIndex::build(self))
    }

    /// Insights of every document, in corpus order, and the claims.
    pub fn all_insights(&self) -> &CorpusInsights {
        &self.insights
    }

    /// Facet values of every document.
    pub fn facets(&self) -> &FacetIndex {
        &self.facets
    }

    /// What was extracted from document `doc` (an index into the corpus).
    pub fn insights(&self, doc: usize) -> Option<&DocumentInsights> {
        self.insights.documents.get(doc)
    }

    /// The selection a query describes, with `limit` ranked hits (snippets
    /// included). A blank query selects every document.
    pub fn select(&self, query: &str, limit: usize) -> Selection {
        let parsed = Query::parse(query);
        let options = SearchOptions {
            limit,
            ..SearchOptions::default()
        };
        let fields = self.fields();
        let results = self
            .index
            .search_with(&self.corpus, &parsed, &options, &fields);
        Selection {
            text: query.to_owned(),
            filters: filters_of(&parsed),
            parsed,
            results,
            corpus_len: self.corpus.documents.len(),
        }
    }

    /// Every document a parsed query matches (no ranking kept, no snippets),
    /// ascending; a blank query matches all.
    pub fn matching(&self, query: &Query) -> Vec<u32> {
        let options = SearchOptions {
            limit: 0,
            snippets: false,
            ..SearchOptions::default()
        };
        let fields = self.fields();
        self.index
            .search_with(&self.corpus, query, &options, &fields)
            .matching
    }

    /// A highlighter for a parsed query (use [`Selection::highlighter`]).
    pub fn highlighter_for(&self, query: &Query) -> Highlighter<'_> {
        let fields = self.fields();
        self.index.highlighter_with(query, &fields)
    }

    /// Byte ranges to mark in each of `texts` for the selection's query.
    pub fn highlight_all<'a>(
        &self,
        selection: &Selection,
        texts: impl IntoIterator<Item = &'a str>,
    ) -> Vec<Vec<Range<usize>>> {
        let h = selection.highlighter(self);
        texts.into_iter().map(|t| h.ranges(t)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        let docs = [
            "Walls Rise on the Tumen\nLeader Kim Jong Un ordered new fences along the Tumen River to stop defectors.",
            "Smugglers on the Yalu\nThe U.S. Treasury Department sanctioned smugglers who moved goods across the Yalu River into China.",
        ];
        let ids = ["d0", "d1", "d2"];
        Engine::from_texts(ids.into_iter().zip(docs)).unwrap()
    }

    #[test]
    fn a_selection_holds_every_match_and_its_filters() {
        let e = engine();
        let s = e.select("", 1);
        assert_eq!(s.docs(), &[0, 1]);
        assert_eq!(
            s.results.hits.len(),
            1,
            "the page is limited, the set is not"
        );
        let s = e.select("river person:kim", 10);
        assert_eq!(s.docs(), &[0]);
        assert_eq!(s.filters.len(), 1);
        assert!(s.contains(0) && !s.contains(1));
    }

    /// Regression: a query matching only through the automatic typo
    /// fallback was marked in snippets but not in the reader.
    #[test]
    fn typo_fallback_marks_the_reader_like_the_snippet() {
        let e = engine();
        let s = e.select("smugglars", 10);
        assert!(s.results.typo_fallback);
        assert_eq!(s.docs(), &[1]);
        let text = &e.corpus().documents[1].blocks[0].text;
        let marks = e.highlight_all(&s, [text.as_str()]);
        let marked: Vec<&str> = marks[0].iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(marked, ["smugglers"]);
    }

    /// Four stories whose figures link into claims across documents, for the
    /// tests that build an engine in parts.
    const FOUR_STORIES: [(&str, &str); 4] = [
        ("a", "Walls Rise on the Tumen\nLeader Kim Jong Un ordered new fences along the Tumen River in 2019."),
        ("b", "Smugglers on the Yalu\nSmugglers moved 300 tonnes of goods across the Yalu River into China in 2019."),
        ("c", "Fences at Hyesan\nGuards near Hyesan added 40 km of fences along the Yalu River in 2019."),
        ("d", "Trade at Sinuiju\nTraders said 200 tonnes of goods crossed the Yalu River into China in 2019."),
    ];

    /// Adding documents to an engine gives the engine built from all of
    /// them at once: same snapshot bytes (index, insights, claims), same
    /// answers.
    #[test]
    fn extending_an_engine_equals_building_it_whole() {
        let texts = FOUR_STORIES;
        let whole = Engine::from_texts(texts).unwrap();
        let first = Engine::from_texts(texts[..2].iter().copied()).unwrap();
        let rest: Vec<Document> = texts[2..]
            .iter()
            .map(|(id, t)| borderlines_core::parse_document(id, t).unwrap())
            .collect();
        let extended = first.extend(rest);
        assert_eq!(
            extended.to_snapshot().unwrap(),
            whole.to_snapshot().unwrap()
        );
        assert_eq!(
            extended.select("yalu person:kim", 10).docs(),
            whole.select("yalu person:kim", 10).docs()
        );
        assert_eq!(extended.select("tonnes", 10).docs(), &[1, 3]);
        // The claims link figures across old and new documents alike.
        let claims = extended.all_insights().claims.len();
        assert!(claims > 0);
        assert_eq!(claims, whole.all_insights().claims.len());
    }

    /// The loading worker indexes while a helper extracts: insights handed
    /// back later, out of order, through bytes, or never (the helper died)
    /// give the engine built in one place.
    #[test]
    fn extraction_done_elsewhere_or_not_at_all_equals_extraction_here() {
        let texts = FOUR_STORIES;
        let whole = Engine::from_texts(texts).unwrap();
        let first = Engine::from_texts(texts[..1].iter().copied()).unwrap();
        let mut builder = EngineBuilder::extending(first);
        for (id, t) in &texts[1..] {
            builder.index_only(borderlines_core::parse_document(id, t).unwrap());
        }
        // The last document's answer arrives first; the second's never.
        let sent = borderlines_extract::batch::encode_documents(builder.documents(3..4));
        let answer = borderlines_extract::batch::extract_encoded(&sent).unwrap();
        let insights = borderlines_extract::batch::decode_insights(&answer, 1).unwrap();
        builder.set_insights(3, insights);
        let third = borderlines_extract::extract(&builder.documents(2..3)[0]);
        builder.set_insights(2, vec![third]);
        assert!(builder.documents(4..9).is_empty());
        assert_eq!(
            builder.finish().to_snapshot().unwrap(),
            whole.to_snapshot().unwrap()
        );
    }

    /// Removing documents gives the engine built without them.
    #[test]
    fn removing_documents_equals_building_without_them() {
        let texts = FOUR_STORIES;
        let all = Engine::from_texts(texts).unwrap();
        let kept = Engine::from_texts([texts[0], texts[3]]).unwrap();
        let removed = all.without(&HashSet::from(["b", "c", "no such id"]));
        assert_eq!(removed.to_snapshot().unwrap(), kept.to_snapshot().unwrap());
        assert_eq!(removed.select("yalu", 10).docs(), &[1]);
    }

    #[test]
    fn snapshots_round_trip_and_refuse_damage() {
        let e = engine();
        let bytes = e.to_snapshot().unwrap();
        let again = Engine::from_snapshot(&bytes).unwrap();
        assert_eq!(again.corpus().documents, e.corpus().documents);
        assert_eq!(again.select("yalu", 5).docs(), &[1]);
        assert_eq!(
            Engine::from_snapshot(b"nope").unwrap_err(),
            EngineError::NotASnapshot
        );
        assert!(matches!(
            Engine::from_snapshot(&bytes[..bytes.len() / 2]),
            Err(EngineError::Damaged(_))
        ));
        let mut wrong = bytes.clone();
        wrong[4] = 9;
        assert!(matches!(
            Engine::from_snapshot(&wrong),
            Err(EngineError::SnapshotVersion { found: 9, .. })
        ));
    }
}
