//! The selection a view state describes, computed once per query: the query
//! as parsed, the query actually run (after any typo fallback), every
//! matching document, the page of ranked hits, and the facet filters.
//! Every view — the result list, the reader's marks, facets, figures,
//! terms, and later timeline, map and network — is computed from it by a
//! collector; nothing downstream re-parses or re-runs the query.

use borderlines_search::{Highlighter, Query, SearchResults};

use crate::filters::Filter;

/// Everything a view needs to know about which documents are in view.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    /// The query text as typed (filters included).
    pub text: String,
    /// The query as typed, parsed.
    pub parsed: Query,
    /// Ranked page of hits, totals, how the query was understood, every
    /// matching document (`results.matching`) and the query run
    /// (`results.query`, the fuzzy retry after a typo fallback).
    pub results: SearchResults,
    /// The facet filters in the query (the pills).
    pub filters: Vec<Filter>,
    /// Documents in the corpus.
    pub corpus_len: usize,
}

impl Selection {
    /// Every matching document, ascending.
    pub fn docs(&self) -> &[u32] {
        &self.results.matching
    }

    /// Is document `doc` in the selection?
    pub fn contains(&self, doc: u32) -> bool {
        self.results.matching.binary_search(&doc).is_ok()
    }

    /// Does the selection hold the whole corpus (no query at all)?
    pub fn is_everything(&self) -> bool {
        self.parsed.is_empty()
    }

    /// Is anything typed or chosen?
    pub fn is_searching(&self) -> bool {
        !self.parsed.is_empty()
    }

    /// The day spans of the brushed ranges the selection keeps (`date:`
    /// filters that include; exclusions are not marked).
    pub fn brushed_spans(&self) -> Vec<crate::time_bins::DaySpan> {
        self.filters
            .iter()
            .filter(|f| f.kind == crate::facets::FacetKind::Date && !f.excluded)
            .filter_map(|f| crate::time_bins::parse_date_value(&f.value))
            .collect()
    }

    /// The highlighter of the query that ran, shared by every view that
    /// marks matches (snippets are marked by the same resolution).
    pub fn highlighter<'a>(&self, engine: &'a crate::Engine) -> Highlighter<'a> {
        engine.highlighter_for(&self.results.query)
    }
}
