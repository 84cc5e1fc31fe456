//! An interface directory on disk: which files belong to it (ignore rules)
//! and which role implementations it has (seed or legacy layout).

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Serialize;

use crate::archive::{Entry, EntryKind};
use crate::manifest::{MANIFEST_FILE, Manifest, ManifestError};

/// Left out of every archive, whatever the interface's own `ignore:` says.
pub const ALWAYS_IGNORED: &[&str] = &[
    ".git",
    ".bzr",
    ".tox",
    "__pycache__",
    "*.pyc",
    "*~",
    "*.swp",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Provides,
    Requires,
    Peer,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Provides, Role::Requires, Role::Peer];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Provides => "provides",
            Role::Requires => "requires",
            Role::Peer => "peer",
        }
    }

    /// The role's directory in the seed format.
    pub fn seed_dir(self) -> &'static str {
        self.as_str()
    }

    /// The role's module in the legacy reactive layout, in order of preference.
    pub fn legacy_files(self) -> &'static [&'static str] {
        match self {
            Role::Provides => &["provides.py"],
            Role::Requires => &["requires.py"],
            Role::Peer => &["peers.py", "peer.py"],
        }
    }

    /// The JSON Schema describing the databags this role writes.
    pub fn schema_file(self) -> &'static str {
        match self {
            Role::Provides => "provider.json",
            Role::Requires => "requirer.json",
            Role::Peer => "peer.json",
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// `provides/`, `requires/`, `peer/` packages.
    Seed,
    /// `provides.py`, `requires.py`, `peers.py` beside interface.yaml.
    Legacy,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleImpl {
    pub role: Role,
    pub layout: Layout,
    /// Path of the directory or module, relative to the interface root.
    pub path: String,
}

/// Something on disk that no archive may hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A fifo, socket or device.
    Special { path: String, kind: &'static str },
    /// A name that is not UTF-8 (shown lossily).
    NotUtf8 { path: String },
    /// A symlink whose target is not UTF-8.
    LinkNotUtf8 { path: String },
    /// An `ignore:` pattern that is not a valid glob.
    BadIgnore { pattern: String, message: String },
}

/// Decides which paths are left out. Patterns follow the `.gitignore` habits
/// charm authors already know: a pattern without `/` matches a name at any
/// depth, one with `/` matches from the root, `**/` spans directories, and a
/// trailing `/` matches directories only.
#[derive(Debug)]
pub struct Ignore {
    by_name: GlobSet,
    by_path: GlobSet,
    name_dir_only: Vec<bool>,
    path_dir_only: Vec<bool>,
}

impl Ignore {
    pub fn new(patterns: &[String]) -> (Ignore, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut by_name = GlobSetBuilder::new();
        let mut by_path = GlobSetBuilder::new();
        let mut name_dir_only = Vec::new();
        let mut path_dir_only = Vec::new();
        let all = ALWAYS_IGNORED
            .iter()
            .map(|p| p.to_string())
            .chain(patterns.iter().cloned());
        for pattern in all {
            let trimmed = pattern.trim();
            let dir_only = trimmed.ends_with('/');
            let body = trimmed.trim_end_matches('/');
            let anchored = body.starts_with('/');
            let body = body.trim_start_matches('/');
            if body.is_empty() {
                continue;
            }
            let glob = match GlobBuilder::new(body).literal_separator(true).build() {
                Ok(glob) => glob,
                Err(err) => {
                    problems.push(Problem::BadIgnore {
                        pattern: pattern.clone(),
                        message: err.kind().to_string(),
                    });
                    continue;
                }
            };
            if anchored || body.contains('/') {
                by_path.add(glob);
                path_dir_only.push(dir_only);
            } else {
                by_name.add(glob);
                name_dir_only.push(dir_only);
            }
        }
        let build = |b: GlobSetBuilder| {
            b.build()
                .unwrap_or_else(|_| GlobSetBuilder::new().build().expect("empty set"))
        };
        (
            Ignore {
                by_name: build(by_name),
                by_path: build(by_path),
                name_dir_only,
                path_dir_only,
            },
            problems,
        )
    }

    /// `path` is relative and '/'-separated.
    pub fn is_ignored(&self, path: &str, is_dir: bool) -> bool {
        let name = path.rsplit('/').next().unwrap_or(path);
        let hit = |set: &GlobSet, dir_only: &[bool], candidate: &str| {
            set.matches(candidate)
                .into_iter()
                .any(|i| is_dir || !dir_only[i])
        };
        hit(&self.by_name, &self.name_dir_only, name)
            || hit(&self.by_path, &self.path_dir_only, path)
    }
}

/// An interface directory, read once.
#[derive(Debug)]
pub struct InterfaceTree {
    pub root: PathBuf,
    /// `None` when there is no interface.yaml at all.
    pub manifest: Option<Result<Manifest, ManifestError>>,
    /// The manifest's text as it is on disk, when it could be read.
    pub manifest_text: Option<String>,
    /// Every entry that belongs in the archive, sorted by path.
    pub entries: Vec<Entry>,
    pub problems: Vec<Problem>,
    pub roles: Vec<RoleImpl>,
}

impl InterfaceTree {
    pub fn load(root: &Path) -> anyhow::Result<InterfaceTree> {
        let meta = std::fs::metadata(root)
            .with_context(|| format!("could not read interface directory {}", root.display()))?;
        if !meta.is_dir() {
            anyhow::bail!("{} is not a directory", root.display());
        }
        let manifest_path = root.join(MANIFEST_FILE);
        let (manifest, manifest_text) = if manifest_path.exists() {
            match Manifest::read(&manifest_path)? {
                Ok((manifest, text)) => (Some(Ok(manifest)), Some(text)),
                Err(err) => (Some(Err(err)), None),
            }
        } else {
            (None, None)
        };
        let patterns = match &manifest {
            Some(Ok(m)) => m.ignore.clone(),
            _ => Vec::new(),
        };
        let (ignore, mut problems) = Ignore::new(&patterns);
        let mut entries = Vec::new();
        walk(root, "", &ignore, &mut entries, &mut problems)?;
        entries.sort();
        let roles = detect_roles(&entries);
        Ok(InterfaceTree {
            root: root.to_path_buf(),
            manifest,
            manifest_text,
            entries,
            problems,
            roles,
        })
    }

    pub fn manifest(&self) -> Option<&Manifest> {
        self.manifest.as_ref().and_then(|m| m.as_ref().ok())
    }

    pub fn entry(&self, path: &str) -> Option<&Entry> {
        self.entries
            .binary_search_by(|e| e.path.as_str().cmp(path))
            .ok()
            .map(|i| &self.entries[i])
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.roles.iter().any(|r| r.role == role)
    }

    /// The README's path, if there is one (README.md preferred).
    pub fn readme(&self) -> Option<&str> {
        ["README.md", "README", "README.rst", "README.txt"]
            .into_iter()
            .find(|p| self.entry(p).is_some())
    }
}

fn walk(
    root: &Path,
    prefix: &str,
    ignore: &Ignore,
    entries: &mut Vec<Entry>,
    problems: &mut Vec<Problem>,
) -> anyhow::Result<()> {
    let dir = root.join(prefix);
    let mut children: Vec<_> = std::fs::read_dir(&dir)
        .with_context(|| format!("could not list {}", dir.display()))?
        .collect::<Result<_, _>>()
        .with_context(|| format!("could not list {}", dir.display()))?;
    children.sort_by_key(|c| c.file_name());
    for child in children {
        let os_name = child.file_name();
        let Some(name) = os_name.to_str() else {
            problems.push(Problem::NotUtf8 {
                path: join(prefix, &os_name.to_string_lossy()),
            });
            continue;
        };
        let path = join(prefix, name);
        let meta = std::fs::symlink_metadata(child.path())
            .with_context(|| format!("could not read {}", child.path().display()))?;
        let file_type = meta.file_type();
        if ignore.is_ignored(&path, file_type.is_dir()) {
            continue;
        }
        if file_type.is_dir() {
            entries.push(Entry {
                path: path.clone(),
                kind: EntryKind::Dir,
            });
            walk(root, &path, ignore, entries, problems)?;
        } else if file_type.is_file() {
            use std::os::unix::fs::PermissionsExt;
            entries.push(Entry {
                path,
                kind: EntryKind::File {
                    executable: meta.permissions().mode() & 0o111 != 0,
                    size: meta.len(),
                },
            });
        } else if file_type.is_symlink() {
            let target = std::fs::read_link(child.path())
                .with_context(|| format!("could not read link {}", child.path().display()))?;
            match target.to_str() {
                Some(target) => entries.push(Entry {
                    path,
                    kind: EntryKind::Symlink {
                        target: target.to_string(),
                    },
                }),
                None => problems.push(Problem::LinkNotUtf8 { path }),
            }
        } else {
            use std::os::unix::fs::FileTypeExt;
            let kind = if file_type.is_fifo() {
                "a fifo"
            } else if file_type.is_socket() {
                "a socket"
            } else if file_type.is_block_device() {
                "a block device"
            } else {
                "a character device"
            };
            problems.push(Problem::Special { path, kind });
        }
    }
    Ok(())
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}/{name}")
    }
}

