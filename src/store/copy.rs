//! Choosing a store by URL, and copying a whole index from one store to
//! another (`iface store copy --from URL --to URL`), so that a team can move
//! from the embedded store to PostgreSQL and back.
//!
//! The copy goes through the [`Store`] trait only, so it works between any
//! two backends. It reads with the ordinary read methods plus
//! [`Store::export`], and writes with [`Store::import`], which takes each
//! record's numbers and times as they were: users, tokens (by hash, revoked
//! ones too, with their ids), interfaces, every revision with its archive,
//! manifest, README, schemas and publish time, maintainer grants and
//! promulgations. Every archive is checked against its digest on the way.
//! Only what the store derives itself is made anew: row ids that nobody
//! sees, and the search index.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, bail};
use sha2::{Digest, Sha256};

use super::postgres::{PostgresStore, redact_url};
use super::{
    Import, ImportedRevision, InterfaceRecord, ListOrder, ListQuery, NewRevision, SqliteStore,
    Store, StoreError,
};
use crate::manifest::Manifest;

/// Interfaces read per page while listing the source.
const PAGE: u32 = 200;

/// Where a store lives, from its URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreUrl {
    /// `sqlite:PATH`: the embedded store's data directory.
    Sqlite(PathBuf),
    /// `postgres://...` or `postgresql://...`, kept whole for the driver.
    Postgres(String),
}

impl StoreUrl {
    /// Reads `sqlite:PATH` (`sqlite:` alone, or `sqlite://` with an empty
    /// path, is `default_sqlite_dir`; `sqlite:///srv/iface` is `/srv/iface`),
    /// `postgres://...` and `postgresql://...`.
    pub fn parse(url: &str, default_sqlite_dir: &Path) -> anyhow::Result<StoreUrl> {
        if let Some(rest) = url.strip_prefix("sqlite:") {
            let path = rest.strip_prefix("//").unwrap_or(rest);
            return Ok(StoreUrl::Sqlite(if path.is_empty() {
                default_sqlite_dir.to_path_buf()
            } else {
                PathBuf::from(path)
            }));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(StoreUrl::Postgres(url.to_owned()));
        }
        Err(crate::error::coded(
            crate::error::ErrorCode::Invalid,
            format!(
                "{} is not a store URL: use sqlite:PATH (a data directory) or \
                 postgres://USER@HOST/DATABASE",
                redact_url(url)
            ),
        ))
    }

    /// The URL as it can be shown: the password of a PostgreSQL URL hidden.
    pub fn display(&self) -> String {
        match self {
            StoreUrl::Sqlite(path) => format!("sqlite:{}", path.display()),
            StoreUrl::Postgres(url) => redact_url(url),
        }
    }
}

/// Opens the store at `url` (see [`StoreUrl::parse`]), creating an empty
/// index there on first use: for `iface serve --database` and for the target
/// of a copy.
pub fn open_store(url: &str, default_sqlite_dir: &Path) -> anyhow::Result<Arc<dyn Store>> {
    let parsed = StoreUrl::parse(url, default_sqlite_dir)?;
    let shown = parsed.display();
    Ok(match parsed {
        StoreUrl::Sqlite(dir) => Arc::new(
            SqliteStore::open(&dir).with_context(|| format!("could not open the index {shown}"))?,
        ),
        StoreUrl::Postgres(url) => Arc::new(
            PostgresStore::open(&url)
                .with_context(|| format!("could not open the index {shown}"))?,
        ),
    })
}

/// Opens the store at `url`, which must already hold an index: for the source
/// of a copy, where a mistyped URL must not become an empty index that copies
/// "successfully".
pub fn open_existing_store(url: &str, default_sqlite_dir: &Path) -> anyhow::Result<Arc<dyn Store>> {
    let parsed = StoreUrl::parse(url, default_sqlite_dir)?;
    let shown = parsed.display();
    Ok(match parsed {
        StoreUrl::Sqlite(dir) => Arc::new(
            SqliteStore::open_existing(&dir)
                .with_context(|| format!("could not open the index {shown}"))?,
        ),
        StoreUrl::Postgres(url) => Arc::new(
            PostgresStore::open_existing(&url)
                .with_context(|| format!("could not open the index {shown}"))?,
        ),
    })
}

/// What a copy did. Counts are of records written into the target; the
/// `*_existing` counts are what a forced copy found already there.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct CopyReport {
    pub users: usize,
    pub users_existing: usize,
    pub tokens: usize,
    pub tokens_existing: usize,
    /// Tokens whose id a forced copy found taken in the target by another
    /// token: they were copied under a new id (their secret still works).
    pub tokens_renumbered: usize,
    pub interfaces: usize,
    pub revisions: usize,
    pub revisions_existing: usize,
    /// Bytes of archives written.
    pub archive_bytes: u64,
    pub promulgations: usize,
    pub promulgations_existing: usize,
    pub maintainers: usize,
    pub maintainers_existing: usize,
}

