//! The foundation commands run as a user runs them: the real binary, its own
//! HOME and cache, the committed sample interfaces.

#[path = "common/fs.rs"]
mod fs_util;

use fs_util::copy_tree;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/interfaces")
}

/// The binary with a private HOME and cache, and no colour.
fn iface(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("iface").unwrap();
    cmd.env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("IFACE_CACHE_DIR", home.join("cache"))
        .env("NO_COLOR", "1");
    cmd
}

fn json_of(output: &[u8]) -> Value {
    serde_json::from_slice(output)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(output)))
}

fn finding_ids(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn seed_samples_pass_check_without_errors() {
    let home = tempfile::tempdir().unwrap();
    for name in ["http", "mysql", "cluster"] {
        let out = iface(home.path())
            .args(["check", "--format", "json"])
            .arg(examples().join(name))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let report = json_of(&out);
        assert_eq!(report["ok"], true, "{name}: {report:#}");
        assert_eq!(report["errors"], 0, "{name}: {report:#}");
        assert_eq!(report["name"], name);
    }
}

#[test]
fn legacy_layout_passes_with_warnings_for_what_the_seed_format_asks() {
    let home = tempfile::tempdir().unwrap();
    let out = iface(home.path())
        .args(["check", "--format", "json"])
        .arg(examples().join("pgsql"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ids = finding_ids(&json_of(&out));
    assert!(ids.contains(&"version-missing".to_string()), "{ids:?}");
    assert!(ids.contains(&"legacy-layout".to_string()), "{ids:?}");
    assert!(!ids.contains(&"link-escapes".to_string()), "{ids:?}");

    // The one-sided legacy interface: a warning, not an error.
    let out = iface(home.path())
        .args(["check", "--format", "json"])
        .arg(examples().join("logging"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ids = finding_ids(&json_of(&out));
    assert!(ids.contains(&"one-sided".to_string()), "{ids:?}");
    assert!(ids.contains(&"unknown-key".to_string()), "{ids:?}");

    // --strict turns those warnings into a failure.
    iface(home.path())
        .args(["check", "--strict"])
        .arg(examples().join("pgsql"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "warning[version-missing] interface.yaml",
        ));
}

#[test]
fn check_reports_errors_with_exit_1() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("broken");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("interface.yaml"), "name: Bad_Name\n").unwrap();
    std::fs::write(dir.join("requires.py"), "").unwrap();
    std::os::unix::fs::symlink("../../etc/passwd", dir.join("provides.py")).unwrap();
    std::os::unix::fs::symlink("/etc/hosts", dir.join("hosts")).unwrap();
    let out = iface(home.path())
        .args(["check", "--format", "json"])
        .arg(&dir)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report = json_of(&out);
    let ids = finding_ids(&report);
    for id in ["name-invalid", "link-escapes", "link-absolute"] {
        assert!(ids.contains(&id.to_string()), "{id} missing from {ids:?}");
    }
    let escapes = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "link-escapes")
        .unwrap();
    assert_eq!(escapes["path"], "provides.py");
    assert_eq!(escapes["severity"], "error");

    let empty = home.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    iface(home.path())
        .arg("check")
        .arg(&empty)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[manifest-missing]"))
        .stdout(predicate::str::contains("error[no-roles]"));
}

#[test]
fn check_of_a_missing_directory_names_it() {
    let home = tempfile::tempdir().unwrap();
    iface(home.path())
        .args(["check", "/nonexistent/iface-dir"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/nonexistent/iface-dir"));
}

#[test]
fn init_output_passes_strict_check() {
    let home = tempfile::tempdir().unwrap();
    for (name, peer) in [
        ("tls-certificates", false),
        ("kube-control", false),
        ("ha-cluster", true),
    ] {
        let dir = home.path().join(name);
        let mut cmd = iface(home.path());
        cmd.current_dir(home.path()).args([
            "init",
            name,
            "--maintainer",
            "Jane Doe <jane@example.com>",
        ]);
        if peer {
            cmd.arg("--peer");
        }
        cmd.assert().success();
        let out = iface(home.path())
            .args(["check", "--strict", "--format", "json"])
            .arg(&dir)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let report = json_of(&out);
        assert_eq!(
            report["findings"],
            Value::Array(vec![]),
            "{name}: {report:#}"
        );
        let roles: Vec<&str> = if peer {
            vec!["peer"]
        } else {
            vec!["provides", "requires"]
        };
        for role in roles {
            assert!(dir.join(role).join("__init__.py").is_file());
        }
    }
}

#[test]
fn init_refuses_a_non_empty_directory_and_bad_names() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("taken");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("keep.txt"), "mine").unwrap();
    iface(home.path())
        .args(["init", "mysql"])
        .arg(&dir)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not empty"));
    assert_eq!(
        std::fs::read_to_string(dir.join("keep.txt")).unwrap(),
        "mine"
    );
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);

    let out = iface(home.path())
        .current_dir(home.path())
        .args(["--format", "json", "init", "MySQL"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("upper-case"))
        .get_output()
        .stdout
        .clone();
    assert_eq!(json_of(&out)["error"]["code"], "invalid");
    assert!(!home.path().join("MySQL").exists());
}

fn pack_json(home: &Path, dir: &Path, output: &Path) -> Value {
    let out = iface(home)
        .args(["pack", "--format", "json", "-o"])
        .arg(output)
        .arg(dir)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    json_of(&out)
}

#[test]
fn pack_is_reproducible_whatever_mtimes_modes_and_order() {
    let home = tempfile::tempdir().unwrap();
    let a = home.path().join("a/pgsql");
    let b = home.path().join("b/pgsql");
    copy_tree(&examples().join("pgsql"), &a);
    copy_tree(&examples().join("pgsql"), &b);
    // Same content, different metadata in b.
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
    for file in ["provides.py", "requires.py", "interface.yaml"] {
        let f = std::fs::File::options()
            .write(true)
            .open(b.join(file))
            .unwrap();
        f.set_modified(old).unwrap();
        std::fs::set_permissions(b.join(file), std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    std::fs::set_permissions(
        b.join("pgsql_helpers"),
        std::fs::Permissions::from_mode(0o700),
    )
    .unwrap();

    let first = pack_json(home.path(), &a, &home.path().join("a.tar.gz"));
    let second = pack_json(home.path(), &b, &home.path().join("b.tar.gz"));
    assert_eq!(first["sha256"], second["sha256"]);
    assert_eq!(
        std::fs::read(home.path().join("a.tar.gz")).unwrap(),
        std::fs::read(home.path().join("b.tar.gz")).unwrap()
    );

    // A changed byte changes the digest.
    std::fs::write(b.join("copyright"), "changed\n").unwrap();
    let third = pack_json(home.path(), &b, &home.path().join("c.tar.gz"));
    assert_ne!(first["sha256"], third["sha256"]);
}

#[test]
fn pack_leaves_out_ignored_files_and_keeps_symlinks() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("pgsql");
    copy_tree(&examples().join("pgsql"), &dir);
    std::fs::create_dir_all(dir.join("__pycache__")).unwrap();
    std::fs::write(dir.join("__pycache__/x.pyc"), "junk").unwrap();
    std::fs::write(dir.join("provides.py~"), "backup").unwrap();
    let archive = home.path().join("pgsql.tar.gz");
    pack_json(home.path(), &dir, &archive);

    let unpacked = home.path().join("unpacked");
    let entries = iface::archive::unpack(&std::fs::read(&archive).unwrap(), &unpacked).unwrap();
    let paths: Vec<&str> = entries.iter().map(|e| e.path.as_str()).collect();
    for gone in [
        "tests",
        "docs",
        "__pycache__",
        "provides.py~",
        "pgsql_helpers/conninfo.py.orig",
    ] {
        assert!(
            !paths.iter().any(|p| p.starts_with(gone)),
            "{gone} packed: {paths:?}"
        );
    }
    for kept in [
        "interface.yaml",
        "provides.py",
        "requires.py",
        "peers.py",
        "pgsql_helpers/conninfo.py",
    ] {
        assert!(paths.contains(&kept), "{kept} missing: {paths:?}");
    }
    assert_eq!(
        std::fs::read_link(unpacked.join("peers.py")).unwrap(),
        PathBuf::from("requires.py")
    );
}

#[test]
fn pack_inside_the_interface_is_stable_across_runs() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("http");
    copy_tree(&examples().join("http"), &dir);
    let run = || {
        let out = iface(home.path())
            .current_dir(&dir)
            .args(["pack", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        json_of(&out)
    };
    let first = run();
    assert_eq!(first["file"], "http.tar.gz");
    assert!(dir.join("http.tar.gz").is_file());
    // The archive written into the tree is not packed into the next one.
    assert_eq!(run()["sha256"], first["sha256"]);
}

#[test]
fn pack_refuses_an_interface_with_errors() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("evil");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("interface.yaml"), "name: evil\n").unwrap();
    std::os::unix::fs::symlink("../../../etc/shadow", dir.join("provides.py")).unwrap();
    iface(home.path())
        .current_dir(home.path())
        .arg("pack")
        .arg(&dir)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("provides.py"))
        .stderr(predicate::str::contains("hint: run `iface check"));
    assert!(!home.path().join("evil.tar.gz").exists());
}

#[test]
fn hostile_manifest_is_refused_by_name() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("bomb");
    std::fs::create_dir_all(&dir).unwrap();
    let mut yaml = String::from("name: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let p = i - 1;
        yaml.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    std::fs::write(dir.join("interface.yaml"), yaml).unwrap();
    std::fs::write(dir.join("requires.py"), "").unwrap();
    iface(home.path())
        .arg("check")
        .arg(&dir)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[manifest-syntax] interface.yaml",
        ));

    let big = home.path().join("big");
    std::fs::create_dir_all(&big).unwrap();
    let f = std::fs::File::create(big.join("interface.yaml")).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    iface(home.path())
        .arg("check")
        .arg(&big)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[manifest-too-large]"));
}

