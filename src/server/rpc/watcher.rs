//! Revision watchers: `Interfaces.WatchRevisions` makes one, the
//! `RevisionWatcher` facade drives it (`Next`, `Stop`).
//!
//! Every publish goes out once on the hub's broadcast channel; each watcher
//! holds a receiver and keeps, per interface, the highest revision it has
//! handed out. That number is also what makes the watcher exact when the
//! channel cannot be: a watcher resumed by a client (`mysql-3`, or `since`
//! for all), or one that fell more than the channel's backlog behind,
//! re-reads the store for what it has not handed out yet. The same number
//! drops what the channel then repeats, so no revision is answered twice.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use tokio::sync::broadcast::error::{RecvError, TryRecvError};
use tokio::sync::{Mutex, broadcast, watch};

use super::params::{Empty, EntityResult, RevisionChanges, RevisionWatchArgs, RevisionWatchResult};
use super::{Connection, Facade, Hub, RpcError, STOPPED, blocking, until_true};
use crate::error::ErrorCode;
use crate::server::error::ApiError;
use crate::server::v1::revision_doc;
use crate::store::{self, ListOrder, ListQuery, Store, Timestamp};
use crate::uri::InterfaceUri;
use crate::wire;

/// Most interfaces one watcher may name.
pub const MAX_WATCHED: usize = 1000;
/// How far before the last revision seen a catch-up looks: publishes to
/// different interfaces commit and announce in slightly different orders.
const CLOCK_SLACK: Timestamp = 2;
/// Page size when a catch-up walks every interface.
const PAGE: u32 = 500;

/// `RevisionWatcher` version 1.
pub fn v1() -> Facade {
    Facade::new()
        .method(
            "Next",
            |conn: Arc<Connection>, id: String, _: Empty| async move {
                let watcher = conn.watcher(&id)?;
                watcher.next(&conn).await
            },
        )
        .method(
            "Stop",
            |conn: Arc<Connection>, id: String, _: Empty| async move {
                conn.remove_watcher(&id)?.stop();
                Ok(Empty {})
            },
        )
}

type Key = (String, String);

#[derive(Debug, Clone)]
enum Filter {
    All,
    Only(HashSet<Key>),
}

impl Filter {
    fn matches(&self, key: &Key) -> bool {
        match self {
            Filter::All => true,
            Filter::Only(keys) => keys.contains(key),
        }
    }
}

/// One watcher of one connection.
pub struct Watcher {
    hub: Arc<Hub>,
    stopped: watch::Sender<bool>,
    inner: Mutex<Inner>,
}

struct Inner {
    receiver: broadcast::Receiver<Arc<wire::Revision>>,
    filter: Filter,
    /// The highest revision handed out (or current at the start), per
    /// interface.
    after: HashMap<Key, u32>,
    /// Revisions published before this are never answered by an `all`
    /// watcher: they were there before it began.
    floor: Timestamp,
    /// The newest `published_at` seen on the channel.
    horizon: Timestamp,
    /// Re-read the store before waiting (resumed, or fell behind).
    catch_up: bool,
}

impl Inner {
    /// Records `revision` as handed out; false when it is not for this
    /// watcher or was handed out already.
    fn accept(&mut self, revision: &wire::Revision) -> bool {
        let key = (revision.owner.clone(), revision.name.clone());
        if !self.filter.matches(&key) {
            return false;
        }
        let published = parse_rfc3339(&revision.published_at).unwrap_or(self.horizon);
        if matches!(self.filter, Filter::All) && published < self.floor {
            return false;
        }
        let after = self.after.entry(key).or_insert(0);
        if revision.revision <= *after {
            return false;
        }
        *after = revision.revision;
        self.horizon = self.horizon.max(published);
        true
    }
}

impl Watcher {
    fn new(hub: Arc<Hub>, inner: Inner) -> Self {
        hub.watchers.fetch_add(1, Ordering::SeqCst);
        Watcher {
            hub,
            stopped: watch::channel(false).0,
            inner: Mutex::new(inner),
        }
    }

