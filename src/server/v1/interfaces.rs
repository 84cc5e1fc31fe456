//! Interfaces: list, search, show, resolve, download, publish.

use std::future::poll_fn;
use std::pin::Pin;
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::{
    load_interface, name_segment, owner_segment, revision_doc, revision_doc_in_full, summary_doc,
};
use crate::archive::{self, ArchiveError, MAX_PACKED_BYTES};
use crate::check;
use crate::error::ErrorCode;
use crate::server::AppState;
use crate::server::archive_cache::Cached;
use crate::server::auth::{self, Principal};
use crate::server::error::{ApiError, Json, Path, Query};
use crate::server::http::{IMMUTABLE, json_document, none_match};
use crate::store::{self, ListOrder, ListQuery, NewRevision, SearchQuery, Store};
use crate::uri::InterfaceUri;
use crate::wire;

/// Page size when none is asked for, and the most one page may hold.
pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 500;
/// Most URIs one resolve request may carry.
pub const MAX_RESOLVE: usize = 1000;
/// How long a refused upload's body is read and discarded, so the client
/// sees the refusal instead of a reset connection.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, Copy, Default, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// By name, then owner (stable for paging).
    #[default]
    Name,
    /// Promulgated first, then most recently updated.
    Recent,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Only interfaces in this namespace (without `~`).
    owner: Option<String>,
    /// Only interfaces in this category.
    category: Option<String>,
    /// Order of the list.
    #[param(inline)]
    sort: Option<Sort>,
    /// Page size, 1 to 500 (default 50).
    limit: Option<u32>,
    /// How many to skip.
    offset: Option<u64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words to look for in name, summary, description, category and
    /// maintainers; every word must match (as a prefix).
    q: String,
    /// Page size, 1 to 500 (default 50).
    limit: Option<u32>,
    /// How many to skip.
    offset: Option<u64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResolveParams {
    /// Comma-separated URIs, e.g. `mysql,interface:~bob/http-3`.
    uris: String,
}

fn limit(limit: Option<u32>) -> Result<u32, ApiError> {
    match limit {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(n) => Err(ApiError::invalid(format!(
            "limit must be between 1 and {MAX_LIMIT}, not {n}"
        ))),
    }
}

fn page(records: store::Page<store::InterfaceRecord>, offset: u64, limit: u32) -> wire::Interfaces {
    wire::Interfaces {
        interfaces: records.items.iter().map(summary_doc).collect(),
        total: records.total,
        offset,
        limit,
    }
}

/// List interfaces, a page at a time.
#[utoipa::path(
    get,
    path = "/v1/interfaces",
    tag = "interfaces",
    params(ListParams),
    responses(
        (status = 200, description = "A page of interfaces", body = wire::Interfaces,
            headers(("ETag" = String, description = "Changes when the page does"))),
        (status = 304, description = "Not modified since the ETag sent in If-None-Match"),
        (status = 400, description = "A bad parameter", body = wire::ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Query(params): Query<ListParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let limit = limit(params.limit)?;
    if let Some(owner) = &params.owner {
        crate::uri::validate_owner(owner.trim_start_matches('~'))
            .map_err(|err| ApiError::invalid(err.to_string()))?;
    }
    let query = ListQuery {
        owner: params.owner.map(|o| o.trim_start_matches('~').to_owned()),
        category: params.category,
        order: match params.sort.unwrap_or_default() {
            Sort::Name => ListOrder::Name,
            Sort::Recent => ListOrder::Recent,
        },
        limit,
        offset: params.offset.unwrap_or(0),
    };
    let offset = query.offset;
    let records = state.blocking(move |store| Ok(store.list(&query)?)).await?;
    Ok(json_document(&headers, &page(records, offset, limit)))
}

/// Full-text search, best match first.
#[utoipa::path(
    get,
    path = "/v1/search",
    tag = "interfaces",
    params(SearchParams),
    responses(
        (status = 200, description = "Matching interfaces, best first", body = wire::Interfaces,
            headers(("ETag" = String, description = "Changes when the results do"))),
        (status = 400, description = "An empty query or a bad parameter", body = wire::ErrorBody),
    )
)]
pub async fn search(
    State(state): State<AppState>,
    Query(params): Query<SearchParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let limit = limit(params.limit)?;
    if params.q.trim().is_empty() {
        return Err(ApiError::invalid("the search query `q` is empty"));
    }
    let query = SearchQuery {
        text: params.q,
        limit,
        offset: params.offset.unwrap_or(0),
    };
    let offset = query.offset;
    let records = state
        .blocking(move |store| Ok(store.search(&query)?))
        .await?;
    Ok(json_document(&headers, &page(records, offset, limit)))
}

