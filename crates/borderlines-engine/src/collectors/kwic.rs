//! Keyword in context (being written).
