//! The embedded store: one SQLite database (WAL mode) plus the archives as
//! files, all under one data directory:
//!
//! ```text
//! <data>/index.sqlite3
//! <data>/archives/<sha256[0..2]>/<sha256>.tar.gz
//! ```
//!
//! Durability rule: an archive file is written to a temporary file, synced,
//! renamed into place and its directory synced *before* the transaction that
//! lists its revision commits. A crash at any point therefore leaves either
//! no new revision (perhaps an orphan archive file, which is harmless and
//! content-addressed) or a complete one.
//!
//! Concurrency: one writer connection behind a mutex, and a small pool of
//! reader connections, which WAL lets run beside the writer. Writes start with
//! `BEGIN IMMEDIATE`, so that another process on the same data directory (a
//! second `iface serve`, or the client using the directory as a local index)
//! is serialised by SQLite itself and revision numbers stay consecutive.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use anyhow::Context as _;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Row, TransactionBehavior, params};
use sha2::{Digest, Sha256};

use crate::uri::InterfaceUri;

use super::{
    Export, GrantRecord, Import, ImportedRevision, InterfaceRecord, ListOrder, ListQuery,
    NewRevision, Page, PromulgationRecord, Published, RevisionContent, RevisionRecord, SearchQuery,
    Store, StoreError, StoreResult, StoredToken, TokenRecord, UserRecord, follows, now,
};

/// The database file inside the data directory.
pub const DB_FILE: &str = "index.sqlite3";
/// The directory of archive files inside the data directory.
pub const ARCHIVES_DIR: &str = "archives";

/// Readers kept open between requests; more are opened under load and closed
/// again when they are returned to a full pool.
const IDLE_READERS: usize = 8;
/// Page cache per reader connection, in KiB. Small on purpose: the OS page
/// cache holds the file anyway, and many busy readers each with SQLite's
/// default 2 MiB would dominate the server's memory. (No mmap either: mapped
/// pages count as the server's resident memory.)
const READER_CACHE_KIB: i64 = 1024;
/// A temporary archive file older than this is left over from a crash and
/// is removed at start; younger ones may belong to another process's
/// publish in progress.
const STALE_INCOMING: Duration = Duration::from_secs(3600);
/// How long a connection waits for another process's write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
/// A token's last-used time is only rewritten when it is older than this, so
/// that authenticated requests do not each take the write lock.
const LAST_USED_GRANULARITY: i64 = 60;

/// Schema migrations, applied in order. `PRAGMA user_version` records how many
/// have run. Never edit a released entry; append a new one.
const MIGRATIONS: &[&str] = &[
    // 1: the initial schema.
    r#"
    CREATE TABLE users (
        name        TEXT PRIMARY KEY,
        created_at  INTEGER NOT NULL
    );
    CREATE TABLE tokens (
        id            INTEGER PRIMARY KEY,
        user          TEXT NOT NULL REFERENCES users(name),
        label         TEXT NOT NULL,
        hash          TEXT NOT NULL UNIQUE,
        created_at    INTEGER NOT NULL,
        last_used_at  INTEGER,
        revoked_at    INTEGER
    );
    CREATE INDEX tokens_user ON tokens(user);
    CREATE TABLE interfaces (
        id               INTEGER PRIMARY KEY,
        owner            TEXT NOT NULL REFERENCES users(name),
        name             TEXT NOT NULL,
        summary          TEXT,
        description      TEXT,
        category         TEXT,
        version          INTEGER,
        maintainers      TEXT NOT NULL DEFAULT '[]',
        roles            TEXT NOT NULL DEFAULT '[]',
        latest_revision  INTEGER NOT NULL DEFAULT 0,
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        UNIQUE (owner, name)
    );
    CREATE INDEX interfaces_name ON interfaces(name);
    CREATE INDEX interfaces_category ON interfaces(category);
    CREATE INDEX interfaces_updated ON interfaces(updated_at);
    CREATE TABLE revisions (
        interface_id  INTEGER NOT NULL REFERENCES interfaces(id),
        revision      INTEGER NOT NULL,
        digest        TEXT NOT NULL,
        size          INTEGER NOT NULL,
        version       INTEGER,
        roles         TEXT NOT NULL,
        manifest      TEXT NOT NULL,
        readme        TEXT,
        schemas       TEXT NOT NULL DEFAULT '[]',
        publisher     TEXT NOT NULL,
        published_at  INTEGER NOT NULL,
        PRIMARY KEY (interface_id, revision)
    ) WITHOUT ROWID;
    CREATE INDEX revisions_digest ON revisions(digest);
    -- Published revisions are immutable: the database itself refuses to
    -- change or drop one, whatever code runs against it.
    CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are immutable'); END;
    CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are immutable'); END;
    CREATE TABLE promulgations (
        name          TEXT PRIMARY KEY,
        interface_id  INTEGER NOT NULL REFERENCES interfaces(id),
        created_at    INTEGER NOT NULL
    );
    CREATE TABLE maintainers (
        interface_id  INTEGER NOT NULL REFERENCES interfaces(id),
        user          TEXT NOT NULL REFERENCES users(name),
        granted_at    INTEGER NOT NULL,
        PRIMARY KEY (interface_id, user)
    ) WITHOUT ROWID;
    -- Full-text search; rowid = interfaces.id, kept in step by publish.
    -- Every search term is a prefix query, so short prefixes are indexed.
    CREATE VIRTUAL TABLE interfaces_fts USING fts5(
        name, summary, description, category, maintainers,
        tokenize = 'unicode61', prefix = '2 3'
    );
    -- Rank by bm25 with column weights: a hit in the name counts most, then
    -- the summary. Order: name, summary, description, category, maintainers.
    INSERT INTO interfaces_fts (interfaces_fts, rank)
        VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0, 2.0)');
    "#,
];