/// How much a store holds, to tell an empty one.
fn census(store: &dyn Store) -> anyhow::Result<(usize, u64, usize)> {
    let users = store.users()?.len();
    let interfaces = store
        .list(&ListQuery {
            limit: 1,
            ..ListQuery::default()
        })?
        .total;
    let promulgations = store.promulgations()?.len();
    Ok((users, interfaces, promulgations))
}

/// Every interface in `store`, oldest first.
fn all_interfaces(store: &dyn Store) -> anyhow::Result<Vec<InterfaceRecord>> {
    let mut all = Vec::new();
    loop {
        let page = store.list(&ListQuery {
            order: ListOrder::Name,
            limit: PAGE,
            offset: all.len() as u64,
            ..ListQuery::default()
        })?;
        let done =
            page.items.is_empty() || all.len() as u64 + page.items.len() as u64 >= page.total;
        all.extend(page.items);
        if done {
            break;
        }
    }
    all.sort_by(|a, b| (a.created_at, &a.owner, &a.name).cmp(&(b.created_at, &b.owner, &b.name)));
    Ok(all)
}

/// Writes one record into the target, naming it when that fails.
fn import(to: &dyn Store, record: &Import<'_>) -> anyhow::Result<()> {
    to.import(record)
        .with_context(|| format!("could not copy {}", record.describe()))
}

/// Copies the whole index in `from` into `to`, verifying every archive
/// against its recorded SHA-256 before writing it.
///
/// Refuses a target that holds anything unless `force`. With `force`, what
/// the target has already is kept: users, tokens with the same hash, grants,
/// the same promulgations, and an interface whose revisions in the target
/// are the first revisions of the source (same numbers, same digests) is
/// completed. An interface whose history differs, or a name promulgated to
/// another owner, is refused by name: a copy never renumbers or rewrites a
/// revision, nor moves a promulgation. So an interrupted copy can be run
/// again with `force` to finish it.
pub fn copy_store(from: &dyn Store, to: &dyn Store, force: bool) -> anyhow::Result<CopyReport> {
    copy_store_observed(from, to, force, &mut |_, _| {})
}

