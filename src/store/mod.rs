//! The index's storage: a narrow trait that the server (and the client's
//! local-directory indexes) talk to, and the records it deals in.
//!
//! The trait is synchronous and object-safe on purpose. The embedded SQLite
//! backend is blocking anyway; the server calls it through
//! `tokio::task::spawn_blocking`, and the client can read a local index
//! directory without an async runtime. A PostgreSQL backend fits the same
//! shape: every method is one transaction, and no SQL crosses this boundary.
//!
//! What is *policy* rather than storage (who may publish, how a URI resolves,
//! what a valid archive is) lives outside the backends, so that every backend
//! behaves the same. [`resolve`] is here because the client needs it too.

use std::fmt;

use crate::error::ErrorCode;
use crate::uri::InterfaceUri;

pub mod copy;
pub mod pg_tls;
pub mod postgres;
pub mod sqlite;

pub use sqlite::SqliteStore;

/// Seconds since the Unix epoch. Stored as integers so that every backend
/// compares and sorts them the same way.
pub type Timestamp = i64;

/// The current time as a [`Timestamp`].
pub fn now() -> Timestamp {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Why a store call failed. `NotFound` and `Conflict` are answers a caller
/// acts on; `Backend` is the store itself failing (disk, database).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Backend(#[from] anyhow::Error),
}

impl StoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::NotFound(_) => ErrorCode::NotFound,
            StoreError::Conflict(_) => ErrorCode::Conflict,
            StoreError::Invalid(_) => ErrorCode::Invalid,
            StoreError::Backend(_) => ErrorCode::Failed,
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// A user; their name is also their namespace (`~name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRecord {
    pub name: String,
    pub created_at: Timestamp,
}

/// A token as the store keeps it: never the token itself, only its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRecord {
    pub id: i64,
    pub user: String,
    pub label: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
}

/// An interface with what its latest revision says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterfaceRecord {
    pub owner: String,
    pub name: String,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub category: Option<String>,
    /// The protocol's major version from the latest revision's interface.yaml.
    pub version: Option<u32>,
    /// The people interface.yaml names as maintainers (free text).
    pub maintainers: Vec<String>,
    /// Index users granted the right to publish revisions of it.
    pub maintainer_users: Vec<String>,
    /// Roles present in the latest revision (`provides`, `requires`, `peer`).
    pub roles: Vec<String>,
    pub promulgated: bool,
    pub latest_revision: u32,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl InterfaceRecord {
    /// `interface:~owner/name`.
    pub fn uri(&self) -> InterfaceUri {
        InterfaceUri {
            owner: Some(self.owner.clone()),
            name: self.name.clone(),
            revision: None,
        }
    }
}

/// One published revision. Immutable once stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionRecord {
    pub owner: String,
    pub name: String,
    pub revision: u32,
    /// SHA-256 of the archive, lower-case hex.
    pub digest: String,
    pub size: u64,
    pub version: Option<u32>,
    pub roles: Vec<String>,
    /// Who published it: a user name, or `admin`.
    pub publisher: String,
    pub published_at: Timestamp,
}

/// The texts a revision was published with. Kept apart from
/// [`RevisionRecord`] so that resolving and listing, which are hot, never
/// carry READMEs around.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionContent {
    /// interface.yaml exactly as published.
    pub manifest: String,
    pub readme: Option<String>,
    /// JSON Schemas under `schema/` as published: (file name, text).
    pub schemas: Vec<(String, String)>,
}

impl RevisionRecord {
    /// `interface:~owner/name-N`.
    pub fn uri(&self) -> InterfaceUri {
        InterfaceUri {
            owner: Some(self.owner.clone()),
            name: self.name.clone(),
            revision: Some(self.revision),
        }
    }
}

/// Everything needed to store a new revision. The caller has validated the
/// archive already; the store assigns the number.
#[derive(Debug, Clone)]
pub struct NewRevision<'a> {
    pub owner: &'a str,
    pub name: &'a str,
    pub archive: &'a [u8],
    /// SHA-256 of `archive`, lower-case hex; the store re-checks it.
    pub digest: &'a str,
    pub summary: Option<&'a str>,
    pub description: Option<&'a str>,
    pub category: Option<&'a str>,
    pub version: Option<u32>,
    pub maintainers: &'a [String],
    pub roles: &'a [String],
    pub manifest: &'a str,
    pub readme: Option<&'a str>,
    pub schemas: &'a [(String, String)],
    pub publisher: &'a str,
}