/// The columns of an [`InterfaceRecord`], for `interfaces AS i`.
const INTERFACE_COLUMNS: &str = "i.owner, i.name, i.summary, i.description, i.category, \
     i.version, i.maintainers, i.roles, i.latest_revision, i.created_at, i.updated_at, \
     EXISTS (SELECT 1 FROM promulgations p WHERE p.interface_id = i.id) AS promulgated, \
     (SELECT json_group_array(user) FROM \
        (SELECT m.user FROM maintainers m WHERE m.interface_id = i.id ORDER BY m.user)) \
        AS maintainer_users";

/// The columns of a [`RevisionRecord`], for `revisions AS r JOIN interfaces AS i`.
const REVISION_COLUMNS: &str = "i.owner, i.name, r.revision, r.digest, r.size, r.version, \
     r.roles, r.publisher, r.published_at";

#[derive(Debug)]
pub struct SqliteStore {
    dir: PathBuf,
    db_path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> Self {
        StoreError::Backend(anyhow::Error::new(err).context("database error"))
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock rolled its transaction back when the
    // transaction was dropped, so the connection is still usable.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn is_constraint(err: &rusqlite::Error) -> bool {
    matches!(err, rusqlite::Error::SqliteFailure(e, _)
        if e.code == rusqlite::ErrorCode::ConstraintViolation)
}

fn is_digest(digest: &str) -> bool {
    digest.len() == 64
        && digest
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn json_list(text: String) -> rusqlite::Result<Vec<String>> {
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Serialising lists of strings cannot fail.
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_owned())
}

fn interface_from_row(row: &Row<'_>) -> rusqlite::Result<InterfaceRecord> {
    Ok(InterfaceRecord {
        owner: row.get(0)?,
        name: row.get(1)?,
        summary: row.get(2)?,
        description: row.get(3)?,
        category: row.get(4)?,
        version: row.get(5)?,
        maintainers: json_list(row.get(6)?)?,
        roles: json_list(row.get(7)?)?,
        latest_revision: row.get(8)?,
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
        promulgated: row.get(11)?,
        maintainer_users: json_list(row.get(12)?)?,
    })
}

fn revision_from_row(row: &Row<'_>) -> rusqlite::Result<RevisionRecord> {
    Ok(RevisionRecord {
        owner: row.get(0)?,
        name: row.get(1)?,
        revision: row.get(2)?,
        digest: row.get(3)?,
        size: row.get(4)?,
        version: row.get(5)?,
        roles: json_list(row.get(6)?)?,
        publisher: row.get(7)?,
        published_at: row.get(8)?,
    })
}

fn token_from_row(row: &Row<'_>) -> rusqlite::Result<TokenRecord> {
    Ok(TokenRecord {
        id: row.get(0)?,
        user: row.get(1)?,
        label: row.get(2)?,
        created_at: row.get(3)?,
        last_used_at: row.get(4)?,
    })
}

/// Turns what a person typed into a safe FTS5 query: each word becomes a
/// quoted prefix phrase (`"tls-cert"*`), all of them required. Quoting means
/// FTS5 operators and column filters in the input are plain text, never
/// syntax. None when nothing searchable is left.
fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split_whitespace()
        .map(|word| {
            word.chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '+' | '@'))
                .collect::<String>()
        })
        // A word that is only punctuation tokenizes to nothing, and an empty
        // phrase would make FTS5 reject the whole query.
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| format!("\"{word}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Writes `bytes` to `path` so that after this returns the file is complete
/// on disk: temporary file in the same directory, fsync, rename, fsync of
/// the directory (which makes the rename itself durable).
fn write_durably(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path.parent().context("archive path has no directory")?;
    fs::create_dir_all(dir).with_context(|| format!("could not create {}", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".incoming-")
        .tempfile_in(dir)
        .with_context(|| format!("could not create a temporary file in {}", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("could not write {}", tmp.path().display()))?;
    tmp.persist(path)
        .with_context(|| format!("could not move the archive to {}", path.display()))?;
    sync_dir(dir)?;
    // The shard directory may be new, so its own entry must be durable too.
    if let Some(parent) = dir.parent() {
        sync_dir(parent)?;
    }
    Ok(())
}

/// Removes temporary archive files that a crash left behind. They never
/// became part of the index (the rename that publishes them did not happen),
/// so this is only tidying; failures are ignored.
fn remove_stale_incoming(archives: &Path) {
    let Ok(shards) = fs::read_dir(archives) else {
        return;
    };
    for shard in shards.flatten() {
        let Ok(files) = fs::read_dir(shard.path()) else {
            continue;
        };
        for file in files.flatten() {
            let stale = file
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > STALE_INCOMING);
            if stale && file.file_name().to_string_lossy().starts_with(".incoming-") {
                let _ = fs::remove_file(file.path());
            }
        }
    }
}

fn sync_dir(dir: &Path) -> anyhow::Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("could not sync directory {}", dir.display()))
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

impl SqliteStore {
    /// Opens the index in `dir`, creating the directory, the database and its
    /// schema on first use and applying any newer migrations.
    pub fn open(dir: &Path) -> anyhow::Result<Self> {
        fs::create_dir_all(dir.join(ARCHIVES_DIR))
            .with_context(|| format!("could not create the data directory {}", dir.display()))?;
        Self::open_inner(dir)
    }

    /// Opens an index that must already exist (the client reading a local
    /// index directory must not create one by mistake at a mistyped path).
    pub fn open_existing(dir: &Path) -> anyhow::Result<Self> {
        let db = dir.join(DB_FILE);
        if !db.is_file() {
            anyhow::bail!("{} is not an iface index (no {DB_FILE})", dir.display());
        }
        Self::open_inner(dir)
    }

    fn open_inner(dir: &Path) -> anyhow::Result<Self> {
        let db_path = dir.join(DB_FILE);
        let mut writer = Connection::open(&db_path)
            .with_context(|| format!("could not open {}", db_path.display()))?;
        writer.busy_timeout(BUSY_TIMEOUT)?;
        let mode: String =
            retry_busy(|| Ok(writer.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?))?;
        if !mode.eq_ignore_ascii_case("wal") {
            anyhow::bail!(
                "{} cannot use WAL mode (got {mode}); is it on a network file system?",
                db_path.display()
            );
        }
        // FULL: a publish the client was told about survives a power cut, so
        // its number is never handed out twice. Publishes are rare; reads do
        // not sync.
        writer.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
        retry_busy(|| migrate(&mut writer))
            .with_context(|| format!("could not migrate {}", db_path.display()))?;
        remove_stale_incoming(&dir.join(ARCHIVES_DIR));
        Ok(SqliteStore {
            dir: dir.to_path_buf(),
            db_path,
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
        })
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the archive with `digest` lives.
    pub fn archive_path(&self, digest: &str) -> PathBuf {
        self.dir
            .join(ARCHIVES_DIR)
            .join(&digest[..2.min(digest.len())])
            .join(format!("{digest}.tar.gz"))
    }

    fn open_reader(&self) -> rusqlite::Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.db_path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Read-write open (WAL readers need the shared-memory file) but never
        // used to write.
        conn.execute_batch(&format!(
            "PRAGMA query_only = ON; PRAGMA cache_size = -{READER_CACHE_KIB};"
        ))?;
        Ok(conn)
    }

    /// Runs `f` on a reader connection from the pool.
    fn read<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> StoreResult<T> {
        let pooled = lock(&self.readers).pop();
        let conn = match pooled {
            Some(conn) => conn,
            None => self.open_reader()?,
        };
        let result = f(&conn);
        let mut pool = lock(&self.readers);
        if pool.len() < IDLE_READERS {
            pool.push(conn);
        }
        Ok(result?)
    }

    /// Runs `f` in an immediate transaction on the writer connection.
    fn write<T>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let mut conn = lock(&self.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    fn interface_id(tx: &Connection, owner: &str, name: &str) -> StoreResult<i64> {
        tx.query_row(
            "SELECT id FROM interfaces WHERE owner = ?1 AND name = ?2",
            params![owner, name],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("no interface interface:~{owner}/{name}")))
    }

    fn require_user(tx: &Connection, user: &str) -> StoreResult<()> {
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM users WHERE name = ?1)",
            [user],
            |r| r.get(0),
        )?;
        if exists {
            Ok(())
        } else {
            Err(StoreError::NotFound(format!("no user ~{user}")))
        }
    }

    /// Makes sure the archive file exists and holds exactly `bytes`.
    /// Publishes `new`, or with `import` writes it as that revision at those
    /// times (see [`ImportedRevision`]).
    fn commit_revision(
        &self,
        new: &NewRevision<'_>,
        import: Option<&ImportedRevision<'_>>,
    ) -> StoreResult<Published> {
        let digest = sha256_hex(new.archive);
        if digest != new.digest {
            return Err(StoreError::Invalid(format!(
                "archive digest is {digest}, not the {} given",
                new.digest
            )));
        }
        // Durable before the row that lists it can commit.
        self.store_archive(&digest, new.archive)?;
        let (at, created_at) = match import {
            Some(i) => (i.published_at, i.interface_created_at),
            None => {
                let at = now();
                (at, at)
            }
        };
        self.write(|tx| {
            Self::require_user(tx, new.owner)?;
            let existing: Option<(i64, u32)> = tx
                .prepare_cached(
                    "SELECT id, latest_revision FROM interfaces WHERE owner = ?1 AND name = ?2",
                )?
                .query_row([new.owner, new.name], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let maintainers = to_json(&new.maintainers);
            let roles = to_json(&new.roles);
            let (id, next) = match existing {
                Some((id, latest)) => {
                    if let Some(i) = import {
                        follows(new, latest, i.number)?;
                    }
                    let latest_digest: Option<String> = match import {
                        Some(_) => None,
                        None => tx
                            .prepare_cached(
                                "SELECT digest FROM revisions \
                                 WHERE interface_id = ?1 AND revision = ?2",
                            )?
                            .query_row(params![id, latest], |r| r.get(0))
                            .optional()?,
                    };
                    if latest_digest.as_deref() == Some(digest.as_str()) {
                        let sql = format!(
                            "SELECT {REVISION_COLUMNS} FROM revisions r \
                             JOIN interfaces i ON i.id = r.interface_id \
                             WHERE r.interface_id = ?1 AND r.revision = ?2"
                        );
                        let revision =
                            tx.query_row(&sql, params![id, latest], revision_from_row)?;
                        return Ok(Published {
                            revision,
                            created: false,
                        });
                    }
                    tx.execute(
                        "UPDATE interfaces SET summary = ?2, description = ?3, category = ?4, \
                         version = ?5, maintainers = ?6, roles = ?7, latest_revision = ?8, \
                         updated_at = ?9 WHERE id = ?1",
                        params![
                            id,
                            new.summary,
                            new.description,
                            new.category,
                            new.version,
                            maintainers,
                            roles,
                            latest + 1,
                            at
                        ],
                    )?;
                    (id, latest + 1)
                }
                None => {
                    if let Some(i) = import {
                        follows(new, 0, i.number)?;
                    }
                    tx.execute(
                        "INSERT INTO interfaces (owner, name, summary, description, category, \
                         version, maintainers, roles, latest_revision, created_at, updated_at) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?10)",
                        params![
                            new.owner,
                            new.name,
                            new.summary,
                            new.description,
                            new.category,
                            new.version,
                            maintainers,
                            roles,
                            created_at,
                            at
                        ],
                    )?;
                    (tx.last_insert_rowid(), 1)
                }
            };
            tx.execute(
                "INSERT INTO revisions (interface_id, revision, digest, size, version, roles, \
                 manifest, readme, schemas, publisher, published_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    id,
                    next,
                    digest,
                    new.archive.len() as i64,
                    new.version,
                    roles,
                    new.manifest,
                    new.readme,
                    to_json(&new.schemas),
                    new.publisher,
                    at
                ],
            )?;
            tx.execute("DELETE FROM interfaces_fts WHERE rowid = ?1", [id])?;
            tx.execute(
                "INSERT INTO interfaces_fts (rowid, name, summary, description, category, \
                 maintainers) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    id,
                    new.name,
                    new.summary.unwrap_or(""),
                    new.description.unwrap_or(""),
                    new.category.unwrap_or(""),
                    new.maintainers.join("\n")
                ],
            )?;
            Ok(Published {
                revision: RevisionRecord {
                    owner: new.owner.to_owned(),
                    name: new.name.to_owned(),
                    revision: next,
                    digest: digest.clone(),
                    size: new.archive.len() as u64,
                    version: new.version,
                    roles: new.roles.to_vec(),
                    publisher: new.publisher.to_owned(),
                    published_at: at,
                },
                created: true,
            })
        })
    }

    fn store_archive(&self, digest: &str, bytes: &[u8]) -> StoreResult<()> {
        let path = self.archive_path(digest);
        // Content-addressed: an existing file with the right digest was
        // renamed into place whole, so it can be kept. One with the wrong
        // digest (disk corruption) is replaced.
        if let Ok(existing) = fs::read(&path)
            && sha256_hex(&existing) == digest
        {
            return Ok(());
        }
        write_durably(&path, bytes)?;
        Ok(())
    }
}