/// One interface: its revisions, maintainers, roles, README, promulgation.
#[utoipa::path(
    get,
    path = "/v1/interfaces/~{owner}/{name}",
    tag = "interfaces",
    params(
        ("owner" = String, Path, description = "The namespace, written with its `~`"),
        ("name" = String, Path, description = "The interface name"),
    ),
    responses(
        (status = 200, description = "The interface", body = wire::Interface,
            headers(("ETag" = String, description = "Changes when the interface does"))),
        (status = 304, description = "Not modified since the ETag sent in If-None-Match"),
        (status = 400, description = "An invalid owner or name", body = wire::ErrorBody),
        (status = 404, description = "No such interface (code not-found)", body = wire::ErrorBody),
    )
)]
pub async fn get_interface(
    State(state): State<AppState>,
    Path((owner, name)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let owner = owner_segment(&owner)?;
    let name = name_segment(&name)?;
    let doc = state
        .blocking(move |store| load_interface(store, &owner, &name))
        .await?;
    Ok(json_document(&headers, &doc))
}

/// The promulgated interface a bare name stands for.
#[utoipa::path(
    get,
    path = "/v1/interfaces/{name}",
    tag = "interfaces",
    params(("name" = String, Path, description = "A bare interface name")),
    responses(
        (status = 200, description = "The promulgated interface", body = wire::Interface),
        (status = 404, description = "No interface by that name (not-found), or nobody \
            promulgated it (ambiguous, with candidates)", body = wire::ErrorBody),
    )
)]
pub async fn get_promulgated(
    State(state): State<AppState>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let name = name_segment(&name)?;
    let doc = state
        .blocking(move |store| {
            let uri = InterfaceUri {
                owner: None,
                name: name.clone(),
                revision: None,
            };
            let owner = store::resolve_owner(store, &uri)?;
            load_interface(store, &owner, &name)
        })
        .await?;
    Ok(json_document(&headers, &doc))
}

/// Every revision of an interface, newest first.
#[utoipa::path(
    get,
    path = "/v1/interfaces/~{owner}/{name}/revisions",
    tag = "interfaces",
    params(
        ("owner" = String, Path, description = "The namespace, written with its `~`"),
        ("name" = String, Path, description = "The interface name"),
    ),
    responses(
        (status = 200, description = "Revisions, newest first", body = wire::Revisions),
        (status = 404, description = "No such interface", body = wire::ErrorBody),
    )
)]
pub async fn list_revisions(
    State(state): State<AppState>,
    Path((owner, name)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let owner = owner_segment(&owner)?;
    let name = name_segment(&name)?;
    let doc = state
        .blocking(move |store| {
            let revisions = store.revisions(&owner, &name)?.ok_or_else(|| {
                ApiError::not_found(format!("no interface interface:~{owner}/{name}"))
            })?;
            Ok(wire::Revisions {
                revisions: revisions.iter().map(revision_doc).collect(),
            })
        })
        .await?;
    Ok(json_document(&headers, &doc))
}

/// Looks up one revision, with a message naming what is missing.
fn find_revision(
    store: &dyn Store,
    owner: &str,
    name: &str,
    revision: u32,
) -> Result<store::RevisionRecord, ApiError> {
    let uri = InterfaceUri {
        owner: Some(owner.to_owned()),
        name: name.to_owned(),
        revision: Some(revision),
    };
    Ok(store::resolve(store, &uri)?)
}

/// One revision, with its interface.yaml as published.
#[utoipa::path(
    get,
    path = "/v1/interfaces/~{owner}/{name}/revisions/{revision}",
    tag = "interfaces",
    params(
        ("owner" = String, Path, description = "The namespace, written with its `~`"),
        ("name" = String, Path, description = "The interface name"),
        ("revision" = u32, Path, description = "The revision number"),
    ),
    responses(
        (status = 200, description = "The revision", body = wire::Revision),
        (status = 404, description = "No such interface or revision", body = wire::ErrorBody),
    )
)]
pub async fn get_revision(
    State(state): State<AppState>,
    Path((owner, name, revision)): Path<(String, String, u32)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let owner = owner_segment(&owner)?;
    let name = name_segment(&name)?;
    let doc = state
        .blocking(move |store| {
            let record = find_revision(store, &owner, &name, revision)?;
            let content = store.revision_content(&owner, &name, revision)?;
            Ok(revision_doc_in_full(&record, content))
        })
        .await?;
    Ok(json_document(&headers, &doc))
}