/// [`copy_store`], telling `progress` how many interfaces of how many are
/// copied after each one.
pub fn copy_store_observed(
    from: &dyn Store,
    to: &dyn Store,
    force: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> anyhow::Result<CopyReport> {
    let (users, interfaces, promulgations) =
        census(to).context("could not read the target store")?;
    if !force && (users > 0 || interfaces > 0 || promulgations > 0) {
        bail!(
            "the target store is not empty ({users} users, {interfaces} interfaces, \
             {promulgations} promulgations); copy into an empty store, or force the copy to \
             complete what is there (differing histories are still refused)"
        );
    }
    let source = from
        .export()
        .context("could not read the source's tokens, grants and promulgations")?;
    let target = to
        .export()
        .context("could not read the target's tokens, grants and promulgations")?;
    let mut report = CopyReport::default();

    for user in &from.users().context("could not list the source's users")? {
        match to.import(&Import::User(user)) {
            Ok(()) => report.users += 1,
            Err(StoreError::Conflict(_)) if force => report.users_existing += 1,
            Err(err) => {
                return Err(err).with_context(|| format!("could not copy the user ~{}", user.name));
            }
        }
    }

    let hashes: HashSet<&str> = target.tokens.iter().map(|t| t.hash.as_str()).collect();
    let ids: HashSet<i64> = target.tokens.iter().map(|t| t.token.id).collect();
    let (existing, missing): (Vec<_>, Vec<_>) = source
        .tokens
        .iter()
        .partition(|t| hashes.contains(t.hash.as_str()));
    report.tokens_existing = existing.len();
    // Those that keep their ids first, so that a renumbered one cannot take
    // an id another is still to bring.
    let (keep, renumber): (Vec<_>, Vec<_>) = missing
        .into_iter()
        .partition(|t| !ids.contains(&t.token.id));
    for (tokens, keep_id) in [(&keep, true), (&renumber, false)] {
        for token in tokens {
            import(to, &Import::Token { token, keep_id })?;
        }
    }
    report.tokens = keep.len() + renumber.len();
    report.tokens_renumbered = renumber.len();

    let interfaces = all_interfaces(from).context("could not list the source's interfaces")?;
    progress(0, interfaces.len());
    for (done, record) in interfaces.iter().enumerate() {
        copy_interface(from, to, record, &mut report)
            .with_context(|| format!("could not copy {}", record.uri()))?;
        progress(done + 1, interfaces.len());
    }

    let granted: HashSet<(&str, &str, &str)> = target
        .grants
        .iter()
        .map(|g| (g.owner.as_str(), g.name.as_str(), g.user.as_str()))
        .collect();
    for grant in &source.grants {
        if granted.contains(&(
            grant.owner.as_str(),
            grant.name.as_str(),
            grant.user.as_str(),
        )) {
            report.maintainers_existing += 1;
        } else {
            import(to, &Import::Grant(grant))?;
            report.maintainers += 1;
        }
    }

    let promulgated: HashMap<&str, &str> = target
        .promulgations
        .iter()
        .map(|p| (p.name.as_str(), p.owner.as_str()))
        .collect();
    for promulgation in &source.promulgations {
        let (name, owner) = (&promulgation.name, &promulgation.owner);
        match promulgated.get(name.as_str()) {
            Some(there) if there == owner => report.promulgations_existing += 1,
            Some(there) => bail!(
                "the target promulgates {name} as interface:~{there}/{name}, the source as \
                 interface:~{owner}/{name}; a copy never moves a promulgation"
            ),
            None => {
                import(to, &Import::Promulgation(promulgation))?;
                report.promulgations += 1;
            }
        }
    }
    Ok(report)
}

fn copy_interface(
    from: &dyn Store,
    to: &dyn Store,
    record: &InterfaceRecord,
    report: &mut CopyReport,
) -> anyhow::Result<()> {
    let (owner, name) = (record.owner.as_str(), record.name.as_str());
    let mut revisions = from
        .revisions(owner, name)?
        .context("the interface disappeared from the source during the copy")?;
    revisions.reverse();
    for (index, revision) in revisions.iter().enumerate() {
        if revision.revision as usize != index + 1 {
            bail!(
                "the source's revisions are not numbered 1..{}: found {} at position {}",
                revisions.len(),
                revision.revision,
                index + 1
            );
        }
    }
    if revisions.last().map(|r| r.revision) != Some(record.latest_revision) {
        bail!(
            "the source changed during the copy (latest revision {} listed, {} found); copy \
             from an index nobody is publishing to",
            record.latest_revision,
            revisions.len()
        );
    }

    let mut present = to.revisions(owner, name)?.unwrap_or_default();
    present.reverse();
    if present.len() > revisions.len() {
        bail!(
            "the target has {} revisions, the source only {}",
            present.len(),
            revisions.len()
        );
    }
    for (have, want) in present.iter().zip(&revisions) {
        if have.digest != want.digest {
            bail!(
                "the target's revision {} is a different archive (sha256 {}) than the source's \
                 (sha256 {}); a copy never rewrites a revision",
                have.revision,
                have.digest,
                want.digest
            );
        }
    }
    report.revisions_existing += present.len();
    if present.is_empty() {
        report.interfaces += 1;
    }

    for revision in &revisions[present.len()..] {
        let uri = revision.uri();
        let archive = from
            .archive(&revision.digest)
            .with_context(|| format!("could not read the archive of {uri}"))?
            .with_context(|| {
                format!("the source has no archive for {uri} ({})", revision.digest)
            })?;
        let actual = hex::encode(Sha256::digest(&archive));
        if actual != revision.digest || archive.len() as u64 != revision.size {
            bail!(
                "the archive of {uri} is damaged in the source: {} bytes with sha256 {actual}, \
                 but {} bytes with sha256 {} were published",
                archive.len(),
                revision.size,
                revision.digest
            );
        }
        let content = from
            .revision_content(owner, name, revision.revision)?
            .with_context(|| format!("the source has no content for {uri}"))?;
        // The interface's own fields are those of its latest revision; an
        // earlier revision gets its own from its manifest, so that the target
        // is right at every step even if the copy stops half-way.
        let latest = revision.revision == record.latest_revision;
        let parsed = (!latest)
            .then(|| Manifest::parse(&content.manifest).ok())
            .flatten();
        let (summary, description, category, maintainers) = match &parsed {
            Some(m) => (
                m.summary.as_deref(),
                m.description.as_deref(),
                m.category.as_deref(),
                m.maintainers.as_slice(),
            ),
            None => (
                record.summary.as_deref(),
                record.description.as_deref(),
                record.category.as_deref(),
                record.maintainers.as_slice(),
            ),
        };
        import(
            to,
            &Import::Revision(&ImportedRevision {
                new: NewRevision {
                    owner,
                    name,
                    archive: &archive,
                    digest: &revision.digest,
                    summary,
                    description,
                    category,
                    version: revision.version,
                    maintainers,
                    roles: &revision.roles,
                    manifest: &content.manifest,
                    readme: content.readme.as_deref(),
                    schemas: &content.schemas,
                    publisher: &revision.publisher,
                },
                number: revision.revision,
                published_at: revision.published_at,
                interface_created_at: record.created_at,
            }),
        )?;
        report.revisions += 1;
        report.archive_bytes += archive.len() as u64;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_urls() {
        let default = Path::new("/var/lib/iface");
        assert_eq!(
            StoreUrl::parse("sqlite:data", default).unwrap(),
            StoreUrl::Sqlite("data".into())
        );
        assert_eq!(
            StoreUrl::parse("sqlite:///srv/iface", default).unwrap(),
            StoreUrl::Sqlite("/srv/iface".into())
        );
        assert_eq!(
            StoreUrl::parse("sqlite:", default).unwrap(),
            StoreUrl::Sqlite(default.into())
        );
        assert_eq!(
            StoreUrl::parse("postgresql://db/iface", default).unwrap(),
            StoreUrl::Postgres("postgresql://db/iface".into())
        );
        let err = StoreUrl::parse("mysql://u:pw@db/iface", default).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("mysql://u:***@db/iface"), "{message}");
        assert!(!message.contains("pw"), "{message}");
        assert!(StoreUrl::parse("/srv/iface", default).is_err());
    }
}