/// A token as the store keeps it, hash and revocation included. Only a copy
/// of the whole index reads this ([`Store::export`]); requests never do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredToken {
    pub token: TokenRecord,
    /// SHA-256 hex of the secret, which the store never sees.
    pub hash: String,
    pub revoked_at: Option<Timestamp>,
}

/// A user's right to publish one interface, and since when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantRecord {
    pub owner: String,
    pub name: String,
    pub user: String,
    pub granted_at: Timestamp,
}

/// An owner-less name bound to one owner's interface, and since when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromulgationRecord {
    pub name: String,
    pub owner: String,
    pub created_at: Timestamp,
}

/// What the read methods do not show whole: every token (revoked ones too)
/// with its hash, and the times of grants and promulgations. With
/// [`Store::users`], [`Store::list`], [`Store::revisions`],
/// [`Store::revision_content`] and [`Store::archive`] this is everything a
/// store keeps, so a copy made from them loses nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Export {
    /// By id.
    pub tokens: Vec<StoredToken>,
    /// By owner, name, user.
    pub grants: Vec<GrantRecord>,
    /// By name.
    pub promulgations: Vec<PromulgationRecord>,
}

/// A revision written with the number and times another store gave it.
#[derive(Debug, Clone)]
pub struct ImportedRevision<'a> {
    pub new: NewRevision<'a>,
    /// Must follow the interface's latest revision exactly (1 for a new
    /// interface): an import never leaves a gap or renumbers.
    pub number: u32,
    pub published_at: Timestamp,
    /// Used when this revision creates the interface.
    pub interface_created_at: Timestamp,
}

/// One record written exactly as another store kept it, times included
/// ([`Store::import`]). Each refuses, with `Conflict`, to overwrite what is
/// there already.
#[derive(Debug, Clone)]
pub enum Import<'a> {
    User(&'a UserRecord),
    /// With `keep_id` the token keeps its id, which must be free; otherwise
    /// it gets the store's next one.
    Token {
        token: &'a StoredToken,
        keep_id: bool,
    },
    /// Unlike [`Store::publish`], an archive identical to the latest
    /// revision's is stored as a revision all the same: the source had it.
    Revision(&'a ImportedRevision<'a>),
    Grant(&'a GrantRecord),
    Promulgation(&'a PromulgationRecord),
}

impl Import<'_> {
    /// What is being imported, for messages.
    pub fn describe(&self) -> String {
        match self {
            Import::User(user) => format!("the user ~{}", user.name),
            Import::Token { token, .. } => {
                format!("token {} of ~{}", token.token.id, token.token.user)
            }
            Import::Revision(r) => {
                format!("interface:~{}/{}-{}", r.new.owner, r.new.name, r.number)
            }
            Import::Grant(g) => format!("~{}'s grant on interface:~{}/{}", g.user, g.owner, g.name),
            Import::Promulgation(p) => format!("the promulgation of {}", p.name),
        }
    }
}

/// Refuses an imported revision `number` that does not directly follow the
/// interface's `latest` (0 when it has none yet).
pub(crate) fn follows(
    new: &NewRevision<'_>,
    latest: impl Into<i64>,
    number: u32,
) -> StoreResult<()> {
    let latest = latest.into();
    if latest + 1 == i64::from(number) {
        return Ok(());
    }
    Err(StoreError::Conflict(format!(
        "interface:~{}/{} has {latest} revision(s) here; revision {number} cannot follow",
        new.owner, new.name
    )))
}

/// What `publish` did.
#[derive(Debug, Clone)]
pub struct Published {
    pub revision: RevisionRecord,
    /// False when the archive was identical to the latest revision, which is
    /// then answered again instead of minting a copy under a new number (a
    /// re-run CI job must not fill the history with duplicates).
    pub created: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListOrder {
    /// By name, then owner: stable for paging through everything.
    #[default]
    Name,
    /// Promulgated first, then most recently updated: the home page order.
    Recent,
}

#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub owner: Option<String>,
    pub category: Option<String>,
    pub order: ListOrder,
    pub limit: u32,
    pub offset: u64,
}

#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// Free text as the user typed it; the backend makes it safe.
    pub text: String,
    pub limit: u32,
    pub offset: u64,
}

