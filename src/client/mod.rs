//! The client side of iface: which indexes to ask ([`index`]), how to ask an
//! index service ([`http`]) or read an index directory ([`local`]), and the
//! [`Session`] that resolves URIs across them and fetches archives through
//! the verified [`Cache`].
//!
//! Commands (and `compose`) use [`Session`]: [`Session::resolve`] sends one
//! bulk request per index for every URI still unanswered, and
//! [`Session::archives`] fetches what the cache lacks, at most
//! [`MAX_PARALLEL_DOWNLOADS`] at once. Both are blocking calls that run an
//! async runtime inside, so callers stay plain functions.

use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use anyhow::Context as _;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use reqwest::Method;

use crate::cache::{self, Cache, Lookup};
use crate::cli::GlobalArgs;
use crate::config::{self, Config, TokenSource};
use crate::env_vars;
use crate::error::{CodedError, ErrorCode, coded};
use crate::printer::Printer;
use crate::uri::{self, InterfaceUri};
use crate::wire;

pub mod http;
pub mod index;
pub mod local;
pub mod source;

pub use source::{fetch_into, interface_source};

use http::{Conditional, HttpIndex, Net};
use index::{IndexSpec, Origin};
use local::LocalIndex;

/// Downloads in flight at once.
pub const MAX_PARALLEL_DOWNLOADS: usize = 8;
/// How long a request runs before a spinner says something is happening.
const SPINNER_DELAY: Duration = Duration::from_millis(250);
/// Longest `GET /v1/resolve?uris=...` query; longer lists go by POST (which
/// no HTTP cache keeps, so they are not conditional).
const MAX_RESOLVE_QUERY: usize = 2000;

/// Text from an index, made safe for a terminal: control characters (an
/// escape sequence in a README could rewrite the screen) are replaced.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// A user or owner name as typed (`bob` or `~bob`), validated.
pub fn user_name(text: &str) -> anyhow::Result<String> {
    let name = text.strip_prefix('~').unwrap_or(text);
    uri::validate_owner(name).map_err(|err| {
        coded(
            ErrorCode::Invalid,
            format!("invalid user name {text:?}: {}", err.reason),
        )
    })?;
    Ok(name.to_owned())
}

/// An opened index.
#[derive(Debug)]
pub enum Index {
    Http(HttpIndex),
    Local(LocalIndex),
}

/// One index in the list: what the user named, and where that came from.
#[derive(Debug)]
pub struct IndexEntry {
    pub spec: IndexSpec,
    pub origin: Origin,
    /// The index, opened on first use: a mirror listed last in the config
    /// must not fail commands that never get to it.
    opened: OnceLock<Arc<Index>>,
}

impl IndexEntry {
    pub fn name(&self) -> String {
        self.spec.name()
    }
}

/// What one URI resolved to, and which index said so.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// As asked for.
    pub query: InterfaceUri,
    pub revision: wire::Revision,
    /// Position of the index in [`Session::indexes`].
    pub index: usize,
    pub index_name: String,
    /// Answered from the cached resolution index (`--offline`).
    pub from_cache: bool,
}

impl Resolved {
    /// `interface:~owner/name-N`.
    pub fn uri(&self) -> InterfaceUri {
        InterfaceUri {
            owner: Some(self.revision.owner.clone()),
            name: self.revision.name.clone(),
            revision: Some(self.revision.revision),
        }
    }
}

/// Why a URI did not resolve: each index's answer, in order.
#[derive(Debug)]
pub struct Unresolved {
    pub query: InterfaceUri,
    pub code: ErrorCode,
    /// (index, its answer), for every index that was asked.
    pub reasons: Vec<(String, String)>,
    pub candidates: Vec<String>,
}

impl Unresolved {
    fn hint(&self) -> Option<String> {
        if !self.candidates.is_empty() {
            Some(format!("name one of: {}", self.candidates.join(", ")))
        } else {
            match self.code {
                ErrorCode::NotFound => Some(format!(
                    "look for the right name with `iface search {}`",
                    self.query.name
                )),
                ErrorCode::Network => {
                    Some("run it once without --offline to fill the cache".to_owned())
                }
                _ => None,
            }
        }
    }

