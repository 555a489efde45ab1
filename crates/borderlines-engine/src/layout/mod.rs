//! Geometry computed for the pictures, in plain numbers (no drawing).
//!
//! - [`force`]: a force-directed graph layout (Fruchterman–Reingold), for
//!   the entity network.

pub mod force;
