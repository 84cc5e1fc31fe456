//! Integration tests for `iface::archive`: determinism, round trips, and hand-built hostile
//! archives that must be refused without leaving anything on disk.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use iface::archive::*;
use tar::{EntryType, Header};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const LONG_DIR: &str =
    "requires/a-directory-name-that-is-rather-long/and-another-one-below-it-that-is-long-too";

fn long_file() -> String {
    let p = format!("{LONG_DIR}/with-a-file-whose-name-pushes-the-path-past-one-hundred-bytes.py");
    assert!(p.len() > 100);
    p
}

/// A stand-in for the real tree walker: every entry under `root`, in directory-listing order.
fn walk(root: &Path) -> Vec<Entry> {
    fn go(root: &Path, rel: &str, out: &mut Vec<Entry>) {
        let dir = if rel.is_empty() {
            root.to_owned()
        } else {
            root.join(rel)
        };
        for item in fs::read_dir(dir).unwrap() {
            let item = item.unwrap();
            let name = item.file_name().into_string().unwrap();
            let path = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            let meta = fs::symlink_metadata(item.path()).unwrap();
            let kind = if meta.file_type().is_symlink() {
                let target = fs::read_link(item.path()).unwrap();
                EntryKind::Symlink {
                    target: target.to_str().unwrap().to_owned(),
                }
            } else if meta.is_dir() {
                go(root, &path, out);
                EntryKind::Dir
            } else {
                EntryKind::File {
                    executable: meta.permissions().mode() & 0o111 != 0,
                    size: meta.len(),
                }
            };
            out.push(Entry { path, kind });
        }
    }
    let mut out = Vec::new();
    go(root, "", &mut out);
    out
}

/// Everything under `root` as path -> (kind, file contents), for byte-exact comparisons.
fn snapshot(root: &Path) -> BTreeMap<String, (EntryKind, Option<Vec<u8>>)> {
    walk(root)
        .into_iter()
        .map(|e| {
            let data = match e.kind {
                EntryKind::File { .. } => Some(fs::read(root.join(&e.path)).unwrap()),
                _ => None,
            };
            (e.path, (e.kind, data))
        })
        .collect()
}

struct Style {
    file_mode: u32,
    exec_mode: u32,
    dir_mode: u32,
    mtime: SystemTime,
    reverse: bool,
}

const DIRS: &[&str] = &[
    "provides",
    "requires",
    "requires/a-directory-name-that-is-rather-long",
    LONG_DIR,
    "schema",
    "bin",
];

fn files() -> Vec<(String, &'static [u8], bool)> {
    vec![
        ("interface.yaml".into(), b"name: mysql\n".as_slice(), false),
        ("README.md".into(), b"# mysql\n".as_slice(), false),
        (
            "provides/provider.py".into(),
            b"class Provides: pass\n".as_slice(),
            false,
        ),
        (
            "requires/requirer.py".into(),
            b"class Requires: pass\n".as_slice(),
            false,
        ),
        ("schema/provider.json".into(), b"{}\n".as_slice(), false),
        ("bin/run".into(), b"#!/bin/sh\necho hi\n".as_slice(), true),
        ("empty".into(), b"".as_slice(), false),
        (long_file(), b"long\n".as_slice(), false),
    ]
}

const LINKS: &[(&str, &str)] = &[
    ("README.link", "README.md"),
    ("peer", "provides"),
    ("requires/up-to-provider.py", "../provides/provider.py"),
];

fn build_tree(root: &Path, style: &Style) {
    let mut dirs: Vec<&str> = DIRS.to_vec();
    let mut files = files();
    let mut links = LINKS.to_vec();
    if style.reverse {
        dirs.sort_by_key(|d| d.len());
        files.reverse();
        links.reverse();
    }
    for d in &dirs {
        fs::create_dir_all(root.join(d)).unwrap();
    }
    for (path, data, exec) in &files {
        let p = root.join(path);
        let mut f = fs::File::create(&p).unwrap();
        f.write_all(data).unwrap();
        f.set_modified(style.mtime).unwrap();
        let mode = if *exec {
            style.exec_mode
        } else {
            style.file_mode
        };
        fs::set_permissions(&p, fs::Permissions::from_mode(mode)).unwrap();
    }
    for (path, target) in &links {
        symlink(target, root.join(path)).unwrap();
    }
    // Deepest first, so that setting a directory's mtime is not undone by writing into it.
    let mut by_depth = dirs.clone();
    by_depth.sort_by_key(|d| std::cmp::Reverse(d.matches('/').count()));
    for d in by_depth {
        let p = root.join(d);
        fs::File::open(&p)
            .unwrap()
            .set_modified(style.mtime)
            .unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(style.dir_mode)).unwrap();
    }
}

