//! `iface compose`: splice the interfaces a charm's endpoints name into
//! `hooks/relations/<interface>/`, as charm-tools lays them out, with a lock
//! file that makes the next run reproducible and safe.
//!
//! Where it gets interfaces from is a [`Source`] (the client's indexes and
//! cache); everything here works on a charm directory and archive bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Serialize;

use crate::archive::{self, EntryKind};
use crate::error::{CodedError, ErrorCode};
use crate::fsutil::write_atomically;
use crate::tree::{Ignore, InterfaceTree, Layout, Role};
use crate::uri::InterfaceUri;

pub mod charm;
pub mod deps;
pub mod lock;

use lock::{LOCK_FILE, Lock, LockedInterface, PENDING_FILE};

pub const RELATIONS_DIR: &str = "hooks/relations";
const STAGING_PREFIX: &str = ".iface-staging-";

/// One interface revision, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// Canonical: owner and revision set.
    pub uri: InterfaceUri,
    /// Protocol version; a missing `version:` counts as 1.
    pub version: u32,
    pub digest: String,
    /// The index that served it.
    pub index: String,
}

/// Where compose gets interfaces: resolution and verified archives.
pub trait Source {
    /// Resolves every URI in one go; one result per URI, in order.
    fn resolve(&self, uris: &[InterfaceUri]) -> anyhow::Result<Vec<anyhow::Result<Resolved>>>;
    /// Every published revision of `~owner/name`, for `--refresh`.
    fn revisions(&self, owner: &str, name: &str) -> anyhow::Result<Vec<Resolved>>;
    /// The archives' bytes, each verified against its digest.
    fn archives(&self, items: &[Resolved]) -> anyhow::Result<Vec<Vec<u8>>>;
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub refresh: bool,
    pub force: bool,
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Add,
    Update,
    Remove,
    Keep,
}

#[derive(Debug, Clone, Serialize)]
pub struct FilePlan {
    pub path: String,
    pub action: Action,
}

#[derive(Debug, Clone, Serialize)]
pub struct InterfacePlan {
    pub name: String,
    /// The URI composed in; `None` when the interface is being removed.
    pub uri: Option<String>,
    /// The URI the lock had before, if any.
    pub previous: Option<String>,
    pub roles: Vec<String>,
    pub files: Vec<FilePlan>,
    /// A newer revision with another `version`, which --refresh never takes.
    pub available: Option<String>,
}

impl InterfacePlan {
    pub fn changes(&self) -> impl Iterator<Item = &FilePlan> {
        self.files.iter().filter(|f| f.action != Action::Keep)
    }