    /// One error naming the URI, and each index with what it answered.
    pub fn into_error(self) -> anyhow::Error {
        let mut message = format!("could not resolve {}", self.query);
        match self.reasons.as_slice() {
            [(index, reason)] => message.push_str(&format!(": {reason} (index {index})")),
            reasons => {
                message.push_str(": no index has it");
                for (index, reason) in reasons {
                    message.push_str(&format!("\n    - {index}: {reason}"));
                }
            }
        }
        let hint = self.hint();
        let mut error = CodedError::new(self.code, message);
        if let Some(hint) = hint {
            error = error.hint(hint);
        }
        error.into()
    }
}

/// An archive ready to unpack.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// Verified against the revision's digest.
    pub bytes: Vec<u8>,
    /// Its cache entry.
    pub path: PathBuf,
    /// False when the cache had it.
    pub downloaded: bool,
}

/// How one index answered one URI during a resolve.
enum Answer {
    Result(Box<wire::ResolveResult>),
    /// `--offline` and the cached resolution index has never heard of it.
    Unknown,
}

/// Everything the client commands share.
#[derive(Debug)]
pub struct Session {
    pub printer: Printer,
    pub cache: Cache,
    pub offline: bool,
    entries: Vec<IndexEntry>,
    net: Arc<Net>,
    runtime: tokio::runtime::Runtime,
}