fn style_a() -> Style {
    Style {
        file_mode: 0o644,
        exec_mode: 0o755,
        dir_mode: 0o755,
        mtime: SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000),
        reverse: false,
    }
}

fn style_b() -> Style {
    Style {
        file_mode: 0o600,
        exec_mode: 0o700,
        dir_mode: 0o700,
        mtime: SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000),
        reverse: true,
    }
}

fn packed_sample() -> Packed {
    let dir = tempfile::tempdir().unwrap();
    build_tree(dir.path(), &style_a());
    pack(dir.path(), &walk(dir.path())).unwrap()
}

fn gzip(tar: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(tar).unwrap();
    gz.finish().unwrap()
}

/// A tar stream written header by header, so that it can say things the tar crate's safe
/// builder API refuses to write.
#[derive(Default)]
struct RawTar(Vec<u8>);

fn raw_header(name: &[u8], kind: EntryType, size: u64) -> Header {
    let mut h = Header::new_gnu();
    h.as_gnu_mut().unwrap().name[..name.len()].copy_from_slice(name);
    h.set_entry_type(kind);
    h.set_size(size);
    h.set_mode(0o644);
    h.set_mtime(0);
    h.set_uid(0);
    h.set_gid(0);
    h.set_cksum();
    h
}

fn with_link(mut h: Header, target: &[u8]) -> Header {
    h.as_gnu_mut().unwrap().linkname[..target.len()].copy_from_slice(target);
    h.set_cksum();
    h
}

impl RawTar {
    fn header(&mut self, h: &Header, data: &[u8]) -> &mut Self {
        self.0.extend_from_slice(h.as_bytes());
        self.0.extend_from_slice(data);
        let pad = (512 - data.len() % 512) % 512;
        self.0.extend(std::iter::repeat_n(0u8, pad));
        self
    }
    fn file(&mut self, name: &str, data: &[u8]) -> &mut Self {
        let h = raw_header(name.as_bytes(), EntryType::Regular, data.len() as u64);
        self.header(&h, data)
    }
    fn dir(&mut self, name: &str) -> &mut Self {
        let h = raw_header(name.as_bytes(), EntryType::Directory, 0);
        self.header(&h, b"")
    }
    fn link(&mut self, name: &str, kind: EntryType, target: &str) -> &mut Self {
        let h = with_link(raw_header(name.as_bytes(), kind, 0), target.as_bytes());
        self.header(&h, b"")
    }
    fn finish(&mut self) -> Vec<u8> {
        let mut out = std::mem::take(&mut self.0);
        out.extend_from_slice(&[0u8; 1024]);
        out
    }
    fn gz(&mut self) -> Vec<u8> {
        gzip(&self.finish())
    }
}

/// "<length> <key>=<value>\n", where the length counts its own digits.
fn pax_record(key: &str, value: &str) -> String {
    let body = format!(" {key}={value}\n");
    let mut len = body.len() + 1;
    while (len.to_string() + &body).len() != len {
        len += 1;
    }
    format!("{len}{body}")
}

/// Every path under `root`, relative, including hidden ones.
fn everything(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = walk(root).into_iter().map(|e| e.path).collect();
    out.sort();
    out
}

/// A sandbox holding `parent/`, into which `parent/target` is unpacked, so that anything
/// written outside the target (by `..`, or by an absolute path aimed at the sandbox) shows up.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("parent")).unwrap();
        Sandbox { dir }
    }
    fn root(&self) -> &Path {
        self.dir.path()
    }
    fn parent(&self) -> PathBuf {
        self.root().join("parent")
    }
    fn target(&self) -> PathBuf {
        self.parent().join("target")
    }
}

