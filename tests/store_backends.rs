//! One store test suite, run against both backends: the embedded SQLite
//! store and the PostgreSQL store (on a throwaway cluster, see
//! `common/postgres.rs`). Every suite function takes a [`Fixture`], which
//! opens as many stores on one index as a test needs (two are two replicas).
//! Then what only PostgreSQL has (notifications, migrations under a lock),
//! and `store copy` between the two.

#[path = "common/postgres.rs"]
mod pg;

use std::collections::BTreeMap;
use std::sync::{Arc, Barrier};
use std::time::Duration;

use sha2::{Digest, Sha256};
use tempfile::TempDir;

use iface::store::copy::{
    CopyReport, copy_store, copy_store_observed, open_existing_store, open_store,
};
use iface::store::postgres::{PostgresStore, RevisionNotice};
use iface::store::{
    Export, GrantRecord, Import, ImportedRevision, InterfaceRecord, ListOrder, ListQuery,
    NewRevision, PromulgationRecord, Published, ResolveError, RevisionContent, RevisionRecord,
    SearchQuery, SqliteStore, Store, StoreError, StoreResult, StoredToken, TokenRecord, UserRecord,
    resolve, resolve_many,
};
use iface::uri::InterfaceUri;

/// An index that stores can be opened on, each open a separate instance
/// (for PostgreSQL its own connection pool: another replica).
enum Fixture {
    Sqlite(TempDir),
    Postgres(String),
}

impl Fixture {
    fn sqlite() -> Fixture {
        Fixture::Sqlite(tempfile::tempdir().expect("temporary directory"))
    }

    fn postgres() -> Fixture {
        Fixture::Postgres(pg::fresh_database())
    }

    fn open(&self) -> Arc<dyn Store> {
        match self {
            Fixture::Sqlite(dir) => Arc::new(SqliteStore::open(dir.path()).expect("open SQLite")),
            Fixture::Postgres(url) => Arc::new(PostgresStore::open(url).expect("open PostgreSQL")),
        }
    }
}

/// Runs each named suite function once per backend.
macro_rules! suite {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            $( #[test] fn $test() { super::$test(&super::Fixture::sqlite()) } )*
        }
        mod postgres {
            $( #[test] fn $test() { super::$test(&super::Fixture::postgres()) } )*
        }
    };
}

suite!(
    users_and_tokens,
    publish_numbers_and_dedups,
    list_pages_and_filters,
    search_ranks_and_filters,
    search_folds_case_and_diacritics,
    resolve_and_promulgation,
    maintainers,
    concurrent_publishes_through_two_replicas,
    replicas_starting_at_once,
    concurrent_promulgations_each_see_the_previous_one,
    import_keeps_numbers_and_times,
    copy_refuses_a_non_empty_target_and_completes_with_force,
    copy_refuses_a_damaged_archive,
);

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A revision to publish, owning its data.
#[derive(Clone)]
struct Rev {
    owner: String,
    name: String,
    archive: Vec<u8>,
    digest: String,
    summary: Option<String>,
    description: Option<String>,
    category: Option<String>,
    version: Option<u32>,
    maintainers: Vec<String>,
    roles: Vec<String>,
    manifest: String,
    readme: Option<String>,
    schemas: Vec<(String, String)>,
    publisher: String,
}

impl Rev {
    fn new(owner: &str, name: &str, body: &str) -> Rev {
        let archive = format!("archive of ~{owner}/{name}: {body}").into_bytes();
        Rev {
            owner: owner.into(),
            name: name.into(),
            digest: sha256_hex(&archive),
            archive,
            summary: Some(format!("The {name} interface")),
            description: None,
            category: Some("misc".into()),
            version: Some(1),
            maintainers: vec![],
            roles: vec!["provides".into(), "requires".into()],
            manifest: format!("name: {name}\nsummary: The {name} interface\n"),
            readme: None,
            schemas: vec![],
            publisher: owner.into(),
        }
    }

    fn archive(mut self, bytes: &[u8]) -> Rev {
        self.archive = bytes.to_vec();
        self.digest = sha256_hex(bytes);
        self
    }

    fn summary(mut self, text: &str) -> Rev {
        self.summary = Some(text.into());
        self
    }

    fn description(mut self, text: &str) -> Rev {
        self.description = Some(text.into());
        self
    }

    fn category(mut self, text: &str) -> Rev {
        self.category = Some(text.into());
        self
    }

    fn maintainers(mut self, people: &[&str]) -> Rev {
        self.maintainers = people.iter().map(|p| p.to_string()).collect();
        self
    }

    fn publish(&self, store: &dyn Store) -> StoreResult<Published> {
        store.publish(&self.new_revision())
    }

    /// Imports this as revision `number`, published at `at`, of an
    /// interface created at `created`.
    fn import(&self, store: &dyn Store, number: u32, at: i64, created: i64) -> StoreResult<()> {
        store.import(&Import::Revision(&ImportedRevision {
            new: self.new_revision(),
            number,
            published_at: at,
            interface_created_at: created,
        }))
    }

    fn new_revision(&self) -> NewRevision<'_> {
        NewRevision {
            owner: &self.owner,
            name: &self.name,
            archive: &self.archive,
            digest: &self.digest,
            summary: self.summary.as_deref(),
            description: self.description.as_deref(),
            category: self.category.as_deref(),
            version: self.version,
            maintainers: &self.maintainers,
            roles: &self.roles,
            manifest: &self.manifest,
            readme: self.readme.as_deref(),
            schemas: &self.schemas,
            publisher: &self.publisher,
        }
    }

    fn published(&self, store: &dyn Store) -> RevisionRecord {
        let published = self.publish(store).expect("publish");
        assert!(
            published.created,
            "{} was not created",
            published.revision.uri()
        );
        published.revision
    }
}

fn users(store: &dyn Store, names: &[&str]) {
    for name in names {
        store.create_user(name).expect("create user");
    }
}

fn uri(text: &str) -> InterfaceUri {
    InterfaceUri::parse(text).expect("valid URI")
}

fn all(store: &dyn Store, order: ListOrder) -> Vec<InterfaceRecord> {
    store
        .list(&ListQuery {
            order,
            limit: 1000,
            ..ListQuery::default()
        })
        .expect("list")
        .items
}

fn names(items: &[InterfaceRecord]) -> Vec<String> {
    items.iter().map(|i| i.uri().to_string()).collect()
}

fn search(store: &dyn Store, text: &str, limit: u32, offset: u64) -> (Vec<String>, u64) {
    let page = store
        .search(&SearchQuery {
            text: text.into(),
            limit,
            offset,
        })
        .unwrap_or_else(|err| panic!("search {text:?}: {err:#}"));
    for item in &page.items {
        assert_eq!(
            Some(item),
            store.interface(&item.owner, &item.name).unwrap().as_ref(),
            "search answers the same record as interface()"
        );
    }
    (names(&page.items), page.total)
}

// --- the suite ------------------------------------------------------------

