//! The command-line tree. Doc comments here are the help text users read.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::{config, env_vars};

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
  IFACE_DATABASE_URL store of `iface serve`: sqlite:PATH or postgres://...
  IFACE_LOG          log filter of `iface serve`
  NO_COLOR           turn colour off

Files (in the user config directory, ~/.config/iface on Linux):
  config.yaml        indexes (a list, tried after IFACE_INDEX), timeout, connect-timeout, retries
  credentials.json   tokens saved by `iface login`, one per index (mode 0600)";

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
    /// try several in order, before IFACE_INDEX and config.yaml [default:
    /// http://127.0.0.1:7415 when none of them names one]
    #[arg(long = "index", value_name = "URL", global = true)]
    pub index: Vec<String>,

    /// Cache directory [default: the user cache directory]
    #[arg(long, value_name = "DIR", env = env_vars::IFACE_CACHE_DIR, global = true)]
    pub cache_dir: Option<PathBuf>,

    /// Answer from the cache (and local index directories) alone; never
    /// touch the network
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

    /// Seconds one request to an index may take, body included [default: 60,
    /// or `timeout:` in config.yaml]
    #[arg(long, value_name = "SECONDS", value_parser = config::parse_seconds, global = true)]
    pub timeout: Option<f64>,

    /// Seconds to wait for a connection to an index [default: 10, or
    /// `connect-timeout:` in config.yaml]
    #[arg(long, value_name = "SECONDS", value_parser = config::parse_seconds, global = true)]
    pub connect_timeout: Option<f64>,
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

    /// List the interfaces of the index
    ///
    /// A table of URI, version, latest revision and summary; with several
    /// indexes, each one's interfaces, marked with the index.
    #[command(visible_alias = "ls")]
    List(ListArgs),

    /// Search interfaces by name, summary, description, category and maintainers
    Search(SearchArgs),

    /// Show an interface: summary, maintainers, roles, revisions and README
    Show(ShowArgs),

    /// Fetch interfaces into DIR/<name>/ through the verified cache
    ///
    /// Every URI is resolved in one request per index, archives missing from
    /// the cache are downloaded in parallel and checked against their SHA-256,
    /// then each is unpacked exactly as it was published, symlinks included.
    /// A directory of fetched interfaces works as charm-tools'
    /// CHARM_INTERFACES_DIR.
    Fetch(FetchArgs),

    /// Check, pack and upload an interface as its next revision
    ///
    /// Needs a token: `iface login`, or IFACE_TOKEN for CI. Publishes to the
    /// first index, in the token's own namespace unless --owner says otherwise.
    Publish(PublishArgs),

    /// Save a token for the index (read from the terminal, or stdin)
    ///
    /// The token is checked with the index, then kept in credentials.json in
    /// the user config directory (mode 0600), for this index only.
    Login(LoginArgs),

    /// Forget the token saved for the index
    Logout(LogoutArgs),

    /// Show who the token belongs to on the index
    Whoami,

    /// Create, list and revoke tokens (your own; any user's with the admin token)
    #[command(subcommand)]
    Token(TokenCommand),

    /// Make a bare name stand for one owner's interface (admin)
    ///
    /// After `iface promulgate interface:~bob/mysql`, `interface:mysql`
    /// resolves to `interface:~bob/mysql`.
    Promulgate(PromulgateArgs),

    /// Make a bare name stand for nothing again (admin)
    Unpromulgate(UnpromulgateArgs),

    /// Grant, revoke and list who may publish an interface besides its owner
    #[command(subcommand)]
    Maintainer(MaintainerCommand),

    /// Splice the interfaces a charm's endpoints use into hooks/relations/
    ///
    /// Reads metadata.yaml (or charmcraft.yaml), resolves each interface
    /// (the lock file, then layer.yaml includes, then the promulgated name),
    /// fetches it through the cache and writes what the charm's roles need,
    /// recording everything in iface.lock.
    Compose(ComposeArgs),

    /// Show what changed between two revisions, or a revision and a directory
    ///
    /// Schema changes first, each marked breaking or not, then files added,
    /// removed and changed with a unified diff for text files.
    Diff(DiffArgs),

    /// Run the interface index: REST API under /v1 and HTML pages
    Serve(ServeArgs),

    /// Move an index between stores (SQLite and PostgreSQL)
    Store(StoreArgs),

    /// Print new revisions as they are published
    Watch(crate::commands::watch::WatchArgs),

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
pub struct ListArgs {
    /// Only interfaces in this namespace (`bob` or `~bob`)
    #[arg(long, value_name = "OWNER")]
    pub owner: Option<String>,

    /// Only interfaces in this category, e.g. database
    #[arg(long, value_name = "CATEGORY")]
    pub category: Option<String>,

    /// Show at most this many per index [default: all]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to look for; every word must match
    #[arg(required = true, value_name = "TERM")]
    pub terms: Vec<String>,

    /// Show at most this many per index
    #[arg(long, value_name = "N", default_value_t = 50,
          value_parser = clap::value_parser!(u32).range(1..=500))]
    pub limit: u32,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The interface, e.g. `mysql`, `interface:~bob/mysql` or `mysql-3`
    pub uri: String,

    /// Print only the README, as Markdown
    #[arg(long)]
    pub readme: bool,
}