/// One page of a longer listing.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// How many there are in all, across every page.
    pub total: u64,
}

/// The storage interface of the index. Every method is one transaction.
pub trait Store: Send + Sync + fmt::Debug {
    /// Cheap liveness check for `/healthz`.
    fn ping(&self) -> StoreResult<()>;

    // Users and tokens.
    fn create_user(&self, name: &str) -> StoreResult<UserRecord>;
    fn user(&self, name: &str) -> StoreResult<Option<UserRecord>>;
    fn users(&self) -> StoreResult<Vec<UserRecord>>;
    /// Stores a token by the SHA-256 hex of its secret.
    fn create_token(&self, user: &str, label: &str, hash: &str) -> StoreResult<TokenRecord>;
    /// The live (not revoked) token with this hash, marking it used.
    fn authenticate(&self, hash: &str) -> StoreResult<Option<TokenRecord>>;
    fn tokens(&self, user: &str) -> StoreResult<Vec<TokenRecord>>;
    /// Revokes one of `user`'s tokens; false when it has no such live token.
    fn revoke_token(&self, user: &str, id: i64) -> StoreResult<bool>;

    // Interfaces and revisions.
    fn list(&self, query: &ListQuery) -> StoreResult<Page<InterfaceRecord>>;
    /// Full-text search, best match first.
    fn search(&self, query: &SearchQuery) -> StoreResult<Page<InterfaceRecord>>;
    fn interface(&self, owner: &str, name: &str) -> StoreResult<Option<InterfaceRecord>>;
    /// Every revision, newest first. `None` when the interface does not exist.
    fn revisions(&self, owner: &str, name: &str) -> StoreResult<Option<Vec<RevisionRecord>>>;
    /// One revision; the latest when `revision` is `None`.
    fn revision(
        &self,
        owner: &str,
        name: &str,
        revision: Option<u32>,
    ) -> StoreResult<Option<RevisionRecord>>;
    /// What one revision was published with.
    fn revision_content(
        &self,
        owner: &str,
        name: &str,
        revision: u32,
    ) -> StoreResult<Option<RevisionContent>>;
    /// For each URI, the revision [`resolve`] finds for it, in one call (on
    /// PostgreSQL one round trip); `None` where [`resolve`] would answer an
    /// error, which it then tells.
    fn resolve_batch(&self, uris: &[InterfaceUri]) -> StoreResult<Vec<Option<RevisionRecord>>>;
    /// The owners of every interface called `name`, sorted.
    fn owners_of(&self, name: &str) -> StoreResult<Vec<String>>;
    /// The archive bytes with this digest, if the store has them.
    fn archive(&self, digest: &str) -> StoreResult<Option<Vec<u8>>>;
    /// Stores the archive durably, then commits the revision with the next
    /// number for its interface (creating the interface on first publish).
    /// The owner must be an existing user.
    fn publish(&self, new: &NewRevision<'_>) -> StoreResult<Published>;

    // Promulgation and per-interface maintainers.
    /// The owner whose `name` the owner-less name stands for.
    fn promulgated(&self, name: &str) -> StoreResult<Option<String>>;
    /// (name, owner) pairs, by name.
    fn promulgations(&self) -> StoreResult<Vec<(String, String)>>;
    /// Binds `name` to `~owner/name`; answers the previous owner, if any.
    fn promulgate(&self, owner: &str, name: &str) -> StoreResult<Option<String>>;
    /// Unbinds `name`; answers the owner it was bound to, if any.
    fn unpromulgate(&self, name: &str) -> StoreResult<Option<String>>;
    fn is_maintainer(&self, owner: &str, name: &str, user: &str) -> StoreResult<bool>;
    /// Grants `user` publishing on `~owner/name`; false if they had it.
    fn grant(&self, owner: &str, name: &str, user: &str) -> StoreResult<bool>;
    /// Takes it back; false if they did not have it.
    fn revoke(&self, owner: &str, name: &str, user: &str) -> StoreResult<bool>;

    // Moving a whole index (`iface store copy`).
    /// Tokens with their hashes, grant and promulgation times: see [`Export`].
    fn export(&self) -> StoreResult<Export>;
    /// Writes one record with the numbers and times it is given, in one
    /// transaction. Referenced users and interfaces must exist.
    fn import(&self, record: &Import<'_>) -> StoreResult<()>;
}

/// Why a URI did not resolve. Each carries a message for people; scripts
/// use [`ResolveError::code`].
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    /// No interface by that owner and name, or no such name at all.
    #[error("{0}")]
    NotFound(String),
    /// A bare name nobody promulgated, with the interfaces it could mean.
    #[error("{message}")]
    Ambiguous {
        message: String,
        candidates: Vec<String>,
    },
    /// The interface exists but not that revision.
    #[error("{0}")]
    NoRevision(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ResolveError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ResolveError::NotFound(_) | ResolveError::NoRevision(_) => ErrorCode::NotFound,
            ResolveError::Ambiguous { .. } => ErrorCode::Ambiguous,
            ResolveError::Store(err) => err.code(),
        }
    }

