//! The views, one folder each, one public component per folder with its
//! private leaves beside it. Each reads the shared [`crate::session`] and
//! renders what a collector of `borderlines-engine` computed from the
//! selection; none touches the index.

use leptos::prelude::window;

pub mod chart;
pub mod documents;
pub mod facets;
pub mod figures;
pub mod lazy_views;
pub mod map;
pub mod network;
pub mod pills;
pub mod tabs;
pub mod terms;
pub mod timeline;

pub use chart::ChartPanel;
pub use documents::DocumentsView;

/// Below this width (px) the layout stacks: facets, list and reader one
/// under the other (the breakpoint of style/*.css).
const STACKED_LAYOUT_PX: f64 = 760.0;

/// Below this width (px) the facets fold into a drawer above the list and
/// the reader (three columns would leave the reader a sliver; style/*.css).
const FACETS_ON_TOP_PX: f64 = 1100.0;

fn window_width() -> Option<f64> {
    window().inner_width().ok().and_then(|w| w.as_f64())
}

/// Is the window narrow enough for the facets to sit, folded, on top?
pub(crate) fn facets_on_top() -> bool {
    window_width().is_some_and(|w| w <= FACETS_ON_TOP_PX)
}

/// Is the window narrow enough for the stacked layout?
pub(crate) fn stacked_layout() -> bool {
    window_width().is_some_and(|w| w <= STACKED_LAYOUT_PX)
}
pub use facets::FacetPanels;
pub use figures::FiguresView;
pub use map::MapView;
pub use pills::FilterPills;
pub use tabs::ViewTabs;
pub use terms::TermsView;
pub use timeline::TimelineView;
