//! The `Interfaces` facade: find, show, resolve and watch interfaces.
//!
//! Version 1 answers exactly what REST `/v1` answers, by calling the same
//! handlers and helpers (so a rule changed there holds here too). Version 2
//! is version 1 with `Resolve` extended to carry each revision's schema
//! summary: [`v2`] starts from [`v1`] and replaces that one method, whose
//! new body calls the version 1 body and adds to its results.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::params::{
    Entities, InterfaceResult, InterfaceResults, ResolveResultV2, ResolveResultsV2, SchemaField,
    SchemaSummary,
};
use super::{Connection, Facade, RpcError, blocking, watcher};
use crate::error::ErrorCode;
use crate::server::error::{ApiError, Json, Query};
use crate::server::v1::{self, interfaces as rest};
use crate::store;
use crate::uri::InterfaceUri;
use crate::wire;

/// `Interfaces` version 1.
pub fn v1() -> Facade {
    Facade::new()
        .method("List", |conn: Arc<Connection>, _: String, args| {
            list(conn, args)
        })
        .method("Search", |conn: Arc<Connection>, _: String, args| {
            search(conn, args)
        })
        .method("Info", |conn: Arc<Connection>, _: String, args| {
            info(conn, args)
        })
        .method("Resolve", |conn: Arc<Connection>, _: String, args| {
            resolve(conn, args)
        })
        .method(
            "WatchRevisions",
            |conn: Arc<Connection>, _: String, args| watcher::watch_revisions(conn, args),
        )
}

/// `Interfaces` version 2: version 1, with `Resolve` answering
/// [`ResolveResultsV2`].
pub fn v2() -> Facade {
    v1().method("Resolve", |conn: Arc<Connection>, _: String, args| {
        resolve_v2(conn, args)
    })
}

/// A page of interfaces; params as `GET /v1/interfaces` takes them
/// (`owner`, `category`, `sort`, `limit`, `offset`).
async fn list(conn: Arc<Connection>, args: rest::ListParams) -> Result<wire::Interfaces, RpcError> {
    let response = rest::list(State(conn.state.clone()), Query(args), HeaderMap::new()).await?;
    document(response).await
}

/// Full-text search; params as `GET /v1/search` takes them (`q`, `limit`,
/// `offset`).
async fn search(
    conn: Arc<Connection>,
    args: rest::SearchParams,
) -> Result<wire::Interfaces, RpcError> {
    let response = rest::search(State(conn.state.clone()), Query(args), HeaderMap::new()).await?;
    document(response).await
}

/// The REST handlers answer documents as HTTP responses (with ETags for
/// HTTP caches); this reads one back as the value it encodes.
pub(super) async fn document<T: DeserializeOwned>(response: Response) -> Result<T, RpcError> {
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .map_err(|err| ApiError::internal("read an answer", &err))?;
    if status != StatusCode::OK {
        // Handlers answer errors as Err, so this is a bug; say what it was.
        let text = String::from_utf8_lossy(&bytes);
        return Err(ApiError::internal("answer", &format!("status {status}: {text}")).into());
    }
    serde_json::from_slice(&bytes)
        .map_err(|err| ApiError::internal("decode an answer", &err).into())
}

/// Each interface in full, as `GET /v1/interfaces/~owner/name` answers it.
/// A bare name stands for the promulgated interface; a revision in the URI
/// is ignored (the answer lists every revision).
async fn info(conn: Arc<Connection>, args: Entities) -> Result<InterfaceResults, RpcError> {
    check_count(args.entities.len())?;
    blocking(&conn, move |store| {
        let mut results = Vec::with_capacity(args.entities.len());
        for entity in args.entities {
            let query = entity.uri;
            let outcome = match InterfaceUri::parse(query.trim()) {
                Err(err) => Err(ApiError::invalid(err.to_string())),
                Ok(uri) => match store::resolve_owner(store, &uri) {
                    Err(err) => Err(ApiError::from(err)),
                    Ok(owner) => v1::load_interface(store, &owner, &uri.name),
                },
            };
            results.push(match outcome {
                Ok(interface) => InterfaceResult {
                    query,
                    interface: Some(interface),
                    error: None,
                },
                // The store failing is the server's failure, not this URI's.
                Err(err) if err.error.code == ErrorCode::Failed => return Err(err),
                Err(err) => InterfaceResult {
                    query,
                    interface: None,
                    error: Some(err.error),
                },
            });
        }
        Ok(InterfaceResults { results })
    })
    .await
}

