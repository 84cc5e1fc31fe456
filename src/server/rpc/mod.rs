//! The Juju-style RPC API: JSON messages over the websocket at `/api`.
//!
//! Every request names a facade by type and version (`Interfaces` 1), a
//! method (`request`) and, for facades with several objects, the object's
//! `id`; every request gets exactly one answer carrying its `request-id`.
//! Requests run concurrently, each in its own task, so a `Next` that blocks
//! until something is published never holds up a `Resolve` sent after it:
//! answers come back as they finish.
//!
//! Facades live in a [`Registry`] keyed by (type, version). A new version
//! of a facade is registered beside the old one, built from it (see
//! [`interfaces::v2`]), so old clients keep working.
//!
//! A connection's watchers belong to it: they are released when it closes,
//! however it closes.

use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade, close_code};
use axum::response::Response;
use futures_util::future::BoxFuture;
use futures_util::{FutureExt, SinkExt, StreamExt};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tokio::sync::{broadcast, mpsc};
use tokio::task::JoinSet;
use tokio::time::Instant;

use super::AppState;
use super::auth::Principal;
use super::error::ApiError;
use crate::error::ErrorCode;
use crate::wire;

pub mod admin;
pub mod interfaces;
pub mod params;
pub mod watcher;

use params::{ErrorInfo, Request, Response as Answer};
use watcher::Watcher;

/// The largest request the API reads. Requests are small (a bulk resolve of
/// [`super::v1::interfaces::MAX_RESOLVE`] URIs fits many times over); a
/// larger one closes the connection with close code 1009 and the reason.
pub const MAX_MESSAGE: usize = 256 * 1024;
/// What the websocket layer itself accepts. Messages between [`MAX_MESSAGE`]
/// and this are read whole and refused with a clean close handshake; past
/// it the transport gives up mid-message, and the close is best effort.
const TRANSPORT_MAX_MESSAGE: usize = 4 * MAX_MESSAGE;
/// Per-connection socket buffers (see [`api`]).
const READ_BUFFER: usize = 8 * 1024;
const WRITE_BUFFER: usize = 8 * 1024;
/// Requests one connection may have running at once; more are refused with
/// `too-many-requests` until some finish.
pub const MAX_IN_FLIGHT: usize = 256;
/// Watchers one connection may hold.
pub const MAX_WATCHERS: usize = 256;
/// Answers queued for a slow reader before request tasks wait for it.
const OUTBOX: usize = 64;
/// A ping every so often keeps idle watch connections alive through proxies
/// and finds peers that vanished without closing.
const PING_EVERY: Duration = Duration::from_secs(30);
/// Nothing heard (not even a pong) for this long: the peer is gone.
const SILENCE_LIMIT: Duration = Duration::from_secs(75);

// Error codes of the API itself. Errors from the index (not found, invalid,
// unauthorized, ...) carry the same codes as REST.
pub const UNKNOWN_FACADE: &str = "unknown-facade";
pub const UNKNOWN_VERSION: &str = "unknown-version";
pub const UNKNOWN_REQUEST: &str = "unknown-request";
pub const BAD_REQUEST: &str = "bad-request";
pub const TOO_MANY_REQUESTS: &str = "too-many-requests";
pub const STOPPED: &str = "stopped";

/// A failed request: a message for people and a stable code.
#[derive(Debug, Clone, PartialEq)]
pub struct RpcError {
    pub message: String,
    pub code: &'static str,
    pub info: ErrorInfo,
}

impl RpcError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        RpcError {
            message: message.into(),
            code,
            info: ErrorInfo::default(),
        }
    }

    pub fn coded(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::new(code.as_str(), message)
    }
}

impl From<wire::Error> for RpcError {
    fn from(err: wire::Error) -> Self {
        RpcError {
            message: err.message,
            code: err.code.as_str(),
            info: ErrorInfo {
                candidates: err.candidates,
                details: err.details,
            },
        }
    }
}

impl From<ApiError> for RpcError {
    fn from(err: ApiError) -> Self {
        err.error.into()
    }
}

// ---------------------------------------------------------------- registry

/// What a method gets: its connection, the envelope's `id`, its params.
pub struct Call {
    pub conn: Arc<Connection>,
    pub id: String,
    pub params: Value,
}

pub type MethodFuture = BoxFuture<'static, Result<Value, RpcError>>;
pub type Method = Arc<dyn Fn(Call) -> MethodFuture + Send + Sync>;

