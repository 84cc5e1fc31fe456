//! HTTP caching helpers: ETags and conditional requests.
//!
//! Index documents (JSON and HTML) change when something is published, so
//! they carry an ETag computed from their bytes and `Cache-Control:
//! no-cache` (revalidate every time, answer 304 when unchanged). Archives
//! never change, so their ETag is their SHA-256 and they may be cached
//! forever.

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Cache headers for content that can never change at its URL.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache headers for documents that change when the index does.
pub const REVALIDATE: &str = "no-cache";

/// True when `If-None-Match` lists `etag` (or is `*`). Uses the weak
/// comparison that RFC 9110 prescribes for If-None-Match, so a `W/` prefix
/// that a proxy added still matches.
pub fn none_match(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|tag| tag.trim())
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag)
}

/// A quoted ETag for a body: a truncated SHA-256 of it, which is plenty to
/// tell versions of one document apart.
pub fn etag_of(bytes: &[u8]) -> String {
    format!("\"{}\"", &hex::encode(Sha256::digest(bytes))[..32])
}

/// A response for `body` with an ETag, or 304 when the client has it.
pub fn with_etag(headers: &HeaderMap, content_type: &'static str, body: Vec<u8>) -> Response {
    let etag = etag_of(&body);
    let etag_value = HeaderValue::from_str(&etag).expect("hex in quotes is a valid header");
    if none_match(headers, &etag) {
        return (
            StatusCode::NOT_MODIFIED,
            [
                (header::ETAG, etag_value),
                (header::CACHE_CONTROL, HeaderValue::from_static(REVALIDATE)),
            ],
        )
            .into_response();
    }
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::ETAG, etag_value),
            (header::CACHE_CONTROL, HeaderValue::from_static(REVALIDATE)),
        ],
        Body::from(body),
    )
        .into_response()
}

/// A JSON index document with an ETag.
pub fn json_document<T: Serialize>(headers: &HeaderMap, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => with_etag(headers, "application/json", body),
        Err(err) => super::error::ApiError::internal("encode a response", &err).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(value: &str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(header::IF_NONE_MATCH, HeaderValue::from_str(value).unwrap());
        map
    }

    #[test]
    fn if_none_match_lists_star_and_weak_tags() {
        assert!(none_match(&headers("\"abc\""), "\"abc\""));
        assert!(none_match(&headers("\"x\", W/\"abc\""), "\"abc\""));
        assert!(none_match(&headers("*"), "\"abc\""));
        assert!(!none_match(&headers("\"abd\""), "\"abc\""));
        assert!(!none_match(&HeaderMap::new(), "\"abc\""));
    }
}
