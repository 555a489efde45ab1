//! The app's one door to the core: a corpus with its search index and its
//! extracted insights, and the questions the views ask of them (results for
//! a query, marks for a text, what a document mentions). Views hold an
//! `Arc<Engine>` and never touch index internals.

use std::ops::Range;
use std::sync::Arc;

use borderlines_core::Corpus;
use borderlines_extract::{CorpusInsights, DocumentInsights};
use borderlines_search::{Query, SearchIndex, SearchOptions, SearchResults};

use crate::fields::InsightFields;

/// How many hits the result list shows at most.
pub const RESULT_LIMIT: usize = 100;

/// A corpus, its search index and its insights.
pub struct Engine {
    corpus: Arc<Corpus>,
    index: SearchIndex,
    insights: CorpusInsights,
}

impl Engine {
    /// Pairs a corpus with the index and insights built from it.
    pub fn new(corpus: Arc<Corpus>, index: SearchIndex, insights: CorpusInsights) -> Self {
        Self {
            corpus,
            index,
            insights,
        }
    }

    /// Indexes and extracts a corpus in place (documents the user loads).
    pub fn build(corpus: Arc<Corpus>) -> Self {
        let index = SearchIndex::build(&corpus);
        let insights = CorpusInsights::build(&corpus);
        Self {
            corpus,
            index,
            insights,
        }
    }

    /// The documents.
    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }

    /// What was extracted from document `doc` (an index into the corpus).
    pub fn insights(&self, doc: usize) -> Option<&DocumentInsights> {
        let id = &self.corpus.documents.get(doc)?.id;
        self.insights
            .documents
            .get(doc)
            .filter(|i| &i.doc_id == id)
            .or_else(|| self.insights.get(id))
    }

    /// Ranked results for the query text; a blank query lists every document.
    /// Field filters such as `person:kim` are answered by the insights.
    pub fn search(&self, query: &str) -> SearchResults {
        let options = SearchOptions {
            limit: RESULT_LIMIT,
            ..SearchOptions::default()
        };
        let fields = InsightFields {
            insights: &self.insights,
        };
        self.index
            .search_with(&self.corpus, &Query::parse(query), &options, &fields)
    }

    /// Byte ranges to mark in each of `texts` for the query.
    pub fn highlight_all<'a>(
        &self,
        query: &str,
        texts: impl IntoIterator<Item = &'a str>,
    ) -> Vec<Vec<Range<usize>>> {
        let query = Query::parse(query);
        let fields = InsightFields {
            insights: &self.insights,
        };
        let highlighter = self.index.highlighter_with(&query, &fields);
        texts.into_iter().map(|t| highlighter.ranges(t)).collect()
    }
}
