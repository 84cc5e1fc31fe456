//! REST API version 1, mounted at `/v1`.
//!
//! Paths are nouns; an interface is addressed as `/v1/interfaces/~OWNER/NAME`
//! (the `~` as in URIs, so the path reads like the URI it stands for).
//! Bulk where it matters: one `resolve` takes many URIs and answers one result
//! per URI, each with its own error.
//!
//! A `/v2` would be a sibling module with its own router and OpenAPI
//! document, reusing these handlers where nothing changed.

use axum::Router;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, put};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::AppState;
use super::error::ApiError;
use crate::store::{InterfaceRecord, RevisionRecord, TokenRecord, UserRecord};
use crate::uri;
use crate::wire::{self, rfc3339};

pub mod access;
pub mod interfaces;

/// The v1 routes, relative to `/v1`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi_json))
        .route("/interfaces", get(interfaces::list))
        .route("/search", get(interfaces::search))
        .route(
            "/resolve",
            get(interfaces::resolve_get).post(interfaces::resolve_post),
        )
        .route("/interfaces/{name}", get(interfaces::get_promulgated))
        .route("/interfaces/{owner}/{name}", get(interfaces::get_interface))
        .route(
            "/interfaces/{owner}/{name}/revisions",
            get(interfaces::list_revisions).post(interfaces::publish),
        )
        .route(
            "/interfaces/{owner}/{name}/revisions/{revision}",
            get(interfaces::get_revision),
        )
        .route(
            "/interfaces/{owner}/{name}/revisions/{revision}/archive",
            get(interfaces::get_archive),
        )
        .route(
            "/interfaces/{owner}/{name}/maintainers",
            get(access::list_maintainers),
        )
        .route(
            "/interfaces/{owner}/{name}/maintainers/{user}",
            put(access::grant_maintainer).delete(access::revoke_maintainer),
        )
        .route("/promulgations", get(access::list_promulgations))
        .route(
            "/promulgations/{name}",
            put(access::promulgate).delete(access::unpromulgate),
        )
        .route("/users", get(access::list_users).post(access::create_user))
        .route(
            "/users/{user}/tokens",
            get(access::list_tokens).post(access::create_token),
        )
        .route("/users/{user}/tokens/{id}", delete(access::revoke_token))
        .route("/whoami", get(access::whoami))
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "iface index",
        description = "The shared index of Juju relation interfaces. Reads are anonymous; \
            writes need `Authorization: Bearer TOKEN`. Errors are \
            `{\"error\": {\"message\": ..., \"code\": ...}}` with a stable code.",
        license(name = "Apache-2.0"),
    ),
    paths(
        openapi_json,
        interfaces::list,
        interfaces::search,
        interfaces::resolve_get,
        interfaces::resolve_post,
        interfaces::get_promulgated,
        interfaces::get_interface,
        interfaces::list_revisions,
        interfaces::publish,
        interfaces::get_revision,
        interfaces::get_archive,
        access::list_maintainers,
        access::grant_maintainer,
        access::revoke_maintainer,
        access::list_promulgations,
        access::promulgate,
        access::unpromulgate,
        access::list_users,
        access::create_user,
        access::list_tokens,
        access::create_token,
        access::revoke_token,
        access::whoami,
        health_doc,
    ),
    components(schemas(wire::ErrorBody, wire::Error, crate::error::ErrorCode)),
    modifiers(&BearerAuth),
    tags(
        (name = "interfaces", description = "Find, resolve, download and publish interfaces"),
        (name = "access", description = "Users, tokens, maintainers and promulgation"),
        (name = "meta", description = "The service itself"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

// `/healthz` lives outside `/v1` (load balancers probe it whatever the API
// version) but belongs in the document; this item only carries its docs.
/// Is the service up and its store answering?
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "meta",
    responses(
        (status = 200, description = "The service and its store answer", body = wire::Health),
        (status = 503, description = "The store does not answer", body = wire::ErrorBody),
    )
)]
#[allow(dead_code)]
fn health_doc() {}

/// The OpenAPI document of this API version.
#[utoipa::path(
    get,
    path = "/v1/openapi.json",
    tag = "meta",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json"))
)]
pub async fn openapi_json(headers: HeaderMap) -> Response {
    static DOC: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
        ApiDoc::openapi()
            .to_pretty_json()
            .expect("the OpenAPI document serialises")
            .into_bytes()
    });
    super::http::with_etag(&headers, "application/json", DOC.clone()).into_response()
}

// ---------------------------------------------------------------------------
// Path segments and conversions shared by the handlers.

/// `~owner` from a path segment, validated.
pub fn owner_segment(segment: &str) -> Result<String, ApiError> {
    let owner = segment.strip_prefix('~').ok_or_else(|| {
        ApiError::invalid(format!(
            "the owner in the path must start with `~` (`~{segment}`), as in interface URIs"
        ))
    })?;
    uri::validate_owner(owner).map_err(|err| ApiError::invalid(err.to_string()))?;
    Ok(owner.to_owned())
}

