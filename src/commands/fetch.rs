//! `iface fetch URI...`: resolve every URI at once, fill the cache, unpack
//! each interface into `DIR/<name>/`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Context as _;
use serde::Serialize;

use crate::archive;
use crate::cli::FetchArgs;
use crate::client::Resolved;
use crate::error::{CodedError, ErrorCode, ExitStatus};
use crate::uri::InterfaceUri;

use super::Context;

type Unpack = fn(&[u8], &std::path::Path) -> Result<Vec<archive::Entry>, archive::ArchiveError>;

/// One fetched interface, as `--format json` prints it.
#[derive(Debug, Serialize)]
struct FetchedItem {
    /// `interface:~owner/name-N`.
    uri: String,
    /// What was asked for.
    query: String,
    /// Where it was unpacked (or, with --cache-only, its cache entry).
    path: PathBuf,
    digest: String,
    size: u64,
    /// The index that resolved it.
    index: String,
    /// True when the archive came from the cache.
    cached: bool,
}

pub fn run(ctx: &Context, args: &FetchArgs) -> anyhow::Result<ExitStatus> {
    let mut uris: Vec<InterfaceUri> = Vec::new();
    for text in &args.uris {
        let uri = InterfaceUri::parse(text)?;
        if !uris.contains(&uri) {
            uris.push(uri);
        }
    }
    let session = ctx.session()?;
    let resolved = session.resolve_all(&uris)?;
    let targets = if args.cache_only {
        Vec::new()
    } else {
        plan_targets(args, &resolved)?
    };

    let fetched = session.archives(&resolved)?;

    let unpack: Unpack = if args.force {
        archive::unpack_replacing
    } else {
        archive::unpack
    };
    let mut items = Vec::new();
    let mut unpacked: Vec<&PathBuf> = Vec::new();
    for (i, (item, archive_bytes)) in resolved.iter().zip(&fetched).enumerate() {
        let path = if args.cache_only {
            archive_bytes.path.clone()
        } else {
            let target = &targets[i];
            // `mysql` and `~bob/mysql` may name one revision: unpack it once.
            if !unpacked.contains(&target) {
                unpack(&archive_bytes.bytes, target).with_context(|| {
                    format!("could not unpack {} into {}", item.uri(), target.display())
                })?;
                unpacked.push(target);
            }
            target.clone()
        };
        items.push(FetchedItem {
            uri: item.uri().to_string(),
            query: item.query.to_string(),
            path,
            digest: item.revision.digest.clone(),
            size: item.revision.size,
            index: item.index_name.clone(),
            cached: !archive_bytes.downloaded,
        });
    }

    if ctx.printer.is_json() {
        ctx.printer.json(&items)?;
    } else {
        let mut text = String::new();
        for item in &items {
            text.push_str(&format!(
                "{}\t{}\t{}\n",
                item.uri,
                item.path.display(),
                item.index
            ));
        }
        ctx.printer.data(&text)?;
        let downloaded = items.iter().filter(|i| !i.cached).count();
        let mut by_index: BTreeMap<&str, usize> = BTreeMap::new();
        for item in &items {
            *by_index.entry(item.index.as_str()).or_default() += 1;
        }
        let sources: Vec<String> = by_index
            .iter()
            .map(|(index, n)| format!("{n} from {index}"))
            .collect();
        ctx.printer.info(format!(
            "fetched {} interface(s) ({}; {downloaded} downloaded, {} from the cache{})",
            items.len(),
            sources.join(", "),
            items.len() - downloaded,
            if session.offline { ", offline" } else { "" },
        ));
    }
    Ok(ExitStatus::Success)
}

/// Where each interface goes, refusing before anything is downloaded or
/// written: two interfaces with one name, and (without --force) a target
/// that exists.
fn plan_targets(args: &FetchArgs, resolved: &[Resolved]) -> anyhow::Result<Vec<PathBuf>> {
    let dir = &args.output_dir;
    if dir.exists() && !dir.is_dir() {
        return Err(CodedError::new(
            ErrorCode::Invalid,
            format!("{} is not a directory", dir.display()),
        )
        .into());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("could not create {}", dir.display()))?;
    let mut seen: BTreeMap<&str, InterfaceUri> = BTreeMap::new();
    let mut existing = Vec::new();
    let mut targets = Vec::new();
    for item in resolved {
        let name = item.revision.name.as_str();
        if let Some(other) = seen.get(name)
            && *other != item.uri()
        {
            return Err(CodedError::new(
                ErrorCode::Invalid,
                format!(
                    "{other} and {} would both be unpacked into {}",
                    item.uri(),
                    dir.join(name).display()
                ),
            )
            .hint("fetch them into different directories with -o DIR")
            .into());
        }
        seen.insert(name, item.uri());
        let target = dir.join(name);
        if !args.force && std::fs::symlink_metadata(&target).is_ok() {
            existing.push(target.display().to_string());
        }
        targets.push(target);
    }
    if !existing.is_empty() {
        return Err(CodedError::new(
            ErrorCode::Conflict,
            format!(
                "{} already exist{}; nothing was fetched",
                existing.join(", "),
                if existing.len() == 1 { "s" } else { "" }
            ),
        )
        .hint("--force replaces them with the fetched interfaces")
        .into());
    }
    Ok(targets)
}
