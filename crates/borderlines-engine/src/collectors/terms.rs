//! Distinctive terms of a selection (being written).