impl Session {
    /// Reads the config file and the environment, and decides the index
    /// order. Nothing is opened or contacted yet.
    pub fn new(global: &GlobalArgs, printer: &Printer) -> anyhow::Result<Session> {
        let config = Config::load()?;
        let env = match std::env::var(env_vars::IFACE_INDEX) {
            Ok(value) => Some(value),
            Err(std::env::VarError::NotPresent) => None,
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(coded(
                    ErrorCode::Invalid,
                    format!("{} is not valid UTF-8", env_vars::IFACE_INDEX),
                ));
            }
        };
        let order = index::index_order(&global.index, env.as_deref(), &config)?;
        let secs = |flag: Option<f64>, conf: Option<f64>, default: Duration| {
            flag.or(conf)
                .and_then(|s| config::seconds(s).ok())
                .unwrap_or(default)
        };
        let net = Arc::new(Net::new(
            secs(global.timeout, config.timeout, config::DEFAULT_TIMEOUT),
            secs(
                global.connect_timeout,
                config.connect_timeout,
                config::DEFAULT_CONNECT_TIMEOUT,
            ),
            config.retries.unwrap_or(config::DEFAULT_RETRIES),
            printer.clone(),
        ));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("could not start the async runtime")?;
        Ok(Session {
            printer: printer.clone(),
            cache: Cache::open(global.cache_dir.as_deref())?,
            offline: global.offline,
            entries: order
                .into_iter()
                .map(|(spec, origin)| IndexEntry {
                    spec,
                    origin,
                    opened: OnceLock::new(),
                })
                .collect(),
            net,
            runtime,
        })
    }

    /// The indexes, in the order they are asked.
    pub fn indexes(&self) -> &[IndexEntry] {
        &self.entries
    }

    /// Opens (once) the index at `pos`.
    pub fn index(&self, pos: usize) -> anyhow::Result<Arc<Index>> {
        let entry = &self.entries[pos];
        if let Some(index) = entry.opened.get() {
            return Ok(Arc::clone(index));
        }
        let index = match &entry.spec {
            IndexSpec::Http(base) => {
                Index::Http(HttpIndex::new(base.clone(), Arc::clone(&self.net)))
            }
            IndexSpec::Local(path) => {
                Index::Local(LocalIndex::open(path, &entry.origin.to_string())?)
            }
        };
        Ok(Arc::clone(entry.opened.get_or_init(|| Arc::new(index))))
    }

    /// Runs async work to completion on this session's runtime.
    pub fn block_on<F: Future>(&self, work: F) -> F::Output {
        self.runtime.block_on(work)
    }

    /// The index service that writes go to: the first index. Refuses a local
    /// directory (the client only reads those) and `--offline`.
    pub fn service(&self, what: &str) -> anyhow::Result<HttpIndex> {
        let entry = &self.entries[0];
        let IndexSpec::Http(_) = &entry.spec else {
            return Err(CodedError::new(
                ErrorCode::Invalid,
                format!(
                    "{what} needs an index service, but the first index, {}, is a local \
                     directory, which iface only reads",
                    entry.name()
                ),
            )
            .hint("name the `iface serve` that owns it first, e.g. --index http://127.0.0.1:7415")
            .into());
        };
        if self.offline {
            return Err(CodedError::new(
                ErrorCode::Network,
                format!("{what} needs the network, and --offline was given"),
            )
            .hint("run it without --offline")
            .into());
        }
        match &*self.index(0)? {
            Index::Http(http) => Ok(http.clone()),
            Index::Local(_) => unreachable!("an http spec opens as an http index"),
        }
    }

    /// The token for `index`, or an error saying how to get one.
    pub fn token(&self, index: &HttpIndex, what: &str) -> anyhow::Result<(String, TokenSource)> {
        config::token_for(&index.base)?.ok_or_else(|| {
            CodedError::new(
                ErrorCode::Unauthorized,
                format!("{what} needs a token for the index at {}", index.base),
            )
            .hint(format!(
                "run `iface login` to save one, or set {} (for CI)",
                env_vars::IFACE_TOKEN
            ))
            .into()
        })
    }

    /// A spinner on stderr for a request that turns out slow: it shows
    /// only after [`SPINNER_DELAY`], so quick answers never flash one, and
    /// only when progress is shown at all. Finish it with
    /// `finish_and_clear`.
    pub fn spinner(&self, message: impl Into<String>) -> Option<ProgressBar> {
        if !self.printer.show_progress() {
            return None;
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg}")
                .expect("a valid template")
                .tick_chars("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏ "),
        );
        bar.set_message(message.into());
        let shown = bar.clone();
        std::thread::spawn(move || {
            std::thread::sleep(SPINNER_DELAY);
            if !shown.is_finished() {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(Duration::from_millis(100));
            }
        });
        Some(bar)
    }

    /// Resolves every URI: one bulk request per index for the URIs no
    /// earlier index knew. An index that cannot be asked at all (down,
    /// misconfigured) fails the whole call, because skipping it could let a
    /// name resolve to another index's interface of the same name.
    pub fn resolve(
        &self,
        uris: &[InterfaceUri],
    ) -> anyhow::Result<Vec<Result<Resolved, Unresolved>>> {
        let spinner = self.spinner(format!("resolving {} interface(s)", uris.len()));
        let result = self.block_on(self.resolve_async(uris));
        if let Some(spinner) = spinner {
            spinner.finish_and_clear();
        }
        result
    }

    /// [`Session::resolve`], failing when any URI does not resolve (every
    /// failure is listed).
    pub fn resolve_all(&self, uris: &[InterfaceUri]) -> anyhow::Result<Vec<Resolved>> {
        let mut resolved = Vec::new();
        let mut failed = Vec::new();
        for result in self.resolve(uris)? {
            match result {
                Ok(r) => resolved.push(r),
                Err(u) => failed.push(u),
            }
        }
        match failed.len() {
            0 => Ok(resolved),
            1 => Err(failed.pop().expect("one").into_error()),
            n => {
                let code = failed[0].code;
                let lines: Vec<String> = failed
                    .into_iter()
                    .map(|u| format!("  {:#}", u.into_error()))
                    .collect();
                Err(coded(
                    code,
                    format!("{n} URIs did not resolve:\n{}", lines.join("\n")),
                ))
            }
        }
    }

    async fn resolve_async(
        &self,
        uris: &[InterfaceUri],
    ) -> anyhow::Result<Vec<Result<Resolved, Unresolved>>> {
        let queries: Vec<String> = uris.iter().map(ToString::to_string).collect();
        let mut outcome: Vec<Option<Result<Resolved, Unresolved>>> =
            uris.iter().map(|_| None).collect();
        let mut tried: Vec<Vec<(String, String)>> = vec![Vec::new(); uris.len()];
        for pos in 0..self.entries.len() {
            let pending: Vec<usize> = (0..uris.len()).filter(|&i| outcome[i].is_none()).collect();
            if pending.is_empty() {
                break;
            }
            let name = self.entries[pos].name();
            let asked: Vec<String> = pending.iter().map(|&i| queries[i].clone()).collect();
            let answers = self
                .resolve_at(pos, &asked)
                .await
                .with_context(|| format!("could not resolve {}", asked.join(" ")))?;
            for (&i, answer) in pending.iter().zip(answers) {
                let result = match answer {
                    Answer::Unknown => {
                        tried[i].push((
                            name.clone(),
                            "not in the cached resolution index, and --offline was given"
                                .to_owned(),
                        ));
                        outcome[i] = Some(Err(Unresolved {
                            query: uris[i].clone(),
                            code: ErrorCode::Network,
                            reasons: std::mem::take(&mut tried[i]),
                            candidates: Vec::new(),
                        }));
                        continue;
                    }
                    Answer::Result(result) => *result,
                };
                if let Some(revision) = result.revision {
                    check_answer(&name, &uris[i], &revision)?;
                    outcome[i] = Some(Ok(Resolved {
                        query: uris[i].clone(),
                        revision,
                        index: pos,
                        index_name: name.clone(),
                        from_cache: self.offline
                            && matches!(self.entries[pos].spec, IndexSpec::Http(_)),
                    }));
                    continue;
                }
                let error = result.error.unwrap_or_else(|| {
                    wire::Error::new(
                        ErrorCode::Failed,
                        "the index answered neither a revision nor an error",
                    )
                });
                tried[i].push((name.clone(), clean(&error.message)));
                // Not found: the next index may have it, unless this one has
                // the interface without that revision (it knows the name, so
                // it answers). Anything else (ambiguous, invalid) means this
                // index knows the name too.
                let knows_name = error.reason.as_deref() == Some(wire::NO_REVISION);
                if error.code != ErrorCode::NotFound || knows_name {
                    outcome[i] = Some(Err(Unresolved {
                        query: uris[i].clone(),
                        code: error.code,
                        reasons: std::mem::take(&mut tried[i]),
                        candidates: error.candidates,
                    }));
                }
            }
        }
        Ok(outcome
            .into_iter()
            .enumerate()
            .map(|(i, o)| {
                o.unwrap_or_else(|| {
                    Err(Unresolved {
                        query: uris[i].clone(),
                        code: ErrorCode::NotFound,
                        reasons: std::mem::take(&mut tried[i]),
                        candidates: Vec::new(),
                    })
                })
            })
            .collect())
    }

    /// One index's answers for `asked`, in order.
    async fn resolve_at(&self, pos: usize, asked: &[String]) -> anyhow::Result<Vec<Answer>> {
        let index = self.index(pos)?;
        let http = match &*index {
            Index::Local(local) => {
                return Ok(local
                    .resolve(asked)?
                    .into_iter()
                    .map(|r| Answer::Result(Box::new(r)))
                    .collect());
            }
            Index::Http(http) => http,
        };
        let remembered = self.cache.resolutions(&http.base);
        if self.offline {
            return Ok(remembered
                .uris(asked)
                .into_iter()
                .map(|found| match found {
                    Some(r) => Answer::Result(Box::new(r.result)),
                    None => Answer::Unknown,
                })
                .collect());
        }
        let joined = asked.join(",");
        let results = if joined.len() <= MAX_RESOLVE_QUERY {
            let earlier = remembered.request(asked);
            let etag = earlier.as_ref().map(|r| r.etag.as_str());
            let query = [("uris", joined.clone())];
            match http
                .get_conditional::<wire::ResolveResults>("/v1/resolve", &query, None, etag)
                .await?
            {
                Conditional::NotModified if earlier.is_some() => earlier.expect("checked").results,
                Conditional::NotModified => {
                    return Err(coded(
                        ErrorCode::Failed,
                        format!(
                            "the index at {} answered 304 to a resolve iface had not sent before",
                            http.base
                        ),
                    ));
                }
                Conditional::Fresh(results, etag) => {
                    self.remember(&remembered, asked, etag.as_deref(), &results.results);
                    results.results
                }
            }
        } else {
            let body = wire::ResolveRequest {
                uris: asked.to_vec(),
            };
            let results: wire::ResolveResults = http
                .call(Method::POST, "/v1/resolve", Some(&body), None)
                .await?;
            self.remember(&remembered, asked, None, &results.results);
            results.results
        };
        if results.len() != asked.len()
            || results.iter().zip(asked).any(|(r, q)| r.query.trim() != q)
        {
            return Err(coded(
                ErrorCode::Failed,
                format!(
                    "the index at {} answered {} result(s) for {} URI(s), not one per URI in order",
                    http.base,
                    results.len(),
                    asked.len()
                ),
            ));
        }
        Ok(results
            .into_iter()
            .map(|r| Answer::Result(Box::new(r)))
            .collect())
    }

    /// Keeps an answer for `--offline` and conditional requests. A cache
    /// that cannot be written costs only that, so it is a warning.
    fn remember(
        &self,
        remembered: &cache::Resolutions,
        asked: &[String],
        etag: Option<&str>,
        results: &[wire::ResolveResult],
    ) {
        if let Err(err) = remembered.remember(asked, etag, results) {
            self.printer
                .warn(format!("could not update the resolution cache: {err:#}"));
        }
    }

    /// The archive of every resolved revision, in the same order: from the
    /// cache when it holds a good copy, else downloaded (at most
    /// [`MAX_PARALLEL_DOWNLOADS`] at once), verified and stored.
    pub fn archives(&self, resolved: &[Resolved]) -> anyhow::Result<Vec<Fetched>> {
        self.block_on(self.archives_async(resolved))
    }

    async fn archives_async(&self, resolved: &[Resolved]) -> anyhow::Result<Vec<Fetched>> {
        let multi = self
            .printer
            .show_progress()
            .then(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr()));
        let semaphore = Arc::new(tokio::sync::Semaphore::new(MAX_PARALLEL_DOWNLOADS));
        let mut tasks = tokio::task::JoinSet::new();
        let mut digests: Vec<String> = Vec::new();
        for item in resolved {
            let digest = item.revision.digest.clone();
            if digests.contains(&digest) {
                continue;
            }
            digests.push(digest.clone());
            let job = Job {
                index: self.index(item.index)?,
                index_name: item.index_name.clone(),
                uri: item.uri(),
                revision: item.revision.clone(),
                cache: self.cache.clone(),
                offline: self.offline,
                printer: self.printer.clone(),
                multi: multi.clone(),
            };
            let semaphore = Arc::clone(&semaphore);
            tasks.spawn(async move {
                let _permit = semaphore.acquire_owned().await;
                let result = job.run().await;
                (digest, result)
            });
        }
        let mut done: Vec<(String, Fetched)> = Vec::new();
        let mut first_error: Option<(usize, anyhow::Error)> = None;
        while let Some(joined) = tasks.join_next().await {
            let (digest, result) = joined.context("a download task failed")?;
            match result {
                Ok(fetched) => done.push((digest, fetched)),
                Err(err) => {
                    // Report the failure of the earliest URI, whatever order
                    // the downloads finished in.
                    let at = digests.iter().position(|d| *d == digest).unwrap_or(0);
                    if first_error.as_ref().is_none_or(|(pos, _)| at < *pos) {
                        first_error = Some((at, err));
                    }
                }
            }
        }
        if let Some(multi) = multi {
            let _ = multi.clear();
        }
        if let Some((_, err)) = first_error {
            return Err(err);
        }
        Ok(resolved
            .iter()
            .map(|item| {
                done.iter()
                    .find(|(d, _)| *d == item.revision.digest)
                    .map(|(_, f)| f.clone())
                    .expect("every digest was fetched")
            })
            .collect())
    }
}

