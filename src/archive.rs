//! Published revisions as deterministic `.tar.gz` archives (DESIGN section 4).
//!
//! Everything that reads an archive goes through [`read`], which validates the whole archive in
//! memory before anything touches the filesystem; [`unpack`] only materialises an already
//! validated listing, in a private temporary directory that is renamed into place at the end.
//!
//! Symlink targets are checked lexically, which is only sound if a `..` can never follow a
//! component that might itself be a symlink (the kernel resolves `link/..` relative to wherever
//! `link` points). So targets must be in normal form: any `..` components come first, then names.
//! Leading `..`s walk up through the link's own directories, which are real directories because
//! no entry may be written through a symlink, and every symlink met on the way down is itself
//! confined to the tree.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use flate2::{Compression, GzBuilder};
use sha2::{Digest, Sha256};
use tar::{EntryType, Header};

/// One entry of an interface tree, path relative to the tree root, '/'-separated, UTF-8, no "."
/// or ".." parts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Entry {
    pub path: String,
    pub kind: EntryKind,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum EntryKind {
    Dir,
    File { executable: bool, size: u64 },
    Symlink { target: String },
}

/// An entry as [`read`] returns it: files carry their contents, directories and links `None`.
pub type EntryWithData = (Entry, Option<Vec<u8>>);

/// Largest accepted `.tar.gz`, compressed.
pub const MAX_PACKED_BYTES: u64 = 10 * 1024 * 1024;
/// Largest accepted total of file contents once unpacked.
pub const MAX_UNPACKED_BYTES: u64 = 50 * 1024 * 1024;
/// Most entries (files, directories, symlinks, including directories that are only implied by
/// deeper paths) in one tree.
pub const MAX_ENTRIES: usize = 10_000;

/// PATH_MAX and NAME_MAX on Linux: anything longer could not be unpacked anyway, and bounding
/// them bounds the tar framing we have to accept per entry.
const MAX_PATH_BYTES: usize = 4096;
const MAX_NAME_BYTES: usize = 255;

const FILE_MODE: u32 = 0o644;
const EXEC_MODE: u32 = 0o755;
const DIR_MODE: u32 = 0o755;
const LINK_MODE: u32 = 0o777;

/// Changing the level or the OS byte changes every digest, so both are part of the format.
const GZIP_LEVEL: u32 = 9;
const GZIP_OS_UNKNOWN: u8 = 255;

const BLOCK: u64 = 512;
/// Enough for a pax `path` and `linkpath` of MAX_PATH_BYTES each plus the usual times and
/// owners; bigger records come from xattr-laden archives we do not want anyway.
const MAX_PAX_RECORD_BYTES: u64 = 16 * 1024;
/// Cap on the decompressed tar stream, so that a gzip bomb costs bounded time even where it
/// hides outside file contents (which are limited separately and exactly): in padding, in the
/// zeros after the end-of-archive marker. Headers and names of a real tree take a small
/// fraction of this (about 1.5 KiB per entry with long names); pack enforces the same cap on
/// what it writes, so everything pack produces reads back.
const MAX_TAR_STREAM_BYTES: u64 = 2 * MAX_UNPACKED_BYTES;

const TEMP_PREFIX: &str = ".iface-unpack-";

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{path}: absolute paths are not allowed")]
    AbsolutePath { path: String },
    #[error("{path}: '..' path components are not allowed")]
    ParentComponent { path: String },
    #[error("{path}: invalid path: {reason}")]
    InvalidPath { path: String, reason: String },
    #[error("{path}: name is not valid UTF-8")]
    NonUtf8 { path: String },
    #[error("{path}: symlink target {target:?} is absolute")]
    AbsoluteLinkTarget { path: String, target: String },
    #[error("{path}: symlink target {target:?} points outside the tree")]
    LinkEscapes { path: String, target: String },
    #[error("{path}: invalid symlink target {target:?}: {reason}")]
    InvalidLinkTarget {
        path: String,
        target: String,
        reason: String,
    },
    #[error("{path}: written through the symlink {link}")]
    ThroughSymlink { path: String, link: String },
    #[error("{path}: duplicate entry")]
    Duplicate { path: String },
    #[error("{path}: conflicts with an earlier entry: {reason}")]
    PathConflict { path: String, reason: String },
    #[error("{path}: hard links are not allowed (link to {target:?})")]
    HardLink { path: String, target: String },
    #[error("{path}: {what} entries are not allowed")]
    Unsupported { path: String, what: String },
    #[error("{path}: more than {MAX_ENTRIES} entries")]
    TooManyEntries { path: String },
    #[error("{path}: unpacked size is over the limit of {} MiB", MAX_UNPACKED_BYTES >> 20)]
    TooLargeUnpacked { path: String },
    #[error("archive is {size} bytes, over the limit of {} MiB", MAX_PACKED_BYTES >> 20)]
    TooLargePacked { size: u64 },
    #[error("bad gzip data: {detail}")]
    BadGzip { detail: String },
    #[error("corrupt tar archive{}: {detail}", after.as_ref().map(|p| format!(" (after entry {p})")).unwrap_or_default())]
    BadTar {
        after: Option<String>,
        detail: String,
    },
    #[error("{path}: expected a {expected} on disk, found {found}")]
    Mismatch {
        path: String,
        expected: &'static str,
        found: &'static str,
    },
    #[error("{path}: already exists")]
    TargetExists { path: String },
    #[error("{path}: exists and is not a directory")]
    TargetNotDir { path: String },
    #[error("{path}: not usable as an unpack target: {reason}")]
    InvalidTarget { path: String, reason: String },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    /// For callers' own filesystem work around an unpack, where no single path is to blame.
    #[error(transparent)]
    OtherIo(#[from] io::Error),
}