/// One version of one facade: its methods by name.
#[derive(Clone, Default)]
pub struct Facade {
    methods: BTreeMap<&'static str, Method>,
}

impl Facade {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces, when a new facade version changes it) a method
    /// taking `P` and answering `R`. Missing or `null` params read as `{}`,
    /// so methods whose parameters are all optional can be called bare.
    pub fn method<P, R, F, Fut>(mut self, name: &'static str, f: F) -> Self
    where
        P: DeserializeOwned + Send + 'static,
        R: Serialize + 'static,
        F: Fn(Arc<Connection>, String, P) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<R, RpcError>> + Send + 'static,
    {
        let f = Arc::new(f);
        let method: Method = Arc::new(move |call: Call| {
            let f = Arc::clone(&f);
            Box::pin(async move {
                let params = match call.params {
                    Value::Null => Value::Object(Default::default()),
                    other => other,
                };
                let params: P = serde_json::from_value(params).map_err(|err| {
                    RpcError::coded(
                        ErrorCode::Invalid,
                        format!("invalid params for {name}: {err}"),
                    )
                })?;
                let result = f(call.conn, call.id, params).await?;
                serde_json::to_value(result)
                    .map_err(|err| RpcError::from(ApiError::internal("encode an answer", &err)))
            })
        });
        self.methods.insert(name, method);
        self
    }

    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.methods.keys().copied()
    }
}

/// Every facade the API serves, by (type, version).
#[derive(Default)]
pub struct Registry {
    facades: BTreeMap<(&'static str, u32), Facade>,
}

impl Registry {
    pub fn register(&mut self, name: &'static str, version: u32, facade: Facade) {
        self.facades.insert((name, version), facade);
    }

    /// The served versions of facade `name`, oldest first.
    pub fn versions(&self, name: &str) -> Vec<u32> {
        self.facades
            .keys()
            .filter(|(n, _)| *n == name)
            .map(|(_, v)| *v)
            .collect()
    }

    /// The method a request names, or the error saying which part is unknown.
    pub fn find(&self, request: &Request) -> Result<&Method, RpcError> {
        let found = self
            .facades
            .iter()
            .find(|((name, version), _)| *name == request.facade && *version == request.version);
        let facade = match found {
            Some((_, facade)) => facade,
            None => {
                let versions = self.versions(&request.facade);
                return Err(if versions.is_empty() {
                    let known: Vec<&str> = self.facades.keys().map(|(n, _)| *n).collect();
                    let mut known = known;
                    known.dedup();
                    RpcError::new(
                        UNKNOWN_FACADE,
                        format!(
                            "unknown facade type {:?}; this index serves {}",
                            request.facade,
                            known.join(", ")
                        ),
                    )
                } else {
                    let listed: Vec<String> = versions.iter().map(u32::to_string).collect();
                    RpcError::new(
                        UNKNOWN_VERSION,
                        format!(
                            "unknown version {} of facade {}; this index serves version(s) {}",
                            request.version,
                            request.facade,
                            listed.join(", ")
                        ),
                    )
                });
            }
        };
        facade.methods.get(request.request.as_str()).ok_or_else(|| {
            let names: Vec<&str> = facade.names().collect();
            RpcError::new(
                UNKNOWN_REQUEST,
                format!(
                    "unknown request {:?} on facade {} version {}; it has {}",
                    request.request,
                    request.facade,
                    request.version,
                    names.join(", ")
                ),
            )
        })
    }
}

/// The facades of this index.
pub static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    let mut registry = Registry::default();
    registry.register("Interfaces", 1, interfaces::v1());
    registry.register("Interfaces", 2, interfaces::v2());
    registry.register("RevisionWatcher", 1, watcher::v1());
    registry.register("Admin", 1, admin::v1());
    registry
});

// ---------------------------------------------------------------- the hub

/// What the API shares across connections: the stream of published
/// revisions and the counts tests and operators look at.
#[derive(Debug)]
pub struct Hub {
    published: broadcast::Sender<Arc<wire::Revision>>,
    watchers: AtomicUsize,
    connections: AtomicUsize,
    shutdown: tokio::sync::watch::Sender<bool>,
}

/// Publishes a watcher may fall behind by before it must re-read the store
/// to catch up (see `watcher`).
const PUBLISHED_BACKLOG: usize = 1024;

impl Default for Hub {
    fn default() -> Self {
        Hub {
            published: broadcast::channel(PUBLISHED_BACKLOG).0,
            watchers: AtomicUsize::new(0),
            connections: AtomicUsize::new(0),
            shutdown: tokio::sync::watch::channel(false).0,
        }
    }
}

