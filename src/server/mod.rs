//! The index service: REST API (versioned by module: `/v1` is [`v1`], a
//! `/v2` would sit beside it and share the store and the wire types) and the
//! public HTML pages.
//!
//! The router is built by [`router`], apart from binding a listener, so
//! tests can serve it on `127.0.0.1:0`; [`serve`] runs it until a shutdown
//! future resolves.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::OriginalUri;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::store::Store;
use crate::wire;

pub mod archive_cache;
pub mod auth;
pub mod error;
pub mod html;
pub mod http;
pub mod rpc;
pub mod v1;

use auth::AdminToken;
use error::ApiError;

/// What every handler shares. Cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    store: Arc<dyn Store>,
    admin: Option<AdminToken>,
    archives: Arc<archive_cache::ArchiveCache>,
    /// The `/api` websocket's shared state: publishes for its watchers.
    rpc: Arc<rpc::Hub>,
}

impl AppState {
    /// `admin_token`: the token that may do everything; `None` leaves the
    /// index read-only except for tokens that already exist.
    pub fn new(store: Arc<dyn Store>, admin_token: Option<&str>) -> Self {
        AppState {
            store,
            admin: admin_token.map(AdminToken::new),
            archives: Arc::default(),
            rpc: Arc::default(),
        }
    }

    pub fn archives(&self) -> &archive_cache::ArchiveCache {
        &self.archives
    }

    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// Runs blocking store work off the async threads. Every store call goes
    /// through here: SQLite blocks, and so would a synchronous PostgreSQL
    /// client.
    pub async fn blocking<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&dyn Store) -> Result<T, ApiError> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
        match tokio::task::spawn_blocking(move || work(store.as_ref())).await {
            Ok(result) => result,
            Err(err) => Err(ApiError::internal("finish a store operation", &err)),
        }
    }
}

/// The whole service: `/healthz`, `/v1/...` and the HTML pages.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(health))
        .route("/api", get(rpc::api))
        .nest("/v1", v1::router())
        .merge(html::router())
        .fallback(fallback)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("referrer-policy"),
            HeaderValue::from_static("no-referrer"),
        ))
        // Per-request logs at debug (IFACE_LOG=tower_http=debug): at info
        // they would cost more than the requests themselves under load.
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// `GET /healthz`: 200 when the store answers, 503 when it does not.
async fn health(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    match state.blocking(|store| Ok(store.ping()?)).await {
        Ok(()) => axum::Json(wire::Health {
            status: "ok".to_owned(),
        })
        .into_response(),
        Err(err) => {
            let mut response = err.into_response();
            *response.status_mut() = axum::http::StatusCode::SERVICE_UNAVAILABLE;
            response
        }
    }
}

/// Unknown paths: a JSON error under the API, an HTML page elsewhere.
async fn fallback(OriginalUri(uri): OriginalUri) -> Response {
    let path = uri.path();
    if path == "/v1" || path.starts_with("/v1/") || path.starts_with("/v2") {
        ApiError::not_found(format!("no API endpoint {path}")).into_response()
    } else {
        html::not_found_page(&format!("There is no page at {path}."))
    }
}

/// How long in-flight requests get to finish after a shutdown signal before
/// the server stops anyway (a stalled upload must not keep it alive).
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// Serves `router(state)` on `listener` until `shutdown` resolves, then lets
/// requests in flight finish (up to [`SHUTDOWN_GRACE`]).
pub async fn serve<F>(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: F,
) -> std::io::Result<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    let (stop_tx, mut stop_rx) = tokio::sync::watch::channel(false);
    // Websocket connections outlive graceful shutdown (they are no longer
    // HTTP requests); the hub closes them.
    let rpc = Arc::clone(&state.rpc);
    let server = axum::serve(listener, router(state)).with_graceful_shutdown(async move {
        let _ = stop_rx.wait_for(|stop| *stop).await;
    });
    let watchdog = async move {
        shutdown.await;
        tracing::info!("shutting down: waiting for requests in flight");
        let _ = stop_tx.send(true);
        rpc.shut_down();
        tokio::time::sleep(SHUTDOWN_GRACE).await;
        tracing::warn!(
            "requests still running after {}s; stopping anyway",
            SHUTDOWN_GRACE.as_secs()
        );
    };
    tokio::select! {
        result = server => result,
        () = watchdog => Ok(()),
    }
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::warn!("cannot listen for SIGTERM: {err}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}