impl ArchiveError {
    /// Refusals caused by size alone (HTTP 413), as opposed to malformed or unsafe content.
    pub fn is_too_large(&self) -> bool {
        matches!(
            self,
            ArchiveError::TooManyEntries { .. }
                | ArchiveError::TooLargeUnpacked { .. }
                | ArchiveError::TooLargePacked { .. }
        )
    }
}

fn io_err(path: impl AsRef<Path>) -> impl FnOnce(io::Error) -> ArchiveError {
    let path = path.as_ref().display().to_string();
    move |source| ArchiveError::Io { path, source }
}

/// A packed archive and the digest that identifies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packed {
    pub bytes: Vec<u8>,
    /// Lowercase hex SHA-256 of `bytes`.
    pub sha256: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

// ---------------------------------------------------------------------------------------------
// Path rules shared by pack and read
// ---------------------------------------------------------------------------------------------

fn invalid(path: &str, reason: impl Into<String>) -> ArchiveError {
    ArchiveError::InvalidPath {
        path: path.to_owned(),
        reason: reason.into(),
    }
}

/// Characters that are legal on Unix but turn a name into a hazard elsewhere: a backslash is a
/// separator on Windows, control characters rewrite terminal output.
fn check_chars(raw: &str) -> Option<&'static str> {
    if raw.contains('\\') {
        Some("contains a backslash")
    } else if raw.chars().any(char::is_control) {
        Some("contains a control character")
    } else {
        None
    }
}

/// Normalises an entry name as found in an archive. `None` is the tree root itself (`.`, `./`).
fn normalise_archive_path(raw: &str, is_dir: bool) -> Result<Option<String>, ArchiveError> {
    if raw.is_empty() {
        return Err(invalid(raw, "empty name"));
    }
    if raw.starts_with('/') {
        return Err(ArchiveError::AbsolutePath {
            path: raw.to_owned(),
        });
    }
    if let Some(reason) = check_chars(raw) {
        return Err(invalid(raw, reason));
    }
    if raw.ends_with('/') && !is_dir {
        return Err(invalid(
            raw,
            "name ends in '/' but the entry is not a directory",
        ));
    }
    let mut parts = Vec::new();
    for part in raw.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                return Err(ArchiveError::ParentComponent {
                    path: raw.to_owned(),
                });
            }
            name if name.len() > MAX_NAME_BYTES => {
                return Err(invalid(
                    raw,
                    format!("a component is longer than {MAX_NAME_BYTES} bytes"),
                ));
            }
            name => parts.push(name),
        }
    }
    if parts.is_empty() {
        return Ok(None);
    }
    let path = parts.join("/");
    if path.len() > MAX_PATH_BYTES {
        return Err(invalid(raw, format!("longer than {MAX_PATH_BYTES} bytes")));
    }
    Ok(Some(path))
}

/// Pack takes paths from a tree walker, which must already produce the normal form.
fn check_entry_path(path: &str) -> Result<(), ArchiveError> {
    match normalise_archive_path(path, false)? {
        Some(norm) if norm == path => Ok(()),
        Some(_) => Err(invalid(path, "not in normal form")),
        None => Err(invalid(path, "names the tree root")),
    }
}

fn check_link_target(path: &str, target: &str) -> Result<(), ArchiveError> {
    let bad = |reason: &str| ArchiveError::InvalidLinkTarget {
        path: path.to_owned(),
        target: target.to_owned(),
        reason: reason.to_owned(),
    };
    if target.is_empty() {
        return Err(bad("empty"));
    }
    if target.starts_with('/') {
        return Err(ArchiveError::AbsoluteLinkTarget {
            path: path.to_owned(),
            target: target.to_owned(),
        });
    }
    if let Some(reason) = check_chars(target) {
        return Err(bad(reason));
    }
    if target.len() > MAX_PATH_BYTES {
        return Err(bad("too long"));
    }
    let depth = path.matches('/').count();
    let mut ups = 0;
    let mut seen_name = false;
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." if seen_name => {
                return Err(bad(
                    "'..' after a name cannot be checked without following symlinks; \
                     write the target in normal form",
                ));
            }
            ".." => {
                ups += 1;
                if ups > depth {
                    return Err(ArchiveError::LinkEscapes {
                        path: path.to_owned(),
                        target: target.to_owned(),
                    });
                }
            }
            _ => seen_name = true,
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The tree being assembled: duplicate, conflict, symlink-traversal and count checks
// ---------------------------------------------------------------------------------------------

#[derive(Debug)]
struct Node {
    kind: EntryKind,
    /// A directory that no entry declared, only implied by a deeper path.
    implicit: bool,
    data: Option<Vec<u8>>,
}

#[derive(Debug, Default)]
struct Tree {
    nodes: BTreeMap<String, Node>,
}

impl Tree {
    fn make_room(&self, path: &str) -> Result<(), ArchiveError> {
        if self.nodes.len() >= MAX_ENTRIES {
            return Err(ArchiveError::TooManyEntries {
                path: path.to_owned(),
            });
        }
        Ok(())
    }

