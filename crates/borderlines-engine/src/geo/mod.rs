//! Geography for the map view: the [`projection`] (Albers equal-area
//! conic for north-east Asia), the [`outlines`] projected at build time and
//! the land borders found in them, SVG [`paths`] of them, and the
//! [`frame`] on screen (default framing, zoom, pan, the link's `mbox`).
//! What the map shows of a selection is computed by
//! [`crate::collectors::places`].

pub mod border_talk;
pub mod frame;
pub mod map_svg;
pub mod outlines;
pub mod paths;
pub mod picture;
pub mod projection;