    pub fn candidates(&self) -> &[String] {
        match self {
            ResolveError::Ambiguous { candidates, .. } => candidates,
            _ => &[],
        }
    }
}

/// The owner a URI names: its own, or the promulgated one for a bare name.
/// A bare name nobody promulgated never resolves by guesswork (that would let
/// anyone squat a name); the error lists the candidates instead.
pub fn resolve_owner(store: &dyn Store, uri: &InterfaceUri) -> Result<String, ResolveError> {
    if let Some(owner) = &uri.owner {
        return Ok(owner.clone());
    }
    if let Some(owner) = store.promulgated(&uri.name)? {
        return Ok(owner);
    }
    let owners = store.owners_of(&uri.name)?;
    let bare = InterfaceUri {
        owner: None,
        name: uri.name.clone(),
        revision: None,
    };
    if owners.is_empty() {
        return Err(ResolveError::NotFound(format!("no interface named {bare}")));
    }
    let candidates: Vec<String> = owners
        .into_iter()
        .map(|owner| {
            InterfaceUri {
                owner: Some(owner),
                name: uri.name.clone(),
                revision: None,
            }
            .to_string()
        })
        .collect();
    Err(ResolveError::Ambiguous {
        message: format!(
            "{bare} is not promulgated; name one of: {}",
            candidates.join(", ")
        ),
        candidates,
    })
}

/// Resolves a URI to one stored revision: the named one, or the latest.
pub fn resolve(store: &dyn Store, uri: &InterfaceUri) -> Result<RevisionRecord, ResolveError> {
    let owner = resolve_owner(store, uri)?;
    let base = InterfaceUri {
        owner: Some(owner.clone()),
        name: uri.name.clone(),
        revision: None,
    };
    match store.revision(&owner, &uri.name, uri.revision)? {
        Some(found) => Ok(found),
        None => {
            let latest = store.interface(&owner, &uri.name)?;
            match (latest, uri.revision) {
                (None, _) => Err(ResolveError::NotFound(format!("no interface {base}"))),
                (Some(found), Some(wanted)) => Err(ResolveError::NoRevision(format!(
                    "{base} has no revision {wanted} (latest is {})",
                    found.latest_revision
                ))),
                // An interface row exists only once a revision committed, so
                // this is a store that lost a revision: say so, don't guess.
                (Some(_), None) => Err(ResolveError::NotFound(format!("{base} has no revisions"))),
            }
        }
    }
}

/// [`resolve`] for many URIs with one store call for all of them; only the
/// URIs that do not resolve cost another look, to say why. A failing store
/// fails the whole call.
pub fn resolve_many(
    store: &dyn Store,
    uris: &[InterfaceUri],
) -> StoreResult<Vec<Result<RevisionRecord, ResolveError>>> {
    let found = store.resolve_batch(uris)?;
    found
        .into_iter()
        .zip(uris)
        .map(|(found, uri)| match found {
            Some(record) => Ok(Ok(record)),
            None => match resolve(store, uri) {
                Err(ResolveError::Store(err)) => Err(err),
                other => Ok(other),
            },
        })
        .collect()
}
