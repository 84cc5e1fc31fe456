//! `iface check`: every rule an interface directory must pass before it is
//! packed, published or composed. The index runs the same rules on uploads.

use std::path::Path;

use serde::Serialize;

use crate::archive::{self, ArchiveError, EntryKind, MAX_ENTRIES, MAX_UNPACKED_BYTES};
use crate::manifest::{KNOWN_KEYS, MANIFEST_FILE, Manifest};
use crate::schema::{self, SchemaSet};
use crate::tree::{InterfaceTree, Layout, Problem, Role, resolve_link};
use crate::uri;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One finding. `id` is stable: scripts and docs may rely on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub id: &'static str,
    pub severity: Severity,
    /// Path relative to the interface root ("" for the interface as a whole).
    pub path: String,
    pub message: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
}

impl Report {
    fn push(&mut self, id: &'static str, severity: Severity, path: &str, message: String) {
        self.findings.push(Finding {
            id,
            severity,
            path: path.to_string(),
            message,
        });
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Errors, or with `strict` warnings too.
    pub fn has_errors(&self, strict: bool) -> bool {
        self.findings
            .iter()
            .any(|f| f.severity == Severity::Error || (strict && f.severity == Severity::Warning))
    }

    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }
}

/// Directory names that repositories of interfaces commonly use around the
/// interface's own name (`interface-mysql`, `juju-relation-mysql`).
const REPO_PREFIXES: &[&str] = &[
    "interface-",
    "juju-interface-",
    "charm-interface-",
    "juju-relation-",
];

/// Loads and checks a directory.
pub fn check_dir(dir: &Path) -> anyhow::Result<(InterfaceTree, Report)> {
    let tree = InterfaceTree::load(dir)?;
    let dir_name = std::fs::canonicalize(dir)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
    let report = check_tree(&tree, dir_name.as_deref());
    Ok((tree, report))
}

/// Checks a loaded tree. `dir_name` is the directory's own name, compared
/// with the manifest's `name` when given.
pub fn check_tree(tree: &InterfaceTree, dir_name: Option<&str>) -> Report {
    let mut report = Report::default();
    check_manifest(tree, dir_name, &mut report);
    check_roles(tree, &mut report);
    check_entries(tree, &mut report);
    check_schemas(tree, &mut report);
    report
}

fn check_manifest(tree: &InterfaceTree, dir_name: Option<&str>, report: &mut Report) {
    let manifest = match &tree.manifest {
        None => {
            report.push(
                "manifest-missing",
                Severity::Error,
                MANIFEST_FILE,
                "there is no interface.yaml; every interface needs one with at least `name`"
                    .to_string(),
            );
            return;
        }
        Some(Err(err)) => {
            report.push(
                err.finding_id(),
                Severity::Error,
                MANIFEST_FILE,
                err.to_string(),
            );
            return;
        }
        Some(Ok(manifest)) => manifest,
    };
    if let Err(err) = uri::validate_name(&manifest.name) {
        report.push(
            "name-invalid",
            Severity::Error,
            MANIFEST_FILE,
            format!(
                "`name: {}` is not a valid interface name: {}",
                manifest.name, err.reason
            ),
        );
    } else if let Some(dir_name) = dir_name {
        let matches = dir_name == manifest.name
            || REPO_PREFIXES
                .iter()
                .any(|p| dir_name.strip_prefix(p) == Some(manifest.name.as_str()));
        if !matches {
            report.push(
                "name-mismatch",
                Severity::Warning,
                MANIFEST_FILE,
                format!(
                    "`name: {}` differs from the directory name {dir_name:?}; the index \
                     publishes it as {:?}",
                    manifest.name, manifest.name
                ),
            );
        }
    }
    let wants = |id: &'static str, missing: bool, what: &str| (id, missing, what.to_string());
    for (id, missing, what) in [
        wants(
            "summary-missing",
            is_blank(&manifest.summary),
            "a one-line `summary`",
        ),
        wants(
            "maintainer-missing",
            manifest.maintainers.is_empty(),
            "a `maintainer` (\"Name <email>\") so users know whom to ask",
        ),
        wants(
            "version-missing",
            manifest.version.is_none(),
            "`version:` (the protocol's major version); until it is set the index treats \
             the interface as version 1",
        ),
        wants(
            "category-missing",
            is_blank(&manifest.category),
            "a `category` (database, web, ops, ...) for browsing the index",
        ),
    ] {
        if missing {
            report.push(
                id,
                Severity::Warning,
                MANIFEST_FILE,
                format!("interface.yaml should have {what}"),
            );
        }
    }
    for key in manifest.unknown.keys() {
        report.push(
            "unknown-key",
            Severity::Warning,
            MANIFEST_FILE,
            format!(
                "unknown key `{key}` is kept as it is but not used by iface (known keys: {})",
                KNOWN_KEYS.join(", ")
            ),
        );
    }
}

