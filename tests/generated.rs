//! The committed completions and man pages must match the clap tree.

use std::path::Path;

#[test]
fn completions_and_man_pages_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stale = Vec::new();
    for (rel, expected) in iface::generate::files().expect("generate files") {
        let path = root.join(&rel);
        let actual = std::fs::read(&path).unwrap_or_default();
        if actual != expected {
            let diff = first_difference(
                &String::from_utf8_lossy(&actual),
                &String::from_utf8_lossy(&expected),
            );
            stale.push(format!("{}: {diff}", rel.display()));
        }
    }
    // A committed file that is no longer generated is stale too.
    let generated: Vec<_> = iface::generate::files()
        .unwrap()
        .into_iter()
        .map(|(rel, _)| rel)
        .collect();
    for dir in ["completions", "man"] {
        for entry in std::fs::read_dir(root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            let rel = Path::new(dir).join(entry.file_name());
            if !generated.contains(&rel) {
                stale.push(format!("{}: no longer generated; delete it", rel.display()));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "generated files are stale; run `{}` to update them:\n{}",
        iface::generate::UPDATE_COMMAND,
        stale.join("\n")
    );
}

/// The first differing line, as a two-line diff, or which file is missing.
fn first_difference(actual: &str, expected: &str) -> String {
    if actual.is_empty() {
        return "missing".to_string();
    }
    let mut a = actual.lines();
    let mut e = expected.lines();
    let mut line = 1;
    loop {
        match (a.next(), e.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            (x, y) => {
                return format!(
                    "line {line}\n- {}\n+ {}",
                    x.unwrap_or("<end of file>"),
                    y.unwrap_or("<end of file>")
                );
            }
        }
    }
}
