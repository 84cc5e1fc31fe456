//! iface: find, fetch, publish and compose Juju relation interfaces.
//!
//! The binary in `main.rs` only parses arguments and dispatches; everything it
//! runs lives here so that tests can reach it.

pub mod archive;
pub mod cache;
pub mod check;
pub mod cli;
pub mod client;
pub mod commands;
pub mod compose;
pub mod config;
pub mod diff;
pub mod env_vars;
pub mod error;
pub mod fsutil;
pub mod generate;
pub mod manifest;
pub mod printer;
pub mod schema;
pub mod server;
pub mod store;
pub mod tree;
pub mod uri;
pub mod watch;
pub mod wire;