#[test]
fn usage_errors_exit_2() {
    let home = tempfile::tempdir().unwrap();
    iface(home.path()).arg("no-such-command").assert().code(2);
    iface(home.path())
        .args(["check", "--format", "yaml"])
        .assert()
        .code(2);
}

#[test]
fn help_documents_exit_codes_and_environment() {
    let home = tempfile::tempdir().unwrap();
    iface(home.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit status:"))
        .stdout(predicate::str::contains("IFACE_INDEX"));
}

#[test]
fn a_closed_stdout_is_not_an_error() {
    let bin = assert_cmd::cargo::cargo_bin("iface");
    let mut child = std::process::Command::new(bin)
        .args(["check", "--format", "json"])
        .arg(examples().join("pgsql"))
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Close the read end at once, as `| head` does when it has had enough.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn check_applies_the_schema_design_rules() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("db");
    iface(home.path())
        .args(["init", "db", "--maintainer", "A <a@example.com>"])
        .arg(&dir)
        .assert()
        .success();
    let schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {
            "app": {
                "type": "object",
                "required": ["host"],
                "properties": {
                    "host": {"type": "string"},
                    "replicas": {"type": "array", "items": {"type": "string"}},
                    "mode": {"type": "string", "enum": ["primary", "replica"]},
                    "admin_url": {"type": "string"},
                    "by_host": {"type": "object", "additionalProperties": {"type": "string"}}
                }
            },
            "unit": {"type": "object"}
        }
    });
    std::fs::write(dir.join("schema/provider.json"), schema.to_string()).unwrap();
    std::fs::write(dir.join("schema/requirer.json"), r#"{"type": "objekt"}"#).unwrap();
    let out = iface(home.path())
        .args(["check", "--format", "json"])
        .arg(&dir)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report = json_of(&out);
    let by_id = |id: &str| -> Vec<(String, String)> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["id"] == id)
            .map(|f| {
                (
                    f["severity"].as_str().unwrap().to_string(),
                    f["path"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        by_id("schema-required"),
        vec![(
            "error".to_string(),
            "schema/provider.json#/properties/app/required".to_string()
        )]
    );
    assert_eq!(by_id("schema-map")[0].0, "error");
    assert_eq!(by_id("schema-primitive-array")[0].0, "warning");
    assert_eq!(
        by_id("schema-enum-catch-all")[0].1,
        "schema/provider.json#/properties/app/properties/mode"
    );
    assert_eq!(by_id("schema-url-format")[0].0, "warning");
    assert_eq!(by_id("schema-invalid")[0].1, "schema/requirer.json#");
}
