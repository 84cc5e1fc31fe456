//! The compatibility gate, through a real server: a revision that would
//! break charms already using an interface is refused with every reason,
//! and accepted once its `version` is raised (but never reusing a name).

#[path = "common/server.rs"]
mod support;

use std::path::Path;

use reqwest::StatusCode;
use serde_json::{Value, json};

use support::{TestServer, pack};

/// A seed-format interface whose provider app databag has `props`.
fn write(root: &Path, version: u32, props: Value) {
    std::fs::create_dir_all(root.join("provides")).unwrap();
    std::fs::create_dir_all(root.join("requires")).unwrap();
    std::fs::create_dir_all(root.join("schema")).unwrap();
    std::fs::write(
        root.join("interface.yaml"),
        format!("name: db\nsummary: a database\nmaintainer: t <t@example.com>\ncategory: database\nversion: {version}\n"),
    )
    .unwrap();
    std::fs::write(root.join("README.md"), "# db\n").unwrap();
    std::fs::write(root.join("provides/__init__.py"), "").unwrap();
    std::fs::write(root.join("requires/__init__.py"), "").unwrap();
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {"app": {"type": "object", "properties": props}, "unit": {"type": "object"}}
    });
    std::fs::write(root.join("schema/provider.json"), schema.to_string()).unwrap();
}

async fn publish(
    server: &TestServer,
    token: &str,
    version: u32,
    props: Value,
) -> (StatusCode, Value) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), version, props);
    server
        .publish("alice", "db", Some(token), pack(dir.path()))
        .await
}

#[tokio::test]
async fn breaking_changes_need_a_new_version_and_names_are_never_reused() {
    let server = TestServer::start().await;
    let token = server.user("alice").await;
    let s = |t: &str| json!({"type": t});

    let (status, body) = publish(
        &server,
        &token,
        1,
        json!({"host": s("string"), "port": s("integer")}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // Adding an optional field is fine.
    let (status, body) = publish(
        &server,
        &token,
        1,
        json!({"host": s("string"), "port": s("integer"), "tls": s("boolean")}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    // Retyping port and dropping tls within version 1: refused, every reason listed.
    let (status, body) = publish(
        &server,
        &token,
        1,
        json!({"host": s("string"), "port": s("string")}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["code"], "incompatible-change");
    let details: Vec<String> = body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().to_string())
        .collect();
    assert_eq!(details.len(), 2, "{details:#?}");
    assert!(
        details.iter().any(|d| d
            .starts_with("provider.json#/properties/app/properties/port [type-changed]")
            && d.contains("revisions 1, 2")),
        "{details:#?}"
    );
    assert!(
        details.iter().any(|d| d
            .starts_with("provider.json#/properties/app/properties/tls [removed]")
            && d.contains("revision 2")),
        "{details:#?}"
    );
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("raise `version`"), "{message}");
    // Nothing was stored.
    let (_, info) = server.get_json("/v1/interfaces/~alice/db").await;
    assert_eq!(info["latest_revision"], 2, "{info}");

    // The same change with a version bump is accepted.
    let (status, body) = publish(
        &server,
        &token,
        2,
        json!({"host": s("string"), "port": s("string")}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["uri"], "interface:~alice/db-3");

    // Bringing back the removed `tls` is refused even in version 3.
    let (status, body) = publish(
        &server,
        &token,
        3,
        json!({"host": s("string"), "port": s("string"), "tls": s("string")}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let details = body["error"]["details"].to_string();
    assert!(
        details.contains("tls [name-reused]") && details.contains("removed in revision 3"),
        "{details}"
    );
    server.stop().await;
}
