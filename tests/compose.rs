//! compose's behaviour on a real charm directory, with interfaces served
//! from real packed archives of the samples. (The end-to-end run through
//! `iface serve` and the client is in tests/compose_cli.rs.)

#[path = "common/fs.rs"]
mod fs_util;

use fs_util::copy_tree;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use iface::compose::{Action, Options, Outcome, Resolved, Source, compose};
use iface::uri::InterfaceUri;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// An index in memory: revisions of `~samples/<name>`, all promulgated.
#[derive(Default)]
struct Memory {
    revisions: Vec<(Resolved, Vec<u8>)>,
    resolve_calls: Mutex<usize>,
}

impl Memory {
    fn publish(&mut self, dir: &Path) -> Resolved {
        let tree = iface::tree::InterfaceTree::load(dir).unwrap();
        let manifest = tree.manifest().unwrap().clone();
        let packed = iface::archive::pack(dir, &tree.entries).unwrap();
        let revision = self
            .revisions
            .iter()
            .filter(|(r, _)| r.uri.name == manifest.name)
            .count() as u32
            + 1;
        let resolved = Resolved {
            uri: InterfaceUri::new(Some("samples"), &manifest.name, Some(revision)).unwrap(),
            version: manifest.version.unwrap_or(1),
            digest: packed.sha256.clone(),
            index: "memory".to_string(),
        };
        self.revisions.push((resolved.clone(), packed.bytes));
        resolved
    }

    fn all_samples() -> Memory {
        let mut m = Memory::default();
        for name in ["http", "mysql", "pgsql", "logging", "cluster"] {
            m.publish(&examples().join("interfaces").join(name));
        }
        m
    }
}

impl Source for Memory {
    fn resolve(&self, uris: &[InterfaceUri]) -> anyhow::Result<Vec<anyhow::Result<Resolved>>> {
        *self.resolve_calls.lock().unwrap() += 1;
        Ok(uris
            .iter()
            .map(|u| {
                self.revisions
                    .iter()
                    .map(|(r, _)| r)
                    .filter(|r| r.uri.name == u.name)
                    .filter(|r| u.owner.is_none() || r.uri.owner == u.owner)
                    .filter(|r| u.revision.is_none() || r.uri.revision == u.revision)
                    .max_by_key(|r| r.uri.revision)
                    .cloned()
                    .ok_or_else(|| anyhow::anyhow!("no interface {u}"))
            })
            .collect())
    }

    fn revisions(&self, _owner: &str, name: &str) -> anyhow::Result<Vec<Resolved>> {
        Ok(self
            .revisions
            .iter()
            .filter(|(r, _)| r.uri.name == name)
            .map(|(r, _)| r.clone())
            .collect())
    }

    fn archives(&self, items: &[Resolved]) -> anyhow::Result<Vec<Vec<u8>>> {
        Ok(items
            .iter()
            .map(|i| {
                self.revisions
                    .iter()
                    .find(|(r, _)| r == i)
                    .map(|(_, b)| b.clone())
                    .unwrap()
            })
            .collect())
    }
}

fn webapp(tmp: &Path) -> PathBuf {
    let charm = tmp.join("webapp");
    copy_tree(&examples().join("charms/webapp"), &charm);
    charm
}

/// Every file under the charm with its bytes (links as `-> target`) and mtime.
fn snapshot(root: &Path) -> BTreeMap<String, (Vec<u8>, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, (Vec<u8>, std::time::SystemTime)>) {
        for child in std::fs::read_dir(dir).unwrap() {
            let child = child.unwrap();
            let path = child.path();
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                walk(root, &path, out);
            } else if meta.file_type().is_symlink() {
                let target = std::fs::read_link(&path).unwrap();
                out.insert(
                    rel,
                    (
                        format!("-> {}", target.display()).into_bytes(),
                        meta.modified().unwrap(),
                    ),
                );
            } else {
                out.insert(
                    rel,
                    (std::fs::read(&path).unwrap(), meta.modified().unwrap()),
                );
            }
        }
    }
    walk(root, root, &mut out);
    out
}

