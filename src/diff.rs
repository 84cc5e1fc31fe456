//! What changed between two interface trees: schema changes first, each
//! classified and marked breaking or not, then files added, removed and
//! changed, with a unified diff for text.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::archive::EntryKind;
use crate::check::schemas_of;
use crate::schema::{self, Change};
use crate::tree::InterfaceTree;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    Added,
    Removed,
    Changed,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileChange {
    pub path: String,
    pub status: FileStatus,
    /// A unified diff for text files; `None` for binary files and links.
    pub diff: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TreeDiff {
    pub from: String,
    pub to: String,
    pub schema: Vec<Change>,
    pub breaking: bool,
    pub files: Vec<FileChange>,
}

/// What an entry is, for comparison: file bytes, or a link's target.
fn content(tree: &InterfaceTree, path: &str) -> Option<Vec<u8>> {
    match &tree.entry(path)?.kind {
        EntryKind::File { .. } => std::fs::read(tree.root.join(path)).ok(),
        EntryKind::Symlink { target } => Some(format!("-> {target}\n").into_bytes()),
        EntryKind::Dir => None,
    }
}

pub fn diff_trees(a: &InterfaceTree, b: &InterfaceTree, from: &str, to: &str) -> TreeDiff {
    let schema = schema::diff(&schemas_of(a), &schemas_of(b));
    let breaking = schema.iter().any(|c| c.breaking);
    let paths: BTreeSet<&str> = a
        .entries
        .iter()
        .chain(&b.entries)
        .filter(|e| !matches!(e.kind, EntryKind::Dir))
        .map(|e| e.path.as_str())
        .collect();
    let mut files = Vec::new();
    for path in paths {
        let (old, new) = (content(a, path), content(b, path));
        let status = match (&old, &new) {
            (None, Some(_)) => FileStatus::Added,
            (Some(_), None) => FileStatus::Removed,
            (Some(x), Some(y)) if x != y => FileStatus::Changed,
            _ => continue,
        };
        let text = |bytes: &Option<Vec<u8>>| match bytes {
            None => Some(String::new()),
            Some(b) => String::from_utf8(b.clone()).ok(),
        };
        let diff = match (text(&old), text(&new)) {
            (Some(x), Some(y)) => Some(
                similar::TextDiff::from_lines(&x, &y)
                    .unified_diff()
                    .context_radius(3)
                    .header(&format!("{from}/{path}"), &format!("{to}/{path}"))
                    .to_string(),
            ),
            _ => None,
        };
        files.push(FileChange {
            path: path.to_string(),
            status,
            diff,
        });
    }
    TreeDiff {
        from: from.to_string(),
        to: to.to_string(),
        schema,
        breaking,
        files,
    }
}