    /// Checks that `path` may hold an entry of `kind` given everything added so far, and creates
    /// its missing ancestors as implicit directories.
    fn admit(&mut self, path: &str, kind: &EntryKind) -> Result<(), ArchiveError> {
        match self.nodes.get(path) {
            Some(node) if node.implicit && *kind == EntryKind::Dir => return Ok(()),
            Some(node) if node.implicit => {
                return Err(ArchiveError::PathConflict {
                    path: path.to_owned(),
                    reason: "earlier entries use it as a directory".to_owned(),
                });
            }
            Some(_) => {
                return Err(ArchiveError::Duplicate {
                    path: path.to_owned(),
                });
            }
            None => {}
        }
        // An existing ancestor had its own ancestors checked when it was added, and nodes are
        // never replaced, so the walk up stops at the first one that exists.
        let mut missing = Vec::new();
        let mut cursor = path;
        while let Some((parent, _)) = cursor.rsplit_once('/') {
            match self.nodes.get(parent).map(|n| &n.kind) {
                None => missing.push(parent),
                Some(EntryKind::Dir) => break,
                Some(EntryKind::Symlink { .. }) => {
                    return Err(ArchiveError::ThroughSymlink {
                        path: path.to_owned(),
                        link: parent.to_owned(),
                    });
                }
                Some(EntryKind::File { .. }) => {
                    return Err(ArchiveError::PathConflict {
                        path: path.to_owned(),
                        reason: format!("{parent} is a file"),
                    });
                }
            }
            cursor = parent;
        }
        for dir in missing.into_iter().rev() {
            self.make_room(path)?;
            self.nodes.insert(
                dir.to_owned(),
                Node {
                    kind: EntryKind::Dir,
                    implicit: true,
                    data: None,
                },
            );
        }
        self.make_room(path)
    }

    fn add(
        &mut self,
        path: &str,
        kind: EntryKind,
        data: Option<Vec<u8>>,
    ) -> Result<(), ArchiveError> {
        self.admit(path, &kind)?;
        self.nodes.insert(
            path.to_owned(),
            Node {
                kind,
                implicit: false,
                data,
            },
        );
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// pack
// ---------------------------------------------------------------------------------------------

fn disk_kind(meta: &fs::Metadata) -> &'static str {
    let ft = meta.file_type();
    if ft.is_dir() {
        "directory"
    } else if ft.is_file() {
        "regular file"
    } else if ft.is_symlink() {
        "symlink"
    } else {
        "special file"
    }
}

#[cfg(unix)]
fn is_executable(meta: &fs::Metadata, _declared: bool) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn is_executable(_meta: &fs::Metadata, declared: bool) -> bool {
    declared
}

fn header(kind: EntryType, mode: u32, size: u64) -> Header {
    // new_gnu() zeroes every field, so user and group names stay empty.
    let mut h = Header::new_gnu();
    h.set_entry_type(kind);
    h.set_mode(mode);
    h.set_size(size);
    h.set_mtime(0);
    h.set_uid(0);
    h.set_gid(0);
    h
}

/// Counts what the tar builder writes, to hold pack to the cap that read enforces.
struct CountingWriter<W> {
    inner: W,
    written: u64,
}

impl<W: Write> Write for CountingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Packs the given entries (read from `root`) deterministically.
///
/// Entries are written sorted by path with their missing ancestor directories added, so the
/// same tree gives the same bytes whatever order the caller listed it in. File contents, the
/// executable bit and symlink targets are read from disk; a disk entry whose type no longer
/// matches its [`Entry`] is refused rather than silently packed as something else.
pub fn pack(root: &Path, entries: &[Entry]) -> Result<Packed, ArchiveError> {
    pack_capped(root, entries, MAX_TAR_STREAM_BYTES)
}

fn pack_capped(root: &Path, entries: &[Entry], stream_cap: u64) -> Result<Packed, ArchiveError> {
    let mut tree = Tree::default();
    let mut sorted: Vec<&Entry> = entries.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    for entry in sorted {
        check_entry_path(&entry.path)?;
        if let EntryKind::Symlink { target } = &entry.kind {
            check_link_target(&entry.path, target)?;
        }
        tree.add(&entry.path, entry.kind.clone(), None)?;
    }

    let gz = GzBuilder::new()
        .mtime(0)
        .operating_system(GZIP_OS_UNKNOWN)
        .write(Vec::new(), Compression::new(GZIP_LEVEL));
    let mut builder = tar::Builder::new(CountingWriter {
        inner: gz,
        written: 0,
    });
    let mut unpacked = 0u64;
    // Sorted order puts every directory before its contents, so each disk path is only opened
    // after all its ancestors were seen to be real directories, not symlinks.
    for (path, node) in &tree.nodes {
        let disk = root.join(path);
        let meta = fs::symlink_metadata(&disk).map_err(io_err(&disk))?;
        let mismatch = |expected| ArchiveError::Mismatch {
            path: path.clone(),
            expected,
            found: disk_kind(&meta),
        };
        let write_err = |e: io::Error| ArchiveError::Io {
            path: path.clone(),
            source: e,
        };
        match &node.kind {
            EntryKind::Dir => {
                if !meta.is_dir() {
                    return Err(mismatch("directory"));
                }
                let mut h = header(EntryType::Directory, DIR_MODE, 0);
                builder
                    .append_data(&mut h, format!("{path}/"), io::empty())
                    .map_err(write_err)?;
            }
            EntryKind::File { executable, .. } => {
                if !meta.is_file() {
                    return Err(mismatch("regular file"));
                }
                let budget = MAX_UNPACKED_BYTES - unpacked;
                let mut data = Vec::new();
                fs::File::open(&disk)
                    .and_then(|f| f.take(budget + 1).read_to_end(&mut data))
                    .map_err(io_err(&disk))?;
                if data.len() as u64 > budget {
                    return Err(ArchiveError::TooLargeUnpacked { path: path.clone() });
                }
                unpacked += data.len() as u64;
                let mode = if is_executable(&meta, *executable) {
                    EXEC_MODE
                } else {
                    FILE_MODE
                };
                let mut h = header(EntryType::Regular, mode, data.len() as u64);
                builder
                    .append_data(&mut h, path, data.as_slice())
                    .map_err(write_err)?;
            }
            EntryKind::Symlink { .. } => {
                if !meta.file_type().is_symlink() {
                    return Err(mismatch("symlink"));
                }
                let target = fs::read_link(&disk).map_err(io_err(&disk))?;
                let target = target
                    .to_str()
                    .ok_or_else(|| ArchiveError::InvalidLinkTarget {
                        path: path.clone(),
                        target: target.to_string_lossy().into_owned(),
                        reason: "not valid UTF-8".to_owned(),
                    })?;
                check_link_target(path, target)?;
                let mut h = header(EntryType::Symlink, LINK_MODE, 0);
                builder
                    .append_link(&mut h, path, target)
                    .map_err(write_err)?;
            }
        }
        // The end-of-archive marker still has to fit.
        if builder.get_ref().written + 2 * BLOCK > stream_cap {
            return Err(ArchiveError::TooLargeUnpacked { path: path.clone() });
        }
    }
    let finish_err = |e| ArchiveError::Io {
        path: "<archive>".to_owned(),
        source: e,
    };
    let bytes = builder
        .into_inner()
        .and_then(|counted| counted.inner.finish())
        .map_err(finish_err)?;
    if bytes.len() as u64 > MAX_PACKED_BYTES {
        return Err(ArchiveError::TooLargePacked {
            size: bytes.len() as u64,
        });
    }
    let sha256 = sha256_hex(&bytes);
    Ok(Packed { bytes, sha256 })
}

// ---------------------------------------------------------------------------------------------
// read
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum StreamFailure {
    Gzip(String),
    TooLong,
}

/// Counts and caps the decompressed stream, and remembers why it failed: the tar crate turns
/// our errors into its own, and we need to tell bad gzip and bombs apart from bad tar.
struct Limited<R> {
    inner: R,
    read: u64,
    cap: u64,
    failure: Rc<RefCell<Option<StreamFailure>>>,
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(f) = self.failure.borrow().as_ref() {
            return Err(io::Error::other(format!("stream already failed: {f:?}")));
        }
        // One byte past the cap is enough to tell "exactly at the cap" from "over it".
        let room = (self.cap + 1 - self.read).min(buf.len() as u64) as usize;
        let n = match self.inner.read(&mut buf[..room]) {
            Ok(n) => n,
            Err(e) => {
                *self.failure.borrow_mut() = Some(StreamFailure::Gzip(e.to_string()));
                return Err(e);
            }
        };
        self.read += n as u64;
        if self.read > self.cap {
            *self.failure.borrow_mut() = Some(StreamFailure::TooLong);
            return Err(io::Error::other("decompressed archive is too large"));
        }
        Ok(n)
    }
}