fn check_count(count: usize) -> Result<(), RpcError> {
    if count == 0 {
        return Err(RpcError::coded(
            ErrorCode::Invalid,
            "no entities: give {\"entities\": [{\"uri\": ...}]}",
        ));
    }
    if count > rest::MAX_RESOLVE {
        return Err(RpcError::coded(
            ErrorCode::Invalid,
            format!(
                "{count} entities in one request; at most {}",
                rest::MAX_RESOLVE
            ),
        ));
    }
    Ok(())
}

/// One result per URI, as `POST /v1/resolve` answers.
async fn resolve(conn: Arc<Connection>, args: Entities) -> Result<wire::ResolveResults, RpcError> {
    let uris = args.entities.into_iter().map(|e| e.uri).collect();
    let Json(results) = rest::resolve_post(
        State(conn.state.clone()),
        Json(wire::ResolveRequest { uris }),
    )
    .await?;
    Ok(results)
}

/// Version 2: the version 1 results, each resolved revision with the
/// summary of its relation data schemas.
async fn resolve_v2(conn: Arc<Connection>, args: Entities) -> Result<ResolveResultsV2, RpcError> {
    let resolved = resolve(Arc::clone(&conn), args).await?;
    blocking(&conn, move |store| {
        let mut results = Vec::with_capacity(resolved.results.len());
        for result in resolved.results {
            let schemas = match &result.revision {
                None => None,
                Some(revision) => {
                    let content = store.revision_content(
                        &revision.owner,
                        &revision.name,
                        revision.revision,
                    )?;
                    Some(content.map_or_else(Vec::new, |c| summarise(&c.schemas)))
                }
            };
            results.push(ResolveResultV2 { result, schemas });
        }
        Ok(ResolveResultsV2 { results })
    })
    .await
}

/// The fields of each databag in each schema file, sorted by file.
pub fn summarise(files: &[(String, String)]) -> Vec<SchemaSummary> {
    let set = crate::schema::parse_files(files);
    set.files
        .iter()
        .map(|(file, schema)| SchemaSummary {
            file: file.clone(),
            app: fields(&schema["properties"]["app"]),
            unit: fields(&schema["properties"]["unit"]),
        })
        .collect()
}

fn fields(databag: &Value) -> Vec<SchemaField> {
    let required: Vec<&str> = databag["required"]
        .as_array()
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let Some(properties) = databag["properties"].as_object() else {
        return Vec::new();
    };
    properties
        .iter()
        .map(|(name, field)| SchemaField {
            name: name.clone(),
            r#type: match &field["type"] {
                Value::String(t) => Some(t.clone()),
                Value::Array(types) => Some(
                    types
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join("|"),
                ),
                _ => None,
            },
            required: required.contains(&name.as_str()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_list_each_databag_field() {
        let schema = serde_json::json!({
            "type": "object",
            "properties": {
                "app": {"type": "object", "required": ["host"], "properties": {
                    "host": {"type": "string"},
                    "port": {"type": ["integer", "null"]},
                }},
                "unit": {"type": "object", "properties": {"ip": {"format": "ipv4"}}},
            }
        });
        let summary = summarise(&[
            ("provider.json".into(), schema.to_string()),
            ("broken.json".into(), "{not json".into()),
        ]);
        assert_eq!(summary.len(), 1);
        assert_eq!(summary[0].file, "provider.json");
        let app: Vec<(&str, Option<&str>, bool)> = summary[0]
            .app
            .iter()
            .map(|f| (f.name.as_str(), f.r#type.as_deref(), f.required))
            .collect();
        assert_eq!(
            app,
            [
                ("host", Some("string"), true),
                ("port", Some("integer|null"), false)
            ]
        );
        assert_eq!(summary[0].unit[0].name, "ip");
        assert_eq!(summary[0].unit[0].r#type, None);
    }
}
