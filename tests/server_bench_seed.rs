//! Seeds an index for `benches/server.sh` straight through the store (the
//! same `Store::publish` the server calls), which is far faster than
//! 100,000 HTTP uploads and exercises the same code that lays out the data
//! directory. Ignored by default; the benchmark script runs it with:
//!
//! ```text
//! IFACE_BENCH_DATA=DIR IFACE_BENCH_INTERFACES=10000 IFACE_BENCH_REVISIONS=3 \
//!   cargo test --release --test server_bench_seed -- --ignored
//! ```
//!
//! It writes `DIR/uris.txt` (one resolvable URI per line) and
//! `DIR/words.txt` (search words) for the load generator.

use std::io::Write;

use iface::store::{NewRevision, SqliteStore, Store};

/// Words that names, summaries and descriptions are made of, so that
/// searches hit a realistic spread of documents.
const WORDS: &[&str] = &[
    "mysql",
    "postgres",
    "redis",
    "kafka",
    "http",
    "grafana",
    "prometheus",
    "vault",
    "ceph",
    "nginx",
    "haproxy",
    "keystone",
    "nova",
    "neutron",
    "etcd",
    "kubernetes",
    "tls",
    "certificates",
    "ingress",
    "loki",
    "tempo",
    "mongodb",
    "cassandra",
    "zookeeper",
    "rabbitmq",
    "memcache",
    "elasticsearch",
    "opensearch",
    "jenkins",
    "gitlab",
    "ldap",
    "oauth",
    "saml",
    "dashboard",
    "metrics",
    "logging",
    "tracing",
    "alerting",
    "backup",
    "storage",
    "object",
    "block",
    "network",
    "database",
    "cache",
    "queue",
    "stream",
    "auth",
    "identity",
    "secrets",
];

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .map(|v| {
            v.parse()
                .unwrap_or_else(|_| panic!("{name} must be a number"))
        })
        .unwrap_or(default)
}

/// Letters-only encoding of `i`, so every generated name segment holds a
/// letter (DESIGN section 2) and names are unique.
fn letters(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (i % 26) as u8);
        i /= 26;
        if i == 0 {
            break;
        }
    }
    String::from_utf8(out).unwrap()
}

/// A small, valid interface archive, built in memory.
fn archive(name: &str, summary: &str, revision: u32) -> (Vec<u8>, String) {
    let manifest = format!(
        "name: {name}\nsummary: {summary}\nmaintainer: Bench <bench@example.com>\n\
         category: bench\nversion: 1\n"
    );
    let files: [(&str, Vec<u8>); 4] = [
        (
            "README.md",
            format!("# {name}\n\nRevision {revision}.\n").into_bytes(),
        ),
        ("interface.yaml", manifest.clone().into_bytes()),
        ("provides/__init__.py", b"# provides\n".repeat(40)),
        ("requires/__init__.py", b"# requires\n".repeat(40)),
    ];
    let mut tar = tar::Builder::new(Vec::new());
    for (path, data) in files {
        let mut header = tar::Header::new_ustar();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_mtime(0);
        header.set_entry_type(tar::EntryType::Regular);
        tar.append_data(&mut header, path, data.as_slice()).unwrap();
    }
    let tar = tar.into_inner().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&tar).unwrap();
    (gz.finish().unwrap(), manifest)
}

#[test]
#[ignore = "seeds a benchmark index; run by benches/server.sh"]
fn seed_benchmark_index() {
    let dir = std::path::PathBuf::from(
        std::env::var("IFACE_BENCH_DATA").expect("set IFACE_BENCH_DATA to the data directory"),
    );
    let interfaces = env_number("IFACE_BENCH_INTERFACES", 10_000);
    let revisions = env_number("IFACE_BENCH_REVISIONS", 3) as u32;
    let store = SqliteStore::open(&dir).unwrap();
    let owners: Vec<String> = (0..100).map(|i| format!("owner{}", letters(i))).collect();
    for owner in &owners {
        store.create_user(owner).unwrap();
    }
    let mut uris = std::io::BufWriter::new(std::fs::File::create(dir.join("uris.txt")).unwrap());
    let roles = vec!["provides".to_owned(), "requires".to_owned()];
    let maintainers = vec!["Bench <bench@example.com>".to_owned()];
    let started = std::time::Instant::now();
    for i in 0..interfaces {
        let owner = &owners[i % owners.len()];
        let name = format!("{}-{}", WORDS[i % WORDS.len()], letters(i));
        let summary = format!(
            "{} relation for {} and {}",
            WORDS[(i / 3) % WORDS.len()],
            WORDS[(i / 7) % WORDS.len()],
            WORDS[(i / 11) % WORDS.len()]
        );
        let description = format!(
            "Exchanges {} settings between {} units; see {} for details.",
            WORDS[(i / 13) % WORDS.len()],
            WORDS[(i / 17) % WORDS.len()],
            WORDS[(i / 19) % WORDS.len()]
        );
        for revision in 1..=revisions {
            let (bytes, manifest) = archive(&name, &summary, revision);
            let digest = iface::archive::sha256_hex(&bytes);
            store
                .publish(&NewRevision {
                    owner,
                    name: &name,
                    archive: &bytes,
                    digest: &digest,
                    summary: Some(&summary),
                    description: Some(&description),
                    category: Some("bench"),
                    version: Some(1),
                    maintainers: &maintainers,
                    roles: &roles,
                    manifest: &manifest,
                    readme: None,
                    schemas: &[],
                    publisher: owner,
                })
                .unwrap();
        }
        writeln!(uris, "interface:~{owner}/{name}").unwrap();
    }
    uris.flush().unwrap();
    std::fs::write(dir.join("words.txt"), WORDS.join("\n") + "\n").unwrap();
    eprintln!(
        "seeded {interfaces} interfaces x {revisions} revisions in {:.1}s",
        started.elapsed().as_secs_f64()
    );
}
