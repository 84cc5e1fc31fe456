//! Shared helpers for the index service tests: a real server on
//! 127.0.0.1:0 (in-process, or the `iface serve` binary), interface trees
//! packed with the real packer, and hand-built hostile archives.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::{Client, Method, RequestBuilder, Response, StatusCode};
use serde_json::Value;

use iface::server::{self, AppState};
use iface::store::SqliteStore;

pub const ADMIN: &str = "admin-token-for-tests-0123456789";

pub fn client() -> Client {
    // reqwest is built with rustls but without a default crypto provider;
    // plain http on loopback never uses it, but the builder wants one.
    let _ = rustls::crypto::ring::default_provider().install_default();
    Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("build an HTTP client")
}

/// A server running in this process, with its own data directory.
pub struct TestServer {
    pub base: String,
    pub addr: SocketAddr,
    pub data: tempfile::TempDir,
    pub http: Client,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl TestServer {
    pub async fn start() -> TestServer {
        let data = tempfile::tempdir().expect("temp data dir");
        let store = Arc::new(SqliteStore::open(data.path()).expect("open store"));
        let state = AppState::new(store, Some(ADMIN));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(server::serve(listener, state, async move {
            let _ = stopped.await;
        }));
        TestServer {
            base: format!("http://{addr}"),
            addr,
            data,
            http: client(),
            stop: Some(stop),
            task: Some(task),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn request(&self, method: Method, path: &str, token: Option<&str>) -> RequestBuilder {
        let builder = self.http.request(method, self.url(path));
        match token {
            Some(token) => builder.bearer_auth(token),
            None => builder,
        }
    }

    pub async fn get(&self, path: &str) -> Response {
        self.request(Method::GET, path, None).send().await.unwrap()
    }

    pub async fn get_json(&self, path: &str) -> (StatusCode, Value) {
        json_of(self.get(path).await).await
    }

    /// Creates a user and a token for them; returns the token.
    pub async fn user(&self, name: &str) -> String {
        let response = self
            .request(Method::POST, "/v1/users", Some(ADMIN))
            .json(&serde_json::json!({ "name": name }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED, "create user {name}");
        let (status, body) = json_of(
            self.request(
                Method::POST,
                &format!("/v1/users/{name}/tokens"),
                Some(ADMIN),
            )
            .json(&serde_json::json!({ "label": "tests" }))
            .send()
            .await
            .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "create token: {body}");
        body["token"].as_str().unwrap().to_owned()
    }

    pub async fn publish(
        &self,
        owner: &str,
        name: &str,
        token: Option<&str>,
        archive: Vec<u8>,
    ) -> (StatusCode, Value) {
        json_of(
            self.request(
                Method::POST,
                &format!("/v1/interfaces/~{owner}/{name}/revisions"),
                token,
            )
            .header("content-type", "application/gzip")
            .body(archive)
            .send()
            .await
            .unwrap(),
        )
        .await
    }

    /// Every archive file under the data directory.
    pub fn archive_files(&self) -> Vec<PathBuf> {
        archive_files(self.data.path())
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.unwrap().unwrap();
        }
    }
}

pub fn archive_files(data: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let root = data.join("archives");
    for shard in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for file in std::fs::read_dir(shard.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            found.push(file.path());
        }
    }
    found.sort();
    found
}

pub async fn json_of(response: Response) -> (StatusCode, Value) {
    let status = response.status();
    let text = response.text().await.unwrap();
    let value = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
    };
    (status, value)
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    iface::archive::sha256_hex(bytes)
}

/// Writes a small seed-format interface (provides + requires) into `dir`
/// and packs it with the real packer. `salt` goes into a file so that each
/// call can produce a distinct archive.
pub fn interface_archive(name: &str, summary: &str, description: &str, salt: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join(name);
    write_interface(&root, name, summary, description, salt);
    pack(&root)
}

pub fn write_interface(root: &Path, name: &str, summary: &str, description: &str, salt: &str) {
    std::fs::create_dir_all(root.join("provides")).unwrap();
    std::fs::create_dir_all(root.join("requires")).unwrap();
    std::fs::write(
        root.join("interface.yaml"),
        format!(
            "name: {name}\nsummary: {summary}\nmaintainer: \"Test Maintainer <t@example.com>\"\n\
             category: testing\nversion: 1\ndescription: {description}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        root.join("README.md"),
        format!(
            "# {name}\n\nA test interface.\n\n<script>alert('readme')</script>\n\nsalt {salt}\n"
        ),
    )
    .unwrap();
    std::fs::write(root.join("provides/__init__.py"), "# provides\n").unwrap();
    std::fs::write(root.join("requires/__init__.py"), "# requires\n").unwrap();
}

pub fn pack(root: &Path) -> Vec<u8> {
    let tree = iface::tree::InterfaceTree::load(root).expect("load tree");
    iface::archive::pack(&tree.root, &tree.entries)
        .expect("pack")
        .bytes
}

/// One entry of a hand-built archive.
pub enum Raw<'a> {
    File(&'a str, &'a [u8]),
    Dir(&'a str),
    Symlink(&'a str, &'a str),
    HardLink(&'a str, &'a str),
    CharDevice(&'a str),
    Fifo(&'a str),
}

/// Builds a .tar.gz byte by byte with the tar crate's raw header API, so
/// that names the safe builder would refuse (`..`, absolute) get in.
pub fn raw_archive(entries: &[Raw<'_>]) -> Vec<u8> {
    let mut tar = Vec::new();
    for entry in entries {
        let mut header = tar::Header::new_ustar();
        let (path, kind, link, data): (&str, tar::EntryType, Option<&str>, &[u8]) = match entry {
            Raw::File(path, data) => (path, tar::EntryType::Regular, None, data),
            Raw::Dir(path) => (path, tar::EntryType::Directory, None, b""),
            Raw::Symlink(path, target) => (path, tar::EntryType::Symlink, Some(target), b""),
            Raw::HardLink(path, target) => (path, tar::EntryType::Link, Some(target), b""),
            Raw::CharDevice(path) => (path, tar::EntryType::Char, None, b""),
            Raw::Fifo(path) => (path, tar::EntryType::Fifo, None, b""),
        };
        {
            let ustar = header.as_ustar_mut().unwrap();
            ustar.name[..path.len()].copy_from_slice(path.as_bytes());
            if let Some(link) = link {
                ustar.linkname[..link.len()].copy_from_slice(link.as_bytes());
            }
        }
        header.set_entry_type(kind);
        header.set_mode(if kind == tar::EntryType::Directory {
            0o755
        } else {
            0o644
        });
        header.set_size(data.len() as u64);
        header.set_mtime(0);
        header.set_cksum();
        tar.extend_from_slice(header.as_bytes());
        tar.extend_from_slice(data);
        let pad = (512 - data.len() % 512) % 512;
        tar.extend(std::iter::repeat_n(0u8, pad));
    }
    tar.extend(std::iter::repeat_n(0u8, 1024));
    gzip(&tar)
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// The files every valid test interface has, for hostile archives to add to.
pub const MANIFEST: &[u8] = b"name: hostile\nsummary: x\nmaintainer: t <t@example.com>\n\
category: testing\nversion: 1\n";

/// Sends a raw HTTP/1.1 request and returns the status line and the rest.
/// Used where a well-behaved client cannot: a body over the limit.
pub fn raw_http(addr: SocketAddr, head: &str, body: &[u8]) -> (u16, String) {
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    // The server may answer and close before taking the whole body; that
    // is the point, so a failed write is not a failure here.
    let _ = stream.write_all(body);
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no HTTP status in {text:?}"));
    (status, text)
}

/// `iface serve` as a child process.
pub struct ServeProcess {
    pub child: Child,
    pub base: String,
    pub addr: SocketAddr,
    /// Everything it printed on stderr, collected by a thread.
    pub stderr: Arc<std::sync::Mutex<String>>,
}

impl ServeProcess {
    /// Starts `iface serve --listen 127.0.0.1:0 --data DATA` and waits for
    /// the `listening on http://ADDR` line.
    pub fn start(data: &Path, admin: Option<&str>) -> ServeProcess {
        Self::start_with(data, admin, &[])
    }

    /// As [`ServeProcess::start`], with more arguments for `iface serve`.
    pub fn start_with(
        data: &Path,
        admin: Option<&str>,
        extra: &[&std::ffi::OsStr],
    ) -> ServeProcess {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin!("iface"));
        command
            .args(["serve", "--listen", "127.0.0.1:0", "--data"])
            .arg(data)
            .args(extra)
            .env_remove("IFACE_ADMIN_TOKEN")
            .env_remove("IFACE_LISTEN")
            .env_remove("IFACE_DATA_DIR")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(admin) = admin {
            command.env("IFACE_ADMIN_TOKEN", admin);
        }
        let mut child = command.spawn().expect("spawn iface serve");
        let stderr = child.stderr.take().unwrap();
        let collected = Arc::new(std::sync::Mutex::new(String::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        {
            let collected = Arc::clone(&collected);
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    if let Some(url) = line.strip_prefix("listening on ") {
                        let _ = tx.send(url.to_owned());
                    }
                    let mut all = collected.lock().unwrap();
                    all.push_str(&line);
                    all.push('\n');
                }
            });
        }
        let base = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(url) => url,
            Err(_) => {
                let _ = child.kill();
                panic!(
                    "iface serve did not print its address; stderr:\n{}",
                    collected.lock().unwrap()
                );
            }
        };
        let addr = base
            .strip_prefix("http://")
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("bad address line {base:?}"));
        ServeProcess {
            child,
            base,
            addr,
            stderr: collected,
        }
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Sends a signal by name (`TERM`, `KILL`) with kill(1).
    pub fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.child.id().to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} failed");
    }

    /// Waits for the process to exit, at most `limit`.
    pub fn wait(&mut self, limit: Duration) -> std::process::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if start.elapsed() > limit {
                let _ = self.child.kill();
                panic!(
                    "iface serve did not exit within {limit:?}; stderr:\n{}",
                    self.stderr()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        // Never leave a server behind, whatever the test did.
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
