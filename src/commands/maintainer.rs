//! `iface maintainer add|remove|list`: who may publish an interface besides
//! its owner. Granting and revoking need the owner's token or the admin's;
//! listing is public.

use anyhow::Context as _;
use reqwest::Method;
use serde_json::json;

use crate::cli::MaintainerCommand;
use crate::client::Session;
use crate::client::http::HttpIndex;
use crate::error::{CodedError, ErrorCode, ExitStatus};
use crate::uri::InterfaceUri;
use crate::wire;

use super::Context;

pub fn run(ctx: &Context, command: &MaintainerCommand) -> anyhow::Result<ExitStatus> {
    let (uri_text, user, method) = match command {
        MaintainerCommand::Add { uri, user } => (uri, Some(user), Method::PUT),
        MaintainerCommand::Remove { uri, user } => (uri, Some(user), Method::DELETE),
        MaintainerCommand::List { uri } => (uri, None, Method::GET),
    };
    let uri = InterfaceUri::parse(uri_text)?;
    if uri.revision.is_some() {
        return Err(CodedError::new(
            ErrorCode::Invalid,
            format!("{uri} names a revision; maintainers are per interface"),
        )
        .hint(format!("use {}", uri.without_revision()))
        .into());
    }
    let user = user.map(|u| crate::client::user_name(u)).transpose()?;
    let session = ctx.session()?;
    let index = session.service("managing maintainers")?;
    let (owner, name) = owner_of(&session, &index, &uri)?;
    let target = format!("interface:~{owner}/{name}");
    let base = format!("/v1/interfaces/~{owner}/{name}/maintainers");
    let doc: wire::Maintainers = match &user {
        None => session
            .block_on(index.get(&base, &[], None))
            .with_context(|| format!("could not list the maintainers of {target}"))?,
        Some(user) => {
            let (token, _) = session.token(&index, "managing maintainers")?;
            let what = if method == Method::PUT {
                "grant"
            } else {
                "revoke"
            };
            session
                .block_on(index.call::<(), _>(
                    method.clone(),
                    &format!("{base}/{user}"),
                    None,
                    Some(&token),
                ))
                .with_context(|| format!("could not {what} ~{user} on {target}"))?
        }
    };
    if ctx.printer.is_json() {
        ctx.printer.json(&json!({
            "interface": doc.interface,
            "owner": doc.owner,
            "maintainers": doc.maintainers,
            "index": index.base,
        }))?;
        return Ok(ExitStatus::Success);
    }
    match (&user, &method) {
        (Some(user), &Method::PUT) => ctx.printer.info(format!(
            "~{user} may now publish {target} on {}",
            index.base
        )),
        (Some(user), _) => ctx.printer.info(format!(
            "~{user} may no longer publish {target} on {}",
            index.base
        )),
        (None, _) => {
            let lines: Vec<String> = doc.maintainers.iter().map(|m| format!("~{m}")).collect();
            if !lines.is_empty() {
                ctx.printer.data(&lines.join("\n"))?;
            }
            ctx.printer.info(format!(
                "{target}: owner ~{}, {} maintainer(s) on {}",
                doc.owner,
                doc.maintainers.len(),
                index.base
            ));
        }
    }
    Ok(ExitStatus::Success)
}

/// The owner of `uri`: its own, or the promulgated one for a bare name.
fn owner_of(
    session: &Session,
    index: &HttpIndex,
    uri: &InterfaceUri,
) -> anyhow::Result<(String, String)> {
    if let Some(owner) = &uri.owner {
        return Ok((owner.clone(), uri.name.clone()));
    }
    let doc: wire::Interface = session
        .block_on(index.get(&format!("/v1/interfaces/{}", uri.name), &[], None))
        .with_context(|| format!("could not find the interface {uri} stands for"))?;
    Ok((doc.owner, doc.name))
}
