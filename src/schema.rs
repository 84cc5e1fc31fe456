//! Relation data schemas: the design rules `iface check` applies, and the
//! comparison between revisions that the index uses to refuse a publish that
//! would break charms already using an interface.
//!
//! A role's schema (`schema/provider.json`, `requirer.json`, `peer.json`)
//! is a JSON Schema whose top-level properties are the `app` and `unit`
//! databags. Fields are identified by their JSON pointer inside the schema
//! (`provider.json#/app/properties/endpoints`), which is also how findings
//! and breaches name them.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use crate::check::{Finding, Severity};

/// The schemas of one tree or revision, by file name (`provider.json`, ...).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SchemaSet {
    pub files: BTreeMap<String, Value>,
}

impl SchemaSet {
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// Key that declares which Juju entity names the keys of a map, the one case
/// where a map is preferred to an array of objects (`unit` or `application`).
pub const ENTITY_KEY: &str = "x-juju-key";

/// The catch-all member that lets older readers tolerate newer enum values.
pub const CATCH_ALL: &str = "UNKNOWN";

// ---------------------------------------------------------------- design rules

/// The design-rule findings for one schema file. `file` is its path relative
/// to the interface root (`schema/provider.json`).
pub fn lint(file: &str, schema: &Value) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut push = |id: &'static str, severity: Severity, pointer: &str, message: String| {
        findings.push(Finding {
            id,
            severity,
            path: format!("{file}#{pointer}"),
            message,
        });
    };
    if let Err(message) = meta_validate(schema) {
        push(
            "schema-invalid",
            Severity::Error,
            "",
            format!("not a valid JSON Schema: {message}"),
        );
        return findings;
    }
    let Some(top) = schema.as_object() else {
        return findings;
    };
    let props = top.get("properties").and_then(Value::as_object);
    let is_object = types_of(schema).iter().all(|t| t == "object");
    if !is_object || props.is_none() {
        push(
            "schema-shape",
            Severity::Warning,
            "",
            "the top level should be an object whose properties are the `app` and `unit` \
             databags"
                .to_string(),
        );
    }
    if let Some(required) = top.get("required").and_then(Value::as_array)
        && !required.is_empty()
    {
        push(
            "schema-required",
            Severity::Error,
            "/required",
            "the databags themselves must not be required: a relation starts with empty \
             databags, and an empty databag must be valid"
                .to_string(),
        );
    }
    let Some(props) = props else {
        return findings;
    };
    for (name, bag) in props {
        let pointer = format!("/properties/{}", escape(name));
        if name != "app" && name != "unit" {
            push(
                "schema-shape",
                Severity::Warning,
                &pointer,
                format!("top-level property `{name}` is not a databag; only `app` and `unit` are"),
            );
        }
        if let Some(required) = bag.get("required").and_then(Value::as_array)
            && !required.is_empty()
        {
            let names: Vec<String> = required
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect();
            push(
                "schema-required",
                Severity::Error,
                &format!("{pointer}/required"),
                format!(
                    "{name} requires {}: a databag starts empty and fills over several \
                     hooks, so no top-level field may be required",
                    names.join(", ")
                ),
            );
        }
        lint_node(bag, &pointer, name, &mut push);
    }
    findings
}