fn round_up_block(n: u64) -> u64 {
    n.div_ceil(BLOCK) * BLOCK
}

fn describe_type(t: EntryType) -> String {
    match t {
        EntryType::Char => "character device".to_owned(),
        EntryType::Block => "block device".to_owned(),
        EntryType::Fifo => "fifo".to_owned(),
        EntryType::Continuous => "contiguous file".to_owned(),
        EntryType::GNUSparse => "sparse file".to_owned(),
        EntryType::XGlobalHeader => "pax global header".to_owned(),
        EntryType::XHeader => "pax extended header".to_owned(),
        EntryType::GNULongName => "GNU long name".to_owned(),
        EntryType::GNULongLink => "GNU long link".to_owned(),
        other => format!("type '{}'", other.as_byte().escape_ascii()),
    }
}

/// Reads and validates an archive without writing anything.
///
/// Returns every entry of the tree sorted by path, including directories the archive only
/// implies, with the contents of each file.
pub fn read(bytes: &[u8]) -> Result<Vec<EntryWithData>, ArchiveError> {
    let tree = read_tree(bytes)?;
    Ok(tree
        .nodes
        .into_iter()
        .map(|(path, node)| {
            (
                Entry {
                    path,
                    kind: node.kind,
                },
                node.data,
            )
        })
        .collect())
}

/// Extension records seen since the last real entry, which describe the next one.
#[derive(Debug, Default)]
struct Pending {
    long_name: Option<Vec<u8>>,
    long_link: Option<Vec<u8>>,
    pax_path: Option<Vec<u8>>,
    pax_link: Option<Vec<u8>>,
    pax_size: Option<u64>,
}

impl Pending {
    fn is_empty(&self) -> bool {
        self.long_name.is_none()
            && self.long_link.is_none()
            && self.pax_path.is_none()
            && self.pax_link.is_none()
            && self.pax_size.is_none()
    }
}

fn strip_nuls(mut v: Vec<u8>) -> Vec<u8> {
    while v.last() == Some(&0) {
        v.pop();
    }
    v
}

fn bad_tar(after: Option<&str>, detail: impl Into<String>) -> ArchiveError {
    ArchiveError::BadTar {
        after: after.map(str::to_owned),
        detail: detail.into(),
    }
}

