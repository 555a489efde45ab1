//! Corpus understanding for Borderlines (work in progress).
