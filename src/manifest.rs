//! `interface.yaml`: the model, read leniently enough for the interfaces found
//! in the wild, strictly enough to refuse hostile input quickly.

use std::path::Path;

use serde::Serialize;
use serde_json::{Map, Value};

pub const MANIFEST_FILE: &str = "interface.yaml";

/// Real manifests are a few hundred bytes; this leaves room for long
/// descriptions while refusing a 50 MB upload before it is parsed.
pub const MAX_MANIFEST_BYTES: u64 = 256 * 1024;

/// The keys iface understands. Anything else is kept in `unknown`.
pub const KNOWN_KEYS: &[&str] = &[
    "name",
    "summary",
    "maintainer",
    "maintainers",
    "category",
    "version",
    "description",
    "repo",
    "docs",
    "deps",
    "ignore",
];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Manifest {
    pub name: String,
    pub summary: Option<String>,
    /// From `maintainer` and `maintainers`, each a string or a list.
    pub maintainers: Vec<String>,
    pub category: Option<String>,
    /// The protocol's major version. Missing in many legacy interfaces.
    pub version: Option<u32>,
    pub description: Option<String>,
    pub repo: Option<String>,
    pub docs: Option<String>,
    pub deps: Deps,
    pub ignore: Vec<String>,
    /// Keys iface does not know, kept as they were so nothing is lost.
    pub unknown: Map<String, Value>,
}

/// Packages an implementation needs: shared by every role, or per role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Deps {
    pub shared: Vec<String>,
    pub provides: Vec<String>,
    pub requires: Vec<String>,
    pub peer: Vec<String>,
}

impl Deps {
    pub fn is_empty(&self) -> bool {
        self.shared.is_empty()
            && self.provides.is_empty()
            && self.requires.is_empty()
            && self.peer.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    #[error("interface.yaml is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("interface.yaml is not valid YAML: {0}")]
    Syntax(String),
    #[error("interface.yaml must be a mapping of keys to values, not {0}")]
    NotAMapping(&'static str),
    #[error("interface.yaml has no `name`")]
    MissingName,
    #[error("`{key}` in interface.yaml must be {expected}, not {found}")]
    WrongType {
        key: String,
        expected: &'static str,
        found: &'static str,
    },
    #[error("`{key}` in interface.yaml: {message}")]
    BadValue { key: String, message: String },
}

impl ManifestError {
    /// The stable finding id `iface check` reports for this error.
    pub fn finding_id(&self) -> &'static str {
        match self {
            ManifestError::TooLarge { .. } => "manifest-too-large",
            ManifestError::Syntax(_) | ManifestError::NotAMapping(_) => "manifest-syntax",
            ManifestError::MissingName => "name-missing",
            ManifestError::WrongType { .. } | ManifestError::BadValue { .. } => "manifest-field",
        }
    }
}

fn yaml_options() -> serde_saphyr::Options {
    // Budgets sized for a manifest, far below the library's defaults: deep
    // nesting and alias bombs fail in microseconds instead of eating memory.
    let mut alias_limits = serde_saphyr::options::AliasLimits::default();
    alias_limits.max_total_replayed_events = 10_000;
    alias_limits.max_replay_stack_depth = 8;
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 32,
            max_events: 20_000,
            max_aliases: 64,
            max_anchors: 64,
            max_nodes: 10_000,
            max_documents: 1,
            max_total_scalar_bytes: MAX_MANIFEST_BYTES as usize,
            max_recorded_anchor_events: 10_000,
            flow_nesting_limit: 32,
        },
        alias_limits: alias_limits,
    }
}

