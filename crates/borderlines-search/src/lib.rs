//! Full-text search for Borderlines (work in progress).
