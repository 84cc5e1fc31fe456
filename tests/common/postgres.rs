//! A throwaway PostgreSQL cluster for the tests of one test binary: `initdb`
//! and `pg_ctl` into a temporary directory, listening on 127.0.0.1 at a
//! free port, one fresh database per test. It offers TLS with a certificate
//! from a test authority of its own, so the default `sslmode=prefer`
//! encrypts every test's connections. PostgreSQL refuses to run as
//! root, so as root the cluster runs as the `postgres` user that Debian's
//! package creates.
//!
//! The cluster is stopped, and its directory removed, when the test binary
//! exits, however it exits: a guardian shell holds the read end of a pipe
//! whose write end only this process has. When the process ends, the kernel
//! closes the pipe, the guardian reads end-of-file and stops the cluster.
//! (Rust never drops statics, so a `Drop` could not do this.)
//!
//! When PostgreSQL is not installed the tests fail, saying how to install
//! it: a store test that silently passes without a database proves nothing.
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

const INSTALL_HINT: &str = "PostgreSQL's server binaries (initdb, pg_ctl) are needed for the \
     PostgreSQL store tests; install them with `bash .ci/postgres.sh` (Debian's `postgresql` \
     package)";

pub struct Cluster {
    pub port: u16,
    pub dir: PathBuf,
    /// The write end of the guardian's pipe; never written, only held.
    _guardian: Mutex<ChildStdin>,
}

static CLUSTER: OnceLock<Result<Cluster, String>> = OnceLock::new();
static DATABASES: AtomicUsize = AtomicUsize::new(0);

/// The cluster of this test binary, started on first use. Panics with the
/// reason when it cannot be started.
pub fn cluster() -> &'static Cluster {
    match CLUSTER.get_or_init(start) {
        Ok(cluster) => cluster,
        Err(reason) => panic!("no PostgreSQL for the tests: {reason}"),
    }
}

/// The URL of a new, empty database on the cluster, for one test.
pub fn fresh_database() -> String {
    let cluster = cluster();
    let name = format!(
        "t{}_{}",
        std::process::id(),
        DATABASES.fetch_add(1, Ordering::SeqCst)
    );
    let mut admin = postgres::Client::connect(&cluster.url("postgres"), postgres::NoTls)
        .expect("connect to the test cluster");
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create a test database");
    cluster.url(&name)
}

impl Cluster {
    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// The certificate authority that signed the server's certificate. The
    /// certificate names `localhost` only, not `127.0.0.1`.
    pub fn ca_file(&self) -> PathBuf {
        self.dir.join("ca.pem")
    }

    /// A certificate authority that signed nothing here.
    pub fn other_ca_file(&self) -> PathBuf {
        self.dir.join("other-ca.pem")
    }
}

/// Writes a certificate authority (and an unrelated one) and the server's
/// certificate and key, signed by it for `localhost`, into `dir`.
fn write_certificates(dir: &Path) -> Result<(), String> {
    let fail = |err: rcgen::Error| format!("could not make test certificates: {err}");
    let authority =
        |name: &str| -> Result<rcgen::CertifiedIssuer<'static, rcgen::KeyPair>, String> {
            let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).map_err(fail)?;
            params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
            params
                .distinguished_name
                .push(rcgen::DnType::CommonName, name);
            rcgen::CertifiedIssuer::self_signed(params, rcgen::KeyPair::generate().map_err(fail)?)
                .map_err(fail)
        };
    let ca = authority("iface test CA")?;
    let other = authority("some other CA")?;
    let key = rcgen::KeyPair::generate().map_err(fail)?;
    let server = rcgen::CertificateParams::new(vec!["localhost".to_owned()])
        .map_err(fail)?
        .signed_by(&key, &ca)
        .map_err(fail)?;
    let write = |name: &str, text: String| {
        std::fs::write(dir.join(name), text).map_err(|err| format!("could not write {name}: {err}"))
    };
    write("ca.pem", ca.pem())?;
    write("other-ca.pem", other.pem())?;
    write("server.crt", server.pem())?;
    write("server.key", key.serialize_pem())?;
    // PostgreSQL refuses a key that others can read.
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(
        dir.join("server.key"),
        std::fs::Permissions::from_mode(0o600),
    )
    .map_err(|err| format!("could not restrict server.key: {err}"))
}