fn users_and_tokens(fx: &Fixture) {
    let store = fx.open();
    let store = store.as_ref();
    store.ping().unwrap();
    assert!(store.users().unwrap().is_empty());
    let before = iface::store::now();
    let bob = store.create_user("bob").unwrap();
    store.create_user("alice").unwrap();
    let after = iface::store::now();
    assert!((before..=after).contains(&bob.created_at));
    let err = store.create_user("bob").unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    assert_eq!(err.to_string(), "user ~bob already exists");
    assert_eq!(store.user("bob").unwrap(), Some(bob.clone()));
    assert_eq!(store.user("nobody").unwrap(), None);
    let listed: Vec<String> = store.users().unwrap().into_iter().map(|u| u.name).collect();
    assert_eq!(listed, ["alice", "bob"]);

    let err = store.create_token("nobody", "x", "h0").unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)), "{err}");
    assert_eq!(err.to_string(), "no user ~nobody");
    let laptop = store.create_token("bob", "laptop", "h1").unwrap();
    let ci = store.create_token("bob", "ci", "h2").unwrap();
    assert!(ci.id > laptop.id);
    assert_eq!(
        (laptop.user.as_str(), laptop.label.as_str()),
        ("bob", "laptop")
    );
    assert_eq!(laptop.last_used_at, None);
    let err = store.create_token("alice", "same", "h1").unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    assert_eq!(
        store.tokens("bob").unwrap(),
        vec![laptop.clone(), ci.clone()]
    );
    assert!(store.tokens("alice").unwrap().is_empty());

    let used = store.authenticate("h1").unwrap().expect("a live token");
    assert_eq!(used.id, laptop.id);
    let stamp = used.last_used_at.expect("marked used");
    assert!(stamp >= before);
    assert_eq!(store.tokens("bob").unwrap()[0].last_used_at, Some(stamp));
    // Used again at once: not rewritten, still answered.
    assert_eq!(
        store.authenticate("h1").unwrap().unwrap().last_used_at,
        Some(stamp)
    );
    assert_eq!(store.authenticate("unknown").unwrap(), None);

    assert!(!store.revoke_token("alice", laptop.id).unwrap(), "not hers");
    assert!(store.revoke_token("bob", laptop.id).unwrap());
    assert!(
        !store.revoke_token("bob", laptop.id).unwrap(),
        "already revoked"
    );
    assert_eq!(store.authenticate("h1").unwrap(), None);
    assert_eq!(store.tokens("bob").unwrap(), vec![ci]);
    // A revoked token's hash is never handed out again.
    let err = store.create_token("bob", "again", "h1").unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
}

fn publish_numbers_and_dedups(fx: &Fixture) {
    let store = fx.open();
    let store = store.as_ref();
    users(store, &["bob"]);
    let a = Rev::new("bob", "db", "a");
    let err = Rev {
        owner: "eve".into(),
        ..a.clone()
    }
    .publish(store)
    .unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)), "{err}");
    assert_eq!(err.to_string(), "no user ~eve");
    let err = Rev {
        digest: sha256_hex(b"other"),
        ..a.clone()
    }
    .publish(store)
    .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err}");
    assert!(
        store.interface("bob", "db").unwrap().is_none(),
        "nothing written"
    );

    let before = iface::store::now();
    let mut first_rev = a.clone();
    first_rev.readme = Some("# db\n".into());
    first_rev.schemas = vec![
        ("requirer.json".into(), "{\"b\": 1, \"a\": 2}".into()),
        ("provider.json".into(), "{}".into()),
    ];
    let first = first_rev.published(store);
    assert_eq!(
        (first.owner.as_str(), first.name.as_str(), first.revision),
        ("bob", "db", 1)
    );
    assert_eq!(first.digest, a.digest);
    assert_eq!(first.size, a.archive.len() as u64);
    assert_eq!(first.version, Some(1));
    assert_eq!(first.roles, ["provides", "requires"]);
    assert_eq!(first.publisher, "bob");
    assert!(first.published_at >= before);

    // The same archive again answers the latest, changes nothing.
    let again = a.clone().summary("ignored").publish(store).unwrap();
    assert!(!again.created);
    assert_eq!(again.revision, first);
    assert_eq!(
        store
            .interface("bob", "db")
            .unwrap()
            .unwrap()
            .summary
            .as_deref(),
        Some("The db interface")
    );

    let mut b = Rev::new("bob", "db", "b")
        .summary("Second")
        .description("Now with more")
        .category("database")
        .maintainers(&["Bob <bob@example.com>", "Ann"]);
    b.version = None;
    b.roles = vec!["peer".into()];
    b.publisher = "admin".into();
    let second = b.published(store);
    assert_eq!(
        (second.revision, second.version, second.publisher.as_str()),
        (2, None, "admin")
    );
    // Only the latest is compared: a, b, a is three revisions.
    let third = a.clone().summary("Third").published(store);
    assert_eq!(third.revision, 3);

    let listed = store.revisions("bob", "db").unwrap().unwrap();
    assert_eq!(listed, vec![third.clone(), second.clone(), first.clone()]);
    assert_eq!(
        store.revision("bob", "db", None).unwrap(),
        Some(third.clone())
    );
    assert_eq!(
        store.revision("bob", "db", Some(2)).unwrap(),
        Some(second.clone())
    );
    assert_eq!(store.revision("bob", "db", Some(4)).unwrap(), None);
    assert_eq!(store.revision("bob", "nope", None).unwrap(), None);
    assert_eq!(store.revisions("bob", "nope").unwrap(), None);

    let record = store.interface("bob", "db").unwrap().unwrap();
    assert_eq!(record.latest_revision, 3);
    assert_eq!(record.summary.as_deref(), Some("Third"));
    assert_eq!(record.description, None);
    assert_eq!(record.category.as_deref(), Some("misc"));
    assert_eq!(record.version, Some(1));
    assert_eq!(record.roles, ["provides", "requires"]);
    assert!(record.maintainers.is_empty());
    assert!(!record.promulgated);
    assert!(record.created_at <= record.updated_at);
    assert_eq!(record.created_at, first.published_at);

    assert_eq!(
        store.revision_content("bob", "db", 1).unwrap(),
        Some(RevisionContent {
            manifest: a.manifest.clone(),
            readme: Some("# db\n".into()),
            schemas: first_rev.schemas.clone(),
        })
    );
    assert_eq!(
        store
            .revision_content("bob", "db", 3)
            .unwrap()
            .unwrap()
            .schemas,
        Vec::<(String, String)>::new()
    );
    assert_eq!(store.revision_content("bob", "db", 9).unwrap(), None);

    assert_eq!(store.archive(&a.digest).unwrap(), Some(a.archive.clone()));
    assert_eq!(store.archive(&b.digest).unwrap(), Some(b.archive.clone()));
    assert_eq!(
        store.archive(&sha256_hex(b"never published")).unwrap(),
        None
    );
    assert_eq!(store.archive(&a.digest.to_uppercase()).unwrap(), None);
    assert_eq!(store.archive("../../etc/passwd").unwrap(), None);

    // The same bytes under another interface: a revision of its own.
    let shared = Rev::new("bob", "other", "")
        .archive(&a.archive)
        .published(store);
    assert_eq!(
        (shared.revision, shared.digest.as_str()),
        (1, a.digest.as_str())
    );
    assert_eq!(store.archive(&a.digest).unwrap(), Some(a.archive));
}

