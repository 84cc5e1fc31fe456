//! Shell completions and man pages, generated from the clap tree. They are
//! committed under `completions/` and `man/`; a test fails when they are stale.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::CommandFactory;
use clap_complete::{Generator, Shell};

use crate::cli::Cli;

pub const UPDATE_COMMAND: &str = "cargo run -- generate-files";

/// Every generated file: its path relative to the project root, and bytes.
pub fn files() -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::PowerShell,
        Shell::Elvish,
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd.clone(), "iface", &mut buf);
        out.push((Path::new("completions").join(shell.file_name("iface")), buf));
    }
    out.push((PathBuf::from("man/iface.1"), man_page(cmd.clone())?));
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let name = format!("iface-{}", sub.get_name());
        let page = man_page(sub.clone().name(name.clone()).display_name(name.clone()))?;
        out.push((PathBuf::from(format!("man/{name}.1")), page));
    }
    Ok(out)
}

fn man_page(cmd: clap::Command) -> anyhow::Result<Vec<u8>> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut buf)
        .context("could not render a man page")?;
    Ok(buf)
}

/// Writes every generated file under `root`, returning the paths written.
pub fn write_all(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for (rel, bytes) in files()? {
        let path = root.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("could not create {}", parent.display()))?;
        }
        std::fs::write(&path, bytes)
            .with_context(|| format!("could not write {}", path.display()))?;
        written.push(rel);
    }
    Ok(written)
}