fn is_blank(value: &Option<String>) -> bool {
    value.as_deref().is_none_or(|s| s.trim().is_empty())
}

fn check_roles(tree: &InterfaceTree, report: &mut Report) {
    if tree.roles.is_empty() {
        report.push(
            "no-roles",
            Severity::Error,
            "",
            "no role implementation: add provides/ and requires/ (or peer/), or in the \
             legacy layout provides.py, requires.py or peers.py"
                .to_string(),
        );
        return;
    }
    let has = |role| tree.has_role(role);
    if has(Role::Provides) != has(Role::Requires) {
        let (present, missing) = if has(Role::Provides) {
            ("provides", "requires")
        } else {
            ("requires", "provides")
        };
        report.push(
            "one-sided",
            Severity::Warning,
            "",
            format!(
                "only the {present} side is implemented; charms on the {missing} side of \
                 this relation will find nothing to compose"
            ),
        );
    }
    let seed = tree.roles.iter().any(|r| r.layout == Layout::Seed);
    let legacy = tree.roles.iter().any(|r| r.layout == Layout::Legacy);
    if seed && legacy {
        report.push(
            "mixed-layout",
            Severity::Warning,
            "",
            "both role directories and legacy role modules are present; the directories \
             are used"
                .to_string(),
        );
    } else if legacy {
        report.push(
            "legacy-layout",
            Severity::Info,
            "",
            "legacy reactive layout (role modules beside interface.yaml); it works as it is"
                .to_string(),
        );
    }
    for role in tree.roles.iter().filter(|r| r.layout == Layout::Seed) {
        let init = format!("{}/__init__.py", role.path);
        if tree.entry(&init).is_none() {
            report.push(
                "role-init-missing",
                Severity::Warning,
                &role.path,
                format!(
                    "{}/ has no __init__.py, so charms cannot import it as the {} role",
                    role.path, role.role
                ),
            );
        }
    }
    if tree.readme().is_none() {
        report.push(
            "readme-missing",
            Severity::Warning,
            "README.md",
            "there is no README.md; it is what users read on the index to learn what \
             each side puts in the relation"
                .to_string(),
        );
    }
}

fn check_entries(tree: &InterfaceTree, report: &mut Report) {
    for problem in &tree.problems {
        match problem {
            Problem::Special { path, kind } => report.push(
                "special-file",
                Severity::Error,
                path,
                format!("{path} is {kind}; archives hold only files, directories and links"),
            ),
            Problem::NotUtf8 { path } => report.push(
                "name-not-utf8",
                Severity::Error,
                path,
                format!("{path}: file names must be UTF-8"),
            ),
            Problem::LinkNotUtf8 { path } => report.push(
                "name-not-utf8",
                Severity::Error,
                path,
                format!("{path}: the link's target is not UTF-8"),
            ),
            Problem::BadIgnore { pattern, message } => report.push(
                "ignore-invalid",
                Severity::Error,
                MANIFEST_FILE,
                format!("ignore pattern {pattern:?} is not a valid glob: {message}"),
            ),
        }
    }
    let mut total: u64 = 0;
    for entry in &tree.entries {
        match &entry.kind {
            EntryKind::File { size, .. } => total = total.saturating_add(*size),
            EntryKind::Symlink { target } => match resolve_link(&entry.path, target) {
                None if target.starts_with('/') => report.push(
                    "link-absolute",
                    Severity::Error,
                    &entry.path,
                    format!(
                        "{} links to the absolute path {target}; links must be relative \
                         and stay inside the interface",
                        entry.path
                    ),
                ),
                None if crate::tree::climbs_after_name(target) => report.push(
                    "link-not-normal",
                    Severity::Error,
                    &entry.path,
                    format!(
                        "{} links to {target}, which climbs with .. after a name; through \
                         another link that could leave the tree, so write the target as \
                         leading ../ parts followed by names",
                        entry.path
                    ),
                ),
                None => report.push(
                    "link-escapes",
                    Severity::Error,
                    &entry.path,
                    format!(
                        "{} links to {target}, outside the interface directory",
                        entry.path
                    ),
                ),
                Some(resolved) => {
                    if tree.entry(&resolved).is_none() {
                        report.push(
                            "link-dangling",
                            Severity::Warning,
                            &entry.path,
                            format!(
                                "{} links to {target}, which is missing or ignored, so the \
                                 link will dangle once fetched",
                                entry.path
                            ),
                        );
                    }
                }
            },
            EntryKind::Dir => {}
        }
    }
    if tree.entries.len() > MAX_ENTRIES {
        report.push(
            "too-many-entries",
            Severity::Error,
            "",
            format!(
                "{} files and directories; an archive may hold at most {MAX_ENTRIES}",
                tree.entries.len()
            ),
        );
    }
    if total > MAX_UNPACKED_BYTES {
        report.push(
            "too-large",
            Severity::Error,
            "",
            format!(
                "the files add up to {total} bytes; an archive may hold at most \
                 {MAX_UNPACKED_BYTES} bytes unpacked"
            ),
        );
    }
}

