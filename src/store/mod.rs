//! Storage of the index.
