use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde_json::json;

use crate::archive::{self, Packed};
use crate::check::{Report, check_dir};
use crate::cli::PackArgs;
use crate::error::{CodedError, ErrorCode, ExitStatus};
use crate::tree::InterfaceTree;

use super::Context;

pub fn run(ctx: &Context, args: &PackArgs) -> anyhow::Result<ExitStatus> {
    let (tree, report) = check_dir(&args.dir)?;
    let name = ensure_packable(ctx, &tree, &report)?;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{name}.tar.gz")));
    let packed = pack_tree(&tree, Some(&output))?;
    crate::fsutil::write_atomically(&output, &packed.bytes)?;
    if ctx.printer.is_json() {
        ctx.printer.json(&json!({
            "name": name,
            "file": output,
            "size": packed.bytes.len(),
            "sha256": packed.sha256,
        }))?;
    } else {
        ctx.printer.data(&format!(
            "{}\t{} bytes\tsha256:{}",
            output.display(),
            packed.bytes.len(),
            packed.sha256
        ))?;
    }
    Ok(ExitStatus::Success)
}

/// Refuses a tree with check errors (listing them), prints its warnings,
/// and returns the interface name.
pub fn ensure_packable(
    ctx: &Context,
    tree: &InterfaceTree,
    report: &Report,
) -> anyhow::Result<String> {
    if report.has_errors(false) {
        let list: Vec<String> = report
            .errors()
            .map(|f| {
                format!(
                    "  [{}] {}: {}",
                    f.id,
                    if f.path.is_empty() { "." } else { &f.path },
                    f.message
                )
            })
            .collect();
        return Err(CodedError::new(
            ErrorCode::Invalid,
            format!(
                "{} has {} error(s):\n{}",
                tree.root.display(),
                list.len(),
                list.join("\n")
            ),
        )
        .hint(format!(
            "run `iface check {}` for every finding",
            tree.root.display()
        ))
        .into());
    }
    for warning in report
        .findings
        .iter()
        .filter(|f| f.severity == crate::check::Severity::Warning)
    {
        ctx.printer
            .warn(format!("[{}] {}", warning.id, warning.message));
    }
    Ok(tree
        .manifest()
        .map(|m| m.name.clone())
        .expect("a tree without check errors has a manifest"))
}

/// Packs a checked tree. The output file is left out when it lies inside
/// the tree, so `iface pack` run inside the interface stays reproducible.
pub fn pack_tree(tree: &InterfaceTree, output: Option<&Path>) -> anyhow::Result<Packed> {
    let skip = output.and_then(|o| {
        let root = std::fs::canonicalize(&tree.root).ok()?;
        let abs = std::path::absolute(o).ok()?;
        let dir = std::fs::canonicalize(abs.parent()?).ok()?;
        let rel = dir
            .join(abs.file_name()?)
            .strip_prefix(&root)
            .ok()?
            .to_path_buf();
        rel.to_str().map(str::to_string)
    });
    let entries: Vec<_> = tree
        .entries
        .iter()
        .filter(|e| Some(&e.path) != skip.as_ref())
        .cloned()
        .collect();
    archive::pack(&tree.root, &entries)
        .with_context(|| format!("could not pack {}", tree.root.display()))
}
