//! The shared store: one PostgreSQL database behind any number of
//! `iface serve` replicas. Everything lives in the database, archives
//! included (they are at most 10 MiB, so `bytea` suits), so replicas share no
//! file system and are stateless.
//!
//! It behaves exactly like [`SqliteStore`](super::SqliteStore): the same
//! answers, the same errors, the same order of results. Where the two engines
//! differ by default, this file pins PostgreSQL down:
//!
//! - Text that is sorted or compared is `COLLATE "C"` (byte order, as SQLite's
//!   `BINARY`), whatever locale the database was created with. With a libc
//!   `en_US` collation `tls-certificates` would sort after `tlsa`.
//! - Full-text search documents are tokenized here, in Rust, the way SQLite's
//!   `unicode61` tokenizer does (alphanumeric runs, case folded), and handed
//!   to PostgreSQL as a ready `tsvector`. PostgreSQL's own parser would index
//!   `tls-certificates` three times and treat `1.2.3` as one word, and its
//!   case folding depends on the database's locale.
//! - Search is ranked by `ts_rank` with the SQLite store's field weights and
//!   a length normalization in the spirit of bm25's: a hit in the name beats
//!   one in the description, more hits beat fewer, a short document beats a
//!   long one. The scores are not bm25's (PostgreSQL has no per-term IDF),
//!   so near ties may come out in another order than SQLite's.
//!
//! Concurrency: every trait call is one transaction on a pooled connection.
//! A publish takes a transaction-scoped advisory lock on its interface, so
//! two publishes of one interface through different replicas are serialised
//! by the database and revision numbers stay consecutive; publishes of
//! different interfaces do not wait for each other. Schema migrations run at
//! open under another advisory lock, so replicas may start at once.
//!
//! The driver is the synchronous `postgres` crate, which runs a small async
//! runtime of its own inside every call: like every store call, call it from
//! blocking threads (`spawn_blocking`, as the server does), never directly
//! from async code, where it would panic.
//!
//! Each publish also sends a notification on [`REVISIONS_CHANNEL`] when it
//! commits, so that watchers on every replica hear of it
//! ([`PostgresStore::listen`]).

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fmt;
use std::str::FromStr as _;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use postgres::types::ToSql;
use postgres::{Client, Config, GenericClient, IsolationLevel, NoTls, Row, Statement};
use sha2::{Digest, Sha256};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::pg_tls::TlsOptions;
use super::{
    Export, GrantRecord, Import, ImportedRevision, InterfaceRecord, ListOrder, ListQuery,
    NewRevision, Page, PromulgationRecord, Published, RevisionContent, RevisionRecord, SearchQuery,
    Store, StoreError, StoreResult, StoredToken, TokenRecord, UserRecord, follows, now,
};
use crate::uri::InterfaceUri;

/// Connections one store opens at most. Every replica has its own pool, so
/// the database sees replicas × this; PostgreSQL's default limit is 100.
pub const DEFAULT_MAX_CONNECTIONS: usize = 16;
/// Connections kept open between requests.
const IDLE_CONNECTIONS: usize = 8;
/// How long a call waits for a free connection before it fails.
const POOL_WAIT: Duration = Duration::from_secs(30);
/// Used when the URL sets no `connect_timeout`.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// A token's last-used time is only rewritten when it is older than this
/// (as in the SQLite store), so authenticated requests rarely write.
const LAST_USED_GRANULARITY: i64 = 60;

/// The advisory lock key that serialises schema migrations (one 64-bit key:
/// "iface" in ASCII). Two-key advisory locks, used for publishes, live in a
/// separate key space, so the two never collide.
const MIGRATION_LOCK: i64 = 0x0069_6661_6365;
/// First key of the per-interface publish lock; the second is a hash of
/// `owner/name`. A hash collision only makes two publishes wait for each
/// other, it never mixes their numbers up.
const PUBLISH_LOCK_SPACE: i32 = 0x6966_6163;

/// First key of the per-name promulgation lock, so that two admins
/// (un)promulgating one name at once each see the other's as "previous".
const PROMULGATE_LOCK_SPACE: i32 = 0x6966_6170;

/// The channel every publish notifies on commit, with a JSON
/// [`RevisionNotice`] as payload.
pub const REVISIONS_CHANNEL: &str = "iface_revisions";

/// PostgreSQL refuses tsvector lexemes of 2 KiB or more; longer "words" are
/// left out of the index (nobody searches for them).
const MAX_LEXEME_BYTES: usize = 2046;
/// Positions PostgreSQL keeps per lexeme, and the largest position.
const MAX_POSITIONS: usize = 256;
const MAX_POSITION: usize = 16383;

/// Schema migrations, applied in order; `iface_schema.version` records how
/// many have run. Never edit a released entry; append a new one.
const MIGRATIONS: &[&str] = &[
    // 1: the initial schema, the same tables as the SQLite store's plus the
    // archives themselves.
    r#"
    CREATE TABLE users (
        name        TEXT COLLATE "C" PRIMARY KEY,
        created_at  BIGINT NOT NULL
    );
    CREATE TABLE tokens (
        id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        username      TEXT COLLATE "C" NOT NULL REFERENCES users(name),
        label         TEXT NOT NULL,
        hash          TEXT COLLATE "C" NOT NULL UNIQUE,
        created_at    BIGINT NOT NULL,
        last_used_at  BIGINT,
        revoked_at    BIGINT
    );
    CREATE INDEX tokens_user ON tokens(username);
    CREATE TABLE archives (
        digest  TEXT COLLATE "C" PRIMARY KEY,
        size    BIGINT NOT NULL,
        data    BYTEA NOT NULL
    );
    -- Archives are gzip already: store them out of line without trying to
    -- compress them again.
    ALTER TABLE archives ALTER COLUMN data SET STORAGE EXTERNAL;
    CREATE TABLE interfaces (
        id               BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        owner            TEXT COLLATE "C" NOT NULL REFERENCES users(name),
        name             TEXT COLLATE "C" NOT NULL,
        summary          TEXT,
        description      TEXT,
        category         TEXT COLLATE "C",
        version          BIGINT,
        maintainers      TEXT[] NOT NULL DEFAULT '{}',
        roles            TEXT[] NOT NULL DEFAULT '{}',
        latest_revision  BIGINT NOT NULL DEFAULT 0,
        search           TSVECTOR NOT NULL DEFAULT '',
        created_at       BIGINT NOT NULL,
        updated_at       BIGINT NOT NULL,
        UNIQUE (owner, name)
    );
    CREATE INDEX interfaces_name ON interfaces(name);
    CREATE INDEX interfaces_category ON interfaces(category);
    CREATE INDEX interfaces_updated ON interfaces(updated_at);
    CREATE INDEX interfaces_search ON interfaces USING GIN (search);
    CREATE TABLE revisions (
        interface_id  BIGINT NOT NULL REFERENCES interfaces(id),
        revision      BIGINT NOT NULL,
        digest        TEXT COLLATE "C" NOT NULL REFERENCES archives(digest),
        size          BIGINT NOT NULL,
        version       BIGINT,
        roles         TEXT[] NOT NULL,
        manifest      TEXT NOT NULL,
        readme        TEXT,
        schemas       TEXT NOT NULL DEFAULT '[]',
        publisher     TEXT NOT NULL,
        published_at  BIGINT NOT NULL,
        PRIMARY KEY (interface_id, revision)
    );
    CREATE INDEX revisions_digest ON revisions(digest);
    -- Published revisions and their archives are immutable: the database
    -- itself refuses to change or drop one, whatever code runs against it.
    CREATE FUNCTION iface_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% are immutable', TG_TABLE_NAME; END
    $$;
    CREATE TRIGGER revisions_immutable BEFORE UPDATE OR DELETE ON revisions
        FOR EACH ROW EXECUTE FUNCTION iface_immutable();
    CREATE TRIGGER archives_immutable BEFORE UPDATE OR DELETE ON archives
        FOR EACH ROW EXECUTE FUNCTION iface_immutable();
    CREATE TABLE promulgations (
        name          TEXT COLLATE "C" PRIMARY KEY,
        interface_id  BIGINT NOT NULL REFERENCES interfaces(id),
        created_at    BIGINT NOT NULL
    );
    CREATE TABLE maintainers (
        interface_id  BIGINT NOT NULL REFERENCES interfaces(id),
        username      TEXT COLLATE "C" NOT NULL REFERENCES users(name),
        granted_at    BIGINT NOT NULL,
        PRIMARY KEY (interface_id, username)
    );
    "#,
];