impl Drop for SqliteStore {
    fn drop(&mut self) {
        // Fold the WAL back into the database so that the directory is
        // self-contained when the server stops. Best effort: a failure here
        // loses nothing, SQLite replays the WAL on next open.
        lock(&self.readers).clear();
        let conn = lock(&self.writer);
        let _ = conn.execute_batch("PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);");
    }
}

/// Runs `step` again while the database answers BUSY, up to the busy
/// timeout. Switching a new database to WAL takes an exclusive lock for
/// which SQLite may answer BUSY at once instead of calling the busy handler,
/// so processes opening one fresh data directory together need this.
fn retry_busy<T>(mut step: impl FnMut() -> anyhow::Result<T>) -> anyhow::Result<T> {
    let started = std::time::Instant::now();
    let mut pause = Duration::from_millis(2);
    loop {
        match step() {
            Err(err) if is_busy(&err) && started.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

fn is_busy(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|cause| cause.downcast_ref::<rusqlite::Error>())
        .any(|e| {
            matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            )
        })
}

fn migrate(conn: &mut Connection) -> anyhow::Result<()> {
    // Take the write lock before reading the version, so that two processes
    // starting at once do not both apply the same migration.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current: usize = tx.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as usize;
    if current > MIGRATIONS.len() {
        anyhow::bail!(
            "the database has schema version {current}, newer than this iface knows ({}); \
             upgrade iface",
            MIGRATIONS.len()
        );
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        tx.execute_batch(sql)
            .with_context(|| format!("migration {} failed", index + 1))?;
        tx.pragma_update(None, "user_version", (index + 1) as i64)?;
    }
    tx.commit()?;
    Ok(())
}

impl Store for SqliteStore {
    fn ping(&self) -> StoreResult<()> {
        self.read(|conn| conn.query_row("SELECT 1", [], |_| Ok(())))
    }

    fn create_user(&self, name: &str) -> StoreResult<UserRecord> {
        let created_at = now();
        self.write(|tx| {
            match tx.execute(
                "INSERT INTO users (name, created_at) VALUES (?1, ?2)",
                params![name, created_at],
            ) {
                Ok(_) => Ok(UserRecord {
                    name: name.to_owned(),
                    created_at,
                }),
                Err(err) if is_constraint(&err) => {
                    Err(StoreError::Conflict(format!("user ~{name} already exists")))
                }
                Err(err) => Err(err.into()),
            }
        })
    }

    fn user(&self, name: &str) -> StoreResult<Option<UserRecord>> {
        self.read(|conn| {
            conn.prepare_cached("SELECT name, created_at FROM users WHERE name = ?1")?
                .query_row([name], |r| {
                    Ok(UserRecord {
                        name: r.get(0)?,
                        created_at: r.get(1)?,
                    })
                })
                .optional()
        })
    }

    fn users(&self) -> StoreResult<Vec<UserRecord>> {
        self.read(|conn| {
            conn.prepare_cached("SELECT name, created_at FROM users ORDER BY name")?
                .query_map([], |r| {
                    Ok(UserRecord {
                        name: r.get(0)?,
                        created_at: r.get(1)?,
                    })
                })?
                .collect()
        })
    }

    fn create_token(&self, user: &str, label: &str, hash: &str) -> StoreResult<TokenRecord> {
        let created_at = now();
        self.write(|tx| {
            Self::require_user(tx, user)?;
            match tx.execute(
                "INSERT INTO tokens (user, label, hash, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![user, label, hash, created_at],
            ) {
                Ok(_) => Ok(TokenRecord {
                    id: tx.last_insert_rowid(),
                    user: user.to_owned(),
                    label: label.to_owned(),
                    created_at,
                    last_used_at: None,
                }),
                Err(err) if is_constraint(&err) => {
                    Err(StoreError::Conflict("that token already exists".to_owned()))
                }
                Err(err) => Err(err.into()),
            }
        })
    }

    fn authenticate(&self, hash: &str) -> StoreResult<Option<TokenRecord>> {
        let found = self.read(|conn| {
            conn.prepare_cached(
                "SELECT id, user, label, created_at, last_used_at FROM tokens \
                 WHERE hash = ?1 AND revoked_at IS NULL",
            )?
            .query_row([hash], token_from_row)
            .optional()
        })?;
        let Some(mut token) = found else {
            return Ok(None);
        };
        let at = now();
        if token
            .last_used_at
            .is_none_or(|used| at - used >= LAST_USED_GRANULARITY)
        {
            self.write(|tx| {
                tx.execute(
                    "UPDATE tokens SET last_used_at = ?1 WHERE id = ?2",
                    params![at, token.id],
                )?;
                Ok(())
            })?;
            token.last_used_at = Some(at);
        }
        Ok(Some(token))
    }

    fn tokens(&self, user: &str) -> StoreResult<Vec<TokenRecord>> {
        self.read(|conn| {
            conn.prepare_cached(
                "SELECT id, user, label, created_at, last_used_at FROM tokens \
                 WHERE user = ?1 AND revoked_at IS NULL ORDER BY id",
            )?
            .query_map([user], token_from_row)?
            .collect()
        })
    }

    fn revoke_token(&self, user: &str, id: i64) -> StoreResult<bool> {
        let at = now();
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE tokens SET revoked_at = ?1 \
                 WHERE id = ?2 AND user = ?3 AND revoked_at IS NULL",
                params![at, id, user],
            )?;
            Ok(changed > 0)
        })
    }

    fn list(&self, query: &ListQuery) -> StoreResult<Page<InterfaceRecord>> {
        let order = match query.order {
            ListOrder::Name => "i.name, i.owner",
            ListOrder::Recent => "promulgated DESC, i.updated_at DESC, i.name, i.owner",
        };
        let filter = "(?1 IS NULL OR i.owner = ?1) AND (?2 IS NULL OR i.category = ?2)";
        let sql = format!(
            "SELECT {INTERFACE_COLUMNS} FROM interfaces i WHERE {filter} \
             ORDER BY {order} LIMIT ?3 OFFSET ?4"
        );
        let count = format!("SELECT count(*) FROM interfaces i WHERE {filter}");
        self.read(|conn| {
            let items = conn
                .prepare_cached(&sql)?
                .query_map(
                    params![
                        query.owner,
                        query.category,
                        query.limit,
                        query.offset as i64
                    ],
                    interface_from_row,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let total: i64 = conn
                .prepare_cached(&count)?
                .query_row(params![query.owner, query.category], |r| r.get(0))?;
            Ok(Page {
                items,
                total: total as u64,
            })
        })
    }

    fn search(&self, query: &SearchQuery) -> StoreResult<Page<InterfaceRecord>> {
        let Some(fts) = fts_query(&query.text) else {
            return Ok(Page {
                items: Vec::new(),
                total: 0,
            });
        };
        // Rank and page inside the FTS table first, then read the columns
        // (with their subqueries) for one page only, not for every match.
        let sql = format!(
            "WITH hits AS (SELECT rowid, rank FROM interfaces_fts \
                 WHERE interfaces_fts MATCH ?1 ORDER BY rank, rowid LIMIT ?2 OFFSET ?3) \
             SELECT {INTERFACE_COLUMNS} FROM hits JOIN interfaces i ON i.id = hits.rowid \
             ORDER BY hits.rank, hits.rowid"
        );
        self.read(|conn| {
            let items = conn
                .prepare_cached(&sql)?
                .query_map(
                    params![fts, query.limit, query.offset as i64],
                    interface_from_row,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let total: i64 = conn
                .prepare_cached(
                    "SELECT count(*) FROM interfaces_fts WHERE interfaces_fts MATCH ?1",
                )?
                .query_row([&fts], |r| r.get(0))?;
            Ok(Page {
                items,
                total: total as u64,
            })
        })
    }

    fn interface(&self, owner: &str, name: &str) -> StoreResult<Option<InterfaceRecord>> {
        let sql = format!(
            "SELECT {INTERFACE_COLUMNS} FROM interfaces i WHERE i.owner = ?1 AND i.name = ?2"
        );
        self.read(|conn| {
            conn.prepare_cached(&sql)?
                .query_row([owner, name], interface_from_row)
                .optional()
        })
    }

    fn revisions(&self, owner: &str, name: &str) -> StoreResult<Option<Vec<RevisionRecord>>> {
        let sql = format!(
            "SELECT {REVISION_COLUMNS} FROM revisions r JOIN interfaces i ON i.id = r.interface_id \
             WHERE i.owner = ?1 AND i.name = ?2 ORDER BY r.revision DESC"
        );
        self.read(|conn| {
            // One read transaction, so the existence check and the list agree.
            let tx = conn.unchecked_transaction()?;
            let exists: bool = tx
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM interfaces WHERE owner = ?1 AND name = ?2)",
                )?
                .query_row([owner, name], |r| r.get(0))?;
            if !exists {
                return Ok(None);
            }
            let list = tx
                .prepare_cached(&sql)?
                .query_map([owner, name], revision_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(Some(list))
        })
    }

    fn revision(
        &self,
        owner: &str,
        name: &str,
        revision: Option<u32>,
    ) -> StoreResult<Option<RevisionRecord>> {
        // The latest is the interface's latest_revision, written in the same
        // transaction as the revision row, so the two always agree.
        let sql = format!(
            "SELECT {REVISION_COLUMNS} FROM revisions r JOIN interfaces i ON i.id = r.interface_id \
             WHERE i.owner = ?1 AND i.name = ?2 \
               AND r.revision = coalesce(?3, i.latest_revision)"
        );
        self.read(|conn| {
            conn.prepare_cached(&sql)?
                .query_row(params![owner, name, revision], revision_from_row)
                .optional()
        })
    }

    fn resolve_batch(&self, uris: &[InterfaceUri]) -> StoreResult<Vec<Option<RevisionRecord>>> {
        // An owner-less name stands for its promulgated owner's interface.
        let sql = format!(
            "SELECT {REVISION_COLUMNS} FROM revisions r JOIN interfaces i ON i.id = r.interface_id \
             WHERE i.name = ?2 \
               AND i.owner = coalesce(?1, (SELECT pi.owner FROM promulgations p \
                   JOIN interfaces pi ON pi.id = p.interface_id WHERE p.name = ?2)) \
               AND r.revision = coalesce(?3, i.latest_revision)"
        );
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&sql)?;
            uris.iter()
                .map(|uri| {
                    statement
                        .query_row(
                            params![uri.owner, uri.name, uri.revision],
                            revision_from_row,
                        )
                        .optional()
                })
                .collect()
        })
    }

    fn revision_content(
        &self,
        owner: &str,
        name: &str,
        revision: u32,
    ) -> StoreResult<Option<RevisionContent>> {
        self.read(|conn| {
            conn.prepare_cached(
                "SELECT r.manifest, r.readme, r.schemas FROM revisions r \
                 JOIN interfaces i ON i.id = r.interface_id \
                 WHERE i.owner = ?1 AND i.name = ?2 AND r.revision = ?3",
            )?
            .query_row(params![owner, name, revision], |row| {
                let schemas: String = row.get(2)?;
                Ok(RevisionContent {
                    manifest: row.get(0)?,
                    readme: row.get(1)?,
                    schemas: serde_json::from_str(&schemas).map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            2,
                            rusqlite::types::Type::Text,
                            e.into(),
                        )
                    })?,
                })
            })
            .optional()
        })
    }

    fn owners_of(&self, name: &str) -> StoreResult<Vec<String>> {
        self.read(|conn| {
            conn.prepare_cached("SELECT owner FROM interfaces WHERE name = ?1 ORDER BY owner")?
                .query_map([name], |r| r.get(0))?
                .collect()
        })
    }

    fn archive(&self, digest: &str) -> StoreResult<Option<Vec<u8>>> {
        if !is_digest(digest) {
            return Ok(None);
        }
        // Content-addressed and only ever renamed into place whole, so a
        // file under its digest is that archive; no database read needed.
        let path = self.archive_path(digest);
        match fs::read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(err) => Err(StoreError::Backend(
                anyhow::Error::new(err).context(format!("could not read {}", path.display())),
            )),
        }
    }

    fn publish(&self, new: &NewRevision<'_>) -> StoreResult<Published> {
        self.commit_revision(new, None)
    }

    fn promulgated(&self, name: &str) -> StoreResult<Option<String>> {
        self.read(|conn| {
            conn.prepare_cached(
                "SELECT i.owner FROM promulgations p JOIN interfaces i ON i.id = p.interface_id \
                 WHERE p.name = ?1",
            )?
            .query_row([name], |r| r.get(0))
            .optional()
        })
    }

    fn promulgations(&self) -> StoreResult<Vec<(String, String)>> {
        self.read(|conn| {
            conn.prepare_cached(
                "SELECT p.name, i.owner FROM promulgations p \
                 JOIN interfaces i ON i.id = p.interface_id ORDER BY p.name",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect()
        })
    }

    fn promulgate(&self, owner: &str, name: &str) -> StoreResult<Option<String>> {
        let at = now();
        self.write(|tx| {
            let id = Self::interface_id(tx, owner, name)?;
            let previous: Option<String> = tx
                .query_row(
                    "SELECT i.owner FROM promulgations p \
                     JOIN interfaces i ON i.id = p.interface_id WHERE p.name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .optional()?;
            tx.execute(
                "INSERT INTO promulgations (name, interface_id, created_at) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (name) DO UPDATE SET interface_id = ?2, created_at = ?3",
                params![name, id, at],
            )?;
            Ok(previous)
        })
    }

    fn unpromulgate(&self, name: &str) -> StoreResult<Option<String>> {
        self.write(|tx| {
            let previous: Option<String> = tx
                .query_row(
                    "SELECT i.owner FROM promulgations p \
                     JOIN interfaces i ON i.id = p.interface_id WHERE p.name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .optional()?;
            tx.execute("DELETE FROM promulgations WHERE name = ?1", [name])?;
            Ok(previous)
        })
    }

    fn is_maintainer(&self, owner: &str, name: &str, user: &str) -> StoreResult<bool> {
        self.read(|conn| {
            conn.prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM maintainers m JOIN interfaces i \
                 ON i.id = m.interface_id WHERE i.owner = ?1 AND i.name = ?2 AND m.user = ?3)",
            )?
            .query_row([owner, name, user], |r| r.get(0))
        })
    }

    fn grant(&self, owner: &str, name: &str, user: &str) -> StoreResult<bool> {
        let at = now();
        self.write(|tx| {
            let id = Self::interface_id(tx, owner, name)?;
            Self::require_user(tx, user)?;
            let changed = tx.execute(
                "INSERT OR IGNORE INTO maintainers (interface_id, user, granted_at) \
                 VALUES (?1, ?2, ?3)",
                params![id, user, at],
            )?;
            Ok(changed > 0)
        })
    }

    fn revoke(&self, owner: &str, name: &str, user: &str) -> StoreResult<bool> {
        self.write(|tx| {
            let id = Self::interface_id(tx, owner, name)?;
            let changed = tx.execute(
                "DELETE FROM maintainers WHERE interface_id = ?1 AND user = ?2",
                params![id, user],
            )?;
            Ok(changed > 0)
        })
    }

    fn export(&self) -> StoreResult<Export> {
        self.read(|conn| {
            // One read transaction, so the three lists agree with each other.
            let tx = conn.unchecked_transaction()?;
            let tokens = tx
                .prepare(
                    "SELECT id, user, label, created_at, last_used_at, hash, revoked_at \
                     FROM tokens ORDER BY id",
                )?
                .query_map([], |r| {
                    Ok(StoredToken {
                        token: token_from_row(r)?,
                        hash: r.get(5)?,
                        revoked_at: r.get(6)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let grants = tx
                .prepare(
                    "SELECT i.owner, i.name, m.user, m.granted_at FROM maintainers m \
                     JOIN interfaces i ON i.id = m.interface_id ORDER BY i.owner, i.name, m.user",
                )?
                .query_map([], |r| {
                    Ok(GrantRecord {
                        owner: r.get(0)?,
                        name: r.get(1)?,
                        user: r.get(2)?,
                        granted_at: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let promulgations = tx
                .prepare(
                    "SELECT p.name, i.owner, p.created_at FROM promulgations p \
                     JOIN interfaces i ON i.id = p.interface_id ORDER BY p.name",
                )?
                .query_map([], |r| {
                    Ok(PromulgationRecord {
                        name: r.get(0)?,
                        owner: r.get(1)?,
                        created_at: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(Export {
                tokens,
                grants,
                promulgations,
            })
        })
    }

    fn import(&self, record: &Import<'_>) -> StoreResult<()> {
        let inserted = |result: rusqlite::Result<usize>| match result {
            Ok(_) => Ok(()),
            Err(err) if is_constraint(&err) => Err(StoreError::Conflict(format!(
                "{} is here already",
                record.describe()
            ))),
            Err(err) => Err(err.into()),
        };
        match record {
            Import::Revision(revision) => {
                self.commit_revision(&revision.new, Some(revision))?;
                Ok(())
            }
            Import::User(user) => self.write(|tx| {
                inserted(tx.execute(
                    "INSERT INTO users (name, created_at) VALUES (?1, ?2)",
                    params![user.name, user.created_at],
                ))
            }),
            Import::Token { token, keep_id } => self.write(|tx| {
                let t = &token.token;
                Self::require_user(tx, &t.user)?;
                inserted(tx.execute(
                    "INSERT INTO tokens (id, user, label, hash, created_at, last_used_at, \
                     revoked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        keep_id.then_some(t.id),
                        t.user,
                        t.label,
                        token.hash,
                        t.created_at,
                        t.last_used_at,
                        token.revoked_at
                    ],
                ))
            }),
            Import::Grant(grant) => self.write(|tx| {
                let id = Self::interface_id(tx, &grant.owner, &grant.name)?;
                Self::require_user(tx, &grant.user)?;
                inserted(tx.execute(
                    "INSERT INTO maintainers (interface_id, user, granted_at) VALUES (?1, ?2, ?3)",
                    params![id, grant.user, grant.granted_at],
                ))
            }),
            Import::Promulgation(promulgation) => self.write(|tx| {
                let id = Self::interface_id(tx, &promulgation.owner, &promulgation.name)?;
                inserted(tx.execute(
                    "INSERT INTO promulgations (name, interface_id, created_at) \
                     VALUES (?1, ?2, ?3)",
                    params![promulgation.name, id, promulgation.created_at],
                ))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_query_quotes_every_word() {
        assert_eq!(fts_query("tls cert"), Some("\"tls\"* \"cert\"*".into()));
        assert_eq!(
            fts_query("tls-certificates"),
            Some("\"tls-certificates\"*".into())
        );
        // Operators and quotes are text, never syntax.
        assert_eq!(
            fts_query("name:x OR \"y"),
            Some("\"namex\"* \"OR\"* \"y\"*".into())
        );
        assert_eq!(fts_query("  \" * ( ) "), None);
        assert_eq!(fts_query(""), None);
    }

    fn new_revision<'a>(
        owner: &'a str,
        name: &'a str,
        archive: &'a [u8],
        digest: &'a str,
    ) -> NewRevision<'a> {
        NewRevision {
            owner,
            name,
            archive,
            digest,
            summary: Some("A test interface"),
            description: None,
            category: Some("misc"),
            version: Some(1),
            maintainers: &[],
            roles: &[],
            manifest: "name: x\n",
            readme: None,
            schemas: &[],
            publisher: owner,
        }
    }

    #[test]
    fn publish_numbers_and_dedups_and_survives_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        store.create_user("bob").unwrap();
        let a = b"archive a".to_vec();
        let b = b"archive b".to_vec();
        let (da, db) = (sha256_hex(&a), sha256_hex(&b));
        let first = store.publish(&new_revision("bob", "db", &a, &da)).unwrap();
        assert_eq!((first.revision.revision, first.created), (1, true));
        let again = store.publish(&new_revision("bob", "db", &a, &da)).unwrap();
        assert_eq!((again.revision.revision, again.created), (1, false));
        let second = store.publish(&new_revision("bob", "db", &b, &db)).unwrap();
        assert_eq!(second.revision.revision, 2);
        // A wrong digest is refused before anything is written.
        let err = store
            .publish(&new_revision("bob", "db", &a, &db))
            .unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)), "{err}");
        // The owner must exist.
        let err = store
            .publish(&new_revision("eve", "db", &a, &da))
            .unwrap_err();
        assert!(matches!(err, StoreError::NotFound(_)), "{err}");
        drop(store);

        let store = SqliteStore::open_existing(dir.path()).unwrap();
        let revs = store.revisions("bob", "db").unwrap().unwrap();
        assert_eq!(
            revs.iter().map(|r| r.revision).collect::<Vec<_>>(),
            vec![2, 1]
        );
        assert_eq!(store.archive(&da).unwrap().unwrap(), a);
        let content = store.revision_content("bob", "db", 1).unwrap().unwrap();
        assert_eq!(content.manifest, "name: x\n");
        assert!(store.revision_content("bob", "db", 3).unwrap().is_none());
        assert_eq!(
            store.revision("bob", "db", None).unwrap().unwrap().digest,
            db
        );
        assert!(store.revisions("bob", "nope").unwrap().is_none());
    }

    #[test]
    fn revisions_cannot_be_changed_even_by_sql() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        store.create_user("bob").unwrap();
        let a = b"archive".to_vec();
        store
            .publish(&new_revision("bob", "db", &a, &sha256_hex(&a)))
            .unwrap();
        let conn = lock(&store.writer);
        let err = conn
            .execute("UPDATE revisions SET digest = 'x'", [])
            .unwrap_err();
        assert!(err.to_string().contains("immutable"), "{err}");
        let err = conn.execute("DELETE FROM revisions", []).unwrap_err();
        assert!(err.to_string().contains("immutable"), "{err}");
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        drop(SqliteStore::open(dir.path()).unwrap());
        let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        drop(conn);
        let err = SqliteStore::open(dir.path()).unwrap_err();
        assert!(format!("{err:#}").contains("schema version 99"), "{err:#}");
    }

    #[test]
    fn open_existing_refuses_a_directory_that_is_not_an_index() {
        let dir = tempfile::tempdir().unwrap();
        let err = SqliteStore::open_existing(dir.path()).unwrap_err();
        assert!(err.to_string().contains("not an iface index"), "{err}");
    }
}