fn list_pages_and_filters(fx: &Fixture) {
    let store = fx.open();
    let store = store.as_ref();
    users(store, &["a", "b"]);
    // Byte order puts `tls` < `tls-certificates` < `tlsa`; a locale-aware
    // collation that skips punctuation would not.
    Rev::new("a", "tlsa", "")
        .category("security")
        .published(store);
    Rev::new("b", "mysql", "").category("db").published(store);
    Rev::new("a", "tls-certificates", "")
        .category("security")
        .published(store);
    Rev::new("b", "tls", "").category("net").published(store);
    Rev::new("a", "mysql", "").category("db").published(store);

    let everything = all(store, ListOrder::Name);
    assert_eq!(
        names(&everything),
        [
            "interface:~a/mysql",
            "interface:~b/mysql",
            "interface:~b/tls",
            "interface:~a/tls-certificates",
            "interface:~a/tlsa"
        ]
    );
    for item in &everything {
        assert_eq!(
            Some(item),
            store.interface(&item.owner, &item.name).unwrap().as_ref()
        );
    }
    let page = |owner: Option<&str>, category: Option<&str>, limit, offset| {
        let page = store
            .list(&ListQuery {
                owner: owner.map(Into::into),
                category: category.map(Into::into),
                order: ListOrder::Name,
                limit,
                offset,
            })
            .unwrap();
        (names(&page.items), page.total)
    };
    assert_eq!(
        page(None, None, 2, 2),
        (
            vec![
                "interface:~b/tls".into(),
                "interface:~a/tls-certificates".into()
            ],
            5
        )
    );
    assert_eq!(page(None, None, 0, 0), (vec![], 5));
    assert_eq!(page(None, None, 10, 10), (vec![], 5));
    assert_eq!(
        page(Some("a"), None, 10, 0),
        (
            vec![
                "interface:~a/mysql".into(),
                "interface:~a/tls-certificates".into(),
                "interface:~a/tlsa".into()
            ],
            3
        )
    );
    assert_eq!(
        page(None, Some("db"), 10, 0),
        (
            vec!["interface:~a/mysql".into(), "interface:~b/mysql".into()],
            2
        )
    );
    assert_eq!(
        page(Some("b"), Some("db"), 10, 0),
        (vec!["interface:~b/mysql".into()], 1)
    );
    assert_eq!(page(None, Some("nothing"), 10, 0), (vec![], 0));
    assert_eq!(page(Some("nobody"), None, 10, 0), (vec![], 0));

    store.promulgate("b", "tls").unwrap();
    let recent = all(store, ListOrder::Recent);
    assert_eq!(recent[0].uri().to_string(), "interface:~b/tls");
    assert_eq!(recent.len(), 5);
    let key = |i: &InterfaceRecord| {
        (
            !i.promulgated,
            std::cmp::Reverse(i.updated_at),
            i.name.clone(),
            i.owner.clone(),
        )
    };
    assert!(
        recent.windows(2).all(|w| key(&w[0]) <= key(&w[1])),
        "promulgated first, then newest, then by name: {:?}",
        names(&recent)
    );
}

fn search_ranks_and_filters(fx: &Fixture) {
    let store = fx.open();
    let store = store.as_ref();
    users(store, &["a", "b"]);
    Rev::new("a", "tls-certificates", "")
        .summary("Certificates for TLS")
        .description("Issue and renew X.509 certificates.")
        .category("security")
        .maintainers(&["Alice Example <alice@example.com>"])
        .published(store);
    let vault = Rev::new("b", "vault", "1")
        .summary("Secrets store")
        .description("Keeps secrets; can also issue tls certificates.")
        .category("security")
        .maintainers(&["Bob"]);
    vault.published(store);
    Rev::new("a", "mysql", "")
        .summary("MySQL database")
        .description("A relational database.")
        .category("database")
        .maintainers(&["Carol Jones"])
        .published(store);
    Rev::new("b", "postgresql", "")
        .summary("PostgreSQL database")
        .description("Object-relational, extensible, open source and widely deployed.")
        .category("database")
        .published(store);

    let tls = || {
        (
            vec![
                "interface:~a/tls-certificates".to_string(),
                "interface:~b/vault".to_string(),
            ],
            2,
        )
    };
    // A hit in the name and summary ranks above one in the description.
    assert_eq!(search(store, "tls", 10, 0), tls());
    assert_eq!(search(store, "TLS", 10, 0), tls());
    // Every word is a prefix; a word with a hyphen is a phrase.
    assert_eq!(search(store, "cert", 10, 0), tls());
    assert_eq!(search(store, "tls-cert", 10, 0), tls());
    assert_eq!(search(store, "cert-tls", 10, 0), (vec![], 0));
    assert_eq!(
        search(store, "mysql", 10, 0),
        (vec!["interface:~a/mysql".into()], 1)
    );
    // Maintainers and categories are searched too.
    assert_eq!(
        search(store, "carol", 10, 0),
        (vec!["interface:~a/mysql".into()], 1)
    );
    assert_eq!(
        search(store, "alice@example", 10, 0),
        (vec!["interface:~a/tls-certificates".into()], 1)
    );
    // The same hit (the category) counts for more in the shorter document.
    assert_eq!(
        search(store, "security", 10, 0),
        (
            vec![
                "interface:~b/vault".into(),
                "interface:~a/tls-certificates".into()
            ],
            2
        )
    );
    // Every word is required.
    assert_eq!(
        search(store, "database relational", 10, 0),
        (
            vec![
                "interface:~a/mysql".into(),
                "interface:~b/postgresql".into()
            ],
            2
        )
    );
    assert_eq!(
        search(store, "database relational my", 10, 0),
        (vec!["interface:~a/mysql".into()], 1)
    );
    // More hits in a shorter document rank higher; pages of that order.
    assert_eq!(
        search(store, "database", 10, 0),
        (
            vec![
                "interface:~a/mysql".into(),
                "interface:~b/postgresql".into()
            ],
            2
        )
    );
    assert_eq!(
        search(store, "database", 1, 1),
        (vec!["interface:~b/postgresql".into()], 2)
    );
    assert_eq!(search(store, "database", 0, 0), (vec![], 2));
    // Nothing to search for, or syntax in the input: no error, no match.
    assert_eq!(search(store, "  !!! * ", 10, 0), (vec![], 0));
    assert_eq!(search(store, "", 10, 0), (vec![], 0));
    assert_eq!(search(store, "nothing-here", 10, 0), (vec![], 0));
    assert_eq!(search(store, "tls OR \"mysql", 10, 0), (vec![], 0));
    assert_eq!(search(store, "name:mysql", 10, 0), (vec![], 0));
    assert_eq!(search(store, "zz' & 'qq", 10, 0), (vec![], 0));
    assert_eq!(search(store, "':* | !", 10, 0), (vec![], 0));
    assert_eq!(search(store, &"x".repeat(3000), 10, 0), (vec![], 0));

    // The index follows the latest revision.
    vault
        .clone()
        .archive(b"vault 2")
        .description("Keeps secrets.")
        .published(store);
    assert_eq!(
        search(store, "tls", 10, 0),
        (vec!["interface:~a/tls-certificates".into()], 1)
    );
    assert_eq!(
        search(store, "keeps", 10, 0),
        (vec!["interface:~b/vault".into()], 1)
    );
}

fn search_folds_case_and_diacritics(fx: &Fixture) {
    let store = fx.open();
    let store = store.as_ref();
    users(store, &["a"]);
    Rev::new("a", "cafe", "")
        .summary("Café Ünïcode")
        .description("Привет, мир; straße")
        .published(store);
    let hit = || (vec!["interface:~a/cafe".to_string()], 1);
    for text in [
        "cafe",
        "CAFÉ",
        "café",
        "unicode",
        "ÜNÏ",
        "привет",
        "ПРИВЕТ",
        "мир",
        "straße",
    ] {
        assert_eq!(search(store, text, 10, 0), hit(), "{text}");
    }
    assert_eq!(search(store, "cafes", 10, 0), (vec![], 0));
    assert_eq!(search(store, "пр-вет", 10, 0), (vec![], 0));
}

