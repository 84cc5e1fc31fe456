//! The local cache: archives content-addressed by SHA-256, and the answers
//! each index last gave to resolve requests.
//!
//! ```text
//! <cache>/archives-v1/<sha256[0..2]>/<sha256>.tar.gz   an archive
//! <cache>/archives-v1/<sha256[0..2]>/<sha256>.lock     its entry lock
//! <cache>/resolve-v1/<index key>.json                  resolutions (+ .lock)
//! ```
//!
//! The version in each directory name is the layout's: a future layout goes
//! beside it instead of misreading it.
//!
//! Every write goes through a temporary file in the same directory and an
//! atomic rename, so a killed process never leaves a truncated entry under
//! its final name. Archives are still verified on every read, because disks
//! and people corrupt files too; a bad entry is reported and fetched again.
//! Two processes fetching one archive serialise on the entry's lock file, so
//! both succeed and the second finds what the first stored.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

use crate::archive::sha256_hex;
use crate::error::{ErrorCode, coded};
use crate::wire;

/// Archives, by digest.
pub const ARCHIVES_DIR: &str = "archives-v1";
/// Resolution answers, per index.
pub const RESOLVE_DIR: &str = "resolve-v1";
/// How many distinct resolve requests are remembered per index (their ETags
/// and answers); the oldest are forgotten first.
const MAX_REMEMBERED_REQUESTS: usize = 256;

#[derive(Debug, Clone)]
pub struct Cache {
    root: PathBuf,
}

/// What the cache holds for a digest.
#[derive(Debug)]
pub enum Lookup {
    /// The archive, verified against its digest.
    Hit(Vec<u8>),
    Missing,
    /// An entry whose bytes do not match its digest; says how.
    Corrupt(String),
}

/// The user cache directory (`~/.cache/iface` on Linux).
pub fn default_root() -> anyhow::Result<PathBuf> {
    directories::ProjectDirs::from("", "", "iface")
        .map(|dirs| dirs.cache_dir().to_path_buf())
        .ok_or_else(|| {
            coded(
                ErrorCode::Failed,
                "cannot find the user cache directory: HOME is not set; pass --cache-dir DIR \
                 or set IFACE_CACHE_DIR",
            )
        })
}