fn lint_node(
    node: &Value,
    pointer: &str,
    name: &str,
    push: &mut impl FnMut(&'static str, Severity, &str, String),
) {
    let Some(obj) = node.as_object() else {
        return;
    };
    let types = types_of(node);
    let is_map = obj
        .get("additionalProperties")
        .is_some_and(Value::is_object)
        || obj
            .get("patternProperties")
            .and_then(Value::as_object)
            .is_some_and(|p| !p.is_empty());
    if is_map {
        let keyed = obj
            .get(ENTITY_KEY)
            .and_then(Value::as_str)
            .is_some_and(|k| matches!(k, "unit" | "application" | "app"));
        if !keyed {
            push(
                "schema-map",
                Severity::Error,
                pointer,
                format!(
                    "`{name}` is a map; collections should be arrays of objects, and a map \
                     is allowed only when keyed by a Juju entity, declared with \
                     \"{ENTITY_KEY}\": \"unit\" or \"application\""
                ),
            );
        }
    }
    if types.contains("array")
        && let Some(items) = obj.get("items")
    {
        let item_types = types_of(items);
        if !item_types.is_empty() && !item_types.contains("object") {
            push(
                "schema-primitive-array",
                Severity::Warning,
                pointer,
                format!(
                    "`{name}` is a list of {}; a list of objects can grow new fields \
                         later without a breaking change",
                    item_types.iter().cloned().collect::<Vec<_>>().join("/")
                ),
            );
        }
        lint_node(items, &format!("{pointer}/items"), name, push);
    }
    if let Some(values) = obj.get("enum").and_then(Value::as_array)
        && !has_catch_all(values)
    {
        push(
            "schema-enum-catch-all",
            Severity::Warning,
            pointer,
            format!(
                "`{name}` is an enum without a catch-all: add \"{CATCH_ALL}\" (or null) so \
                 that readers of this revision tolerate values a newer writer adds"
            ),
        );
    }
    if looks_like_url(name) && !types.is_empty() {
        let format_ok = obj
            .get("format")
            .and_then(Value::as_str)
            .is_some_and(|f| matches!(f, "uri" | "uri-reference" | "iri"));
        if !(types.len() == 1 && types.contains("string") && format_ok) {
            push(
                "schema-url-format",
                Severity::Warning,
                pointer,
                format!("`{name}` looks like a URL; URLs are strings with \"format\": \"uri\""),
            );
        }
    }
    for key in ["additionalProperties"] {
        if let Some(sub) = obj.get(key).filter(|v| v.is_object()) {
            lint_node(sub, &format!("{pointer}/{key}"), name, push);
        }
    }
    if let Some(props) = obj.get("properties").and_then(Value::as_object) {
        for (child, sub) in props {
            lint_node(
                sub,
                &format!("{pointer}/properties/{}", escape(child)),
                child,
                push,
            );
        }
    }
}

fn looks_like_url(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower
        .split(['-', '_', '.'])
        .any(|part| matches!(part, "url" | "uri" | "urls" | "uris"))
        || lower.ends_with("url")
        || lower.ends_with("uri")
}

fn has_catch_all(values: &[Value]) -> bool {
    values
        .iter()
        .any(|v| v.is_null() || v.as_str() == Some(CATCH_ALL))
}

/// Validates against the JSON Schema meta-schema (draft 2020-12 unless the
/// schema says otherwise). No reference is fetched over the network.
fn meta_validate(schema: &Value) -> Result<(), String> {
    if !schema.is_object() {
        return Err("a schema must be a JSON object".to_string());
    }
    jsonschema::meta::validate(schema).map_err(|e| {
        let at = e.instance_path().to_string();
        if at.is_empty() {
            e.to_string()
        } else {
            format!("at {at}: {e}")
        }
    })
}

/// The JSON types a schema node allows; empty means unconstrained.
fn types_of(node: &Value) -> BTreeSet<String> {
    match node.get("type") {
        Some(Value::String(t)) => [t.clone()].into(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => match node.get("enum").and_then(Value::as_array) {
            Some(values) => values.iter().map(json_type).map(str::to_string).collect(),
            None => match node.get("const") {
                Some(v) => [json_type(v).to_string()].into(),
                None => BTreeSet::new(),
            },
        },
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// JSON pointer escaping (RFC 6901).
fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

// ---------------------------------------------------------------- compatibility

/// One field of a schema, flattened for comparison.
#[derive(Debug, Clone, PartialEq)]
struct Field {
    types: BTreeSet<String>,
    required: bool,
    enum_values: Option<Vec<Value>>,
    doc: Option<String>,
}

/// Every field reachable through `properties`, `items` and map values,
/// keyed by pointer. The databags (`/properties/app`) count as fields too.
fn fields(schema: &Value) -> BTreeMap<String, Field> {
    let mut out = BTreeMap::new();
    collect(schema, "", false, &mut out);
    out.remove("");
    out
}

fn collect(node: &Value, pointer: &str, required: bool, out: &mut BTreeMap<String, Field>) {
    let Some(obj) = node.as_object() else {
        return;
    };
    let doc = ["title", "description"]
        .iter()
        .filter_map(|k| obj.get(*k).and_then(Value::as_str))
        .collect::<Vec<_>>()
        .join("\n");
    out.insert(
        pointer.to_string(),
        Field {
            types: types_of(node),
            required,
            enum_values: obj.get("enum").and_then(Value::as_array).cloned(),
            doc: (!doc.is_empty()).then_some(doc),
        },
    );
    let required_names: BTreeSet<&str> = obj
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if let Some(props) = obj.get("properties").and_then(Value::as_object) {
        for (name, sub) in props {
            let child = format!("{pointer}/properties/{}", escape(name));
            collect(sub, &child, required_names.contains(name.as_str()), out);
        }
    }
    if let Some(items) = obj.get("items").filter(|v| v.is_object()) {
        collect(items, &format!("{pointer}/items"), false, out);
    }
    if let Some(values) = obj.get("additionalProperties").filter(|v| v.is_object()) {
        collect(
            values,
            &format!("{pointer}/additionalProperties"),
            false,
            out,
        );
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    Added,
    Removed,
    TypeChanged,
    RequiredChanged,
    EnumChanged,
    NameReused,
    Documentation,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::TypeChanged => "type-changed",
            ChangeKind::RequiredChanged => "required-changed",
            ChangeKind::EnumChanged => "enum-changed",
            ChangeKind::NameReused => "name-reused",
            ChangeKind::Documentation => "documentation",
        }
    }
}

/// One difference between two revisions' schemas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// `provider.json#/app/properties/port`
    pub path: String,
    pub kind: ChangeKind,
    pub breaking: bool,
    pub message: String,
}

/// Every schema change from `old` to `new`, breaking or not, in path order.
pub fn diff(old: &SchemaSet, new: &SchemaSet) -> Vec<Change> {
    let empty = Value::Object(Default::default());
    let files: BTreeSet<&String> = old.files.keys().chain(new.files.keys()).collect();
    let mut changes = Vec::new();
    for file in files {
        let before = fields(old.files.get(file).unwrap_or(&empty));
        let after = fields(new.files.get(file).unwrap_or(&empty));
        let pointers: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
        for pointer in pointers {
            let path = format!("{file}#{pointer}");
            match (before.get(pointer), after.get(pointer)) {
                (Some(_), None) => changes.push(Change {
                    path,
                    kind: ChangeKind::Removed,
                    breaking: true,
                    message: "field removed: charms reading it break; keep it (it may be \
                              deprecated in its description) or raise `version`"
                        .to_string(),
                }),
                (None, Some(f)) => changes.push(Change {
                    path,
                    kind: ChangeKind::Added,
                    breaking: f.required,
                    message: if f.required {
                        "new field is required: charms of earlier revisions do not write \
                         it; make it optional"
                            .to_string()
                    } else {
                        "new optional field".to_string()
                    },
                }),
                (Some(a), Some(b)) => compare(&path, a, b, &mut changes),
                (None, None) => {}
            }
        }
    }
    changes
}

fn show_types(types: &BTreeSet<String>) -> String {
    if types.is_empty() {
        "any type".to_string()
    } else {
        types.iter().cloned().collect::<Vec<_>>().join("|")
    }
}

fn compare(path: &str, a: &Field, b: &Field, changes: &mut Vec<Change>) {
    let mut push = |kind, breaking, message: String| {
        changes.push(Change {
            path: path.to_string(),
            kind,
            breaking,
            message,
        })
    };
    if a.types != b.types {
        push(
            ChangeKind::TypeChanged,
            true,
            format!(
                "type changed from {} to {}: a field's type never changes; add a new field \
                 or raise `version`",
                show_types(&a.types),
                show_types(&b.types)
            ),
        );
    }
    if a.required != b.required {
        if b.required {
            push(
                ChangeKind::RequiredChanged,
                true,
                "optional field made required: charms of earlier revisions may not write \
                 it"
                .to_string(),
            );
        } else {
            push(
                ChangeKind::RequiredChanged,
                false,
                "required field made optional".to_string(),
            );
        }
    }
    match (&a.enum_values, &b.enum_values) {
        (None, None) => {}
        (None, Some(_)) => push(
            ChangeKind::EnumChanged,
            true,
            "values now restricted to an enum: writers of earlier revisions may send \
             others"
                .to_string(),
        ),
        (Some(old), None) => {
            let tolerated = has_catch_all(old);
            push(
                ChangeKind::EnumChanged,
                !tolerated,
                if tolerated {
                    "enum lifted; earlier readers map new values to their catch-all".to_string()
                } else {
                    format!(
                        "enum lifted, but earlier readers have no catch-all (\"{CATCH_ALL}\") \
                         for values they do not know"
                    )
                },
            );
        }
        (Some(old), Some(new)) => {
            let removed: Vec<&Value> = old.iter().filter(|v| !new.contains(v)).collect();
            let added: Vec<&Value> = new.iter().filter(|v| !old.contains(v)).collect();
            if !removed.is_empty() {
                push(
                    ChangeKind::EnumChanged,
                    true,
                    format!(
                        "enum narrowed: {} removed; earlier writers still send them",
                        list(&removed)
                    ),
                );
            }
            if !added.is_empty() {
                let tolerated = has_catch_all(old);
                push(
                    ChangeKind::EnumChanged,
                    !tolerated,
                    if tolerated {
                        format!("enum widened: {} added", list(&added))
                    } else {
                        format!(
                            "enum widened with {}, but earlier readers have no catch-all \
                             (\"{CATCH_ALL}\") for them",
                            list(&added)
                        )
                    },
                );
            }
        }
    }
    if a.doc != b.doc {
        push(
            ChangeKind::Documentation,
            false,
            "title or description changed".to_string(),
        );
    }
}

fn list(values: &[&Value]) -> String {
    values
        .iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One published revision, as the gate sees it.
#[derive(Debug, Clone)]
pub struct HistoryEntry {
    pub revision: u32,
    /// The protocol version; a missing `version:` counts as 1.
    pub version: u32,
    pub schemas: SchemaSet,
}

/// A reason the index refuses a new revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Breach {
    pub path: String,
    pub rule: ChangeKind,
    pub message: String,
    /// The earlier revisions the new one would break (or, for a reused
    /// name, the revisions that removed it).
    pub revisions: Vec<u32>,
}

/// Compares a candidate revision with the interface's history: breaking
/// changes against every earlier revision with the same `version`, and the
/// reuse of a removed field name against all of them.
pub fn gate(history: &[HistoryEntry], version: u32, new: &SchemaSet) -> Vec<Breach> {
    let mut breaches: BTreeMap<(String, ChangeKind), Breach> = BTreeMap::new();
    let mut ordered: Vec<&HistoryEntry> = history.iter().collect();
    ordered.sort_by_key(|h| h.revision);
    for entry in ordered.iter().filter(|h| h.version == version) {
        for change in diff(&entry.schemas, new).into_iter().filter(|c| c.breaking) {
            let key = (change.path.clone(), change.kind);
            let breach = breaches.entry(key).or_insert_with(|| Breach {
                path: change.path.clone(),
                rule: change.kind,
                message: change.message.clone(),
                revisions: Vec::new(),
            });
            breach.revisions.push(entry.revision);
            breach.message = change.message;
        }
    }
    // Names removed somewhere in the history and absent from the latest
    // revision may not come back, whatever the version.
    let paths_of = |set: &SchemaSet| -> BTreeSet<String> {
        set.files
            .iter()
            .flat_map(|(file, schema)| {
                fields(schema)
                    .into_keys()
                    .map(move |p| format!("{file}#{p}"))
            })
            .collect()
    };
    let mut removed: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut previous: Option<BTreeSet<String>> = None;
    for entry in &ordered {
        let current = paths_of(&entry.schemas);
        if let Some(prev) = &previous {
            for gone in prev.difference(&current) {
                removed
                    .entry(gone.clone())
                    .or_default()
                    .push(entry.revision);
            }
        }
        previous = Some(current);
    }
    let latest = previous.unwrap_or_default();
    for path in paths_of(new) {
        if latest.contains(&path) {
            continue;
        }
        if let Some(revisions) = removed.get(&path) {
            breaches.insert(
                (path.clone(), ChangeKind::NameReused),
                Breach {
                    path: path.clone(),
                    rule: ChangeKind::NameReused,
                    message: format!(
                        "this field was removed in revision {}; a removed name is never \
                         used again (old charms would read it with its old meaning), even \
                         with a new `version`: choose another name",
                        revisions
                            .iter()
                            .map(u32::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    revisions: revisions.clone(),
                },
            );
        }
    }
    breaches.into_values().collect()
}

/// The schema history of `~owner/name` as the store keeps it, oldest first.
/// Schema files that do not parse are left out: they were refused at publish.
pub fn history(
    store: &dyn crate::store::Store,
    owner: &str,
    name: &str,
) -> crate::store::StoreResult<Vec<HistoryEntry>> {
    let Some(revisions) = store.revisions(owner, name)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for record in revisions.iter().rev() {
        let Some(content) = store.revision_content(owner, name, record.revision)? else {
            continue;
        };
        out.push(HistoryEntry {
            revision: record.revision,
            version: record.version.unwrap_or(1),
            schemas: parse_files(&content.schemas),
        });
    }
    Ok(out)
}

/// The role schemas in an archive: (file name, text) of every
/// `schema/*.json` file directly under `schema/`.
pub fn files_in_archive(
    bytes: &[u8],
) -> Result<Vec<(String, String)>, crate::archive::ArchiveError> {
    use crate::archive::EntryKind;
    Ok(crate::archive::read(bytes)?
        .into_iter()
        .filter_map(|(entry, data)| {
            let file = entry.path.strip_prefix("schema/")?;
            let is_json = file.ends_with(".json") && !file.contains('/');
            match (&entry.kind, data) {
                (EntryKind::File { .. }, Some(data)) if is_json => {
                    Some((file.to_owned(), String::from_utf8_lossy(&data).into_owned()))
                }
                _ => None,
            }
        })
        .collect())
}

/// (file name, JSON text) pairs into a set, skipping what does not parse.
pub fn parse_files(files: &[(String, String)]) -> SchemaSet {
    SchemaSet {
        files: files
            .iter()
            .filter_map(|(file, text)| {
                serde_json::from_str::<Value>(text)
                    .ok()
                    .filter(Value::is_object)
                    .map(|v| (file.clone(), v))
            })
            .collect(),
    }
}

/// The breaches as lines for people: path, rule, message, revisions.
pub fn describe(breaches: &[Breach]) -> Vec<String> {
    breaches
        .iter()
        .map(|b| {
            format!(
                "{} [{}] {} (breaks revision{} {})",
                b.path,
                b.rule.as_str(),
                b.message,
                if b.revisions.len() == 1 { "" } else { "s" },
                b.revisions
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A provider schema whose app databag has these properties.
    fn app(props: Value) -> SchemaSet {
        app_req(props, json!([]))
    }

    fn app_req(props: Value, required: Value) -> SchemaSet {
        let mut inner = json!({"type": "object", "properties": props});
        if required.as_array().is_some_and(|r| !r.is_empty()) {
            // Nested requirement inside an object field, the only place it is allowed.
            inner = json!({"type": "object", "properties": {
                "conn": {"type": "object", "properties": props, "required": required}
            }});
        }
        SchemaSet {
            files: [(
                "provider.json".to_string(),
                json!({
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "type": "object",
                    "properties": {"app": inner, "unit": {"type": "object"}}
                }),
            )]
            .into(),
        }
    }

    fn breaking_kinds(old: &SchemaSet, new: &SchemaSet) -> Vec<ChangeKind> {
        let mut kinds: Vec<ChangeKind> = diff(old, new)
            .into_iter()
            .filter(|c| c.breaking)
            .map(|c| c.kind)
            .collect();
        kinds.dedup();
        kinds
    }

    use ChangeKind::*;

    #[test]
    fn evolution_table() {
        let s = |t: &str| json!({"type": t});
        let en = |v: Value| json!({"type": "string", "enum": v});
        let cases: Vec<(&str, SchemaSet, SchemaSet, Vec<ChangeKind>)> = vec![
            (
                "same schema",
                app(json!({"a": s("string")})),
                app(json!({"a": s("string")})),
                vec![],
            ),
            (
                "optional field added",
                app(json!({})),
                app(json!({"a": s("string")})),
                vec![],
            ),
            (
                "optional field removed",
                app(json!({"a": s("string")})),
                app(json!({})),
                vec![Removed],
            ),
            (
                "type replaced",
                app(json!({"a": s("string")})),
                app(json!({"a": s("integer")})),
                vec![TypeChanged],
            ),
            (
                "type replaced back",
                app(json!({"a": s("integer")})),
                app(json!({"a": s("string")})),
                vec![TypeChanged],
            ),
            (
                "type widened",
                app(json!({"a": s("integer")})),
                app(json!({"a": {"type": ["integer", "string"]}})),
                vec![TypeChanged],
            ),
            (
                "type narrowed",
                app(json!({"a": {"type": ["integer", "string"]}})),
                app(json!({"a": s("integer")})),
                vec![TypeChanged],
            ),
            (
                "integer to number",
                app(json!({"a": s("integer")})),
                app(json!({"a": s("number")})),
                vec![TypeChanged],
            ),
            (
                "untyped gets a type",
                app(json!({"a": {}})),
                app(json!({"a": s("string")})),
                vec![TypeChanged],
            ),
            (
                "typed loses its type",
                app(json!({"a": s("string")})),
                app(json!({"a": {}})),
                vec![TypeChanged],
            ),
            (
                "optional made required",
                app_req(json!({"h": s("string")}), json!(["x"])),
                app_req(json!({"h": s("string")}), json!(["h"])),
                vec![RequiredChanged],
            ),
            (
                "required made optional",
                app_req(json!({"h": s("string")}), json!(["h"])),
                app_req(json!({"h": s("string")}), json!(["x"])),
                vec![],
            ),
            (
                "new required nested field",
                app_req(json!({"h": s("string")}), json!(["h"])),
                app_req(
                    json!({"h": s("string"), "p": s("integer")}),
                    json!(["h", "p"]),
                ),
                vec![Added],
            ),
            (
                "new optional nested field",
                app_req(json!({"h": s("string")}), json!(["h"])),
                app_req(json!({"h": s("string"), "p": s("integer")}), json!(["h"])),
                vec![],
            ),
            (
                "enum narrowed",
                app(json!({"e": en(json!(["a", "b", "UNKNOWN"]))})),
                app(json!({"e": en(json!(["a", "UNKNOWN"]))})),
                vec![EnumChanged],
            ),
            (
                "enum widened with catch-all",
                app(json!({"e": en(json!(["a", "UNKNOWN"]))})),
                app(json!({"e": en(json!(["a", "b", "UNKNOWN"]))})),
                vec![],
            ),
            (
                "enum widened without catch-all",
                app(json!({"e": en(json!(["a"]))})),
                app(json!({"e": en(json!(["a", "b"]))})),
                vec![EnumChanged],
            ),
            (
                "enum widened with null catch-all",
                app(json!({"e": {"enum": ["a", null]}})),
                app(json!({"e": {"enum": ["a", "b", null]}})),
                vec![],
            ),
            (
                "enum reordered",
                app(json!({"e": en(json!(["a", "b"]))})),
                app(json!({"e": en(json!(["b", "a"]))})),
                vec![],
            ),
            (
                "enum imposed",
                app(json!({"e": s("string")})),
                app(json!({"e": en(json!(["a", "UNKNOWN"]))})),
                vec![EnumChanged],
            ),
            (
                "enum lifted with catch-all",
                app(json!({"e": en(json!(["a", "UNKNOWN"]))})),
                app(json!({"e": s("string")})),
                vec![],
            ),
            (
                "enum lifted without catch-all",
                app(json!({"e": en(json!(["a"]))})),
                app(json!({"e": s("string")})),
                vec![EnumChanged],
            ),
            (
                "description changed",
                app(json!({"a": {"type": "string", "description": "x"}})),
                app(json!({"a": {"type": "string", "description": "y"}})),
                vec![],
            ),
            (
                "array item field removed",
                app(
                    json!({"l": {"type": "array", "items": {"type": "object", "properties": {"h": s("string"), "p": s("integer")}}}}),
                ),
                app(
                    json!({"l": {"type": "array", "items": {"type": "object", "properties": {"h": s("string")}}}}),
                ),
                vec![Removed],
            ),
            (
                "array item field added",
                app(
                    json!({"l": {"type": "array", "items": {"type": "object", "properties": {"h": s("string")}}}}),
                ),
                app(
                    json!({"l": {"type": "array", "items": {"type": "object", "properties": {"h": s("string"), "p": s("integer")}}}}),
                ),
                vec![],
            ),
            (
                "array item type changed",
                app(json!({"l": {"type": "array", "items": s("string")}})),
                app(json!({"l": {"type": "array", "items": s("integer")}})),
                vec![TypeChanged],
            ),
            (
                "array became object",
                app(json!({"l": {"type": "array", "items": s("string")}})),
                app(json!({"l": s("object")})),
                vec![TypeChanged, Removed],
            ),
            (
                "field renamed",
                app(json!({"old": s("string")})),
                app(json!({"new": s("string")})),
                vec![Removed],
            ),
            (
                "map value type changed",
                app(
                    json!({"m": {"type": "object", "x-juju-key": "unit", "additionalProperties": s("string")}}),
                ),
                app(
                    json!({"m": {"type": "object", "x-juju-key": "unit", "additionalProperties": s("integer")}}),
                ),
                vec![TypeChanged],
            ),
            (
                "whole role schema added",
                SchemaSet::default(),
                app(json!({"a": s("string")})),
                vec![],
            ),
            (
                "whole role schema removed",
                app(json!({"a": s("string")})),
                SchemaSet::default(),
                vec![Removed],
            ),
            (
                "unit databag fields",
                app(json!({})),
                app(json!({})),
                vec![],
            ),
        ];
        assert!(cases.len() >= 30, "{} cases", cases.len());
        for (name, old, new, expected) in cases {
            assert_eq!(breaking_kinds(&old, &new), expected, "case: {name}");
        }
    }

    fn history(entries: Vec<(u32, u32, SchemaSet)>) -> Vec<HistoryEntry> {
        entries
            .into_iter()
            .map(|(revision, version, schemas)| HistoryEntry {
                revision,
                version,
                schemas,
            })
            .collect()
    }

    #[test]
    fn gate_lists_each_breach_with_the_revisions_it_breaks() {
        let s = |t: &str| json!({"type": t});
        let h = history(vec![
            (
                1,
                1,
                app(json!({"host": s("string"), "port": s("integer")})),
            ),
            (
                2,
                1,
                app(json!({"host": s("string"), "port": s("integer"), "tls": s("boolean")})),
            ),
        ]);
        let breaches = gate(
            &h,
            1,
            &app(json!({"host": s("string"), "port": s("string"), "tls": s("boolean")})),
        );
        assert_eq!(breaches.len(), 1, "{breaches:?}");
        assert_eq!(
            breaches[0].path,
            "provider.json#/properties/app/properties/port"
        );
        assert_eq!(breaches[0].rule, TypeChanged);
        assert_eq!(breaches[0].revisions, vec![1, 2]);

        // Dropping tls breaks only revision 2, which had it.
        let breaches = gate(
            &h,
            1,
            &app(json!({"host": s("string"), "port": s("integer")})),
        );
        assert_eq!(breaches.len(), 1);
        assert_eq!(breaches[0].rule, Removed);
        assert_eq!(breaches[0].revisions, vec![2]);
    }

    #[test]
    fn a_version_bump_allows_breaking_changes_but_not_name_reuse() {
        let s = |t: &str| json!({"type": t});
        let h = history(vec![
            (
                1,
                1,
                app(json!({"host": s("string"), "legacy": s("string")})),
            ),
            (2, 2, app(json!({"host": s("integer")}))),
        ]);
        // Version 2 revision 2 removed `legacy` and retyped host: fine, it bumped.
        assert!(gate(&h[..1], 2, &h[1].schemas).is_empty());
        // Re-adding `legacy` is refused even in version 3.
        let breaches = gate(
            &h,
            3,
            &app(json!({"host": s("integer"), "legacy": s("integer")})),
        );
        assert_eq!(breaches.len(), 1, "{breaches:?}");
        assert_eq!(breaches[0].rule, NameReused);
        assert_eq!(breaches[0].revisions, vec![2]);
        assert!(breaches[0].message.contains("revision 2"));
        // And the same breaking change without the bump is refused.
        let breaches = gate(&h, 1, &app(json!({"host": s("integer")})));
        let rules: Vec<ChangeKind> = breaches.iter().map(|b| b.rule).collect();
        assert!(
            rules.contains(&TypeChanged) && rules.contains(&Removed),
            "{rules:?}"
        );
    }

    fn ids(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|f| f.id).collect()
    }

    fn wrap(app_schema: Value) -> Value {
        json!({"type": "object", "properties": {"app": app_schema, "unit": {"type": "object"}}})
    }

    #[test]
    fn design_rules() {
        // A good schema has no findings.
        let good = wrap(json!({"type": "object", "properties": {
            "endpoints": {"type": "array", "items": {"type": "object", "properties": {"host": {"type": "string"}}}},
            "tls": {"type": "string", "enum": ["enabled", "disabled", "UNKNOWN"]},
            "api-url": {"type": "string", "format": "uri"},
            "units": {"type": "object", "x-juju-key": "unit", "additionalProperties": {"type": "string"}}
        }}));
        assert_eq!(
            ids(&lint("schema/provider.json", &good)),
            Vec::<&str>::new()
        );

        let bad = wrap(
            json!({"type": "object", "required": ["host"], "properties": {
                "host": {"type": "string"},
                "hosts": {"type": "array", "items": {"type": "string"}},
                "mode": {"type": "string", "enum": ["a", "b"]},
                "api_url": {"type": "string"},
                "by_name": {"type": "object", "additionalProperties": {"type": "string"}}
            }}),
        );
        let findings = lint("schema/provider.json", &bad);
        let got = ids(&findings);
        for id in [
            "schema-required",
            "schema-primitive-array",
            "schema-enum-catch-all",
            "schema-url-format",
            "schema-map",
        ] {
            assert!(got.contains(&id), "{id} not in {got:?}");
        }
        let required = findings.iter().find(|f| f.id == "schema-required").unwrap();
        assert_eq!(
            required.path,
            "schema/provider.json#/properties/app/required"
        );
        assert_eq!(required.severity, Severity::Error);
        let map = findings.iter().find(|f| f.id == "schema-map").unwrap();
        assert_eq!(
            map.path,
            "schema/provider.json#/properties/app/properties/by_name"
        );

        let not_schema = json!({"type": "objekt"});
        assert_eq!(
            ids(&lint("schema/peer.json", &not_schema)),
            vec!["schema-invalid"]
        );
        let top_required = json!({"type": "object", "required": ["app"], "properties": {"app": {"type": "object"}}});
        assert!(ids(&lint("schema/peer.json", &top_required)).contains(&"schema-required"));
    }
}
