//! The index service against a real server on 127.0.0.1:0 with a temporary
//! data directory: every endpoint, the authorization matrix, concurrency,
//! hostile uploads and 404s.

#[path = "common/server.rs"]
mod support;

use std::collections::BTreeSet;

use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};

use support::{
    ADMIN, MANIFEST, Raw, TestServer, interface_archive, json_of, raw_archive, raw_http, sha256_hex,
};

fn code(body: &Value) -> &str {
    body["error"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error code in {body}"))
}

fn message(body: &Value) -> &str {
    body["error"]["message"]
        .as_str()
        .unwrap_or_else(|| panic!("no error message in {body}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_openapi_and_unknown_things_are_404() {
    let server = TestServer::start().await;
    let (status, body) = server.get_json("/healthz").await;
    assert_eq!((status, body), (StatusCode::OK, json!({"status": "ok"})));

    // The OpenAPI document lists every route the server serves, under the
    // path a client writes (with the `~`).
    let (status, doc) = server.get_json("/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths: BTreeSet<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for path in [
        "/healthz",
        "/v1/openapi.json",
        "/v1/interfaces",
        "/v1/search",
        "/v1/resolve",
        "/v1/interfaces/{name}",
        "/v1/interfaces/~{owner}/{name}",
        "/v1/interfaces/~{owner}/{name}/revisions",
        "/v1/interfaces/~{owner}/{name}/revisions/{revision}",
        "/v1/interfaces/~{owner}/{name}/revisions/{revision}/archive",
        "/v1/interfaces/~{owner}/{name}/maintainers",
        "/v1/interfaces/~{owner}/{name}/maintainers/{user}",
        "/v1/promulgations",
        "/v1/promulgations/{name}",
        "/v1/users",
        "/v1/users/{user}/tokens",
        "/v1/users/{user}/tokens/{id}",
        "/v1/whoami",
    ] {
        assert!(
            paths.contains(path),
            "{path} missing from the OpenAPI document: {paths:?}"
        );
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for schema in [
        "Interface",
        "Interfaces",
        "ResolveResult",
        "ResolveResults",
        "ErrorBody",
        "ErrorCode",
    ] {
        assert!(schemas.contains_key(schema), "schema {schema} missing");
    }
    assert!(
        doc["paths"]["/v1/interfaces/~{owner}/{name}/revisions"]["post"]["security"].is_array(),
        "publish must document its bearer token"
    );

    // An unknown interface is a 404 with code not-found everywhere, never
    // an empty 200.
    for path in [
        "/v1/interfaces/~nobody/nothing",
        "/v1/interfaces/~nobody/nothing/revisions",
        "/v1/interfaces/~nobody/nothing/revisions/1",
        "/v1/interfaces/~nobody/nothing/revisions/1/archive",
        "/v1/interfaces/~nobody/nothing/maintainers",
        "/v1/interfaces/nothing",
        "/v1/no-such-endpoint",
    ] {
        let (status, body) = server.get_json(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {body}");
        assert_eq!(code(&body), "not-found", "{path}");
        assert!(!message(&body).is_empty());
    }
    // Bad path parts are invalid input, said so.
    let (status, body) = server.get_json("/v1/interfaces/bob/mysql").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(message(&body).contains("~bob"), "{body}");
    let (status, body) = server.get_json("/v1/interfaces/~bob/MySQL").await;
    assert_eq!((status, code(&body)), (StatusCode::BAD_REQUEST, "invalid"));
    let (status, body) = server
        .get_json("/v1/interfaces/~bob/mysql/revisions/x")
        .await;
    assert_eq!((status, code(&body)), (StatusCode::BAD_REQUEST, "invalid"));

    // The HTML side answers 404 pages too.
    let response = server.get("/interfaces/~nobody/nothing").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("interface:~nobody/nothing")
    );
    assert_eq!(
        server.get("/no/such/page").await.status(),
        StatusCode::NOT_FOUND
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publish_then_read_everything_back() {
    let server = TestServer::start().await;
    let bob = server.user("bob").await;
    let alice = server.user("alice").await;

    let first = interface_archive(
        "mysql",
        "MySQL database credentials",
        "A database relation.",
        "1",
    );
    let (status, body) = server
        .publish("bob", "mysql", Some(bob.as_str()), first.clone())
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["uri"], "interface:~bob/mysql-1");
    assert_eq!(body["created"], true);
    assert_eq!(body["revision"]["digest"], sha256_hex(&first));
    assert_eq!(body["revision"]["size"], first.len());
    assert_eq!(body["revision"]["roles"], json!(["provides", "requires"]));

    // The same bytes again: the latest revision is answered, nothing new.
    let (status, body) = server
        .publish("bob", "mysql", Some(bob.as_str()), first.clone())
        .await;
    assert_eq!(
        (status, &body["uri"], &body["created"]),
        (
            StatusCode::OK,
            &json!("interface:~bob/mysql-1"),
            &json!(false)
        )
    );

    let second = interface_archive(
        "mysql",
        "MySQL database credentials",
        "A database relation.",
        "2",
    );
    let (status, body) = server
        .publish("bob", "mysql", Some(bob.as_str()), second.clone())
        .await;
    assert_eq!(
        (status, &body["uri"]),
        (StatusCode::CREATED, &json!("interface:~bob/mysql-2"))
    );
    // Another owner's interface of the same name, and an unrelated one.
    let other = interface_archive("mysql", "Alice's fork", "Forked.", "a");
    let (status, _) = server
        .publish("alice", "mysql", Some(alice.as_str()), other)
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let http = interface_archive(
        "http",
        "Plain HTTP endpoint",
        "Hostname and port; no database.",
        "h",
    );
    let (status, _) = server
        .publish("alice", "http", Some(alice.as_str()), http)
        .await;
    assert_eq!(status, StatusCode::CREATED);

    // The name in interface.yaml must match where it is published.
    let wrong = interface_archive("pgsql", "x", "y", "z");
    let (status, body) = server
        .publish("bob", "mysql", Some(bob.as_str()), wrong)
        .await;
    assert_eq!((status, code(&body)), (StatusCode::BAD_REQUEST, "invalid"));
    assert!(
        message(&body).contains("pgsql") && message(&body).contains("interface:~bob/mysql"),
        "{body}"
    );

    // One interface in full.
    let (status, doc) = server.get_json("/v1/interfaces/~bob/mysql").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["uri"], "interface:~bob/mysql");
    assert_eq!(doc["summary"], "MySQL database credentials");
    assert_eq!(doc["category"], "testing");
    assert_eq!(doc["version"], 1);
    assert_eq!(
        doc["maintainers"],
        json!(["Test Maintainer <t@example.com>"])
    );
    assert_eq!(doc["roles"], json!(["provides", "requires"]));
    assert_eq!(doc["promulgated"], false);
    assert_eq!(doc["latest_revision"], 2);
    assert!(
        doc["readme"].as_str().unwrap().contains("salt 2"),
        "README of the latest revision"
    );
    let revisions: Vec<u64> = doc["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["revision"].as_u64().unwrap())
        .collect();
    assert_eq!(revisions, vec![2, 1]);
    assert_eq!(doc["revisions"][1]["digest"], sha256_hex(&first));

    // ETags on documents: unchanged answers 304, a publish changes it.
    let response = server.get("/v1/interfaces/~bob/mysql").await;
    let etag = response.headers()[header::ETAG]
        .to_str()
        .unwrap()
        .to_owned();
    let response = server
        .request(Method::GET, "/v1/interfaces/~bob/mysql", None)
        .header(header::IF_NONE_MATCH, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_MODIFIED);

    // Revisions, and one revision with its interface.yaml.
    let (status, list) = server.get_json("/v1/interfaces/~bob/mysql/revisions").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["revisions"].as_array().unwrap().len(), 2);
    let (status, one) = server
        .get_json("/v1/interfaces/~bob/mysql/revisions/1")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(one["uri"], "interface:~bob/mysql-1");
    assert!(
        one["manifest"]
            .as_str()
            .unwrap()
            .starts_with("name: mysql\n")
    );
    let (status, body) = server
        .get_json("/v1/interfaces/~bob/mysql/revisions/3")
        .await;
    assert_eq!((status, code(&body)), (StatusCode::NOT_FOUND, "not-found"));
    assert!(message(&body).contains("no revision 3"), "{body}");

    // The archive: exact bytes, immutable caching, strong ETag, 304.
    let response = server.get(one["archive_url"].as_str().unwrap()).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/gzip");
    assert_eq!(
        response.headers()[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    let etag = format!("\"{}\"", sha256_hex(&first));
    assert_eq!(response.headers()[header::ETAG].to_str().unwrap(), etag);
    assert_eq!(response.bytes().await.unwrap().as_ref(), first.as_slice());
    let response = server
        .request(
            Method::GET,
            "/v1/interfaces/~bob/mysql/revisions/1/archive",
            None,
        )
        .header(header::IF_NONE_MATCH, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
    assert!(response.bytes().await.unwrap().is_empty());

    // List: everything, by owner, by category, paged.
    let (_, all) = server.get_json("/v1/interfaces").await;
    assert_eq!(all["total"], 3);
    let uris: Vec<&str> = all["interfaces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["uri"].as_str().unwrap())
        .collect();
    assert_eq!(
        uris,
        vec![
            "interface:~alice/http",
            "interface:~alice/mysql",
            "interface:~bob/mysql"
        ]
    );
    let (_, mine) = server.get_json("/v1/interfaces?owner=bob").await;
    assert_eq!(mine["total"], 1);
    assert_eq!(mine["interfaces"][0]["latest_revision"], 2);
    let (_, none) = server
        .get_json("/v1/interfaces?category=nothing-here")
        .await;
    assert_eq!(
        (
            none["total"].as_u64(),
            none["interfaces"].as_array().unwrap().len()
        ),
        (Some(0), 0)
    );
    let (_, page) = server.get_json("/v1/interfaces?limit=2&offset=2").await;
    assert_eq!(
        (
            page["total"].as_u64(),
            page["interfaces"].as_array().unwrap().len()
        ),
        (Some(3), 1)
    );
    assert_eq!(page["interfaces"][0]["uri"], "interface:~bob/mysql");
    let (status, body) = server.get_json("/v1/interfaces?limit=0").await;
    assert_eq!((status, code(&body)), (StatusCode::BAD_REQUEST, "invalid"));

    // Search is ranked: a name hit beats a mention in a description.
    let (status, found) = server.get_json("/v1/search?q=database").await;
    assert_eq!(status, StatusCode::OK);
    let hits: Vec<&str> = found["interfaces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["uri"].as_str().unwrap())
        .collect();
    assert!(
        hits.contains(&"interface:~bob/mysql") && hits.contains(&"interface:~alice/http"),
        "{hits:?}"
    );
    assert_eq!(
        *hits.last().unwrap(),
        "interface:~alice/http",
        "description-only hit ranks last: {hits:?}"
    );
    let (_, found) = server.get_json("/v1/search?q=htt").await;
    assert_eq!(
        found["interfaces"][0]["uri"], "interface:~alice/http",
        "prefix match"
    );
    let (_, found) = server.get_json("/v1/search?q=Maintainer%20mysql").await;
    assert_eq!(found["total"], 2, "maintainers are searchable");
    let (_, found) = server.get_json("/v1/search?q=%22plain%22)(%20*").await;
    assert_eq!(found["total"], 1, "FTS syntax is treated as text: {found}");
    let (status, body) = server.get_json("/v1/search?q=%20").await;
    assert_eq!((status, code(&body)), (StatusCode::BAD_REQUEST, "invalid"));

    // HTML: home, search, interface page with a sanitised README.
    let home = server.get("/").await.text().await.unwrap();
    assert!(home.contains("name=\"q\"") && home.contains("/interfaces/~bob/mysql"));
    let results = server.get("/search?q=plain").await.text().await.unwrap();
    assert!(
        results.contains("/interfaces/~alice/http") && !results.contains("/interfaces/~bob/mysql")
    );
    let response = server.get("/interfaces/~bob/mysql").await;
    assert!(
        response.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    let page = response.text().await.unwrap();
    assert!(
        page.contains("iface fetch interface:~bob/mysql</code>"),
        "fetch command"
    );
    assert!(
        page.contains("iface fetch interface:~bob/mysql-2</code>"),
        "pinned fetch command"
    );
    assert!(page.contains(&sha256_hex(&first)), "revision digests");
    assert!(
        page.contains("<h1>mysql</h1>") || page.contains("<h1>mysql"),
        "README rendered"
    );
    assert!(!page.contains("<script>alert"), "README script removed");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resolve_answers_one_result_per_uri() {
    let server = TestServer::start().await;
    let bob = server.user("bob").await;
    let alice = server.user("alice").await;
    for (owner, token, salt) in [
        ("bob", &bob, "1"),
        ("bob", &bob, "2"),
        ("alice", &alice, "a"),
    ] {
        let (status, _) = server
            .publish(
                owner,
                "mysql",
                Some(token.as_str()),
                interface_archive("mysql", "s", "d", salt),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let uris = json!({"uris": [
        "interface:~bob/mysql",
        "~bob/mysql-1",
        "interface:~bob/mysql-9",
        "mysql",
        "interface:nothing",
        "Not A URI",
    ]});
    let (status, body) = json_of(
        server
            .request(Method::POST, "/v1/resolve", None)
            .json(&uris)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let results = body["results"].as_array().unwrap();
    assert_eq!(results.len(), 6);
    assert_eq!(results[0]["query"], "interface:~bob/mysql");
    assert_eq!(results[0]["revision"]["uri"], "interface:~bob/mysql-2");
    assert_eq!(
        results[0]["revision"]["archive_url"],
        "/v1/interfaces/~bob/mysql/revisions/2/archive"
    );
    assert!(results[0]["error"].is_null());
    assert_eq!(results[1]["revision"]["revision"], 1);
    assert_eq!(results[2]["error"]["code"], "not-found");
    assert!(
        results[2]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no revision 9")
    );
    assert_eq!(results[3]["error"]["code"], "ambiguous");
    assert_eq!(
        results[3]["error"]["candidates"],
        json!(["interface:~alice/mysql", "interface:~bob/mysql"])
    );
    assert!(results[3]["revision"].is_null());
    assert_eq!(results[4]["error"]["code"], "not-found");
    assert_eq!(results[5]["error"]["code"], "invalid");

    // Promulgation makes the bare name resolve, and unpromulgation undoes it.
    let response = server
        .request(Method::PUT, "/v1/promulgations/mysql", Some(ADMIN))
        .json(&json!({"owner": "bob"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let (status, body) = server
        .get_json("/v1/resolve?uris=mysql,interface:mysql-1")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body["results"][0]["revision"]["uri"],
        "interface:~bob/mysql-2"
    );
    assert_eq!(
        body["results"][1]["revision"]["uri"],
        "interface:~bob/mysql-1"
    );
    let (_, doc) = server.get_json("/v1/interfaces/mysql").await;
    assert_eq!(
        (doc["uri"].as_str(), doc["promulgated"].as_bool()),
        (Some("interface:~bob/mysql"), Some(true))
    );
    let (_, list) = server.get_json("/v1/promulgations").await;
    assert_eq!(
        list["promulgations"],
        json!([{"name": "mysql", "owner": "bob", "uri": "interface:~bob/mysql"}])
    );
    // The home page lists promulgated interfaces first.
    let (_, recent) = server.get_json("/v1/interfaces?sort=recent").await;
    assert_eq!(recent["interfaces"][0]["uri"], "interface:~bob/mysql");
    // Moving it to another owner says who had it.
    let (_, moved) = json_of(
        server
            .request(Method::PUT, "/v1/promulgations/mysql", Some(ADMIN))
            .json(&json!({"owner": "alice"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (moved["owner"].as_str(), moved["previous_owner"].as_str()),
        (Some("alice"), Some("bob"))
    );
    let response = server
        .request(Method::DELETE, "/v1/promulgations/mysql", Some(ADMIN))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let (status, body) = server.get_json("/v1/interfaces/mysql").await;
    assert_eq!((status, code(&body)), (StatusCode::NOT_FOUND, "ambiguous"));
    let response = server
        .request(Method::DELETE, "/v1/promulgations/mysql", Some(ADMIN))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = server
        .request(Method::PUT, "/v1/promulgations/nothing", Some(ADMIN))
        .json(&json!({"owner": "bob"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // Limits and bad requests.
    let (status, body) = json_of(
        server
            .request(Method::POST, "/v1/resolve", None)
            .json(&json!({"uris": []}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((status, code(&body)), (StatusCode::BAD_REQUEST, "invalid"));
    let (status, body) = json_of(
        server
            .request(Method::POST, "/v1/resolve", None)
            .header(header::CONTENT_TYPE, "application/json")
            .body("{not json")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((status, code(&body)), (StatusCode::BAD_REQUEST, "invalid"));
    server.stop().await;
}

/// Who may do what. Each row is one actor; each column one action, run on a
/// fresh interface so that earlier rows do not change later ones.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorization_matrix() {
    let server = TestServer::start().await;
    let owner = server.user("owner").await;
    let maintainer = server.user("maint").await;
    let other = server.user("other").await;
    server.user("target").await;

    const ANONYMOUS: Option<&str> = None;
    let actors: Vec<(&str, Option<&str>)> = vec![
        ("anonymous", ANONYMOUS),
        ("bad token", Some("iface_not-a-real-token")),
        ("another user", Some(other.as_str())),
        ("owner", Some(owner.as_str())),
        ("maintainer", Some(maintainer.as_str())),
        ("admin", Some(ADMIN)),
    ];
    // Expected status per actor for: publish, grant, revoke, promulgate, unpromulgate.
    let expected: [[u16; 5]; 6] = [
        [401, 401, 401, 401, 401],
        [401, 401, 401, 401, 401],
        [403, 403, 403, 403, 403],
        [201, 200, 200, 403, 403],
        [201, 403, 403, 403, 403],
        [201, 200, 200, 200, 200],
    ];
    for (row, (actor, token)) in actors.iter().enumerate() {
        let name = format!("iface{row}");
        // Set up as the owner: first revision, maintainer granted, target
        // granted (so there is something to revoke), promulgated.
        let (status, _) = server
            .publish(
                "owner",
                &name,
                Some(owner.as_str()),
                interface_archive(&name, "s", "d", "0"),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED);
        for user in ["maint", "target"] {
            let response = server
                .request(
                    Method::PUT,
                    &format!("/v1/interfaces/~owner/{name}/maintainers/{user}"),
                    Some(owner.as_str()),
                )
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK);
        }
        let to_unpromulgate = format!("{name}x");
        for n in [&to_unpromulgate] {
            let (status, _) = server
                .publish(
                    "owner",
                    n,
                    Some(owner.as_str()),
                    interface_archive(n, "s", "d", "0"),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED);
            let response = server
                .request(Method::PUT, &format!("/v1/promulgations/{n}"), Some(ADMIN))
                .json(&json!({"owner": "owner"}))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK);
        }

        let mut got = [0u16; 5];
        let mut bodies = Vec::new();
        let (status, body) = server
            .publish(
                "owner",
                &name,
                *token,
                interface_archive(&name, "s", "d", actor),
            )
            .await;
        got[0] = status.as_u16();
        bodies.push(body);
        let calls = [
            (
                Method::PUT,
                format!("/v1/interfaces/~owner/{name}/maintainers/other"),
                None,
            ),
            (
                Method::DELETE,
                format!("/v1/interfaces/~owner/{name}/maintainers/target"),
                None,
            ),
            (
                Method::PUT,
                format!("/v1/promulgations/{name}"),
                Some(json!({"owner": "owner"})),
            ),
            (
                Method::DELETE,
                format!("/v1/promulgations/{to_unpromulgate}"),
                None,
            ),
        ];
        for (i, (method, path, body)) in calls.into_iter().enumerate() {
            let mut request = server.request(method, &path, *token);
            if let Some(body) = body {
                request = request.json(&body);
            }
            let (status, body) = json_of(request.send().await.unwrap()).await;
            got[i + 1] = status.as_u16();
            bodies.push(body);
        }
        assert_eq!(
            got, expected[row],
            "{actor}: publish, grant, revoke, promulgate, unpromulgate: {bodies:#?}"
        );
        for body in &bodies {
            match body["error"]["code"].as_str() {
                Some("unauthorized") => assert!(message(body).contains("token"), "{body}"),
                // 403 names the missing right and who the caller is.
                Some("forbidden") => {
                    let text = message(body);
                    assert!(text.contains("needs"), "{body}");
                    assert!(
                        text.contains("you are") || text.contains("is not the admin"),
                        "{body}"
                    );
                }
                _ => {}
            }
        }
        // A refused publish stored nothing.
        let (_, revisions) = server
            .get_json(&format!("/v1/interfaces/~owner/{name}/revisions"))
            .await;
        let count = revisions["revisions"].as_array().unwrap().len();
        assert_eq!(count, if got[0] == 201 { 2 } else { 1 }, "{actor}");
    }

    // A 401 carries WWW-Authenticate, as RFC 6750 asks.
    let response = server
        .request(Method::GET, "/v1/whoami", None)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(
        response.headers()[header::WWW_AUTHENTICATE]
            .to_str()
            .unwrap()
            .starts_with("Bearer")
    );
    // A maintainer may publish someone else's interface but not into the
    // owner's other interfaces.
    let (status, body) = server
        .publish(
            "owner",
            "iface0x",
            Some(maintainer.as_str()),
            interface_archive("iface0x", "s", "d", "m"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(
        message(&body).contains("interface:~owner/iface0x"),
        "{body}"
    );
    // Publishing into one's own namespace needs no grant.
    let (status, _) = server
        .publish(
            "other",
            "mine",
            Some(other.as_str()),
            interface_archive("mine", "s", "d", "o"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    // Users and promulgations are admin business.
    let response = server
        .request(Method::GET, "/v1/users", Some(owner.as_str()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = server
        .request(Method::GET, "/v1/users", Some(ADMIN))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn users_and_tokens() {
    let server = TestServer::start().await;
    let create = |name: &str, token: Option<&str>| {
        server
            .request(Method::POST, "/v1/users", token)
            .json(&json!({"name": name}))
            .send()
    };
    assert_eq!(
        create("carol", Some(ADMIN)).await.unwrap().status(),
        StatusCode::CREATED
    );
    let (status, body) = json_of(create("carol", Some(ADMIN)).await.unwrap()).await;
    assert_eq!((status, code(&body)), (StatusCode::CONFLICT, "conflict"));
    for bad in ["Carol", "", "a/b", "admin"] {
        let (status, body) = json_of(create(bad, Some(ADMIN)).await.unwrap()).await;
        assert_eq!(
            (status, code(&body)),
            (StatusCode::BAD_REQUEST, "invalid"),
            "{bad:?}: {body}"
        );
    }
    assert_eq!(
        create("dave", None).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );

    // The admin mints a token; its secret is shown once and works.
    let (status, minted) = json_of(
        server
            .request(Method::POST, "/v1/users/carol/tokens", Some(ADMIN))
            .json(&json!({"label": "laptop"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let token = minted["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("iface_"));
    assert_eq!(minted["label"], "laptop");
    let (status, who) = json_of(
        server
            .request(Method::GET, "/v1/whoami", Some(token.as_str()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, who),
        (StatusCode::OK, json!({"user": "carol", "admin": false}))
    );
    let (_, who) = json_of(
        server
            .request(Method::GET, "/v1/whoami", Some(ADMIN))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(who, json!({"user": null, "admin": true}));

    // The user mints a second token for themself (no body: default label),
    // lists both (never their secrets), and revokes the first.
    let (status, second) = json_of(
        server
            .request(Method::POST, "/v1/users/carol/tokens", Some(token.as_str()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    assert_eq!(second["label"], "default");
    let second_token = second["token"].as_str().unwrap().to_owned();
    let (status, list) = json_of(
        server
            .request(
                Method::GET,
                "/v1/users/carol/tokens",
                Some(second_token.as_str()),
            )
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let tokens = list["tokens"].as_array().unwrap();
    assert_eq!(tokens.len(), 2);
    assert!(
        tokens.iter().all(|t| t.get("token").is_none()),
        "no secrets in listings"
    );
    assert!(!tokens[0]["last_used_at"].is_null(), "use is recorded");
    assert!(
        !list.to_string().contains(&token[6..]),
        "no secret anywhere in the listing"
    );

    server.user("eve").await;
    let eve = {
        let (_, t) = json_of(
            server
                .request(Method::POST, "/v1/users/eve/tokens", Some(ADMIN))
                .send()
                .await
                .unwrap(),
        )
        .await;
        t["token"].as_str().unwrap().to_owned()
    };
    let first_id = minted["id"].as_i64().unwrap();
    // Another user can neither list nor revoke carol's tokens.
    let response = server
        .request(Method::GET, "/v1/users/carol/tokens", Some(eve.as_str()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = server
        .request(
            Method::DELETE,
            &format!("/v1/users/carol/tokens/{first_id}"),
            Some(eve.as_str()),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = server
        .request(
            Method::DELETE,
            &format!("/v1/users/carol/tokens/{first_id}"),
            Some(second_token.as_str()),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let (status, body) = json_of(
        server
            .request(Method::GET, "/v1/whoami", Some(token.as_str()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::UNAUTHORIZED, "unauthorized")
    );
    assert!(message(&body).contains("revoked"), "{body}");
    let response = server
        .request(
            Method::DELETE,
            &format!("/v1/users/carol/tokens/{first_id}"),
            Some(ADMIN),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "revoking twice");
    let response = server
        .request(Method::POST, "/v1/users/nobody/tokens", Some(ADMIN))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // Malformed Authorization headers are 401, not 500 or anonymous.
    for value in ["Basic abc", "Bearer", "Bearer "] {
        let response = server
            .http
            .get(server.url("/v1/whoami"))
            .header(header::AUTHORIZATION, value)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{value:?}");
    }
    // Publishing needs an existing namespace, even for the admin.
    let (status, body) = server
        .publish(
            "ghost",
            "mysql",
            Some(ADMIN),
            interface_archive("mysql", "s", "d", "g"),
        )
        .await;
    assert_eq!((status, code(&body)), (StatusCode::NOT_FOUND, "not-found"));
    assert!(message(&body).contains("~ghost"), "{body}");
    // The admin publishes anywhere, and is recorded as the publisher.
    let (status, body) = server
        .publish(
            "carol",
            "mysql",
            Some(ADMIN),
            interface_archive("mysql", "s", "d", "c"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(body["revision"]["publisher"], "admin");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_publishes_get_revisions_one_to_fifty() {
    let server = std::sync::Arc::new(TestServer::start().await);
    let bob = server.user("bob").await;
    // Build the archives first, so the publishes really overlap.
    let archives: Vec<Vec<u8>> = (0..50)
        .map(|i| interface_archive("busy", "Busy interface", "d", &i.to_string()))
        .collect();
    // Readers hammer the index while the publishes run; none may fail.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut readers = Vec::new();
    for reader in 0..4 {
        let (server, stop) = (server.clone(), stop.clone());
        readers.push(tokio::spawn(async move {
            let mut reads = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) || reads == 0 {
                let path = match reader % 4 {
                    0 => "/v1/resolve?uris=interface:~bob/busy,interface:~bob/other",
                    1 => "/v1/interfaces?owner=bob",
                    2 => "/v1/search?q=busy",
                    _ => "/healthz",
                };
                let response = server.get(path).await;
                assert_eq!(
                    response.status(),
                    StatusCode::OK,
                    "{path} failed during publishes"
                );
                reads += 1;
            }
            reads
        }));
    }
    let mut publishes = Vec::new();
    for archive in archives.clone() {
        let (server, bob) = (server.clone(), bob.clone());
        publishes.push(tokio::spawn(async move {
            server
                .publish("bob", "busy", Some(bob.as_str()), archive)
                .await
        }));
    }
    let mut numbers = Vec::new();
    let mut by_digest = std::collections::HashMap::new();
    for publish in publishes {
        let (status, body) = publish.await.unwrap();
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let number = body["revision"]["revision"].as_u64().unwrap();
        numbers.push(number);
        by_digest.insert(
            body["revision"]["digest"].as_str().unwrap().to_owned(),
            number,
        );
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for reader in readers {
        assert!(reader.await.unwrap() > 0);
    }
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=50).collect::<Vec<u64>>());
    // Every archive got its own revision, and each downloads intact.
    for archive in &archives {
        let number = by_digest[&sha256_hex(archive)];
        let bytes = server
            .get(&format!(
                "/v1/interfaces/~bob/busy/revisions/{number}/archive"
            ))
            .await
            .bytes()
            .await
            .unwrap();
        assert_eq!(sha256_hex(&bytes), sha256_hex(archive), "revision {number}");
    }
    let (_, doc) = server.get_json("/v1/interfaces/~bob/busy").await;
    assert_eq!(doc["latest_revision"], 50);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_uploads_are_refused_and_nothing_is_stored() {
    let server = TestServer::start().await;
    let bob = server.user("bob").await;
    let valid = |extra: Raw<'static>| {
        raw_archive(&[
            Raw::File("interface.yaml", MANIFEST),
            Raw::Dir("provides"),
            Raw::File("provides/__init__.py", b"# p\n"),
            Raw::Dir("requires"),
            Raw::File("requires/__init__.py", b"# r\n"),
            extra,
        ])
    };
    let mut good = valid(Raw::File("README.md", b"# ok\n"));
    let truncated = good[..good.len() / 2].to_vec();
    let bomb = {
        // 51 MiB of zeros packs to a few tens of KiB: over the unpacked limit.
        let zeros = vec![0u8; 51 << 20];
        let archive = raw_archive(&[
            Raw::File("interface.yaml", MANIFEST),
            Raw::File("big.bin", &zeros),
        ]);
        assert!(archive.len() < 1 << 20);
        archive
    };
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        (
            "absolute path",
            valid(Raw::File("/etc/evil", b"x")),
            400,
            "/etc/evil",
        ),
        (
            "parent component",
            valid(Raw::File("../evil", b"x")),
            400,
            "../evil",
        ),
        (
            "escaping symlink",
            valid(Raw::Symlink("provides/link", "../../etc/passwd")),
            400,
            "provides/link",
        ),
        (
            "absolute symlink",
            valid(Raw::Symlink("provides/abs", "/etc/passwd")),
            400,
            "provides/abs",
        ),
        (
            "hard link",
            valid(Raw::HardLink("provides/hard", "interface.yaml")),
            400,
            "provides/hard",
        ),
        (
            "character device",
            valid(Raw::CharDevice("provides/tty")),
            400,
            "provides/tty",
        ),
        (
            "fifo",
            valid(Raw::Fifo("provides/pipe")),
            400,
            "provides/pipe",
        ),
        ("bad gzip", b"this is not gzip at all".to_vec(), 400, "gzip"),
        ("truncated gzip", truncated, 400, ""),
        ("unpacked size bomb", bomb, 413, "big.bin"),
        (
            "no interface.yaml",
            raw_archive(&[Raw::File("README.md", b"# x\n")]),
            400,
            "interface.yaml",
        ),
    ];
    for (what, archive, status, names) in cases {
        let (got, body) = server
            .publish("bob", "hostile", Some(bob.as_str()), archive)
            .await;
        assert_eq!(got.as_u16(), status, "{what}: {body}");
        assert!(
            message(&body).contains(names),
            "{what}: the message should name {names:?}: {body}"
        );
    }
    // Over 10 MiB: refused from Content-Length alone, before the body.
    let head = format!(
        "POST /v1/interfaces/~bob/hostile/revisions HTTP/1.1\r\nHost: x\r\n\
         Authorization: Bearer {bob}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        11 << 20
    );
    let (status, text) = raw_http(server.addr, &head, b"");
    assert_eq!(status, 413, "{text}");
    assert!(text.contains("too-large"), "{text}");
    // Without Content-Length (chunked), reading stops at the limit.
    let head = format!(
        "POST /v1/interfaces/~bob/hostile/revisions HTTP/1.1\r\nHost: x\r\n\
         Authorization: Bearer {bob}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    let chunk = vec![b'x'; 1 << 20];
    let mut body = Vec::new();
    for _ in 0..11 {
        body.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        body.extend_from_slice(&chunk);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(b"0\r\n\r\n");
    let addr = server.addr;
    let (status, text) = tokio::task::spawn_blocking(move || raw_http(addr, &head, &body))
        .await
        .unwrap();
    assert_eq!(status, 413, "{text}");

    // Nothing of any of it was stored.
    let (status, _) = server.get_json("/v1/interfaces/~bob/hostile").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        server.archive_files().is_empty(),
        "{:?}",
        server.archive_files()
    );
    // And the same upload made valid is accepted, so the refusals above
    // were about the hostile entries, not the harness.
    good = valid(Raw::File("README.md", b"# ok\n"));
    let (status, body) = server
        .publish("bob", "hostile", Some(bob.as_str()), good)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(server.archive_files().len(), 1);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_uploads_answer_instead_of_resetting() {
    // A 9 MiB upload that is refused (no token, or no right) must get its
    // 401 or 403, not a connection reset: the server reads and discards the
    // body before answering. Without that, a few tries are enough to see a
    // reset on loopback.
    let server = TestServer::start().await;
    let eve = server.user("eve").await;
    server.user("bob").await;
    for _ in 0..3 {
        let (status, body) = server.publish("bob", "big", None, vec![0u8; 9 << 20]).await;
        assert_eq!(
            (status, code(&body)),
            (StatusCode::UNAUTHORIZED, "unauthorized")
        );
        let (status, body) = server
            .publish("bob", "big", Some(eve.as_str()), vec![0u8; 9 << 20])
            .await;
        assert_eq!((status, code(&body)), (StatusCode::FORBIDDEN, "forbidden"));
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn maintainers_are_listed_granted_and_revoked() {
    let server = TestServer::start().await;
    let owner = server.user("owner").await;
    let helper = server.user("helper").await;
    let (status, _) = server
        .publish(
            "owner",
            "db",
            Some(owner.as_str()),
            interface_archive("db", "s", "d", "1"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let path = "/v1/interfaces/~owner/db/maintainers";
    let (_, list) = server.get_json(path).await;
    assert_eq!(
        list,
        json!({"interface": "interface:~owner/db", "owner": "owner", "maintainers": []})
    );
    // Not yet a maintainer: refused.
    let (status, _) = server
        .publish(
            "owner",
            "db",
            Some(helper.as_str()),
            interface_archive("db", "s", "d", "2"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, list) = json_of(
        server
            .request(Method::PUT, &format!("{path}/helper"), Some(owner.as_str()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, &list["maintainers"]),
        (StatusCode::OK, &json!(["helper"]))
    );
    let (status, body) = server
        .publish(
            "owner",
            "db",
            Some(helper.as_str()),
            interface_archive("db", "s", "d", "2"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(body["revision"]["publisher"], "helper");
    let (_, doc) = server.get_json("/v1/interfaces/~owner/db").await;
    assert_eq!(doc["maintainer_users"], json!(["helper"]));
    // Unknown users and the owner themself are refused with reasons.
    let (status, body) = json_of(
        server
            .request(Method::PUT, &format!("{path}/nobody"), Some(owner.as_str()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((status, code(&body)), (StatusCode::NOT_FOUND, "not-found"));
    let (status, _) = json_of(
        server
            .request(Method::PUT, &format!("{path}/owner"), Some(owner.as_str()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // Revoked: publishing stops working.
    let (status, list) = json_of(
        server
            .request(
                Method::DELETE,
                &format!("{path}/helper"),
                Some(owner.as_str()),
            )
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((status, &list["maintainers"]), (StatusCode::OK, &json!([])));
    let (status, _) = server
        .publish(
            "owner",
            "db",
            Some(helper.as_str()),
            interface_archive("db", "s", "d", "3"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let response = server
        .request(
            Method::DELETE,
            &format!("{path}/helper"),
            Some(owner.as_str()),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    server.stop().await;
}
