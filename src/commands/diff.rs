use std::path::Path;

use crate::cli::DiffArgs;
use crate::diff::{FileStatus, TreeDiff, diff_trees};
use crate::error::ExitStatus;
use crate::printer::{BOLD, GREEN, RED, YELLOW};
use crate::tree::InterfaceTree;

use super::Context;

pub fn run(ctx: &Context, args: &DiffArgs) -> anyhow::Result<ExitStatus> {
    let scratch = tempfile::tempdir()?;
    let a = open(ctx, &args.from, &scratch.path().join("a"))?;
    let b = open(ctx, &args.to, &scratch.path().join("b"))?;
    let diff = diff_trees(&a.0, &b.0, &a.1, &b.1);
    if ctx.printer.is_json() {
        ctx.printer.json(&diff)?;
    } else {
        print(ctx, &diff)?;
    }
    Ok(ExitStatus::Success)
}

/// A local interface directory, or a URI fetched through the cache into
/// `scratch`. Returns the tree and the label to show for it.
fn open(ctx: &Context, what: &str, scratch: &Path) -> anyhow::Result<(InterfaceTree, String)> {
    let path = Path::new(what);
    if path.is_dir() {
        return Ok((
            InterfaceTree::load(path)?,
            what.trim_end_matches('/').to_string(),
        ));
    }
    let uri = crate::uri::InterfaceUri::parse(what)?;
    let canonical = crate::client::fetch_into(ctx, &uri, scratch)?;
    Ok((InterfaceTree::load(scratch)?, canonical))
}

fn print(ctx: &Context, diff: &TreeDiff) -> std::io::Result<()> {
    let mut text = format!("{BOLD}{} -> {}{BOLD:#}\n\n", diff.from, diff.to);
    if diff.schema.is_empty() {
        text.push_str("Schema: no changes\n");
    } else {
        text.push_str(&format!(
            "Schema: {} change(s){}\n",
            diff.schema.len(),
            if diff.breaking {
                format!(", {RED}breaking{RED:#}")
            } else {
                String::new()
            }
        ));
        for change in &diff.schema {
            let mark = if change.breaking {
                format!("{RED}BREAKING{RED:#}")
            } else {
                format!("{GREEN}ok{GREEN:#}      ")
            };
            text.push_str(&format!(
                "  {mark} {:<16} {}: {}\n",
                change.kind.as_str(),
                change.path,
                change.message
            ));
        }
    }
    text.push('\n');
    if diff.files.is_empty() {
        text.push_str("Files: no changes\n");
    } else {
        text.push_str(&format!("Files: {} changed\n", diff.files.len()));
        for file in &diff.files {
            let (mark, style) = match file.status {
                FileStatus::Added => ("added", GREEN),
                FileStatus::Removed => ("removed", RED),
                FileStatus::Changed => ("changed", YELLOW),
            };
            text.push_str(&format!("  {style}{mark:<8}{style:#} {}\n", file.path));
        }
        for file in &diff.files {
            match &file.diff {
                Some(d) if !d.is_empty() => {
                    text.push('\n');
                    text.push_str(d);
                }
                Some(_) => {}
                None => text.push_str(&format!("\nBinary file {} differs\n", file.path)),
            }
        }
    }
    ctx.printer.data(&text)
}