/// The columns of an [`InterfaceRecord`], for `interfaces AS i`.
const INTERFACE_COLUMNS: &str = "i.owner, i.name, i.summary, i.description, i.category, \
     i.version, i.maintainers, i.roles, i.latest_revision, i.created_at, i.updated_at, \
     EXISTS (SELECT 1 FROM promulgations p WHERE p.interface_id = i.id) AS promulgated, \
     ARRAY(SELECT m.username FROM maintainers m WHERE m.interface_id = i.id \
           ORDER BY m.username) AS maintainer_users";

/// The columns of a [`RevisionRecord`], for `revisions AS r JOIN interfaces AS i`.
const REVISION_COLUMNS: &str = "i.owner, i.name, r.revision, r.digest, r.size, r.version, \
     r.roles, r.publisher, r.published_at";

/// `ts_rank` weights for D, C, B, A: description 1, category and maintainers
/// 2, summary 4, name 10, the same ratios as the SQLite store's bm25 weights.
const RANK_WEIGHTS: &str = "'{0.1, 0.2, 0.4, 1.0}'::real[]";
/// `ts_rank` normalization 1: divide by 1 + log(words in the document). Like
/// bm25's length normalization in the SQLite store, a hit in a short
/// document counts for more than the same hit in a long one.
const RANK_NORMALIZATION: i32 = 1;

/// What a publish tells the other replicas, as the payload of a notification
/// on [`REVISIONS_CHANNEL`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RevisionNotice {
    pub owner: String,
    pub name: String,
    pub revision: u32,
    pub digest: String,
}

/// A connection with the statements already prepared on it, so that a hot
/// call (resolve, archive) is one round trip instead of two.
struct Conn {
    client: Client,
    statements: HashMap<String, Statement>,
}

struct Pool {
    idle: Vec<Conn>,
    /// Connections that exist, idle or lent out.
    open: usize,
    /// Callers waiting for a connection, first come first served, each with
    /// a condition variable of its own (on the pool's mutex), so that a
    /// returned connection wakes exactly the caller whose turn it is and a
    /// newcomer never takes it from under the queue.
    waiting: VecDeque<Arc<Condvar>>,
}

impl Pool {
    /// Wakes the caller first in line.
    fn wake_next(&self) {
        if let Some(turn) = self.waiting.front() {
            turn.notify_one();
        }
    }
}

pub struct PostgresStore {
    config: Config,
    /// `None` for `sslmode=disable` (see [`super::pg_tls`]).
    tls: Option<MakeRustlsConnect>,
    /// The URL without its password, for messages.
    target: String,
    max_connections: usize,
    pool: Mutex<Pool>,
}

impl fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PostgresStore")
            .field("url", &self.target)
            .field("max_connections", &self.max_connections)
            .finish_non_exhaustive()
    }
}

impl From<postgres::Error> for StoreError {
    fn from(err: postgres::Error) -> Self {
        StoreError::Backend(anyhow::Error::new(err).context("database error"))
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // The pool's state is a list and a counter, each change of it one
    // statement; a panic elsewhere cannot leave it half-changed.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn is_digest(digest: &str) -> bool {
    digest.len() == 64
        && digest
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Serialising lists of strings cannot fail.
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_owned())
}

/// `postgres://user:secret@host/db` as `postgres://user:***@host/db`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    // A password may also come as a query parameter.
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let pairs: Vec<String> = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some(("password", _)) => "password=***".to_owned(),
                    _ => pair.to_owned(),
                })
                .collect();
            format!("{path}?{}", pairs.join("&"))
        }
        None => tail.to_owned(),
    };
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{user}:***@{host}"),
            None => authority.to_owned(),
        },
        None => authority.to_owned(),
    };
    format!("{scheme}://{authority}{tail}")
}

/// Statements run through one connection (or one transaction on it), each
/// prepared once per connection.
struct Db<'a, C> {
    client: &'a mut C,
    statements: &'a mut HashMap<String, Statement>,
}

type Params<'p> = [&'p (dyn ToSql + Sync)];

impl<C: GenericClient> Db<'_, C> {
    fn statement(&mut self, sql: &str) -> Result<Statement, postgres::Error> {
        if let Some(statement) = self.statements.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client.prepare(sql)?;
        self.statements.insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }

    fn query(&mut self, sql: &str, params: &Params<'_>) -> Result<Vec<Row>, postgres::Error> {
        let statement = self.statement(sql)?;
        self.client.query(&statement, params)
    }

    fn query_opt(
        &mut self,
        sql: &str,
        params: &Params<'_>,
    ) -> Result<Option<Row>, postgres::Error> {
        let statement = self.statement(sql)?;
        self.client.query_opt(&statement, params)
    }

    fn query_one(&mut self, sql: &str, params: &Params<'_>) -> Result<Row, postgres::Error> {
        let statement = self.statement(sql)?;
        self.client.query_one(&statement, params)
    }

    fn execute(&mut self, sql: &str, params: &Params<'_>) -> Result<u64, postgres::Error> {
        let statement = self.statement(sql)?;
        self.client.execute(&statement, params)
    }
}

/// A connection lent out of the pool; goes back (or is closed) on drop.
struct Lent<'a> {
    store: &'a PostgresStore,
    conn: Option<Conn>,
}

impl Lent<'_> {
    fn conn(&mut self) -> &mut Conn {
        self.conn
            .as_mut()
            .expect("a lent connection is present until drop")
    }
}

impl Drop for Lent<'_> {
    fn drop(&mut self) {
        let Some(conn) = self.conn.take() else {
            return;
        };
        let mut pool = lock(&self.store.pool);
        // A closed connection (the server restarted, the network failed) is
        // not handed out again; the next call opens a fresh one. Beyond the
        // idle few, one is closed, unless somebody is waiting for it.
        let surplus = if conn.client.is_closed()
            || (pool.idle.len() >= IDLE_CONNECTIONS && pool.waiting.is_empty())
        {
            pool.open -= 1;
            Some(conn)
        } else {
            pool.idle.push(conn);
            None
        };
        pool.wake_next();
        drop(pool);
        // Closing talks to the server: not while holding the pool lock.
        drop(surplus);
    }
}