/// The archive bytes as OpenAPI sees them.
pub struct GzipArchive;

impl utoipa::PartialSchema for GzipArchive {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, SchemaType, Type};
        ObjectBuilder::new()
            .schema_type(SchemaType::new(Type::String))
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .description(Some("A .tar.gz built by `iface pack`"))
            .into()
    }
}

impl utoipa::ToSchema for GzipArchive {}

/// Download a revision's archive. Immutable: cache it forever.
#[utoipa::path(
    get,
    path = "/v1/interfaces/~{owner}/{name}/revisions/{revision}/archive",
    tag = "interfaces",
    params(
        ("owner" = String, Path, description = "The namespace, written with its `~`"),
        ("name" = String, Path, description = "The interface name"),
        ("revision" = u32, Path, description = "The revision number"),
    ),
    responses(
        (status = 200, description = "The archive", content_type = "application/gzip",
            body = GzipArchive,
            headers(
                ("ETag" = String, description = "The archive's SHA-256 in quotes"),
                ("Cache-Control" = String, description = "public, max-age=31536000, immutable"),
            )),
        (status = 304, description = "The client has it (If-None-Match)"),
        (status = 404, description = "No such interface or revision", body = wire::ErrorBody),
    )
)]
pub async fn get_archive(
    State(state): State<AppState>,
    Path((owner, name, revision)): Path<(String, String, u32)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let owner = owner_segment(&owner)?;
    let name = name_segment(&name)?;
    if let Some(cached) = state.archives().get(&owner, &name, revision) {
        return Ok(archive_response(&headers, &name, revision, cached));
    }
    let if_none_match = headers.clone();
    let found = state
        .blocking({
            let (owner, name) = (owner.clone(), name.clone());
            move |store| {
                let record = find_revision(store, &owner, &name, revision)?;
                let etag = format!("\"{}\"", record.digest);
                if none_match(&if_none_match, &etag) {
                    return Ok((record.digest, None));
                }
                let bytes = store.archive(&record.digest)?.ok_or_else(|| {
                    ApiError::internal(
                        "find a listed archive",
                        &format!("archive {} is listed but not stored", record.digest),
                    )
                })?;
                Ok((record.digest, Some(bytes)))
            }
        })
        .await?;
    let cached = match found {
        (digest, None) => Cached {
            digest,
            bytes: Bytes::new(),
        },
        (digest, Some(bytes)) => {
            let cached = Cached {
                digest,
                bytes: Bytes::from(bytes),
            };
            state
                .archives()
                .insert(&owner, &name, revision, cached.clone());
            cached
        }
    };
    Ok(archive_response(&headers, &name, revision, cached))
}

/// The archive, or 304 when the client's If-None-Match names its digest.
fn archive_response(headers: &HeaderMap, name: &str, revision: u32, archive: Cached) -> Response {
    let etag = format!("\"{}\"", archive.digest);
    let etag_value = HeaderValue::from_str(&etag).expect("a hex digest is a valid header");
    if none_match(headers, &etag) {
        return (
            StatusCode::NOT_MODIFIED,
            [
                (header::ETAG, etag_value),
                (header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE)),
            ],
        )
            .into_response();
    }
    let disposition = format!("attachment; filename=\"{name}-{revision}.tar.gz\"");
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/gzip"),
            ),
            (header::ETAG, etag_value),
            (header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).expect("names are header-safe"),
            ),
        ],
        Body::from(archive.bytes),
    )
        .into_response()
}

fn resolve_all(store: &dyn Store, uris: Vec<String>) -> Result<wire::ResolveResults, ApiError> {
    Ok(wire::ResolveResults {
        results: resolve_queries(store, uris)?,
    })
}

