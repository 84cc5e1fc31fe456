//! `iface publish [DIR]`: check, pack, upload as the next revision.

use anyhow::Context as _;
use serde_json::json;

use crate::check::check_dir;
use crate::cli::PublishArgs;
use crate::error::{CodedError, ErrorCode, ExitStatus};

use super::Context;
use super::pack::{ensure_packable, pack_tree};

pub fn run(ctx: &Context, args: &PublishArgs) -> anyhow::Result<ExitStatus> {
    // Everything that needs no index first, so a broken interface is
    // reported the same way with or without a token.
    let (tree, report) = check_dir(&args.dir)?;
    let name = ensure_packable(ctx, &tree, &report)?;
    let packed = pack_tree(&tree, None)?;
    let owner = args
        .owner
        .as_deref()
        .map(crate::client::user_name)
        .transpose()?;
    let session = ctx.session()?;

    if args.dry_run {
        let index = session.indexes()[0].name();
        let target = owner.as_ref().map_or_else(
            || format!("interface:~<your user>/{name}"),
            |o| format!("interface:~{o}/{name}"),
        );
        if ctx.printer.is_json() {
            ctx.printer.json(&json!({
                "dry_run": true,
                "name": name,
                "owner": owner,
                "size": packed.bytes.len(),
                "sha256": packed.sha256,
                "index": index,
            }))?;
        } else {
            ctx.printer.data(&format!(
                "{name}\t{} bytes\tsha256:{}",
                packed.bytes.len(),
                packed.sha256
            ))?;
            ctx.printer.info(format!(
                "dry run: would publish {target} to {index}; nothing was uploaded"
            ));
        }
        return Ok(ExitStatus::Success);
    }

    let index = session.service("publishing")?;
    let (token, source) = session.token(&index, "publishing")?;
    let owner = match owner {
        Some(owner) => owner,
        None => {
            let me = super::whoami::ask(&session, &index, &token)
                .with_context(|| format!("could not check the token from {source}"))?;
            me.user.ok_or_else(|| {
                CodedError::new(
                    ErrorCode::Invalid,
                    "the admin token has no namespace of its own to publish into",
                )
                .hint(format!(
                    "name one: iface publish --owner OWNER {}",
                    args.dir.display()
                ))
            })?
        }
    };
    let spinner = session.spinner(format!("uploading {name} to {}", index.base));
    let result = session.block_on(index.publish(&owner, &name, &packed.bytes, &token));
    if let Some(spinner) = spinner {
        spinner.finish_and_clear();
    }
    let result = result.with_context(|| {
        format!(
            "could not publish interface:~{owner}/{name} to {}",
            index.base
        )
    })?;
    if ctx.printer.is_json() {
        ctx.printer.json(&json!({
            "uri": result.uri,
            "created": result.created,
            "revision": result.revision,
            "index": index.base,
        }))?;
    } else {
        ctx.printer.data(&result.uri)?;
        if result.created {
            ctx.printer.info(format!(
                "published {} to {} ({} bytes, sha256:{})",
                result.uri, index.base, result.revision.size, result.revision.digest
            ));
        } else {
            ctx.printer.info(format!(
                "unchanged: {} is identical to this archive, so no new revision was made",
                result.uri
            ));
        }
    }
    Ok(ExitStatus::Success)
}
