//! Schemas from the command line: `iface publish` explains a breaking change
//! before uploading, and `iface diff` shows what changed between revisions.

#[path = "common/client.rs"]
mod support;

#[path = "common/fs.rs"]
mod fs_util;

use fs_util::copy_tree;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use support::{ADMIN, Machine, Server, examples, json_of, text};

/// A copy of the mysql sample whose provider `port` is a string, and whose
/// interface.yaml says `version`.
fn mysql_with_string_port(root: &Path, version: u32) -> PathBuf {
    let dir = root.join(format!("mysql-v{version}"));
    copy_tree(&examples().join("mysql"), &dir);
    let schema_path = dir.join("schema/provider.json");
    let mut schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&schema_path).unwrap()).unwrap();
    schema["properties"]["app"]["properties"]["port"] = serde_json::json!({"type": "string"});
    std::fs::write(&schema_path, serde_json::to_string_pretty(&schema).unwrap()).unwrap();
    let yaml = std::fs::read_to_string(dir.join("interface.yaml")).unwrap();
    std::fs::write(
        dir.join("interface.yaml"),
        yaml.replace("version: 1", &format!("version: {version}")),
    )
    .unwrap();
    std::fs::write(
        dir.join("README.md"),
        "# mysql\n\nThe port is now a string.\n",
    )
    .unwrap();
    dir
}

#[test]
fn publish_explains_a_breaking_change_before_uploading() {
    let machine = Machine::new();
    let server = Server::start(&machine.home().join("data"));
    let token = machine.publish_samples(&server, &["mysql"]);
    let changed = mysql_with_string_port(machine.home(), 1);

    for dry_run in [true, false] {
        let mut cmd = machine.at(&server);
        cmd.env("IFACE_TOKEN", &token).arg("publish");
        if dry_run {
            cmd.arg("--dry-run");
        }
        cmd.arg(&changed)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "interface:~samples/mysql version 1 would break charms using its earlier revisions",
            ))
            .stderr(predicate::str::contains(
                "provider.json#/properties/app/properties/port [type-changed] type changed from integer to string",
            ))
            .stderr(predicate::str::contains("(breaks revision 1)"))
            .stderr(predicate::str::contains("hint: keep every published field"));
    }
    // Nothing reached the index.
    let out = machine
        .at(&server)
        .args(["show", "--format", "json", "interface:~samples/mysql"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(json_of(&out)["latest_revision"], 1);

    // With the version raised, it publishes.
    let bumped = mysql_with_string_port(machine.home(), 2);
    machine
        .at(&server)
        .env("IFACE_TOKEN", &token)
        .arg("publish")
        .arg(&bumped)
        .assert()
        .success()
        .stdout("interface:~samples/mysql-2\n");
    let _ = ADMIN;
}

#[test]
fn diff_shows_schema_changes_first_then_files() {
    let machine = Machine::new();
    let server = Server::start(&machine.home().join("data"));
    let token = machine.publish_samples(&server, &["mysql"]);
    let bumped = mysql_with_string_port(machine.home(), 2);
    machine
        .at(&server)
        .env("IFACE_TOKEN", &token)
        .arg("publish")
        .arg(&bumped)
        .assert()
        .success();

    let out = machine
        .at(&server)
        .args([
            "diff",
            "interface:~samples/mysql-1",
            "interface:~samples/mysql-2",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    insta::assert_snapshot!("diff_text", text(&out));

    let out = machine
        .at(&server)
        .args([
            "diff",
            "--format",
            "json",
            "~samples/mysql-1",
            "~samples/mysql-2",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json = json_of(&out);
    insta::assert_json_snapshot!("diff_json_schema", json["schema"]);
    assert_eq!(json["breaking"], true);
    let files: Vec<(&str, &str)> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), f["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        files,
        vec![
            ("README.md", "changed"),
            ("interface.yaml", "changed"),
            ("schema/provider.json", "changed")
        ]
    );

    // A revision against a local directory: the local side is its path.
    let out = machine
        .at(&server)
        .current_dir(machine.home())
        .args([
            "diff",
            "--format",
            "json",
            "interface:~samples/mysql-2",
            "mysql-v2",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json = json_of(&out);
    assert_eq!(json["to"], "mysql-v2");
    assert_eq!(json["schema"], serde_json::json!([]));
    assert_eq!(json["files"], serde_json::json!([]));

    // An invalid URI that is not a directory either: exit 2.
    machine
        .at(&server)
        .args(["diff", "Not A URI", "~samples/mysql-1"])
        .assert()
        .code(2);
}
