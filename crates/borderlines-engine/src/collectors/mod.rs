//! Collectors: small functions from a [`crate::Selection`] (and the engine
//! it came from) to what one view shows, in the spirit of tantivy's
//! `collector/`. Each is tested natively; none re-parses the query.
//!
//! | collector | view |
//! |---|---|
//! | [`facet_counts`] | facet panel: values with counts within the selection |
//! | [`figures`] | figures table and claims across sources |
//! | [`terms`] | distinctive terms (G², log ratio), frequency per document |
//! | [`kwic`] | keyword in context |
//! | [`network`] | entity network: co-occurrence in paragraphs, layout, CSV |
//! | [`network_svg`] | the entity network as an SVG file |
//! | [`timeline`] | publication and mentioned dates per bin, a figure series, passages behind a bar |
//! | [`places`] | map: places, provinces and borders talked about |

pub mod facet_counts;
pub mod figures;
pub mod kwic;
pub mod network;
pub mod network_svg;
pub mod places;
pub mod terms;
pub mod timeline;
