//! `iface store copy`: move a whole index between stores.

use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::{StoreArgs, StoreCommand, StoreCopyArgs};
use crate::error::ExitStatus;
use crate::store::copy::{copy_store_observed, open_existing_store, open_store};
use crate::store::postgres::redact_url;

use super::Context;

pub fn run(ctx: &Context, args: &StoreArgs) -> anyhow::Result<ExitStatus> {
    match &args.command {
        StoreCommand::Copy(copy) => run_copy(ctx, copy),
    }
}

fn run_copy(ctx: &Context, args: &StoreCopyArgs) -> anyhow::Result<ExitStatus> {
    // `sqlite:` alone names the data directory `iface serve` uses by default.
    let default_dir = super::serve::data_dir(None)?;
    let from = open_existing_store(&args.from, &default_dir)?;
    let to = open_store(&args.to, &default_dir)?;
    let (from_shown, to_shown) = (redact_url(&args.from), redact_url(&args.to));
    ctx.printer
        .info(format!("copying {from_shown} to {to_shown}"));
    let bar = ctx.printer.show_progress().then(|| {
        ProgressBar::new(0).with_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} interfaces, {eta} left")
                .expect("a valid template"),
        )
    });
    let report = copy_store_observed(from.as_ref(), to.as_ref(), args.force, &mut |done, all| {
        if let Some(bar) = &bar {
            bar.set_length(all as u64);
            bar.set_position(done as u64);
        }
    });
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let report = report?;
    if ctx.printer.is_json() {
        ctx.printer.json(&serde_json::json!({
            "from": from_shown,
            "to": to_shown,
            "report": report,
        }))?;
    } else {
        ctx.printer.data(&format!(
            "copied {} user(s), {} token(s), {} interface(s), {} revision(s) ({} bytes of \
             archives, every digest verified), {} maintainer grant(s), {} promulgation(s)",
            report.users,
            report.tokens,
            report.interfaces,
            report.revisions,
            report.archive_bytes,
            report.maintainers,
            report.promulgations
        ))?;
        let existing = report.users_existing
            + report.tokens_existing
            + report.revisions_existing
            + report.maintainers_existing
            + report.promulgations_existing;
        if existing > 0 {
            ctx.printer.data(&format!(
                "kept what the target had: {} user(s), {} token(s), {} revision(s), {} \
                 maintainer grant(s), {} promulgation(s)",
                report.users_existing,
                report.tokens_existing,
                report.revisions_existing,
                report.maintainers_existing,
                report.promulgations_existing
            ))?;
        }
        if report.tokens_renumbered > 0 {
            ctx.printer.warn(format!(
                "{} token(s) got a new id because the target had another token with theirs; \
                 they still authenticate, but `iface token list` shows the new ids",
                report.tokens_renumbered
            ));
        }
    }
    Ok(ExitStatus::Success)
}
