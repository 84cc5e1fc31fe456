//! Types exchanged between the client and the index.
