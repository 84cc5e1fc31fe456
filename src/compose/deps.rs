//! Python dependencies that interfaces declare, merged into the charm's
//! wheelhouse.txt or requirements.txt inside a block compose owns.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::error::{ErrorCode, coded};

pub const BEGIN: &str =
    "# BEGIN iface: dependencies of relation interfaces (written by iface compose)";
pub const END: &str = "# END iface";

/// One requirement line, as much of PEP 508 as interface deps use:
/// `name[extras] op version, op version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub line: String,
    /// Normalised: lower case, runs of `-_.` as `-`.
    pub name: String,
    pub specs: Vec<(String, Vec<u64>)>,
}

pub fn parse(line: &str) -> Result<Requirement, String> {
    let line = line.trim();
    let end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(line.len());
    let raw_name = &line[..end];
    if raw_name.is_empty() {
        return Err(format!("{line:?} does not start with a package name"));
    }
    let mut rest = line[end..].trim_start();
    if rest.starts_with('[') {
        let close = rest
            .find(']')
            .ok_or_else(|| format!("{line:?} has an unclosed [extras]"))?;
        rest = rest[close + 1..].trim_start();
    }
    // Environment markers (`; python_version < "3.8"`) do not take part
    // in conflict detection.
    let rest = rest.split(';').next().unwrap_or("").trim();
    let mut specs = Vec::new();
    for part in rest.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let op_len = part
            .find(|c: char| c.is_ascii_digit() || c.is_whitespace())
            .unwrap_or(part.len());
        let op = part[..op_len].trim();
        if !matches!(op, "==" | "!=" | ">=" | "<=" | ">" | "<" | "~=" | "===") {
            return Err(format!("{line:?}: unknown version operator {op:?}"));
        }
        let version = part[op_len..].trim().trim_end_matches(".*");
        let release =
            release(version).ok_or_else(|| format!("{line:?}: bad version {version:?}"))?;
        specs.push((op.to_string(), release));
    }
    Ok(Requirement {
        line: line.to_string(),
        name: normalise(raw_name),
        specs,
    })
}