fn detect_roles(entries: &[Entry]) -> Vec<RoleImpl> {
    let find = |path: &str| entries.iter().find(|e| e.path == path);
    let mut roles = Vec::new();
    for role in Role::ALL {
        if let Some(Entry {
            kind: EntryKind::Dir,
            ..
        }) = find(role.seed_dir())
        {
            roles.push(RoleImpl {
                role,
                layout: Layout::Seed,
                path: role.seed_dir().to_string(),
            });
            continue;
        }
        if let Some(file) = role
            .legacy_files()
            .iter()
            .find(|f| find(f).is_some_and(|e| !matches!(e.kind, EntryKind::Dir)))
        {
            roles.push(RoleImpl {
                role,
                layout: Layout::Legacy,
                path: file.to_string(),
            });
        }
    }
    roles
}

/// Resolves a symlink target lexically from the link's directory. `None`
/// when it is absolute, climbs out of the tree, or climbs after a name
/// (`c/../d`): if `c` is itself a link, the kernel climbs from wherever `c`
/// points, so only leading `..` parts can be checked without following links.
pub fn resolve_link(link_path: &str, target: &str) -> Option<String> {
    if target.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = link_path.split('/').collect();
    parts.pop();
    let mut named = false;
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." if named => return None,
            ".." => {
                parts.pop()?;
            }
            other => {
                named = true;
                parts.push(other);
            }
        }
    }
    Some(parts.join("/"))
}