fn read_tree(bytes: &[u8]) -> Result<Tree, ArchiveError> {
    if bytes.len() as u64 > MAX_PACKED_BYTES {
        return Err(ArchiveError::TooLargePacked {
            size: bytes.len() as u64,
        });
    }
    let failure = Rc::new(RefCell::new(None));
    let reader = Limited {
        inner: flate2::bufread::GzDecoder::new(bytes),
        read: 0,
        cap: MAX_TAR_STREAM_BYTES,
        failure: failure.clone(),
    };
    let stream_error = |err: io::Error, at: Option<&str>| -> ArchiveError {
        match failure.borrow().clone() {
            Some(StreamFailure::Gzip(detail)) => ArchiveError::BadGzip { detail },
            Some(StreamFailure::TooLong) => ArchiveError::TooLargeUnpacked {
                path: at.unwrap_or("<archive>").to_owned(),
            },
            None => bad_tar(at, err.to_string()),
        }
    };

    let mut archive = tar::Archive::new(reader);
    let mut tree = Tree::default();
    let mut last: Option<String> = None;
    let mut pending = Pending::default();
    let mut unpacked = 0u64;
    let mut data_end = 0u64;
    let mut first = true;
    // Raw iteration: the tar crate would otherwise buffer long-name and pax records of any size
    // and quietly apply a pax `size` that other readers may not honour.
    let entries = archive
        .entries()
        .map_err(|e| stream_error(e, None))?
        .raw(true);
    for item in entries {
        let mut entry = item.map_err(|e| stream_error(e, last.as_deref()))?;
        let etype = entry.header().entry_type();
        data_end = entry.raw_file_position() + round_up_block(entry.size());

        if matches!(
            etype,
            EntryType::GNULongName | EntryType::GNULongLink | EntryType::XHeader
        ) {
            let limit = if etype == EntryType::XHeader {
                MAX_PAX_RECORD_BYTES
            } else {
                MAX_PATH_BYTES as u64 + 1
            };
            let what = describe_type(etype);
            if entry.size() > limit {
                return Err(bad_tar(
                    last.as_deref(),
                    format!("{what} record is too large"),
                ));
            }
            let mut data = Vec::with_capacity(entry.size() as usize);
            entry
                .read_to_end(&mut data)
                .map_err(|e| stream_error(e, last.as_deref()))?;
            if data.len() as u64 != entry.size() {
                return Err(bad_tar(
                    last.as_deref(),
                    format!("archive ends inside a {what} record"),
                ));
            }
            let twice = || bad_tar(last.as_deref(), format!("two {what} records for one entry"));
            match etype {
                EntryType::GNULongName if pending.long_name.is_some() => return Err(twice()),
                EntryType::GNULongName => pending.long_name = Some(strip_nuls(data)),
                EntryType::GNULongLink if pending.long_link.is_some() => return Err(twice()),
                EntryType::GNULongLink => pending.long_link = Some(strip_nuls(data)),
                _ => apply_pax(&data, &mut pending, last.as_deref())?,
            }
            continue;
        }

        let ext = std::mem::take(&mut pending);
        let raw_path = match (ext.long_name, ext.pax_path) {
            (Some(_), Some(_)) => {
                return Err(bad_tar(
                    last.as_deref(),
                    "an entry has both a GNU long name and a pax path",
                ));
            }
            (Some(p), None) | (None, Some(p)) => p,
            (None, None) => entry.header().path_bytes().into_owned(),
        };
        let raw_link = match (ext.long_link, ext.pax_link) {
            (Some(_), Some(_)) => {
                return Err(bad_tar(
                    last.as_deref(),
                    "an entry has both a GNU long link and a pax linkpath",
                ));
            }
            (Some(l), None) | (None, Some(l)) => Some(l),
            (None, None) => entry.header().link_name_bytes().map(|l| l.into_owned()),
        };
        let raw = String::from_utf8(raw_path).map_err(|e| ArchiveError::NonUtf8 {
            path: String::from_utf8_lossy(e.as_bytes()).into_owned(),
        })?;
        let was_first = std::mem::replace(&mut first, false);
        let Some(path) = normalise_archive_path(&raw, etype.is_dir())? else {
            if was_first && etype.is_dir() && entry.size() == 0 {
                continue;
            }
            return Err(invalid(
                &raw,
                "the tree root may only appear as the first entry",
            ));
        };
        if let Some(size) = ext.pax_size
            && size != entry.size()
        {
            return Err(bad_tar(
                Some(&path),
                "pax size record disagrees with the header",
            ));
        }
        last = Some(path.clone());
        match etype {
            EntryType::Regular => {
                tree.admit(
                    &path,
                    &EntryKind::File {
                        executable: false,
                        size: 0,
                    },
                )?;
                let budget = MAX_UNPACKED_BYTES - unpacked;
                if entry.size() > budget {
                    return Err(ArchiveError::TooLargeUnpacked { path });
                }
                let mut data = Vec::with_capacity(entry.size().min(1 << 20) as usize);
                (&mut entry)
                    .take(budget + 1)
                    .read_to_end(&mut data)
                    .map_err(|e| stream_error(e, Some(&path)))?;
                if data.len() as u64 > budget {
                    return Err(ArchiveError::TooLargeUnpacked { path });
                }
                if data.len() as u64 != entry.size() {
                    // The tar crate's entry reader ends quietly at end of stream.
                    return Err(bad_tar(
                        Some(&path),
                        "archive ends inside this entry's data",
                    ));
                }
                unpacked += data.len() as u64;
                let mode = entry
                    .header()
                    .mode()
                    .map_err(|e| stream_error(e, Some(&path)))?;
                let kind = EntryKind::File {
                    executable: mode & 0o111 != 0,
                    size: data.len() as u64,
                };
                tree.add(&path, kind, Some(data))?;
            }
            EntryType::Link => {
                let target = raw_link
                    .map(|t| String::from_utf8_lossy(&t).into_owned())
                    .unwrap_or_default();
                return Err(ArchiveError::HardLink { path, target });
            }
            // Data behind a directory or symlink header would be skipped unseen and unlimited.
            EntryType::Directory | EntryType::Symlink if entry.size() != 0 => {
                return Err(invalid(&path, "a directory or symlink entry carries data"));
            }
            EntryType::Directory => tree.add(&path, EntryKind::Dir, None)?,
            EntryType::Symlink => {
                let target = String::from_utf8(raw_link.unwrap_or_default()).map_err(|e| {
                    ArchiveError::InvalidLinkTarget {
                        path: path.clone(),
                        target: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                        reason: "not valid UTF-8".to_owned(),
                    }
                })?;
                check_link_target(&path, &target)?;
                tree.add(&path, EntryKind::Symlink { target }, None)?;
            }
            other => {
                return Err(ArchiveError::Unsupported {
                    path,
                    what: describe_type(other),
                });
            }
        }
    }
    if !pending.is_empty() {
        return Err(bad_tar(
            last.as_deref(),
            "extension records at the end describe no entry",
        ));
    }

    // Reading on to the end verifies the gzip trailer (CRC and length), which the tar reader
    // never reaches because it stops at the first zero block.
    let mut reader = archive.into_inner();
    let mut buf = [0u8; 8192];
    loop {
        let n = reader
            .read(&mut buf)
            .map_err(|e| stream_error(e, last.as_deref()))?;
        if n == 0 {
            break;
        }
        if buf[..n].iter().any(|&b| b != 0) {
            return Err(bad_tar(
                last.as_deref(),
                "data after the end-of-archive marker",
            ));
        }
    }
    // A tar cut at a block boundary otherwise reads as a shorter, valid archive.
    if reader.read < data_end + 2 * BLOCK {
        return Err(bad_tar(
            last.as_deref(),
            "archive is truncated (no end-of-archive marker)",
        ));
    }
    let rest = reader.inner.into_inner();
    if !rest.is_empty() {
        return Err(ArchiveError::BadGzip {
            detail: format!("{} bytes after the end of the gzip stream", rest.len()),
        });
    }
    Ok(tree)
}

