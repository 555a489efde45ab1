//! Corpus understanding for Borderlines: from a cleaned
//! [`borderlines_core::Document`] to [`DocumentInsights`] — metadata,
//! typed entities with every mention, figures with bounds, units and times,
//! dates resolved against the publication date, quotes with speakers,
//! themes — and, across documents, [`Claim`]s that link figures measuring
//! the same thing.
//!
//! Pure Rust with no web dependencies: it runs natively (CLI, build script,
//! tests) and in the browser (wasm32, no threads, no clock, no files; the
//! gazetteer is embedded). Nothing here panics on input.
//!
//! ```
//! let doc = borderlines_core::parse_document("d", "Walls on the Yalu\nNorth Korea built at least 489 km of fences along the Yalu River in 2020, officials said.").unwrap();
//! let ins = borderlines_extract::extract(&doc);
//! assert!(ins.entities.iter().any(|e| e.name == "North Korea"));
//! assert_eq!(ins.figures[0].min, Some(489.0));
//! ```

pub mod batch;
pub mod claims;
pub mod dates;
pub mod entities;
pub mod error;
pub mod figures;
pub mod gazetteer;
pub mod gazetteer_pack;
mod headline;
pub mod insights;
mod korean;
pub mod lexicon;
pub mod metadata;
mod places;
pub mod quotes;
pub mod report;
pub mod span;
pub mod themes;
pub mod tokens;
mod word_set;

pub use claims::{agreement_of, link_claims, Agreement, Claim, ClaimFigure};
pub use dates::{DateKind, DateMention, PartialDate};
pub use entities::{Entity, EntityKind, Mention, MentionForm};
pub use error::Error;
pub use figures::{Bounds, Figure, FigureTime, Qualifier};
pub use gazetteer::{install as install_gazetteer, outlines, Gazetteer, Line, Place, PlaceKind};
pub use gazetteer_pack::NameForm;
pub use insights::{extract, CorpusInsights, DocumentInsights, SCHEMA_VERSION};
pub use metadata::{DatelineInfo, Language, Metadata, Published, Source, SourceKind};
pub use quotes::{Attribution, Quote};
pub use report::{FileError, FileReport, Report};
pub use span::{Loc, SpanKind};
pub use themes::{BlockThemes, Theme, ThemeScore};
