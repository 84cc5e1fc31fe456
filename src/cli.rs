//! The command-line tree. Doc comments here are the help text users read.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::env_vars;

const AFTER_HELP: &str = "\
Exit status:
  0  success (warnings may have been printed)
  1  the operation failed: not found, refused, network, conflict, or check found errors
  2  bad usage or invalid input: an invalid URI, flag or file

Environment:
  IFACE_INDEX        comma-separated index URLs or paths, tried after any --index
  IFACE_CACHE_DIR    cache directory (same as --cache-dir)
  IFACE_TOKEN        bearer token for publishing; overrides `iface login`
  IFACE_ADMIN_TOKEN  admin token accepted by `iface serve`
  IFACE_LISTEN       listen address of `iface serve`
  IFACE_DATA_DIR     data directory of `iface serve`
  IFACE_LOG          log filter of `iface serve`
  NO_COLOR           turn colour off";

/// Find, fetch, publish and compose Juju relation interfaces.
#[derive(Debug, Parser)]
#[command(name = "iface", version, after_long_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Index to use: an http(s) URL, a directory, or a file:// URL; repeat to
    /// try several in order [default: http://127.0.0.1:7415]
    #[arg(long = "index", value_name = "URL", global = true)]
    pub index: Vec<String>,

    /// Cache directory [default: the user cache directory]
    #[arg(long, value_name = "DIR", env = env_vars::IFACE_CACHE_DIR, global = true)]
    pub cache_dir: Option<PathBuf>,

    /// Answer from the cache alone; never touch the network
    #[arg(long, global = true)]
    pub offline: bool,

    /// Output format: text for people, json for computers
    #[arg(long, value_enum, default_value_t = OutputFormat::Text, global = true)]
    pub format: OutputFormat,

    /// Print only data and errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print more about what is being done
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,

    /// When to use colour (NO_COLOR turns it off for auto)
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,

    /// Never show progress bars or spinners
    #[arg(long, global = true)]
    pub no_progress: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Readable text for people
    Text,
    /// JSON for computers
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate an interface directory
    ///
    /// Reports every finding with a stable id, a severity and a path. Exits 1
    /// when there are errors, 0 with warnings only (--strict makes warnings
    /// errors).
    Check(CheckArgs),

    /// Scaffold a new interface in the seed format
    Init(InitArgs),

    /// Build the archive that `iface publish` uploads
    ///
    /// The archive is deterministic: the same tree always packs to the same
    /// bytes, so its SHA-256 identifies it.
    Pack(PackArgs),

    /// Run the interface index: REST API under /v1 and HTML pages
    Serve(ServeArgs),

    /// Regenerate the committed shell completions and man pages
    #[command(hide = true)]
    GenerateFiles(GenerateFilesArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The interface directory
    #[arg(default_value = ".")]
    pub dir: PathBuf,

    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The interface name, e.g. `mysql` or `tls-certificates`
    pub name: String,

    /// Where to create it [default: ./NAME]
    pub dir: Option<PathBuf>,

    /// Make a peer interface (one `peer/` role) instead of provides/requires
    #[arg(long)]
    pub peer: bool,

    /// One-line summary for interface.yaml
    #[arg(long)]
    pub summary: Option<String>,

    /// Maintainer for interface.yaml, e.g. "Jane Doe <jane@example.com>"
    #[arg(long)]
    pub maintainer: Option<String>,

    /// Category for interface.yaml, e.g. database, web, ops
    #[arg(long, default_value = "misc")]
    pub category: String,
}

#[derive(Debug, Args)]
pub struct PackArgs {
    /// The interface directory
    #[arg(default_value = ".")]
    pub dir: PathBuf,

    /// Where to write the archive [default: NAME.tar.gz in the current directory]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:7415", env = env_vars::IFACE_LISTEN)]
    pub listen: SocketAddr,

    /// Data directory (SQLite database and archives) [default: the user data directory]
    #[arg(long, value_name = "DIR", env = env_vars::IFACE_DATA_DIR)]
    pub data: Option<PathBuf>,

    /// File holding the admin token (IFACE_ADMIN_TOKEN also works)
    #[arg(long, value_name = "FILE")]
    pub admin_token_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct GenerateFilesArgs {
    /// The project directory holding completions/ and man/
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}
