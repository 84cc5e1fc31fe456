//! The JSON documents the index service sends and receives, defined once for
//! the server (which also generates its OpenAPI document from them) and the
//! client (which decodes them).
//!
//! Naming follows the Juju API conventions of DESIGN section 5: a noun per
//! type (`Interface`, `Interfaces`, `ResolveResult`, `ResolveResults`), bulk
//! requests that answer one result per item, each with its own error, and
//! errors as `{"error": {"message": ..., "code": ...}}`. Field names are
//! snake_case. Timestamps are RFC 3339 strings in UTC. URIs are canonical
//! strings (`interface:~owner/name-N`).
//!
//! Compatibility: v1 documents only ever gain optional fields; clients must
//! ignore fields they do not know. Anything else goes to a `/v2`.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ErrorCode;

/// `{"error": {...}}`: the body of every failed request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ErrorBody {
    pub error: Error,
}

/// What went wrong, for people (`message`) and scripts (`code`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Error {
    pub message: String,
    pub code: ErrorCode,
    /// For `ambiguous`: the URIs the request could have meant.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<String>,
    /// Every individual reason, when there are several (each refused file,
    /// each failed check).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
    /// A finer reason within `code`, where a client acts on it:
    /// `no-revision` (with `not-found`) when the interface exists but not
    /// that revision, so an index that knows the name still answers for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// `reason` of a `not-found` answer for an interface that exists without
/// the asked revision.
pub const NO_REVISION: &str = "no-revision";

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            code,
            candidates: Vec::new(),
            details: Vec::new(),
            reason: None,
        }
    }
}

// ErrorCode is shared with the client's exit codes and lives in `error.rs`;
// its schema is written here, beside the other wire schemas, and lists the
// same strings its serde form produces.
impl utoipa::PartialSchema for ErrorCode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
        const ALL: [ErrorCode; 10] = [
            ErrorCode::NotFound,
            ErrorCode::Ambiguous,
            ErrorCode::Unauthorized,
            ErrorCode::Forbidden,
            ErrorCode::Invalid,
            ErrorCode::Conflict,
            ErrorCode::TooLarge,
            ErrorCode::IncompatibleChange,
            ErrorCode::Network,
            ErrorCode::Failed,
        ];
        ObjectBuilder::new()
            .schema_type(SchemaType::new(Type::String))
            .enum_values(Some(ALL.iter().map(|code| code.as_str())))
            .description(Some("A stable, machine-readable error code."))
            .into()
    }
}

impl ToSchema for ErrorCode {}

/// An interface as a list or search shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct InterfaceSummary {
    /// `interface:~owner/name`.
    pub uri: String,
    pub owner: String,
    pub name: String,
    pub summary: Option<String>,
    pub category: Option<String>,
    /// The protocol's major version, from the latest revision's interface.yaml.
    pub version: Option<u32>,
    pub latest_revision: u32,
    /// True when the bare name `interface:NAME` stands for this interface.
    pub promulgated: bool,
    pub updated_at: String,
}

/// A page of interfaces: `GET /v1/interfaces` and `GET /v1/search`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Interfaces {
    pub interfaces: Vec<InterfaceSummary>,
    /// How many match in all, across every page.
    pub total: u64,
    pub offset: u64,
    pub limit: u32,
}

/// One interface in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Interface {
    /// `interface:~owner/name`.
    pub uri: String,
    pub owner: String,
    pub name: String,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub category: Option<String>,
    pub version: Option<u32>,
    /// The people interface.yaml names as maintainers.
    pub maintainers: Vec<String>,
    /// Index users granted the right to publish it, besides its owner.
    pub maintainer_users: Vec<String>,
    /// Roles the latest revision implements: `provides`, `requires`, `peer`.
    pub roles: Vec<String>,
    /// The latest revision's README.md, as Markdown.
    pub readme: Option<String>,
    pub promulgated: bool,
    pub latest_revision: u32,
    /// Every revision, newest first.
    pub revisions: Vec<Revision>,
    pub created_at: String,
    pub updated_at: String,
}

