//! `iface watch [URI...]`: print each new revision as it is published.

use crate::error::ExitStatus;
use crate::uri::InterfaceUri;
use crate::watch::{self, Event, Options};

use super::Context;

/// Print new revisions as they are published
///
/// Watches the named interfaces, or every interface when none is named,
/// through the index service's websocket API, and prints one line per new
/// revision (one JSON object per line with --format json). A dropped
/// connection is retried with backoff and resumed where it stopped, so no
/// revision is missed or printed twice. Ctrl-C ends it with exit status 0.
#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// Interfaces to watch (`mysql`, `interface:~bob/mysql`); none watches
    /// every interface. With a revision (`mysql-3`), revisions after it that
    /// exist already are printed first
    #[arg(value_name = "URI")]
    pub uris: Vec<String>,
}

pub fn run(ctx: &Context, args: &WatchArgs) -> anyhow::Result<ExitStatus> {
    // Invalid URIs are the user's to fix before anything is contacted.
    let uris = args
        .uris
        .iter()
        .map(|text| InterfaceUri::parse(text).map(|uri| uri.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    let session = ctx.session()?;
    let index = session.service("watching")?;
    let options = Options::new(index.base.clone(), uris);
    let printer = &ctx.printer;
    let what = if options.uris.is_empty() {
        "every interface".to_owned()
    } else {
        options.uris.join(", ")
    };
    let on_event = |event: Event<'_>| -> anyhow::Result<()> {
        match event {
            Event::Watching { url, reconnected } => {
                if reconnected {
                    printer.info(format!("reconnected to {url}"));
                } else {
                    printer.info(format!("watching {what} on {url}; Ctrl-C to stop"));
                }
            }
            Event::Refused { query, error } => {
                printer.warn(format!("cannot watch {query}: {}", error.message));
            }
            Event::Disconnected { error, retry_in } => {
                printer.info(format!(
                    "connection lost: {error:#}; reconnecting in {:.1}s",
                    retry_in.as_secs_f64()
                ));
            }
            Event::Revision(revision) => {
                if printer.is_json() {
                    printer.data(&serde_json::to_string(revision)?)?;
                } else {
                    printer.data(&format!(
                        "{} sha256:{} published {} by {}",
                        revision.uri,
                        revision.digest,
                        revision.published_at,
                        crate::client::clean(&revision.publisher)
                    ))?;
                }
            }
        }
        Ok(())
    };
    session.block_on(watch::watch(
        &options,
        on_event,
        crate::server::shutdown_signal(),
    ))?;
    Ok(ExitStatus::Success)
}
