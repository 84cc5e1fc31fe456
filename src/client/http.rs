//! Talking to an index service: one reqwest client (rustls with the ring
//! provider, no OpenSSL), timeouts, retries with backoff, and errors that
//! name the index and say what to do next.

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use indicatif::ProgressBar;
use reqwest::header::{ETAG, HeaderValue, IF_NONE_MATCH};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::archive::MAX_PACKED_BYTES;
use crate::env_vars;
use crate::error::{CodedError, ErrorCode};
use crate::printer::Printer;
use crate::wire;

/// `iface/<version>`, so an index operator can tell clients apart.
pub const USER_AGENT: &str = concat!("iface/", env!("CARGO_PKG_VERSION"));

/// The first retry waits this long; each next one twice as long.
const BACKOFF: Duration = Duration::from_millis(250);

/// What every request to every index shares: one connection pool, the
/// timeouts and the retry budget.
#[derive(Debug)]
pub struct Net {
    client: OnceLock<reqwest::Client>,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub retries: u32,
    printer: Printer,
}

impl Net {
    pub fn new(
        timeout: Duration,
        connect_timeout: Duration,
        retries: u32,
        printer: Printer,
    ) -> Self {
        Net {
            client: OnceLock::new(),
            timeout,
            connect_timeout,
            retries,
            printer,
        }
    }

    /// Built on first use: commands that stay offline never pay for TLS set-up.
    fn client(&self) -> anyhow::Result<&reqwest::Client> {
        if let Some(client) = self.client.get() {
            return Ok(client);
        }
        // reqwest is built with rustls but no default crypto provider; ring is
        // the one this crate compiles. Installing twice is harmless (it fails
        // when one is there already, which is what we want).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .build()
            .context("could not set up the HTTP client")?;
        Ok(self.client.get_or_init(|| client))
    }
}

/// A document that may not have changed since we last saw it.
#[derive(Debug)]
pub enum Conditional<T> {
    /// A new answer, with its ETag when the index sent one.
    Fresh(T, Option<String>),
    /// 304: what we have is current.
    NotModified,
}

/// One index service.
#[derive(Debug, Clone)]
pub struct HttpIndex {
    /// Base URL without a trailing `/`.
    pub base: String,
    net: Arc<Net>,
}

/// Retry only what cannot have had an effect, or what may be repeated:
/// a failed connection never reached the server, so any request may be
/// retried after one; a reset or a 5xx may have, so only idempotent ones.
/// Timeouts are not retried: a stalled index would multiply the wait.
fn retryable(err: &reqwest::Error, idempotent: bool) -> bool {
    if err.is_timeout() {
        return false;
    }
    if err.is_connect() {
        return true;
    }
    idempotent && is_reset(err)
}

fn is_reset(err: &reqwest::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind::*;
            if matches!(
                io.kind(),
                ConnectionReset | ConnectionAborted | BrokenPipe | UnexpectedEof
            ) {
                return true;
            }
        }
        source = cause.source();
    }
    // hyper reports a connection closed before a response as an incomplete
    // message, without an io::Error underneath.
    format!("{err:?}").contains("IncompleteMessage")
}

/// The innermost cause, which is the one that says what happened
/// ("Connection refused (os error 111)"), not "error sending request".
fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut last = err;
    while let Some(next) = last.source() {
        last = next;
    }
    last.to_string()
}

pub fn show_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs.fract() == 0.0 {
        format!("{secs:.0}s")
    } else {
        format!("{secs}s")
    }
}

impl HttpIndex {
    pub fn new(base: String, net: Arc<Net>) -> Self {
        HttpIndex { base, net }
    }