/// True for 64 lower-case hex characters: the only digests that may become
/// file names (a digest comes from the network).
pub fn is_digest(digest: &str) -> bool {
    digest.len() == 64
        && digest
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn check_digest(digest: &str) -> anyhow::Result<()> {
    if is_digest(digest) {
        Ok(())
    } else {
        Err(coded(
            ErrorCode::Failed,
            format!("{digest:?} is not a SHA-256 digest (64 lower-case hex characters)"),
        ))
    }
}

/// An exclusive lock on one cache entry, released when dropped.
#[derive(Debug)]
pub struct EntryLock {
    _file: File,
}

impl Cache {
    pub fn new(root: impl Into<PathBuf>) -> Cache {
        Cache { root: root.into() }
    }

    /// `--cache-dir` / `IFACE_CACHE_DIR`, or the user cache directory.
    pub fn open(flag: Option<&Path>) -> anyhow::Result<Cache> {
        Ok(Cache::new(match flag {
            Some(dir) => dir.to_path_buf(),
            None => default_root()?,
        }))
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the archive with `digest` lives (whether or not it is there).
    pub fn archive_path(&self, digest: &str) -> PathBuf {
        self.root
            .join(ARCHIVES_DIR)
            .join(&digest[..2.min(digest.len())])
            .join(format!("{digest}.tar.gz"))
    }

    /// Reads and verifies the archive with `digest`.
    pub fn get(&self, digest: &str) -> anyhow::Result<Lookup> {
        check_digest(digest)?;
        let path = self.archive_path(digest);
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Lookup::Missing),
            Err(err) => {
                return Err(err).with_context(|| format!("could not read {}", path.display()));
            }
        };
        let actual = sha256_hex(&bytes);
        if actual == digest {
            Ok(Lookup::Hit(bytes))
        } else {
            Ok(Lookup::Corrupt(format!(
                "{} holds {} bytes whose SHA-256 is {actual}",
                path.display(),
                bytes.len()
            )))
        }
    }

    /// Stores `bytes` under `digest`, refusing bytes that do not match it.
    pub fn put(&self, digest: &str, bytes: &[u8]) -> anyhow::Result<PathBuf> {
        check_digest(digest)?;
        let actual = sha256_hex(bytes);
        if actual != digest {
            return Err(coded(
                ErrorCode::Failed,
                format!(
                    "refusing to cache {} bytes as sha256:{digest}: their SHA-256 is {actual}",
                    bytes.len()
                ),
            ));
        }
        let path = self.archive_path(digest);
        write_atomically(&path, bytes)?;
        Ok(path)
    }

    /// Removes an entry (a corrupt one, before fetching it again).
    pub fn discard(&self, digest: &str) -> anyhow::Result<()> {
        check_digest(digest)?;
        let path = self.archive_path(digest);
        match fs::remove_file(&path) {
            Err(err) if err.kind() != io::ErrorKind::NotFound => {
                Err(err).with_context(|| format!("could not remove {}", path.display()))
            }
            _ => Ok(()),
        }
    }

    /// Waits for and takes the lock of the entry `digest`. Blocking.
    ///
    /// Lock files stay behind on purpose: deleting one while another process
    /// waits on it would let a third lock a new file at the same path.
    pub fn lock(&self, digest: &str) -> anyhow::Result<EntryLock> {
        check_digest(digest)?;
        let path = self.archive_path(digest).with_extension("lock");
        lock_file(&path)
    }

    /// The resolution answers remembered for one index.
    pub fn resolutions(&self, index: &str) -> Resolutions {
        let key = &sha256_hex(index.as_bytes())[..24];
        Resolutions {
            index: index.to_owned(),
            path: self.root.join(RESOLVE_DIR).join(format!("{key}.json")),
        }
    }
}

/// Takes an exclusive lock on `path`, creating the file and its directory.
/// `std::fs::File::lock` is `flock(2)` on Unix, like fs4's, and is stable
/// since Rust 1.89 (this crate's minimum), so no extra crate is needed.
fn lock_file(path: &Path) -> anyhow::Result<EntryLock> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("could not create {}", dir.display()))?;
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(path)
        .with_context(|| format!("could not open the lock file {}", path.display()))?;
    file.lock()
        .with_context(|| format!("could not lock {}", path.display()))?;
    Ok(EntryLock { _file: file })
}

/// Creates the entry's directory, then writes atomically: readers see the
/// old entry or the new one, never a part.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path.parent().context("a cache path has a parent")?;
    fs::create_dir_all(dir).with_context(|| format!("could not create {}", dir.display()))?;
    crate::fsutil::write_atomically(path, bytes)
}

/// One index's remembered resolve answers: per URI (for `--offline`) and per
/// request with its ETag (so a warm fetch sends a conditional request and
/// gets a 304).
#[derive(Debug, Clone)]
pub struct Resolutions {
    index: String,
    path: PathBuf,
}

/// What one URI resolved to, and when it was asked.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RememberedResult {
    pub result: wire::ResolveResult,
    /// Seconds since the Unix epoch.
    pub at: i64,
}

/// A resolve request's ETag and the answer it stands for.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RememberedRequest {
    pub etag: String,
    pub results: Vec<wire::ResolveResult>,
    pub at: i64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct ResolutionsFile {
    index: String,
    #[serde(default)]
    uris: BTreeMap<String, RememberedResult>,
    #[serde(default)]
    requests: BTreeMap<String, RememberedRequest>,
}

/// The key of a resolve request: its URIs as sent, in order.
pub fn request_key(uris: &[String]) -> String {
    uris.join(",")
}

impl Resolutions {
    /// Reads what is remembered. A damaged file counts as empty: it only
    /// costs a fresh request, and the next save replaces it.
    fn read(&self) -> ResolutionsFile {
        fs::read(&self.path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<ResolutionsFile>(&bytes).ok())
            .filter(|file| file.index == self.index)
            .unwrap_or_else(|| ResolutionsFile {
                index: self.index.clone(),
                ..Default::default()
            })
    }

