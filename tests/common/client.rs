//! Helpers for the client tests: a real `iface serve` child on
//! `127.0.0.1:0`, and the real `iface` binary with its own HOME, config and
//! cache. Include with `#[path = "common/client.rs"] mod support;`.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

/// The admin token every test server accepts.
pub const ADMIN: &str = "test-admin-token-0123456789";

pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/interfaces")
}

pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("iface")
}

/// A running `iface serve` on a private data directory.
pub struct Server {
    child: Option<Child>,
    pub url: String,
    pub data: PathBuf,
}

impl Server {
    /// Starts a server on `data` (created if needed) and waits until it
    /// says where it listens.
    pub fn start(data: &Path) -> Server {
        let mut child = std::process::Command::new(bin())
            .args(["serve", "--listen", "127.0.0.1:0", "--data"])
            .arg(data)
            .env_clear()
            .env("HOME", data)
            .env("IFACE_ADMIN_TOKEN", ADMIN)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn iface serve");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            // Keep reading after the address line so the server never
            // blocks on a full pipe.
            let mut sent = false;
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if !sent && let Some(url) = line.split("listening on ").nth(1) {
                    let _ = tx.send(url.trim().to_owned());
                    sent = true;
                }
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("iface serve did not say where it listens");
        Server {
            child: Some(child),
            url,
            data: data.to_path_buf(),
        }
    }

    /// Kills the server and waits for it to be gone.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A user's machine: HOME (and so the config directory) and a cache.
pub struct Machine {
    pub dir: tempfile::TempDir,
}

impl Machine {
    pub fn new() -> Machine {
        Machine {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn home(&self) -> &Path {
        self.dir.path()
    }

    pub fn cache(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    pub fn config_dir(&self) -> PathBuf {
        self.dir.path().join(".config/iface")
    }

    /// `iface` with this HOME and cache, no colour, and no index chosen.
    pub fn iface(&self) -> Command {
        let mut cmd = Command::new(bin());
        cmd.env_clear()
            .env("HOME", self.home())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("IFACE_CACHE_DIR", self.cache())
            .env("NO_COLOR", "1")
            .timeout(Duration::from_secs(60));
        cmd
    }

    /// `iface` pointed at `server` through IFACE_INDEX.
    pub fn at(&self, server: &Server) -> Command {
        let mut cmd = self.iface();
        cmd.env("IFACE_INDEX", &server.url);
        cmd
    }

    /// Creates USER on the server and answers a token for them.
    pub fn token_for(&self, server: &Server, user: &str) -> String {
        let out = self
            .at(server)
            .env("IFACE_TOKEN", ADMIN)
            .args(["token", "create", user])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap().trim().to_owned()
    }

    /// Publishes sample interfaces as `~samples`; answers the token.
    pub fn publish_samples(&self, server: &Server, names: &[&str]) -> String {
        let token = self.token_for(server, "samples");
        for name in names {
            self.at(server)
                .env("IFACE_TOKEN", &token)
                .arg("publish")
                .arg(examples().join(name))
                .assert()
                .success();
        }
        token
    }
}

pub fn json_of(output: &[u8]) -> Value {
    serde_json::from_slice(output)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(output)))
}

pub fn text(output: &[u8]) -> String {
    String::from_utf8_lossy(output).into_owned()
}

/// Every entry under `root`: path → what it is (file bytes and exec bit,
/// symlink target, or a directory).
pub fn snapshot(root: &Path) -> std::collections::BTreeMap<String, String> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = std::collections::BTreeMap::new();
    fn walk(root: &Path, dir: &Path, out: &mut std::collections::BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.file_type().is_symlink() {
                let target = std::fs::read_link(&path).unwrap();
                out.insert(rel, format!("link -> {}", target.display()));
            } else if meta.is_dir() {
                out.insert(rel.clone(), "dir".into());
                walk(root, &path, out);
            } else {
                let exec = meta.permissions().mode() & 0o111 != 0;
                let bytes = std::fs::read(&path).unwrap();
                out.insert(rel, format!("file exec={exec} {}", hex_sha(&bytes)));
            }
        }
    }
    walk(root, root, &mut out);
    out
}

fn hex_sha(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}
