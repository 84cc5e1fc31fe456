//! `iface.lock`: what compose resolved and wrote, so the next run is
//! reproducible and can tell its own files from hand edits.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, coded};

pub const LOCK_FILE: &str = "iface.lock";
/// Written before any interface directory is swapped and removed after the
/// lock: files it lists are compose's own even if the run was interrupted.
pub const PENDING_FILE: &str = ".iface-compose.pending";
const LOCK_VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Lock {
    pub lock_version: u32,
    /// By interface name. BTreeMaps keep the file sorted, so it diffs well.
    pub interfaces: BTreeMap<String, LockedInterface>,
    /// Digest of the dependency block compose wrote, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deps_block: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct LockedInterface {
    pub uri: String,
    pub revision: u32,
    pub version: u32,
    pub digest: String,
    pub index: String,
    /// Roles spliced in, sorted.
    pub roles: Vec<String>,
    /// Every file and link compose wrote, relative to
    /// hooks/relations/<name>/, with the SHA-256 of its content (of
    /// `link:<target>` for a symlink).
    pub files: BTreeMap<String, String>,
}

impl Lock {
    pub fn new() -> Lock {
        Lock {
            lock_version: LOCK_VERSION,
            ..Lock::default()
        }
    }

    pub fn read(charm: &Path) -> anyhow::Result<Option<Lock>> {
        read_json(&charm.join(LOCK_FILE))
    }

    pub fn read_pending(charm: &Path) -> anyhow::Result<Option<Lock>> {
        read_json(&charm.join(PENDING_FILE))
    }

    /// The file's bytes: pretty JSON with sorted keys and a final newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("a lock serialises");
        bytes.push(b'\n');
        bytes
    }
}

fn read_json(path: &Path) -> anyhow::Result<Option<Lock>> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(err).with_context(|| format!("could not read {}", path.display())),
    };
    let lock: Lock = serde_json::from_slice(&bytes).map_err(|e| {
        crate::error::CodedError::new(
            ErrorCode::Invalid,
            format!("{} is not a valid lock file: {e}", path.display()),
        )
        .hint("restore it from version control, or delete it to resolve every interface again")
    })?;
    if lock.lock_version != LOCK_VERSION {
        return Err(coded(
            ErrorCode::Invalid,
            format!(
                "{} has lock-version {}; this iface reads version {LOCK_VERSION}",
                path.display(),
                lock.lock_version
            ),
        ));
    }
    Ok(Some(lock))
}