    /// The last answer for each URI (canonical form), if any; one read.
    pub fn uris(&self, uris: &[String]) -> Vec<Option<RememberedResult>> {
        let mut file = self.read();
        uris.iter().map(|uri| file.uris.remove(uri)).collect()
    }

    /// The ETag and answer of an earlier identical request.
    pub fn request(&self, uris: &[String]) -> Option<RememberedRequest> {
        self.read().requests.remove(&request_key(uris))
    }

    /// Remembers an answer (and its ETag, when it had one). Read, merge and
    /// write under a lock, so two processes never lose each other's entries.
    pub fn remember(
        &self,
        uris: &[String],
        etag: Option<&str>,
        results: &[wire::ResolveResult],
    ) -> anyhow::Result<()> {
        let _lock = lock_file(&self.path.with_extension("lock"))?;
        let mut file = self.read();
        let at = crate::store::now();
        for result in results {
            file.uris.insert(
                result.query.clone(),
                RememberedResult {
                    result: result.clone(),
                    at,
                },
            );
        }
        let key = request_key(uris);
        match etag {
            Some(etag) => {
                file.requests.insert(
                    key,
                    RememberedRequest {
                        etag: etag.to_owned(),
                        results: results.to_vec(),
                        at,
                    },
                );
            }
            None => {
                file.requests.remove(&key);
            }
        }
        while file.requests.len() > MAX_REMEMBERED_REQUESTS {
            let oldest = file
                .requests
                .iter()
                .min_by_key(|(_, r)| r.at)
                .map(|(k, _)| k.clone())
                .expect("not empty");
            file.requests.remove(&oldest);
        }
        let bytes = serde_json::to_vec(&file).context("could not encode resolutions")?;
        write_atomically(&self.path, &bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_verifies_and_get_detects_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let bytes = b"an archive".to_vec();
        let digest = sha256_hex(&bytes);
        assert!(matches!(cache.get(&digest).unwrap(), Lookup::Missing));

        let wrong = sha256_hex(b"something else");
        assert!(cache.put(&wrong, &bytes).is_err());
        assert!(!cache.archive_path(&wrong).exists());

        let path = cache.put(&digest, &bytes).unwrap();
        assert!(path.starts_with(dir.path().join(ARCHIVES_DIR)));
        assert!(matches!(cache.get(&digest).unwrap(), Lookup::Hit(b) if b == bytes));

        fs::write(&path, b"an archiv").unwrap();
        match cache.get(&digest).unwrap() {
            Lookup::Corrupt(why) => assert!(why.contains("9 bytes"), "{why}"),
            other => panic!("{other:?}"),
        }
        cache.discard(&digest).unwrap();
        assert!(matches!(cache.get(&digest).unwrap(), Lookup::Missing));
    }

    #[test]
    fn digests_never_become_paths_unless_they_are_hex() {
        let cache = Cache::new("/nonexistent");
        assert!(cache.get("../../etc/passwd").is_err());
        assert!(cache.lock(&"A".repeat(64)).is_err());
        assert!(is_digest(&"0".repeat(64)));
    }

    #[test]
    fn resolutions_remember_uris_and_requests() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let res = cache.resolutions("http://a.example");
        let result = wire::ResolveResult {
            query: "interface:mysql".into(),
            revision: None,
            error: Some(wire::Error::new(ErrorCode::NotFound, "no interface")),
        };
        let uris = vec!["interface:mysql".to_owned()];
        res.remember(&uris, Some("\"e1\""), std::slice::from_ref(&result))
            .unwrap();
        assert_eq!(res.uris(&uris)[0].as_ref().unwrap().result, result);
        assert_eq!(res.request(&uris).unwrap().etag, "\"e1\"");
        // Another index never sees these answers.
        assert!(cache.resolutions("http://b.example").uris(&uris)[0].is_none());
    }
}