fn run(charm: &Path, source: &Memory, options: Options) -> anyhow::Result<Outcome> {
    compose(charm, source, options)
}

#[test]
fn composes_a_reactive_charm_like_charm_build() {
    let tmp = tempfile::tempdir().unwrap();
    let charm = webapp(tmp.path());
    let source = Memory::all_samples();
    let outcome = run(&charm, &source, Options::default()).unwrap();
    assert!(outcome.changed());
    assert_eq!(*source.resolve_calls.lock().unwrap(), 1, "one bulk resolve");
    let rel = charm.join("hooks/relations");

    // Legacy pgsql: everything but the ignored files, the symlink kept,
    // the helper package beside the role files, __init__.py added.
    let pgsql = rel.join("pgsql");
    assert_eq!(
        std::fs::read_link(pgsql.join("peers.py")).unwrap(),
        PathBuf::from("requires.py")
    );
    for present in [
        "provides.py",
        "requires.py",
        "pgsql_helpers/conninfo.py",
        "interface.yaml",
        "copyright",
        "__init__.py",
    ] {
        assert!(pgsql.join(present).exists(), "{present}");
    }
    for absent in ["tests", "docs", "pgsql_helpers/conninfo.py.orig"] {
        assert!(!pgsql.join(absent).exists(), "{absent}");
    }
    assert_eq!(std::fs::read(pgsql.join("__init__.py")).unwrap(), b"");
    // One-sided legacy logging, used on its requires side.
    assert!(rel.join("logging/requires.py").is_file());

    // Seed-format interfaces get only the roles the charm uses.
    assert!(rel.join("http/provides/__init__.py").is_file());
    assert!(
        !rel.join("http/requires").exists(),
        "webapp only provides http"
    );
    assert!(rel.join("mysql/requires/connection.py").is_file());
    assert!(!rel.join("mysql/provides").exists());
    assert!(rel.join("mysql/schema/provider.json").is_file());
    assert!(rel.join("cluster/peer/__init__.py").is_file());

    // Dependencies merged into the reactive charm's wheelhouse, author's lines kept.
    let wheelhouse = std::fs::read_to_string(charm.join("wheelhouse.txt")).unwrap();
    assert!(wheelhouse.starts_with("requests>=2.28"), "{wheelhouse}");
    assert!(
        wheelhouse.contains("mysql-connector-python>=8.0  # mysql"),
        "{wheelhouse}"
    );

    // The lock names every interface with its revision and file digests.
    let lock: serde_json::Value =
        serde_json::from_slice(&std::fs::read(charm.join("iface.lock")).unwrap()).unwrap();
    assert_eq!(
        lock["interfaces"]["mysql"]["uri"],
        "interface:~samples/mysql-1"
    );
    assert_eq!(
        lock["interfaces"]["mysql"]["roles"],
        serde_json::json!(["requires"])
    );
    assert!(lock["interfaces"]["pgsql"]["files"]["peers.py"].is_string());
    assert!(!charm.join(".iface-compose.pending").exists());
}

#[test]
fn second_run_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let charm = webapp(tmp.path());
    let source = Memory::all_samples();
    run(&charm, &source, Options::default()).unwrap();
    let before = snapshot(&charm);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let outcome = run(&charm, &source, Options::default()).unwrap();
    assert!(!outcome.changed(), "{outcome:#?}");
    assert_eq!(snapshot(&charm), before, "no file or mtime changed");
}

