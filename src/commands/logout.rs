//! `iface logout`: forget the token saved for the index (or every index).

use serde_json::json;

use crate::cli::LogoutArgs;
use crate::config::Credentials;
use crate::error::ExitStatus;

use super::Context;

pub fn run(ctx: &Context, args: &LogoutArgs) -> anyhow::Result<ExitStatus> {
    let path = Credentials::path()?;
    let mut credentials = Credentials::load_from(&path)?;
    let removed: Vec<String> = if args.all {
        std::mem::take(&mut credentials.tokens)
            .into_keys()
            .collect()
    } else {
        // Only the index's name is needed: logging out works offline and
        // with the index down.
        let index = ctx.session()?.indexes()[0].name();
        match credentials.tokens.remove(&index) {
            Some(_) => vec![index],
            None => {
                ctx.printer
                    .info(format!("not logged in to {index}; nothing to forget"));
                Vec::new()
            }
        }
    };
    if !removed.is_empty() {
        credentials.save_to(&path)?;
    }
    if ctx.printer.is_json() {
        ctx.printer.json(&json!({ "logged_out": removed }))?;
    } else {
        for index in &removed {
            ctx.printer.info(format!("logged out of {index}"));
        }
        if args.all && removed.is_empty() {
            ctx.printer.info("no saved tokens; nothing to forget");
        }
    }
    if std::env::var_os(crate::env_vars::IFACE_TOKEN).is_some() {
        ctx.printer.warn(format!(
            "{} is still set; commands keep using it",
            crate::env_vars::IFACE_TOKEN
        ));
    }
    Ok(ExitStatus::Success)
}
