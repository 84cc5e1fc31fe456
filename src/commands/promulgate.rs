//! `iface promulgate interface:~OWNER/NAME`: the bare name `interface:NAME`
//! then stands for that owner's interface (admin only).

use anyhow::Context as _;
use reqwest::Method;
use serde_json::json;

use crate::cli::PromulgateArgs;
use crate::error::{CodedError, ErrorCode, ExitStatus};
use crate::uri::InterfaceUri;
use crate::wire;

use super::Context;

pub fn run(ctx: &Context, args: &PromulgateArgs) -> anyhow::Result<ExitStatus> {
    let uri = InterfaceUri::parse(&args.uri)?;
    let Some(owner) = &uri.owner else {
        return Err(CodedError::new(
            ErrorCode::Invalid,
            format!("{uri} names no owner; promulgation binds the name to one owner's interface"),
        )
        .hint(format!(
            "e.g. iface promulgate interface:~OWNER/{}",
            uri.name
        ))
        .into());
    };
    if uri.revision.is_some() {
        return Err(CodedError::new(
            ErrorCode::Invalid,
            format!("{uri} names a revision; a promulgated name always stands for the latest one"),
        )
        .hint(format!("iface promulgate {}", uri.without_revision()))
        .into());
    }
    let session = ctx.session()?;
    let index = session.service("promulgating")?;
    let (token, _) = session.token(&index, "promulgating")?;
    let path = format!("/v1/promulgations/{}", uri.name);
    let body = wire::Promulgate {
        owner: owner.clone(),
    };
    let done: wire::Promulgation = session
        .block_on(index.call(Method::PUT, &path, Some(&body), Some(&token)))
        .with_context(|| format!("could not promulgate {uri}"))?;
    print(ctx, &done, &index.base, true)?;
    Ok(ExitStatus::Success)
}

/// What a promulgation (or its removal) did.
pub fn print(
    ctx: &Context,
    done: &wire::Promulgation,
    index: &str,
    promulgated: bool,
) -> anyhow::Result<()> {
    if ctx.printer.is_json() {
        ctx.printer.json(&json!({
            "name": done.name,
            "owner": done.owner,
            "uri": done.uri,
            "previous_owner": done.previous_owner,
            "promulgated": promulgated,
            "index": index,
        }))?;
    } else if promulgated {
        let was = done
            .previous_owner
            .as_ref()
            .map(|p| format!(" (it stood for interface:~{p}/{} before)", done.name))
            .unwrap_or_default();
        ctx.printer.info(format!(
            "interface:{} now stands for {} on {index}{was}",
            done.name, done.uri
        ));
    } else {
        ctx.printer.info(format!(
            "interface:{} no longer stands for {} on {index}",
            done.name, done.uri
        ));
    }
    Ok(())
}