    /// Ends the watcher: a `Next` waiting on it answers `stopped`.
    pub fn stop(&self) {
        let _ = self.stopped.send(true);
    }

    fn stopped_error() -> RpcError {
        RpcError::new(STOPPED, "the watcher was stopped")
    }

    /// Waits until there is at least one new revision, then answers every
    /// one there is, oldest first.
    pub async fn next(&self, conn: &Connection) -> Result<RevisionChanges, RpcError> {
        let mut stopped = self.stopped.subscribe();
        if *stopped.borrow() {
            return Err(Self::stopped_error());
        }
        // A second `Next` on one watcher waits for the first to answer.
        let mut inner = tokio::select! {
            inner = self.inner.lock() => inner,
            () = until_true(&mut stopped) => return Err(Self::stopped_error()),
        };
        let mut changes = Vec::new();
        loop {
            if inner.catch_up {
                let mut found = catch_up(conn, &inner).await?;
                // Oldest first, so that each interface's revisions count up.
                sort(&mut found);
                // Cleared only once read: a Next cancelled mid-read leaves
                // the catch-up to the next one.
                inner.catch_up = false;
                changes.extend(found.into_iter().filter(|r| inner.accept(r)));
            }
            loop {
                match inner.receiver.try_recv() {
                    Ok(revision) => {
                        if inner.accept(&revision) {
                            changes.push((*revision).clone());
                        }
                    }
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Lagged(missed)) => {
                        tracing::debug!("a watcher missed {missed} publishes; catching up");
                        inner.catch_up = true;
                    }
                    Err(TryRecvError::Closed) => return Err(Self::stopped_error()),
                }
            }
            if inner.catch_up {
                continue;
            }
            if !changes.is_empty() {
                sort(&mut changes);
                return Ok(RevisionChanges { changes });
            }
            tokio::select! {
                received = inner.receiver.recv() => match received {
                    Ok(revision) => {
                        if inner.accept(&revision) {
                            changes.push((*revision).clone());
                        }
                    }
                    Err(RecvError::Lagged(_)) => inner.catch_up = true,
                    Err(RecvError::Closed) => return Err(Self::stopped_error()),
                },
                () = until_true(&mut stopped) => return Err(Self::stopped_error()),
            }
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop();
        self.hub.watchers.fetch_sub(1, Ordering::SeqCst);
    }
}

fn sort(changes: &mut [wire::Revision]) {
    changes.sort_by(|a, b| {
        (&a.published_at, &a.owner, &a.name, a.revision).cmp(&(
            &b.published_at,
            &b.owner,
            &b.name,
            b.revision,
        ))
    });
}

/// The revisions the store has that `inner` has not handed out.
async fn catch_up(conn: &Connection, inner: &Inner) -> Result<Vec<wire::Revision>, RpcError> {
    let filter = inner.filter.clone();
    let after = inner.after.clone();
    let since = inner.floor.max(inner.horizon - CLOCK_SLACK);
    blocking(conn, move |store| {
        let mut found = Vec::new();
        let mut take = |store: &dyn Store, owner: &str, name: &str, all: bool| {
            let done = after
                .get(&(owner.to_owned(), name.to_owned()))
                .copied()
                .unwrap_or(0);
            let revisions = store.revisions(owner, name)?.unwrap_or_default();
            // Newest first: stop at the first one already handed out.
            for record in revisions.iter().take_while(|r| r.revision > done) {
                if !all || record.published_at >= since {
                    found.push(revision_doc(record));
                }
            }
            Ok::<_, ApiError>(())
        };
        match &filter {
            Filter::Only(keys) => {
                for (owner, name) in keys {
                    take(store, owner, name, false)?;
                }
            }
            Filter::All => {
                let mut offset = 0;
                loop {
                    let page = store.list(&ListQuery {
                        order: ListOrder::Name,
                        limit: PAGE,
                        offset,
                        ..ListQuery::default()
                    })?;
                    for record in &page.items {
                        if record.updated_at >= since {
                            take(store, &record.owner, &record.name, true)?;
                        }
                    }
                    offset += page.items.len() as u64;
                    if page.items.is_empty() || offset >= page.total {
                        break;
                    }
                }
            }
        }
        Ok(found)
    })
    .await
}

