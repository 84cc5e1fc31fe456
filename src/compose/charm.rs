//! What a charm says about its relations: endpoints from metadata.yaml (or
//! charmcraft.yaml) and explicit interface URIs from layer.yaml `includes`.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;
use serde_json::Value;

use crate::error::{ErrorCode, coded};
use crate::manifest::parse_yaml;
use crate::tree::Role;
use crate::uri::InterfaceUri;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub name: String,
    pub role: Role,
    pub interface: String,
}

/// Charm metadata files are small; a larger one is not a charm's.
const MAX_CHARM_FILE: u64 = 1024 * 1024;

fn read_yaml(path: &Path) -> anyhow::Result<Option<Value>> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(err).with_context(|| format!("could not read {}", path.display())),
    };
    if meta.len() > MAX_CHARM_FILE {
        return Err(coded(
            ErrorCode::Invalid,
            format!(
                "{} is {} bytes; iface reads charm files up to {MAX_CHARM_FILE} bytes",
                path.display(),
                meta.len()
            ),
        ));
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("could not read {}", path.display()))?;
    let value = parse_yaml(&text).map_err(|e| {
        coded(
            ErrorCode::Invalid,
            format!("{} is not valid YAML: {e}", path.display()),
        )
    })?;
    Ok(Some(value))
}

/// The endpoints of a charm, from metadata.yaml, or charmcraft.yaml when
/// that is where they are.
pub fn endpoints(charm: &Path) -> anyhow::Result<Vec<Endpoint>> {
    let metadata = read_yaml(&charm.join("metadata.yaml"))?;
    let charmcraft = read_yaml(&charm.join("charmcraft.yaml"))?;
    let has_endpoints = |v: &Option<Value>| {
        v.as_ref().is_some_and(|v| {
            ["provides", "requires", "peers"]
                .iter()
                .any(|k| v.get(*k).is_some())
        })
    };
    let (source, doc) = if has_endpoints(&metadata) {
        ("metadata.yaml", metadata)
    } else if has_endpoints(&charmcraft) {
        ("charmcraft.yaml", charmcraft)
    } else if metadata.is_some() || charmcraft.is_some() {
        return Ok(Vec::new());
    } else {
        return Err(crate::error::CodedError::new(
            ErrorCode::Invalid,
            format!(
                "{} has neither metadata.yaml nor charmcraft.yaml",
                charm.display()
            ),
        )
        .hint("run iface compose in a charm directory, or name one: iface compose CHARM_DIR")
        .into());
    };
    let doc = doc.unwrap_or(Value::Null);
    let mut out = Vec::new();
    for (key, role) in [
        ("provides", Role::Provides),
        ("requires", Role::Requires),
        ("peers", Role::Peer),
    ] {
        let Some(section) = doc.get(key) else {
            continue;
        };
        let Some(map) = section.as_object() else {
            if section.is_null() {
                continue;
            }
            return Err(coded(
                ErrorCode::Invalid,
                format!("`{key}` in {source} must be a mapping of endpoint names"),
            ));
        };
        for (endpoint, spec) in map {
            let interface = spec
                .get("interface")
                .and_then(Value::as_str)
                .ok_or_else(|| {
                    coded(
                        ErrorCode::Invalid,
                        format!(
                            "endpoint `{endpoint}` under `{key}` in {source} has no `interface:`"
                        ),
                    )
                })?;
            crate::uri::validate_name(interface).map_err(|e| {
                coded(
                    ErrorCode::Invalid,
                    format!(
                        "endpoint `{endpoint}` in {source} names interface {interface:?}: {}",
                        e.reason
                    ),
                )
            })?;
            out.push(Endpoint {
                name: endpoint.clone(),
                role,
                interface: interface.to_string(),
            });
        }
    }
    Ok(out)
}

/// Explicit interface URIs from layer.yaml `includes`, by interface name.
/// Other includes (`layer:basic`) are not ours and are passed over.
pub fn includes(charm: &Path) -> anyhow::Result<BTreeMap<String, InterfaceUri>> {
    let Some(doc) = read_yaml(&charm.join("layer.yaml"))? else {
        return Ok(BTreeMap::new());
    };
    let mut out = BTreeMap::new();
    let list = match doc.get("includes") {
        None | Some(Value::Null) => return Ok(out),
        Some(Value::Array(list)) => list.clone(),
        Some(_) => {
            return Err(coded(
                ErrorCode::Invalid,
                "`includes` in layer.yaml must be a list",
            ));
        }
    };
    for item in list {
        let Some(text) = item.as_str() else { continue };
        if !text.starts_with(crate::uri::PREFIX) {
            continue;
        }
        let uri = InterfaceUri::parse(text).with_context(|| {
            format!("in the includes of {}", charm.join("layer.yaml").display())
        })?;
        out.insert(uri.name.clone(), uri);
    }
    Ok(out)
}

/// True for a reactive charm (built with charm-tools), whose Python
/// dependencies go to wheelhouse.txt rather than requirements.txt.
pub fn is_reactive(charm: &Path) -> bool {
    charm.join("layer.yaml").is_file() || charm.join("reactive").is_dir()
}