/// Asserts that `bytes` is refused by `read`, `unpack` and `unpack_replacing`, each time with a
/// message containing `needle`, and that nothing at all was left on disk: no target, no temp
/// directory, nothing outside the target; and an existing tree survives `unpack_replacing`.
fn assert_refused(bytes: &[u8], needle: &str) -> ArchiveError {
    let err = read(bytes).expect_err("read accepted a hostile archive");
    assert!(
        err.to_string().contains(needle),
        "read: {err:?} does not mention {needle:?}"
    );

    let sb = Sandbox::new();
    let err = unpack(bytes, &sb.target()).expect_err("unpack accepted a hostile archive");
    assert!(
        err.to_string().contains(needle),
        "unpack: {err} does not mention {needle:?}"
    );
    assert_eq!(
        everything(sb.root()),
        vec!["parent"],
        "unpack left files behind"
    );

    fs::create_dir(sb.target()).unwrap();
    fs::write(sb.target().join("keep"), b"old").unwrap();
    let err2 = unpack_replacing(bytes, &sb.target()).expect_err("unpack_replacing accepted");
    assert!(
        err2.to_string().contains(needle),
        "unpack_replacing: {err2}"
    );
    assert_eq!(
        everything(sb.root()),
        vec!["parent", "parent/target", "parent/target/keep"],
        "unpack_replacing touched the old tree or left files behind"
    );
    assert_eq!(fs::read(sb.target().join("keep")).unwrap(), b"old");
    err
}

// ---------------------------------------------------------------------------------------------
// Packing
// ---------------------------------------------------------------------------------------------

#[test]
fn pack_is_deterministic() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    build_tree(a.path(), &style_a());
    build_tree(b.path(), &style_b());
    let mut entries_b = walk(b.path());
    entries_b.reverse();
    let pa = pack(a.path(), &walk(a.path())).unwrap();
    let pb = pack(b.path(), &entries_b).unwrap();
    assert_eq!(pa.sha256, pb.sha256);
    assert!(pa.bytes == pb.bytes, "same tree packed to different bytes");
    assert_eq!(pa.sha256, sha256_hex(&pa.bytes));
    assert_eq!(pa.sha256.len(), 64);
    assert!(
        pa.sha256
            .chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    );

    // Same bytes again from the same tree, and a one-byte change moves the digest.
    assert_eq!(pack(a.path(), &walk(a.path())).unwrap(), pa);
    fs::write(a.path().join("README.md"), b"# mysql!\n").unwrap();
    let changed = pack(a.path(), &walk(a.path())).unwrap();
    assert_ne!(changed.sha256, pa.sha256);
}

#[test]
fn pack_headers_are_normalised() {
    let packed = packed_sample();
    let tar_bytes = {
        let mut out = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(packed.bytes.as_slice()),
            &mut out,
        )
        .unwrap();
        out
    };
    let mut archive = tar::Archive::new(tar_bytes.as_slice());
    let mut paths = Vec::new();
    for entry in archive.entries().unwrap() {
        let entry = entry.unwrap();
        let h = entry.header();
        assert!(h.as_gnu().is_some(), "not a GNU header");
        assert_eq!(h.mtime().unwrap(), 0);
        assert_eq!(h.uid().unwrap(), 0);
        assert_eq!(h.gid().unwrap(), 0);
        assert_eq!(h.username_bytes(), Some(&b""[..]));
        assert_eq!(h.groupname_bytes(), Some(&b""[..]));
        let path = String::from_utf8(entry.path_bytes().into_owned()).unwrap();
        let mode = h.mode().unwrap();
        match h.entry_type() {
            EntryType::Directory => assert_eq!(mode, 0o755, "{path}"),
            EntryType::Regular if path == "bin/run" => assert_eq!(mode, 0o755),
            EntryType::Regular => assert_eq!(mode, 0o644, "{path}"),
            EntryType::Symlink => assert_eq!(mode, 0o777, "{path}"),
            other => panic!("{path}: unexpected {other:?}"),
        }
        paths.push(path.trim_end_matches('/').to_owned());
    }
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "entries are not sorted by path");
    assert!(paths.contains(&long_file()));
    assert!(paths.contains(&"provides".to_owned()));
}

#[test]
fn pack_adds_missing_parent_directories() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("a/b")).unwrap();
    fs::write(dir.path().join("a/b/f"), b"x").unwrap();
    let only_file = [Entry {
        path: "a/b/f".into(),
        kind: EntryKind::File {
            executable: false,
            size: 1,
        },
    }];
    let sparse = pack(dir.path(), &only_file).unwrap();
    let full = pack(dir.path(), &walk(dir.path())).unwrap();
    assert_eq!(sparse, full);
}

