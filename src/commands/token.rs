//! `iface token create|list|revoke`: tokens of the index's users. A user
//! manages their own; the admin token manages anyone's, and creating a token
//! for a user who does not exist yet creates the user first.

use anyhow::Context as _;
use reqwest::Method;
use serde_json::json;

use crate::cli::TokenCommand;
use crate::client::Session;
use crate::client::http::HttpIndex;
use crate::error::{CodedError, ErrorCode, ExitStatus, code_of};
use crate::wire;

use super::Context;
use super::list::table;

pub fn run(ctx: &Context, command: &TokenCommand) -> anyhow::Result<ExitStatus> {
    let session = ctx.session()?;
    let index = session.service("managing tokens")?;
    let (token, _) = session.token(&index, "managing tokens")?;
    match command {
        TokenCommand::Create { user, label } => create(
            ctx,
            &session,
            &index,
            &token,
            user.as_deref(),
            label.clone(),
        ),
        TokenCommand::List { user } => {
            let user = target_user(&session, &index, &token, user.as_deref())?;
            let path = format!("/v1/users/{user}/tokens");
            let tokens: wire::Tokens = session
                .block_on(index.get(&path, &[], Some(&token)))
                .with_context(|| format!("could not list the tokens of ~{user}"))?;
            if ctx.printer.is_json() {
                ctx.printer.json(&json!({
                    "user": user,
                    "index": index.base,
                    "tokens": tokens.tokens,
                }))?;
            } else if tokens.tokens.is_empty() {
                ctx.printer
                    .info(format!("~{user} has no live tokens on {}", index.base));
            } else {
                let rows: Vec<Vec<String>> = tokens
                    .tokens
                    .iter()
                    .map(|t| {
                        vec![
                            t.id.to_string(),
                            crate::client::clean(&t.label),
                            t.created_at.clone(),
                            t.last_used_at.clone().unwrap_or_else(|| "never".to_owned()),
                        ]
                    })
                    .collect();
                ctx.printer
                    .data(&table(&["ID", "LABEL", "CREATED", "LAST USED"], &rows, 1))?;
            }
            Ok(ExitStatus::Success)
        }
        TokenCommand::Revoke { id, user } => {
            let user = target_user(&session, &index, &token, user.as_deref())?;
            let path = format!("/v1/users/{user}/tokens/{id}");
            session
                .block_on(index.call_raw::<()>(Method::DELETE, &path, None, Some(&token)))
                .with_context(|| format!("could not revoke token {id} of ~{user}"))?;
            if ctx.printer.is_json() {
                ctx.printer.json(&json!({
                    "user": user,
                    "id": id,
                    "revoked": true,
                    "index": index.base,
                }))?;
            } else {
                ctx.printer
                    .info(format!("revoked token {id} of ~{user} on {}", index.base));
            }
            Ok(ExitStatus::Success)
        }
    }
}

fn create(
    ctx: &Context,
    session: &Session,
    index: &HttpIndex,
    token: &str,
    user: Option<&str>,
    label: Option<String>,
) -> anyhow::Result<ExitStatus> {
    let user = target_user(session, index, token, user)?;
    let path = format!("/v1/users/{user}/tokens");
    let body = wire::CreateToken { label };
    let mint = || {
        session.block_on(index.call::<_, wire::NewToken>(
            Method::POST,
            &path,
            Some(&body),
            Some(token),
        ))
    };
    let mut created_user = false;
    let new = match mint() {
        Ok(new) => new,
        Err(err) if code_of(&err) == ErrorCode::NotFound => {
            // Only the admin may create users; anyone else gets the original
            // answer, which says the user does not exist.
            let me = super::whoami::ask(session, index, token)?;
            if !me.admin {
                return Err(err.context(format!("could not create a token for ~{user}")));
            }
            let _: wire::User = session
                .block_on(index.call(
                    Method::POST,
                    "/v1/users",
                    Some(&wire::CreateUser { name: user.clone() }),
                    Some(token),
                ))
                .with_context(|| format!("could not create the user ~{user}"))?;
            ctx.printer
                .info(format!("created the user ~{user} on {}", index.base));
            created_user = true;
            mint().with_context(|| format!("could not create a token for ~{user}"))?
        }
        Err(err) => return Err(err.context(format!("could not create a token for ~{user}"))),
    };
    if ctx.printer.is_json() {
        ctx.printer.json(&json!({
            "token": new.token,
            "id": new.info.id,
            "user": new.info.user,
            "label": new.info.label,
            "created_at": new.info.created_at,
            "created_user": created_user,
            "index": index.base,
        }))?;
    } else {
        // The token alone on stdout, so `TOKEN=$(iface token create bob)` works.
        ctx.printer.data(&new.token)?;
        ctx.printer.info(format!(
            "token {} ({}) for ~{} on {}; it is shown this once",
            new.info.id,
            crate::client::clean(&new.info.label),
            new.info.user,
            index.base
        ));
    }
    Ok(ExitStatus::Success)
}

/// The user named on the command line, or the token's own.
fn target_user(
    session: &Session,
    index: &HttpIndex,
    token: &str,
    user: Option<&str>,
) -> anyhow::Result<String> {
    if let Some(user) = user {
        return crate::client::user_name(user);
    }
    let me = super::whoami::ask(session, index, token)?;
    me.user.ok_or_else(|| {
        CodedError::new(
            ErrorCode::Invalid,
            "the admin token belongs to no user; name the user",
        )
        .hint("e.g. `iface token create bob` or `iface token list bob`")
        .into()
    })
}
