//! `iface whoami`: who the token belongs to on the index.

use anyhow::Context as _;
use reqwest::Method;
use serde_json::json;

use crate::client::Session;
use crate::client::http::HttpIndex;
use crate::error::ExitStatus;
use crate::wire;

use super::Context;

pub fn run(ctx: &Context) -> anyhow::Result<ExitStatus> {
    let session = ctx.session()?;
    let index = session.service("`iface whoami`")?;
    let (token, source) = session.token(&index, "`iface whoami`")?;
    let me = ask(&session, &index, &token)
        .with_context(|| format!("could not check the token from {source}"))?;
    if ctx.printer.is_json() {
        ctx.printer.json(&json!({
            "user": me.user,
            "admin": me.admin,
            "index": index.base,
            "token_source": source.to_string(),
        }))?;
    } else {
        ctx.printer.data(&describe(&me))?;
        ctx.printer
            .info(format!("on {} (token from {source})", index.base));
    }
    Ok(ExitStatus::Success)
}

/// `~alice`, or `admin`.
pub fn describe(me: &wire::WhoAmI) -> String {
    match &me.user {
        Some(user) => format!("~{user}"),
        None => "admin".to_owned(),
    }
}

/// Asks the index whose `token` this is.
pub fn ask(session: &Session, index: &HttpIndex, token: &str) -> anyhow::Result<wire::WhoAmI> {
    session.block_on(index.call::<(), _>(Method::GET, "/v1/whoami", None, Some(token)))
}
