//! The RPC API at `/api`, against a real server on 127.0.0.1:0 and a real
//! websocket client (tokio-tungstenite): every facade method in both
//! `Interfaces` versions, the errors of the envelope, answers out of order,
//! watchers fed by REST publishes and released with their connection, and
//! the `iface watch` client riding out a server restart.

#[path = "common/server.rs"]
mod support;

use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use iface::server::{self, AppState};
use iface::store::SqliteStore;
use support::{ADMIN, client, interface_archive, json_of, sha256_hex, write_interface};

/// How long any one answer may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(10);

/// A server whose state the test keeps, to read the watcher count.
struct Server {
    base: String,
    addr: std::net::SocketAddr,
    /// None for a server in another process.
    state: Option<AppState>,
    http: reqwest::Client,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl Server {
    async fn start(data: &std::path::Path) -> Server {
        Self::start_on(data, "127.0.0.1:0").await
    }

    async fn start_on(data: &std::path::Path, addr: &str) -> Server {
        let store = Arc::new(SqliteStore::open(data).expect("open store"));
        let state = AppState::new(store, Some(ADMIN));
        let listener = tokio::net::TcpListener::bind(addr).await.expect("bind");
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(server::serve(listener, state.clone(), async move {
            let _ = stopped.await;
        }));
        Server {
            base: format!("http://{addr}"),
            addr,
            state: Some(state),
            http: client(),
            stop: Some(stop),
            task: Some(task),
        }
    }

    async fn stop(mut self) {
        let _ = self.stop.take().unwrap().send(());
        self.task.take().unwrap().await.unwrap().unwrap();
    }

    async fn user(&self, name: &str) -> String {
        let response = self
            .http
            .post(format!("{}/v1/users", self.base))
            .bearer_auth(ADMIN)
            .json(&json!({ "name": name }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let (status, body) = json_of(
            self.http
                .post(format!("{}/v1/users/{name}/tokens", self.base))
                .bearer_auth(ADMIN)
                .json(&json!({}))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        body["token"].as_str().unwrap().to_owned()
    }

    /// Publishes through REST; answers the new revision document.
    async fn publish(&self, owner: &str, name: &str, token: &str, archive: Vec<u8>) -> Value {
        let (status, body) = json_of(
            self.http
                .post(format!(
                    "{}/v1/interfaces/~{owner}/{name}/revisions",
                    self.base
                ))
                .bearer_auth(token)
                .header("content-type", "application/gzip")
                .body(archive)
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        body["revision"].clone()
    }

    async fn rest(&self, method: Method, path: &str, body: Option<Value>) -> Value {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(ADMIN);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let (status, body) = json_of(request.send().await.unwrap()).await;
        assert!(status.is_success(), "{path}: {status} {body}");
        body
    }

    fn watchers(&self) -> usize {
        self.state.as_ref().unwrap().rpc().watcher_count()
    }

    fn connections(&self) -> usize {
        self.state.as_ref().unwrap().rpc().connection_count()
    }

    async fn connect(&self) -> Ws {
        let (socket, _) = tokio_tungstenite::connect_async(format!("ws://{}/api", self.addr))
            .await
            .expect("connect to /api");
        Ws { socket }
    }
}

/// A websocket client speaking the envelope by hand.
struct Ws {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl Ws {
    async fn send(&mut self, message: Value) {
        self.send_text(message.to_string()).await;
    }

    async fn send_text(&mut self, text: String) {
        self.socket.send(Message::text(text)).await.unwrap();
    }

    async fn request(
        &mut self,
        request_id: u64,
        facade: &str,
        version: u32,
        id: &str,
        method: &str,
        params: Value,
    ) {
        self.send(json!({
            "request-id": request_id, "type": facade, "version": version,
            "id": id, "request": method, "params": params,
        }))
        .await;
    }

    /// The next answer (pings and pongs skipped).
    async fn recv(&mut self) -> Value {
        loop {
            let message = tokio::time::timeout(PATIENCE, self.socket.next())
                .await
                .expect("an answer in time")
                .expect("the connection is open")
                .expect("a message");
            match message {
                Message::Text(text) => return serde_json::from_str(text.as_str()).unwrap(),
                Message::Ping(_) | Message::Pong(_) => continue,
                other => panic!("unexpected message {other:?}"),
            }
        }
    }

    /// One request and its answer (nothing else in flight).
    async fn call(&mut self, facade: &str, version: u32, method: &str, params: Value) -> Value {
        self.call_id(facade, version, "", method, params).await
    }

    async fn call_id(
        &mut self,
        facade: &str,
        version: u32,
        id: &str,
        method: &str,
        params: Value,
    ) -> Value {
        self.request(99, facade, version, id, method, params).await;
        let answer = self.recv().await;
        assert_eq!(answer["request-id"], 99, "{answer}");
        answer
    }

    /// The `response` of a call that must succeed.
    async fn ok(&mut self, facade: &str, version: u32, method: &str, params: Value) -> Value {
        let answer = self.call(facade, version, method, params).await;
        assert!(answer.get("error").is_none(), "{answer}");
        answer["response"].clone()
    }
}

fn error_code(answer: &Value) -> &str {
    answer["error-code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error-code in {answer}"))
}

fn uris(results: &Value, key: &str) -> Vec<Value> {
    results["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[key]["uri"].clone())
        .collect()
}

/// An interface whose provider schema declares `host` (app) and `ip` (unit).
fn schema_archive(name: &str, salt: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join(name);
    write_interface(&root, name, "With a schema", "Has relation data.", salt);
    std::fs::create_dir_all(root.join("schema")).unwrap();
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {
            "app": {"type": "object", "properties": {"host": {"type": "string"}}},
            "unit": {"type": "object", "properties": {"ip": {"type": "string"}}}
        }
    });
    std::fs::write(root.join("schema/provider.json"), schema.to_string()).unwrap();
    support::pack(&root)
}

/// bob/mysql (2 revisions, promulgated), alice/mysql, alice/http.
async fn seeded() -> (tempfile::TempDir, Server, String) {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path()).await;
    let bob = server.user("bob").await;
    let alice = server.user("alice").await;
    for salt in ["1", "2"] {
        let archive = interface_archive("mysql", "MySQL credentials", "A database.", salt);
        server.publish("bob", "mysql", &bob, archive).await;
    }
    let fork = interface_archive("mysql", "Alice's fork", "Forked.", "a");
    server.publish("alice", "mysql", &alice, fork).await;
    let http = interface_archive("http", "Plain HTTP", "Hostname and port.", "h");
    server.publish("alice", "http", &alice, http).await;
    server
        .rest(
            Method::PUT,
            "/v1/promulgations/mysql",
            Some(json!({"owner": "bob"})),
        )
        .await;
    (data, server, bob)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn interfaces_v1_answers_what_rest_answers() {
    let (_data, server, _) = seeded().await;
    let mut ws = server.connect().await;

    // List and Search: the same documents REST serves, params as REST's.
    let listed = ws
        .ok("Interfaces", 1, "List", json!({"owner": "alice"}))
        .await;
    let rest = server
        .rest(Method::GET, "/v1/interfaces?owner=alice", None)
        .await;
    assert_eq!(listed, rest);
    assert_eq!(listed["total"], 2);
    let all = ws.ok("Interfaces", 1, "List", Value::Null).await;
    assert_eq!(all["total"], 3, "params may be left out: {all}");
    let found = ws
        .ok("Interfaces", 1, "Search", json!({"q": "hostname"}))
        .await;
    let names: Vec<&Value> = found["interfaces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["uri"])
        .collect();
    assert_eq!(names, [&json!("interface:~alice/http")]);
    let bad = ws.call("Interfaces", 1, "List", json!({"limit": 0})).await;
    assert_eq!(error_code(&bad), "invalid", "{bad}");
    let bad = ws.call("Interfaces", 1, "Search", json!({"q": " "})).await;
    assert_eq!(error_code(&bad), "invalid", "{bad}");

    // Info, bulk: each result carries its own error.
    let info = ws
        .ok(
            "Interfaces",
            1,
            "Info",
            json!({"entities": [
                {"uri": "mysql"}, {"uri": "interface:~alice/http"},
                {"uri": "interface:~nobody/nothing"}, {"uri": "Not A URI"}
            ]}),
        )
        .await;
    let results = info["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    assert_eq!(results[0]["interface"]["uri"], "interface:~bob/mysql");
    assert_eq!(
        results[0]["interface"]["revisions"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(results[1]["interface"]["summary"], "Plain HTTP");
    assert_eq!(results[2]["error"]["code"], "not-found");
    assert_eq!(results[3]["error"]["code"], "invalid");
    assert_eq!(results[3]["query"], "Not A URI");

    // Resolve, bulk: exactly what POST /v1/resolve answers.
    let entities = json!({"entities": [
        {"uri": "mysql"}, {"uri": "interface:~bob/mysql-1"}, {"uri": "interface:~bob/mysql-9"},
        {"uri": "http"}, {"uri": "-bad-"}
    ]});
    let resolved = ws.ok("Interfaces", 1, "Resolve", entities).await;
    let rest = server
        .rest(
            Method::POST,
            "/v1/resolve",
            Some(json!({"uris": ["mysql", "interface:~bob/mysql-1", "interface:~bob/mysql-9", "http", "-bad-"]})),
        )
        .await;
    assert_eq!(resolved, rest);
    assert_eq!(
        uris(&resolved, "revision")[..2],
        [
            json!("interface:~bob/mysql-2"),
            json!("interface:~bob/mysql-1")
        ]
    );
    let results = resolved["results"].as_array().unwrap();
    assert_eq!(results[2]["error"]["code"], "not-found");
    // `http` has one owner, but nobody promulgated it: no guessing.
    assert_eq!(results[3]["error"]["code"], "ambiguous");
    assert_eq!(
        results[3]["error"]["candidates"],
        json!(["interface:~alice/http"])
    );
    assert_eq!(results[4]["error"]["code"], "invalid");
    assert!(results[0].get("schemas").is_none(), "v1 has no schemas");
    let none = ws
        .call("Interfaces", 1, "Resolve", json!({"entities": []}))
        .await;
    assert_eq!(error_code(&none), "invalid");
    let bad = ws
        .call("Interfaces", 1, "Resolve", json!({"uris": ["mysql"]}))
        .await;
    assert_eq!(
        error_code(&bad),
        "invalid",
        "REST's shape is not the RPC's: {bad}"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn interfaces_v2_is_served_beside_v1() {
    let (_data, server, bob) = seeded().await;
    server
        .publish("bob", "pgsql", &bob, schema_archive("pgsql", "1"))
        .await;
    let mut ws = server.connect().await;
    let entities = json!({"entities": [
        {"uri": "interface:~bob/pgsql"}, {"uri": "mysql"}, {"uri": "interface:~bob/nothing"}
    ]});
    // Both versions in flight on one connection at once.
    ws.request(1, "Interfaces", 1, "", "Resolve", entities.clone())
        .await;
    ws.request(2, "Interfaces", 2, "", "Resolve", entities)
        .await;
    let mut answers = [ws.recv().await, ws.recv().await];
    answers.sort_by_key(|a| a["request-id"].as_u64());
    let [v1, v2] = answers.map(|a| a["response"].clone());

    // v2 is v1's results plus the schema summary.
    let v2_results = v2["results"].as_array().unwrap();
    let v1_results = v1["results"].as_array().unwrap();
    for (old, new) in v1_results.iter().zip(v2_results) {
        let mut stripped = new.clone();
        stripped.as_object_mut().unwrap().remove("schemas");
        assert_eq!(&stripped, old);
        assert!(old.get("schemas").is_none());
    }
    assert_eq!(
        v2_results[0]["schemas"],
        json!([{
            "file": "provider.json",
            "app": [{"name": "host", "type": "string", "required": false}],
            "unit": [{"name": "ip", "type": "string", "required": false}],
        }])
    );
    assert_eq!(v2_results[1]["schemas"], json!([]), "mysql has no schema");
    assert!(v2_results[2].get("schemas").is_none());
    assert_eq!(v2_results[2]["error"]["code"], "not-found");

    // Everything else v2 inherits from v1 unchanged.
    for method in ["List", "Search", "Info"] {
        let params = match method {
            "Search" => json!({"q": "mysql"}),
            "Info" => json!({"entities": [{"uri": "mysql"}]}),
            _ => json!({}),
        };
        let one = ws.ok("Interfaces", 1, method, params.clone()).await;
        let two = ws.ok("Interfaces", 2, method, params).await;
        assert_eq!(one, two, "{method}");
    }
    let watch = ws
        .ok("Interfaces", 2, "WatchRevisions", json!({"all": true}))
        .await;
    assert!(watch["watcher-id"].is_string(), "{watch}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn envelope_errors_have_their_own_codes_and_the_connection_survives() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path()).await;
    let mut ws = server.connect().await;

    let answer = ws.call("Charms", 1, "List", json!({})).await;
    assert_eq!(error_code(&answer), "unknown-facade");
    assert!(answer["error"].as_str().unwrap().contains("Interfaces"));
    let answer = ws.call("Interfaces", 3, "List", json!({})).await;
    assert_eq!(error_code(&answer), "unknown-version");
    assert!(
        answer["error"].as_str().unwrap().contains("1, 2"),
        "{answer}"
    );
    let answer = ws.call("Interfaces", 1, "Delete", json!({})).await;
    assert_eq!(error_code(&answer), "unknown-request");
    assert!(answer["error"].as_str().unwrap().contains("Resolve"));
    assert!(answer.get("response").is_none());

    // Not JSON: answered (there is no request id to echo), and the
    // connection goes on.
    ws.send_text("{\"request-id\": 4, \"type\": ".to_owned())
        .await;
    let answer = ws.recv().await;
    assert_eq!(
        (answer["request-id"].clone(), error_code(&answer)),
        (json!(0), "bad-request")
    );
    // JSON but not a request: its id is echoed.
    ws.send(json!({"request-id": 5, "type": "Interfaces"}))
        .await;
    let answer = ws.recv().await;
    assert_eq!(
        (answer["request-id"].clone(), error_code(&answer)),
        (json!(5), "bad-request")
    );
    ws.send(json!([1, 2, 3])).await;
    assert_eq!(error_code(&ws.recv().await), "bad-request");
    ws.socket
        .send(Message::binary(b"\x00\x01".to_vec()))
        .await
        .unwrap();
    assert_eq!(error_code(&ws.recv().await), "bad-request");
    // Params of the wrong shape.
    let answer = ws
        .call("Interfaces", 1, "Info", json!({"entities": "mysql"}))
        .await;
    assert_eq!(error_code(&answer), "invalid");
    // A method with nothing to say answers `{}`, never nothing.
    let watch = ws
        .ok("Interfaces", 1, "WatchRevisions", json!({"all": true}))
        .await;
    let id = watch["watcher-id"].as_str().unwrap();
    let stop = ws
        .call_id("RevisionWatcher", 1, id, "Stop", Value::Null)
        .await;
    assert_eq!(stop["response"], json!({}), "{stop}");
    let again = ws
        .call_id("RevisionWatcher", 1, id, "Stop", Value::Null)
        .await;
    assert_eq!(error_code(&again), "not-found");
    // Still usable after all that.
    let listed = ws.ok("Interfaces", 1, "List", json!({})).await;
    assert_eq!(listed["total"], 0);

    // Over the size limit: closed, with the reason.
    let huge = format!(
        "{{\"request-id\": 1, \"type\": \"Interfaces\", \"version\": 1, \"request\": \"List\", \"params\": {{\"pad\": \"{}\"}}}}",
        "x".repeat(iface::server::rpc::MAX_MESSAGE)
    );
    ws.send_text(huge).await;
    let closed = loop {
        match tokio::time::timeout(PATIENCE, ws.socket.next())
            .await
            .unwrap()
        {
            Some(Ok(Message::Close(frame))) => break frame.expect("a close frame with a reason"),
            Some(Ok(Message::Text(text))) => panic!("answered instead of closing: {text}"),
            Some(Ok(_)) => continue,
            other => panic!("no close frame: {other:?}"),
        }
    };
    assert_eq!(u16::from(closed.code), 1009);
    assert!(
        closed.reason.contains("over the limit"),
        "{}",
        closed.reason
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn answers_come_back_as_they_finish_and_watchers_see_rest_publishes() {
    let (_data, server, bob) = seeded().await;
    let mut ws = server.connect().await;
    let watch = ws
        .ok(
            "Interfaces",
            1,
            "WatchRevisions",
            json!({"entities": [{"uri": "mysql"}, {"uri": "interface:~nobody/x"}]}),
        )
        .await;
    let id = watch["watcher-id"].as_str().unwrap().to_owned();
    assert_eq!(watch["results"][0]["uri"], "interface:~bob/mysql");
    assert_eq!(watch["results"][0]["revision"], 2);
    assert_eq!(watch["results"][1]["error"]["code"], "not-found");

    // A Next that blocks, then a Resolve: the Resolve is answered first.
    ws.request(10, "RevisionWatcher", 1, &id, "Next", json!({}))
        .await;
    ws.request(
        11,
        "Interfaces",
        1,
        "",
        "Resolve",
        json!({"entities": [{"uri": "mysql"}]}),
    )
    .await;
    let first = ws.recv().await;
    assert_eq!(first["request-id"], 11, "{first}");
    assert_eq!(
        uris(&first["response"], "revision"),
        [json!("interface:~bob/mysql-2")]
    );

    // A publish to an interface nobody watches wakes nothing; then a REST
    // publish to the watched one answers the Next.
    let alice = server.user("carol").await;
    server
        .publish(
            "carol",
            "redis",
            &alice,
            interface_archive("redis", "r", "r", "r"),
        )
        .await;
    let archive = interface_archive("mysql", "MySQL credentials", "A database.", "3");
    let digest = sha256_hex(&archive);
    let published = server.publish("bob", "mysql", &bob, archive).await;
    let next = ws.recv().await;
    assert_eq!(next["request-id"], 10, "{next}");
    let changes = next["response"]["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{next}");
    assert_eq!(changes[0]["uri"], "interface:~bob/mysql-3");
    assert_eq!(changes[0]["digest"], digest.as_str());
    assert_eq!(changes[0], published);

    // A watcher resumed from revision 1 answers 2 and 3 at once.
    let resumed = ws
        .ok(
            "Interfaces",
            1,
            "WatchRevisions",
            json!({"entities": [{"uri": "interface:~bob/mysql-1"}]}),
        )
        .await;
    let resumed_id = resumed["watcher-id"].as_str().unwrap();
    let next = ws
        .call_id("RevisionWatcher", 1, resumed_id, "Next", json!({}))
        .await;
    let got: Vec<&Value> = next["response"]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["uri"])
        .collect();
    assert_eq!(
        got,
        [
            &json!("interface:~bob/mysql-2"),
            &json!("interface:~bob/mysql-3")
        ]
    );

    // An `all` watcher sees every interface; Stop ends a Next in flight.
    let all = ws
        .ok("Interfaces", 1, "WatchRevisions", json!({"all": true}))
        .await;
    let all_id = all["watcher-id"].as_str().unwrap().to_owned();
    ws.request(20, "RevisionWatcher", 1, &all_id, "Next", json!({}))
        .await;
    let token = server.user("dave").await;
    server
        .publish(
            "dave",
            "kafka",
            &token,
            interface_archive("kafka", "k", "k", "k"),
        )
        .await;
    let next = ws.recv().await;
    assert_eq!(next["request-id"], 20);
    assert_eq!(
        next["response"]["changes"][0]["uri"],
        "interface:~dave/kafka-1"
    );
    ws.request(21, "RevisionWatcher", 1, &all_id, "Next", json!({}))
        .await;
    // A round trip, so that the Next is waiting before the Stop arrives.
    ws.ok("Interfaces", 1, "List", json!({})).await;
    ws.request(22, "RevisionWatcher", 1, &all_id, "Stop", json!({}))
        .await;
    let mut answers = [ws.recv().await, ws.recv().await];
    answers.sort_by_key(|a| a["request-id"].as_u64());
    assert_eq!(error_code(&answers[0]), "stopped", "{}", answers[0]);
    assert_eq!(answers[1]["response"], json!({}));

    // Bad watch requests.
    for params in [
        json!({}),
        json!({"all": true, "entities": [{"uri": "mysql"}]}),
        json!({"entities": [{"uri": "mysql"}], "since": "2024-01-01T00:00:00Z"}),
        json!({"all": true, "since": "yesterday"}),
    ] {
        let answer = ws
            .call("Interfaces", 1, "WatchRevisions", params.clone())
            .await;
        assert_eq!(error_code(&answer), "invalid", "{params}: {answer}");
    }
    let unknown = ws
        .call_id("RevisionWatcher", 1, "nope", "Next", json!({}))
        .await;
    assert_eq!(error_code(&unknown), "not-found");
    server.stop().await;
}

/// Polls `what` until it holds, for at most PATIENCE.
async fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !check() {
        assert!(start.elapsed() < PATIENCE, "never: {what}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_dropped_connection_releases_its_watchers() {
    let (_data, server, _) = seeded().await;
    let mut keep = server.connect().await;
    let kept = keep
        .ok("Interfaces", 1, "WatchRevisions", json!({"all": true}))
        .await;
    let mut ws = server.connect().await;
    let mut ids = Vec::new();
    for params in [
        json!({"all": true}),
        json!({"entities": [{"uri": "mysql"}]}),
        json!({"entities": [{"uri": "interface:~alice/http"}]}),
    ] {
        let watch = ws.ok("Interfaces", 1, "WatchRevisions", params).await;
        ids.push(watch["watcher-id"].as_str().unwrap().to_owned());
    }
    // One of them blocked in Next when the connection goes.
    ws.request(7, "RevisionWatcher", 1, &ids[0], "Next", json!({}))
        .await;
    assert_eq!(server.watchers(), 4);
    assert_eq!(server.connections(), 2);
    // Gone without a close handshake, as a crashed client goes.
    drop(ws);
    eventually("the dropped connection's watchers are released", || {
        server.watchers() == 1 && server.connections() == 1
    })
    .await;
    // The other connection's watcher still works.
    let id = kept["watcher-id"].as_str().unwrap();
    keep.request(1, "RevisionWatcher", 1, id, "Next", json!({}))
        .await;
    let token = server.user("erin").await;
    server
        .publish(
            "erin",
            "nats",
            &token,
            interface_archive("nats", "n", "n", "n"),
        )
        .await;
    let next = keep.recv().await;
    assert_eq!(
        next["response"]["changes"][0]["uri"],
        "interface:~erin/nats-1"
    );
    // A clean close releases too.
    keep.socket.close(None).await.unwrap();
    eventually("a closed connection's watcher is released", || {
        server.watchers() == 0 && server.connections() == 0
    })
    .await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn admin_login_uses_the_rest_token_checks() {
    let (_data, server, bob) = seeded().await;
    let mut ws = server.connect().await;
    let answer = ws.call("Admin", 1, "WhoAmI", json!({})).await;
    assert_eq!(error_code(&answer), "unauthorized");
    let answer = ws
        .call(
            "Admin",
            1,
            "Login",
            json!({"token": "iface_not-a-real-token"}),
        )
        .await;
    assert_eq!(error_code(&answer), "unauthorized");
    let answer = ws.call("Admin", 1, "Login", json!({})).await;
    assert_eq!(error_code(&answer), "invalid");
    let me = ws.ok("Admin", 1, "Login", json!({"token": bob})).await;
    assert_eq!(me, json!({"user": "bob", "admin": false}));
    assert_eq!(ws.ok("Admin", 1, "WhoAmI", json!({})).await, me);
    // Reads stay anonymous on other connections.
    let mut anonymous = server.connect().await;
    assert_eq!(
        error_code(&anonymous.call("Admin", 1, "WhoAmI", json!({})).await),
        "unauthorized"
    );
    anonymous.ok("Interfaces", 1, "List", json!({})).await;
    let admin = ws.ok("Admin", 1, "Login", json!({"token": ADMIN})).await;
    assert_eq!(admin, json!({"user": null, "admin": true}));
    server.stop().await;
}

/// What the watch client saw, in order.
#[derive(Debug, Clone, PartialEq)]
enum Seen {
    Watching(bool),
    Revision(String),
    Disconnected,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_watch_client_reconnects_without_repeats_or_gaps() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path()).await;
    let addr = server.addr.to_string();
    let bob = server.user("bob").await;
    server
        .publish(
            "bob",
            "mysql",
            &bob,
            interface_archive("mysql", "m", "m", "1"),
        )
        .await;

    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut options = iface::watch::Options::new(server.base.clone(), Vec::new());
    // Long enough that the publish below lands while it is disconnected.
    options.min_backoff = Duration::from_millis(800);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let client = tokio::spawn(async move {
        iface::watch::watch(
            &options,
            |event| {
                let seen = match event {
                    iface::watch::Event::Watching { reconnected, .. } => {
                        Seen::Watching(reconnected)
                    }
                    iface::watch::Event::Revision(r) => Seen::Revision(r.uri.clone()),
                    iface::watch::Event::Disconnected { .. } => Seen::Disconnected,
                    iface::watch::Event::Refused { .. } => panic!("nothing is refused"),
                };
                tx.send(seen).unwrap();
                Ok(())
            },
            async move {
                let _ = stopped.await;
            },
        )
        .await
    });
    let mut next = async || {
        tokio::time::timeout(PATIENCE, rx.recv())
            .await
            .expect("an event in time")
            .expect("the client is running")
    };
    assert_eq!(next().await, Seen::Watching(false));
    // Times are whole seconds: a resumed `all` watch drops what was
    // published in the second it began (it cannot tell those from what was
    // there before). Step past that second, as any real watch does.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    tokio::time::sleep(
        Duration::from_nanos(1_000_000_000 - u64::from(now.subsec_nanos()))
            + Duration::from_millis(20),
    )
    .await;
    // Watching all: revision 1 was there before, so it is not news.
    server
        .publish(
            "bob",
            "mysql",
            &bob,
            interface_archive("mysql", "m", "m", "2"),
        )
        .await;
    assert_eq!(
        next().await,
        Seen::Revision("interface:~bob/mysql-2".into())
    );

    // The server goes away and comes back on the same address; a revision
    // is published before the client is back.
    server.stop().await;
    assert_eq!(next().await, Seen::Disconnected);
    let server = Server::start_on(data.path(), &addr).await;
    server
        .publish(
            "bob",
            "mysql",
            &bob,
            interface_archive("mysql", "m", "m", "3"),
        )
        .await;
    let mut after = Vec::new();
    loop {
        match next().await {
            Seen::Watching(true) => break,
            Seen::Disconnected => continue,
            other => after.push(other),
        }
    }
    assert!(after.is_empty(), "nothing before the reconnect: {after:?}");
    // Resumed: revision 3 (published while away) comes, 2 does not again.
    assert_eq!(
        next().await,
        Seen::Revision("interface:~bob/mysql-3".into())
    );
    server
        .publish(
            "bob",
            "mysql",
            &bob,
            interface_archive("mysql", "m", "m", "4"),
        )
        .await;
    assert_eq!(
        next().await,
        Seen::Revision("interface:~bob/mysql-4".into())
    );
    stop.send(()).unwrap();
    client.await.unwrap().unwrap();
    let rest: Vec<Seen> = std::iter::from_fn(|| rx.try_recv().ok()).collect();
    assert!(rest.is_empty(), "printed after stopping: {rest:?}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_watch_client_gives_up_when_nothing_can_be_watched() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path()).await;
    let options = iface::watch::Options::new(
        server.base.clone(),
        vec!["interface:~nobody/nothing".to_owned()],
    );
    let mut refused = Vec::new();
    let result = iface::watch::watch(
        &options,
        |event| {
            if let iface::watch::Event::Refused { query, error } = event {
                refused.push((query.to_owned(), error.code));
            }
            Ok(())
        },
        std::future::pending(),
    )
    .await;
    let err = result.expect_err("nothing to watch is an error");
    assert_eq!(
        iface::error::code_of(&err),
        iface::error::ErrorCode::NotFound
    );
    assert_eq!(
        refused,
        [(
            "interface:~nobody/nothing".to_owned(),
            iface::error::ErrorCode::NotFound
        )]
    );
    server.stop().await;
}

/// `iface watch` as a child process, its stdout and stderr read by threads.
struct WatchProcess {
    child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
    stderr: Arc<std::sync::Mutex<String>>,
}

impl WatchProcess {
    fn start(home: &std::path::Path, index: &str, args: &[&str]) -> WatchProcess {
        use std::io::BufRead;
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("iface"))
            .env_clear()
            .env("HOME", home)
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("IFACE_CACHE_DIR", home.join("cache"))
            .env("NO_COLOR", "1")
            .args(["--index", index, "watch"])
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn iface watch");
        let (tx, lines) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                let _ = tx.send(line);
            }
        });
        let stderr = Arc::new(std::sync::Mutex::new(String::new()));
        let collected = Arc::clone(&stderr);
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(err).lines().map_while(Result::ok) {
                let mut all = collected.lock().unwrap();
                all.push_str(&line);
                all.push('\n');
            }
        });
        WatchProcess {
            child,
            lines,
            stderr,
        }
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits until stderr says the watch is on.
    fn wait_watching(&self) {
        let start = std::time::Instant::now();
        while !self.stderr().contains("watching ") {
            assert!(
                start.elapsed() < PATIENCE,
                "iface watch never started watching; stderr:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn line(&self) -> String {
        self.lines
            .recv_timeout(PATIENCE)
            .unwrap_or_else(|_| panic!("no line from iface watch; stderr:\n{}", self.stderr()))
    }

    /// Ctrl-C, then the exit status.
    fn interrupt(mut self) -> (std::process::ExitStatus, Vec<String>) {
        let status = std::process::Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let start = std::time::Instant::now();
        let exit = loop {
            if let Some(exit) = self.child.try_wait().unwrap() {
                break exit;
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("iface watch ignored Ctrl-C; stderr:\n{}", self.stderr());
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let rest = self.lines.try_iter().collect();
        (exit, rest)
    }
}

impl Drop for WatchProcess {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn iface_watch_prints_a_publish_made_by_another_process() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let serve = support::ServeProcess::start(data.path(), Some(ADMIN));
    let server = Server {
        base: serve.base.clone(),
        addr: serve.addr,
        state: None,
        http: client(),
        stop: None,
        task: None,
    };
    let bob = server.user("bob").await;
    let first = interface_archive("mysql", "m", "m", "1");
    server.publish("bob", "mysql", &bob, first).await;

    let json_watch = WatchProcess::start(
        home.path(),
        &serve.base,
        &["--format", "json", "interface:~bob/mysql"],
    );
    let text_watch = WatchProcess::start(home.path(), &serve.base, &[]);
    json_watch.wait_watching();
    text_watch.wait_watching();

    let archive = interface_archive("mysql", "m", "m", "2");
    let digest = sha256_hex(&archive);
    server.publish("bob", "mysql", &bob, archive).await;
    // Another interface: only the watcher of all prints it.
    let other = server.user("carol").await;
    server
        .publish(
            "carol",
            "redis",
            &other,
            interface_archive("redis", "r", "r", "r"),
        )
        .await;

    let line: Value = serde_json::from_str(&json_watch.line()).expect("one JSON object per line");
    assert_eq!(line["uri"], "interface:~bob/mysql-2");
    assert_eq!(line["digest"], digest.as_str());
    let text = text_watch.line();
    assert!(
        text.starts_with(&format!("interface:~bob/mysql-2 sha256:{digest} ")),
        "{text}"
    );
    assert!(text_watch.line().starts_with("interface:~carol/redis-1 "));

    for watch in [json_watch, text_watch] {
        let (status, rest) = watch.interrupt();
        assert_eq!(status.code(), Some(0), "Ctrl-C exits 0");
        assert!(rest.is_empty(), "nothing more printed: {rest:?}");
    }
    // Invalid input is refused before anything is contacted.
    let bad = std::process::Command::new(assert_cmd::cargo::cargo_bin!("iface"))
        .env_clear()
        .env("HOME", home.path())
        .args(["--index", &serve.base, "watch", "Not-A-URI"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    drop(serve);
}

/// The load generator of `benches/watch.sh`, not a test: against the
/// `iface serve` at IFACE_BENCH_INDEX (pid IFACE_BENCH_SERVER_PID, admin
/// token IFACE_BENCH_ADMIN), opens IFACE_BENCH_WATCHERS connections, each
/// with one watcher blocked in `Next`, reads the server's RSS, publishes
/// once through REST and times until every watcher has the revision.
/// Prints `key value` lines for the script.
#[ignore = "the load generator of benches/watch.sh"]
#[tokio::test(flavor = "multi_thread")]
async fn watch_bench() {
    let var = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set"));
    let base = var("IFACE_BENCH_INDEX");
    let pid = var("IFACE_BENCH_SERVER_PID");
    let admin = var("IFACE_BENCH_ADMIN");
    let watchers: usize = var("IFACE_BENCH_WATCHERS").parse().unwrap();
    let addr: std::net::SocketAddr = base.strip_prefix("http://").unwrap().parse().unwrap();
    let rss = || {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .unwrap()
    };
    let http = client();
    let server = Server {
        base: base.clone(),
        addr,
        state: None,
        http: http.clone(),
        stop: None,
        task: None,
    };
    // The admin token of the script, not the tests'.
    let user = format!("bench{}", std::process::id());
    let created = http
        .post(format!("{base}/v1/users"))
        .bearer_auth(&admin)
        .json(&json!({ "name": user }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let (_, token) = json_of(
        http.post(format!("{base}/v1/users/{user}/tokens"))
            .bearer_auth(&admin)
            .json(&json!({}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let token = token["token"].as_str().unwrap().to_owned();
    let first = interface_archive("mysql", "m", "m", "1");
    server.publish(&user, "mysql", &token, first).await;
    let rss_before = rss();

    let uri = format!("interface:~{user}/mysql");
    let (ready_tx, mut ready_rx) = tokio::sync::mpsc::channel::<()>(watchers);
    let (done_tx, mut done_rx) = tokio::sync::mpsc::channel::<std::time::Instant>(watchers);
    let connecting = Arc::new(tokio::sync::Semaphore::new(64));
    for _ in 0..watchers {
        let (ready_tx, done_tx, uri) = (ready_tx.clone(), done_tx.clone(), uri.clone());
        let connecting = Arc::clone(&connecting);
        tokio::spawn(async move {
            let permit = connecting.acquire().await.unwrap();
            let (socket, _) = tokio_tungstenite::connect_async(format!("ws://{addr}/api"))
                .await
                .expect("connect");
            let mut ws = Ws { socket };
            let watch = ws
                .ok(
                    "Interfaces",
                    1,
                    "WatchRevisions",
                    json!({"entities": [{"uri": uri}]}),
                )
                .await;
            let id = watch["watcher-id"].as_str().unwrap().to_owned();
            ws.request(1, "RevisionWatcher", 1, &id, "Next", json!({}))
                .await;
            drop(permit);
            ready_tx.send(()).await.unwrap();
            let socket = &mut ws.socket;
            loop {
                // No PATIENCE here: the script decides how long to wait.
                match socket.next().await {
                    Some(Ok(Message::Text(text))) => {
                        let at = std::time::Instant::now();
                        let answer: Value = serde_json::from_str(text.as_str()).unwrap();
                        assert!(answer["response"]["changes"].is_array(), "{answer}");
                        done_tx.send(at).await.unwrap();
                        break;
                    }
                    Some(Ok(_)) => continue,
                    other => panic!("watcher connection ended: {other:?}"),
                }
            }
            // Keep the connection until every watcher has its answer.
            std::future::pending::<()>().await;
        });
    }
    let connect_start = std::time::Instant::now();
    for _ in 0..watchers {
        ready_rx.recv().await.unwrap();
    }
    let connect_time = connect_start.elapsed();
    // Let the last Next requests reach their watchers.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rss_watching = rss();

    let second = interface_archive("mysql", "m", "m", "2");
    let start = std::time::Instant::now();
    server.publish(&user, "mysql", &token, second).await;
    let publish_time = start.elapsed();
    let mut latencies = Vec::with_capacity(watchers);
    for _ in 0..watchers {
        let at = done_rx.recv().await.unwrap();
        latencies.push(at.duration_since(start));
    }
    latencies.sort();
    let quantile = |q: f64| {
        let index = ((latencies.len() as f64 * q).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[index].as_secs_f64() * 1000.0
    };
    println!("watchers {watchers}");
    println!("connect_s {:.2}", connect_time.as_secs_f64());
    println!("publish_ms {:.2}", publish_time.as_secs_f64() * 1000.0);
    println!("p50_ms {:.2}", quantile(0.50));
    println!("p99_ms {:.2}", quantile(0.99));
    println!("max_ms {:.2}", quantile(1.0));
    println!("rss_idle_kib {rss_before}");
    println!("rss_watching_kib {rss_watching}");
}