#[test]
fn pack_refuses_unsafe_entries() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("f"), b"x").unwrap();
    symlink("/etc/passwd", dir.path().join("abs")).unwrap();
    symlink("../..", dir.path().join("sub/up")).unwrap();
    symlink("sub", dir.path().join("via")).unwrap();
    let file = EntryKind::File {
        executable: false,
        size: 1,
    };
    let link = |t: &str| EntryKind::Symlink { target: t.into() };
    let cases: Vec<(Entry, &str)> = vec![
        (
            Entry {
                path: "../f".into(),
                kind: file.clone(),
            },
            "../f",
        ),
        (
            Entry {
                path: "/f".into(),
                kind: file.clone(),
            },
            "/f",
        ),
        (
            Entry {
                path: "sub/../f".into(),
                kind: file.clone(),
            },
            "sub/../f",
        ),
        (
            Entry {
                path: "./f".into(),
                kind: file.clone(),
            },
            "./f",
        ),
        (
            Entry {
                path: "abs".into(),
                kind: link("/etc/passwd"),
            },
            "abs",
        ),
        (
            Entry {
                path: "sub/up".into(),
                kind: link("../.."),
            },
            "sub/up",
        ),
        // The entry claims a harmless target, but the link on disk escapes.
        (
            Entry {
                path: "abs".into(),
                kind: link("f"),
            },
            "abs",
        ),
        // A walker bug must not let pack read through a symlinked directory.
        (
            Entry {
                path: "via/x".into(),
                kind: file.clone(),
            },
            "via",
        ),
        // Disk and listing disagree about what the entry is.
        (
            Entry {
                path: "sub".into(),
                kind: file.clone(),
            },
            "sub",
        ),
    ];
    for (entry, needle) in cases {
        let err = pack(dir.path(), std::slice::from_ref(&entry)).unwrap_err();
        assert!(err.to_string().contains(needle), "{entry:?}: {err}");
    }
    let dup = Entry {
        path: "f".into(),
        kind: file.clone(),
    };
    let err = pack(dir.path(), &[dup.clone(), dup]).unwrap_err();
    assert!(err.to_string().contains("f: duplicate"), "{err}");
}

