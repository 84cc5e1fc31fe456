//! API errors: every failure leaves the server as
//! `{"error": {"message": ..., "code": ...}}` with the HTTP status its code
//! implies, including axum's own rejections (bad JSON, a bad path segment),
//! which would otherwise answer in plain text.

use axum::extract::FromRequest;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::ErrorCode;
use crate::store::{ResolveError, StoreError};
use crate::wire;

/// A failed request, ready to become a response.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub error: wire::Error,
}

/// The HTTP status for each stable code. An ambiguous bare name is a 404:
/// nothing lives at that URL; the code and candidates say why.
pub fn status_of(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::NotFound | ErrorCode::Ambiguous => StatusCode::NOT_FOUND,
        ErrorCode::Unauthorized => StatusCode::UNAUTHORIZED,
        ErrorCode::Forbidden => StatusCode::FORBIDDEN,
        ErrorCode::Invalid => StatusCode::BAD_REQUEST,
        ErrorCode::Conflict => StatusCode::CONFLICT,
        ErrorCode::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        ErrorCode::IncompatibleChange => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::Network => StatusCode::BAD_GATEWAY,
        ErrorCode::Failed => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            status: status_of(code),
            error: wire::Error::new(code, message),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Invalid, message)
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Unauthorized, message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Forbidden, message)
    }

    pub fn too_large(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::TooLarge, message)
    }

    /// A server-side failure. The cause is logged in full; the client gets a
    /// message that does not expose paths or internals.
    pub fn internal(what: &str, err: &dyn std::fmt::Display) -> Self {
        tracing::error!("{what}: {err:#}");
        Self::new(
            ErrorCode::Failed,
            format!("the index failed to {what}; the server log has the cause"),
        )
    }

    pub fn with_details(mut self, details: Vec<String>) -> Self {
        self.error.details = details;
        self
    }

    pub fn with_candidates(mut self, candidates: Vec<String>) -> Self {
        self.error.candidates = candidates;
        self
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Backend(err) => {
                ApiError::internal("read or write its store", &format!("{err:#}"))
            }
            other => ApiError::new(other.code(), other.to_string()),
        }
    }
}

impl From<ResolveError> for ApiError {
    fn from(err: ResolveError) -> Self {
        match err {
            ResolveError::Store(err) => err.into(),
            other => {
                let candidates = other.candidates().to_vec();
                let mut api =
                    ApiError::new(other.code(), other.to_string()).with_candidates(candidates);
                // The interface exists: an index that knows the name answers
                // for it, and a client must not look further.
                if matches!(other, ResolveError::NoRevision(_)) {
                    api.error.reason = Some(crate::wire::NO_REVISION.to_owned());
                }
                api
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            axum::Json(wire::ErrorBody { error: self.error }),
        )
            .into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            // RFC 6750: tell the client which scheme to use.
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"iface\""),
            );
        }
        response
    }
}

fn rejection(status: StatusCode, message: String) -> ApiError {
    let code = match status {
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::TooLarge,
        StatusCode::NOT_FOUND => ErrorCode::NotFound,
        StatusCode::INTERNAL_SERVER_ERROR => ErrorCode::Failed,
        _ => ErrorCode::Invalid,
    };
    ApiError {
        status,
        error: wire::Error::new(code, message),
    }
}

impl From<JsonRejection> for ApiError {
    fn from(err: JsonRejection) -> Self {
        rejection(
            err.status(),
            format!("invalid JSON body: {}", err.body_text()),
        )
    }
}

impl From<QueryRejection> for ApiError {
    fn from(err: QueryRejection) -> Self {
        rejection(err.status(), format!("invalid query: {}", err.body_text()))
    }
}

impl From<PathRejection> for ApiError {
    fn from(err: PathRejection) -> Self {
        // A path that did not parse (a revision that is not a number) is a
        // bad request, not a missing route.
        let status = match err.status() {
            StatusCode::INTERNAL_SERVER_ERROR => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::BAD_REQUEST,
        };
        rejection(status, format!("invalid path: {}", err.body_text()))
    }
}

/// `axum::Json` whose rejection is an [`ApiError`].
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct Json<T>(pub T);

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// `axum::extract::Query` whose rejection is an [`ApiError`].
#[derive(Debug, axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct Query<T>(pub T);

/// `axum::extract::Path` whose rejection is an [`ApiError`].
#[derive(Debug, axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct Path<T>(pub T);
