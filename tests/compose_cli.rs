//! `iface compose` end to end: the real binary against a real `iface serve`
//! holding the published, promulgated samples.

#[path = "common/client.rs"]
mod support;

#[path = "common/fs.rs"]
mod fs_util;

use fs_util::copy_tree;
use std::path::{Path, PathBuf};
use std::time::Duration;

use predicates::prelude::*;
use support::{ADMIN, Machine, Server, json_of, snapshot, text};

const SAMPLES: &[&str] = &["http", "mysql", "pgsql", "logging", "cluster"];

fn charm_source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/charms/webapp")
}

/// A server with every sample published as ~samples and promulgated.
fn index(machine: &Machine, data: &Path) -> Server {
    let server = Server::start(data);
    machine.publish_samples(&server, SAMPLES);
    for name in SAMPLES {
        machine
            .at(&server)
            .env("IFACE_TOKEN", ADMIN)
            .args(["promulgate", &format!("interface:~samples/{name}")])
            .assert()
            .success();
    }
    server
}

#[test]
fn compose_the_sample_charm_then_nothing_to_do_then_offline() {
    let machine = Machine::new();
    let data = machine.home().join("data");
    let mut server = index(&machine, &data);
    let charm = machine.home().join("webapp");
    copy_tree(&charm_source(), &charm);

    let out = machine
        .at(&server)
        .args(["compose", "--format", "json"])
        .arg(&charm)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let outcome = json_of(&out);
    let names: Vec<&str> = outcome["interfaces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["cluster", "http", "logging", "mysql", "pgsql"]);
    assert_eq!(outcome["interfaces"][1]["uri"], "interface:~samples/http-1");
    let rel = charm.join("hooks/relations");
    assert_eq!(
        std::fs::read_link(rel.join("pgsql/peers.py")).unwrap(),
        PathBuf::from("requires.py")
    );
    assert!(rel.join("http/provides/__init__.py").is_file());
    assert!(!rel.join("http/requires").exists());
    let lock = std::fs::read_to_string(charm.join("iface.lock")).unwrap();
    assert!(
        lock.contains(&server.url),
        "the lock names the index: {lock}"
    );
    let composed = snapshot(&charm);

    machine
        .at(&server)
        .arg("compose")
        .arg(&charm)
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to do"));
    assert_eq!(snapshot(&charm), composed);

    // With the index gone, the lock and the cache are enough.
    server.stop();
    std::fs::remove_dir_all(&rel).unwrap();
    machine
        .at(&server)
        .args(["--offline", "compose"])
        .arg(&charm)
        .assert()
        .success();
    assert_eq!(snapshot(&charm), composed);
}

#[test]
fn dry_run_prints_the_plan_and_touches_nothing() {
    let machine = Machine::new();
    let data = machine.home().join("data");
    let server = index(&machine, &data);
    let charm = machine.home().join("webapp");
    copy_tree(&charm_source(), &charm);
    let before = snapshot(&charm);
    let out = machine
        .at(&server)
        .args(["compose", "--dry-run"])
        .arg(&charm)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let plan = text(&out);
    assert!(
        plan.contains("add    hooks/relations/pgsql/peers.py"),
        "{plan}"
    );
    assert!(plan.contains("http: interface:~samples/http-1"), "{plan}");
    assert_eq!(snapshot(&charm), before);
}

#[test]
fn hand_edits_and_missing_roles_fail_with_exit_1() {
    let machine = Machine::new();
    let data = machine.home().join("data");
    let server = index(&machine, &data);
    let charm = machine.home().join("webapp");
    copy_tree(&charm_source(), &charm);
    machine
        .at(&server)
        .arg("compose")
        .arg(&charm)
        .assert()
        .success();
    let edited = charm.join("hooks/relations/mysql/requires/connection.py");
    std::fs::write(&edited, "# patched by hand\n").unwrap();
    // A new mysql revision (same version) arrives.
    let tmp = machine.home().join("mysql2");
    copy_tree(&support::examples().join("mysql"), &tmp);
    std::fs::write(tmp.join("requires/connection.py"), "# revision 2\n").unwrap();
    machine
        .at(&server)
        .env("IFACE_TOKEN", ADMIN)
        .args(["publish", "--owner", "samples"])
        .arg(&tmp)
        .assert()
        .success();
    machine
        .at(&server)
        .args(["compose", "--refresh"])
        .arg(&charm)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "hooks/relations/mysql/requires/connection.py was edited by hand",
        ))
        .stderr(predicate::str::contains("--force"));
    assert_eq!(
        std::fs::read_to_string(&edited).unwrap(),
        "# patched by hand\n"
    );
    machine
        .at(&server)
        .args(["compose", "--refresh", "--force"])
        .arg(&charm)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "interface:~samples/mysql-1 -> interface:~samples/mysql-2",
        ));
    assert_eq!(std::fs::read_to_string(&edited).unwrap(), "# revision 2\n");

    let other = machine.home().join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(
        other.join("metadata.yaml"),
        "name: other\nprovides:\n  sink:\n    interface: logging\n",
    )
    .unwrap();
    machine
        .at(&server)
        .arg("compose")
        .arg(&other)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "`sink` needs the provides role of interface:~samples/logging-1",
        ));
}