fn apply_pax(data: &[u8], pending: &mut Pending, last: Option<&str>) -> Result<(), ArchiveError> {
    if pending.pax_path.is_some() || pending.pax_link.is_some() || pending.pax_size.is_some() {
        return Err(bad_tar(last, "two pax records for one entry"));
    }
    for field in tar::PaxExtensions::new(data) {
        let field = field.map_err(|e| bad_tar(last, format!("malformed pax record: {e}")))?;
        let value = field.value_bytes().to_vec();
        match field.key_bytes() {
            b"path" => pending.pax_path = Some(value),
            b"linkpath" => pending.pax_link = Some(value),
            b"size" => {
                let size = std::str::from_utf8(&value)
                    .ok()
                    .and_then(|v| v.parse().ok())
                    .ok_or_else(|| bad_tar(last, "malformed pax size record"))?;
                pending.pax_size = Some(size);
            }
            key if key.starts_with(b"GNU.sparse.") => {
                let path = pending
                    .pax_path
                    .as_deref()
                    .map(|p| String::from_utf8_lossy(p).into_owned())
                    .unwrap_or_else(|| "<pax record>".to_owned());
                return Err(ArchiveError::Unsupported {
                    path,
                    what: "sparse file".to_owned(),
                });
            }
            // Times, owners, xattrs and the like are dropped on unpack anyway.
            _ => {}
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// unpack
// ---------------------------------------------------------------------------------------------

/// The directory the temporary tree is created in, so the final rename never crosses devices.
fn target_parent(target: &Path) -> Result<PathBuf, ArchiveError> {
    let bad = |reason: &str| ArchiveError::InvalidTarget {
        path: target.display().to_string(),
        reason: reason.to_owned(),
    };
    match target.file_name() {
        Some(_) => {}
        None => return Err(bad("it has no final name component")),
    }
    let parent = match target.parent() {
        Some(p) if p.as_os_str().is_empty() => Path::new("."),
        Some(p) => p,
        None => return Err(bad("it has no parent directory")),
    };
    match fs::metadata(parent) {
        Ok(m) if m.is_dir() => Ok(parent.to_owned()),
        Ok(_) => Err(bad("its parent is not a directory")),
        Err(e) => Err(io_err(parent)(e)),
    }
}

fn exists(path: &Path) -> Result<bool, ArchiveError> {
    match fs::symlink_metadata(path) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io_err(path)(e)),
    }
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn make_symlink(target: &str, link: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn make_symlink(_target: &str, _link: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "symlinks are only unpacked on Unix",
    ))
}

fn write_file(dest: &Path, data: &[u8], mode: u32) -> io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(dest)?;
    file.write_all(data)?;
    // Set explicitly: the mode given at creation would be filtered through the umask.
    set_mode(dest, mode)
}

/// Builds the validated tree in a fresh temporary directory beside `parent`'s target. Dropping
/// the returned directory removes it, which covers every error path and panics.
fn stage(parent: &Path, tree: &Tree) -> Result<tempfile::TempDir, ArchiveError> {
    let tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempdir_in(parent)
        .map_err(io_err(parent))?;
    // Sorted order creates parents first; nothing in the fresh directory can be a symlink
    // that an entry is written through, because the tree check refused those.
    for (path, node) in &tree.nodes {
        let dest = tmp.path().join(path);
        let wrap = |source| ArchiveError::Io {
            path: path.clone(),
            source,
        };
        match &node.kind {
            EntryKind::Dir => fs::create_dir(&dest)
                .and_then(|()| set_mode(&dest, DIR_MODE))
                .map_err(wrap)?,
            EntryKind::File { executable, .. } => {
                let mode = if *executable { EXEC_MODE } else { FILE_MODE };
                let data = node.data.as_deref().unwrap_or_default();
                write_file(&dest, data, mode).map_err(wrap)?;
            }
            EntryKind::Symlink { target } => make_symlink(target, &dest).map_err(wrap)?,
        }
    }
    set_mode(tmp.path(), DIR_MODE).map_err(io_err(tmp.path()))?;
    Ok(tmp)
}

fn entries_of(tree: Tree) -> Vec<Entry> {
    tree.nodes
        .into_iter()
        .map(|(path, node)| Entry {
            path,
            kind: node.kind,
        })
        .collect()
}

fn rename_into_place(staged: tempfile::TempDir, target: &Path) -> Result<(), ArchiveError> {
    // rename(2) would silently replace an empty directory that appeared since we checked; that
    // loses nothing, so it is not worth a platform-specific RENAME_NOREPLACE.
    fs::rename(staged.path(), target).map_err(io_err(target))?;
    let _ = staged.keep();
    Ok(())
}