fn check_schemas(tree: &InterfaceTree, report: &mut Report) {
    let known: Vec<String> = Role::ALL
        .iter()
        .map(|r| format!("schema/{}", r.schema_file()))
        .collect();
    for entry in &tree.entries {
        let Some(file) = entry.path.strip_prefix("schema/") else {
            continue;
        };
        if file.contains('/') || matches!(entry.kind, EntryKind::Dir) {
            continue;
        }
        if !known.contains(&entry.path) {
            if file.ends_with(".json") {
                report.push(
                    "schema-unknown-file",
                    Severity::Warning,
                    &entry.path,
                    format!(
                        "{} is not one of provider.json, requirer.json, peer.json, so no \
                         role uses it",
                        entry.path
                    ),
                );
            }
            continue;
        }
        let text = match std::fs::read(tree.root.join(&entry.path)) {
            Ok(bytes) => bytes,
            Err(err) => {
                report.push(
                    "schema-invalid",
                    Severity::Error,
                    &entry.path,
                    format!("could not read {}: {err}", entry.path),
                );
                continue;
            }
        };
        match serde_json::from_slice::<serde_json::Value>(&text) {
            Ok(value @ serde_json::Value::Object(_)) => {
                report.findings.extend(schema::lint(&entry.path, &value));
            }
            Ok(_) => report.push(
                "schema-invalid",
                Severity::Error,
                &entry.path,
                format!("{} must hold a JSON object (a JSON Schema)", entry.path),
            ),
            Err(err) => report.push(
                "schema-invalid",
                Severity::Error,
                &entry.path,
                format!("{} is not valid JSON: {err}", entry.path),
            ),
        }
    }
}

/// The role schemas of a tree that parse as JSON objects, by file name.
/// Files that do not parse are left out; `check` reports them.
pub fn schemas_of(tree: &InterfaceTree) -> SchemaSet {
    let mut set = SchemaSet::default();
    for role in Role::ALL {
        let rel = format!("schema/{}", role.schema_file());
        if tree.entry(&rel).is_none() {
            continue;
        }
        if let Some(value) = std::fs::read(tree.root.join(&rel))
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .filter(serde_json::Value::is_object)
        {
            set.files.insert(role.schema_file().to_string(), value);
        }
    }
    set
}

/// What the index learns from an uploaded archive.
#[derive(Debug)]
pub struct CheckedArchive {
    pub report: Report,
    pub manifest: Option<Manifest>,
    pub manifest_text: Option<String>,
    pub roles: Vec<Role>,
    pub readme: Option<String>,
    pub schemas: SchemaSet,
}

/// Unpacks an archive into a temporary directory (with every unpack rule)
/// and runs the same checks as `iface check` on it.
pub fn check_archive(bytes: &[u8]) -> Result<CheckedArchive, ArchiveError> {
    let scratch = tempfile::Builder::new()
        .prefix(".iface-check-")
        .tempdir()
        .map_err(ArchiveError::from)?;
    let root = scratch.path().join("interface");
    archive::unpack(bytes, &root)?;
    let tree =
        InterfaceTree::load(&root).map_err(|e| ArchiveError::from(std::io::Error::other(e)))?;
    let report = check_tree(&tree, None);
    let readme = tree
        .readme()
        .and_then(|p| std::fs::read_to_string(root.join(p)).ok());
    Ok(CheckedArchive {
        report,
        manifest: tree.manifest().cloned(),
        manifest_text: tree.manifest_text.clone(),
        roles: tree.roles.iter().map(|r| r.role).collect(),
        readme,
        schemas: schemas_of(&tree),
    })
}