fn resolve_and_promulgation(fx: &Fixture) {
    let store = fx.open();
    let store = store.as_ref();
    users(store, &["a", "b", "c"]);
    Rev::new("a", "mysql", "1").published(store);
    let a2 = Rev::new("a", "mysql", "2").published(store);
    let b1 = Rev::new("b", "mysql", "1").published(store);
    Rev::new("a", "redis", "1").published(store);

    assert_eq!(store.owners_of("mysql").unwrap(), ["a", "b"]);
    assert!(store.owners_of("nope").unwrap().is_empty());
    let err = resolve(store, &uri("mysql")).unwrap_err();
    assert!(matches!(err, ResolveError::Ambiguous { .. }), "{err}");
    assert_eq!(
        err.candidates(),
        ["interface:~a/mysql", "interface:~b/mysql"]
    );
    assert!(matches!(
        resolve(store, &uri("nope")).unwrap_err(),
        ResolveError::NotFound(_)
    ));

    let err = store.promulgate("c", "mysql").unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)), "{err}");
    assert_eq!(err.to_string(), "no interface interface:~c/mysql");
    assert_eq!(store.promulgated("mysql").unwrap(), None);
    assert_eq!(store.promulgate("a", "mysql").unwrap(), None);
    assert_eq!(store.promulgated("mysql").unwrap().as_deref(), Some("a"));
    assert!(store.interface("a", "mysql").unwrap().unwrap().promulgated);
    assert!(!store.interface("b", "mysql").unwrap().unwrap().promulgated);

    assert_eq!(resolve(store, &uri("mysql")).unwrap(), a2);
    assert_eq!(
        resolve(store, &uri("interface:mysql-1")).unwrap().revision,
        1
    );
    let err = resolve(store, &uri("mysql-7")).unwrap_err();
    assert!(matches!(err, ResolveError::NoRevision(_)), "{err}");
    assert!(err.to_string().contains("(latest is 2)"), "{err}");
    assert_eq!(resolve(store, &uri("~b/mysql")).unwrap(), b1);
    assert!(matches!(
        resolve(store, &uri("~c/mysql")).unwrap_err(),
        ResolveError::NotFound(_)
    ));

    assert_eq!(
        store.promulgate("b", "mysql").unwrap().as_deref(),
        Some("a")
    );
    assert_eq!(resolve(store, &uri("mysql")).unwrap(), b1);
    assert!(!store.interface("a", "mysql").unwrap().unwrap().promulgated);
    assert_eq!(store.promulgate("a", "redis").unwrap(), None);

    // Many at once: what resolve finds, in order, duplicates too; `None`
    // where resolve answers an error.
    let many: Vec<InterfaceUri> = [
        "mysql",
        "redis",
        "~a/mysql",
        "~a/mysql-1",
        "mysql-1",
        "mysql-7",
        "~c/mysql",
        "nope",
        "~b/mysql",
        "mysql",
        "~a/redis-1",
    ]
    .iter()
    .map(|text| uri(text))
    .collect();
    let batch = store.resolve_batch(&many).unwrap();
    let one_by_one: Vec<Option<RevisionRecord>> =
        many.iter().map(|u| resolve(store, u).ok()).collect();
    assert_eq!(batch, one_by_one);
    assert_eq!(
        batch.iter().filter(|found| found.is_some()).count(),
        8,
        "{batch:?}"
    );
    assert!(store.resolve_batch(&[]).unwrap().is_empty());
    let answers = resolve_many(store, &many).unwrap();
    assert!(matches!(answers[5], Err(ResolveError::NoRevision(_))));
    assert!(matches!(answers[7], Err(ResolveError::NotFound(_))));
    assert_eq!(answers[0].as_ref().unwrap(), &b1);
    assert_eq!(
        store.promulgations().unwrap(),
        [("mysql".into(), "b".into()), ("redis".into(), "a".into())]
    );
    assert_eq!(store.unpromulgate("mysql").unwrap().as_deref(), Some("b"));
    assert_eq!(store.unpromulgate("mysql").unwrap(), None);
    assert_eq!(store.promulgated("mysql").unwrap(), None);
    assert!(matches!(
        resolve(store, &uri("mysql")).unwrap_err(),
        ResolveError::Ambiguous { .. }
    ));
    assert_eq!(
        store.promulgations().unwrap(),
        [("redis".into(), "a".into())]
    );
}

fn maintainers(fx: &Fixture) {
    let store = fx.open();
    let store = store.as_ref();
    users(store, &["a", "b", "c"]);
    Rev::new("a", "db", "1").published(store);
    let err = store.grant("a", "nope", "b").unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)), "{err}");
    let err = store.grant("a", "db", "ghost").unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)), "{err}");
    assert_eq!(err.to_string(), "no user ~ghost");
    assert!(store.grant("a", "db", "c").unwrap());
    assert!(store.grant("a", "db", "b").unwrap());
    assert!(!store.grant("a", "db", "b").unwrap(), "already granted");
    assert_eq!(
        store
            .interface("a", "db")
            .unwrap()
            .unwrap()
            .maintainer_users,
        ["b", "c"]
    );
    assert!(store.is_maintainer("a", "db", "b").unwrap());
    assert!(
        !store.is_maintainer("a", "db", "a").unwrap(),
        "owning is not a grant"
    );
    assert!(!store.is_maintainer("a", "nope", "b").unwrap());

    assert!(store.revoke("a", "db", "b").unwrap());
    assert!(!store.revoke("a", "db", "b").unwrap());
    assert!(matches!(
        store.revoke("a", "nope", "b").unwrap_err(),
        StoreError::NotFound(_)
    ));
    assert!(!store.is_maintainer("a", "db", "b").unwrap());
    // Grants belong to the interface, not to one revision.
    Rev::new("a", "db", "2").published(store);
    assert_eq!(
        store
            .interface("a", "db")
            .unwrap()
            .unwrap()
            .maintainer_users,
        ["c"]
    );
}

fn concurrent_publishes_through_two_replicas(fx: &Fixture) {
    const PUBLISHES: usize = 50;
    let replicas = [fx.open(), fx.open()];
    users(replicas[0].as_ref(), &["bob"]);
    let barrier = Arc::new(Barrier::new(PUBLISHES));
    let threads: Vec<_> = (0..PUBLISHES)
        .map(|i| {
            let store = Arc::clone(&replicas[i % 2]);
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                let rev = Rev::new("bob", "busy", &format!("publish {i}"));
                barrier.wait();
                let published = rev.publish(store.as_ref()).expect("publish");
                assert!(published.created);
                (published.revision.revision, rev.digest)
            })
        })
        .collect();
    let mut numbered: Vec<(u32, String)> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    numbered.sort();
    let numbers: Vec<u32> = numbered.iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, (1..=PUBLISHES as u32).collect::<Vec<_>>());
    for replica in &replicas {
        let mut stored: Vec<(u32, String)> = replica
            .revisions("bob", "busy")
            .unwrap()
            .unwrap()
            .into_iter()
            .map(|r| (r.revision, r.digest))
            .collect();
        stored.reverse();
        assert_eq!(
            stored, numbered,
            "each publish under the number it was told"
        );
        assert_eq!(
            replica
                .interface("bob", "busy")
                .unwrap()
                .unwrap()
                .latest_revision,
            PUBLISHES as u32
        );
    }
    // Archives live in the index: a replica serves what the other stored.
    let (_, digest) = &numbered[1];
    let archive = replicas[0].archive(digest).unwrap().expect("archive");
    assert_eq!(&sha256_hex(&archive), digest);

    // The same new archive from many replicas at once: one revision.
    const SAME: usize = 8;
    let barrier = Arc::new(Barrier::new(SAME));
    let threads: Vec<_> = (0..SAME)
        .map(|i| {
            let store = Arc::clone(&replicas[i % 2]);
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                let published = Rev::new("bob", "busy", "the same").publish(store.as_ref());
                let published = published.expect("publish");
                (published.revision.revision, published.created)
            })
        })
        .collect();
    let results: Vec<(u32, bool)> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert!(
        results.iter().all(|(n, _)| *n == PUBLISHES as u32 + 1),
        "{results:?}"
    );
    assert_eq!(
        results.iter().filter(|(_, created)| *created).count(),
        1,
        "{results:?}"
    );
}