impl Manifest {
    /// Reads `interface.yaml` from a file, refusing an oversized one before
    /// reading it.
    pub fn read(path: &Path) -> anyhow::Result<Result<(Manifest, String), ManifestError>> {
        use anyhow::Context as _;
        let size = std::fs::metadata(path)
            .with_context(|| format!("could not read {}", path.display()))?
            .len();
        if size > MAX_MANIFEST_BYTES {
            return Ok(Err(ManifestError::TooLarge {
                size,
                limit: MAX_MANIFEST_BYTES,
            }));
        }
        let bytes =
            std::fs::read(path).with_context(|| format!("could not read {}", path.display()))?;
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                return Ok(Err(ManifestError::Syntax(
                    "the file is not UTF-8 text".to_string(),
                )));
            }
        };
        Ok(Manifest::parse(&text).map(|m| (m, text)))
    }

    pub fn parse(text: &str) -> Result<Manifest, ManifestError> {
        if text.len() as u64 > MAX_MANIFEST_BYTES {
            return Err(ManifestError::TooLarge {
                size: text.len() as u64,
                limit: MAX_MANIFEST_BYTES,
            });
        }
        let value = parse_yaml(text).map_err(ManifestError::Syntax)?;
        Manifest::from_value(value)
    }

    pub fn from_value(value: Value) -> Result<Manifest, ManifestError> {
        let map = match value {
            Value::Object(map) => map,
            other => return Err(ManifestError::NotAMapping(kind(&other))),
        };
        let mut manifest = Manifest {
            name: String::new(),
            summary: None,
            maintainers: Vec::new(),
            category: None,
            version: None,
            description: None,
            repo: None,
            docs: None,
            deps: Deps::default(),
            ignore: Vec::new(),
            unknown: Map::new(),
        };
        let mut name = None;
        for (key, value) in map {
            match key.as_str() {
                "name" => name = opt_string(&key, value)?,
                "summary" => manifest.summary = opt_string(&key, value)?,
                "maintainer" | "maintainers" => {
                    for m in string_or_list(&key, value)? {
                        if !manifest.maintainers.contains(&m) {
                            manifest.maintainers.push(m);
                        }
                    }
                }
                "category" => manifest.category = opt_string(&key, value)?,
                "version" => manifest.version = version(&key, value)?,
                "description" => manifest.description = opt_string(&key, value)?,
                "repo" => manifest.repo = opt_string(&key, value)?,
                "docs" => manifest.docs = opt_string(&key, value)?,
                "deps" => manifest.deps = deps(&key, value)?,
                "ignore" => manifest.ignore = string_or_list(&key, value)?,
                _ => {
                    manifest.unknown.insert(key, value);
                }
            }
        }
        manifest.name = name.ok_or(ManifestError::MissingName)?;
        Ok(manifest)
    }
}

/// Parses one YAML document under the manifest's budgets (also used for a
/// charm's metadata.yaml and layer.yaml). The error is one readable line.
pub fn parse_yaml(text: &str) -> Result<Value, String> {
    serde_saphyr::from_str_with_options(text, yaml_options())
        .map_err(|e| first_line(&e.to_string()))
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_string()
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

fn wrong(key: &str, expected: &'static str, value: &Value) -> ManifestError {
    ManifestError::WrongType {
        key: key.to_string(),
        expected,
        found: kind(value),
    }
}

/// Strings, with the trailing newline of a YAML block scalar trimmed. A
/// number or boolean where text is expected (`summary: 1.0`) is kept as text,
/// as YAML's users would expect.
fn opt_string(key: &str, value: Value) -> Result<Option<String>, ManifestError> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.trim_end().to_string())),
        Value::Number(n) => Ok(Some(n.to_string())),
        Value::Bool(b) => Ok(Some(b.to_string())),
        other => Err(wrong(key, "text", &other)),
    }
}

fn string_or_list(key: &str, value: Value) -> Result<Vec<String>, ManifestError> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::String(s) => Ok(vec![s.trim().to_string()]),
        Value::Array(items) => items
            .into_iter()
            .map(|item| match item {
                Value::String(s) => Ok(s.trim().to_string()),
                other => Err(wrong(key, "text or a list of text", &other)),
            })
            .collect(),
        other => Err(wrong(key, "text or a list of text", &other)),
    }
}

fn version(key: &str, value: Value) -> Result<Option<u32>, ManifestError> {
    let bad = |shown: String| ManifestError::BadValue {
        key: key.to_string(),
        message: format!("the protocol version must be a whole number such as 1, not {shown}"),
    };
    match value {
        Value::Null => Ok(None),
        Value::Number(n) => n
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .map(Some)
            .ok_or_else(|| bad(n.to_string())),
        // `version: "2"` is common enough in hand-written YAML to accept.
        Value::String(s) => s
            .trim()
            .parse::<u32>()
            .map(Some)
            .map_err(|_| bad(format!("{s:?}"))),
        other => Err(wrong(key, "a whole number", &other)),
    }
}

