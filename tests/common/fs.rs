//! File-tree helpers shared by the tests. Include with
//! `#[path = "common/fs.rs"] mod fs_util;`.

#![allow(dead_code)]

use std::path::Path;

/// Copies a directory tree, symlinks as symlinks (the legacy samples have one).
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    let mut children: Vec<_> = std::fs::read_dir(from)
        .unwrap()
        .map(|e| e.unwrap())
        .collect();
    children.sort_by_key(|c| c.file_name());
    for child in children {
        let dest = to.join(child.file_name());
        let ty = child.file_type().unwrap();
        if ty.is_symlink() {
            std::os::unix::fs::symlink(std::fs::read_link(child.path()).unwrap(), &dest).unwrap();
        } else if ty.is_dir() {
            copy_tree(&child.path(), &dest);
        } else {
            std::fs::copy(child.path(), &dest).unwrap();
        }
    }
}
