//! Two `iface serve` replicas on one PostgreSQL: revision numbers stay
//! consecutive under publishes arriving at both, and a watcher on one
//! replica hears a publish made through the other.

#[path = "common/postgres.rs"]
mod pg;
#[path = "common/server.rs"]
mod support;

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use support::{ADMIN, interface_archive};

struct Replica {
    child: Child,
    url: String,
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn replica(database: &str, data: &std::path::Path) -> Replica {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("iface"))
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--database",
            database,
            "--data",
        ])
        .arg(data)
        .env("IFACE_ADMIN_TOKEN", ADMIN)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut sent = false;
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if !sent && let Some(url) = line.split("listening on ").nth(1) {
                let _ = tx.send(url.trim().to_owned());
                sent = true;
            }
        }
    });
    let url = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the replica says where it listens");
    Replica { child, url }
}

async fn publish(client: &reqwest::Client, base: &str, archive: Vec<u8>) -> Value {
    let response = client
        .post(format!("{base}/v1/interfaces/~alice/db/revisions"))
        .bearer_auth(ADMIN)
        .header("content-type", "application/gzip")
        .body(archive)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_replicas_share_numbering_and_watchers() {
    let database = tokio::task::spawn_blocking(pg::fresh_database)
        .await
        .unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let a = replica(&database, &scratch.path().join("a"));
    let b = replica(&database, &scratch.path().join("b"));
    let client = support::client();
    let created = client
        .post(format!("{}/v1/users", a.url))
        .bearer_auth(ADMIN)
        .json(&json!({"name": "alice"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);

    // A watcher on replica A.
    let ws_url = format!("{}/api", a.url.replacen("http://", "ws://", 1));
    let (mut ws, _) = tokio_tungstenite::connect_async(ws_url).await.unwrap();
    let mut ask = async |id: u64, facade: &str, watcher: &str, method: &str, params: Value| {
        ws.send(Message::text(
            json!({"request-id": id, "type": facade, "version": 1, "id": watcher,
                   "request": method, "params": params})
            .to_string(),
        ))
        .await
        .unwrap();
        loop {
            let message = tokio::time::timeout(Duration::from_secs(20), ws.next())
                .await
                .expect("an answer in time")
                .unwrap()
                .unwrap();
            if let Message::Text(text) = message {
                let answer: Value = serde_json::from_str(text.as_str()).unwrap();
                assert!(answer.get("error").is_none(), "{answer}");
                return answer["response"].clone();
            }
        }
    };
    let watch = ask(1, "Interfaces", "", "WatchRevisions", json!({"all": true})).await;
    let watcher = watch["watcher-id"].as_str().unwrap().to_owned();

    // Published through B, heard on A.
    let first = publish(&client, &b.url, interface_archive("db", "db", "d", "0")).await;
    assert_eq!(first["uri"], "interface:~alice/db-1");
    let next = ask(2, "RevisionWatcher", &watcher, "Next", json!({})).await;
    let heard: Vec<&str> = next["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["uri"].as_str().unwrap())
        .collect();
    assert_eq!(heard, vec!["interface:~alice/db-1"], "{next}");

    // 49 more, alternating between the replicas, all at once.
    let mut tasks = Vec::new();
    for i in 1..50 {
        let base = if i % 2 == 0 {
            a.url.clone()
        } else {
            b.url.clone()
        };
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            let archive = interface_archive("db", "db", "d", &i.to_string());
            publish(&client, &base, archive).await["revision"]["revision"]
                .as_u64()
                .unwrap()
        }));
    }
    let mut numbers = Vec::new();
    for task in tasks {
        numbers.push(task.await.unwrap());
    }
    numbers.sort();
    assert_eq!(numbers, (2..=50).collect::<Vec<u64>>());
}

/// The operator's move: an index served from SQLite is copied onto
/// PostgreSQL with one command, and a replica there serves it as it was:
/// the same revisions and archives, and the same tokens still work.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_index_moves_onto_postgres_with_one_command() {
    let database = tokio::task::spawn_blocking(pg::fresh_database)
        .await
        .unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let data = scratch.path().join("sqlite");
    let client = support::client();

    let embedded = replica(&format!("sqlite:{}", data.display()), &data);
    let created = client
        .post(format!("{}/v1/users", embedded.url))
        .bearer_auth(ADMIN)
        .json(&json!({"name": "alice"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let token: Value = client
        .post(format!("{}/v1/users/alice/tokens", embedded.url))
        .bearer_auth(ADMIN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = token["token"].as_str().unwrap().to_owned();
    let mut published = Vec::new();
    for salt in ["1", "2"] {
        published.push(
            publish(
                &client,
                &embedded.url,
                interface_archive("db", "db", "d", salt),
            )
            .await,
        );
    }
    let promulgated = client
        .put(format!("{}/v1/promulgations/db", embedded.url))
        .bearer_auth(ADMIN)
        .json(&json!({"owner": "alice"}))
        .send()
        .await
        .unwrap();
    assert_eq!(promulgated.status(), 200);
    let before: Value = client
        .get(format!(
            "{}/v1/interfaces/~alice/db/revisions",
            embedded.url
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    drop(embedded);

    let copy = |force: bool| {
        let mut command = assert_cmd::Command::cargo_bin("iface").unwrap();
        command
            .args(["store", "copy", "--from"])
            .arg(format!("sqlite:{}", data.display()))
            .args(["--to", &database])
            .env("NO_COLOR", "1");
        if force {
            command.arg("--force");
        }
        command.output().unwrap()
    };
    let output = copy(false);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("copied 1 user(s), 1 token(s), 1 interface(s), 2 revision(s)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("0 maintainer grant(s), 1 promulgation(s)"),
        "{stdout}"
    );
    // Once is enough: a second copy into what is no longer empty is refused.
    let again = copy(false);
    assert!(!again.status.success());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("the target store is not empty"), "{stderr}");

    let shared = replica(&database, &scratch.path().join("pg"));
    let after: Value = client
        .get(format!("{}/v1/interfaces/~alice/db/revisions", shared.url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        before["revisions"].as_array().map(Vec::len),
        Some(2),
        "{before}"
    );
    assert_eq!(after, before, "the same revisions, publish times included");
    let whoami: Value = client
        .get(format!("{}/v1/whoami", shared.url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(whoami["user"], "alice", "{whoami}");
    let resolved: Value = client
        .get(format!("{}/v1/resolve?uris=interface:db", shared.url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let digest = published[1]["revision"]["digest"].as_str().unwrap();
    assert_eq!(
        resolved["results"][0]["revision"]["digest"], digest,
        "{resolved}"
    );
    let archive = client
        .get(format!(
            "{}/v1/interfaces/~alice/db/revisions/2/archive",
            shared.url
        ))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(support::sha256_hex(&archive), digest);
    // And alice publishes on as before, the numbering carried on.
    let third = client
        .post(format!("{}/v1/interfaces/~alice/db/revisions", shared.url))
        .bearer_auth(&token)
        .header("content-type", "application/gzip")
        .body(interface_archive("db", "db", "d", "3"))
        .send()
        .await
        .unwrap();
    assert_eq!(third.status(), 201);
    let third: Value = third.json().await.unwrap();
    assert_eq!(third["uri"], "interface:~alice/db-3");
}