/// True for a relative target that climbs after a name (`c/../d`).
pub fn climbs_after_name(target: &str) -> bool {
    let mut named = false;
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." if named => return true,
            ".." => {}
            _ => named = true,
        }
    }
    false
}

/// Compiles one glob the way `Ignore` does, for callers that match single
/// patterns (kept here so the rules live in one place).
pub fn glob(pattern: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(pattern).literal_separator(true).build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ignore(patterns: &[&str]) -> Ignore {
        let (ignore, problems) =
            Ignore::new(&patterns.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert!(problems.is_empty(), "{problems:?}");
        ignore
    }

    #[test]
    fn always_ignored() {
        let i = ignore(&[]);
        assert!(i.is_ignored(".git", true));
        assert!(i.is_ignored("pkg/__pycache__", true));
        assert!(i.is_ignored("pkg/mod.pyc", false));
        assert!(i.is_ignored("provides.py~", false));
        assert!(i.is_ignored(".requires.py.swp", false));
        assert!(!i.is_ignored("provides.py", false));
    }

    #[test]
    fn ignore_patterns_follow_gitignore_habits() {
        let i = ignore(&["tests", "**/*.orig", "docs/", "/build", "unit_tests/*.py"]);
        assert!(i.is_ignored("tests", true));
        assert!(i.is_ignored("pkg/tests", true));
        assert!(i.is_ignored("a.orig", false));
        assert!(i.is_ignored("deep/er/a.orig", false));
        assert!(i.is_ignored("docs", true));
        assert!(
            !i.is_ignored("docs", false),
            "docs/ matches directories only"
        );
        assert!(i.is_ignored("build", true));
        assert!(!i.is_ignored("pkg/build", true), "/build is anchored");
        assert!(i.is_ignored("unit_tests/a.py", false));
        assert!(!i.is_ignored("unit_tests/sub/a.py", false));
    }

    #[test]
    fn bad_ignore_pattern_is_a_problem() {
        let (_, problems) = Ignore::new(&["a[".to_string()]);
        assert!(matches!(problems.as_slice(), [Problem::BadIgnore { .. }]));
    }

    #[test]
    fn link_resolution() {
        assert_eq!(
            resolve_link("peers.py", "requires.py").as_deref(),
            Some("requires.py")
        );
        assert_eq!(resolve_link("a/b", "../c").as_deref(), Some("c"));
        assert_eq!(resolve_link("a/b", "./c/../d"), None, "climbs after a name");
        assert!(climbs_after_name("c/../d") && !climbs_after_name("../../d"));
        assert_eq!(resolve_link("a", "../x"), None);
        assert_eq!(resolve_link("a/b", "/etc/passwd"), None);
    }
}
