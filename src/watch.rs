//! The client of the index's `/api` websocket behind `iface watch`: watch
//! some interfaces (or all), hand each new revision to the caller once, and
//! ride out dropped connections.
//!
//! Nothing is lost or repeated across a reconnect. The client remembers,
//! per interface, the last revision it handed out (for `all`, the time of
//! the newest one), and asks the new watcher to resume from there
//! (`interface:~owner/name-N`, or `since`); the server then answers what was
//! published in between. What both the resume and the live stream report is
//! dropped here by canonical URI, so a revision is handed out at most once
//! per [`watch`] call.

use std::collections::HashSet;
use std::future::Future;
use std::time::Duration;

use anyhow::Context as _;
use futures_util::{SinkExt, StreamExt};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tokio::net::TcpStream;
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use crate::error::{CodedError, ErrorCode};
use crate::server::rpc::params::{
    Empty, Entity, Request, Response, RevisionChanges, RevisionWatchArgs, RevisionWatchResult,
};
use crate::server::rpc::watcher::parse_rfc3339;
use crate::wire;

/// How `iface watch` behaves on the network.
#[derive(Debug, Clone)]
pub struct Options {
    /// The index service's base URL, `http(s)://...`.
    pub index: String,
    /// The interfaces to watch as the user gave them; empty watches all.
    pub uris: Vec<String>,
    /// First wait before reconnecting; doubles up to `max_backoff`.
    pub min_backoff: Duration,
    pub max_backoff: Duration,
    /// How long a connection attempt may take.
    pub connect_timeout: Duration,
    /// A ping this often while waiting; nothing heard for three of these
    /// means the connection is dead.
    pub ping_every: Duration,
}

impl Options {
    pub fn new(index: impl Into<String>, uris: Vec<String>) -> Self {
        Options {
            index: index.into(),
            uris,
            min_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            ping_every: Duration::from_secs(20),
        }
    }
}

