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
//! | [`places`] | map: places, provinces and borders talked about |

pub mod facet_counts;
pub mod figures;
pub mod kwic;
pub mod places;
pub mod terms;
