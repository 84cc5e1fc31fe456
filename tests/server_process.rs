//! `iface serve` as a real process: start-up output, graceful shutdown with
//! a request in flight, and recovery after SIGKILL in the middle of
//! publishing.

#[path = "common/server.rs"]
mod support;

use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::json;

use support::{ADMIN, ServeProcess, archive_files, client, interface_archive, json_of, sha256_hex};

async fn user_token(http: &reqwest::Client, base: &str, name: &str) -> String {
    let response = http
        .post(format!("{base}/v1/users"))
        .bearer_auth(ADMIN)
        .json(&json!({"name": name}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let (status, body) = json_of(
        http.post(format!("{base}/v1/users/{name}/tokens"))
            .bearer_auth(ADMIN)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    body["token"].as_str().unwrap().to_owned()
}

#[test]
fn without_an_admin_token_it_serves_reads_and_says_nobody_can_publish() {
    let data = tempfile::tempdir().unwrap();
    let mut server = ServeProcess::start(&data.path().join("index"), None);
    let stderr = server.stderr();
    assert!(stderr.contains("nobody can publish"), "{stderr}");
    assert!(
        data.path().join("index/index.sqlite3").is_file(),
        "data directory created"
    );
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let http = client();
        let response = http
            .get(format!("{}/healthz", server.base))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let response = http
            .post(format!("{}/v1/users", server.base))
            .bearer_auth("anything")
            .json(&json!({"name": "bob"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    });
    server.signal("INT");
    let status = server.wait(Duration::from_secs(20));
    assert!(status.success(), "exit {status:?}: {}", server.stderr());
}

#[test]
fn the_admin_token_file_wins_over_the_environment() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("admin-token");
    // A trailing newline, as `echo TOKEN > file` leaves, is not part of it.
    std::fs::write(&file, "token-from-the-file-0123456789\n").unwrap();
    let server = ServeProcess::start_with(
        &data.path().join("index"),
        Some("token-from-the-environment-0123"),
        &["--admin-token-file".as_ref(), file.as_os_str()],
    );
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let http = client();
        let whoami = |token: &'static str| {
            http.get(format!("{}/v1/whoami", server.base))
                .bearer_auth(token)
                .send()
        };
        let (status, body) = json_of(whoami("token-from-the-file-0123456789").await.unwrap()).await;
        assert_eq!(
            (status, body),
            (StatusCode::OK, json!({"user": null, "admin": true}))
        );
        let response = whoami("token-from-the-environment-0123").await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    });

    // An empty token file is refused at start, naming the file.
    std::fs::write(&file, "\n").unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin!("iface"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(data.path().join("index"))
        .arg("--admin-token-file")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("admin-token") && stderr.contains("empty"),
        "{stderr}"
    );
}

#[test]
fn sigterm_lets_a_request_in_flight_finish() {
    let data = tempfile::tempdir().unwrap();
    let mut server = ServeProcess::start(data.path(), Some(ADMIN));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let token = runtime.block_on(user_token(&client(), &server.base, "bob"));
    let archive = interface_archive("slow", "Slow upload", "d", "1");

    // Send the headers and half the body, then SIGTERM, then the rest.
    let mut stream = std::net::TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let head = format!(
        "POST /v1/interfaces/~bob/slow/revisions HTTP/1.1\r\nHost: x\r\n\
         Authorization: Bearer {token}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        archive.len()
    );
    let half = archive.len() / 2;
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&archive[..half]).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    server.signal("TERM");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        server.child.try_wait().unwrap().is_none(),
        "the server must wait for the request in flight"
    );
    stream.write_all(&archive[half..]).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 201"), "{response}");
    assert!(response.contains("interface:~bob/slow-1"), "{response}");

    let status = server.wait(Duration::from_secs(20));
    assert!(status.success(), "exit {status:?}: {}", server.stderr());
    assert!(server.stderr().contains("stopped"), "{}", server.stderr());
    // The store closed cleanly: the WAL was folded into the database.
    let wal = data.path().join("index.sqlite3-wal");
    assert!(
        !wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0,
        "WAL left behind"
    );

    // And what was published is there after a restart.
    let server = ServeProcess::start(data.path(), Some(ADMIN));
    runtime.block_on(async {
        let (status, doc) = json_of(
            client()
                .get(format!("{}/v1/interfaces/~bob/slow", server.base))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(doc["revisions"][0]["digest"], sha256_hex(&archive));
    });
}