/// Killed at any moment, compose leaves every interface directory either
/// absent (as it was) or complete, and a plain re-run finishes the job.
#[test]
fn an_interrupted_compose_is_finished_by_a_rerun() {
    let machine = Machine::new();
    let data = machine.home().join("data");
    let server = index(&machine, &data);
    let reference = machine.home().join("reference");
    copy_tree(&charm_source(), &reference);
    machine
        .at(&server)
        .arg("compose")
        .arg(&reference)
        .assert()
        .success();
    let expected = snapshot(&reference.join("hooks/relations"));

    for (round, delay_ms) in [0u64, 5, 10, 20, 30, 45, 60, 90].into_iter().enumerate() {
        let charm = machine.home().join(format!("charm-{round}"));
        copy_tree(&charm_source(), &charm);
        let mut child = std::process::Command::new(support::bin())
            .arg("compose")
            .arg(&charm)
            .env_clear()
            .env("HOME", machine.home())
            .env("IFACE_CACHE_DIR", machine.cache())
            .env("IFACE_INDEX", &server.url)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();

        let rel = charm.join("hooks/relations");
        if rel.exists() {
            for entry in std::fs::read_dir(&rel).unwrap() {
                let entry = entry.unwrap();
                let name = entry.file_name().to_string_lossy().into_owned();
                let got = snapshot(&entry.path());
                let want: std::collections::BTreeMap<String, String> = expected
                    .iter()
                    .filter_map(|(k, v)| {
                        k.strip_prefix(&format!("{name}/"))
                            .map(|r| (r.to_string(), v.clone()))
                    })
                    .collect();
                assert_eq!(got, want, "round {round}: {name} is half-written");
            }
        }
        machine
            .at(&server)
            .arg("compose")
            .arg(&charm)
            .assert()
            .success();
        assert_eq!(snapshot(&rel), expected, "round {round}: re-run differs");
        let leftovers: Vec<String> = std::fs::read_dir(&charm)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".iface"))
            .collect();
        assert!(leftovers.is_empty(), "round {round}: {leftovers:?}");
    }
}

#[test]
fn refresh_never_crosses_a_version_and_unused_interfaces_go() {
    let machine = Machine::new();
    let data = machine.home().join("data");
    let server = index(&machine, &data);
    let charm = machine.home().join("webapp");
    copy_tree(&charm_source(), &charm);
    machine
        .at(&server)
        .arg("compose")
        .arg(&charm)
        .assert()
        .success();

    // mysql version 2 appears: --refresh reports it and stays on version 1.
    let v2 = machine.home().join("mysql-v2");
    copy_tree(&support::examples().join("mysql"), &v2);
    let yaml = std::fs::read_to_string(v2.join("interface.yaml")).unwrap();
    std::fs::write(
        v2.join("interface.yaml"),
        yaml.replace("version: 1", "version: 2"),
    )
    .unwrap();
    machine
        .at(&server)
        .env("IFACE_TOKEN", ADMIN)
        .args(["publish", "--owner", "samples"])
        .arg(&v2)
        .assert()
        .success()
        .stdout("interface:~samples/mysql-2\n");
    let out = machine
        .at(&server)
        .args(["compose", "--refresh", "--format", "json"])
        .arg(&charm)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let outcome = json_of(&out);
    let mysql = outcome["interfaces"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "mysql")
        .unwrap();
    assert_eq!(mysql["uri"], "interface:~samples/mysql-1");
    assert_eq!(mysql["available"], "interface:~samples/mysql-2 (version 2)");

    // The charm stops using logging: its directory and lock entry go.
    let metadata = std::fs::read_to_string(charm.join("metadata.yaml")).unwrap();
    let kept: String = metadata
        .lines()
        .filter(|l| !l.contains("logs:") && !l.contains("interface: logging"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(charm.join("metadata.yaml"), kept).unwrap();
    machine
        .at(&server)
        .arg("compose")
        .arg(&charm)
        .assert()
        .success()
        .stdout(predicate::str::contains("logging: removed"));
    assert!(!charm.join("hooks/relations/logging").exists());
    assert!(
        !std::fs::read_to_string(charm.join("iface.lock"))
            .unwrap()
            .contains("logging")
    );
}

#[test]
fn conflicting_dependencies_stop_compose() {
    let machine = Machine::new();
    let data = machine.home().join("data");
    let server = index(&machine, &data);
    // Another interface wants a mysql-connector-python that mysql's deps exclude.
    let old = machine.home().join("legacy-db");
    std::fs::create_dir_all(&old).unwrap();
    std::fs::write(
        old.join("interface.yaml"),
        "name: legacy-db\nsummary: old\nmaintainer: a <a@example.com>\ndeps: [mysql-connector-python<8]\n",
    )
    .unwrap();
    std::fs::write(old.join("requires.py"), "# requires\n").unwrap();
    machine
        .at(&server)
        .env("IFACE_TOKEN", ADMIN)
        .args(["publish", "--owner", "samples"])
        .arg(&old)
        .assert()
        .success();
    let charm = machine.home().join("c");
    std::fs::create_dir_all(&charm).unwrap();
    std::fs::write(
        charm.join("metadata.yaml"),
        "name: c\nrequires:\n  db:\n    interface: mysql\n  old:\n    interface: legacy-db\n",
    )
    .unwrap();
    std::fs::write(
        charm.join("layer.yaml"),
        "includes: ['interface:~samples/legacy-db']\n",
    )
    .unwrap();
    machine
        .at(&server)
        .arg("compose")
        .arg(&charm)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "interfaces legacy-db and mysql need incompatible versions of mysql-connector-python",
        ));
    assert!(!charm.join("hooks").exists());
    assert!(!charm.join("iface.lock").exists());
}