    pub fn count(&self, action: Action) -> usize {
        self.files.iter().filter(|f| f.action == action).count()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub charm: PathBuf,
    pub dry_run: bool,
    pub interfaces: Vec<InterfacePlan>,
    /// wheelhouse.txt or requirements.txt, when interfaces declare deps.
    pub deps_file: Option<String>,
    pub deps_changed: bool,
    pub lock_changed: bool,
    pub warnings: Vec<String>,
}

impl Outcome {
    /// True when the run wrote (or, dry, would write) anything.
    pub fn changed(&self) -> bool {
        self.deps_changed
            || self.lock_changed
            || self.interfaces.iter().any(|i| i.changes().next().is_some())
    }
}

/// What a file or link should be.
enum Want {
    File { bytes: Vec<u8>, executable: bool },
    Link { target: String },
}

fn digest_of(want: &Want) -> String {
    match want {
        Want::File { bytes, .. } => archive::sha256_hex(bytes),
        Want::Link { target } => archive::sha256_hex(format!("link:{target}").as_bytes()),
    }
}

struct Prepared {
    name: String,
    resolved: Resolved,
    roles: BTreeSet<Role>,
    want: BTreeMap<String, Want>,
    deps: Vec<String>,
    available: Option<String>,
}

pub fn compose(charm: &Path, source: &dyn Source, options: Options) -> anyhow::Result<Outcome> {
    let endpoints = charm::endpoints(charm)?;
    let includes = charm::includes(charm)?;
    let lock = Lock::read(charm)?;
    let pending = Lock::read_pending(charm)?;
    let mut warnings = Vec::new();

    let mut used: BTreeMap<String, Vec<&charm::Endpoint>> = BTreeMap::new();
    for endpoint in &endpoints {
        used.entry(endpoint.interface.clone())
            .or_default()
            .push(endpoint);
    }
    for (name, uri) in &includes {
        if !used.contains_key(name) {
            warnings.push(format!(
                "layer.yaml includes {uri}, but no endpoint uses interface {name}; skipped"
            ));
        }
    }

    // Leftovers of an interrupted run are ours to clear.
    if !options.dry_run {
        remove_staging(charm)?;
    }

    let prepared = prepare(charm, source, &used, &includes, lock.as_ref(), options)?;

    // Plan every interface before writing anything.
    let relations = charm.join(RELATIONS_DIR);
    let empty = Lock::new();
    let old = lock.as_ref().unwrap_or(&empty);
    let mut plans = Vec::new();
    let mut conflicts = Vec::new();
    let mut new_lock = Lock::new();
    let names: BTreeSet<&String> = prepared
        .iter()
        .map(|p| &p.name)
        .chain(old.interfaces.keys())
        .collect();
    let by_name: BTreeMap<&String, &Prepared> = prepared.iter().map(|p| (&p.name, p)).collect();
    let mut preserved: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for name in names {
        let dir = relations.join(name);
        let disk = scan(&dir)?;
        let mut owned: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for source in [Some(old), pending.as_ref()].into_iter().flatten() {
            if let Some(entry) = source.interfaces.get(name) {
                for (path, digest) in &entry.files {
                    owned.entry(path).or_default().insert(digest);
                }
            }
        }
        let target = by_name.get(name).copied();
        let empty_want = BTreeMap::new();
        let want = target.map(|p| &p.want).unwrap_or(&empty_want);
        let mut files = Vec::new();
        let paths: BTreeSet<&str> = want
            .keys()
            .map(String::as_str)
            .chain(owned.keys().copied())
            .chain(disk.keys().map(String::as_str))
            .collect();
        for path in paths {
            let on_disk = disk.get(path);
            let is_owned = |d: &str| owned.get(path).is_some_and(|s| s.contains(d));
            let shown = format!("{RELATIONS_DIR}/{name}/{path}");
            let action = match (want.get(path), on_disk) {
                (Some(w), Some(d)) if *d == digest_of(w) => Action::Keep,
                (Some(_), None) => Action::Add,
                (Some(_), Some(d)) => {
                    if !is_owned(d) && !options.force {
                        conflicts.push(if owned.contains_key(path) {
                            format!("{shown} was edited by hand")
                        } else {
                            format!("{shown} exists and was not written by iface compose")
                        });
                    }
                    Action::Update
                }
                (None, Some(d)) if is_owned(d) => Action::Remove,
                (None, Some(_)) if owned.contains_key(path) => {
                    if !options.force {
                        conflicts.push(format!(
                            "{shown} was edited by hand, and the interface no longer has it"
                        ));
                    }
                    Action::Remove
                }
                (None, Some(_)) => {
                    // A file the author added. Kept while the interface
                    // stays; an interface being removed takes it only with
                    // --force.
                    if target.is_none() {
                        if !options.force {
                            conflicts.push(format!(
                                "{shown} was not written by iface compose, and interface {name} is no longer used"
                            ));
                        }
                        Action::Remove
                    } else {
                        preserved
                            .entry(name.clone())
                            .or_default()
                            .push(path.to_string());
                        continue;
                    }
                }
                (None, None) => continue,
            };
            files.push(FilePlan {
                path: path.to_string(),
                action,
            });
        }
        let previous = old.interfaces.get(name).map(|e| e.uri.clone());
        if let Some(p) = target {
            new_lock.interfaces.insert(
                name.clone(),
                LockedInterface {
                    uri: p.resolved.uri.to_string(),
                    revision: p.resolved.uri.revision.unwrap_or(0),
                    version: p.resolved.version,
                    digest: p.resolved.digest.clone(),
                    index: p.resolved.index.clone(),
                    roles: p.roles.iter().map(|r| r.as_str().to_string()).collect(),
                    files: p
                        .want
                        .iter()
                        .map(|(path, w)| (path.clone(), digest_of(w)))
                        .collect(),
                },
            );
        }
        plans.push(InterfacePlan {
            name: name.clone(),
            uri: target.map(|p| p.resolved.uri.to_string()),
            previous,
            roles: target
                .map(|p| p.roles.iter().map(|r| r.as_str().to_string()).collect())
                .unwrap_or_default(),
            files,
            available: target.and_then(|p| p.available.clone()),
        });
    }

    // Dependencies: merged (and refused on conflict) before anything is written.
    let deps_by_interface: BTreeMap<String, Vec<String>> = prepared
        .iter()
        .filter(|p| !p.deps.is_empty())
        .map(|p| (p.name.clone(), p.deps.clone()))
        .collect();
    let deps_lines = deps::merge(&deps_by_interface)?;
    let deps_name = if charm::is_reactive(charm) {
        "wheelhouse.txt"
    } else {
        "requirements.txt"
    };
    let deps_path = charm.join(deps_name);
    let deps_original = match std::fs::read_to_string(&deps_path) {
        Ok(text) => Some(text),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => {
            return Err(err).with_context(|| format!("could not read {}", deps_path.display()));
        }
    };
    let original_text = deps_original.clone().unwrap_or_default();
    let deps_text = deps::rewrite(&original_text, &deps_lines);
    let deps_changed =
        deps_text != original_text && !(deps_original.is_none() && deps_lines.is_empty());
    let new_block = deps::current_block(&deps_text).map(|b| archive::sha256_hex(b.as_bytes()));
    if deps_changed && !options.force {
        let current =
            deps::current_block(&original_text).map(|b| archive::sha256_hex(b.as_bytes()));
        if current.is_some() && current != old.deps_block && current != new_block {
            conflicts.push(format!("the iface block in {deps_name} was edited by hand"));
        }
    }
    new_lock.deps_block = new_block;

    if !conflicts.is_empty() {
        return Err(CodedError::new(
            ErrorCode::Conflict,
            format!(
                "compose stopped before writing anything:\n  {}",
                conflicts.join("\n  ")
            ),
        )
        .hint("keep your edits elsewhere, or run `iface compose --force` to overwrite them")
        .into());
    }

    let lock_bytes = new_lock.to_bytes();
    let lock_path = charm.join(LOCK_FILE);
    let lock_changed = std::fs::read(&lock_path).ok().as_deref() != Some(lock_bytes.as_slice());
    let outcome = Outcome {
        charm: charm.to_path_buf(),
        dry_run: options.dry_run,
        interfaces: plans,
        deps_file: (!deps_lines.is_empty() || deps_changed).then(|| deps_name.to_string()),
        deps_changed,
        lock_changed,
        warnings,
    };
    if options.dry_run || !outcome.changed() {
        return Ok(outcome);
    }

    // Apply: journal, one interface directory at a time, deps, lock last.
    let changed: Vec<&InterfacePlan> = outcome
        .interfaces
        .iter()
        .filter(|i| i.changes().next().is_some())
        .collect();
    if !changed.is_empty() {
        write_atomically(&charm.join(PENDING_FILE), &new_lock.to_bytes())?;
        let staging = tempfile::Builder::new()
            .prefix(STAGING_PREFIX)
            .tempdir_in(charm)
            .with_context(|| {
                format!(
                    "could not create a staging directory in {}",
                    charm.display()
                )
            })?;
        std::fs::create_dir_all(&relations)
            .with_context(|| format!("could not create {}", relations.display()))?;
        for plan in changed {
            let dir = relations.join(&plan.name);
            match by_name.get(&plan.name) {
                Some(p) => {
                    let keep = preserved.get(&plan.name).cloned().unwrap_or_default();
                    install(&dir, staging.path(), p, plan, &keep)?;
                }
                None => uninstall(&dir, staging.path())?,
            }
        }
    }
    if deps_changed {
        write_atomically(&deps_path, deps_text.as_bytes())?;
    }
    write_atomically(&lock_path, &lock_bytes)?;
    match std::fs::remove_file(charm.join(PENDING_FILE)) {
        Ok(()) => {}
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
        Err(err) => return Err(err).context("could not remove the compose journal"),
    }
    Ok(outcome)
}

/// Resolves, fetches and unpacks every used interface, and works out which
/// files each should have.
fn prepare(
    charm: &Path,
    source: &dyn Source,
    used: &BTreeMap<String, Vec<&charm::Endpoint>>,
    includes: &BTreeMap<String, InterfaceUri>,
    lock: Option<&Lock>,
    options: Options,
) -> anyhow::Result<Vec<Prepared>> {
    let mut requests = Vec::new();
    for name in used.keys() {
        let locked = lock.and_then(|l| l.interfaces.get(name));
        let include = includes.get(name);
        let locked_uri = locked.and_then(|l| InterfaceUri::parse(&l.uri).ok());
        // The lock wins unless the author changed what layer.yaml asks for.
        let lock_agrees = match (&locked_uri, include) {
            (Some(l), Some(i)) => {
                (i.owner.is_none() || i.owner == l.owner)
                    && (i.revision.is_none() || i.revision == l.revision)
            }
            (Some(_), None) => true,
            _ => false,
        };
        let request = match (&locked_uri, include) {
            (Some(l), _) if lock_agrees && !options.refresh => l.clone(),
            (_, Some(i)) if i.revision.is_some() || !lock_agrees => i.clone(),
            (Some(l), _) => l.without_revision(),
            (None, Some(i)) => i.clone(),
            (None, None) => InterfaceUri {
                owner: None,
                name: name.clone(),
                revision: None,
            },
        };
        requests.push(request);
    }
    let results = source.resolve(&requests)?;
    let mut resolved = Vec::new();
    let mut failures = Vec::new();
    for ((name, request), result) in used.keys().zip(&requests).zip(results) {
        match result {
            Ok(r) => resolved.push((name.clone(), r)),
            Err(err) => failures.push(format!("{name} ({request}): {err:#}")),
        }
    }
    if !failures.is_empty() {
        return Err(CodedError::new(
            ErrorCode::NotFound,
            format!("could not resolve:\n  {}", failures.join("\n  ")),
        )
        .hint("publish or promulgate the interface, or name an exact URI in layer.yaml includes")
        .into());
    }

    // --refresh never crosses a `version`: step back to the newest revision
    // of the locked version, and report the newer one as available.
    let mut available = BTreeMap::new();
    if options.refresh {
        for (name, r) in resolved.iter_mut() {
            let Some(locked) = lock.and_then(|l| l.interfaces.get(name.as_str())) else {
                continue;
            };
            if r.version == locked.version
                || includes
                    .get(name.as_str())
                    .is_some_and(|i| i.revision.is_some())
            {
                continue;
            }
            let owner = r.uri.owner.clone().unwrap_or_default();
            let same: Option<Resolved> = source
                .revisions(&owner, &r.uri.name)?
                .into_iter()
                .filter(|c| c.version == locked.version)
                .max_by_key(|c| c.uri.revision);
            available.insert(name.clone(), format!("{} (version {})", r.uri, r.version));
            if let Some(same) = same {
                *r = same;
            }
        }
    }

    let items: Vec<Resolved> = resolved.iter().map(|(_, r)| r.clone()).collect();
    let archives = source.archives(&items)?;
    let scratch = tempfile::tempdir().context("could not create a scratch directory")?;
    let mut out = Vec::new();
    for ((name, r), bytes) in resolved.into_iter().zip(archives) {
        let root = scratch.path().join(&name);
        archive::unpack(&bytes, &root).with_context(|| format!("could not unpack {}", r.uri))?;
        let tree = InterfaceTree::load(&root)?;
        let roles: BTreeSet<Role> = used[&name].iter().map(|e| e.role).collect();
        for endpoint in &used[&name] {
            if !tree.has_role(endpoint.role) {
                let offered: Vec<&str> = tree.roles.iter().map(|r| r.role.as_str()).collect();
                return Err(CodedError::new(
                    ErrorCode::NotFound,
                    format!(
                        "endpoint `{}` needs the {} role of {}, which implements only {}",
                        endpoint.name,
                        endpoint.role,
                        r.uri,
                        if offered.is_empty() { "nothing".to_string() } else { offered.join(", ") }
                    ),
                )
                .hint(format!(
                    "use another interface for `{}` in {}, or ask the interface's maintainers for the {} side",
                    endpoint.name,
                    charm.join("metadata.yaml").display(),
                    endpoint.role
                ))
                .into());
            }
        }
        let want = wanted_files(&tree, &roles)?;
        let deps = tree
            .manifest()
            .map(|m| {
                let mut list = m.deps.shared.clone();
                for role in &roles {
                    list.extend(match role {
                        Role::Provides => m.deps.provides.clone(),
                        Role::Requires => m.deps.requires.clone(),
                        Role::Peer => m.deps.peer.clone(),
                    });
                }
                list
            })
            .unwrap_or_default();
        out.push(Prepared {
            available: available.remove(&name),
            name,
            resolved: r,
            roles,
            want,
            deps,
        });
    }
    Ok(out)
}

/// Legacy interfaces are copied whole, as `charm build` copies them; seed
/// ones get their manifest, README, schema and only the roles in use. Both
/// get an `__init__.py` so that `relations.<name>` imports.
fn wanted_files(
    tree: &InterfaceTree,
    roles: &BTreeSet<Role>,
) -> anyhow::Result<BTreeMap<String, Want>> {
    let seed = tree.roles.iter().any(|r| r.layout == Layout::Seed);
    let role_dirs: Vec<String> = tree
        .roles
        .iter()
        .filter(|r| roles.contains(&r.role))
        .map(|r| format!("{}/", r.path))
        .collect();
    let mut want = BTreeMap::new();
    for entry in &tree.entries {
        let path = entry.path.as_str();
        if seed {
            let top = path.split('/').next().unwrap_or(path);
            let keep = path == crate::manifest::MANIFEST_FILE
                || top.starts_with("README")
                || top == "schema"
                || role_dirs.iter().any(|d| path.starts_with(d.as_str()));
            if !keep {
                continue;
            }
        }
        match &entry.kind {
            EntryKind::Dir => {}
            EntryKind::File { executable, .. } => {
                let bytes = std::fs::read(tree.root.join(path)).with_context(|| {
                    format!("could not read {path} from the unpacked interface")
                })?;
                want.insert(
                    path.to_string(),
                    Want::File {
                        bytes,
                        executable: *executable,
                    },
                );
            }
            EntryKind::Symlink { target } => {
                want.insert(
                    path.to_string(),
                    Want::Link {
                        target: target.clone(),
                    },
                );
            }
        }
    }
    want.entry("__init__.py".to_string()).or_insert(Want::File {
        bytes: Vec::new(),
        executable: false,
    });
    Ok(want)
}

/// Files and links under an interface directory, with their digests.
/// Interpreter droppings (`__pycache__`, `*.pyc`) are not anyone's work.
fn scan(dir: &Path) -> anyhow::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    if !dir.exists() {
        return Ok(out);
    }
    let (ignore, _) = Ignore::new(&[]);
    fn walk(
        root: &Path,
        prefix: &str,
        ignore: &Ignore,
        out: &mut BTreeMap<String, String>,
    ) -> anyhow::Result<()> {
        let dir = root.join(prefix);
        for child in
            std::fs::read_dir(&dir).with_context(|| format!("could not list {}", dir.display()))?
        {
            let child = child?;
            let name = child.file_name().to_string_lossy().into_owned();
            let path = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            let ty = child.file_type()?;
            if ignore.is_ignored(&path, ty.is_dir()) {
                continue;
            }
            if ty.is_dir() {
                walk(root, &path, ignore, out)?;
            } else if ty.is_symlink() {
                let target = std::fs::read_link(child.path())?;
                let digest =
                    archive::sha256_hex(format!("link:{}", target.to_string_lossy()).as_bytes());
                out.insert(path, digest);
            } else {
                let bytes = std::fs::read(child.path())
                    .with_context(|| format!("could not read {}", child.path().display()))?;
                out.insert(path, archive::sha256_hex(&bytes));
            }
        }
        Ok(())
    }
    walk(dir, "", &ignore, &mut out)?;
    Ok(out)
}