fn u32_of(value: i64, what: &str) -> StoreResult<u32> {
    u32::try_from(value)
        .map_err(|_| StoreError::Backend(anyhow::anyhow!("the database holds {what} {value}")))
}

fn opt_u32_of(value: Option<i64>, what: &str) -> StoreResult<Option<u32>> {
    value.map(|v| u32_of(v, what)).transpose()
}

fn interface_from_row(row: &Row) -> StoreResult<InterfaceRecord> {
    Ok(InterfaceRecord {
        owner: row.try_get(0)?,
        name: row.try_get(1)?,
        summary: row.try_get(2)?,
        description: row.try_get(3)?,
        category: row.try_get(4)?,
        version: opt_u32_of(row.try_get(5)?, "a version of")?,
        maintainers: row.try_get(6)?,
        roles: row.try_get(7)?,
        latest_revision: u32_of(row.try_get(8)?, "a revision number of")?,
        created_at: row.try_get(9)?,
        updated_at: row.try_get(10)?,
        promulgated: row.try_get(11)?,
        maintainer_users: row.try_get(12)?,
    })
}

fn revision_from_row(row: &Row) -> StoreResult<RevisionRecord> {
    revision_from_columns(row, 0)
}

/// A [`RevisionRecord`] from [`REVISION_COLUMNS`] starting at column `first`.
fn revision_from_columns(row: &Row, first: usize) -> StoreResult<RevisionRecord> {
    let size: i64 = row.try_get(first + 4)?;
    Ok(RevisionRecord {
        owner: row.try_get(first)?,
        name: row.try_get(first + 1)?,
        revision: u32_of(row.try_get(first + 2)?, "a revision number of")?,
        digest: row.try_get(first + 3)?,
        size: u64::try_from(size).map_err(|_| {
            StoreError::Backend(anyhow::anyhow!(
                "the database holds an archive size of {size}"
            ))
        })?,
        version: opt_u32_of(row.try_get(first + 5)?, "a version of")?,
        roles: row.try_get(first + 6)?,
        publisher: row.try_get(first + 7)?,
        published_at: row.try_get(first + 8)?,
    })
}

fn token_from_row(row: &Row) -> StoreResult<TokenRecord> {
    Ok(TokenRecord {
        id: row.try_get(0)?,
        user: row.try_get(1)?,
        label: row.try_get(2)?,
        created_at: row.try_get(3)?,
        last_used_at: row.try_get(4)?,
    })
}

fn user_from_row(row: &Row) -> StoreResult<UserRecord> {
    Ok(UserRecord {
        name: row.try_get(0)?,
        created_at: row.try_get(1)?,
    })
}

/// The words of `text` as SQLite's `unicode61` tokenizer sees them: runs of
/// letters and digits, case folded, with the diacritics of Latin letters
/// removed (`Café` is `cafe`). Everything else separates words.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            word.chars()
                .map(fold_diacritic)
                .collect::<String>()
                .to_lowercase()
        })
}

/// `é` as `e`: a letter whose canonical decomposition is an ASCII letter
/// followed by combining marks only. Other scripts keep their marks, as
/// unicode61 keeps them.
fn fold_diacritic(c: char) -> char {
    use unicode_normalization::UnicodeNormalization as _;
    use unicode_normalization::char::is_combining_mark;
    if c.is_ascii() {
        return c;
    }
    let mut parts = std::iter::once(c).nfd();
    match parts.next() {
        Some(base) if base.is_ascii_alphabetic() && parts.all(is_combining_mark) => base,
        _ => c,
    }
}

/// The search document of an interface as a `tsvector` literal: every word
/// with its positions and the weight of the field it came from (name A,
/// summary B, category and maintainers C, description D). A gap between
/// fields keeps a phrase from matching across two of them, as in FTS5.
fn search_vector(
    name: &str,
    summary: &str,
    category: &str,
    maintainers: &str,
    description: &str,
) -> String {
    let mut lexemes: BTreeMap<String, Vec<(usize, char)>> = BTreeMap::new();
    let mut position = 1;
    // Description last: PostgreSQL caps positions, and only the tail of a
    // very long description should suffer from that.
    for (text, weight) in [
        (name, 'A'),
        (summary, 'B'),
        (category, 'C'),
        (maintainers, 'C'),
        (description, 'D'),
    ] {
        for word in words(text) {
            if word.len() <= MAX_LEXEME_BYTES {
                let positions = lexemes.entry(word).or_default();
                if positions.len() < MAX_POSITIONS {
                    positions.push((position.min(MAX_POSITION), weight));
                }
            }
            position += 1;
        }
        position += 1;
    }
    let mut out = String::new();
    for (lexeme, positions) in lexemes {
        if !out.is_empty() {
            out.push(' ');
        }
        // Lexemes are letters and digits only: no quote or backslash to escape.
        out.push('\'');
        out.push_str(&lexeme);
        out.push_str("':");
        for (i, (position, weight)) in positions.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&position.to_string());
            out.push(*weight);
        }
    }
    out
}

/// Why a search found nothing before asking the database.
enum NoQuery {
    /// Nothing searchable was typed.
    Empty,
    /// A word too long to be in any document.
    Unmatchable,
}

/// What a person typed as a `tsquery`, with the meaning of the SQLite
/// store's FTS5 query: every word required, each a prefix; a word with
/// punctuation inside (`tls-cert`) is a phrase whose last part is a prefix.
/// The characters the SQLite store keeps are kept here, so both split words
/// at the same places.
fn ts_query(text: &str) -> Result<String, NoQuery> {
    let mut phrases = Vec::new();
    for word in text.split_whitespace() {
        let kept: String = word
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '+' | '@'))
            .collect();
        let parts: Vec<String> = words(&kept).collect();
        if parts.is_empty() {
            continue;
        }
        if parts.iter().any(|part| part.len() > MAX_LEXEME_BYTES) {
            return Err(NoQuery::Unmatchable);
        }
        let last = parts.len() - 1;
        let phrase: Vec<String> = parts
            .iter()
            .enumerate()
            .map(|(i, part)| {
                if i == last {
                    format!("'{part}':*")
                } else {
                    format!("'{part}'")
                }
            })
            .collect();
        phrases.push(format!("({})", phrase.join(" <-> ")));
    }
    if phrases.is_empty() {
        Err(NoQuery::Empty)
    } else {
        Ok(phrases.join(" & "))
    }
}

