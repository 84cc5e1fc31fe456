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

/// One JSON request: its status and body (`null` when the body is not JSON).
async fn call(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: String,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = client.request(method, url);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// The operator's move: an index served from SQLite is copied onto
/// PostgreSQL with one command, and a replica there serves it as it was:
/// the same revisions and archives, and the same tokens still work.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_index_moves_onto_postgres_with_one_command() {
    use reqwest::Method;
    let database = tokio::task::spawn_blocking(pg::fresh_database)
        .await
        .unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let data = scratch.path().join("sqlite");
    let client = support::client();

    let embedded = replica(&format!("sqlite:{}", data.display()), &data);
    let at = |path: &str| format!("{}{path}", embedded.url);
    let alice = json!({"name": "alice"});
    let (status, _) = call(
        &client,
        Method::POST,
        at("/v1/users"),
        Some(ADMIN),
        Some(alice),
    )
    .await;
    assert_eq!(status, 201);
    let (status, token) = call(
        &client,
        Method::POST,
        at("/v1/users/alice/tokens"),
        Some(ADMIN),
        None,
    )
    .await;
    assert_eq!(status, 201);
    let token = token["token"].as_str().unwrap().to_owned();
    let mut published = Vec::new();
    for salt in ["1", "2"] {
        let archive = interface_archive("db", "db", "d", salt);
        published.push(publish(&client, &embedded.url, archive).await);
    }
    let owner = json!({"owner": "alice"});
    let (status, _) = call(
        &client,
        Method::PUT,
        at("/v1/promulgations/db"),
        Some(ADMIN),
        Some(owner),
    )
    .await;
    assert_eq!(status, 200);
    let revisions = "/v1/interfaces/~alice/db/revisions";
    let (_, before) = call(&client, Method::GET, at(revisions), None, None).await;
    assert_eq!(
        before["revisions"].as_array().map(Vec::len),
        Some(2),
        "{before}"
    );
    drop(embedded);

    let copy = || {
        assert_cmd::Command::cargo_bin("iface")
            .unwrap()
            .args(["store", "copy", "--from"])
            .arg(format!("sqlite:{}", data.display()))
            .args(["--to", &database])
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let output = copy();
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
    let again = copy();
    assert!(!again.status.success());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("the target store is not empty"), "{stderr}");

    let shared = replica(&database, &scratch.path().join("pg"));
    let at = |path: &str| format!("{}{path}", shared.url);
    let (_, after) = call(&client, Method::GET, at(revisions), None, None).await;
    assert_eq!(after, before, "the same revisions, publish times included");
    let (_, whoami) = call(&client, Method::GET, at("/v1/whoami"), Some(&token), None).await;
    assert_eq!(whoami["user"], "alice", "{whoami}");
    let (_, resolved) = call(
        &client,
        Method::GET,
        at("/v1/resolve?uris=interface:db"),
        None,
        None,
    )
    .await;
    let digest = published[1]["revision"]["digest"].as_str().unwrap();
    assert_eq!(
        resolved["results"][0]["revision"]["digest"], digest,
        "{resolved}"
    );
    let archive = client
        .get(at("/v1/interfaces/~alice/db/revisions/2/archive"))
        .send()
        .await
        .unwrap();
    assert_eq!(archive.status(), 200);
    assert_eq!(support::sha256_hex(&archive.bytes().await.unwrap()), digest);
    // And alice publishes on as before, the numbering carried on.
    let third = client
        .post(at(revisions))
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