/// The answers of `/v1/resolve`, one per query, in order; local index
/// directories answer through it too. Each URI is answered on its own, so
/// one bad URI never fails the others, but the store is asked once for all
/// of them. A store failure is the index's, not a URI's, so it fails the
/// whole request rather than blame a URI.
pub fn resolve_queries(
    store: &dyn Store,
    queries: Vec<String>,
) -> Result<Vec<wire::ResolveResult>, store::StoreError> {
    let parsed: Vec<Result<InterfaceUri, _>> = queries
        .iter()
        .map(|query| InterfaceUri::parse(query.trim()))
        .collect();
    let valid: Vec<InterfaceUri> = parsed
        .iter()
        .filter_map(|p| p.as_ref().ok())
        .cloned()
        .collect();
    let mut resolved = store::resolve_many(store, &valid)?.into_iter();
    Ok(queries
        .into_iter()
        .zip(parsed)
        .map(|(query, parsed)| {
            let outcome = match parsed {
                Err(err) => Err(wire::Error::new(ErrorCode::Invalid, err.to_string())),
                Ok(_) => match resolved.next().expect("one answer per valid URI") {
                    Ok(record) => Ok(revision_doc(&record)),
                    Err(err) => Err(ApiError::from(err).error),
                },
            };
            match outcome {
                Ok(revision) => wire::ResolveResult {
                    query,
                    revision: Some(revision),
                    error: None,
                },
                Err(error) => wire::ResolveResult {
                    query,
                    revision: None,
                    error: Some(error),
                },
            }
        })
        .collect())
}

fn check_resolve_count(count: usize) -> Result<(), ApiError> {
    if count == 0 {
        return Err(ApiError::invalid("no URIs to resolve"));
    }
    if count > MAX_RESOLVE {
        return Err(ApiError::invalid(format!(
            "{count} URIs in one resolve; at most {MAX_RESOLVE}"
        )));
    }
    Ok(())
}

/// Resolve many URIs at once, cacheably: `?uris=a,b,c`.
#[utoipa::path(
    get,
    path = "/v1/resolve",
    tag = "interfaces",
    params(ResolveParams),
    responses(
        (status = 200, description = "One result per URI, in order, each with a revision or \
            an error (not-found, ambiguous with candidates, invalid)", body = wire::ResolveResults,
            headers(("ETag" = String, description = "Changes when any result does"))),
        (status = 304, description = "Not modified since the ETag sent in If-None-Match"),
        (status = 400, description = "No URIs, or too many", body = wire::ErrorBody),
    )
)]
pub async fn resolve_get(
    State(state): State<AppState>,
    Query(params): Query<ResolveParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let uris: Vec<String> = params
        .uris
        .split(',')
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_owned)
        .collect();
    check_resolve_count(uris.len())?;
    let results = state
        .blocking(move |store| resolve_all(store, uris))
        .await?;
    Ok(json_document(&headers, &results))
}

/// Resolve many URIs at once.
#[utoipa::path(
    post,
    path = "/v1/resolve",
    tag = "interfaces",
    request_body = wire::ResolveRequest,
    responses(
        (status = 200, description = "One result per URI, in order, each with a revision or \
            an error (not-found, ambiguous with candidates, invalid)", body = wire::ResolveResults),
        (status = 400, description = "No URIs, too many, or a malformed body", body = wire::ErrorBody),
    )
)]
pub async fn resolve_post(
    State(state): State<AppState>,
    Json(request): Json<wire::ResolveRequest>,
) -> Result<Json<wire::ResolveResults>, ApiError> {
    check_resolve_count(request.uris.len())?;
    let uris = request.uris;
    Ok(Json(
        state
            .blocking(move |store| resolve_all(store, uris))
            .await?,
    ))
}

/// Reads and throws away what is left of a refused upload (up to the size
/// limit, for a bounded time). Answering before the body is read would make
/// the server close a connection with unread data, which the client sees as
/// a reset instead of the refusal.
async fn drain(mut body: Body) {
    let work = async {
        let mut seen: u64 = 0;
        while let Some(Ok(frame)) = poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
            seen += frame.data_ref().map_or(0, |d| d.len() as u64);
            if seen > MAX_PACKED_BYTES {
                break;
            }
        }
    };
    let _ = tokio::time::timeout(DRAIN_TIMEOUT, work).await;
}

fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
}