/// What [`watch`] tells its caller.
#[derive(Debug)]
pub enum Event<'a> {
    /// Watching: the first time, and after each reconnect.
    Watching { url: &'a str, reconnected: bool },
    /// A watched URI that cannot be watched (first connection only).
    Refused {
        query: &'a str,
        error: &'a wire::Error,
    },
    /// The connection dropped; the next attempt is in `retry_in`.
    Disconnected {
        error: &'a anyhow::Error,
        retry_in: Duration,
    },
    /// A new revision, never the same one twice.
    Revision(&'a wire::Revision),
}

/// The websocket URL of an index's RPC API: `ws://HOST/api` for
/// `http://HOST`, `wss://` for `https://`.
pub fn api_url(index: &str) -> anyhow::Result<String> {
    let index = index.trim_end_matches('/');
    let (scheme, rest) = if let Some(rest) = index.strip_prefix("http://") {
        ("ws", rest)
    } else if let Some(rest) = index.strip_prefix("https://") {
        ("wss", rest)
    } else {
        return Err(CodedError::new(
            ErrorCode::Invalid,
            format!("{index} is not an index service URL; watching needs `iface serve`"),
        )
        .hint("give the index as http://HOST:PORT, e.g. --index http://127.0.0.1:7415")
        .into());
    };
    Ok(format!("{scheme}://{rest}/api"))
}

/// Watches until `shutdown` resolves (then returns `Ok`), calling `on_event`
/// for each revision and each change of connection. Fails when the index
/// refuses the watch itself (every URI invalid or unknown, an index without
/// the API) or `on_event` fails; a lost connection is retried forever.
pub async fn watch<F, S>(options: &Options, mut on_event: F, shutdown: S) -> anyhow::Result<()>
where
    F: FnMut(Event<'_>) -> anyhow::Result<()>,
    S: Future<Output = ()>,
{
    let url = api_url(&options.index)?;
    let mut state = Resume::default();
    let run = async {
        let mut backoff = options.min_backoff;
        loop {
            match session(options, &url, &mut state, &mut on_event).await {
                Ok(never) => match never {},
                Err(Failure::Fatal(err)) => return Err(err),
                Err(Failure::Retry { error, watched }) => {
                    if watched {
                        backoff = options.min_backoff;
                    }
                    let retry_in = jitter(backoff);
                    on_event(Event::Disconnected {
                        error: &error,
                        retry_in,
                    })?;
                    tokio::time::sleep(retry_in).await;
                    backoff = (backoff * 2).min(options.max_backoff);
                }
            }
        }
    };
    tokio::select! {
        result = run => result,
        () = shutdown => Ok(()),
    }
}

/// Spreads reconnects of many clients after a server restart.
fn jitter(base: Duration) -> Duration {
    let factor = 0.75 + rand::random::<f64>() * 0.5;
    base.mul_f64(factor)
}

/// Where the next watcher resumes.
#[derive(Debug, Default)]
struct Resume {
    /// Set once the first watch was accepted.
    started: bool,
    /// Named interfaces: canonical `interface:~owner/name` → the revision
    /// after which to answer.
    after: Vec<(String, u32)>,
    /// `all`: answer what was published at or after this (Unix seconds).
    since: Option<i64>,
    /// `all`: the second the first watch began. A resumed watch cannot tell
    /// a revision published earlier in that second from one published after
    /// the watch began, so it drops them all: printing what was there before
    /// would be a lie, and a revision published in that second was handed
    /// out live unless the connection dropped within it.
    began: Option<i64>,
    /// Every revision handed out, by canonical URI.
    seen: HashSet<String>,
}

/// How far back a resumed `all` watch looks before the newest revision
/// seen: publishes to different interfaces can be announced slightly out of
/// order. Repeats are dropped by URI.
const RESUME_SLACK: i64 = 2;

enum Never {}

enum Failure {
    /// Give up: the watch itself was refused, or the caller failed.
    Fatal(anyhow::Error),
    /// Reconnect. `watched`: the connection got as far as a watcher, so
    /// the backoff starts over.
    Retry { error: anyhow::Error, watched: bool },
}

/// One connection: connect, watch, and hand out revisions until it fails.
async fn session<F>(
    options: &Options,
    url: &str,
    state: &mut Resume,
    on_event: &mut F,
) -> Result<Never, Failure>
where
    F: FnMut(Event<'_>) -> anyhow::Result<()>,
{
    let retry = |error: anyhow::Error| Failure::Retry {
        error,
        watched: false,
    };
    let mut api = Api::connect(url, options).await.map_err(retry)?;
    let args = if !state.started {
        if options.uris.is_empty() {
            RevisionWatchArgs {
                all: true,
                ..Default::default()
            }
        } else {
            RevisionWatchArgs {
                entities: options
                    .uris
                    .iter()
                    .map(|uri| Entity { uri: uri.clone() })
                    .collect(),
                ..Default::default()
            }
        }
    } else if options.uris.is_empty() {
        RevisionWatchArgs {
            all: true,
            since: state.since.map(wire::rfc3339),
            ..Default::default()
        }
    } else {
        RevisionWatchArgs {
            entities: state
                .after
                .iter()
                .map(|(uri, after)| Entity {
                    uri: format!("{uri}-{after}"),
                })
                .collect(),
            ..Default::default()
        }
    };
    let watched: RevisionWatchResult =
        match api.call("Interfaces", 1, "", "WatchRevisions", &args).await {
            Ok(result) => result,
            Err(CallError::Transport(err)) => return Err(retry(err)),
            Err(CallError::Api(err)) => {
                return Err(Failure::Fatal(
                    anyhow::Error::new(err)
                        .context(format!("the index at {url} refused the watch")),
                ));
            }
        };
    let first = !state.started;
    if first {
        for result in &watched.results {
            match (&result.error, &result.uri, result.revision) {
                (Some(error), _, _) => on_event(Event::Refused {
                    query: &result.query,
                    error,
                })
                .map_err(Failure::Fatal)?,
                // The same interface twice (`mysql`, `~bob/mysql`): once.
                (None, Some(uri), Some(after))
                    if !state.after.iter().any(|(known, _)| known == uri) =>
                {
                    state.after.push((uri.clone(), after));
                }
                _ => {}
            }
        }
        if options.uris.is_empty() {
            state.since = parse_rfc3339(&watched.since);
            state.began = state.since;
        }
    }
    let Some(id) = watched.watcher_id else {
        let code = watched
            .results
            .iter()
            .find_map(|r| r.error.as_ref().map(|e| e.code))
            .unwrap_or(ErrorCode::NotFound);
        return Err(Failure::Fatal(
            CodedError::new(code, "none of the interfaces can be watched")
                .hint("look for the right names with `iface search`")
                .into(),
        ));
    };
    state.started = true;
    on_event(Event::Watching {
        url,
        reconnected: !first,
    })
    .map_err(Failure::Fatal)?;
    loop {
        let changes: RevisionChanges =
            match api.call("RevisionWatcher", 1, &id, "Next", &Empty {}).await {
                Ok(changes) => changes,
                Err(CallError::Transport(error)) => {
                    return Err(Failure::Retry {
                        error,
                        watched: true,
                    });
                }
                Err(CallError::Api(err)) => {
                    return Err(Failure::Retry {
                        error: anyhow::Error::new(err).context("the watcher ended"),
                        watched: true,
                    });
                }
            };
        for revision in &changes.changes {
            let published = parse_rfc3339(&revision.published_at);
            let before = matches!((published, state.began), (Some(p), Some(b)) if p <= b);
            if (!first && before) || !state.seen.insert(revision.uri.clone()) {
                continue;
            }
            let interface = format!("interface:~{}/{}", revision.owner, revision.name);
            match state.after.iter_mut().find(|(uri, _)| *uri == interface) {
                Some((_, after)) => *after = (*after).max(revision.revision),
                None if options.uris.is_empty() => {}
                None => state.after.push((interface, revision.revision)),
            }
            if let Some(published) = published {
                let resume = published - RESUME_SLACK;
                state.since = Some(state.since.map_or(resume, |s| s.max(resume)));
            }
            on_event(Event::Revision(revision)).map_err(Failure::Fatal)?;
        }
    }
}

/// An error the index answered.
#[derive(Debug, thiserror::Error)]
#[error("{message} ({code})")]
pub struct ApiError {
    pub code: String,
    pub message: String,
}

enum CallError {
    /// The connection failed: reconnect.
    Transport(anyhow::Error),
    /// The index answered with an error.
    Api(ApiError),
}

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// One connection to `/api`, making one call at a time.
struct Api {
    socket: Socket,
    next_id: u64,
    ping_every: Duration,
}

impl Api {
    async fn connect(url: &str, options: &Options) -> anyhow::Result<Api> {
        // wss:// goes through rustls; ring is the provider this crate builds.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let config = WebSocketConfig::default().max_message_size(Some(64 << 20));
        let connecting = tokio_tungstenite::connect_async_with_config(url, Some(config), false);
        let (socket, _) = tokio::time::timeout(options.connect_timeout, connecting)
            .await
            .map_err(|_| anyhow::anyhow!("no connection within {:.0?}", options.connect_timeout))?
            .with_context(|| format!("could not connect to {url}"))?;
        Ok(Api {
            socket,
            next_id: 1,
            ping_every: options.ping_every,
        })
    }

    async fn call<P: Serialize, R: DeserializeOwned>(
        &mut self,
        facade: &str,
        version: u32,
        id: &str,
        method: &str,
        params: &P,
    ) -> Result<R, CallError> {
        let transport = |err: anyhow::Error| CallError::Transport(err);
        let request_id = self.next_id;
        self.next_id += 1;
        let request = Request {
            request_id,
            facade: facade.to_owned(),
            version,
            id: id.to_owned(),
            request: method.to_owned(),
            params: serde_json::to_value(params).map_err(|err| transport(err.into()))?,
        };
        let text = serde_json::to_string(&request).map_err(|err| transport(err.into()))?;
        self.socket
            .send(Message::text(text))
            .await
            .context("the connection failed")
            .map_err(transport)?;
        let mut ping = tokio::time::interval_at(Instant::now() + self.ping_every, self.ping_every);
        let mut heard = Instant::now();
        loop {
            tokio::select! {
                message = self.socket.next() => {
                    heard = Instant::now();
                    let message = match message {
                        None => return Err(transport(anyhow::anyhow!("the index closed the connection"))),
                        Some(Err(err)) => {
                            return Err(transport(anyhow::Error::new(err).context("the connection failed")));
                        }
                        Some(Ok(message)) => message,
                    };
                    let text = match message {
                        Message::Text(text) => text,
                        Message::Close(frame) => {
                            let reason = frame
                                .map(|f| format!("{} ({})", f.reason, u16::from(f.code)))
                                .unwrap_or_else(|| "no reason given".to_owned());
                            return Err(transport(anyhow::anyhow!("the index closed the connection: {reason}")));
                        }
                        _ => continue,
                    };
                    let response: Response = serde_json::from_str(text.as_str())
                        .context("the index answered something that is not an API response")
                        .map_err(transport)?;
                    if response.request_id != request_id {
                        // One call at a time: anything else is stale.
                        continue;
                    }
                    if let Some(message) = response.error {
                        return Err(CallError::Api(ApiError {
                            code: response.error_code.unwrap_or_default(),
                            message,
                        }));
                    }
                    let value = response.response.unwrap_or(Value::Object(Default::default()));
                    return serde_json::from_value(value)
                        .with_context(|| format!("the index's answer to {facade}.{method} is not what iface expects"))
                        .map_err(transport);
                }
                _ = ping.tick() => {
                    if heard.elapsed() > self.ping_every * 3 {
                        return Err(transport(anyhow::anyhow!(
                            "the index has not answered for {:.0?}", heard.elapsed()
                        )));
                    }
                    self.socket
                        .send(Message::Ping(Default::default()))
                        .await
                        .context("the connection failed")
                        .map_err(transport)?;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_urls_follow_the_index_scheme() {
        assert_eq!(
            api_url("http://127.0.0.1:7415").unwrap(),
            "ws://127.0.0.1:7415/api"
        );
        assert_eq!(
            api_url("https://idx.example/").unwrap(),
            "wss://idx.example/api"
        );
        assert_eq!(api_url("http://h/prefix").unwrap(), "ws://h/prefix/api");
        assert!(api_url("/srv/index").is_err());
    }

    #[test]
    fn jitter_stays_near_the_base() {
        for _ in 0..100 {
            let d = jitter(Duration::from_secs(4));
            assert!(
                d >= Duration::from_secs(3) && d <= Duration::from_secs(5),
                "{d:?}"
            );
        }
    }
}