/// An index must answer what was asked: the same name, the same owner and
/// revision when those were given, and a digest that can name a file. The
/// name becomes a directory name, so this is also what keeps a hostile
/// index from writing outside the target directory.
fn check_answer(
    index: &str,
    query: &InterfaceUri,
    revision: &wire::Revision,
) -> anyhow::Result<()> {
    let valid = uri::validate_name(&revision.name).is_ok()
        && uri::validate_owner(&revision.owner).is_ok()
        && revision.revision > 0
        && cache::is_digest(&revision.digest);
    let matches = revision.name == query.name
        && query.owner.as_ref().is_none_or(|o| *o == revision.owner)
        && query.revision.is_none_or(|r| r == revision.revision);
    if valid && matches {
        Ok(())
    } else {
        Err(coded(
            ErrorCode::Failed,
            format!(
                "the index at {index} answered {query} with {:?} (~{}/{} revision {}, digest {:?}), \
                 which is not what was asked",
                clean(&revision.uri),
                clean(&revision.owner),
                clean(&revision.name),
                revision.revision,
                clean(&revision.digest)
            ),
        ))
    }
}

/// Fetching one archive into the cache.
struct Job {
    index: Arc<Index>,
    index_name: String,
    uri: InterfaceUri,
    revision: wire::Revision,
    cache: Cache,
    offline: bool,
    printer: Printer,
    multi: Option<MultiProgress>,
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> anyhow::Result<T> + Send + 'static,
) -> anyhow::Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .context("a cache task failed")?
}