    /// A URL on this index: `path` is absolute (`/v1/...`), or a full URL
    /// (an archive served from elsewhere, e.g. a CDN).
    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            path.to_owned()
        } else {
            format!("{}{path}", self.base)
        }
    }

    /// Sends a request built by `build` (called again for each attempt) and
    /// answers the response when its status is 2xx or 304; any other status
    /// becomes an error carrying the index's code and message.
    pub async fn send(
        &self,
        method: Method,
        url: &str,
        idempotent: bool,
        build: impl Fn(RequestBuilder) -> RequestBuilder,
    ) -> anyhow::Result<Response> {
        let client = self.net.client()?;
        let mut attempt: u32 = 0;
        loop {
            let started = Instant::now();
            let result = build(client.request(method.clone(), url)).send().await;
            let retry = match &result {
                Ok(response) => {
                    self.net.printer.verbose(format!(
                        "{method} {} -> {} ({} ms)",
                        response.url(),
                        response.status(),
                        started.elapsed().as_millis()
                    ));
                    idempotent && response.status().is_server_error()
                }
                Err(err) => {
                    self.net
                        .printer
                        .verbose(format!("{method} {url} failed: {}", root_cause(err)));
                    retryable(err, idempotent)
                }
            };
            if retry && attempt < self.net.retries {
                let wait = BACKOFF * 2u32.pow(attempt);
                // Up to 50% jitter so that many clients do not retry in step.
                let jitter = wait.mul_f64(rand::random::<f64>() / 2.0);
                self.net
                    .printer
                    .verbose(format!("retrying in {} ms", (wait + jitter).as_millis()));
                tokio::time::sleep(wait + jitter).await;
                attempt += 1;
                continue;
            }
            let response = result.map_err(|err| self.network_error(&err))?;
            let status = response.status();
            if status.is_success() || status == StatusCode::NOT_MODIFIED {
                return Ok(response);
            }
            return Err(self.status_error(response).await);
        }
    }

    /// An error for a request that got no answer.
    pub fn network_error(&self, err: &reqwest::Error) -> anyhow::Error {
        let index = &self.base;
        let error = if err.is_timeout() && err.is_connect() {
            CodedError::new(
                ErrorCode::Network,
                format!(
                    "could not connect to the index at {index} within {}",
                    show_duration(self.net.connect_timeout)
                ),
            )
            .hint(unreachable_hint())
        } else if err.is_timeout() {
            CodedError::new(
                ErrorCode::Network,
                format!(
                    "the index at {index} did not answer within {}",
                    show_duration(self.net.timeout)
                ),
            )
            .hint(
                "check that the index is healthy, or give it longer with --timeout SECONDS \
                 (or `timeout:` in config.yaml)",
            )
        } else if err.is_connect() {
            CodedError::new(
                ErrorCode::Network,
                format!("could not reach the index at {index}: {}", root_cause(err)),
            )
            .hint(unreachable_hint())
        } else {
            CodedError::new(
                ErrorCode::Network,
                format!(
                    "the request to the index at {index} failed: {}",
                    root_cause(err)
                ),
            )
        };
        error.into()
    }

    /// An error for a non-success answer, from its `{"error": ...}` body.
    async fn status_error(&self, response: Response) -> anyhow::Error {
        let status = response.status();
        let bytes = response.bytes().await.unwrap_or_default();
        let Ok(body) = serde_json::from_slice::<wire::ErrorBody>(&bytes) else {
            let text = String::from_utf8_lossy(&bytes);
            let snippet: String = text.trim().chars().take(200).collect();
            let code = match status {
                StatusCode::NOT_FOUND => ErrorCode::NotFound,
                StatusCode::UNAUTHORIZED => ErrorCode::Unauthorized,
                StatusCode::FORBIDDEN => ErrorCode::Forbidden,
                StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::TooLarge,
                _ => ErrorCode::Failed,
            };
            return CodedError::new(
                code,
                format!(
                    "the index at {} answered {status}{}",
                    self.base,
                    if snippet.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", crate::client::clean(&snippet))
                    }
                ),
            )
            .hint("is this an iface index? check the URL given with --index or IFACE_INDEX")
            .into();
        };
        api_error(&self.base, status, body.error)
    }

    /// GET a JSON document.
    pub async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
        token: Option<&str>,
    ) -> anyhow::Result<T> {
        match self.get_conditional(path, query, token, None).await? {
            Conditional::Fresh(doc, _) => Ok(doc),
            Conditional::NotModified => Err(anyhow::anyhow!(
                "the index at {} answered 304 to an unconditional request",
                self.base
            )),
        }
    }

    /// GET a JSON document, sending `If-None-Match` when we have an ETag.
    pub async fn get_conditional<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
        token: Option<&str>,
        etag: Option<&str>,
    ) -> anyhow::Result<Conditional<T>> {
        let url = self.url(path);
        let response = self
            .send(Method::GET, &url, true, |mut request| {
                if !query.is_empty() {
                    request = request.query(query);
                }
                if let Some(token) = token {
                    request = request.bearer_auth(token);
                }
                if let Some(etag) = etag.and_then(|e| HeaderValue::from_str(e).ok()) {
                    request = request.header(IF_NONE_MATCH, etag);
                }
                request
            })
            .await?;
        if response.status() == StatusCode::NOT_MODIFIED {
            return Ok(Conditional::NotModified);
        }
        let etag = response
            .headers()
            .get(ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Ok(Conditional::Fresh(self.decode(response).await?, etag))
    }

    /// A request with a JSON body (or none) answered by a JSON document.
    pub async fn call<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
        token: Option<&str>,
    ) -> anyhow::Result<T> {
        let response = self.call_raw(method, path, body, token).await?;
        self.decode(response).await
    }

    /// Like [`HttpIndex::call`], for answers without a body (204).
    pub async fn call_raw<B: Serialize>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
        token: Option<&str>,
    ) -> anyhow::Result<Response> {
        let url = self.url(path);
        // PUT and DELETE are idempotent by definition; POST is not.
        let idempotent = method != Method::POST;
        self.send(method, &url, idempotent, |mut request| {
            if let Some(body) = body {
                request = request.json(body);
            }
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            request
        })
        .await
    }

    async fn decode<T: DeserializeOwned>(&self, response: Response) -> anyhow::Result<T> {
        let url = response.url().to_string();
        let bytes = response
            .bytes()
            .await
            .map_err(|err| self.network_error(&err))?;
        serde_json::from_slice(&bytes).map_err(|err| {
            CodedError::new(
                ErrorCode::Failed,
                format!(
                    "the index at {} sent an answer iface cannot read ({url}): {err}",
                    self.base
                ),
            )
            .hint("is this an iface index, and is iface up to date?")
            .into()
        })
    }

    /// Downloads an archive, at most [`MAX_PACKED_BYTES`], ticking `bar`.
    pub async fn download(&self, path: &str, bar: Option<&ProgressBar>) -> anyhow::Result<Vec<u8>> {
        let url = self.url(path);
        let mut response = self.send(Method::GET, &url, true, |r| r).await?;
        if let (Some(bar), Some(len)) = (bar, response.content_length()) {
            bar.set_length(len);
        }
        let mut bytes = Vec::with_capacity(
            response.content_length().unwrap_or(0).min(MAX_PACKED_BYTES) as usize,
        );
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|err| self.network_error(&err))?
        {
            if bytes.len() as u64 + chunk.len() as u64 > MAX_PACKED_BYTES {
                return Err(CodedError::new(
                    ErrorCode::TooLarge,
                    format!(
                        "{url} is over the archive limit of {} MiB",
                        MAX_PACKED_BYTES >> 20
                    ),
                )
                .into());
            }
            bytes.extend_from_slice(&chunk);
            if let Some(bar) = bar {
                bar.inc(chunk.len() as u64);
            }
        }
        Ok(bytes)
    }

    /// Uploads an archive as the next revision of `~owner/name`.
    pub async fn publish(
        &self,
        owner: &str,
        name: &str,
        archive: &[u8],
        token: &str,
    ) -> anyhow::Result<wire::PublishResult> {
        let url = self.url(&format!("/v1/interfaces/~{owner}/{name}/revisions"));
        let response = self
            .send(Method::POST, &url, false, |request| {
                request
                    .bearer_auth(token)
                    .header(reqwest::header::CONTENT_TYPE, "application/gzip")
                    .body(archive.to_vec())
            })
            .await?;
        self.decode(response).await
    }
}

fn unreachable_hint() -> String {
    format!(
        "is the index running? Start one with `iface serve`, or choose another with \
         --index URL (or {})",
        env_vars::IFACE_INDEX
    )
}

/// A coded error from an index's `{"error": ...}` answer, naming the index.
pub fn api_error(index: &str, status: StatusCode, error: wire::Error) -> anyhow::Error {
    let mut message = format!(
        "the index at {index} answered {}: {}",
        status.as_u16(),
        crate::client::clean(&error.message)
    );
    for detail in &error.details {
        message.push_str("\n    - ");
        message.push_str(&crate::client::clean(detail));
    }
    let mut coded = CodedError::new(error.code, message);
    if !error.candidates.is_empty() {
        coded = coded.hint(format!("name one of: {}", error.candidates.join(", ")));
    } else if error.code == ErrorCode::Unauthorized {
        coded = coded.hint(format!(
            "run `iface login --index {index}`, or set {} to a valid token",
            env_vars::IFACE_TOKEN
        ));
    }
    coded.into()
}
