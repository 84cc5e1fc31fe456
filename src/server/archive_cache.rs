//! A small in-memory cache of archives by revision.
//!
//! Revisions are immutable, so an entry can never go stale: no invalidation
//! is needed, only a memory bound. Serving a popular archive then costs no
//! database read, no file read and no hop to a blocking thread, which is what
//! lets the service keep up with a static file server for small archives.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use axum::body::Bytes;

/// Total bytes of archives kept.
pub const BUDGET_BYTES: usize = 8 << 20;
/// Larger archives are not kept: a few big ones would push out many small
/// ones, and a big transfer is dominated by the transfer anyway.
pub const MAX_ENTRY_BYTES: usize = 256 << 10;

#[derive(Debug, Clone)]
pub struct Cached {
    pub digest: String,
    pub bytes: Bytes,
}

#[derive(Debug, Default)]
struct Inner {
    entries: HashMap<String, Cached>,
    /// Insertion order, oldest first: evicted first-in first-out, which is
    /// plenty for a cache whose entries never change.
    order: VecDeque<String>,
    bytes: usize,
}

#[derive(Debug, Default)]
pub struct ArchiveCache {
    inner: Mutex<Inner>,
}

fn key(owner: &str, name: &str, revision: u32) -> String {
    format!("{owner}/{name}/{revision}")
}

impl ArchiveCache {
    pub fn get(&self, owner: &str, name: &str, revision: u32) -> Option<Cached> {
        let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner.entries.get(&key(owner, name, revision)).cloned()
    }

    pub fn insert(&self, owner: &str, name: &str, revision: u32, entry: Cached) {
        let size = entry.bytes.len();
        if size > MAX_ENTRY_BYTES {
            return;
        }
        let key = key(owner, name, revision);
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if inner.entries.contains_key(&key) {
            return;
        }
        while inner.bytes + size > BUDGET_BYTES {
            let Some(oldest) = inner.order.pop_front() else {
                break;
            };
            if let Some(evicted) = inner.entries.remove(&oldest) {
                inner.bytes -= evicted.bytes.len();
            }
        }
        inner.bytes += size;
        inner.order.push_back(key.clone());
        inner.entries.insert(key, entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(size: usize) -> Cached {
        Cached {
            digest: "d".into(),
            bytes: Bytes::from(vec![0u8; size]),
        }
    }

    #[test]
    fn keeps_within_budget_and_skips_big_entries() {
        let cache = ArchiveCache::default();
        cache.insert("a", "b", 1, entry(MAX_ENTRY_BYTES + 1));
        assert!(cache.get("a", "b", 1).is_none());
        let per = MAX_ENTRY_BYTES;
        let fit = BUDGET_BYTES / per;
        for rev in 0..(fit as u32 + 3) {
            cache.insert("a", "b", rev, entry(per));
        }
        // The oldest went; the newest stayed; the total never passed the budget.
        assert!(cache.get("a", "b", 0).is_none());
        assert!(cache.get("a", "b", fit as u32 + 2).is_some());
        assert!(cache.inner.lock().unwrap().bytes <= BUDGET_BYTES);
    }
}