impl Hub {
    /// Tells every watcher about a new revision.
    pub fn published(&self, revision: &wire::Revision) {
        // No receiver (no watcher anywhere) is not an error.
        let _ = self.published.send(Arc::new(revision.clone()));
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<wire::Revision>> {
        self.published.subscribe()
    }

    /// Watchers open on this server now.
    pub fn watcher_count(&self) -> usize {
        self.watchers.load(Ordering::SeqCst)
    }

    /// `/api` connections open now.
    pub fn connection_count(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    /// Closes every connection with "going away" (the server is stopping).
    pub fn shut_down(&self) {
        self.shutdown.send_replace(true);
    }
}

impl AppState {
    /// Tells `/api` watchers about a publish that made a new revision.
    pub fn published(&self, result: &wire::PublishResult) {
        if result.created {
            self.rpc.published(&result.revision);
        }
    }

    /// The RPC API's shared state: counts of connections and watchers.
    pub fn rpc(&self) -> &Hub {
        &self.rpc
    }
}

// ---------------------------------------------------------------- connections

/// One `/api` connection: who logged in on it, and its watchers.
pub struct Connection {
    pub state: AppState,
    principal: Mutex<Option<Principal>>,
    watchers: Mutex<HashMap<String, Arc<Watcher>>>,
    next_watcher: AtomicU64,
}

impl Connection {
    fn new(state: AppState) -> Self {
        state.rpc.connections.fetch_add(1, Ordering::SeqCst);
        Connection {
            state,
            principal: Mutex::new(None),
            watchers: Mutex::new(HashMap::new()),
            next_watcher: AtomicU64::new(1),
        }
    }

    pub fn principal(&self) -> Option<Principal> {
        lock(&self.principal).clone()
    }

    pub fn set_principal(&self, principal: Principal) {
        *lock(&self.principal) = Some(principal);
    }

    /// Keeps a new watcher and answers its id.
    pub fn add_watcher(&self, watcher: Watcher) -> Result<String, RpcError> {
        let mut watchers = lock(&self.watchers);
        if watchers.len() >= MAX_WATCHERS {
            return Err(RpcError::new(
                TOO_MANY_REQUESTS,
                format!("this connection has {MAX_WATCHERS} watchers; stop one first"),
            ));
        }
        let id = self.next_watcher.fetch_add(1, Ordering::SeqCst).to_string();
        watchers.insert(id.clone(), Arc::new(watcher));
        Ok(id)
    }

    pub fn watcher(&self, id: &str) -> Result<Arc<Watcher>, RpcError> {
        lock(&self.watchers).get(id).cloned().ok_or_else(|| {
            RpcError::coded(
                ErrorCode::NotFound,
                format!("no watcher {id:?} on this connection"),
            )
        })
    }

    pub fn remove_watcher(&self, id: &str) -> Result<Arc<Watcher>, RpcError> {
        let removed = lock(&self.watchers).remove(id);
        removed.ok_or_else(|| {
            RpcError::coded(
                ErrorCode::NotFound,
                format!("no watcher {id:?} on this connection"),
            )
        })
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        for watcher in lock(&self.watchers).values() {
            watcher.stop();
        }
        self.state.rpc.connections.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Resolves once `flag` is true (or its sender is gone, which means the
/// same: nobody will ever set it back).
pub async fn until_true(flag: &mut tokio::sync::watch::Receiver<bool>) {
    let _ = flag.wait_for(|set| *set).await;
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// `GET /api`: upgrades to the RPC websocket.
pub async fn api(State(state): State<AppState>, upgrade: WebSocketUpgrade) -> Response {
    upgrade
        // The default buffers are 128 KiB each way per connection; watch
        // connections are many and mostly idle, and requests are small.
        .read_buffer_size(READ_BUFFER)
        .write_buffer_size(WRITE_BUFFER)
        .max_message_size(TRANSPORT_MAX_MESSAGE)
        .max_frame_size(TRANSPORT_MAX_MESSAGE)
        .on_upgrade(move |socket| serve_connection(socket, state))
}

/// Why the read side of a connection stopped.
enum Ending {
    /// The peer closed, or the transport failed: nothing more to say.
    Gone,
    /// We close, with this code and reason.
    Close(u16, String),
}

async fn serve_connection(socket: WebSocket, state: AppState) {
    let mut shutdown = state.rpc.shutdown.subscribe();
    let conn = Arc::new(Connection::new(state));
    let (mut sink, mut stream) = socket.split();
    let (outbox, mut outgoing) = mpsc::channel::<Message>(OUTBOX);
    // The writer owns the sink; it ends when every sender is gone (the read
    // loop and all request tasks) or the peer stops reading.
    let writer = tokio::spawn(async move {
        while let Some(message) = outgoing.recv().await {
            let closing = matches!(message, Message::Close(_));
            if sink.send(message).await.is_err() || closing {
                break;
            }
        }
        let _ = sink.close().await;
    });

    let mut tasks: JoinSet<()> = JoinSet::new();
    let mut ping = tokio::time::interval_at(Instant::now() + PING_EVERY, PING_EVERY);
    let mut heard = Instant::now();
    let ending = loop {
        tokio::select! {
            incoming = stream.next() => {
                let message = match incoming {
                    None => break Ending::Gone,
                    Some(Err(err)) => break transport_error(&err),
                    Some(Ok(message)) => message,
                };
                heard = Instant::now();
                match message {
                    Message::Text(text) => {
                        if text.len() > MAX_MESSAGE {
                            break too_big(text.len());
                        }
                        handle_text(&conn, &outbox, &mut tasks, text.as_str()).await;
                    }
                    Message::Binary(bytes) => {
                        if bytes.len() > MAX_MESSAGE {
                            break too_big(bytes.len());
                        }
                        let answer = error_answer(0, &RpcError::new(
                            BAD_REQUEST,
                            "binary messages are not understood; send each request as a JSON \
                             text message",
                        ));
                        let _ = outbox.send(answer).await;
                    }
                    // Pongs to pings are sent by the websocket layer itself.
                    Message::Ping(_) | Message::Pong(_) => {}
                    Message::Close(_) => break Ending::Gone,
                }
            }
            Some(_) = tasks.join_next(), if !tasks.is_empty() => {}
            _ = ping.tick() => {
                if heard.elapsed() > SILENCE_LIMIT {
                    break Ending::Close(close_code::AWAY, "no answer to pings".to_owned());
                }
                let _ = outbox.try_send(Message::Ping(Default::default()));
            }
            () = until_true(&mut shutdown) => {
                break Ending::Close(close_code::AWAY, "the index is shutting down".to_owned());
            }
        }
    };
    // Requests still running belong to this connection: a blocked `Next`
    // must not outlive it, and neither must the watchers.
    tasks.shutdown().await;
    if let Ending::Close(code, reason) = ending {
        let _ = outbox
            .send(Message::Close(Some(CloseFrame {
                code,
                reason: Utf8Bytes::from(reason),
            })))
            .await;
    }
    drop(outbox);
    drop(conn);
    let _ = writer.await;
}

fn too_big(size: usize) -> Ending {
    Ending::Close(
        close_code::SIZE,
        format!("message of {size} bytes is over the limit of {MAX_MESSAGE} bytes"),
    )
}

fn transport_error(err: &axum::Error) -> Ending {
    use std::error::Error as _;
    let mut source = err.source();
    while let Some(cause) = source {
        if let Some(ws) = cause.downcast_ref::<tokio_tungstenite::tungstenite::Error>() {
            if let tokio_tungstenite::tungstenite::Error::Capacity(_) = ws {
                return too_big_unknown();
            }
            break;
        }
        source = cause.source();
    }
    Ending::Gone
}

fn too_big_unknown() -> Ending {
    Ending::Close(
        close_code::SIZE,
        format!("message is over the limit of {MAX_MESSAGE} bytes"),
    )
}

/// Parses one request and starts it, or answers why it cannot start.
async fn handle_text(
    conn: &Arc<Connection>,
    outbox: &mpsc::Sender<Message>,
    tasks: &mut JoinSet<()>,
    text: &str,
) {
    let request = match parse_request(text) {
        Ok(request) => request,
        Err((request_id, err)) => {
            let _ = outbox.send(error_answer(request_id, &err)).await;
            return;
        }
    };
    if tasks.len() >= MAX_IN_FLIGHT {
        let err = RpcError::new(
            TOO_MANY_REQUESTS,
            format!("{MAX_IN_FLIGHT} requests are running on this connection; wait for answers"),
        );
        let _ = outbox.send(error_answer(request.request_id, &err)).await;
        return;
    }
    let method = match REGISTRY.find(&request) {
        Ok(method) => Arc::clone(method),
        Err(err) => {
            let _ = outbox.send(error_answer(request.request_id, &err)).await;
            return;
        }
    };
    let outbox = outbox.clone();
    let call = Call {
        conn: Arc::clone(conn),
        id: request.id,
        params: request.params,
    };
    let request_id = request.request_id;
    tasks.spawn(async move {
        // A method that panics still owes its caller an answer.
        let outcome = std::panic::AssertUnwindSafe(method(call))
            .catch_unwind()
            .await
            .unwrap_or_else(|_| {
                Err(RpcError::from(ApiError::internal(
                    "answer a request",
                    &"the method panicked",
                )))
            });
        let answer = match outcome {
            Ok(response) => encode(&Answer {
                request_id,
                response: Some(response),
                error: None,
                error_code: None,
                error_info: None,
            }),
            Err(err) => error_answer(request_id, &err),
        };
        let _ = outbox.send(answer).await;
    });
}

/// A request, or the request id to answer (0 when none could be read) and
/// why it is malformed.
fn parse_request(text: &str) -> Result<Request, (u64, RpcError)> {
    let value: Value = serde_json::from_str(text).map_err(|err| {
        (
            0,
            RpcError::new(BAD_REQUEST, format!("the message is not JSON: {err}")),
        )
    })?;
    let request_id = value.get("request-id").and_then(Value::as_u64).unwrap_or(0);
    serde_json::from_value(value).map_err(|err| {
        (
            request_id,
            RpcError::new(
                BAD_REQUEST,
                format!(
                    "malformed request: {err}; a request is {{\"request-id\": N, \"type\": \
                     FACADE, \"version\": N, \"id\": \"\", \"request\": METHOD, \"params\": {{}}}}"
                ),
            ),
        )
    })
}

fn error_answer(request_id: u64, err: &RpcError) -> Message {
    let info =
        (!err.info.candidates.is_empty() || !err.info.details.is_empty()).then(|| err.info.clone());
    encode(&Answer {
        request_id,
        response: None,
        error: Some(err.message.clone()),
        error_code: Some(err.code.to_owned()),
        error_info: info,
    })
}

fn encode(answer: &Answer) -> Message {
    let text = serde_json::to_string(answer).unwrap_or_else(|err| {
        // An answer is plain data; this only fails on a bug. Say so rather
        // than leave the request unanswered.
        tracing::error!("encode an API answer: {err}");
        format!(
            "{{\"request-id\":{},\"error\":\"the index failed to encode its answer\",\
             \"error-code\":\"failed\"}}",
            answer.request_id
        )
    });
    Message::Text(Utf8Bytes::from(text))
}

/// Runs blocking store work for a method, as the REST handlers do.
pub async fn blocking<T, F>(conn: &Connection, work: F) -> Result<T, RpcError>
where
    T: Send + 'static,
    F: FnOnce(&dyn crate::store::Store) -> Result<T, ApiError> + Send + 'static,
{
    conn.state.blocking(work).await.map_err(RpcError::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(facade: &str, version: u32, method: &str) -> Request {
        Request {
            request_id: 1,
            facade: facade.to_owned(),
            version,
            id: String::new(),
            request: method.to_owned(),
            params: Value::Null,
        }
    }

    #[test]
    fn unknown_parts_have_their_own_codes() {
        let code = |r: &Request| REGISTRY.find(r).err().map(|e| e.code);
        assert_eq!(code(&request("Interfaces", 1, "Resolve")), None);
        assert_eq!(code(&request("Interfaces", 2, "Resolve")), None);
        assert_eq!(code(&request("Nope", 1, "Resolve")), Some(UNKNOWN_FACADE));
        assert_eq!(
            code(&request("Interfaces", 9, "Resolve")),
            Some(UNKNOWN_VERSION)
        );
        assert_eq!(
            code(&request("Interfaces", 1, "Nope")),
            Some(UNKNOWN_REQUEST)
        );
    }

    #[test]
    fn malformed_requests_keep_their_id_when_they_have_one() {
        let (id, err) = parse_request("{not json").unwrap_err();
        assert_eq!((id, err.code), (0, BAD_REQUEST));
        let (id, err) = parse_request(r#"{"request-id": 5, "type": "Interfaces"}"#).unwrap_err();
        assert_eq!((id, err.code), (5, BAD_REQUEST));
        let ok = parse_request(
            r#"{"request-id": 7, "type": "Interfaces", "version": 1, "request": "List"}"#,
        )
        .unwrap();
        assert_eq!((ok.request_id, ok.id.as_str()), (7, ""));
    }
}
