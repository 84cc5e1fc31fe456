//! The client commands against a real `iface serve`, run as a user runs
//! them: the real binary, a private HOME, config and cache per test.

#[path = "common/fs.rs"]
mod fs;
#[path = "common/client.rs"]
mod support;

use std::net::TcpListener;
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;
use support::{ADMIN, Machine, Server, examples, json_of, snapshot, text};

fn server() -> (tempfile::TempDir, Server) {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(&data.path().join("index"));
    (data, server)
}

#[test]
fn publishing_and_reading_commands_in_text_and_json() {
    let (_data, server) = server();
    let m = Machine::new();

    // token create: the token alone on stdout, the user created on the way.
    let token = m.token_for(&server, "alice");
    assert!(
        token.starts_with("iface_") && !token.contains(char::is_whitespace),
        "{token:?}"
    );
    let created = json_of(
        &m.at(&server)
            .env("IFACE_TOKEN", ADMIN)
            .args([
                "--format", "json", "token", "create", "bob", "--label", "ci",
            ])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(created["user"], "bob");
    assert_eq!(created["label"], "ci");
    assert_eq!(created["created_user"], true);
    let bob = created["token"].as_str().unwrap().to_owned();

    // login saves the token for this index only, privately.
    m.at(&server)
        .args(["login", "--token-stdin"])
        .write_stdin(format!("{token}\n"))
        .assert()
        .success()
        .stderr(predicate::str::contains("logged in to").and(predicate::str::contains("~alice")));
    let credentials = m.config_dir().join("credentials.json");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&credentials)
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
        let saved = json_of(&std::fs::read(&credentials).unwrap());
        assert_eq!(saved["tokens"][&server.url], token.as_str());
    }
    // A bad token is refused and not saved.
    m.at(&server)
        .args(["login", "--token-stdin"])
        .write_stdin("iface_wrong")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did not accept the token"));

    m.at(&server)
        .arg("whoami")
        .assert()
        .success()
        .stdout("~alice\n");
    let me = json_of(
        &m.at(&server)
            .args(["whoami", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(me["user"], "alice");
    assert_eq!(me["admin"], false);
    assert_eq!(me["index"], server.url.as_str());

    // publish: dry run uploads nothing; then text and JSON.
    let dry = json_of(
        &m.at(&server)
            .args(["publish", "--dry-run", "--format", "json"])
            .arg(examples().join("http"))
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["name"], "http");
    assert_eq!(dry["sha256"].as_str().unwrap().len(), 64);
    m.at(&server).args(["list"]).assert().success().stdout("");
    m.at(&server)
        .arg("publish")
        .arg(examples().join("http"))
        .assert()
        .success()
        .stdout("interface:~alice/http-1\n");
    let published = json_of(
        &m.at(&server)
            .args(["publish", "--format", "json"])
            .arg(examples().join("mysql"))
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(published["uri"], "interface:~alice/mysql-1");
    assert_eq!(published["created"], true);
    assert_eq!(published["index"], server.url.as_str());
    // The same archive again makes no new revision, and says so.
    m.at(&server)
        .arg("publish")
        .arg(examples().join("mysql"))
        .assert()
        .success()
        .stdout("interface:~alice/mysql-1\n")
        .stderr(predicate::str::contains("unchanged"));
    // bob may not publish into ~alice until granted.
    m.at(&server)
        .env("IFACE_TOKEN", &bob)
        .args(["publish", "--owner", "alice"])
        .arg(examples().join("cluster"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("403"));

    // list and search.
    let listed = text(
        &m.at(&server)
            .arg("list")
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let lines: Vec<&str> = listed.lines().collect();
    assert!(
        lines[0].starts_with("URI") && lines[0].contains("SUMMARY"),
        "{listed}"
    );
    assert!(lines[1].starts_with("interface:~alice/http "), "{listed}");
    assert!(lines[2].starts_with("interface:~alice/mysql "), "{listed}");
    let listed = json_of(
        &m.at(&server)
            .args(["list", "--format", "json", "--category", "database"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["interfaces"][0]["uri"], "interface:~alice/mysql");
    assert_eq!(listed["interfaces"][0]["index"], server.url.as_str());
    let found = json_of(
        &m.at(&server)
            .args(["search", "database", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(found["interfaces"][0]["name"], "mysql");
    m.at(&server)
        .args(["search", "mysql"])
        .assert()
        .success()
        .stdout(predicate::str::contains("interface:~alice/mysql"));

    // promulgate (admin), then the bare name works; show in text and JSON.
    m.at(&server)
        .args(["promulgate", "interface:~alice/mysql"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("403"));
    let promulgated = json_of(
        &m.at(&server)
            .env("IFACE_TOKEN", ADMIN)
            .args(["promulgate", "~alice/mysql", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(promulgated["uri"], "interface:~alice/mysql");
    let shown = text(
        &m.at(&server)
            .args(["show", "mysql"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert!(shown.starts_with("interface:~alice/mysql\n"), "{shown}");
    assert!(shown.contains("promulgated  yes"), "{shown}");
    assert!(
        shown.contains("interface:~alice/mysql-1  sha256:"),
        "{shown}"
    );
    assert!(shown.contains("roles        provides, requires"), "{shown}");
    assert!(
        shown.contains("Database-style interface"),
        "README rendered: {shown}"
    );
    let shown = json_of(
        &m.at(&server)
            .args(["show", "interface:mysql-1", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(shown["owner"], "alice");
    assert_eq!(shown["requested_revision"]["revision"], 1);
    assert_eq!(shown["index"], server.url.as_str());
    let readme = std::fs::read_to_string(examples().join("mysql/README.md")).unwrap();
    m.at(&server)
        .args(["show", "mysql", "--readme"])
        .assert()
        .success()
        .stdout(predicate::eq(readme.clone()).or(predicate::eq(format!("{readme}\n"))));
    m.at(&server)
        .args(["show", "mysql-7"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("has no revision 7"));

    // maintainers: granted by the owner, listed, revoked.
    m.at(&server)
        .args(["maintainer", "add", "mysql", "bob"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "~bob may now publish interface:~alice/mysql",
        ));
    m.at(&server)
        .args(["maintainer", "list", "interface:~alice/mysql"])
        .assert()
        .success()
        .stdout("~bob\n");
    m.at(&server)
        .env("IFACE_TOKEN", &bob)
        .args(["publish", "--owner", "alice", "--format", "json"])
        .arg(examples().join("mysql"))
        .assert()
        .success();
    let maintainers = json_of(
        &m.at(&server)
            .args(["maintainer", "remove", "mysql", "~bob", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(maintainers["maintainers"], Value::Array(vec![]));
    assert_eq!(maintainers["owner"], "alice");

    // unpromulgate: the bare name no longer resolves, and says why.
    let gone = json_of(
        &m.at(&server)
            .env("IFACE_TOKEN", ADMIN)
            .args(["unpromulgate", "mysql", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(gone["promulgated"], false);
    m.at(&server)
        .args(["show", "mysql"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not promulgated"))
        .stderr(predicate::str::contains("interface:~alice/mysql"));

    // tokens: list, revoke; a revoked token no longer works.
    let tokens = json_of(
        &m.at(&server)
            .args(["token", "list", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let ids: Vec<i64> = tokens["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids.len(), 1);
    m.at(&server)
        .args(["token", "ls"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ID  LABEL"));
    m.at(&server)
        .env("IFACE_TOKEN", ADMIN)
        .args(["token", "revoke", &ids[0].to_string(), "--user", "alice"])
        .assert()
        .success()
        .stderr(predicate::str::contains("revoked token"));
    m.at(&server)
        .arg("whoami")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("401"))
        .stderr(predicate::str::contains("iface login"));

    // logout forgets it; whoami then says how to log in.
    let out = json_of(
        &m.at(&server)
            .args(["logout", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(out["logged_out"][0], server.url.as_str());
    m.at(&server).arg("whoami").assert().code(1).stderr(
        predicate::str::contains("iface login").and(predicate::str::contains("IFACE_TOKEN")),
    );
    m.at(&server)
        .arg("logout")
        .assert()
        .success()
        .stderr(predicate::str::contains("not logged in"));

    // The text forms of the admin commands, and login in JSON.
    let logged = json_of(
        &m.at(&server)
            .args(["login", "--token-stdin", "--format", "json"])
            .write_stdin(bob.clone())
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(logged["user"], "bob");
    m.at(&server)
        .env("IFACE_TOKEN", ADMIN)
        .args(["promulgate", "interface:~alice/http"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "interface:http now stands for interface:~alice/http",
        ));
    m.at(&server)
        .env("IFACE_TOKEN", ADMIN)
        .args(["unpromulgate", "http"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "interface:http no longer stands for",
        ));
    let granted = json_of(
        &m.at(&server)
            .env("IFACE_TOKEN", ADMIN)
            .args([
                "maintainer",
                "grant",
                "~alice/http",
                "bob",
                "--format",
                "json",
            ])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(granted["maintainers"][0], "bob");
    m.at(&server)
        .args(["maintainer", "remove", "~alice/http", "bob"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("403"));
    let revoked = json_of(
        &m.at(&server)
            .args([
                "token",
                "revoke",
                &created["id"].to_string(),
                "--format",
                "json",
            ])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(revoked["user"], "bob");
    assert_eq!(revoked["revoked"], true);
}

#[test]
fn fetch_is_byte_identical_symlinks_and_one_sided_legacy_included() {
    let (_data, server) = server();
    let m = Machine::new();
    m.publish_samples(&server, &["pgsql", "logging", "cluster"]);
    let out = m.home().join("charm/interfaces");
    let fetched = json_of(
        &m.at(&server)
            .args(["fetch", "--format", "json", "-o"])
            .arg(&out)
            .args([
                "~samples/pgsql",
                "interface:~samples/logging-1",
                "~samples/cluster",
            ])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let items = fetched.as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["uri"], "interface:~samples/pgsql-1");
    assert_eq!(items[0]["query"], "interface:~samples/pgsql");
    assert_eq!(items[0]["index"], server.url.as_str());
    assert_eq!(items[0]["cached"], false);
    assert_eq!(
        Path::new(items[1]["path"].as_str().unwrap()),
        out.join("logging")
    );

    // The symlinked role file is still a symlink, to the same target.
    let link = std::fs::read_link(out.join("pgsql/peers.py")).unwrap();
    assert_eq!(link, Path::new("requires.py"));

    // Byte-identical to what was published: the fetched tree is the source
    // minus its ignored files, and packs again to the published digest.
    let mut expected = snapshot(&examples().join("pgsql"));
    for ignored in [
        "tests",
        "tests/test_conninfo.py",
        "docs",
        "docs/protocol.md",
    ] {
        expected.remove(ignored).unwrap();
    }
    expected.remove("pgsql_helpers/conninfo.py.orig").unwrap();
    assert_eq!(snapshot(&out.join("pgsql")), expected);
    assert_eq!(
        snapshot(&out.join("logging")),
        snapshot(&examples().join("logging"))
    );
    for item in items {
        let repacked = json_of(
            &m.iface()
                .args(["pack", "--format", "json", "-o"])
                .arg(m.home().join("repacked.tar.gz"))
                .arg(item["path"].as_str().unwrap())
                .assert()
                .success()
                .get_output()
                .stdout,
        );
        assert_eq!(repacked["sha256"], item["digest"], "{item}");
    }

    // Text output: URI, path and index per line.
    let again = text(
        &m.at(&server)
            .args(["fetch", "--force", "-o"])
            .arg(&out)
            .arg("~samples/logging")
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(
        again,
        format!(
            "interface:~samples/logging-1\t{}\t{}\n",
            out.join("logging").display(),
            server.url
        )
    );

    // An existing target is refused (before anything is written) unless
    // --force; --force replaces it.
    std::fs::write(out.join("pgsql/LOCAL-EDIT"), "mine").unwrap();
    m.at(&server)
        .args(["fetch", "-o"])
        .arg(&out)
        .arg("~samples/pgsql")
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("already exists").and(predicate::str::contains("--force")),
        );
    assert!(out.join("pgsql/LOCAL-EDIT").exists());
    m.at(&server)
        .args(["fetch", "--force", "-o"])
        .arg(&out)
        .arg("~samples/pgsql")
        .assert()
        .success();
    assert!(!out.join("pgsql/LOCAL-EDIT").exists());
    assert_eq!(snapshot(&out.join("pgsql")), expected);
}

#[test]
fn warm_fetch_sends_one_conditional_request_and_offline_works_without_the_server() {
    let (_data, mut server) = server();
    let m = Machine::new();
    m.publish_samples(&server, &["http", "pgsql"]);
    let uris = ["~samples/http", "~samples/pgsql"];
    m.at(&server)
        .args(["fetch", "-o"])
        .arg(m.home().join("a"))
        .args(uris)
        .assert()
        .success();

    // Warm: one conditional resolve answered 304, no archive requests.
    let warm = m
        .at(&server)
        .args(["-v", "fetch", "--format", "json", "-o"])
        .arg(m.home().join("b"))
        .args(uris)
        .assert()
        .success()
        .get_output()
        .clone();
    let log = text(&warm.stderr);
    let requests: Vec<&str> = log.lines().filter(|l| l.contains(" -> ")).collect();
    assert_eq!(requests.len(), 1, "{log}");
    assert!(
        requests[0].starts_with("GET ") && requests[0].contains("/v1/resolve?"),
        "{log}"
    );
    assert!(requests[0].contains("304"), "{log}");
    for item in json_of(&warm.stdout).as_array().unwrap() {
        assert_eq!(item["cached"], true);
    }

    // The server goes away.
    server.stop();
    m.at(&server)
        .args(["fetch", "-o"])
        .arg(m.home().join("c"))
        .args(uris)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "could not reach the index at {}",
            server.url
        )))
        .stderr(predicate::str::contains("iface serve").and(predicate::str::contains("--index")));
    let offline = m
        .at(&server)
        .args(["--offline", "-v", "fetch", "-o"])
        .arg(m.home().join("c"))
        .args(uris)
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(
        !text(&offline.stderr).contains(" -> "),
        "no request offline"
    );
    assert_eq!(
        snapshot(&m.home().join("c/pgsql")),
        snapshot(&m.home().join("a/pgsql"))
    );
    assert!(m.home().join("c/http/interface.yaml").is_file());

    // What the cache never saw needs the network, and says so.
    m.at(&server)
        .args(["--offline", "--format", "json", "fetch", "-o"])
        .arg(m.home().join("d"))
        .arg("~samples/mysql")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"code\": \"network\""))
        .stderr(predicate::str::contains("--offline"));
}

#[test]
fn a_corrupt_cache_entry_is_reported_and_fetched_again() {
    let (_data, server) = server();
    let m = Machine::new();
    m.publish_samples(&server, &["cluster"]);
    let first = json_of(
        &m.at(&server)
            .args([
                "fetch",
                "--cache-only",
                "--format",
                "json",
                "~samples/cluster",
            ])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let entry = first[0]["path"].as_str().unwrap().to_owned();
    assert!(entry.contains("archives-v1"), "{entry}");
    let good = std::fs::read(&entry).unwrap();

    // Truncated, as by a full disk.
    std::fs::write(&entry, &good[..good.len() / 2]).unwrap();
    let second = m
        .at(&server)
        .args(["fetch", "--format", "json", "-o"])
        .arg(m.home().join("out"))
        .arg("~samples/cluster")
        .assert()
        .success()
        .stderr(
            predicate::str::contains("corrupt").and(predicate::str::contains("fetching it again")),
        )
        .get_output()
        .stdout
        .clone();
    assert_eq!(json_of(&second)[0]["cached"], false);
    assert_eq!(std::fs::read(&entry).unwrap(), good);
    assert!(m.home().join("out/cluster/interface.yaml").is_file());

    // Offline, a corrupt entry cannot be repaired: an error, not bad data.
    std::fs::write(&entry, b"garbage").unwrap();
    m.at(&server)
        .args(["--offline", "fetch", "-o"])
        .arg(m.home().join("out2"))
        .arg("~samples/cluster")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("corrupt"));
    assert!(!m.home().join("out2/cluster").exists());
}

#[test]
fn two_processes_fetching_into_one_cache_both_succeed() {
    let (_data, server) = server();
    let m = Machine::new();
    m.publish_samples(&server, &["http", "mysql", "cluster", "pgsql", "logging"]);
    let uris = [
        "~samples/http",
        "~samples/mysql",
        "~samples/cluster",
        "~samples/pgsql",
        "~samples/logging",
    ];
    let spawn = |out: &str| {
        std::process::Command::new(support::bin())
            .env_clear()
            .env("HOME", m.home())
            .env("IFACE_CACHE_DIR", m.cache())
            .env("IFACE_INDEX", &server.url)
            .args(["fetch", "--format", "json", "-o"])
            .arg(m.home().join(out))
            .args(uris)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn("a"), spawn("b"));
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success(), "{}", text(&a.stderr));
    assert!(b.status.success(), "{}", text(&b.stderr));
    // Neither saw the other's half-written entry.
    for out in [&a, &b] {
        assert!(
            !text(&out.stderr).contains("corrupt"),
            "{}",
            text(&out.stderr)
        );
    }
    // Between them, each archive was downloaded once: the second waited on
    // the entry lock and found it in the cache.
    let downloaded: usize = [&a, &b]
        .iter()
        .map(|out| {
            json_of(&out.stdout)
                .as_array()
                .unwrap()
                .iter()
                .filter(|item| item["cached"] == false)
                .count()
        })
        .sum();
    assert_eq!(downloaded, uris.len());
    for name in ["http", "mysql", "cluster", "pgsql", "logging"] {
        assert_eq!(
            snapshot(&m.home().join("a").join(name)),
            snapshot(&m.home().join("b").join(name))
        );
    }
    // One good entry per archive, and no temporary files left behind.
    let mut archives = 0;
    for shard in std::fs::read_dir(m.cache().join("archives-v1")).unwrap() {
        for file in std::fs::read_dir(shard.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(!name.starts_with(".tmp"), "left behind: {name}");
            if let Some(digest) = name.strip_suffix(".tar.gz") {
                archives += 1;
                use sha2::Digest;
                let actual = hex::encode(sha2::Sha256::digest(std::fs::read(&path).unwrap()));
                assert_eq!(actual, digest);
            }
        }
    }
    assert_eq!(archives, 5);
}

#[test]
fn a_stalled_index_times_out_with_a_clear_error() {
    // Accepts connections and never answers.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            held.push(stream);
        }
    });
    let m = Machine::new();
    m.iface()
        .args(["--index", &url, "--timeout", "0.5", "fetch", "mysql"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "the index at {url} did not answer within 0.5s"
        )))
        .stderr(predicate::str::contains("--timeout"));
    m.iface()
        .args([
            "--index",
            &url,
            "--timeout",
            "0.5",
            "--format",
            "json",
            "list",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"code\": \"network\""));
}

#[test]
fn unknown_and_invalid_uris() {
    let (_data, server) = server();
    let m = Machine::new();
    m.publish_samples(&server, &["http"]);
    m.at(&server)
        .args(["fetch", "interface:~samples/http", "~nobody/nothing"])
        .current_dir(m.home())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("interface:~nobody/nothing"))
        .stderr(predicate::str::contains(format!("(index {})", server.url)));
    // Nothing was unpacked, since one URI failed.
    assert!(!m.home().join("http").exists());
    m.at(&server)
        .args(["fetch", "--format", "json", "~samples/http-9"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"code\": \"not-found\""))
        .stderr(predicate::str::contains("has no revision 9"));
    m.at(&server)
        .args(["show", "~nobody/nothing"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("interface:~nobody/nothing"));

    for args in [
        &["fetch", "Bad_Name"][..],
        &["show", "interface:mysql-0"],
        &["fetch", "--format", "json", "mysql--x"],
    ] {
        m.at(&server)
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("invalid interface URI"));
    }
    m.at(&server)
        .args(["--format", "json", "fetch", "~Bob/x"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("\"code\": \"invalid\""));
}

#[test]
fn publish_without_a_token_says_how_to_get_one() {
    let (_data, server) = server();
    let m = Machine::new();
    m.at(&server)
        .arg("publish")
        .arg(examples().join("http"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("needs a token"))
        .stderr(predicate::str::contains("iface login"))
        .stderr(predicate::str::contains("IFACE_TOKEN"));
    // A broken interface is refused before any token matters (exit 2).
    let broken = m.home().join("broken");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(broken.join("interface.yaml"), "name: Bad_Name\n").unwrap();
    m.at(&server).arg("publish").arg(&broken).assert().code(2);
}

#[test]
fn show_of_a_revision_shows_that_revisions_readme() {
    let (data, mut server) = server();
    let m = Machine::new();
    let token = m.publish_samples(&server, &["mysql"]);
    let original = std::fs::read_to_string(examples().join("mysql/README.md")).unwrap();
    let revised_dir = m.home().join("mysql");
    fs::copy_tree(&examples().join("mysql"), &revised_dir);
    std::fs::write(revised_dir.join("README.md"), "# mysql, revised\n").unwrap();
    m.at(&server)
        .env("IFACE_TOKEN", &token)
        .arg("publish")
        .arg(&revised_dir)
        .assert()
        .success();

    let readme_of = |index: &[&str], uri: &str| {
        text(
            &m.iface()
                .args(index)
                .args(["show", uri, "--readme"])
                .assert()
                .success()
                .get_output()
                .stdout,
        )
    };
    let over_http = ["--index", server.url.as_str()];
    assert!(readme_of(&over_http, "~samples/mysql").starts_with("# mysql, revised"));
    assert_eq!(
        readme_of(&over_http, "~samples/mysql-1").trim_end(),
        original.trim_end()
    );
    assert!(readme_of(&over_http, "~samples/mysql-2").starts_with("# mysql, revised"));
    let shown = json_of(
        &m.at(&server)
            .args(["show", "~samples/mysql-1", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(shown["latest_revision"], 2);
    assert!(
        shown["readme"]
            .as_str()
            .unwrap()
            .starts_with("# mysql, revised")
    );
    assert_eq!(shown["requested_revision"]["revision"], 1);
    assert_eq!(
        shown["requested_revision"]["readme"]
            .as_str()
            .map(str::trim_end),
        Some(original.trim_end())
    );
    let described = text(
        &m.at(&server)
            .args(["show", "~samples/mysql-1"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert!(!described.contains("mysql, revised"), "{described}");

    // A local index directory answers the same.
    server.stop();
    let dir = data.path().join("index");
    let local = ["--index", dir.to_str().unwrap()];
    assert_eq!(
        readme_of(&local, "~samples/mysql-1").trim_end(),
        original.trim_end()
    );
    assert!(readme_of(&local, "~samples/mysql").starts_with("# mysql, revised"));
}

#[test]
fn a_local_index_directory_is_read_without_a_server() {
    let (data, mut server) = server();
    let m = Machine::new();
    m.publish_samples(&server, &["pgsql", "mysql"]);
    m.at(&server)
        .env("IFACE_TOKEN", ADMIN)
        .args(["promulgate", "~samples/mysql"])
        .assert()
        .success();
    server.stop();
    let dir = data.path().join("index");
    let file_url = format!("file://{}", dir.display());

    let fresh = Machine::new();
    let listed = json_of(
        &fresh
            .iface()
            .args(["--index", &file_url, "list", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(listed["total"], 2);
    assert_eq!(listed["interfaces"][0]["index"], dir.display().to_string());
    fresh
        .iface()
        .args(["--index", &file_url, "search", "postgresql"])
        .assert()
        .success()
        .stdout(predicate::str::contains("interface:~samples/pgsql"));
    fresh
        .iface()
        .args(["--index", &file_url, "show", "mysql"])
        .assert()
        .success()
        .stdout(predicate::str::contains("promulgated  yes"));
    let out = fresh.home().join("out");
    let fetched = json_of(
        &fresh
            .iface()
            .env("IFACE_INDEX", dir.to_str().unwrap())
            .args(["--offline", "fetch", "--format", "json", "-o"])
            .arg(&out)
            .args(["mysql", "~samples/pgsql"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(fetched[0]["uri"], "interface:~samples/mysql-1");
    assert_eq!(fetched[1]["index"], dir.display().to_string());
    assert_eq!(
        std::fs::read_link(out.join("pgsql/peers.py")).unwrap(),
        Path::new("requires.py")
    );
    // Writes go to a service, never into someone's index directory.
    fresh
        .iface()
        .env("IFACE_TOKEN", "whatever")
        .args(["--index", &file_url, "publish"])
        .arg(examples().join("http"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("local directory"));
    // A path that is not an index is named.
    fresh
        .iface()
        .args(["--index", "/nonexistent/index", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/index"));
}

#[test]
fn the_first_index_that_knows_a_name_serves_it() {
    let data = tempfile::tempdir().unwrap();
    let a = Server::start(&data.path().join("a"));
    let b = Server::start(&data.path().join("b"));
    let m = Machine::new();
    // `demo` on both indexes, different content; `mysql` on B only.
    for (server, summary, at) in [(&a, "demo from A", "a"), (&b, "demo from B", "b")] {
        let dir = m.home().join(at).join("demo");
        m.iface()
            .args([
                "init",
                "demo",
                "--summary",
                summary,
                "--maintainer",
                "T <t@example.com>",
            ])
            .arg(&dir)
            .assert()
            .success();
        let token = m.token_for(server, "samples");
        m.at(server)
            .env("IFACE_TOKEN", token)
            .arg("publish")
            .arg(&dir)
            .assert()
            .success();
    }
    let token = m.token_for(&b, "other");
    m.at(&b)
        .env("IFACE_TOKEN", token)
        .arg("publish")
        .arg(examples().join("mysql"))
        .assert()
        .success();

    let show = |cmd: &mut assert_cmd::Command| {
        json_of(
            &cmd.args(["show", "~samples/demo", "--format", "json"])
                .assert()
                .success()
                .get_output()
                .stdout,
        )
    };
    // --index in order.
    let doc = show(m.iface().args(["--index", &a.url, "--index", &b.url]));
    assert_eq!(doc["summary"], "demo from A");
    assert_eq!(doc["index"], a.url.as_str());
    // --index before IFACE_INDEX.
    let doc = show(
        m.iface()
            .env("IFACE_INDEX", &a.url)
            .args(["--index", &b.url]),
    );
    assert_eq!(doc["index"], b.url.as_str());
    // IFACE_INDEX before the config file.
    std::fs::create_dir_all(m.config_dir()).unwrap();
    std::fs::write(
        m.config_dir().join("config.yaml"),
        format!("indexes:\n  - {}\n", b.url),
    )
    .unwrap();
    let doc = show(m.iface().env("IFACE_INDEX", &a.url));
    assert_eq!(doc["index"], a.url.as_str());
    let doc = show(&mut m.iface());
    assert_eq!(doc["index"], b.url.as_str());

    // One fetch, names served by different indexes, each one said.
    let fetched = text(
        &m.iface()
            .env("IFACE_INDEX", &a.url)
            .args(["fetch", "-o"])
            .arg(m.home().join("out"))
            .args(["~samples/demo", "~other/mysql"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let lines: Vec<&str> = fetched.lines().collect();
    assert!(
        lines[0].starts_with("interface:~samples/demo-1\t") && lines[0].ends_with(&a.url),
        "{fetched}"
    );
    assert!(
        lines[1].starts_with("interface:~other/mysql-1\t") && lines[1].ends_with(&b.url),
        "{fetched}"
    );
    // And the list covers both, marked by index.
    let listed = text(
        &m.iface()
            .env("IFACE_INDEX", &a.url)
            .arg("list")
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert!(
        listed.lines().next().unwrap().ends_with("INDEX"),
        "{listed}"
    );
    assert_eq!(
        listed.lines().filter(|l| l.ends_with(&b.url)).count(),
        2,
        "{listed}"
    );
    // A name nobody has: every index is named with its answer.
    m.iface()
        .env("IFACE_INDEX", &a.url)
        .args(["fetch", "~nobody/ghost"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(&a.url).and(predicate::str::contains(&b.url)));
}

/// A scripted index: answers each request with the next (status, body) of
/// `script` (the last one repeats) and records each request line with its
/// User-Agent.
fn scripted_index(
    script: Vec<(u16, &'static str)>,
) -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = std::sync::Arc::clone(&seen);
    std::thread::spawn(move || {
        for (n, stream) in listener.incoming().enumerate() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            reader.read_line(&mut request_line).unwrap();
            let mut length = 0;
            let mut agent = String::new();
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                let lower = line.to_ascii_lowercase();
                if let Some(v) = lower.strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap();
                }
                if let Some(v) = lower.strip_prefix("user-agent:") {
                    agent = v.trim().to_owned();
                }
                if line == "\r\n" || line.is_empty() {
                    break;
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            log.lock()
                .unwrap()
                .push(format!("{} | user-agent: {agent}", request_line.trim()));
            let (status, body) = script[n.min(script.len() - 1)];
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (url, seen)
}

#[test]
fn idempotent_requests_are_retried_after_5xx_and_uploads_are_not() {
    const UNAVAILABLE: &str = r#"{"error": {"message": "busy", "code": "failed"}}"#;
    const EMPTY: &str = r#"{"interfaces": [], "total": 0, "offset": 0, "limit": 500}"#;
    let m = Machine::new();

    // A GET that meets a 503 is tried again and succeeds.
    let (url, seen) = scripted_index(vec![(503, UNAVAILABLE), (200, EMPTY)]);
    m.iface()
        .args(["--index", &url, "list", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"total\": 0"));
    assert_eq!(seen.lock().unwrap().len(), 2);

    // Retries are bounded (`retries:` in config.yaml), then the index's
    // answer is the error.
    std::fs::create_dir_all(m.config_dir()).unwrap();
    std::fs::write(m.config_dir().join("config.yaml"), "retries: 1\n").unwrap();
    let (url, seen) = scripted_index(vec![(503, UNAVAILABLE)]);
    m.iface()
        .args(["--index", &url, "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "the index at {url} answered 503: busy"
        )));
    assert_eq!(seen.lock().unwrap().len(), 2);

    // An upload is not idempotent: one attempt, whatever the answer. (The
    // history read before it, for the compatibility check, finds nothing.)
    const NO_HISTORY: &str = r#"{"error": {"message": "no such interface", "code": "not-found"}}"#;
    let (url, seen) = scripted_index(vec![(404, NO_HISTORY), (503, UNAVAILABLE)]);
    m.iface()
        .env("IFACE_TOKEN", "iface_test")
        .args(["--index", &url, "publish", "--owner", "alice"])
        .arg(examples().join("http"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("503"));
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert!(
        seen[0].starts_with("GET /v1/interfaces/~alice/http/revisions"),
        "{seen:?}"
    );
    assert!(
        seen[1].starts_with("POST /v1/interfaces/~alice/http/revisions"),
        "{seen:?}"
    );
    // Every request names iface and its version.
    assert!(
        seen[0].ends_with(&format!("user-agent: iface/{}", env!("CARGO_PKG_VERSION"))),
        "{seen:?}"
    );
}

/// The first index that knows a name answers for it: a revision it lacks is
/// an error there, not a reason to take the same name from the next index.
#[test]
fn a_missing_revision_stops_at_the_index_that_knows_the_name() {
    let machine = Machine::new();
    let first = Server::start(&machine.home().join("first"));
    let second = Server::start(&machine.home().join("second"));
    machine.publish_samples(&first, &["mysql"]);
    let token = machine.publish_samples(&second, &["mysql"]);
    let changed = machine.home().join("mysql-r2");
    std::fs::create_dir_all(&changed).unwrap();
    for entry in ["interface.yaml", "README.md"] {
        std::fs::copy(examples().join("mysql").join(entry), changed.join(entry)).unwrap();
    }
    for dir in ["provides", "requires", "schema"] {
        std::fs::create_dir_all(changed.join(dir)).unwrap();
        for file in std::fs::read_dir(examples().join("mysql").join(dir)).unwrap() {
            let file = file.unwrap();
            std::fs::copy(file.path(), changed.join(dir).join(file.file_name())).unwrap();
        }
    }
    std::fs::write(changed.join("README.md"), "# mysql, revision 2\n").unwrap();
    machine
        .at(&second)
        .env("IFACE_TOKEN", &token)
        .arg("publish")
        .arg(&changed)
        .assert()
        .success()
        .stdout("interface:~samples/mysql-2\n");

    let out = machine
        .iface()
        .args(["--index", &first.url, "--index", &second.url])
        .args(["fetch", "-o"])
        .arg(machine.home().join("out"))
        .arg("interface:~samples/mysql-2")
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let stderr = text(&out);
    assert!(stderr.contains(&first.url), "{stderr}");
    assert!(!machine.home().join("out/mysql").exists());
}