/// Reads a body of at most `limit` bytes; stops reading as soon as it is
/// over, so an endless upload costs at most one frame past the limit.
async fn read_limited(mut body: Body, limit: u64) -> Result<Vec<u8>, ApiError> {
    let mut bytes = Vec::new();
    while let Some(frame) = poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let frame =
            frame.map_err(|err| ApiError::invalid(format!("could not read the upload: {err}")))?;
        if let Some(data) = frame.data_ref() {
            if bytes.len() as u64 + data.len() as u64 > limit {
                return Err(too_large(None));
            }
            bytes.extend_from_slice(data);
        }
    }
    Ok(bytes)
}

fn too_large(size: Option<u64>) -> ApiError {
    let limit = MAX_PACKED_BYTES >> 20;
    match size {
        Some(size) => ApiError::too_large(format!(
            "the archive is {size} bytes, over the limit of {limit} MiB"
        )),
        None => ApiError::too_large(format!("the archive is over the limit of {limit} MiB")),
    }
}

/// Publish a new revision: the body is the archive from `iface pack`.
#[utoipa::path(
    post,
    path = "/v1/interfaces/~{owner}/{name}/revisions",
    tag = "interfaces",
    params(
        ("owner" = String, Path, description = "The namespace, written with its `~`"),
        ("name" = String, Path, description = "The interface name; must equal `name` in interface.yaml"),
    ),
    request_body(content = GzipArchive, content_type = "application/gzip",
        description = "The archive, at most 10 MiB"),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Published as the next revision", body = wire::PublishResult,
            headers(("Location" = String, description = "The new revision"))),
        (status = 200, description = "Identical to the latest revision, which is answered",
            body = wire::PublishResult),
        (status = 400, description = "The archive fails the unpack rules or `iface check` \
            (every reason in details), or names another interface", body = wire::ErrorBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = wire::ErrorBody),
        (status = 403, description = "The token's user may not publish here", body = wire::ErrorBody),
        (status = 404, description = "The owner is not a user of this index", body = wire::ErrorBody),
        (status = 413, description = "Over 10 MiB packed, or over the unpacked limits",
            body = wire::ErrorBody),
    )
)]
pub async fn publish(
    State(state): State<AppState>,
    Path((owner, name)): Path<(String, String)>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let declared = declared_length(&headers);
    // Refuse an over-size upload from its declared length alone, before a
    // byte of it is read. No draining here: that would read it anyway.
    if declared.is_some_and(|n| n > MAX_PACKED_BYTES) {
        return Err(too_large(declared));
    }
    let admitted = admit(&state, &headers, &owner, &name).await;
    let (caller, owner, name) = match admitted {
        Ok(admitted) => admitted,
        Err(err) => {
            drain(body).await;
            return Err(err);
        }
    };
    // The limit holds for chunked uploads too: reading stops one frame past it.
    let bytes = read_limited(body, MAX_PACKED_BYTES).await?;
    if bytes.is_empty() {
        return Err(ApiError::invalid(
            "the request body is empty; send the archive that `iface pack` builds",
        ));
    }
    let result = state
        .blocking(move |store| publish_archive(store, &caller, &owner, &name, &bytes))
        .await?;
    state.published(&result);
    let status = if result.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let location = HeaderValue::from_str(&format!(
        "/v1/interfaces/~{}/{}/revisions/{}",
        result.revision.owner, result.revision.name, result.revision.revision
    ))
    .expect("URI characters are header-safe");
    Ok((status, [(header::LOCATION, location)], Json(result)).into_response())
}

/// Authenticates and authorizes a publish before its body is read.
async fn admit(
    state: &AppState,
    headers: &HeaderMap,
    owner: &str,
    name: &str,
) -> Result<(Principal, String, String), ApiError> {
    let caller = auth::authenticate(state, headers).await?;
    let owner = owner_segment(owner)?;
    let name = name_segment(name)?;
    let checked = state
        .blocking({
            let (caller, owner, name) = (caller.clone(), owner.clone(), name.clone());
            move |store| auth::require_publisher(store, &caller, &owner, &name)
        })
        .await;
    checked.map(|()| (caller, owner, name))
}

fn refused(err: ArchiveError) -> ApiError {
    if err.is_too_large() {
        ApiError::too_large(format!("the archive was refused: {err}"))
    } else {
        ApiError::invalid(format!("the archive was refused: {err}"))
    }
}