impl Job {
    async fn lookup(&self) -> anyhow::Result<Lookup> {
        let cache = self.cache.clone();
        let digest = self.revision.digest.clone();
        blocking(move || cache.get(&digest)).await
    }

    async fn run(self) -> anyhow::Result<Fetched> {
        let digest = self.revision.digest.clone();
        let path = self.cache.archive_path(&digest);
        let hit = |bytes| Fetched {
            bytes,
            path: path.clone(),
            downloaded: false,
        };
        match self.lookup().await? {
            Lookup::Hit(bytes) => return Ok(hit(bytes)),
            Lookup::Corrupt(why) => self.printer.warn(format!(
                "the cached archive of {} is corrupt ({why}); fetching it again",
                self.uri
            )),
            Lookup::Missing => {}
        }
        if self.offline && matches!(*self.index, Index::Http(_)) {
            return Err(CodedError::new(
                ErrorCode::Network,
                format!(
                    "the archive of {} is not in the cache, and --offline was given",
                    self.uri
                ),
            )
            .hint("run it once without --offline to fill the cache")
            .into());
        }
        // Another process may be fetching the same archive: wait for it,
        // then use what it stored rather than download it twice.
        let lock = {
            let cache = self.cache.clone();
            let digest = digest.clone();
            blocking(move || cache.lock(&digest)).await?
        };
        match self.lookup().await? {
            Lookup::Hit(bytes) => return Ok(hit(bytes)),
            Lookup::Corrupt(_) => {
                let cache = self.cache.clone();
                let digest = digest.clone();
                blocking(move || cache.discard(&digest)).await?;
            }
            Lookup::Missing => {}
        }
        let bytes = match &*self.index {
            Index::Http(http) => {
                let bar = self.multi.as_ref().map(|multi| {
                    let bar = multi.add(ProgressBar::new(self.revision.size));
                    bar.set_style(
                        ProgressStyle::with_template("{msg:40} [{bar:25}] {bytes}/{total_bytes}")
                            .expect("a valid template")
                            .progress_chars("=> "),
                    );
                    bar.set_message(self.uri.to_string());
                    bar
                });
                let result = http
                    .download(&self.revision.archive_url, bar.as_ref())
                    .await;
                if let Some(bar) = bar {
                    bar.finish_and_clear();
                }
                result.with_context(|| format!("could not download {}", self.uri))?
            }
            Index::Local(_) => {
                let index = Arc::clone(&self.index);
                let digest = digest.clone();
                blocking(move || match &*index {
                    Index::Local(local) => local.archive(&digest),
                    Index::Http(_) => unreachable!(),
                })
                .await?
            }
        };
        let actual = crate::archive::sha256_hex(&bytes);
        if actual != digest {
            return Err(coded(
                ErrorCode::Failed,
                format!(
                    "the index at {} sent an archive for {} whose SHA-256 is {actual}, but it \
                     announced {digest}; nothing was stored",
                    self.index_name, self.uri
                ),
            ));
        }
        let stored = {
            let cache = self.cache.clone();
            let digest = digest.clone();
            let bytes = bytes.clone();
            blocking(move || cache.put(&digest, &bytes)).await?
        };
        drop(lock);
        Ok(Fetched {
            bytes,
            path: stored,
            downloaded: true,
        })
    }
}