#[test]
fn pack_refuses_too_large_trees() {
    let dir = tempfile::tempdir().unwrap();
    let f = fs::File::create(dir.path().join("big")).unwrap();
    f.set_len(MAX_UNPACKED_BYTES + 1).unwrap();
    let entries = walk(dir.path());
    let err = pack(dir.path(), &entries).unwrap_err();
    assert!(err.is_too_large(), "{err}");
    assert!(err.to_string().contains("big"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------------

#[test]
fn pack_unpack_round_trip_is_exact() {
    let src = tempfile::tempdir().unwrap();
    build_tree(src.path(), &style_b());
    let packed = pack(src.path(), &walk(src.path())).unwrap();

    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("mysql");
    let entries = unpack(&packed.bytes, &target).unwrap();

    let before = snapshot(src.path());
    let after = snapshot(&target);
    assert_eq!(before, after);
    let mut expected: Vec<Entry> = walk(src.path());
    expected.sort();
    assert_eq!(entries, expected);

    // Modes are normalised whatever they were in the source tree.
    let mode = |p: &str| {
        fs::symlink_metadata(target.join(p))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode("README.md"), 0o644);
    assert_eq!(mode("bin/run"), 0o755);
    assert_eq!(mode("provides"), 0o755);
    assert_eq!(mode(LONG_DIR), 0o755);
    assert_eq!(
        fs::metadata(&target).unwrap().permissions().mode() & 0o777,
        0o755
    );
    // The links work, to a file and to a directory.
    assert_eq!(fs::read(target.join("README.link")).unwrap(), b"# mysql\n");
    assert!(target.join("peer/provider.py").is_file());
    assert_eq!(
        fs::read(target.join("requires/up-to-provider.py")).unwrap(),
        b"class Provides: pass\n"
    );

    // Packing the unpacked tree gives the very same archive.
    assert_eq!(pack(&target, &walk(&target)).unwrap(), packed);
    assert_eq!(
        everything(out.path())
            .iter()
            .filter(|p| p.contains(".iface-unpack-"))
            .count(),
        0
    );
}

#[test]
fn read_returns_sorted_entries_with_contents() {
    let packed = packed_sample();
    let items = read(&packed.bytes).unwrap();
    let paths: Vec<&str> = items.iter().map(|(e, _)| e.path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    let find = |p: &str| items.iter().find(|(e, _)| e.path == p).unwrap();
    let (run, data) = find("bin/run");
    assert_eq!(
        run.kind,
        EntryKind::File {
            executable: true,
            size: 18
        }
    );
    assert_eq!(data.as_deref(), Some(&b"#!/bin/sh\necho hi\n"[..]));
    let (peer, data) = find("peer");
    assert_eq!(
        peer.kind,
        EntryKind::Symlink {
            target: "provides".into()
        }
    );
    assert!(data.is_none());
    assert_eq!(find("schema").0.kind, EntryKind::Dir);
}

#[test]
fn entries_serialise_with_a_type_tag() {
    let e = Entry {
        path: "bin/run".into(),
        kind: EntryKind::File {
            executable: true,
            size: 3,
        },
    };
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(
        json,
        r#"{"path":"bin/run","kind":{"type":"file","executable":true,"size":3}}"#
    );
}

#[test]
fn foreign_archives_are_normalised() {
    // What other tar writers produce: a leading "./", a trailing slash on directories, parents
    // listed after or not at all, a GNU long name and a pax path record.
    let long = format!("./{}", "d/".repeat(60) + "leaf");
    let mut tar = RawTar::default();
    tar.dir("./");
    tar.file("./top", b"top");
    tar.file("./x/y/deep", b"deep");
    tar.dir("x/");
    let name = long.as_bytes();
    let mut ln = raw_header(
        b"././@LongLink",
        EntryType::GNULongName,
        name.len() as u64 + 1,
    );
    ln.set_cksum();
    let mut name0 = name.to_vec();
    name0.push(0);
    tar.header(&ln, &name0);
    tar.file("truncated-by-long-name", b"long");
    let pax_path = "pax/named/by/a/pax/record";
    let record = pax_record("path", pax_path);
    let px = raw_header(b"PaxHeaders/x", EntryType::XHeader, record.len() as u64);
    tar.header(&px, record.as_bytes());
    tar.file("ignored-name", b"pax");
    let bytes = tar.gz();

    let items = read(&bytes).unwrap();
    let got: BTreeMap<String, Option<Vec<u8>>> =
        items.into_iter().map(|(e, d)| (e.path, d)).collect();
    assert_eq!(got["top"].as_deref(), Some(&b"top"[..]));
    assert_eq!(got["x/y/deep"].as_deref(), Some(&b"deep"[..]));
    assert_eq!(got["x/y"], None);
    let long_norm = long.trim_start_matches("./");
    assert_eq!(got[long_norm].as_deref(), Some(&b"long"[..]));
    assert_eq!(got[pax_path].as_deref(), Some(&b"pax"[..]));
    assert!(!got.contains_key("ignored-name"));
    assert!(!got.contains_key("truncated-by-long-name"));

    let sb = Sandbox::new();
    unpack(&bytes, &sb.target()).unwrap();
    assert_eq!(fs::read(sb.target().join(long_norm)).unwrap(), b"long");
}

// ---------------------------------------------------------------------------------------------
// Hostile archives
// ---------------------------------------------------------------------------------------------

#[test]
fn refuses_absolute_path() {
    let sb = Sandbox::new();
    // Aimed inside the sandbox, so that a successful escape would be visible.
    let abs = format!("{}/abs-escape", sb.root().display());
    assert!(abs.len() < 100);
    let bytes = RawTar::default().file(&abs, b"pwned").gz();
    let err = assert_refused(&bytes, &abs);
    assert!(!err.is_too_large());
    assert!(!sb.root().join("abs-escape").exists());
}

#[test]
fn refuses_parent_escape() {
    let bytes = RawTar::default().file("../escape", b"pwned").gz();
    assert_refused(&bytes, "../escape");
}

#[test]
fn refuses_nested_parent_escape() {
    let bytes = RawTar::default()
        .dir("a")
        .file("a/../../escape", b"pwned")
        .gz();
    assert_refused(&bytes, "a/../../escape");
}

#[test]
fn refuses_parent_escape_in_long_name() {
    let name = format!("{}../../escape", "a/".repeat(60));
    let mut tar = RawTar::default();
    let mut data = name.as_bytes().to_vec();
    data.push(0);
    let ln = raw_header(b"././@LongLink", EntryType::GNULongName, data.len() as u64);
    tar.header(&ln, &data);
    tar.file("harmless", b"pwned");
    assert_refused(&tar.gz(), "../../escape");
}

#[test]
fn refuses_absolute_symlink() {
    let bytes = RawTar::default()
        .link("passwd", EntryType::Symlink, "/etc/passwd")
        .gz();
    let err = assert_refused(&bytes, "passwd");
    assert!(err.to_string().contains("/etc/passwd"));
}

#[test]
fn refuses_escaping_symlink() {
    let bytes = RawTar::default()
        .link("up", EntryType::Symlink, "../..")
        .gz();
    assert_refused(&bytes, "up");
    let bytes = RawTar::default()
        .dir("sub")
        .link("sub/up", EntryType::Symlink, "../..")
        .gz();
    assert_refused(&bytes, "sub/up");
}

#[test]
fn refuses_symlink_that_escapes_through_another_symlink() {
    // Lexically `d/l/../..` is the tree root; the kernel follows d/l first and lands outside.
    let bytes = RawTar::default()
        .dir("d")
        .link("d/l", EntryType::Symlink, "..")
        .link("m", EntryType::Symlink, "d/l/../..")
        .gz();
    assert_refused(&bytes, "d/l/../..");
}

#[test]
fn refuses_file_written_through_symlink() {
    let bytes = RawTar::default()
        .dir("sub")
        .link("link", EntryType::Symlink, "sub")
        .file("link/evil", b"pwned")
        .gz();
    let err = assert_refused(&bytes, "link/evil");
    assert!(
        matches!(err, ArchiveError::ThroughSymlink { .. }),
        "{err:?}"
    );

    for (kind, data) in [(EntryType::Directory, 0), (EntryType::Symlink, 0)] {
        let mut tar = RawTar::default();
        tar.link("link", EntryType::Symlink, ".");
        let h = with_link(raw_header(b"link/x/y", kind, data), b"z");
        tar.header(&h, b"");
        assert_refused(&tar.gz(), "link/x/y");
    }
}

#[test]
fn refuses_symlink_over_earlier_directory() {
    let bytes = RawTar::default()
        .file("sub/f", b"x")
        .link("sub", EntryType::Symlink, ".")
        .gz();
    assert_refused(&bytes, "sub");
}

#[test]
fn refuses_hard_link() {
    let bytes = RawTar::default()
        .file("a", b"x")
        .link("hard", EntryType::Link, "a")
        .gz();
    let err = assert_refused(&bytes, "hard");
    assert!(err.to_string().contains("hard link"), "{err}");
}

#[test]
fn refuses_devices_and_fifos() {
    for (name, kind, what) in [
        ("null", EntryType::Char, "character device"),
        ("sda", EntryType::Block, "block device"),
        ("pipe", EntryType::Fifo, "fifo"),
    ] {
        let mut h = raw_header(name.as_bytes(), kind, 0);
        h.set_device_major(1).unwrap();
        h.set_device_minor(3).unwrap();
        h.set_cksum();
        let bytes = RawTar::default().header(&h, b"").gz();
        let err = assert_refused(&bytes, name);
        assert!(err.to_string().contains(what), "{err}");
    }
}

#[test]
fn refuses_other_entry_types() {
    let record = pax_record("comment", "made by some tool");
    let g = raw_header(
        b"pax_global_header",
        EntryType::XGlobalHeader,
        record.len() as u64,
    );
    let bytes = RawTar::default()
        .header(&g, record.as_bytes())
        .file("a", b"x")
        .gz();
    assert_refused(&bytes, "pax_global_header");

    let weird = raw_header(b"weird", EntryType::new(b'Z'), 0);
    assert_refused(&RawTar::default().header(&weird, b"").gz(), "weird");
}

#[test]
fn refuses_non_utf8_names() {
    let h = raw_header(b"caf\xe9", EntryType::Regular, 0);
    let bytes = RawTar::default().header(&h, b"").gz();
    let err = assert_refused(&bytes, "caf");
    assert!(err.to_string().contains("UTF-8"), "{err}");
}

#[test]
fn refuses_duplicate_entries() {
    let bytes = RawTar::default()
        .file("dup", b"one")
        .file("dup", b"two")
        .gz();
    let err = assert_refused(&bytes, "dup");
    assert!(err.to_string().contains("duplicate"), "{err}");
    let bytes = RawTar::default().dir("d").dir("d/").gz();
    assert_refused(&bytes, "d: duplicate");
}

#[test]
fn refuses_too_many_entries() {
    let mut tar = RawTar::default();
    for i in 0..=MAX_ENTRIES {
        tar.file(&format!("f{i:05}"), b"");
    }
    let err = assert_refused(&tar.gz(), &format!("f{MAX_ENTRIES:05}"));
    assert!(err.is_too_large());

    // Exactly at the limit is fine.
    let mut tar = RawTar::default();
    for i in 0..MAX_ENTRIES {
        tar.file(&format!("f{i:05}"), b"");
    }
    assert_eq!(read(&tar.gz()).unwrap().len(), MAX_ENTRIES);
}

fn zeros_entry(tar: &mut RawTar, name: &str, size: u64) {
    let h = raw_header(name.as_bytes(), EntryType::Regular, size);
    tar.header(&h, &vec![0u8; size as usize]);
}

#[test]
fn refuses_too_much_unpacked_data() {
    let mib = 1024 * 1024;
    let mut tar = RawTar::default();
    zeros_entry(&mut tar, "big1", 20 * mib);
    zeros_entry(&mut tar, "big2", 20 * mib);
    zeros_entry(&mut tar, "big3", 20 * mib);
    let bytes = tar.gz();
    assert!(bytes.len() < 1024 * 1024, "zeros should compress well");
    let err = assert_refused(&bytes, "big3");
    assert!(err.is_too_large());
}

#[test]
fn refuses_oversized_long_name_record() {
    // The tar crate would buffer a long-name record of any size; this one claims 300 MiB.
    let h = raw_header(b"././@LongLink", EntryType::GNULongName, 300 * 1024 * 1024);
    let mut tar = RawTar::default();
    tar.0.extend_from_slice(h.as_bytes());
    tar.0.extend_from_slice(&[b'a'; 4096]);
    let err = assert_refused(&gzip(&tar.0), "record is too large");
    assert!(!err.is_too_large());
}

#[test]
fn refuses_decompression_bomb_after_the_archive() {
    // Zeros after the end-of-archive marker are legal in small amounts, and cost nothing to
    // compress: a few hundred bytes per MiB. Stitch one flushed MiB of deflate output together
    // hundreds of times rather than compressing it all (the trailer is never reached).
    let mut prefix = RawTar::default();
    prefix.file("a", b"a");
    let prefix = prefix.finish();
    let deflate = |data: &[u8]| {
        let mut c = flate2::Compress::new(flate2::Compression::fast(), false);
        let mut out = Vec::with_capacity(data.len() + 1024);
        c.compress_vec(data, &mut out, flate2::FlushCompress::Full)
            .unwrap();
        assert_eq!(c.total_in(), data.len() as u64);
        out
    };
    let mut bytes = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    bytes.extend(deflate(&prefix));
    let mib = deflate(&vec![0u8; 1024 * 1024]);
    for _ in 0..400 {
        bytes.extend_from_slice(&mib);
    }
    assert!((bytes.len() as u64) < MAX_PACKED_BYTES);
    let err = assert_refused(&bytes, "");
    assert!(err.is_too_large(), "{err}");
}

#[test]
fn refuses_too_large_input() {
    let bytes = vec![0u8; MAX_PACKED_BYTES as usize + 1];
    let err = assert_refused(&bytes, &format!("{}", MAX_PACKED_BYTES + 1));
    assert!(err.is_too_large());
}

#[test]
fn refuses_bad_gzip() {
    // A fixed-seed xorshift: random-looking, but the same bytes on every run.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let err = assert_refused(&bytes, "gzip");
    assert!(!err.is_too_large());
}

#[test]
fn refuses_truncated_gzip() {
    let packed = packed_sample();
    let half = &packed.bytes[..packed.bytes.len() / 2];
    let err = assert_refused(half, "");
    assert!(
        matches!(
            err,
            ArchiveError::BadGzip { .. } | ArchiveError::BadTar { .. }
        ),
        "{err:?}"
    );
    // Only the gzip trailer missing: every tar byte is there, the CRC is not.
    let no_trailer = &packed.bytes[..packed.bytes.len() - 8];
    let err = assert_refused(no_trailer, "gzip");
    assert!(matches!(err, ArchiveError::BadGzip { .. }), "{err:?}");
}

#[test]
fn refuses_truncated_tar() {
    let mut tar = RawTar::default();
    tar.file("a", b"aaa").file("b", &[b'b'; 2000]);
    let full = tar.finish();
    // Cut inside b's data, then exactly at a block boundary after a (no end marker at all).
    let inside = gzip(&full[..512 + 512 + 512 + 700]);
    assert_refused(&inside, "b");
    let at_boundary = gzip(&full[..1024]);
    let err = assert_refused(&at_boundary, "truncated");
    assert!(matches!(err, ArchiveError::BadTar { .. }), "{err:?}");
}

#[test]
fn refuses_trailing_garbage() {
    let mut tar = RawTar::default();
    tar.file("a", b"a");
    let mut raw = tar.finish();
    raw.extend_from_slice(b"hidden entry for a more lenient reader");
    assert_refused(&gzip(&raw), "end-of-archive");

    let mut two_members = packed_sample().bytes;
    two_members.extend_from_slice(&packed_sample().bytes);
    assert_refused(&two_members, "after the end of the gzip stream");
}

// ---------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------

#[test]
fn unpack_refuses_existing_target() {
    let packed = packed_sample();
    let sb = Sandbox::new();
    fs::create_dir(sb.target()).unwrap();
    fs::write(sb.target().join("keep"), b"old").unwrap();
    let err = unpack(&packed.bytes, &sb.target()).unwrap_err();
    assert!(matches!(err, ArchiveError::TargetExists { .. }), "{err:?}");
    assert_eq!(
        everything(sb.root()),
        vec!["parent", "parent/target", "parent/target/keep"]
    );

    // An empty directory or a dangling symlink is still "existing".
    fs::remove_dir_all(sb.target()).unwrap();
    fs::create_dir(sb.target()).unwrap();
    assert!(unpack(&packed.bytes, &sb.target()).is_err());
    fs::remove_dir(sb.target()).unwrap();
    symlink("nowhere", sb.target()).unwrap();
    assert!(unpack(&packed.bytes, &sb.target()).is_err());
    assert_eq!(everything(sb.root()), vec!["parent", "parent/target"]);
}

#[test]
fn unpack_needs_an_existing_parent() {
    let packed = packed_sample();
    let sb = Sandbox::new();
    let target = sb.root().join("missing/target");
    assert!(unpack(&packed.bytes, &target).is_err());
    assert_eq!(everything(sb.root()), vec!["parent"]);
}

#[test]
fn unpack_replacing_replaces_and_creates() {
    let packed = packed_sample();
    let sb = Sandbox::new();
    fs::create_dir_all(sb.target().join("old/nested")).unwrap();
    fs::write(sb.target().join("old/nested/file"), b"old").unwrap();
    let entries = unpack_replacing(&packed.bytes, &sb.target()).unwrap();
    assert!(!sb.target().join("old").exists());
    assert_eq!(
        fs::read(sb.target().join("interface.yaml")).unwrap(),
        b"name: mysql\n"
    );
    assert_eq!(entries.len(), read(&packed.bytes).unwrap().len());
    let names: Vec<String> = fs::read_dir(sb.parent())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, vec!["target"]);

    // With no old tree it behaves like unpack.
    let fresh = sb.parent().join("fresh");
    unpack_replacing(&packed.bytes, &fresh).unwrap();
    assert_eq!(snapshot(&fresh), snapshot(&sb.target()));
}

#[test]
fn unpack_replacing_refuses_a_non_directory_target() {
    let packed = packed_sample();
    let sb = Sandbox::new();
    fs::write(sb.target(), b"a file").unwrap();
    let err = unpack_replacing(&packed.bytes, &sb.target()).unwrap_err();
    assert!(matches!(err, ArchiveError::TargetNotDir { .. }), "{err:?}");
    assert_eq!(fs::read(sb.target()).unwrap(), b"a file");
    assert_eq!(everything(sb.root()), vec!["parent", "parent/target"]);
}
