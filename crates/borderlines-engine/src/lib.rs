//! Borderlines' engine: the one door from the app to the core crates.
//!
//! - [`Engine`]: a corpus, its search index (`borderlines-search`), its
//!   insights (`borderlines-extract`) and its [`facets`], behind one
//!   versioned [`snapshot`] format.
//! - [`Selection`]: what a view state selects, computed once per query.
//! - [`collectors`]: what each view shows, computed from a selection.
//! - [`filters`]: facet filters as query text (one truth: the query).
//! - [`view_state`]: the whole view as a URL fragment.
//! - [`keyness`] (G², log ratio) and the [`reference`](mod@reference) word list, for the
//!   terms view; [`export`]: tables as CSV; [`svg`]: pictures as
//!   self-contained SVG files.
//!
//! Pure Rust, no web dependencies, tested natively; nothing here panics on
//! input.
//!
//! ```
//! use std::sync::Arc;
//! use borderlines_engine::{collectors::facet_counts::facet_counts, Engine};
//! let doc = borderlines_core::parse_document("a", "Fences on the Tumen\nNorth Korea built fences along the Tumen River in 2020.").unwrap();
//! let engine = Engine::build(Arc::new(borderlines_core::Corpus { documents: vec![doc] }));
//! let selection = engine.select("fences year:2020", 20);
//! assert_eq!(selection.docs(), &[0]);
//! let panels = facet_counts(&engine, &selection);
//! assert!(panels.iter().any(|p| p.values.iter().any(|v| engine.facets().label(v.id) == "Tumen River")));
//! ```

pub mod collectors;
pub mod corpus_export;
pub mod doc_dates;
pub mod engine;
pub mod entity_blocks;
pub mod error;
pub mod export;
pub mod facets;
pub mod fields;
pub mod filters;
pub mod geo;
pub mod keyness;
pub mod layout;
pub mod page_corpus;
pub mod reference;
pub mod selection;
pub mod snapshot;
pub mod svg;
pub mod time_bins;
pub mod timeline_chart;
pub mod view_state;

pub use engine::{Engine, EngineBuilder};
pub use error::EngineError;
pub use selection::Selection;
pub use view_state::{View, ViewState};
