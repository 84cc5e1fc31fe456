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
        // The compatibility check needs the owner; without --owner, the
        // token's user when there is a token, else it cannot be known.
        let known_owner = owner.clone().or_else(|| {
            let http = session.service("publishing").ok()?;
            let (token, _) = session.token(&http, "publishing").ok()?;
            super::whoami::ask(&session, &http, &token).ok()?.user
        });
        match &known_owner {
            Some(o) => compatible_with_index(ctx, &tree, o, &name)?,
            None => ctx.printer.warn(
                "without --owner or a token, the schemas were not compared with the \
                 index's earlier revisions",
            ),
        }
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
    compatible_with_index(ctx, &tree, &owner, &name)?;
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

/// Runs the index's compatibility gate locally, against the revisions the
/// index already has, so a breaking change is explained before any upload.
fn compatible_with_index(
    ctx: &Context,
    tree: &crate::tree::InterfaceTree,
    owner: &str,
    name: &str,
) -> anyhow::Result<()> {
    use crate::schema::{self, HistoryEntry};
    let source = crate::client::interface_source(ctx)?;
    let revisions = match source.revisions(owner, name) {
        Ok(revisions) => revisions,
        // A first publish has no history to break.
        Err(err) if crate::error::code_of(&err) == ErrorCode::NotFound => return Ok(()),
        Err(err) => {
            return Err(err.context(format!(
                "could not compare interface:~{owner}/{name} with its published revisions"
            )));
        }
    };
    let archives = source.archives(&revisions)?;
    let mut history = Vec::new();
    for (revision, bytes) in revisions.iter().zip(&archives) {
        let files = schema::files_in_archive(bytes)
            .with_context(|| format!("could not read {}", revision.uri))?;
        history.push(HistoryEntry {
            revision: revision.uri.revision.unwrap_or(0),
            version: revision.version,
            schemas: schema::parse_files(&files),
        });
    }
    let version = tree.manifest().and_then(|m| m.version).unwrap_or(1);
    let breaches = schema::gate(&history, version, &crate::check::schemas_of(tree));
    if breaches.is_empty() {
        return Ok(());
    }
    Err(CodedError::new(
        ErrorCode::IncompatibleChange,
        format!(
            "interface:~{owner}/{name} version {version} would break charms using its \
             earlier revisions:\n  {}",
            schema::describe(&breaches).join("\n  ")
        ),
    )
    .hint(
        "keep every published field as it is (deprecate it in its description) and add \
         new optional fields; a breaking change needs a higher `version` in interface.yaml, \
         and a removed field name is never used again",
    )
    .into())
}