fn deps(key: &str, value: Value) -> Result<Deps, ManifestError> {
    match value {
        Value::Null => Ok(Deps::default()),
        Value::String(_) | Value::Array(_) => Ok(Deps {
            shared: string_or_list(key, value)?,
            ..Deps::default()
        }),
        Value::Object(map) => {
            let mut deps = Deps::default();
            for (role, list) in map {
                let sub = format!("{key}.{role}");
                let list = string_or_list(&sub, list)?;
                match role.as_str() {
                    "provides" => deps.provides = list,
                    "requires" => deps.requires = list,
                    "peer" | "peers" => deps.peer = list,
                    "shared" | "all" => deps.shared = list,
                    _ => {
                        return Err(ManifestError::BadValue {
                            key: sub,
                            message: "deps are listed per role under provides, requires, \
                                      peer or shared"
                                .to_string(),
                        });
                    }
                }
            }
            Ok(deps)
        }
        other => Err(wrong(key, "a list or a mapping of role to list", &other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_fields_real_interfaces_use() {
        let m = Manifest::parse(
            "name: mysql\nsummary: >\n  Basic MySQL\n  interface\nmaintainer: A <a@x>\n\
             maintainers: [B <b@x>, A <a@x>]\nversion: 2\nrepo: https://x\n\
             ignore: ['tests', '**/*.orig']\ndeps: {requires: [pymysql]}\ntags: [db]\n",
        )
        .unwrap();
        assert_eq!(m.name, "mysql");
        assert_eq!(m.summary.as_deref(), Some("Basic MySQL interface"));
        assert_eq!(m.maintainers, vec!["A <a@x>", "B <b@x>"]);
        assert_eq!(m.version, Some(2));
        assert_eq!(m.ignore, vec!["tests", "**/*.orig"]);
        assert_eq!(m.deps.requires, vec!["pymysql"]);
        assert_eq!(m.unknown.get("tags"), Some(&serde_json::json!(["db"])));
    }

    #[test]
    fn version_may_be_missing_or_quoted() {
        assert_eq!(Manifest::parse("name: a").unwrap().version, None);
        assert_eq!(
            Manifest::parse("name: a\nversion: '3'").unwrap().version,
            Some(3)
        );
        let err = Manifest::parse("name: a\nversion: 1.5").unwrap_err();
        assert!(err.to_string().contains("whole number"), "{err}");
    }

    #[test]
    fn shared_deps_as_a_list() {
        let m = Manifest::parse("name: a\ndeps: [requests, 'six>=1']").unwrap();
        assert_eq!(m.deps.shared, vec!["requests", "six>=1"]);
    }

    #[test]
    fn refuses_what_is_not_a_manifest() {
        assert_eq!(
            Manifest::parse("- a\n- b\n").unwrap_err(),
            ManifestError::NotAMapping("a list")
        );
        assert_eq!(
            Manifest::parse("summary: x").unwrap_err(),
            ManifestError::MissingName
        );
        let err = Manifest::parse("name: [a, b]").unwrap_err();
        assert!(err.to_string().contains("`name`"), "{err}");
        assert_eq!(err.finding_id(), "manifest-field");
        assert!(matches!(
            Manifest::parse("name: a\n  bad: [").unwrap_err(),
            ManifestError::Syntax(_)
        ));
    }

    #[test]
    fn refuses_hostile_yaml_quickly() {
        let deep = format!("name: a\nx: {}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(matches!(
            Manifest::parse(&deep).unwrap_err(),
            ManifestError::Syntax(_)
        ));

        let mut bomb = String::from("name: a\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            bomb.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        assert!(matches!(
            Manifest::parse(&bomb).unwrap_err(),
            ManifestError::Syntax(_)
        ));

        let huge = format!("name: a\ndescription: {}\n", "x".repeat(50 * 1024 * 1024));
        assert!(matches!(
            Manifest::parse(&huge).unwrap_err(),
            ManifestError::TooLarge { .. }
        ));
    }
}