/// The directory holding `initdb` and `pg_ctl`: the PATH first, then
/// Debian's versioned directories, newest first.
fn bin_dir() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            if dir.join("initdb").is_file() && dir.join("pg_ctl").is_file() {
                return Ok(dir);
            }
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin).ok_or_else(|| {
        format!("no initdb on PATH or under /usr/lib/postgresql/*/bin. {INSTALL_HINT}")
    })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A command for a PostgreSQL binary, run as `postgres` when we are root.
fn pg_command(as_postgres: bool, program: &Path) -> Command {
    if as_postgres {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn run(mut command: Command, what: &str) -> Result<(), String> {
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|err| format!("could not run {what}: {err}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .map_err(|err| format!("could not find a free port: {err}"))
}

fn start() -> Result<Cluster, String> {
    let bin = bin_dir()?;
    let as_postgres = is_root();
    if as_postgres
        && !Command::new("id")
            .arg("postgres")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    {
        return Err(format!(
            "running as root, and PostgreSQL refuses root, but there is no `postgres` user to \
             run it as. {INSTALL_HINT}"
        ));
    }
    let dir = tempfile::Builder::new()
        .prefix("iface-pg-")
        .tempdir()
        .map_err(|err| format!("could not create a temporary directory: {err}"))?
        .keep();
    let data = dir.join("data");
    let log = dir.join("server.log");

    // The guardian first, so that the directory goes even if initdb fails.
    let mut stop = vec![];
    if as_postgres {
        stop.extend(["runuser", "-u", "postgres", "--"].map(String::from));
    }
    stop.push(bin.join("pg_ctl").display().to_string());
    stop.extend(["-D".into(), data.display().to_string()]);
    stop.extend(["-m", "immediate", "-w", "stop"].map(String::from));
    let mut guardian = Command::new("sh")
        .arg("-c")
        .arg(r#"cat >/dev/null; dir=$1; shift; "$@" >/dev/null 2>&1; rm -rf "$dir""#)
        .arg("iface-pg-guardian")
        .arg(&dir)
        .args(&stop)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|err| format!("could not start the cluster's guardian: {err}"))?;
    let guardian_stdin = guardian.stdin.take().expect("piped stdin");

    write_certificates(&dir)?;
    if as_postgres {
        let mut chown = Command::new("chown");
        chown.arg("-R").arg("postgres:").arg(&dir);
        run(chown, "chown of the cluster directory")?;
    }
    let mut initdb = pg_command(as_postgres, &bin.join("initdb"));
    initdb.arg("-D").arg(&data).args([
        "-U",
        "postgres",
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--no-locale",
        "-N",
    ]);
    run(initdb, "initdb")?;

    // A port found free may be taken before the server binds it; try again.
    let mut last_error = String::new();
    for _ in 0..3 {
        let port = free_port()?;
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {port} -k {} -c max_connections=400 \
             -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
             -c ssl=on -c ssl_cert_file={dir}/server.crt -c ssl_key_file={dir}/server.key",
            dir.display(),
            dir = dir.display()
        );
        let mut pg_ctl = pg_command(as_postgres, &bin.join("pg_ctl"));
        pg_ctl
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(&log)
            .args(["-w", "-t", "60", "-o", &options, "start"])
            // The server inherits these: keep the test harness's pipes out.
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        match run(pg_ctl, "pg_ctl start") {
            Ok(()) => {
                return Ok(Cluster {
                    port,
                    dir,
                    _guardian: Mutex::new(guardian_stdin),
                });
            }
            Err(err) => {
                let server_log = std::fs::read_to_string(&log).unwrap_or_default();
                last_error = format!("{err}\nserver log:\n{server_log}");
            }
        }
    }
    Err(last_error)
}