#[test]
fn sigkill_during_publishes_leaves_only_complete_revisions() {
    let data = tempfile::tempdir().unwrap();
    let mut server = ServeProcess::start(data.path(), Some(ADMIN));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let http = client();
    let token = runtime.block_on(user_token(&http, &server.base, "bob"));
    // Distinct archives, built before the clock starts.
    let archives: Arc<Vec<Vec<u8>>> = Arc::new(
        (0..400)
            .map(|i| interface_archive("crashy", "Crash test", "d", &i.to_string()))
            .collect(),
    );

    let acknowledged = runtime.block_on(async {
        let stop = Arc::new(AtomicBool::new(false));
        let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let mut publishers = Vec::new();
        for _ in 0..6 {
            let (http, base, token) = (http.clone(), server.base.clone(), token.clone());
            let (stop, next, archives) = (stop.clone(), next.clone(), archives.clone());
            publishers.push(tokio::spawn(async move {
                let mut acknowledged = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(archive) = archives.get(i) else {
                        break;
                    };
                    let sent = http
                        .post(format!("{base}/v1/interfaces/~bob/crashy/revisions"))
                        .bearer_auth(&token)
                        .body(archive.clone())
                        .send()
                        .await;
                    // Requests cut off by the kill fail; that is expected.
                    let Ok(response) = sent else { break };
                    if response.status() != StatusCode::CREATED {
                        break;
                    }
                    let Ok(body) = response.json::<serde_json::Value>().await else {
                        break;
                    };
                    acknowledged.push((
                        body["revision"]["revision"].as_u64().unwrap(),
                        sha256_hex(archive),
                    ));
                }
                acknowledged
            }));
        }
        // Kill once some publishes have landed, while others are in flight.
        loop {
            tokio::time::sleep(Duration::from_millis(20)).await;
            if next.load(Ordering::Relaxed) >= 30 {
                break;
            }
        }
        server.signal("KILL");
        stop.store(true, Ordering::Relaxed);
        let mut acknowledged = Vec::new();
        for publisher in publishers {
            acknowledged.extend(publisher.await.unwrap());
        }
        acknowledged
    });
    let status = server.wait(Duration::from_secs(10));
    assert!(!status.success(), "it was killed");
    assert!(
        !acknowledged.is_empty(),
        "some publishes landed before the kill"
    );
    eprintln!(
        "{} publishes acknowledged before SIGKILL",
        acknowledged.len()
    );

    // Restart on the same data directory: every listed revision downloads
    // and matches its digest, numbers have no gaps, and every publish the
    // client was told about is there with its digest.
    let server = ServeProcess::start(data.path(), Some(ADMIN));
    runtime.block_on(async {
        let (status, list) = json_of(
            http.get(format!(
                "{}/v1/interfaces/~bob/crashy/revisions",
                server.base
            ))
            .send()
            .await
            .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        let revisions = list["revisions"].as_array().unwrap();
        let numbers: Vec<u64> = revisions
            .iter()
            .map(|r| r["revision"].as_u64().unwrap())
            .collect();
        eprintln!("{} revisions listed after restart", numbers.len());
        let expected: Vec<u64> = (1..=numbers.len() as u64).rev().collect();
        assert_eq!(numbers, expected, "consecutive revisions");
        for revision in revisions {
            let url = format!(
                "{}{}",
                server.base,
                revision["archive_url"].as_str().unwrap()
            );
            let bytes = http.get(&url).send().await.unwrap().bytes().await.unwrap();
            assert_eq!(
                sha256_hex(&bytes),
                revision["digest"].as_str().unwrap(),
                "{url}"
            );
        }
        for (number, digest) in &acknowledged {
            let listed = revisions
                .iter()
                .find(|r| r["revision"].as_u64() == Some(*number))
                .unwrap_or_else(|| panic!("acknowledged revision {number} is gone"));
            assert_eq!(listed["digest"].as_str().unwrap(), digest);
        }
        // Publishing carries on from where it was.
        let archive = interface_archive("crashy", "Crash test", "d", "after");
        let (status, body) = json_of(
            http.request(
                Method::POST,
                format!("{}/v1/interfaces/~bob/crashy/revisions", server.base),
            )
            .bearer_auth(&token)
            .body(archive)
            .send()
            .await
            .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
        assert_eq!(body["revision"]["revision"], numbers.len() as u64 + 1);
    });
    // Orphan archive files from cut-off publishes may exist; that is
    // harmless (content-addressed). No listed revision lacks its file.
    assert!(archive_files(data.path()).len() > acknowledged.len());
}
