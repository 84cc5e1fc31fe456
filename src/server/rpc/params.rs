//! The messages of the `/api` websocket and the parameters and results of
//! its facade methods, defined once for the server and for the client
//! (`iface watch`, in `crate::watch`).
//!
//! Naming follows the Juju API: the envelope's keys are kebab-case
//! (`request-id`, `error-code`), bulk methods take `{"entities": [...]}` and
//! answer `{"results": [...]}` with one result per entity, each carrying its
//! own `error`, and types are nouns (`Entity`/`Entities`,
//! `InterfaceResult`/`InterfaceResults`). Documents that REST also serves
//! (`Interface`, `Revision`, `ResolveResult`) are the very same types as in
//! [`crate::wire`], so a revision reads the same on both APIs.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::wire;

/// One request: `{"request-id": 7, "type": "Interfaces", "version": 1,
/// "id": "", "request": "Resolve", "params": {...}}`.
///
/// `id` names the object a method acts on when the facade has several (a
/// watcher's id for `RevisionWatcher`); it is empty otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Request {
    pub request_id: u64,
    #[serde(rename = "type")]
    pub facade: String,
    pub version: u32,
    #[serde(default)]
    pub id: String,
    pub request: String,
    #[serde(default)]
    pub params: Value,
}

/// One answer, matched to its request by `request-id`: either `response`
/// (an empty object when there is nothing to say) or `error` with
/// `error-code`, never both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Response {
    pub request_id: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// Candidates and details, when the error has them (an ambiguous name,
    /// each failed check).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_info: Option<ErrorInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ErrorInfo {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
}

/// `{}`: the answer of a method with nothing to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Empty {}

/// One thing a bulk method acts on, named by an interface URI in any form
/// `iface` accepts (`mysql`, `interface:~bob/mysql-3`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub uri: String,
}

/// The parameters of a bulk method.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Entities {
    pub entities: Vec<Entity>,
}

impl Entities {
    pub fn of<S: Into<String>>(uris: impl IntoIterator<Item = S>) -> Self {
        Entities {
            entities: uris
                .into_iter()
                .map(|uri| Entity { uri: uri.into() })
                .collect(),
        }
    }
}

/// `Interfaces.Info`: one interface in full, or why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterfaceResult {
    /// The URI as it was asked for.
    pub query: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interface: Option<wire::Interface>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<wire::Error>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterfaceResults {
    pub results: Vec<InterfaceResult>,
}

/// One field of a relation databag as a schema declares it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchemaField {
    pub name: String,
    /// The JSON Schema `type` (`string`, `array`, `integer|null`), when the
    /// schema says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    pub required: bool,
}

/// What one schema file (`provider.json`, `requirer.json`, `peer.json`)
/// says each databag holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchemaSummary {
    pub file: String,
    pub app: Vec<SchemaField>,
    pub unit: Vec<SchemaField>,
}

/// `Interfaces.Resolve` version 2: the version 1 result and the schema
/// summary of the revision it resolved to (empty when it has none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolveResultV2 {
    #[serde(flatten)]
    pub result: wire::ResolveResult,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schemas: Option<Vec<SchemaSummary>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolveResultsV2 {
    pub results: Vec<ResolveResultV2>,
}

/// `Interfaces.WatchRevisions`: the interfaces to watch (`entities`), or
/// every interface (`all`), never both.
///
/// A URI with a revision (`interface:~bob/mysql-3`) means "revisions after
/// 3": the watcher's first `Next` answers at once with any that exist. With
/// `all`, `since` (RFC 3339, as a result's `since` or a revision's
/// `published_at`) does the same for revisions published at or after it.
/// Both let a client that lost its connection resume without a gap.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RevisionWatchArgs {
    #[serde(default)]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub all: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
}

/// What one watched URI stands for, or why it cannot be watched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityResult {
    /// The URI as it was asked for.
    pub query: String,
    /// The interface it names, `interface:~owner/name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// The watcher answers revisions after this one: the one the URI
    /// named, or the latest when the watch began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<wire::Error>,
}

/// The answer to `Interfaces.WatchRevisions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct RevisionWatchResult {
    /// The `id` to send with `RevisionWatcher.Next` and `.Stop`; absent
    /// when no entity could be watched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub watcher_id: Option<String>,
    /// The server's time when the watch began (RFC 3339): what to send as
    /// `since` to resume an `all` watch when nothing was seen yet.
    pub since: String,
    /// One per entity, in order; empty for `all`.
    pub results: Vec<EntityResult>,
}

/// `RevisionWatcher.Next`: the new revisions, oldest first, each with its
/// canonical URI and digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionChanges {
    pub changes: Vec<wire::Revision>,
}

/// `Admin.Login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginArgs {
    /// The same bearer token REST takes.
    pub token: String,
}