/// Builds the interface's new directory in staging, then swaps it in with
/// one atomic exchange, so the directory is always either old or new.
fn install(
    dir: &Path,
    staging: &Path,
    prepared: &Prepared,
    plan: &InterfacePlan,
    preserved: &[String],
) -> anyhow::Result<()> {
    let new = staging.join(format!("new-{}", prepared.name));
    std::fs::create_dir_all(&new).with_context(|| format!("could not create {}", new.display()))?;
    let keep: BTreeSet<&str> = plan
        .files
        .iter()
        .filter(|f| f.action == Action::Keep)
        .map(|f| f.path.as_str())
        .chain(preserved.iter().map(String::as_str))
        .collect();
    let mut all: Vec<&str> = prepared.want.keys().map(String::as_str).collect();
    all.extend(preserved.iter().map(String::as_str));
    for path in all {
        let dest = new.join(path);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("could not create {}", parent.display()))?;
        }
        let current = dir.join(path);
        if keep.contains(path) {
            // A hard link keeps the unchanged file itself: same inode, same
            // mtime. A copy (or re-creating a link) is the fallback.
            let meta = std::fs::symlink_metadata(&current)?;
            if meta.file_type().is_symlink() {
                std::os::unix::fs::symlink(std::fs::read_link(&current)?, &dest)?;
            } else if std::fs::hard_link(&current, &dest).is_err() {
                std::fs::copy(&current, &dest)
                    .with_context(|| format!("could not copy {}", current.display()))?;
            }
            continue;
        }
        match &prepared.want[path] {
            Want::File { bytes, executable } => {
                use std::os::unix::fs::PermissionsExt;
                std::fs::write(&dest, bytes)
                    .with_context(|| format!("could not write {}", dest.display()))?;
                let mode = if *executable { 0o755 } else { 0o644 };
                std::fs::set_permissions(&dest, std::fs::Permissions::from_mode(mode))?;
            }
            Want::Link { target } => {
                std::os::unix::fs::symlink(target, &dest)
                    .with_context(|| format!("could not create link {}", dest.display()))?;
            }
        }
    }
    if dir.exists() {
        rustix::fs::renameat_with(
            rustix::fs::CWD,
            &new,
            rustix::fs::CWD,
            dir,
            rustix::fs::RenameFlags::EXCHANGE,
        )
        .with_context(|| format!("could not swap {} into place", dir.display()))?;
        // `new` now holds the old directory.
        std::fs::remove_dir_all(&new)
            .with_context(|| format!("could not remove {}", new.display()))?;
    } else {
        std::fs::rename(&new, dir)
            .with_context(|| format!("could not move {} into place", dir.display()))?;
    }
    Ok(())
}

fn uninstall(dir: &Path, staging: &Path) -> anyhow::Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let old = staging.join(format!("old-{name}"));
    // One rename makes it disappear at once; the deletion follows.
    std::fs::rename(dir, &old).with_context(|| format!("could not remove {}", dir.display()))?;
    std::fs::remove_dir_all(&old).with_context(|| format!("could not remove {}", old.display()))?;
    Ok(())
}

fn remove_staging(charm: &Path) -> anyhow::Result<()> {
    let Ok(listing) = std::fs::read_dir(charm) else {
        return Ok(());
    };
    for entry in listing.flatten() {
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with(STAGING_PREFIX)
        {
            std::fs::remove_dir_all(entry.path())
                .with_context(|| format!("could not clear {}", entry.path().display()))?;
        }
    }
    Ok(())
}