#[test]
fn hand_edits_stop_compose_until_forced() {
    let tmp = tempfile::tempdir().unwrap();
    let charm = webapp(tmp.path());
    let mut source = Memory::all_samples();
    run(&charm, &source, Options::default()).unwrap();
    let edited = charm.join("hooks/relations/http/provides/__init__.py");
    std::fs::write(&edited, "# my local fix\n").unwrap();
    let added = charm.join("hooks/relations/http/provides/mine.py");
    std::fs::write(&added, "# mine\n").unwrap();

    // A new revision of http and of mysql arrives; refresh must not clobber.
    let http2 = tmp.path().join("http2");
    copy_tree(&examples().join("interfaces/http"), &http2);
    std::fs::write(http2.join("provides/__init__.py"), "# revision 2\n").unwrap();
    source.publish(&http2);
    let before = snapshot(&charm);
    let err = run(
        &charm,
        &source,
        Options {
            refresh: true,
            ..Options::default()
        },
    )
    .unwrap_err();
    let message = format!("{err:#}");
    assert!(
        message.contains("hooks/relations/http/provides/__init__.py was edited by hand"),
        "{message}"
    );
    assert_eq!(snapshot(&charm), before, "nothing written");

    let outcome = run(
        &charm,
        &source,
        Options {
            refresh: true,
            force: true,
            ..Options::default()
        },
    )
    .unwrap();
    let http = outcome
        .interfaces
        .iter()
        .find(|i| i.name == "http")
        .unwrap();
    assert_eq!(http.uri.as_deref(), Some("interface:~samples/http-2"));
    assert_eq!(std::fs::read_to_string(&edited).unwrap(), "# revision 2\n");
    // A file the author added beside compose's is kept.
    assert_eq!(std::fs::read_to_string(&added).unwrap(), "# mine\n");
}