fn normalise(name: &str) -> String {
    let mut out = String::new();
    let mut sep = false;
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            sep = true;
        } else {
            if sep && !out.is_empty() {
                out.push('-');
            }
            sep = false;
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// The numeric release segments of a version (`2.1.0rc1` → [2, 1, 0]).
fn release(version: &str) -> Option<Vec<u64>> {
    let numeric: String = version
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let parts: Option<Vec<u64>> = numeric
        .split('.')
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect();
    parts.filter(|p| !p.is_empty())
}

fn cmp(a: &[u64], b: &[u64]) -> Ordering {
    let len = a.len().max(b.len());
    for i in 0..len {
        let (x, y) = (
            a.get(i).copied().unwrap_or(0),
            b.get(i).copied().unwrap_or(0),
        );
        match x.cmp(&y) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    Ordering::Equal
}

fn satisfies(v: &[u64], op: &str, bound: &[u64]) -> bool {
    let o = cmp(v, bound);
    match op {
        "==" | "===" => o == Ordering::Equal,
        "!=" => o != Ordering::Equal,
        ">=" => o != Ordering::Less,
        "<=" => o != Ordering::Greater,
        ">" => o == Ordering::Greater,
        "<" => o == Ordering::Less,
        // ~=2.1 means >=2.1, ==2.*
        "~=" => {
            o != Ordering::Less && {
                let prefix = &bound[..bound.len().saturating_sub(1).max(1)];
                v.len() >= prefix.len() && cmp(&v[..prefix.len()], prefix) == Ordering::Equal
            }
        }
        _ => false,
    }
}

/// Whether some version satisfies both requirements. The candidates are the
/// versions either one mentions and their near neighbours, which is where
/// any overlap of interval constraints must show.
pub fn compatible(a: &Requirement, b: &Requirement) -> bool {
    let mut candidates: Vec<Vec<u64>> = vec![vec![0]];
    for (_, v) in a.specs.iter().chain(&b.specs) {
        candidates.push(v.clone());
        let mut finer = v.clone();
        finer.push(1);
        candidates.push(finer);
        let mut next = v.clone();
        *next.last_mut().expect("non-empty") += 1;
        candidates.push(next);
        if let Some(prev) = v.last().and_then(|l| l.checked_sub(1)) {
            let mut below = v.clone();
            *below.last_mut().expect("non-empty") = prev;
            below.push(999_999);
            candidates.push(below);
        }
    }
    candidates.iter().any(|c| {
        a.specs
            .iter()
            .chain(&b.specs)
            .all(|(op, bound)| satisfies(c, op, bound))
    })
}

/// Merges the requirements of every interface (by interface name) into the
/// block's lines, refusing two that cannot both hold.
pub fn merge(by_interface: &BTreeMap<String, Vec<String>>) -> anyhow::Result<Vec<String>> {
    let mut seen: Vec<(String, Requirement)> = Vec::new();
    let mut lines = Vec::new();
    for (interface, reqs) in by_interface {
        for raw in reqs {
            let req = parse(raw).map_err(|e| {
                coded(
                    ErrorCode::Invalid,
                    format!("interface {interface} declares a dependency iface cannot read: {e}"),
                )
            })?;
            for (other_iface, other) in &seen {
                if other.name == req.name && !compatible(other, &req) {
                    return Err(crate::error::CodedError::new(
                        ErrorCode::Conflict,
                        format!(
                            "interfaces {other_iface} and {interface} need incompatible versions of {}: {:?} and {:?}",
                            req.name, other.line, req.line
                        ),
                    )
                    .hint("pin one of the interfaces to a revision whose deps agree (layer.yaml includes), or ask their maintainers")
                    .into());
                }
            }
            let line = format!("{}  # {interface}", req.line);
            if !lines.contains(&line) {
                lines.push(line);
            }
            seen.push((interface.clone(), req));
        }
    }
    Ok(lines)
}

/// The file's text with the block replaced by `lines` (removed when there
/// are none). Lines outside the block are kept as they are.
pub fn rewrite(original: &str, lines: &[String]) -> String {
    let mut out = Vec::new();
    let mut inside = false;
    for line in original.lines() {
        if line.trim() == BEGIN {
            inside = true;
            continue;
        }
        if inside {
            if line.trim() == END {
                inside = false;
            }
            continue;
        }
        out.push(line.to_string());
    }
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    if !lines.is_empty() {
        if !out.is_empty() {
            out.push(String::new());
        }
        out.push(BEGIN.to_string());
        out.extend(lines.iter().cloned());
        out.push(END.to_string());
    }
    let mut text = out.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

/// The block's current lines in a file, for telling hand edits apart.
pub fn current_block(text: &str) -> Option<String> {
    let start = text.lines().position(|l| l.trim() == BEGIN)?;
    let block: Vec<&str> = text
        .lines()
        .skip(start)
        .take_while(|l| l.trim() != END)
        .collect();
    Some(block.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(a: &str, b: &str) -> bool {
        compatible(&parse(a).unwrap(), &parse(b).unwrap())
    }

    #[test]
    fn parses_common_requirements() {
        let r = parse("Mysql_Connector.Python[c-ext] >=8.0, <9 ; python_version>'3'").unwrap();
        assert_eq!(r.name, "mysql-connector-python");
        assert_eq!(
            r.specs,
            vec![(">=".into(), vec![8, 0]), ("<".into(), vec![9])]
        );
        assert!(parse(">=1").is_err());
        assert!(parse("foo =>1").is_err());
    }

    #[test]
    fn compatibility() {
        assert!(ok("a>=2.0", "a<3.0"));
        assert!(ok("a>1", "a<2"));
        assert!(ok("a", "a==1.2"));
        assert!(ok("a~=2.1", "a>=2.3"));
        assert!(!ok("a==1.0", "a==2.0"));
        assert!(!ok("a>=3", "a<2"));
        assert!(!ok("a~=2.1", "a>=3"));
        assert!(!ok("a==1.5", "a!=1.5"));
        assert!(ok("a==1.5", "a>=1.0,<2"));
    }

    #[test]
    fn merge_reports_both_interfaces() {
        let mut deps = BTreeMap::new();
        deps.insert("mysql".to_string(), vec!["pymysql>=1.1".to_string()]);
        deps.insert("pgsql".to_string(), vec!["PyMySQL<1.0".to_string()]);
        let err = merge(&deps).unwrap_err().to_string();
        assert!(
            err.contains("mysql") && err.contains("pgsql") && err.contains("pymysql"),
            "{err}"
        );
    }

    #[test]
    fn rewrite_keeps_the_authors_lines() {
        let text = "requests>=2\n";
        let with = rewrite(text, &["a>=1  # x".to_string()]);
        assert_eq!(with, format!("requests>=2\n\n{BEGIN}\na>=1  # x\n{END}\n"));
        assert_eq!(rewrite(&with, &["a>=1  # x".to_string()]), with);
        assert_eq!(rewrite(&with, &[]), text);
    }
}
