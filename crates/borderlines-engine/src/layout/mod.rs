//! Geometry computed for the pictures, in plain numbers (no drawing).
//!
//! - [`force`]: a force-directed graph layout (Fruchterman–Reingold), for
//!   the entity network.
//! - [`nearest`]: which mark an arrow key moves to.

pub mod force;
pub mod nearest;