fn migrate(client: &mut Client) -> anyhow::Result<()> {
    let mut tx = client.transaction()?;
    // Held until commit: a second replica starting now waits here, then
    // finds the schema already current.
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS iface_schema (version INTEGER NOT NULL)")?;
    let current: i32 = match tx.query_opt("SELECT version FROM iface_schema", &[])? {
        Some(row) => row.get(0),
        None => {
            tx.execute("INSERT INTO iface_schema (version) VALUES (0)", &[])?;
            0
        }
    };
    let current = usize::try_from(current).unwrap_or(usize::MAX);
    if current > MIGRATIONS.len() {
        anyhow::bail!(
            "the database has schema version {current}, newer than this iface knows ({}); \
             upgrade iface",
            MIGRATIONS.len()
        );
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        tx.batch_execute(sql)
            .with_context(|| format!("migration {} failed", index + 1))?;
        let version = i32::try_from(index + 1).expect("fewer than 2^31 migrations");
        tx.execute("UPDATE iface_schema SET version = $1", &[&version])?;
    }
    tx.commit()?;
    Ok(())
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user:password@host:port/db`,
    /// or any form libpq's URIs take), creating the schema on first use and
    /// applying newer migrations.
    pub fn open(url: &str) -> anyhow::Result<Self> {
        Self::open_with_pool(url, DEFAULT_MAX_CONNECTIONS)
    }

    /// [`open`](Self::open) with at most `max_connections` connections.
    pub fn open_with_pool(url: &str, max_connections: usize) -> anyhow::Result<Self> {
        let store = Self::configure(url, max_connections)?;
        let mut conn = store.connect()?;
        migrate(&mut conn.client)
            .with_context(|| format!("could not migrate the database at {}", store.target))?;
        store.adopt(conn);
        Ok(store)
    }

    /// Opens a database that must already hold an index: for reading one
    /// (`iface store copy --from`), where creating an empty index at a
    /// mistyped URL would hide the mistake.
    pub fn open_existing(url: &str) -> anyhow::Result<Self> {
        let store = Self::configure(url, DEFAULT_MAX_CONNECTIONS)?;
        let mut conn = store.connect()?;
        let exists: bool = conn
            .client
            .query_one("SELECT to_regclass('iface_schema') IS NOT NULL", &[])
            .with_context(|| format!("could not read the database at {}", store.target))?
            .get(0);
        if !exists {
            anyhow::bail!("the database at {} holds no iface index", store.target);
        }
        migrate(&mut conn.client)
            .with_context(|| format!("could not migrate the database at {}", store.target))?;
        store.adopt(conn);
        Ok(store)
    }

    fn configure(url: &str, max_connections: usize) -> anyhow::Result<Self> {
        let target = redact_url(url);
        let tls = TlsOptions::from_url(url)
            .with_context(|| format!("{target} is not a valid PostgreSQL URL"))?;
        let mut config = Config::from_str(&tls.url)
            .with_context(|| format!("{target} is not a valid PostgreSQL URL"))?;
        config.ssl_mode(tls.mode.driver());
        let connector = tls
            .connector()
            .with_context(|| format!("could not set up TLS for {target}"))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        if config.get_application_name().is_none() {
            config.application_name("iface");
        }
        Ok(PostgresStore {
            config,
            tls: connector,
            target,
            max_connections: max_connections.max(1),
            pool: Mutex::new(Pool {
                idle: Vec::new(),
                open: 0,
                waiting: VecDeque::new(),
            }),
        })
    }

    /// The URL, without its password.
    pub fn url(&self) -> &str {
        &self.target
    }

    fn connect(&self) -> anyhow::Result<Conn> {
        let client = match &self.tls {
            Some(tls) => self.config.connect(tls.clone()),
            None => self.config.connect(NoTls),
        }
        .with_context(|| format!("could not connect to PostgreSQL at {}", self.target))?;
        Ok(Conn {
            client,
            statements: HashMap::new(),
        })
    }

    /// Counts an opened connection in and puts it in the idle list.
    fn adopt(&self, conn: Conn) {
        let mut pool = lock(&self.pool);
        pool.open += 1;
        pool.idle.push(conn);
    }

    fn lend(&self) -> StoreResult<Lent<'_>> {
        let deadline = Instant::now() + POOL_WAIT;
        let mut pool = lock(&self.pool);
        // Queue up, unless nobody is waiting: then take what is free. What
        // is got is an idle connection, or `None`: the right to open one.
        let mut turn: Option<Arc<Condvar>> = None;
        let got = loop {
            let first = match &turn {
                None => pool.waiting.is_empty(),
                Some(mine) => pool.waiting.front().is_some_and(|t| Arc::ptr_eq(t, mine)),
            };
            if first {
                if let Some(conn) = pool.idle.pop() {
                    if conn.client.is_closed() {
                        pool.open -= 1;
                        continue;
                    }
                    break Ok(Some(conn));
                }
                if pool.open < self.max_connections {
                    pool.open += 1;
                    break Ok(None);
                }
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break Err(StoreError::Backend(anyhow::anyhow!(
                    "all {} connections to {} stayed busy for {}s",
                    self.max_connections,
                    self.target,
                    POOL_WAIT.as_secs()
                )));
            }
            let condvar = Arc::clone(turn.get_or_insert_with(|| {
                let condvar = Arc::new(Condvar::new());
                pool.waiting.push_back(Arc::clone(&condvar));
                condvar
            }));
            pool = condvar
                .wait_timeout(pool, left)
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .0;
        };
        // Leave the queue, and let the next in line see what is left.
        if let Some(mine) = turn {
            pool.waiting.retain(|t| !Arc::ptr_eq(t, &mine));
        }
        pool.wake_next();
        drop(pool);
        match got? {
            Some(conn) => Ok(Lent {
                store: self,
                conn: Some(conn),
            }),
            None => match self.connect() {
                Ok(conn) => Ok(Lent {
                    store: self,
                    conn: Some(conn),
                }),
                Err(err) => {
                    let mut pool = lock(&self.pool);
                    pool.open -= 1;
                    pool.wake_next();
                    Err(StoreError::Backend(err))
                }
            },
        }
    }

    /// Runs `f` outside any explicit transaction: for reads that are one
    /// statement, which PostgreSQL runs atomically anyway.
    fn read<T>(&self, f: impl FnOnce(&mut Db<'_, Client>) -> StoreResult<T>) -> StoreResult<T> {
        let mut lent = self.lend()?;
        let Conn { client, statements } = lent.conn();
        f(&mut Db { client, statements })
    }

    /// Runs `f` in a read-only snapshot, so that several statements (a page
    /// and its total, an existence check and a list) agree.
    fn snapshot<T>(
        &self,
        f: impl FnOnce(&mut Db<'_, postgres::Transaction<'_>>) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let mut lent = self.lend()?;
        let Conn { client, statements } = lent.conn();
        let mut tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let value = f(&mut Db {
            client: &mut tx,
            statements,
        })?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs `f` in a read-write transaction (read committed: each statement
    /// sees what committed before it, which is what a statement after a lock
    /// must see). An error rolls everything back.
    fn write<T>(
        &self,
        f: impl FnOnce(&mut Db<'_, postgres::Transaction<'_>>) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let mut lent = self.lend()?;
        let Conn { client, statements } = lent.conn();
        let mut tx = client.transaction()?;
        let value = f(&mut Db {
            client: &mut tx,
            statements,
        })?;
        tx.commit()?;
        Ok(value)
    }

    fn interface_id<C: GenericClient>(
        db: &mut Db<'_, C>,
        owner: &str,
        name: &str,
    ) -> StoreResult<i64> {
        db.query_opt(
            "SELECT id FROM interfaces WHERE owner = $1 AND name = $2",
            &[&owner, &name],
        )?
        .map(|row| row.get(0))
        .ok_or_else(|| StoreError::NotFound(format!("no interface interface:~{owner}/{name}")))
    }

    fn require_user<C: GenericClient>(db: &mut Db<'_, C>, user: &str) -> StoreResult<()> {
        let exists: bool = db
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM users WHERE name = $1)",
                &[&user],
            )?
            .get(0);
        if exists {
            Ok(())
        } else {
            Err(StoreError::NotFound(format!("no user ~{user}")))
        }
    }

    /// Serialises promulgations of `name` until the transaction ends.
    fn lock_name<C: GenericClient>(db: &mut Db<'_, C>, name: &str) -> StoreResult<()> {
        db.query(
            "SELECT pg_advisory_xact_lock($1, hashtext($2))",
            &[&PROMULGATE_LOCK_SPACE, &name],
        )?;
        Ok(())
    }

    fn promulgated_owner<C: GenericClient>(
        db: &mut Db<'_, C>,
        name: &str,
    ) -> StoreResult<Option<String>> {
        Ok(db
            .query_opt(
                "SELECT i.owner FROM promulgations p JOIN interfaces i ON i.id = p.interface_id \
                 WHERE p.name = $1",
                &[&name],
            )?
            .map(|row| row.get(0)))
    }

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
        let (at, created_at) = match import {
            Some(i) => (i.published_at, i.interface_created_at),
            None => {
                let at = now();
                (at, at)
            }
        };
        let size = new.archive.len() as i64;
        let version = new.version.map(i64::from);
        let maintainers: Vec<&str> = new.maintainers.iter().map(String::as_str).collect();
        let roles: Vec<&str> = new.roles.iter().map(String::as_str).collect();
        let search = search_vector(
            new.name,
            new.summary.unwrap_or(""),
            new.category.unwrap_or(""),
            &new.maintainers.join("\n"),
            new.description.unwrap_or(""),
        );
        let lock_key = format!("{}/{}", new.owner, new.name);
        self.write(|db| {
            // Held until commit: another replica publishing this interface
            // waits here, then reads the number this one committed.
            db.query(
                "SELECT pg_advisory_xact_lock($1, hashtext($2))",
                &[&PUBLISH_LOCK_SPACE, &lock_key],
            )?;
            Self::require_user(db, new.owner)?;
            let existing: Option<(i64, i64)> = db
                .query_opt(
                    "SELECT id, latest_revision FROM interfaces WHERE owner = $1 AND name = $2",
                    &[&new.owner, &new.name],
                )?
                .map(|row| (row.get(0), row.get(1)));
            let (id, next) = match existing {
                Some((id, latest)) => {
                    if let Some(i) = import {
                        follows(new, latest, i.number)?;
                    }
                    let sql = format!(
                        "SELECT {REVISION_COLUMNS} FROM revisions r \
                         JOIN interfaces i ON i.id = r.interface_id \
                         WHERE r.interface_id = $1 AND r.revision = $2"
                    );
                    let latest_row = match import {
                        None => db.query_opt(&sql, &[&id, &latest])?,
                        Some(_) => None,
                    };
                    if let Some(row) = latest_row {
                        let revision = revision_from_row(&row)?;
                        // The same archive as the latest: answer that one
                        // again rather than mint a duplicate.
                        if revision.digest == digest {
                            return Ok(Published {
                                revision,
                                created: false,
                            });
                        }
                    }
                    db.execute(
                        "UPDATE interfaces SET summary = $2, description = $3, category = $4, \
                         version = $5, maintainers = $6, roles = $7, latest_revision = $8, \
                         search = $9::text::tsvector, updated_at = $10 WHERE id = $1",
                        &[
                            &id,
                            &new.summary,
                            &new.description,
                            &new.category,
                            &version,
                            &maintainers,
                            &roles,
                            &(latest + 1),
                            &search,
                            &at,
                        ],
                    )?;
                    (id, latest + 1)
                }
                None => {
                    if let Some(i) = import {
                        follows(new, 0, i.number)?;
                    }
                    let id: i64 = db
                        .query_one(
                            "INSERT INTO interfaces (owner, name, summary, description, \
                             category, version, maintainers, roles, latest_revision, search, \
                             created_at, updated_at) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9::text::tsvector, \
                             $10, $11) RETURNING id",
                            &[
                                &new.owner,
                                &new.name,
                                &new.summary,
                                &new.description,
                                &new.category,
                                &version,
                                &maintainers,
                                &roles,
                                &search,
                                &created_at,
                                &at,
                            ],
                        )?
                        .get(0);
                    (id, 1)
                }
            };
            // Content-addressed: the same bytes may already be there for
            // another interface or an earlier revision.
            db.execute(
                "INSERT INTO archives (digest, size, data) VALUES ($1, $2, $3) \
                 ON CONFLICT (digest) DO NOTHING",
                &[&digest, &size, &new.archive],
            )?;
            db.execute(
                "INSERT INTO revisions (interface_id, revision, digest, size, version, roles, \
                 manifest, readme, schemas, publisher, published_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                &[
                    &id,
                    &next,
                    &digest,
                    &size,
                    &version,
                    &roles,
                    &new.manifest,
                    &new.readme,
                    &to_json(&new.schemas),
                    &new.publisher,
                    &at,
                ],
            )?;
            let revision = u32_of(next, "a revision number of")?;
            let notice = to_json(&RevisionNotice {
                owner: new.owner.to_owned(),
                name: new.name.to_owned(),
                revision,
                digest: digest.clone(),
            });
            // Delivered to listeners when (and only if) this commits.
            db.query("SELECT pg_notify($1, $2)", &[&REVISIONS_CHANNEL, &notice])?;
            Ok(Published {
                revision: RevisionRecord {
                    owner: new.owner.to_owned(),
                    name: new.name.to_owned(),
                    revision,
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

    /// A dedicated connection (not from the pool) that hears every revision
    /// published through any store on this database, from the moment this
    /// returns. Notices sent while it is disconnected are lost: after an
    /// error, listen again and re-read what changed meanwhile.
    pub fn listen(&self) -> anyhow::Result<RevisionListener> {
        let mut conn = self.connect()?;
        conn.client
            .batch_execute(&format!("LISTEN {REVISIONS_CHANNEL}"))
            .with_context(|| format!("could not listen on {}", self.target))?;
        Ok(RevisionListener {
            client: conn.client,
            target: self.target.clone(),
        })
    }
}

/// Hears the revisions published through every replica (LISTEN/NOTIFY).
pub struct RevisionListener {
    client: Client,
    target: String,
}

impl fmt::Debug for RevisionListener {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RevisionListener")
            .field("url", &self.target)
            .finish_non_exhaustive()
    }
}

impl RevisionListener {
    /// Waits up to `timeout` for the next notices, in commit order. Empty when
    /// none came; an error when the connection failed.
    pub fn wait(&mut self, timeout: Duration) -> anyhow::Result<Vec<RevisionNotice>> {
        use postgres::fallible_iterator::FallibleIterator as _;
        let mut notices = Vec::new();
        let mut notifications = self.client.notifications();
        let first = notifications
            .timeout_iter(timeout)
            .next()
            .with_context(|| format!("lost the connection to {}", self.target))?;
        let Some(notification) = first else {
            return Ok(notices);
        };
        let mut pending = vec![notification];
        // Whatever else already arrived, without waiting again.
        let mut rest = notifications.iter();
        while let Some(more) = rest
            .next()
            .with_context(|| format!("lost the connection to {}", self.target))?
        {
            pending.push(more);
        }
        for notification in pending {
            if notification.channel() != REVISIONS_CHANNEL {
                continue;
            }
            let notice = serde_json::from_str(notification.payload()).with_context(|| {
                format!(
                    "unreadable notice on {REVISIONS_CHANNEL}: {}",
                    notification.payload()
                )
            })?;
            notices.push(notice);
        }
        Ok(notices)
    }
}

impl Store for PostgresStore {
    fn ping(&self) -> StoreResult<()> {
        self.read(|db| {
            db.query_one("SELECT 1", &[])?;
            Ok(())
        })
    }

    fn create_user(&self, name: &str) -> StoreResult<UserRecord> {
        let created_at = now();
        self.write(|db| {
            let inserted = db.execute(
                "INSERT INTO users (name, created_at) VALUES ($1, $2) \
                 ON CONFLICT (name) DO NOTHING",
                &[&name, &created_at],
            )?;
            if inserted == 0 {
                return Err(StoreError::Conflict(format!("user ~{name} already exists")));
            }
            Ok(UserRecord {
                name: name.to_owned(),
                created_at,
            })
        })
    }

    fn user(&self, name: &str) -> StoreResult<Option<UserRecord>> {
        self.read(|db| {
            db.query_opt(
                "SELECT name, created_at FROM users WHERE name = $1",
                &[&name],
            )?
            .as_ref()
            .map(user_from_row)
            .transpose()
        })
    }

    fn users(&self) -> StoreResult<Vec<UserRecord>> {
        self.read(|db| {
            db.query("SELECT name, created_at FROM users ORDER BY name", &[])?
                .iter()
                .map(user_from_row)
                .collect()
        })
    }

    fn create_token(&self, user: &str, label: &str, hash: &str) -> StoreResult<TokenRecord> {
        let created_at = now();
        self.write(|db| {
            Self::require_user(db, user)?;
            let row = db.query_opt(
                "INSERT INTO tokens (username, label, hash, created_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (hash) DO NOTHING RETURNING id",
                &[&user, &label, &hash, &created_at],
            )?;
            match row {
                Some(row) => Ok(TokenRecord {
                    id: row.get(0),
                    user: user.to_owned(),
                    label: label.to_owned(),
                    created_at,
                    last_used_at: None,
                }),
                None => Err(StoreError::Conflict("that token already exists".to_owned())),
            }
        })
    }

    fn authenticate(&self, hash: &str) -> StoreResult<Option<TokenRecord>> {
        let found = self.read(|db| {
            db.query_opt(
                "SELECT id, username, label, created_at, last_used_at FROM tokens \
                 WHERE hash = $1 AND revoked_at IS NULL",
                &[&hash],
            )?
            .as_ref()
            .map(token_from_row)
            .transpose()
        })?;
        let Some(mut token) = found else {
            return Ok(None);
        };
        let at = now();
        if token
            .last_used_at
            .is_none_or(|used| at - used >= LAST_USED_GRANULARITY)
        {
            self.write(|db| {
                db.execute(
                    "UPDATE tokens SET last_used_at = $1 WHERE id = $2",
                    &[&at, &token.id],
                )?;
                Ok(())
            })?;
            token.last_used_at = Some(at);
        }
        Ok(Some(token))
    }

    fn tokens(&self, user: &str) -> StoreResult<Vec<TokenRecord>> {
        self.read(|db| {
            db.query(
                "SELECT id, username, label, created_at, last_used_at FROM tokens \
                 WHERE username = $1 AND revoked_at IS NULL ORDER BY id",
                &[&user],
            )?
            .iter()
            .map(token_from_row)
            .collect()
        })
    }

    fn revoke_token(&self, user: &str, id: i64) -> StoreResult<bool> {
        let at = now();
        self.write(|db| {
            let changed = db.execute(
                "UPDATE tokens SET revoked_at = $1 \
                 WHERE id = $2 AND username = $3 AND revoked_at IS NULL",
                &[&at, &id, &user],
            )?;
            Ok(changed > 0)
        })
    }

    fn list(&self, query: &ListQuery) -> StoreResult<Page<InterfaceRecord>> {
        let order = match query.order {
            ListOrder::Name => "i.name, i.owner",
            ListOrder::Recent => "promulgated DESC, i.updated_at DESC, i.name, i.owner",
        };
        let filter = "($1::text IS NULL OR i.owner = $1) AND ($2::text IS NULL OR i.category = $2)";
        let sql = format!(
            "SELECT {INTERFACE_COLUMNS} FROM interfaces i WHERE {filter} \
             ORDER BY {order} LIMIT $3 OFFSET $4"
        );
        let count = format!("SELECT count(*) FROM interfaces i WHERE {filter}");
        let limit = i64::from(query.limit);
        let offset = i64::try_from(query.offset).unwrap_or(i64::MAX);
        self.snapshot(|db| {
            let items = db
                .query(&sql, &[&query.owner, &query.category, &limit, &offset])?
                .iter()
                .map(interface_from_row)
                .collect::<StoreResult<Vec<_>>>()?;
            let total: i64 = db
                .query_one(&count, &[&query.owner, &query.category])?
                .get(0);
            Ok(Page {
                items,
                total: total as u64,
            })
        })
    }

    fn search(&self, query: &SearchQuery) -> StoreResult<Page<InterfaceRecord>> {
        let Ok(tsquery) = ts_query(&query.text) else {
            // Nothing to search for, or a word no document can hold.
            return Ok(Page {
                items: Vec::new(),
                total: 0,
            });
        };
        // Rank and page on the index first, then read the columns (with
        // their subqueries) for one page only, not for every match.
        let sql = format!(
            "WITH hits AS (SELECT i.id, ts_rank({RANK_WEIGHTS}, i.search, q.q, {RANK_NORMALIZATION}) AS rank \
                 FROM interfaces i, (SELECT $1::text::tsquery AS q) q \
                 WHERE i.search @@ q.q ORDER BY rank DESC, i.id LIMIT $2 OFFSET $3) \
             SELECT {INTERFACE_COLUMNS} FROM hits JOIN interfaces i ON i.id = hits.id \
             ORDER BY hits.rank DESC, hits.id"
        );
        let limit = i64::from(query.limit);
        let offset = i64::try_from(query.offset).unwrap_or(i64::MAX);
        self.snapshot(|db| {
            let items = db
                .query(&sql, &[&tsquery, &limit, &offset])?
                .iter()
                .map(interface_from_row)
                .collect::<StoreResult<Vec<_>>>()?;
            let total: i64 = db
                .query_one(
                    "SELECT count(*) FROM interfaces WHERE search @@ $1::text::tsquery",
                    &[&tsquery],
                )?
                .get(0);
            Ok(Page {
                items,
                total: total as u64,
            })
        })
    }

    fn interface(&self, owner: &str, name: &str) -> StoreResult<Option<InterfaceRecord>> {
        let sql = format!(
            "SELECT {INTERFACE_COLUMNS} FROM interfaces i WHERE i.owner = $1 AND i.name = $2"
        );
        self.read(|db| {
            db.query_opt(&sql, &[&owner, &name])?
                .as_ref()
                .map(interface_from_row)
                .transpose()
        })
    }

    fn revisions(&self, owner: &str, name: &str) -> StoreResult<Option<Vec<RevisionRecord>>> {
        let sql = format!(
            "SELECT {REVISION_COLUMNS} FROM revisions r JOIN interfaces i ON i.id = r.interface_id \
             WHERE i.owner = $1 AND i.name = $2 ORDER BY r.revision DESC"
        );
        self.snapshot(|db| {
            let exists: bool = db
                .query_one(
                    "SELECT EXISTS (SELECT 1 FROM interfaces WHERE owner = $1 AND name = $2)",
                    &[&owner, &name],
                )?
                .get(0);
            if !exists {
                return Ok(None);
            }
            let list = db
                .query(&sql, &[&owner, &name])?
                .iter()
                .map(revision_from_row)
                .collect::<StoreResult<Vec<_>>>()?;
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
             WHERE i.owner = $1 AND i.name = $2 \
               AND r.revision = coalesce($3::bigint, i.latest_revision)"
        );
        let revision = revision.map(i64::from);
        self.read(|db| {
            db.query_opt(&sql, &[&owner, &name, &revision])?
                .as_ref()
                .map(revision_from_row)
                .transpose()
        })
    }

    fn resolve_batch(&self, uris: &[InterfaceUri]) -> StoreResult<Vec<Option<RevisionRecord>>> {
        // All at once: the URIs as three arrays, numbered. An owner-less name
        // stands for its promulgated owner's interface.
        let sql = format!(
            "SELECT w.ord, {REVISION_COLUMNS} \
             FROM unnest($1::text[], $2::text[], $3::bigint[]) WITH ORDINALITY \
                 AS w(owner, name, revision, ord) \
             JOIN interfaces i ON i.name = w.name COLLATE \"C\" \
               AND i.owner = coalesce(w.owner COLLATE \"C\", (SELECT pi.owner \
                   FROM promulgations p JOIN interfaces pi ON pi.id = p.interface_id \
                   WHERE p.name = w.name COLLATE \"C\")) \
             JOIN revisions r ON r.interface_id = i.id \
               AND r.revision = coalesce(w.revision, i.latest_revision)"
        );
        let owners: Vec<Option<&str>> = uris.iter().map(|u| u.owner.as_deref()).collect();
        let names: Vec<&str> = uris.iter().map(|u| u.name.as_str()).collect();
        let revisions: Vec<Option<i64>> = uris.iter().map(|u| u.revision.map(i64::from)).collect();
        let rows = self.read(|db| Ok(db.query(&sql, &[&owners, &names, &revisions])?))?;
        let mut found = vec![None; uris.len()];
        for row in &rows {
            let ord: i64 = row.try_get(0)?;
            let slot = usize::try_from(ord - 1)
                .ok()
                .and_then(|index| found.get_mut(index))
                .ok_or_else(|| {
                    StoreError::Backend(anyhow::anyhow!("the database numbered a URI {ord}"))
                })?;
            *slot = Some(revision_from_columns(row, 1)?);
        }
        Ok(found)
    }

    fn revision_content(
        &self,
        owner: &str,
        name: &str,
        revision: u32,
    ) -> StoreResult<Option<RevisionContent>> {
        let revision = i64::from(revision);
        self.read(|db| {
            let Some(row) = db.query_opt(
                "SELECT r.manifest, r.readme, r.schemas FROM revisions r \
                 JOIN interfaces i ON i.id = r.interface_id \
                 WHERE i.owner = $1 AND i.name = $2 AND r.revision = $3",
                &[&owner, &name, &revision],
            )?
            else {
                return Ok(None);
            };
            let schemas: String = row.try_get(2)?;
            Ok(Some(RevisionContent {
                manifest: row.try_get(0)?,
                readme: row.try_get(1)?,
                schemas: serde_json::from_str(&schemas).map_err(|err| {
                    StoreError::Backend(
                        anyhow::Error::new(err).context("unreadable schemas in the database"),
                    )
                })?,
            }))
        })
    }

    fn owners_of(&self, name: &str) -> StoreResult<Vec<String>> {
        self.read(|db| {
            Ok(db
                .query(
                    "SELECT owner FROM interfaces WHERE name = $1 ORDER BY owner",
                    &[&name],
                )?
                .iter()
                .map(|row| row.get(0))
                .collect())
        })
    }

    fn archive(&self, digest: &str) -> StoreResult<Option<Vec<u8>>> {
        if !is_digest(digest) {
            return Ok(None);
        }
        self.read(|db| {
            Ok(db
                .query_opt("SELECT data FROM archives WHERE digest = $1", &[&digest])?
                .map(|row| row.get(0)))
        })
    }

    fn publish(&self, new: &NewRevision<'_>) -> StoreResult<Published> {
        self.commit_revision(new, None)
    }

    fn promulgated(&self, name: &str) -> StoreResult<Option<String>> {
        self.read(|db| Self::promulgated_owner(db, name))
    }

    fn promulgations(&self) -> StoreResult<Vec<(String, String)>> {
        self.read(|db| {
            Ok(db
                .query(
                    "SELECT p.name, i.owner FROM promulgations p \
                     JOIN interfaces i ON i.id = p.interface_id ORDER BY p.name",
                    &[],
                )?
                .iter()
                .map(|row| (row.get(0), row.get(1)))
                .collect())
        })
    }

    fn promulgate(&self, owner: &str, name: &str) -> StoreResult<Option<String>> {
        let at = now();
        self.write(|db| {
            let id = Self::interface_id(db, owner, name)?;
            Self::lock_name(db, name)?;
            let previous = Self::promulgated_owner(db, name)?;
            db.execute(
                "INSERT INTO promulgations (name, interface_id, created_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (name) DO UPDATE SET interface_id = $2, created_at = $3",
                &[&name, &id, &at],
            )?;
            Ok(previous)
        })
    }

    fn unpromulgate(&self, name: &str) -> StoreResult<Option<String>> {
        self.write(|db| {
            Self::lock_name(db, name)?;
            let previous: Option<String> = db
                .query_opt(
                    "DELETE FROM promulgations p USING interfaces i \
                     WHERE p.name = $1 AND i.id = p.interface_id RETURNING i.owner",
                    &[&name],
                )?
                .map(|row| row.get(0));
            Ok(previous)
        })
    }

    fn is_maintainer(&self, owner: &str, name: &str, user: &str) -> StoreResult<bool> {
        self.read(|db| {
            Ok(db
                .query_one(
                    "SELECT EXISTS (SELECT 1 FROM maintainers m JOIN interfaces i \
                     ON i.id = m.interface_id \
                     WHERE i.owner = $1 AND i.name = $2 AND m.username = $3)",
                    &[&owner, &name, &user],
                )?
                .get(0))
        })
    }

    fn grant(&self, owner: &str, name: &str, user: &str) -> StoreResult<bool> {
        let at = now();
        self.write(|db| {
            let id = Self::interface_id(db, owner, name)?;
            Self::require_user(db, user)?;
            let changed = db.execute(
                "INSERT INTO maintainers (interface_id, username, granted_at) \
                 VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                &[&id, &user, &at],
            )?;
            Ok(changed > 0)
        })
    }

    fn revoke(&self, owner: &str, name: &str, user: &str) -> StoreResult<bool> {
        self.write(|db| {
            let id = Self::interface_id(db, owner, name)?;
            let changed = db.execute(
                "DELETE FROM maintainers WHERE interface_id = $1 AND username = $2",
                &[&id, &user],
            )?;
            Ok(changed > 0)
        })
    }

    fn export(&self) -> StoreResult<Export> {
        self.snapshot(|db| {
            let tokens = db
                .query(
                    "SELECT id, username, label, created_at, last_used_at, hash, revoked_at \
                     FROM tokens ORDER BY id",
                    &[],
                )?
                .iter()
                .map(|row| {
                    Ok(StoredToken {
                        token: token_from_row(row)?,
                        hash: row.try_get(5)?,
                        revoked_at: row.try_get(6)?,
                    })
                })
                .collect::<StoreResult<_>>()?;
            let grants = db
                .query(
                    "SELECT i.owner, i.name, m.username, m.granted_at FROM maintainers m \
                     JOIN interfaces i ON i.id = m.interface_id \
                     ORDER BY i.owner, i.name, m.username",
                    &[],
                )?
                .iter()
                .map(|row| {
                    Ok(GrantRecord {
                        owner: row.try_get(0)?,
                        name: row.try_get(1)?,
                        user: row.try_get(2)?,
                        granted_at: row.try_get(3)?,
                    })
                })
                .collect::<StoreResult<_>>()?;
            let promulgations = db
                .query(
                    "SELECT p.name, i.owner, p.created_at FROM promulgations p \
                     JOIN interfaces i ON i.id = p.interface_id ORDER BY p.name",
                    &[],
                )?
                .iter()
                .map(|row| {
                    Ok(PromulgationRecord {
                        name: row.try_get(0)?,
                        owner: row.try_get(1)?,
                        created_at: row.try_get(2)?,
                    })
                })
                .collect::<StoreResult<_>>()?;
            Ok(Export {
                tokens,
                grants,
                promulgations,
            })
        })
    }

    fn import(&self, record: &Import<'_>) -> StoreResult<()> {
        let inserted = |rows: u64| {
            if rows == 0 {
                Err(StoreError::Conflict(format!(
                    "{} is here already",
                    record.describe()
                )))
            } else {
                Ok(())
            }
        };
        match record {
            Import::Revision(revision) => {
                self.commit_revision(&revision.new, Some(revision))?;
                Ok(())
            }
            Import::User(user) => self.write(|db| {
                inserted(db.execute(
                    "INSERT INTO users (name, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                    &[&user.name, &user.created_at],
                )?)
            }),
            Import::Token { token, keep_id } => self.write(|db| {
                let t = &token.token;
                Self::require_user(db, &t.user)?;
                let values: [&(dyn ToSql + Sync); 6] = [
                    &t.user,
                    &t.label,
                    &token.hash,
                    &t.created_at,
                    &t.last_used_at,
                    &token.revoked_at,
                ];
                if !keep_id {
                    return inserted(db.execute(
                        "INSERT INTO tokens (username, label, hash, created_at, last_used_at, \
                         revoked_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
                        &values,
                    )?);
                }
                let mut with_id = values.to_vec();
                with_id.push(&t.id);
                inserted(db.execute(
                    "INSERT INTO tokens (username, label, hash, created_at, last_used_at, \
                     revoked_at, id) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
                    &with_id,
                )?)?;
                // The id was not drawn from the identity sequence: move it
                // past, so that the next token created here gets a free one.
                db.query(
                    "SELECT setval(pg_get_serial_sequence('tokens', 'id'), \
                     (SELECT max(id) FROM tokens))",
                    &[],
                )?;
                Ok(())
            }),
            Import::Grant(grant) => self.write(|db| {
                let id = Self::interface_id(db, &grant.owner, &grant.name)?;
                Self::require_user(db, &grant.user)?;
                inserted(db.execute(
                    "INSERT INTO maintainers (interface_id, username, granted_at) \
                     VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    &[&id, &grant.user, &grant.granted_at],
                )?)
            }),
            Import::Promulgation(promulgation) => self.write(|db| {
                let id = Self::interface_id(db, &promulgation.owner, &promulgation.name)?;
                Self::lock_name(db, &promulgation.name)?;
                inserted(db.execute(
                    "INSERT INTO promulgations (name, interface_id, created_at) \
                     VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    &[&promulgation.name, &id, &promulgation.created_at],
                )?)
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_mean_what_the_sqlite_store_means() {
        assert_eq!(
            ts_query("tls cert").ok(),
            Some("('tls':*) & ('cert':*)".into())
        );
        assert_eq!(
            ts_query("TLS-Cert").ok(),
            Some("('tls' <-> 'cert':*)".into())
        );
        // Operators and quotes are text, never syntax; dropped characters
        // join what was around them, as in the SQLite store.
        assert_eq!(
            ts_query("name:x OR \"y ' !z").ok(),
            Some("('namex':*) & ('or':*) & ('y':*) & ('z':*)".into())
        );
        assert!(matches!(ts_query("  \" * ( ) - "), Err(NoQuery::Empty)));
        assert!(matches!(ts_query(""), Err(NoQuery::Empty)));
        assert!(matches!(
            ts_query(&"x".repeat(3000)),
            Err(NoQuery::Unmatchable)
        ));
    }

    #[test]
    fn documents_are_tokenized_like_unicode61() {
        assert_eq!(
            search_vector("tls-certificates", "TLS certs", "", "", "Ünïcode s3"),
            "'certificates':2A 'certs':5B 's3':10D 'tls':1A,4B 'unicode':9D"
        );
        // Quotes and backslashes never reach the literal.
        assert_eq!(
            search_vector("a'b\\c", "", "", "", ""),
            "'a':1A 'b':2A 'c':3A"
        );
        let long = "w ".repeat(300);
        let vector = search_vector("", "", "", "", &long);
        assert_eq!(vector.matches(',').count(), MAX_POSITIONS - 1);
    }

    #[test]
    fn passwords_stay_out_of_messages() {
        assert_eq!(
            redact_url("postgres://iface:s3cret@db:5432/iface?sslmode=disable"),
            "postgres://iface:***@db:5432/iface?sslmode=disable"
        );
        assert_eq!(redact_url("postgres://db/iface"), "postgres://db/iface");
        assert_eq!(redact_url("postgresql://u@db"), "postgresql://u@db");
        assert_eq!(
            redact_url("postgres://u@db/iface?sslmode=require&password=s3cret&x=1"),
            "postgres://u@db/iface?sslmode=require&password=***&x=1"
        );
    }
}