/// `Interfaces.WatchRevisions`: a watcher for the named interfaces, or all.
pub async fn watch_revisions(
    conn: Arc<Connection>,
    args: RevisionWatchArgs,
) -> Result<RevisionWatchResult, RpcError> {
    let now = store::now();
    let invalid = |message: &str| RpcError::coded(ErrorCode::Invalid, message);
    if args.all && !args.entities.is_empty() {
        return Err(invalid(
            "give either `entities` or `all`, not both: `all` already watches every interface",
        ));
    }
    if !args.all && args.entities.is_empty() {
        return Err(invalid(
            "nothing to watch: give `entities` ([{\"uri\": ...}]) or `all: true`",
        ));
    }
    if args.entities.len() > MAX_WATCHED {
        return Err(invalid(&format!(
            "{} interfaces in one watcher; at most {MAX_WATCHED}",
            args.entities.len()
        )));
    }
    let since = match (&args.since, args.all) {
        (None, _) => None,
        (Some(_), false) => {
            return Err(invalid(
                "`since` goes with `all`; to resume named interfaces, give each URI with the \
                 last revision seen (interface:~owner/name-N)",
            ));
        }
        (Some(text), true) => Some(parse_rfc3339(text).ok_or_else(|| {
            invalid(&format!(
                "`since` must be an RFC 3339 time such as 2024-05-01T12:00:00Z, not {text:?}"
            ))
        })?),
    };
    // Subscribe before reading the store, so nothing published in between
    // is missed; what both see is dropped by `accept`.
    let receiver = conn.state.rpc.subscribe();
    let (filter, after, results, catch_up) = if args.all {
        (Filter::All, HashMap::new(), Vec::new(), since.is_some())
    } else {
        let queries: Vec<String> = args.entities.into_iter().map(|e| e.uri).collect();
        blocking(&conn, move |store| Ok(starting_points(store, queries))).await?
    };
    if let Filter::Only(keys) = &filter
        && keys.is_empty()
    {
        return Ok(RevisionWatchResult {
            watcher_id: None,
            since: wire::rfc3339(now),
            results,
        });
    }
    let floor = since.unwrap_or(now);
    let watcher = Watcher::new(
        Arc::clone(&conn.state.rpc),
        Inner {
            receiver,
            filter,
            after,
            floor,
            horizon: floor,
            catch_up,
        },
    );
    let id = conn.add_watcher(watcher)?;
    Ok(RevisionWatchResult {
        watcher_id: Some(id),
        since: wire::rfc3339(now),
        results,
    })
}

/// For each URI: the interface it names and the revision after which the
/// watcher answers (the one named, or the latest). Blocking.
fn starting_points(
    store: &dyn Store,
    queries: Vec<String>,
) -> (Filter, HashMap<Key, u32>, Vec<EntityResult>, bool) {
    let mut keys = HashSet::new();
    let mut after: HashMap<Key, u32> = HashMap::new();
    let mut results = Vec::new();
    let mut catch_up = false;
    for query in queries {
        let outcome = InterfaceUri::parse(query.trim())
            .map_err(|err| wire::Error::new(ErrorCode::Invalid, err.to_string()))
            .and_then(|uri| {
                let owner = store::resolve_owner(store, &uri).map_err(resolve_error)?;
                let record = store
                    .interface(&owner, &uri.name)
                    .map_err(|err| resolve_error(err.into()))?
                    .ok_or_else(|| {
                        wire::Error::new(
                            ErrorCode::NotFound,
                            format!("no interface interface:~{owner}/{}", uri.name),
                        )
                    })?;
                Ok((owner, uri, record.latest_revision))
            });
        match outcome {
            Ok((owner, uri, latest)) => {
                let start = uri.revision.unwrap_or(latest);
                catch_up |= start < latest;
                let key = (owner.clone(), uri.name.clone());
                // The same interface twice: the earliest starting point wins.
                let slot = after.entry(key.clone()).or_insert(start);
                *slot = (*slot).min(start);
                keys.insert(key);
                results.push(EntityResult {
                    query,
                    uri: Some(crate::server::v1::interface_uri(&owner, &uri.name)),
                    revision: Some(start),
                    error: None,
                });
            }
            Err(error) => results.push(EntityResult {
                query,
                uri: None,
                revision: None,
                error: Some(error),
            }),
        }
    }
    (Filter::Only(keys), after, results, catch_up)
}