#[test]
fn an_interface_no_longer_used_is_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let charm = webapp(tmp.path());
    let source = Memory::all_samples();
    run(&charm, &source, Options::default()).unwrap();
    let metadata = std::fs::read_to_string(charm.join("metadata.yaml")).unwrap();
    let without: String = metadata
        .lines()
        .filter(|l| !l.contains("logs") && !l.contains("interface: logging"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(charm.join("metadata.yaml"), without).unwrap();
    let outcome = run(&charm, &source, Options::default()).unwrap();
    let logging = outcome
        .interfaces
        .iter()
        .find(|i| i.name == "logging")
        .unwrap();
    assert!(logging.uri.is_none());
    assert!(logging.files.iter().all(|f| f.action == Action::Remove));
    assert!(!charm.join("hooks/relations/logging").exists());
    let lock = std::fs::read_to_string(charm.join("iface.lock")).unwrap();
    assert!(!lock.contains("logging"), "{lock}");
    assert!(
        outcome
            .warnings
            .iter()
            .any(|w| w.contains("interface:logging")),
        "{:?}",
        outcome.warnings
    );
}

#[test]
fn refresh_stays_within_the_version() {
    let tmp = tempfile::tempdir().unwrap();
    let charm = webapp(tmp.path());
    let mut source = Memory::all_samples();
    run(&charm, &source, Options::default()).unwrap();

    let v1 = tmp.path().join("mysql-r2");
    copy_tree(&examples().join("interfaces/mysql"), &v1);
    std::fs::write(v1.join("requires/connection.py"), "# r2\n").unwrap();
    source.publish(&v1);
    let v2 = tmp.path().join("mysql-v2");
    copy_tree(&examples().join("interfaces/mysql"), &v2);
    let yaml = std::fs::read_to_string(v2.join("interface.yaml")).unwrap();
    std::fs::write(
        v2.join("interface.yaml"),
        yaml.replace("version: 1", "version: 2"),
    )
    .unwrap();
    source.publish(&v2);

    // Without --refresh the lock holds.
    let outcome = run(&charm, &source, Options::default()).unwrap();
    assert!(!outcome.changed());

    let outcome = run(
        &charm,
        &source,
        Options {
            refresh: true,
            ..Options::default()
        },
    )
    .unwrap();
    let mysql = outcome
        .interfaces
        .iter()
        .find(|i| i.name == "mysql")
        .unwrap();
    assert_eq!(
        mysql.previous.as_deref(),
        Some("interface:~samples/mysql-1")
    );
    assert_eq!(mysql.uri.as_deref(), Some("interface:~samples/mysql-2"));
    assert_eq!(
        mysql.available.as_deref(),
        Some("interface:~samples/mysql-3 (version 2)")
    );
    assert!(
        mysql
            .files
            .iter()
            .any(|f| f.path == "requires/connection.py" && f.action == Action::Update)
    );
    assert_eq!(
        std::fs::read_to_string(charm.join("hooks/relations/mysql/requires/connection.py"))
            .unwrap(),
        "# r2\n"
    );
}

#[test]
fn a_missing_role_names_endpoint_role_and_uri() {
    let tmp = tempfile::tempdir().unwrap();
    let charm = tmp.path().join("c");
    std::fs::create_dir_all(&charm).unwrap();
    std::fs::write(
        charm.join("metadata.yaml"),
        "name: c\nprovides:\n  log-sink:\n    interface: logging\n",
    )
    .unwrap();
    let err = run(&charm, &Memory::all_samples(), Options::default()).unwrap_err();
    let message = format!("{err:#}");
    assert!(
        message.contains("`log-sink`")
            && message.contains("provides")
            && message.contains("interface:~samples/logging-1"),
        "{message}"
    );
    assert!(!charm.join("hooks").exists());
    assert!(!charm.join("iface.lock").exists());
}

#[test]
fn conflicting_dependencies_name_both_interfaces() {
    let tmp = tempfile::tempdir().unwrap();
    let mut source = Memory::all_samples();
    let other = tmp.path().join("other");
    copy_tree(&examples().join("interfaces/http"), &other);
    std::fs::write(
        other.join("interface.yaml"),
        "name: other\nsummary: x\nmaintainer: a <a@x>\ncategory: web\nversion: 1\ndeps: [mysql-connector-python<8]\n",
    )
    .unwrap();
    source.publish(&other);
    let charm = tmp.path().join("c");
    std::fs::create_dir_all(&charm).unwrap();
    std::fs::write(
        charm.join("metadata.yaml"),
        "name: c\nrequires:\n  db:\n    interface: mysql\n  o:\n    interface: other\n",
    )
    .unwrap();
    let err = run(&charm, &source, Options::default()).unwrap_err();
    let message = format!("{err:#}");
    assert!(
        message.contains("mysql") && message.contains("other") && message.contains("incompatible"),
        "{message}"
    );
    assert!(!charm.join("hooks").exists());
}

#[test]
fn dry_run_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let charm = webapp(tmp.path());
    let before = snapshot(&charm);
    let outcome = run(
        &charm,
        &Memory::all_samples(),
        Options {
            dry_run: true,
            ..Options::default()
        },
    )
    .unwrap();
    assert!(outcome.dry_run && outcome.changed());
    let http = outcome
        .interfaces
        .iter()
        .find(|i| i.name == "http")
        .unwrap();
    assert!(http.files.iter().all(|f| f.action == Action::Add));
    assert_eq!(snapshot(&charm), before);
}

#[test]
fn explicit_include_pins_a_revision() {
    let tmp = tempfile::tempdir().unwrap();
    let charm = webapp(tmp.path());
    let mut source = Memory::all_samples();
    let r2 = tmp.path().join("http-r2");
    copy_tree(&examples().join("interfaces/http"), &r2);
    std::fs::write(r2.join("README.md"), "# http r2\n").unwrap();
    source.publish(&r2);
    let layer = std::fs::read_to_string(charm.join("layer.yaml")).unwrap();
    std::fs::write(
        charm.join("layer.yaml"),
        layer.replace("\"interface:http\"", "\"interface:~samples/http-1\""),
    )
    .unwrap();
    let outcome = run(&charm, &source, Options::default()).unwrap();
    let http = outcome
        .interfaces
        .iter()
        .find(|i| i.name == "http")
        .unwrap();
    assert_eq!(http.uri.as_deref(), Some("interface:~samples/http-1"));
}