fn concurrent_promulgations_each_see_the_previous_one(fx: &Fixture) {
    const ADMINS: usize = 16;
    let replicas = [fx.open(), fx.open()];
    users(replicas[0].as_ref(), &["a", "b"]);
    Rev::new("a", "db", "").published(replicas[0].as_ref());
    Rev::new("b", "db", "").published(replicas[1].as_ref());
    let barrier = Arc::new(Barrier::new(ADMINS));
    let threads: Vec<_> = (0..ADMINS)
        .map(|i| {
            let store = Arc::clone(&replicas[i % 2]);
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                store.promulgate(["a", "b"][i % 2], "db").unwrap()
            })
        })
        .collect();
    let previous: Vec<Option<String>> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    // One of them was first and saw nobody; every other saw someone.
    assert_eq!(
        previous.iter().filter(|p| p.is_none()).count(),
        1,
        "{previous:?}"
    );
    assert_eq!(replicas[0].promulgations().unwrap().len(), 1);
}

fn replicas_starting_at_once(fx: &Fixture) {
    const REPLICAS: usize = 6;
    let barrier = Barrier::new(REPLICAS);
    let stores: Vec<Arc<dyn Store>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..REPLICAS)
            .map(|_| {
                scope.spawn(|| {
                    barrier.wait();
                    fx.open()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    users(stores[0].as_ref(), &["bob"]);
    Rev::new("bob", "db", "1").published(stores[1].as_ref());
    for store in &stores {
        assert_eq!(
            store.revision("bob", "db", None).unwrap().unwrap().revision,
            1
        );
    }
}

/// A time well before any test runs: one a copy cannot have made up.
const LONG_AGO: i64 = 1_500_000_000;

fn is_conflict(result: StoreResult<()>, says: &str) -> bool {
    match result {
        Err(StoreError::Conflict(message)) => message.contains(says),
        _ => false,
    }
}

fn import_keeps_numbers_and_times(fx: &Fixture) {
    let store = fx.open();
    let store = store.as_ref();
    let erin = UserRecord {
        name: "erin".into(),
        created_at: LONG_AGO,
    };
    store.import(&Import::User(&erin)).unwrap();
    assert_eq!(store.user("erin").unwrap(), Some(erin.clone()));
    assert!(is_conflict(
        store.import(&Import::User(&erin)),
        "the user ~erin is here already"
    ));

    // Tokens keep their ids, hashes, times and revocations.
    let live = StoredToken {
        token: TokenRecord {
            id: 40,
            user: "erin".into(),
            label: "laptop".into(),
            created_at: LONG_AGO,
            last_used_at: Some(LONG_AGO + 5),
        },
        hash: "hash-40".into(),
        revoked_at: None,
    };
    let revoked = StoredToken {
        token: TokenRecord {
            id: 41,
            label: "old".into(),
            last_used_at: None,
            ..live.token.clone()
        },
        hash: "hash-41".into(),
        revoked_at: Some(LONG_AGO + 9),
    };
    for token in [&live, &revoked] {
        store
            .import(&Import::Token {
                token,
                keep_id: true,
            })
            .unwrap();
    }
    assert_eq!(store.tokens("erin").unwrap(), vec![live.token.clone()]);
    assert_eq!(
        store.authenticate("hash-41").unwrap(),
        None,
        "still revoked"
    );
    // The same id, or the same hash, again is refused.
    let other = StoredToken {
        hash: "hash-other".into(),
        ..live.clone()
    };
    assert!(is_conflict(
        store.import(&Import::Token {
            token: &other,
            keep_id: true
        }),
        "token 40 of ~erin is here already"
    ));
    assert!(is_conflict(
        store.import(&Import::Token {
            token: &live,
            keep_id: false
        }),
        "is here already"
    ));
    // Without its id a token gets a new one, and so does a token created
    // afterwards: imported ids never collide with new ones. (Ids are unique,
    // not consecutive: PostgreSQL spends one on a refused insert.)
    store
        .import(&Import::Token {
            token: &other,
            keep_id: false,
        })
        .unwrap();
    store.create_token("erin", "new", "hash-new").unwrap();
    let tokens = store.export().unwrap().tokens;
    let hashes: Vec<&str> = tokens.iter().map(|t| t.hash.as_str()).collect();
    assert_eq!(hashes, ["hash-40", "hash-41", "hash-other", "hash-new"]);
    assert!(tokens[2].token.id > 41, "{tokens:?}");
    assert_eq!(tokens[..2], [live.clone(), revoked.clone()]);

    // Revisions keep their numbers and times; each must follow the latest.
    let one = Rev::new("erin", "legacy", "1").summary("Old");
    one.import(store, 1, LONG_AGO + 10, LONG_AGO + 10).unwrap();
    let two = Rev::new("erin", "legacy", "2");
    for number in [1, 3] {
        assert!(
            is_conflict(
                two.import(store, number, LONG_AGO + 20, LONG_AGO),
                &format!(
                    "interface:~erin/legacy has 1 revision(s) here; revision {number} cannot follow"
                )
            ),
            "revision {number}"
        );
    }
    assert!(is_conflict(
        Rev::new("erin", "new", "1").import(store, 2, LONG_AGO, LONG_AGO),
        "interface:~erin/new has 0 revision(s) here; revision 2 cannot follow"
    ));
    // The latest archive again is a revision all the same: the source had it.
    one.clone()
        .summary("Old again")
        .import(store, 2, LONG_AGO + 20, LONG_AGO)
        .unwrap();
    let revisions = store.revisions("erin", "legacy").unwrap().unwrap();
    assert_eq!(
        revisions
            .iter()
            .map(|r| (r.revision, r.published_at, r.digest.as_str()))
            .collect::<Vec<_>>(),
        [
            (2, LONG_AGO + 20, one.digest.as_str()),
            (1, LONG_AGO + 10, one.digest.as_str())
        ]
    );
    let legacy = store.interface("erin", "legacy").unwrap().unwrap();
    assert_eq!(
        (
            legacy.created_at,
            legacy.updated_at,
            legacy.latest_revision,
            legacy.summary.as_deref()
        ),
        (LONG_AGO + 10, LONG_AGO + 20, 2, Some("Old again"))
    );
    assert_eq!(
        search(store, "again", 10, 0),
        (vec!["interface:~erin/legacy".to_owned()], 1),
        "imported revisions are searchable"
    );
    // A publish afterwards carries on from the imported numbers, now.
    let three = two.published(store);
    assert_eq!(three.revision, 3);
    assert!(three.published_at > LONG_AGO + 20);

    // Grants and promulgations keep their times.
    store.create_user("frank").unwrap();
    let grant = GrantRecord {
        owner: "erin".into(),
        name: "legacy".into(),
        user: "frank".into(),
        granted_at: LONG_AGO + 30,
    };
    store.import(&Import::Grant(&grant)).unwrap();
    assert!(is_conflict(
        store.import(&Import::Grant(&grant)),
        "~frank's grant on interface:~erin/legacy is here already"
    ));
    assert!(store.is_maintainer("erin", "legacy", "frank").unwrap());
    let nowhere = GrantRecord {
        name: "missing".into(),
        ..grant.clone()
    };
    assert!(matches!(
        store.import(&Import::Grant(&nowhere)),
        Err(StoreError::NotFound(_))
    ));
    let promulgation = PromulgationRecord {
        name: "legacy".into(),
        owner: "erin".into(),
        created_at: LONG_AGO + 40,
    };
    store.import(&Import::Promulgation(&promulgation)).unwrap();
    assert!(is_conflict(
        store.import(&Import::Promulgation(&promulgation)),
        "the promulgation of legacy is here already"
    ));
    assert_eq!(
        store.promulgated("legacy").unwrap().as_deref(),
        Some("erin")
    );
    let export = store.export().unwrap();
    assert_eq!(
        (export.grants, export.promulgations),
        (vec![grant], vec![promulgation])
    );
}

// --- store copy -----------------------------------------------------------

/// An index with a bit of everything, interfaces created in (owner, name)
/// order so that search ties break the same way after a copy. Its first user
/// and interface were imported long ago, so a copy that made up times would
/// show.
fn populate(store: &dyn Store) {
    let erin = UserRecord {
        name: "erin".into(),
        created_at: LONG_AGO,
    };
    store.import(&Import::User(&erin)).unwrap();
    let used = StoredToken {
        token: TokenRecord {
            id: 10,
            user: "erin".into(),
            label: "old laptop".into(),
            created_at: LONG_AGO,
            last_used_at: Some(LONG_AGO + 100),
        },
        hash: "hash-10".into(),
        revoked_at: Some(LONG_AGO + 200),
    };
    store
        .import(&Import::Token {
            token: &used,
            keep_id: true,
        })
        .unwrap();
    let mut legacy = Rev::new("erin", "legacy", "1");
    legacy.readme = Some("# legacy\n".into());
    legacy
        .import(store, 1, LONG_AGO + 10, LONG_AGO + 10)
        .unwrap();
    Rev::new("erin", "legacy", "2")
        .summary("The legacy interface, revised")
        .import(store, 2, LONG_AGO + 20, LONG_AGO + 10)
        .unwrap();

    users(store, &["alice", "bob", "carol", "dave"]);
    store
        .import(&Import::Grant(&GrantRecord {
            owner: "erin".into(),
            name: "legacy".into(),
            user: "alice".into(),
            granted_at: LONG_AGO + 30,
        }))
        .unwrap();
    store
        .import(&Import::Promulgation(&PromulgationRecord {
            name: "legacy".into(),
            owner: "erin".into(),
            created_at: LONG_AGO + 40,
        }))
        .unwrap();
    let live = store.create_token("alice", "laptop", "hash-1").unwrap();
    store.create_token("alice", "old", "hash-2").unwrap();
    store.revoke_token("alice", live.id + 1).unwrap();
    store.create_token("bob", "ci", "hash-3").unwrap();

    let mut mysql = Rev::new("alice", "mysql", "1")
        .summary("MySQL")
        .description("Relational database")
        .category("database")
        .maintainers(&["Alice <alice@example.com>"]);
    mysql.readme = Some("# mysql\n".into());
    mysql.schemas = vec![("provider.json".into(), "{\"type\": \"object\"}".into())];
    mysql.manifest = "name: mysql\nsummary: MySQL\ncategory: database\nversion: 1\n\
                      maintainer: Alice <alice@example.com>\ndescription: Relational database\n"
        .into();
    let first = mysql.published(store);
    let mut two = Rev::new("alice", "mysql", "2")
        .summary("MySQL, two")
        .category("database");
    two.version = Some(2);
    two.publisher = "admin".into();
    two.manifest = "name: mysql\nsummary: MySQL, two\ncategory: database\nversion: 2\n".into();
    two.published(store);
    // Revision 3 is revision 1's archive again.
    mysql
        .clone()
        .summary("MySQL again")
        .archive(&mysql.archive)
        .published(store);
    assert_ne!(first.revision, 3);

    let mut tls = Rev::new("alice", "tls-certificates", "1").category("security");
    tls.roles = vec!["provides".into()];
    tls.published(store);
    Rev::new("alice", "tls-certificates", "2")
        .summary("Certificates for TLS")
        .description("Issue and renew certificates")
        .category("security")
        .maintainers(&["Alice", "Bob"])
        .published(store);
    store.grant("alice", "tls-certificates", "carol").unwrap();
    store.grant("alice", "tls-certificates", "bob").unwrap();

    Rev::new("bob", "mysql", "1")
        .summary("Bob's MySQL")
        .published(store);
    let mut vault = Rev::new("carol", "vault", "1");
    vault.version = None;
    vault.roles = vec![];
    vault.summary = None;
    vault.category = None;
    vault.published(store);

    store.promulgate("alice", "mysql").unwrap();
    store.promulgate("carol", "vault").unwrap();
}

/// Everything a store keeps, as the trait shows it, times included.
#[derive(Debug, PartialEq)]
struct Snapshot {
    users: Vec<UserRecord>,
    interfaces: Vec<InterfaceRecord>,
    recent: Vec<String>,
    revisions: Vec<RevisionRecord>,
    contents: Vec<RevisionContent>,
    archives: BTreeMap<String, Vec<u8>>,
    owners: BTreeMap<String, Vec<String>>,
    promulgations: Vec<(String, String)>,
    export: Export,
    resolved: Vec<String>,
    searches: Vec<(Vec<String>, u64)>,
    maintainers: Vec<(String, bool)>,
}

fn snapshot(store: &dyn Store) -> Snapshot {
    let users = store.users().unwrap();
    let interfaces = all(store, ListOrder::Name);
    let recent = names(&all(store, ListOrder::Recent));
    let mut revisions = Vec::new();
    let mut contents = Vec::new();
    let mut archives = BTreeMap::new();
    let mut owners = BTreeMap::new();
    let mut maintainers = Vec::new();
    for interface in &interfaces {
        for revision in store
            .revisions(&interface.owner, &interface.name)
            .unwrap()
            .unwrap()
        {
            contents.push(
                store
                    .revision_content(&interface.owner, &interface.name, revision.revision)
                    .unwrap()
                    .unwrap(),
            );
            let archive = store.archive(&revision.digest).unwrap().unwrap();
            assert_eq!(sha256_hex(&archive), revision.digest);
            archives.insert(revision.digest.clone(), archive);
            revisions.push(revision);
        }
        owners.insert(
            interface.name.clone(),
            store.owners_of(&interface.name).unwrap(),
        );
        for user in &users {
            maintainers.push((
                format!("{} {}", interface.uri(), user.name),
                store
                    .is_maintainer(&interface.owner, &interface.name, &user.name)
                    .unwrap(),
            ));
        }
    }
    let promulgations = store.promulgations().unwrap();
    let resolved = [
        "mysql",
        "vault",
        "legacy",
        "legacy-1",
        "mysql-1",
        "~bob/mysql",
        "tls-certificates",
    ]
    .iter()
    .map(|text| match resolve(store, &uri(text)) {
        Ok(found) => format!("{} {}", found.uri(), found.digest),
        Err(err) => format!("{}: {err}", err.code()),
    })
    .collect();
    let searches = [
        "mysql", "database", "cert", "tls-cert", "alice", "security", "legacy",
    ]
    .iter()
    .map(|text| search(store, text, 10, 0))
    .collect();
    Snapshot {
        users,
        interfaces,
        recent,
        revisions,
        contents,
        archives,
        owners,
        promulgations,
        export: store.export().unwrap(),
        resolved,
        searches,
        maintainers,
    }
}

#[test]
fn copy_round_trips_sqlite_to_postgres_to_sqlite() {
    let source = Fixture::sqlite();
    let middle = Fixture::postgres();
    let back = Fixture::sqlite();
    let (source, middle, back) = (source.open(), middle.open(), back.open());
    populate(source.as_ref());
    let original = snapshot(source.as_ref());
    assert_eq!(
        (
            original.users.len(),
            original.revisions.len(),
            original.export.tokens.len()
        ),
        (5, 9, 4),
        "the fixture is what the test thinks"
    );
    assert!(original.users.iter().any(|u| u.created_at == LONG_AGO));

    let expected = CopyReport {
        users: 5,
        tokens: 4,
        interfaces: 5,
        revisions: 9,
        archive_bytes: original.revisions.iter().map(|r| r.size).sum(),
        promulgations: 3,
        maintainers: 3,
        ..CopyReport::default()
    };
    let report = copy_store(source.as_ref(), middle.as_ref(), false).unwrap();
    assert_eq!(report, expected);
    assert_eq!(snapshot(middle.as_ref()), original);
    let mut steps = Vec::new();
    let report = copy_store_observed(middle.as_ref(), back.as_ref(), false, &mut |done, all| {
        steps.push((done, all))
    })
    .unwrap();
    assert_eq!(report, expected);
    assert_eq!(steps, (0..=5).map(|done| (done, 5)).collect::<Vec<_>>());
    assert_eq!(snapshot(back.as_ref()), original);
    // The tokens work where they arrived, and new ones do not collide.
    for store in [&middle, &back] {
        let bob = store.authenticate("hash-3").unwrap().unwrap();
        assert_eq!((bob.id, bob.user.as_str()), (13, "bob"));
        assert_eq!(store.authenticate("hash-10").unwrap(), None, "revoked");
        assert_eq!(store.create_token("bob", "new", "hash-new").unwrap().id, 14);
    }
}

fn copy_refuses_a_non_empty_target_and_completes_with_force(fx: &Fixture) {
    let source = Fixture::sqlite();
    let source = source.open();
    populate(source.as_ref());
    let target = fx.open();
    // A copy that stopped after the first user and the first revision of
    // ~alice/mysql.
    let erin = source.user("erin").unwrap().unwrap();
    let alice = source.user("alice").unwrap().unwrap();
    for user in [&erin, &alice] {
        target.import(&Import::User(user)).unwrap();
    }
    let mysql = source.interface("alice", "mysql").unwrap().unwrap();
    let first = source.revision("alice", "mysql", Some(1)).unwrap().unwrap();
    let content = source
        .revision_content("alice", "mysql", 1)
        .unwrap()
        .unwrap();
    let archive = source.archive(&first.digest).unwrap().unwrap();
    let mut partial = Rev::new("alice", "mysql", "").archive(&archive);
    partial.manifest = content.manifest;
    partial.readme = content.readme;
    partial.schemas = content.schemas;
    partial
        .import(target.as_ref(), 1, first.published_at, mysql.created_at)
        .unwrap();

    let err = copy_store(source.as_ref(), target.as_ref(), false).unwrap_err();
    let message = format!("{err:#}");
    assert!(
        message.contains("not empty (2 users, 1 interfaces"),
        "{message}"
    );
    assert_eq!(target.users().unwrap().len(), 2, "nothing copied");

    let report = copy_store(source.as_ref(), target.as_ref(), true).unwrap();
    assert_eq!(
        (
            report.users,
            report.users_existing,
            report.revisions,
            report.revisions_existing
        ),
        (3, 2, 8, 1)
    );
    assert_eq!(report.interfaces, 4, "one interface was there already");
    // Revision 1 of ~alice/mysql was written by hand above with other
    // metadata; the interface's fields come from the latest revision, so
    // the result is the source all the same.
    assert_eq!(snapshot(target.as_ref()), snapshot(source.as_ref()));

    // Run again: everything is there, nothing is written.
    let again = copy_store(source.as_ref(), target.as_ref(), true).unwrap();
    assert_eq!(
        again,
        CopyReport {
            users_existing: 5,
            tokens_existing: 4,
            revisions_existing: 9,
            promulgations_existing: 3,
            maintainers_existing: 3,
            ..CopyReport::default()
        }
    );

    // A target whose history differs is refused, by name.
    let other = Fixture::sqlite();
    let other = other.open();
    users(other.as_ref(), &["alice"]);
    Rev::new("alice", "mysql", "something else").published(other.as_ref());
    let err = copy_store(source.as_ref(), other.as_ref(), true).unwrap_err();
    let message = format!("{err:#}");
    assert!(
        message.contains("could not copy interface:~alice/mysql"),
        "{message}"
    );
    assert!(message.contains("never rewrites a revision"), "{message}");

    // So is a name the target promulgates to another owner; a token whose
    // id the target uses for another gets a new one and still works.
    let busy = Fixture::sqlite();
    let busy = busy.open();
    users(busy.as_ref(), &["dave"]);
    Rev::new("dave", "vault", "dave's").published(busy.as_ref());
    busy.promulgate("dave", "vault").unwrap();
    let theirs = StoredToken {
        token: TokenRecord {
            id: 11,
            user: "dave".into(),
            label: "the target's own".into(),
            created_at: LONG_AGO,
            last_used_at: None,
        },
        hash: "hash-target".into(),
        revoked_at: None,
    };
    busy.import(&Import::Token {
        token: &theirs,
        keep_id: true,
    })
    .unwrap();
    let err = copy_store(source.as_ref(), busy.as_ref(), true).unwrap_err();
    let message = format!("{err:#}");
    assert!(
        message.contains(
            "the target promulgates vault as interface:~dave/vault, the source as \
             interface:~carol/vault; a copy never moves a promulgation"
        ),
        "{message}"
    );
    assert_eq!(busy.promulgated("vault").unwrap().as_deref(), Some("dave"));
    let tokens: Vec<(i64, String)> = busy
        .export()
        .unwrap()
        .tokens
        .into_iter()
        .map(|t| (t.token.id, t.hash))
        .collect();
    let expected: Vec<(i64, String)> = [
        (10, "hash-10"),
        (11, "hash-target"),
        (12, "hash-2"),
        (13, "hash-3"),
        (14, "hash-1"),
    ]
    .into_iter()
    .map(|(id, hash)| (id, hash.to_owned()))
    .collect();
    assert_eq!(tokens, expected);
    let alice = busy.authenticate("hash-1").unwrap().unwrap();
    assert_eq!((alice.id, alice.user.as_str()), (14, "alice"));
}

fn copy_refuses_a_damaged_archive(fx: &Fixture) {
    let dir = tempfile::tempdir().unwrap();
    let source = SqliteStore::open(dir.path()).unwrap();
    users(&source, &["bob"]);
    let good = Rev::new("bob", "db", "good").published(&source);
    let bad = Rev::new("bob", "db", "bad").published(&source);
    // Bit rot on the source's disk.
    let path = source.archive_path(&bad.digest);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[0] ^= 0xff;
    std::fs::write(&path, bytes).unwrap();

    let target = fx.open();
    let err = copy_store(&source, target.as_ref(), false).unwrap_err();
    let message = format!("{err:#}");
    assert!(
        message.contains("interface:~bob/db-2 is damaged in the source"),
        "{message}"
    );
    assert!(message.contains(&bad.digest), "{message}");
    // The good revision before it was copied; the damaged one was not.
    let copied = target.revisions("bob", "db").unwrap().unwrap();
    assert_eq!(copied.len(), 1);
    assert_eq!(copied[0].digest, good.digest);
    assert_eq!(target.archive(&bad.digest).unwrap(), None);
}

// --- what only PostgreSQL has ---------------------------------------------

#[test]
fn postgres_refuses_to_change_a_published_revision_even_by_sql() {
    let url = pg::fresh_database();
    let store = PostgresStore::open(&url).unwrap();
    users(&store, &["bob"]);
    Rev::new("bob", "db", "1").published(&store);
    let mut client = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
    for sql in [
        "UPDATE revisions SET digest = digest",
        "DELETE FROM revisions",
        "UPDATE archives SET data = ''",
        "DELETE FROM archives",
    ] {
        let err = client.batch_execute(sql).unwrap_err();
        let text = format!("{err:?}");
        assert!(text.contains("are immutable"), "{sql}: {text}");
    }
}

/// Whether the server sees the sessions named `application` as encrypted.
fn encrypted(application: &str) -> Vec<bool> {
    let mut admin = ::postgres::Client::connect(&pg::cluster().url("postgres"), ::postgres::NoTls)
        .expect("connect to the test cluster");
    admin
        .query(
            "SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) \
             WHERE a.application_name = $1",
            &[&application],
        )
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect()
}

#[test]
fn postgres_connections_are_encrypted_as_sslmode_says() {
    let url = pg::fresh_database();
    let cluster = pg::cluster();
    let ca = cluster.ca_file().display().to_string();
    let other = cluster.other_ca_file().display().to_string();
    let by_name = url.replacen("127.0.0.1", "localhost", 1);
    let cases = [
        (&url, String::new(), true),
        (&url, "sslmode=disable".to_owned(), false),
        (&url, "sslmode=require".to_owned(), true),
        (&url, format!("sslmode=require&sslrootcert={ca}"), true),
        // The certificate names localhost, not 127.0.0.1: only the
        // authority is checked.
        (&url, format!("sslmode=verify-ca&sslrootcert={ca}"), true),
        (
            &by_name,
            format!("sslmode=verify-full&sslrootcert={ca}"),
            true,
        ),
    ];
    for (index, (base, query, expected)) in cases.iter().enumerate() {
        let application = format!("iface-tls-{index}");
        let full = format!("{base}?application_name={application}&{query}");
        let store = PostgresStore::open(&full).unwrap_or_else(|err| panic!("{full}: {err:#}"));
        store.ping().unwrap();
        let sessions = encrypted(&application);
        assert!(
            !sessions.is_empty() && sessions.iter().all(|e| e == expected),
            "{full}: {sessions:?}"
        );
    }

    let refused = [
        (
            &url,
            format!("sslmode=verify-full&sslrootcert={ca}"),
            "not valid for name",
        ),
        (
            &url,
            format!("sslmode=verify-ca&sslrootcert={other}"),
            "UnknownIssuer",
        ),
        (
            &url,
            format!("sslmode=require&sslrootcert={other}"),
            "UnknownIssuer",
        ),
        (&url, format!("sslrootcert={other}"), "UnknownIssuer"),
        (
            &url,
            "sslmode=verify-full&sslrootcert=/nonexistent.pem".to_owned(),
            "could not read sslrootcert /nonexistent.pem",
        ),
        (
            &url,
            "sslmode=allow".to_owned(),
            "sslmode=allow is not one of",
        ),
    ];
    for (base, query, says) in refused {
        let full = format!("{base}?{query}");
        let err = PostgresStore::open(&full).expect_err(&full);
        let message = format!("{err:#}");
        assert!(message.contains(says), "{full}: {message}");
    }
}

#[test]
fn postgres_pool_serves_many_callers_with_few_connections() {
    let url = format!("{}?application_name=iface-pool-test", pg::fresh_database());
    let store = Arc::new(PostgresStore::open_with_pool(&url, 2).unwrap());
    users(store.as_ref(), &["alice"]);
    Rev::new("alice", "db", "1").published(store.as_ref());
    let start = Arc::new(Barrier::new(16));
    let callers: Vec<_> = (0..16)
        .map(|_| {
            let (store, start) = (Arc::clone(&store), Arc::clone(&start));
            std::thread::spawn(move || {
                start.wait();
                for _ in 0..50 {
                    let found = store.resolve_batch(&[uri("~alice/db")]).unwrap();
                    assert_eq!(found[0].as_ref().map(|r| r.revision), Some(1));
                }
            })
        })
        .collect();
    for caller in callers {
        caller.join().expect("every caller is served");
    }
    let sessions = encrypted("iface-pool-test");
    assert!(
        (1..=2).contains(&sessions.len()),
        "at most 2 connections: {sessions:?}"
    );
}

#[test]
fn postgres_refuses_a_newer_schema() {
    let url = pg::fresh_database();
    drop(PostgresStore::open(&url).unwrap());
    let mut client = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
    client
        .batch_execute("UPDATE iface_schema SET version = 99")
        .unwrap();
    let err = PostgresStore::open(&url).unwrap_err();
    let message = format!("{err:#}");
    assert!(message.contains("schema version 99"), "{message}");
    assert!(message.contains("upgrade iface"), "{message}");
}

#[test]
fn a_listener_on_one_replica_hears_a_publish_on_another() {
    let url = pg::fresh_database();
    let a = PostgresStore::open(&url).unwrap();
    let b = PostgresStore::open(&url).unwrap();
    users(&b, &["bob"]);
    let mut listener = a.listen().unwrap();
    assert!(listener.wait(Duration::from_millis(50)).unwrap().is_empty());
    let first = Rev::new("bob", "db", "1").published(&b);
    // A publish that answers an existing revision tells nobody.
    assert!(!Rev::new("bob", "db", "1").publish(&b).unwrap().created);
    let second = Rev::new("bob", "db", "2").published(&b);
    let mut heard = Vec::new();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while heard.len() < 2 && std::time::Instant::now() < deadline {
        heard.extend(listener.wait(Duration::from_secs(1)).unwrap());
    }
    let notice = |r: &RevisionRecord| RevisionNotice {
        owner: r.owner.clone(),
        name: r.name.clone(),
        revision: r.revision,
        digest: r.digest.clone(),
    };
    assert_eq!(heard, vec![notice(&first), notice(&second)]);
    assert!(
        listener
            .wait(Duration::from_millis(100))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn open_store_takes_sqlite_and_postgres_urls() {
    let dir = tempfile::tempdir().unwrap();
    let default = dir.path().join("default");
    let data = dir.path().join("data");
    let store = open_store(&format!("sqlite:{}", data.display()), &default).unwrap();
    users(store.as_ref(), &["bob"]);
    drop(store);
    assert!(data.join("index.sqlite3").is_file());
    let again = open_existing_store(&format!("sqlite://{}", data.display()), &default).unwrap();
    assert_eq!(again.users().unwrap().len(), 1);
    drop(open_store("sqlite:", &default).unwrap());
    assert!(default.join("index.sqlite3").is_file());

    let url = pg::fresh_database();
    let err = open_existing_store(&url, &default).unwrap_err();
    assert!(
        format!("{err:#}").contains("holds no iface index"),
        "{err:#}"
    );
    let store = open_store(&url, &default).unwrap();
    users(store.as_ref(), &["bob"]);
    let postgresql = url.replacen("postgres://", "postgresql://", 1);
    let again = open_existing_store(&postgresql, &default).unwrap();
    assert_eq!(again.users().unwrap().len(), 1);

    let missing = dir.path().join("missing");
    let err = open_existing_store(&format!("sqlite:{}", missing.display()), &default).unwrap_err();
    assert!(format!("{err:#}").contains("not an iface index"), "{err:#}");
    let err = open_store("mysql://root:hunter2@db/iface", &default).unwrap_err();
    let message = format!("{err:#}");
    assert!(
        message.contains("mysql://root:***@db/iface is not a store URL"),
        "{message}"
    );
    assert!(!message.contains("hunter2"), "{message}");
    let err = open_store("postgres://iface:hunter2@127.0.0.1:1/iface", &default).unwrap_err();
    let message = format!("{err:#}");
    assert!(
        message.contains("postgres://iface:***@127.0.0.1:1/iface"),
        "{message}"
    );
    assert!(!message.contains("hunter2"), "{message}");
}
