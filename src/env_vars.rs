//! Every environment variable iface reads, in one place.
//!
//! clap reads the ones that back a flag (through `env = ...` in `cli.rs`);
//! the rest are read where they are used, always through these constants.

/// Comma-separated index URLs or paths, tried in order after any `--index`.
pub const IFACE_INDEX: &str = "IFACE_INDEX";
/// The cache directory (default: the user cache directory).
pub const IFACE_CACHE_DIR: &str = "IFACE_CACHE_DIR";
/// A bearer token for the index; overrides the one saved by `iface login`.
pub const IFACE_TOKEN: &str = "IFACE_TOKEN";
/// The admin token `iface serve` accepts.
pub const IFACE_ADMIN_TOKEN: &str = "IFACE_ADMIN_TOKEN";
/// The listen address of `iface serve`.
pub const IFACE_LISTEN: &str = "IFACE_LISTEN";
/// The data directory of `iface serve`.
pub const IFACE_DATA_DIR: &str = "IFACE_DATA_DIR";
/// Set to any non-empty value to turn colour off (<https://no-color.org>).
pub const NO_COLOR: &str = "NO_COLOR";
/// The store of `iface serve`: `sqlite:PATH` or `postgres://...`.
pub const IFACE_DATABASE_URL: &str = "IFACE_DATABASE_URL";
/// Log filter for `iface serve` (tracing's `EnvFilter` syntax, e.g. `info`).
pub const IFACE_LOG: &str = "IFACE_LOG";

/// All of them with a one-line description, for `--help` and the README.
pub const ALL: &[(&str, &str)] = &[
    (
        IFACE_INDEX,
        "comma-separated index URLs or paths, tried after any --index",
    ),
    (IFACE_CACHE_DIR, "cache directory (same as --cache-dir)"),
    (
        IFACE_TOKEN,
        "bearer token for publishing; overrides `iface login`",
    ),
    (IFACE_ADMIN_TOKEN, "admin token accepted by `iface serve`"),
    (
        IFACE_LISTEN,
        "listen address of `iface serve` (same as --listen)",
    ),
    (
        IFACE_DATA_DIR,
        "data directory of `iface serve` (same as --data)",
    ),
    (
        IFACE_LOG,
        "log filter of `iface serve`, e.g. `info` or `iface=debug`",
    ),
    (NO_COLOR, "turn colour off when set to a non-empty value"),
];
