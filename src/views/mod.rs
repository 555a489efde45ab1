//! The views, one folder each, one public component per folder with its
//! private leaves beside it. Each reads the shared [`crate::session`] and
//! renders what a collector of `borderlines-engine` computed from the
//! selection; none touches the index.

pub mod documents;
pub mod facets;
pub mod figures;
pub mod pills;
pub mod tabs;
pub mod terms;

pub use documents::DocumentsView;
pub use facets::FacetPanels;
pub use figures::FiguresView;
pub use pills::FilterPills;
pub use tabs::ViewTabs;
pub use terms::TermsView;
