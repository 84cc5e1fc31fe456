//! The index service.
