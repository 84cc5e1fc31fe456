//! `iface serve`: the index service on the embedded store.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;

use crate::cli::ServeArgs;
use crate::env_vars;
use crate::error::{ErrorCode, ExitStatus, coded};
use crate::server::{self, AppState};
use crate::store::{SqliteStore, Store};

use super::Context;

/// Admin tokens shorter than this are accepted but warned about: the admin
/// token can do everything, so it should not be guessable.
const SHORT_TOKEN: usize = 16;
/// Threads for blocking store work (and archive checks on publish): a few
/// per core, at least 8. More would only queue for the same cores, each
/// holding a store connection: on 2 cores, 32 threads instead of 8 nearly
/// doubled the peak RSS and the bulk-resolve p99 for no more throughput
/// (`benches/server.sh`).
fn max_blocking_threads() -> usize {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    (4 * cores).max(8)
}

pub fn run(ctx: &Context, args: &ServeArgs) -> anyhow::Result<ExitStatus> {
    init_logging();
    let data = data_dir(args.data.as_deref())?;
    let admin_token = admin_token(args.admin_token_file.as_deref())?;
    // Replicas on one PostgreSQL hear each other's publishes through it.
    let mut postgres = None;
    let store: Arc<dyn Store> = match &args.database {
        Some(url) => {
            ctx.printer
                .info(format!("store {}", crate::store::postgres::redact_url(url)));
            match crate::store::copy::StoreUrl::parse(url, &data)? {
                crate::store::copy::StoreUrl::Postgres(url) => {
                    let store = Arc::new(crate::store::postgres::PostgresStore::open(&url)?);
                    postgres = Some(Arc::clone(&store));
                    store
                }
                crate::store::copy::StoreUrl::Sqlite(_) => {
                    crate::store::copy::open_store(url, &data)?
                }
            }
        }
        None => {
            let store = SqliteStore::open(&data)
                .with_context(|| format!("could not open the index in {}", data.display()))?;
            ctx.printer
                .info(format!("data directory {}", data.display()));
            Arc::new(store)
        }
    };
    match &admin_token {
        Some(token) if token.len() < SHORT_TOKEN => ctx.printer.warn(format!(
            "the admin token is shorter than {SHORT_TOKEN} characters; anyone who guesses it \
             controls the index"
        )),
        Some(_) => {}
        None => ctx.printer.warn(format!(
            "no admin token (set {} or --admin-token-file): the index serves reads, but \
             nobody can create users or tokens, so nobody can publish{}",
            env_vars::IFACE_ADMIN_TOKEN,
            if store.users().map(|u| u.is_empty()).unwrap_or(true) {
                ""
            } else {
                " except with tokens minted before"
            }
        )),
    }
    let state = AppState::new(store.clone(), admin_token.as_deref());
    if let Some(postgres) = postgres {
        relay_other_replicas(postgres, state.clone())?;
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("iface-serve")
        // Store calls run on blocking threads, one reader connection each;
        // bounding them bounds connections and memory under load.
        .max_blocking_threads(max_blocking_threads())
        .build()
        .context("could not start the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .map_err(|err| {
                coded(
                    ErrorCode::Failed,
                    format!("could not listen on {}: {err}", args.listen),
                )
            })?;
        let addr = listener
            .local_addr()
            .context("could not read the listening address")?;
        // Tests and scripts parse this line for the real port (with
        // --listen 127.0.0.1:0); keep its shape.
        ctx.printer.info(format!("listening on http://{addr}"));
        server::serve(listener, state, server::shutdown_signal())
            .await
            .context("the server failed")
    })?;
    // Let blocking store work that is still running finish before the store
    // closes (its Drop checkpoints the WAL into the database).
    runtime.shutdown_timeout(server::SHUTDOWN_GRACE);
    drop(store);
    ctx.printer.info("stopped");
    Ok(ExitStatus::Success)
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env(env_vars::IFACE_LOG)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("iface=info"));
    // try_init: a second call (tests running serve twice) is harmless.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}

/// `--data`, or the user data directory (`~/.local/share/iface` on Linux).
pub fn data_dir(flag: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(dir) = flag {
        return Ok(dir.to_path_buf());
    }
    let dirs = directories::ProjectDirs::from("", "", "iface").ok_or_else(|| {
        coded(
            ErrorCode::Invalid,
            format!(
                "cannot find a home directory for the default data directory; pass --data DIR \
                 or set {}",
                env_vars::IFACE_DATA_DIR
            ),
        )
    })?;
    Ok(dirs.data_dir().join("index"))
}

/// `--admin-token-file` wins over `IFACE_ADMIN_TOKEN`: a flag is the more
/// deliberate choice. Surrounding whitespace (a trailing newline) is not
/// part of the token.
fn admin_token(file: Option<&Path>) -> anyhow::Result<Option<String>> {
    let (token, source) = match file {
        Some(path) => (
            std::fs::read_to_string(path).with_context(|| {
                format!("could not read the admin token file {}", path.display())
            })?,
            path.display().to_string(),
        ),
        None => match std::env::var(env_vars::IFACE_ADMIN_TOKEN) {
            Ok(token) => (token, env_vars::IFACE_ADMIN_TOKEN.to_owned()),
            Err(std::env::VarError::NotPresent) => return Ok(None),
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(coded(
                    ErrorCode::Invalid,
                    format!("{} is not valid UTF-8", env_vars::IFACE_ADMIN_TOKEN),
                ));
            }
        },
    };
    let token = token.trim();
    if token.is_empty() {
        return Err(coded(
            ErrorCode::Invalid,
            format!("the admin token from {source} is empty"),
        ));
    }
    if token.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(coded(
            ErrorCode::Invalid,
            format!("the admin token from {source} contains whitespace; it must be one word"),
        ));
    }
    Ok(Some(token.to_owned()))
}

/// Passes revisions published through other replicas (PostgreSQL NOTIFY)
/// to this replica's watchers. Revisions this replica published arrive
/// twice; watchers never hand out a revision twice. Runs on a plain thread:
/// the PostgreSQL driver blocks.
fn relay_other_replicas(
    store: Arc<crate::store::postgres::PostgresStore>,
    state: AppState,
) -> anyhow::Result<()> {
    let mut listener = store.listen()?;
    std::thread::Builder::new()
        .name("iface-replicas".into())
        .spawn(move || {
            loop {
                let notices = match listener.wait(std::time::Duration::from_secs(5)) {
                    Ok(notices) => notices,
                    Err(err) => {
                        tracing::warn!("listening for other replicas' publishes: {err:#}");
                        std::thread::sleep(std::time::Duration::from_secs(1));
                        match store.listen() {
                            Ok(fresh) => listener = fresh,
                            Err(err) => tracing::warn!("could not listen again: {err:#}"),
                        }
                        continue;
                    }
                };
                for notice in notices {
                    match store.revision(&notice.owner, &notice.name, Some(notice.revision)) {
                        Ok(Some(record)) => {
                            state.rpc().published(&server::v1::revision_doc(&record))
                        }
                        Ok(None) => {}
                        Err(err) => tracing::warn!(
                            "could not read interface:~{}/{}-{}: {err}",
                            notice.owner,
                            notice.name,
                            notice.revision
                        ),
                    }
                }
            }
        })
        .context("could not start the replica listener")?;
    Ok(())
}