/// An interface name from a path segment, validated.
pub fn name_segment(segment: &str) -> Result<String, ApiError> {
    uri::validate_name(segment).map_err(|err| ApiError::invalid(err.to_string()))?;
    Ok(segment.to_owned())
}

/// A user name from a path segment; the `~` is optional there.
pub fn user_segment(segment: &str) -> Result<String, ApiError> {
    let user = segment.strip_prefix('~').unwrap_or(segment);
    uri::validate_owner(user)
        .map_err(|err| ApiError::invalid(format!("invalid user name: {}", err.reason)))?;
    Ok(user.to_owned())
}

pub fn interface_uri(owner: &str, name: &str) -> String {
    format!("{}~{owner}/{name}", uri::PREFIX)
}

/// Where a revision's archive is served, as a path on the index.
pub fn archive_url(owner: &str, name: &str, revision: u32) -> String {
    format!("/v1/interfaces/~{owner}/{name}/revisions/{revision}/archive")
}

pub fn revision_doc(record: &RevisionRecord) -> wire::Revision {
    wire::Revision {
        uri: record.uri().to_string(),
        owner: record.owner.clone(),
        name: record.name.clone(),
        revision: record.revision,
        digest: record.digest.clone(),
        size: record.size,
        version: record.version,
        roles: record.roles.clone(),
        publisher: record.publisher.clone(),
        published_at: rfc3339(record.published_at),
        archive_url: archive_url(&record.owner, &record.name, record.revision),
        manifest: None,
        readme: None,
    }
}

/// A revision with the manifest and README it was published with, as
/// `GET .../revisions/{revision}` answers.
pub fn revision_doc_in_full(
    record: &RevisionRecord,
    content: Option<crate::store::RevisionContent>,
) -> wire::Revision {
    let (manifest, readme) = content.map_or((None, None), |c| (Some(c.manifest), c.readme));
    wire::Revision {
        manifest,
        readme,
        ..revision_doc(record)
    }
}

pub fn summary_doc(record: &InterfaceRecord) -> wire::InterfaceSummary {
    wire::InterfaceSummary {
        uri: interface_uri(&record.owner, &record.name),
        owner: record.owner.clone(),
        name: record.name.clone(),
        summary: record.summary.clone(),
        category: record.category.clone(),
        version: record.version,
        latest_revision: record.latest_revision,
        promulgated: record.promulgated,
        updated_at: rfc3339(record.updated_at),
    }
}

/// `readme`: the latest revision's (the first of `revisions`).
pub fn interface_doc(
    record: &InterfaceRecord,
    revisions: &[RevisionRecord],
    readme: Option<String>,
) -> wire::Interface {
    // The revision list was read after the interface row; if a publish
    // landed in between, the list is the newer truth for what is latest.
    let latest = revisions.first();
    wire::Interface {
        uri: interface_uri(&record.owner, &record.name),
        owner: record.owner.clone(),
        name: record.name.clone(),
        summary: record.summary.clone(),
        description: record.description.clone(),
        category: record.category.clone(),
        version: record.version,
        maintainers: record.maintainers.clone(),
        maintainer_users: record.maintainer_users.clone(),
        roles: latest.map_or_else(|| record.roles.clone(), |r| r.roles.clone()),
        readme,
        promulgated: record.promulgated,
        latest_revision: latest.map_or(record.latest_revision, |r| r.revision),
        revisions: revisions.iter().map(revision_doc).collect(),
        created_at: rfc3339(record.created_at),
        updated_at: rfc3339(record.updated_at),
    }
}

/// Reads an interface, its revisions and its latest README; 404 when there
/// is no such interface. Blocking.
pub fn load_interface(
    store: &dyn crate::store::Store,
    owner: &str,
    name: &str,
) -> Result<wire::Interface, ApiError> {
    let missing = || ApiError::not_found(format!("no interface interface:~{owner}/{name}"));
    let record = store.interface(owner, name)?.ok_or_else(missing)?;
    let revisions = store.revisions(owner, name)?.ok_or_else(missing)?;
    let readme = match revisions.first() {
        Some(latest) => store
            .revision_content(owner, name, latest.revision)?
            .and_then(|content| content.readme),
        None => None,
    };
    Ok(interface_doc(&record, &revisions, readme))
}

pub fn user_doc(record: &UserRecord) -> wire::User {
    wire::User {
        name: record.name.clone(),
        created_at: rfc3339(record.created_at),
    }
}

pub fn token_doc(record: &TokenRecord) -> wire::Token {
    wire::Token {
        id: record.id,
        user: record.user.clone(),
        label: record.label.clone(),
        created_at: rfc3339(record.created_at),
        last_used_at: record.last_used_at.map(rfc3339),
    }
}
