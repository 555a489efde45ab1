//! The app's one door to the search engine: a corpus with its index, and
//! the questions the views ask of them (results for a query, marks for a
//! text). Views hold an `Arc<Engine>` and never touch index internals.

use std::ops::Range;
use std::sync::Arc;

use borderlines_core::Corpus;
use borderlines_search::{Query, SearchIndex, SearchOptions, SearchResults};

/// How many hits the result list shows at most.
pub const RESULT_LIMIT: usize = 100;

/// A corpus and its search index.
pub struct Engine {
    corpus: Arc<Corpus>,
    index: SearchIndex,
}

impl Engine {
    /// Pairs a corpus with the index built from it.
    pub fn new(corpus: Arc<Corpus>, index: SearchIndex) -> Self {
        Self { corpus, index }
    }

    /// Indexes a corpus in place (documents the user loads).
    pub fn build(corpus: Arc<Corpus>) -> Self {
        let index = SearchIndex::build(&corpus);
        Self { corpus, index }
    }

    /// The documents.
    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }

    /// Ranked results for the query text; a blank query lists every document.
    pub fn search(&self, query: &str) -> SearchResults {
        let options = SearchOptions {
            limit: RESULT_LIMIT,
            ..SearchOptions::default()
        };
        self.index
            .search(&self.corpus, &Query::parse(query), &options)
    }

    /// Byte ranges to mark in each of `texts` for the query.
    pub fn highlight_all<'a>(
        &self,
        query: &str,
        texts: impl IntoIterator<Item = &'a str>,
    ) -> Vec<Vec<Range<usize>>> {
        let query = Query::parse(query);
        let highlighter = self.index.highlighter(&query);
        texts.into_iter().map(|t| highlighter.ranges(t)).collect()
    }
}
