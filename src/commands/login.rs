//! `iface login`: check a token with the index and save it for that index.

use std::io::{IsTerminal, Read};

use anyhow::Context as _;
use serde_json::json;

use crate::cli::LoginArgs;
use crate::config::Credentials;
use crate::error::{CodedError, ErrorCode, ExitStatus};

use super::Context;

pub fn run(ctx: &Context, args: &LoginArgs) -> anyhow::Result<ExitStatus> {
    let session = ctx.session()?;
    let index = session.service("`iface login`")?;
    let token = if args.token_stdin {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("could not read the token from standard input")?;
        text
    } else if std::io::stderr().is_terminal() {
        let term = console::Term::stderr();
        term.write_str(&format!("Token for {}: ", index.base))
            .context("could not write to the terminal")?;
        term.read_secure_line()
            .context("could not read the token from the terminal")?
    } else {
        return Err(CodedError::new(
            ErrorCode::Invalid,
            "there is no terminal to read the token from",
        )
        .hint("pass it on standard input: `iface login --token-stdin < token-file`")
        .into());
    };
    let token = token.trim();
    if token.is_empty() {
        return Err(CodedError::new(ErrorCode::Invalid, "the token is empty")
            .hint("an admin creates tokens with `iface token create USER`")
            .into());
    }
    if token.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(coded_invalid(
            "the token contains whitespace; it is one word",
        ));
    }
    // Only a token the index accepts is saved: a typo found now is better
    // than at the next publish.
    let me = super::whoami::ask(&session, &index, token)
        .with_context(|| format!("the index at {} did not accept the token", index.base))?;
    let path = Credentials::path()?;
    let mut credentials = Credentials::load_from(&path)?;
    credentials
        .tokens
        .insert(index.base.clone(), token.to_owned());
    credentials.save_to(&path)?;
    if ctx.printer.is_json() {
        ctx.printer.json(&json!({
            "index": index.base,
            "user": me.user,
            "admin": me.admin,
            "credentials": path,
        }))?;
    } else {
        ctx.printer.info(format!(
            "logged in to {} as {} (token saved in {})",
            index.base,
            super::whoami::describe(&me),
            path.display()
        ));
    }
    if std::env::var_os(crate::env_vars::IFACE_TOKEN).is_some() {
        ctx.printer.warn(format!(
            "{} is set and is used instead of the saved token",
            crate::env_vars::IFACE_TOKEN
        ));
    }
    Ok(ExitStatus::Success)
}

fn coded_invalid(message: &str) -> anyhow::Error {
    CodedError::new(ErrorCode::Invalid, message).into()
}