#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Interfaces to fetch, e.g. `mysql`, `interface:~bob/mysql`, `http-3`
    #[arg(required = true, value_name = "URI")]
    pub uris: Vec<String>,

    /// Where to put them: each goes into DIR/<name>/
    #[arg(
        short = 'o',
        long = "output-dir",
        value_name = "DIR",
        default_value = "."
    )]
    pub output_dir: PathBuf,

    /// Replace target directories that exist
    #[arg(long)]
    pub force: bool,

    /// Only fill the cache; unpack nothing (for a later --offline run)
    #[arg(long)]
    pub cache_only: bool,
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The interface directory
    #[arg(default_value = ".")]
    pub dir: PathBuf,

    /// Check and pack, and say what would be uploaded, without uploading
    #[arg(long)]
    pub dry_run: bool,

    /// Publish into this namespace (one you maintain an interface in, or any
    /// with the admin token) [default: the token's user]
    #[arg(long, value_name = "OWNER")]
    pub owner: Option<String>,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Read the token from standard input instead of the terminal
    #[arg(long)]
    pub token_stdin: bool,
}

#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// Forget the tokens of every index
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Mint a token for USER and print it alone on stdout
    ///
    /// With the admin token, a user that does not exist yet is created first
    /// (and so is their namespace, ~USER).
    Create {
        /// Whose token [default: yours]
        user: Option<String>,

        /// A note to tell tokens apart, e.g. laptop or ci
        #[arg(long)]
        label: Option<String>,
    },

    /// List live tokens (never their secrets)
    #[command(visible_alias = "ls")]
    List {
        /// Whose tokens [default: yours]
        user: Option<String>,
    },

    /// Revoke a token by the id `iface token list` shows
    Revoke {
        /// The token's id
        id: i64,

        /// Whose token [default: yours]
        #[arg(long)]
        user: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct PromulgateArgs {
    /// The interface the bare name will stand for: `interface:~OWNER/NAME`
    pub uri: String,
}

#[derive(Debug, Args)]
pub struct UnpromulgateArgs {
    /// The bare name, e.g. `mysql`
    pub name: String,
}

#[derive(Debug, Subcommand)]
pub enum MaintainerCommand {
    /// Let USER publish revisions of the interface (owner or admin)
    #[command(visible_alias = "grant")]
    Add {
        /// The interface, e.g. `interface:~bob/mysql`, or a promulgated name
        uri: String,
        /// The user, e.g. `alice` or `~alice`
        user: String,
    },

    /// Take that right away again (owner or admin)
    #[command(visible_alias = "revoke", alias = "rm")]
    Remove {
        /// The interface, e.g. `interface:~bob/mysql`, or a promulgated name
        uri: String,
        /// The user, e.g. `alice` or `~alice`
        user: String,
    },

    /// List who may publish the interface besides its owner
    #[command(visible_alias = "ls")]
    List {
        /// The interface, e.g. `interface:~bob/mysql`, or a promulgated name
        uri: String,
    },
}

#[derive(Debug, Args)]
pub struct ComposeArgs {
    /// The charm directory
    #[arg(default_value = ".", value_name = "CHARM_DIR")]
    pub dir: PathBuf,

    /// Move each interface to its newest revision with the same `version`
    #[arg(long)]
    pub refresh: bool,

    /// Overwrite files under hooks/relations/ that were edited by hand
    #[arg(long)]
    pub force: bool,

    /// Print the plan (add, update, remove, keep) and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older side: a URI (`mysql-3`) or an interface directory
    pub from: String,

    /// The newer side: a URI or an interface directory
    pub to: String,
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

    /// The store: `sqlite:PATH` (a data directory) or `postgres://...`, which
    /// several replicas of `iface serve` can share; TLS as libpq's `sslmode`
    /// and `sslrootcert` say [default: SQLite in --data]
    #[arg(long, value_name = "URL", env = env_vars::IFACE_DATABASE_URL)]
    pub database: Option<String>,
}

#[derive(Debug, Args)]
pub struct StoreArgs {
    #[command(subcommand)]
    pub command: StoreCommand,
}

#[derive(Debug, Subcommand)]
pub enum StoreCommand {
    /// Copy a whole index from one store to another
    ///
    /// Users, tokens (they keep working), interfaces, every revision with
    /// its archive (each verified against its digest), maintainers and
    /// promulgations, with their ids, numbers and times. Store URLs are
    /// `sqlite:PATH` (an `iface serve` data directory; `sqlite:` alone is the
    /// default one) or `postgres://USER@HOST/DB`.
    Copy(StoreCopyArgs),
}

#[derive(Debug, Args)]
pub struct StoreCopyArgs {
    /// The store to read, which must hold an index
    #[arg(long, value_name = "URL")]
    pub from: String,

    /// The store to write, created if needed
    #[arg(long, value_name = "URL")]
    pub to: String,

    /// Copy into a store that already holds data, keeping what is there:
    /// interfaces whose history there is a prefix of the source's are
    /// completed; a differing history or promulgation is refused by name
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct GenerateFilesArgs {
    /// The project directory holding completions/ and man/
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}
