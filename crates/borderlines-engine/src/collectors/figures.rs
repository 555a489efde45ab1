//! Figures and claims of a selection (being written).