fn resolve_error(err: store::ResolveError) -> wire::Error {
    let api = ApiError::from(err);
    api.error
}

/// Parses the RFC 3339 UTC times this index writes (`2024-05-01T12:00:00Z`,
/// fractions and offsets accepted) into Unix seconds.
pub fn parse_rfc3339(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    let (date, time) = text.split_once(['T', 't', ' '])?;
    let mut date_parts = date.splitn(3, '-');
    let year: i64 = date_parts.next()?.parse().ok()?;
    let month: i64 = date_parts.next()?.parse().ok()?;
    let day: i64 = date_parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || date.len() != 10 {
        return None;
    }
    // The offset: `Z`, or `+hh:mm` / `-hh:mm`.
    let (clock, offset) = if let Some(clock) = time.strip_suffix(['Z', 'z']) {
        (clock, 0)
    } else {
        let at = time.rfind(['+', '-'])?;
        let (clock, zone) = time.split_at(at);
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let (h, m) = zone[1..].split_once(':')?;
        let minutes = h.parse::<i64>().ok()? * 60 + m.parse::<i64>().ok()?;
        (clock, sign * minutes * 60)
    };
    let clock = clock.split('.').next()?;
    let mut clock_parts = clock.splitn(3, ':');
    let hour: i64 = clock_parts.next()?.parse().ok()?;
    let minute: i64 = clock_parts.next()?.parse().ok()?;
    let second: i64 = clock_parts.next()?.parse().ok()?;
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // Civil date to days: the inverse of wire::rfc3339 (Hinnant).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trips() {
        for secs in [0, 951_782_400, 1_714_564_800, 4_102_444_799, 1_700_000_123] {
            assert_eq!(parse_rfc3339(&wire::rfc3339(secs)), Some(secs), "{secs}");
        }
        assert_eq!(
            parse_rfc3339("2024-05-01T14:00:00.5+02:00"),
            Some(1_714_564_800)
        );
        for bad in [
            "",
            "2024-05-01",
            "2024-13-01T00:00:00Z",
            "yesterday",
            "2024-05-01T25:00:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    fn revision(owner: &str, name: &str, number: u32, at: Timestamp) -> wire::Revision {
        wire::Revision {
            uri: format!("interface:~{owner}/{name}-{number}"),
            owner: owner.into(),
            name: name.into(),
            revision: number,
            digest: "00".repeat(32),
            size: 1,
            version: Some(1),
            roles: vec![],
            publisher: owner.into(),
            published_at: wire::rfc3339(at),
            archive_url: String::new(),
            manifest: None,
            readme: None,
        }
    }

    #[test]
    fn accept_filters_and_never_repeats() {
        let hub = Hub::default();
        let mut keys = HashSet::new();
        keys.insert(("bob".to_owned(), "mysql".to_owned()));
        let mut inner = Inner {
            receiver: hub.subscribe(),
            filter: Filter::Only(keys),
            after: [(("bob".to_owned(), "mysql".to_owned()), 2)].into(),
            floor: 100,
            horizon: 100,
            catch_up: false,
        };
        assert!(
            !inner.accept(&revision("bob", "mysql", 2, 150)),
            "already had 2"
        );
        assert!(inner.accept(&revision("bob", "mysql", 3, 150)));
        assert!(!inner.accept(&revision("bob", "mysql", 3, 150)), "twice");
        assert!(
            !inner.accept(&revision("eve", "mysql", 1, 150)),
            "not watched"
        );
        assert_eq!(inner.horizon, 150);

        inner.filter = Filter::All;
        assert!(inner.accept(&revision("eve", "mysql", 1, 150)));
        assert!(
            !inner.accept(&revision("old", "thing", 1, 50)),
            "before the floor"
        );
    }
}