/// Validates an upload exactly as `iface check` and the unpack rules would,
/// then stores it. Blocking.
fn publish_archive(
    store: &dyn Store,
    caller: &Principal,
    owner: &str,
    name: &str,
    bytes: &[u8],
) -> Result<wire::PublishResult, ApiError> {
    let target = format!("interface:~{owner}/{name}");
    let checked = check::check_archive(bytes).map_err(refused)?;
    if checked.report.has_errors(false) {
        let details: Vec<String> = checked
            .report
            .errors()
            .map(|f| {
                let path = if f.path.is_empty() { "." } else { &f.path };
                format!("[{}] {path}: {}", f.id, f.message)
            })
            .collect();
        return Err(ApiError::invalid(format!(
            "the archive fails {} check(s): {}",
            details.len(),
            details.join("; ")
        ))
        .with_details(details));
    }
    let (Some(manifest), Some(manifest_text)) = (&checked.manifest, &checked.manifest_text) else {
        return Err(ApiError::invalid(
            "the archive has no readable interface.yaml at its top level",
        ));
    };
    if manifest.name != name {
        return Err(ApiError::invalid(format!(
            "interface.yaml names the interface `{}`, but this upload is to {target}",
            manifest.name
        )));
    }
    let roles: Vec<String> = checked
        .roles
        .iter()
        .map(|r| r.as_str().to_owned())
        .collect();
    // Kept with the revision so that later ones compare without unpacking.
    let schemas = crate::schema::files_in_archive(bytes).map_err(refused)?;
    let digest = archive::sha256_hex(bytes);
    // The gate and the publish happen under one lock per interface, so two
    // publishes cannot both pass against the same history.
    let lock = publish_lock(owner, name);
    let _held = lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let version = manifest.version.unwrap_or(1);
    let history = crate::schema::history(store, owner, name)?;
    let breaches = crate::schema::gate(&history, version, &checked.schemas);
    if !breaches.is_empty() {
        let details = crate::schema::describe(&breaches);
        return Err(ApiError::new(
            crate::error::ErrorCode::IncompatibleChange,
            format!(
                "{target} version {version} would break charms using earlier revisions: {}; \
                 keep the old fields as they were and add new optional ones, or raise \
                 `version` in interface.yaml",
                details.join("; ")
            ),
        )
        .with_details(details));
    }
    let published = store.publish(&NewRevision {
        owner,
        name,
        archive: bytes,
        digest: &digest,
        summary: manifest.summary.as_deref(),
        description: manifest.description.as_deref(),
        category: manifest.category.as_deref(),
        version: manifest.version,
        maintainers: &manifest.maintainers,
        roles: &roles,
        manifest: manifest_text,
        readme: checked.readme.as_deref(),
        schemas: &schemas,
        publisher: caller.name(),
    })?;
    if published.created {
        tracing::info!(
            "published {} ({} bytes, sha256 {}) by {}",
            published.revision.uri(),
            published.revision.size,
            published.revision.digest,
            caller.name()
        );
    }
    Ok(wire::PublishResult {
        uri: published.revision.uri().to_string(),
        created: published.created,
        revision: revision_doc(&published.revision),
    })
}

/// One lock per interface for the gate-then-publish step.
fn publish_lock(owner: &str, name: &str) -> std::sync::Arc<std::sync::Mutex<()>> {
    use std::collections::HashMap;
    use std::sync::{Arc, LazyLock, Mutex};
    type Locks = HashMap<(String, String), Arc<Mutex<()>>>;
    static LOCKS: LazyLock<Mutex<Locks>> = LazyLock::new(Default::default);
    let mut locks = LOCKS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    locks
        .entry((owner.to_owned(), name.to_owned()))
        .or_default()
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_checked() {
        assert_eq!(limit(None).unwrap(), DEFAULT_LIMIT);
        assert_eq!(limit(Some(1)).unwrap(), 1);
        assert!(limit(Some(0)).is_err());
        assert!(limit(Some(MAX_LIMIT + 1)).is_err());
    }

    #[test]
    fn resolve_counts_are_bounded() {
        assert!(check_resolve_count(0).is_err());
        assert!(check_resolve_count(1).is_ok());
        assert!(check_resolve_count(MAX_RESOLVE + 1).is_err());
    }
}