/// One published revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Revision {
    /// `interface:~owner/name-N`.
    pub uri: String,
    pub owner: String,
    pub name: String,
    pub revision: u32,
    /// SHA-256 of the archive, lower-case hex; also its ETag.
    pub digest: String,
    /// Archive size in bytes.
    pub size: u64,
    pub version: Option<u32>,
    pub roles: Vec<String>,
    /// Who published it: a user name, or `admin`.
    pub publisher: String,
    pub published_at: String,
    /// Where to download the archive: a path on the index, `/v1/...`.
    pub archive_url: String,
    /// interface.yaml as published; only in `GET .../revisions/{revision}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manifest: Option<String>,
    /// README.md as published, when there is one; only in
    /// `GET .../revisions/{revision}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readme: Option<String>,
}

/// `GET /v1/interfaces/~{owner}/{name}/revisions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Revisions {
    /// Newest first.
    pub revisions: Vec<Revision>,
}

/// `POST /v1/resolve`: the URIs to resolve, in any form `iface` accepts
/// (`mysql`, `interface:mysql-2`, `interface:~bob/mysql`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ResolveRequest {
    pub uris: Vec<String>,
}

/// One result per URI asked for, in the same order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ResolveResults {
    pub results: Vec<ResolveResult>,
}

/// What one URI resolved to, or why it did not: exactly one of `revision`
/// and `error` is present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ResolveResult {
    /// The URI as it was asked for.
    pub query: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<Revision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Error>,
}

/// The answer to a publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PublishResult {
    /// `interface:~owner/name-N`.
    pub uri: String,
    /// False when the archive was identical to the latest revision, which is
    /// answered again instead of storing a duplicate.
    pub created: bool,
    pub revision: Revision,
}

/// `POST /v1/users`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CreateUser {
    /// The user name, which is also their namespace (`~name`).
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct User {
    pub name: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Users {
    pub users: Vec<User>,
}

/// `POST /v1/users/{user}/tokens`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
pub struct CreateToken {
    /// A note to tell tokens apart, e.g. `laptop` or `ci`.
    #[serde(default)]
    pub label: Option<String>,
}

/// A token's metadata. The secret itself is shown once, at creation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Token {
    pub id: i64,
    pub user: String,
    pub label: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
}

/// A freshly created token, with its secret. The index keeps only a hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct NewToken {
    /// The bearer token to send as `Authorization: Bearer ...`.
    pub token: String,
    #[serde(flatten)]
    pub info: Token,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Tokens {
    pub tokens: Vec<Token>,
}

/// `GET /v1/whoami`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct WhoAmI {
    /// The token's user; absent for the admin token.
    pub user: Option<String>,
    pub admin: bool,
}

/// Index users who may publish an interface besides its owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Maintainers {
    /// `interface:~owner/name`.
    pub interface: String,
    pub owner: String,
    pub maintainers: Vec<String>,
}

/// `PUT /v1/promulgations/{name}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Promulgate {
    /// The owner whose interface the bare name will stand for.
    pub owner: String,
}

/// The bare name `interface:NAME` stands for `interface:~owner/NAME`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Promulgation {
    pub name: String,
    pub owner: String,
    /// `interface:~owner/name`.
    pub uri: String,
    /// The owner it stood for before, when this replaced another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_owner: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Promulgations {
    pub promulgations: Vec<Promulgation>,
}

/// `GET /healthz`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Health {
    /// `ok`.
    pub status: String,
}

/// A Unix timestamp (seconds) as RFC 3339 in UTC, e.g. `2024-05-01T12:00:00Z`.
pub fn rfc3339(secs: i64) -> String {
    // Days to civil date: Howard Hinnant's algorithm, valid for any date in
    // the proleptic Gregorian calendar.
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_matches_known_dates() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_714_564_800), "2024-05-01T12:00:00Z");
        assert_eq!(rfc3339(4_102_444_799), "2099-12-31T23:59:59Z");
    }

    #[test]
    fn error_body_has_the_documented_shape() {
        let body = ErrorBody {
            error: Error::new(ErrorCode::NotFound, "no interface interface:~a/b"),
        };
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            serde_json::json!({"error": {"message": "no interface interface:~a/b", "code": "not-found"}})
        );
    }
}