/// Unpacks into `target`, which must not exist (its parent must).
///
/// Returns the tree's entries sorted by path, including directories only implied by the
/// archive. The tree is built in a `.iface-unpack-*` directory beside the target and renamed
/// into place, so a refused or interrupted unpack leaves nothing behind.
pub fn unpack(bytes: &[u8], target: &Path) -> Result<Vec<Entry>, ArchiveError> {
    let parent = target_parent(target)?;
    if exists(target)? {
        return Err(ArchiveError::TargetExists {
            path: target.display().to_string(),
        });
    }
    let tree = read_tree(bytes)?;
    let staged = stage(&parent, &tree)?;
    if exists(target)? {
        return Err(ArchiveError::TargetExists {
            path: target.display().to_string(),
        });
    }
    rename_into_place(staged, target)?;
    Ok(entries_of(tree))
}

/// Like [`unpack`], but an existing target directory is replaced: the new tree is fully built
/// first, then the old one is moved aside, the new one renamed in, and the old one deleted.
/// A refused archive leaves the old tree untouched.
pub fn unpack_replacing(bytes: &[u8], target: &Path) -> Result<Vec<Entry>, ArchiveError> {
    let parent = target_parent(target)?;
    let tree = read_tree(bytes)?;
    let staged = stage(&parent, &tree)?;
    let meta = match fs::symlink_metadata(target) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            rename_into_place(staged, target)?;
            return Ok(entries_of(tree));
        }
        Err(e) => return Err(io_err(target)(e)),
        Ok(meta) => meta,
    };
    if !meta.is_dir() {
        return Err(ArchiveError::TargetNotDir {
            path: target.display().to_string(),
        });
    }
    // The old tree goes inside a temp dir of its own so that dropping it deletes the old tree,
    // and so that anything left by a crash still carries the recognisable prefix.
    let aside = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempdir_in(&parent)
        .map_err(io_err(&parent))?;
    let old = aside.path().join("old");
    fs::rename(target, &old).map_err(io_err(target))?;
    if let Err(e) = fs::rename(staged.path(), target) {
        let _ = fs::rename(&old, target);
        return Err(io_err(target)(e));
    }
    let _ = staged.keep();
    // The new tree is in place; failing to delete the old one is not the caller's problem.
    let _ = aside.close();
    Ok(entries_of(tree))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(tree: &Tree) -> Vec<(String, bool)> {
        tree.nodes
            .iter()
            .map(|(p, n)| (p.clone(), n.implicit))
            .collect()
    }

    #[test]
    fn normalises_archive_paths() {
        let n = |raw, dir| normalise_archive_path(raw, dir).unwrap();
        assert_eq!(n("./foo", false), Some("foo".to_owned()));
        assert_eq!(n("a//b/./c", false), Some("a/b/c".to_owned()));
        assert_eq!(n("dir/", true), Some("dir".to_owned()));
        assert_eq!(n(".", true), None);
        assert_eq!(n("./", true), None);
    }

    #[test]
    fn refuses_bad_archive_paths() {
        let e = |raw, dir| normalise_archive_path(raw, dir).unwrap_err();
        assert!(matches!(
            e("/etc/passwd", false),
            ArchiveError::AbsolutePath { .. }
        ));
        assert!(matches!(
            e("../x", false),
            ArchiveError::ParentComponent { .. }
        ));
        assert!(matches!(
            e("a/../../x", false),
            ArchiveError::ParentComponent { .. }
        ));
        assert!(matches!(
            e("a/..", true),
            ArchiveError::ParentComponent { .. }
        ));
        assert!(matches!(e("", false), ArchiveError::InvalidPath { .. }));
        assert!(matches!(e("a\\b", false), ArchiveError::InvalidPath { .. }));
        assert!(matches!(e("a\nb", false), ArchiveError::InvalidPath { .. }));
        assert!(matches!(
            e("file/", false),
            ArchiveError::InvalidPath { .. }
        ));
        let long_name = "x".repeat(MAX_NAME_BYTES + 1);
        assert!(matches!(
            e(&long_name, false),
            ArchiveError::InvalidPath { .. }
        ));
        let long_path = vec!["x"; MAX_PATH_BYTES / 2 + 1].join("/");
        assert!(matches!(
            e(&long_path, false),
            ArchiveError::InvalidPath { .. }
        ));
        let msg = e("../x", false).to_string();
        assert!(msg.contains("../x"), "{msg}");
    }

    #[test]
    fn entry_paths_must_be_normal() {
        assert!(check_entry_path("a/b").is_ok());
        assert!(check_entry_path("a/./b").is_err());
        assert!(check_entry_path("./a").is_err());
        assert!(check_entry_path("a/").is_err());
        assert!(check_entry_path(".").is_err());
        assert!(matches!(
            check_entry_path("a/../b"),
            Err(ArchiveError::ParentComponent { .. })
        ));
    }

    #[test]
    fn link_targets() {
        assert!(check_link_target("a", "b").is_ok());
        assert!(check_link_target("a", ".").is_ok());
        assert!(check_link_target("d/a", "..").is_ok());
        assert!(check_link_target("d/e/a", "../../x/y").is_ok());
        assert!(check_link_target("d/a", "./x/./y/").is_ok());
        assert!(matches!(
            check_link_target("a", "/etc/passwd"),
            Err(ArchiveError::AbsoluteLinkTarget { .. })
        ));
        assert!(matches!(
            check_link_target("a", ".."),
            Err(ArchiveError::LinkEscapes { .. })
        ));
        assert!(matches!(
            check_link_target("d/up", "../.."),
            Err(ArchiveError::LinkEscapes { .. })
        ));
        // Lexically inside, but `x` may itself be a link, so the '..' cannot be trusted.
        assert!(matches!(
            check_link_target("d/a", "x/../.."),
            Err(ArchiveError::InvalidLinkTarget { .. })
        ));
        assert!(matches!(
            check_link_target("a", ""),
            Err(ArchiveError::InvalidLinkTarget { .. })
        ));
    }

    #[test]
    fn tree_adds_implicit_parents_and_upgrades_them() {
        let mut t = Tree::default();
        t.add("a/b/c", EntryKind::Dir, None).unwrap();
        assert_eq!(
            kinds(&t),
            vec![
                ("a".to_owned(), true),
                ("a/b".to_owned(), true),
                ("a/b/c".to_owned(), false)
            ]
        );
        t.add("a", EntryKind::Dir, None).unwrap();
        assert!(!t.nodes["a"].implicit);
        assert!(matches!(
            t.add("a", EntryKind::Dir, None),
            Err(ArchiveError::Duplicate { .. })
        ));
        let file = EntryKind::File {
            executable: false,
            size: 0,
        };
        assert!(matches!(
            t.add("a/b", file.clone(), None),
            Err(ArchiveError::PathConflict { .. })
        ));
        t.add("f", file.clone(), None).unwrap();
        assert!(matches!(
            t.add("f/x", file, None),
            Err(ArchiveError::PathConflict { .. })
        ));
    }

    #[test]
    fn tree_refuses_paths_through_symlinks() {
        let mut t = Tree::default();
        t.add(
            "d/link",
            EntryKind::Symlink {
                target: "..".into(),
            },
            None,
        )
        .unwrap();
        let err = t.add("d/link/x/y", EntryKind::Dir, None).unwrap_err();
        match err {
            ArchiveError::ThroughSymlink { path, link } => {
                assert_eq!(path, "d/link/x/y");
                assert_eq!(link, "d/link");
            }
            other => panic!("{other:?}"),
        }
        // Nothing was left half-added by the refusal.
        assert!(!t.nodes.contains_key("d/link/x"));
    }

    #[test]
    fn tree_counts_implicit_directories() {
        let mut t = Tree::default();
        for i in 0..MAX_ENTRIES - 1 {
            t.add(&format!("f{i}"), EntryKind::Dir, None).unwrap();
        }
        let err = t.add("x/y", EntryKind::Dir, None).unwrap_err();
        assert!(err.is_too_large(), "{err}");
        assert!(err.to_string().contains("x/y"));
    }

    #[test]
    fn limited_reader_reports_overflow() {
        let failure = Rc::new(RefCell::new(None));
        let mut r = Limited {
            inner: &[7u8; 100][..],
            read: 0,
            cap: 10,
            failure: failure.clone(),
        };
        let mut out = Vec::new();
        assert!(r.read_to_end(&mut out).is_err());
        assert!(matches!(*failure.borrow(), Some(StreamFailure::TooLong)));
        assert!(out.len() <= 11);

        let mut exact = Limited {
            inner: &[7u8; 10][..],
            read: 0,
            cap: 10,
            failure: Rc::new(RefCell::new(None)),
        };
        let mut out = Vec::new();
        exact.read_to_end(&mut out).unwrap();
        assert_eq!(out.len(), 10);
    }

    #[test]
    fn stream_cap_leaves_room_for_real_trees() {
        // At both limits, with a long name on every entry, the framing still fits.
        let typical = MAX_UNPACKED_BYTES + MAX_ENTRIES as u64 * (4 * BLOCK) + 2 * BLOCK;
        assert!(typical <= MAX_TAR_STREAM_BYTES);
    }

    #[test]
    fn pack_holds_itself_to_the_stream_cap() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a"), vec![1u8; 1000]).unwrap();
        fs::write(dir.path().join("b"), vec![2u8; 1000]).unwrap();
        let entries: Vec<Entry> = ["a", "b"]
            .iter()
            .map(|p| Entry {
                path: (*p).to_owned(),
                kind: EntryKind::File {
                    executable: false,
                    size: 1000,
                },
            })
            .collect();
        // Each entry is a header block plus two data blocks; then the end marker.
        let exact = 2 * 3 * BLOCK + 2 * BLOCK;
        let packed = pack_capped(dir.path(), &entries, exact).unwrap();
        assert_eq!(packed, pack(dir.path(), &entries).unwrap());
        let err = pack_capped(dir.path(), &entries, exact - 1).unwrap_err();
        assert!(err.is_too_large());
        assert!(err.to_string().starts_with("b:"), "{err}");
    }

    #[test]
    fn gzip_header_is_fixed() {
        let dir = tempfile::tempdir().unwrap();
        let packed = pack(dir.path(), &[]).unwrap();
        // magic, deflate, no flags, mtime 0, XFL for level 9, OS unknown
        assert_eq!(&packed.bytes[..10], &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);
        assert!(read(&packed.bytes).unwrap().is_empty());
    }

    #[test]
    fn headers_are_normalised() {
        let h = header(EntryType::Regular, FILE_MODE, 3);
        assert_eq!(h.mtime().unwrap(), 0);
        assert_eq!(h.uid().unwrap(), 0);
        assert_eq!(h.gid().unwrap(), 0);
        assert_eq!(h.username_bytes(), Some(&b""[..]));
        assert_eq!(h.groupname_bytes(), Some(&b""[..]));
        assert_eq!(h.mode().unwrap(), 0o644);
        assert!(h.as_gnu().is_some());
    }

    #[test]
    fn errors_classify_size() {
        assert!(ArchiveError::TooLargePacked { size: 1 }.is_too_large());
        assert!(ArchiveError::TooLargeUnpacked { path: "a".into() }.is_too_large());
        assert!(!ArchiveError::Duplicate { path: "a".into() }.is_too_large());
        assert!(!ArchiveError::BadGzip { detail: "x".into() }.is_too_large());
    }
}
