use crate::cli::ComposeArgs;
use crate::compose::{self, Action, Options, Outcome};
use crate::error::ExitStatus;
use crate::printer::{BOLD, DIM, GREEN, YELLOW};

use super::Context;

pub fn run(ctx: &Context, args: &ComposeArgs) -> anyhow::Result<ExitStatus> {
    let source = crate::client::interface_source(ctx)?;
    let outcome = compose::compose(
        &args.dir,
        source.as_ref(),
        Options {
            refresh: args.refresh,
            force: args.force,
            dry_run: args.dry_run,
        },
    )?;
    for warning in &outcome.warnings {
        ctx.printer.warn(warning);
    }
    if ctx.printer.is_json() {
        ctx.printer.json(&outcome)?;
    } else {
        print(ctx, &outcome)?;
    }
    Ok(ExitStatus::Success)
}

fn print(ctx: &Context, outcome: &Outcome) -> std::io::Result<()> {
    if outcome.interfaces.is_empty() {
        ctx.printer
            .info("the charm has no relation endpoints; nothing to compose");
        return Ok(());
    }
    let mut text = String::new();
    for plan in &outcome.interfaces {
        let summary = [
            (Action::Add, "added"),
            (Action::Update, "changed"),
            (Action::Remove, "removed"),
        ]
        .iter()
        .filter_map(|(action, word)| {
            let n = plan.count(*action);
            (n > 0).then(|| format!("{n} {word}"))
        })
        .collect::<Vec<_>>();
        let what = match (&plan.previous, &plan.uri) {
            (_, None) => format!("{YELLOW}removed{YELLOW:#}"),
            (Some(old), Some(new)) if old != new => format!("{old} -> {BOLD}{new}{BOLD:#}"),
            (_, Some(new)) => new.clone(),
        };
        let counts = if summary.is_empty() {
            format!("{DIM}up to date{DIM:#}")
        } else {
            summary.join(", ")
        };
        text.push_str(&format!("{}: {what} ({counts})\n", plan.name));
        if outcome.dry_run {
            for file in &plan.files {
                let word = match file.action {
                    Action::Add => "add",
                    Action::Update => "update",
                    Action::Remove => "remove",
                    Action::Keep => "keep",
                };
                text.push_str(&format!(
                    "  {word:<6} {}/{}/{}\n",
                    compose::RELATIONS_DIR,
                    plan.name,
                    file.path
                ));
            }
        } else if plan.previous.is_some() && plan.previous != plan.uri {
            for file in plan.changes() {
                let sign = match file.action {
                    Action::Add => "+",
                    Action::Remove => "-",
                    _ => "~",
                };
                text.push_str(&format!("  {sign} {}\n", file.path));
            }
        }
        if let Some(available) = &plan.available {
            text.push_str(&format!(
                "  {YELLOW}available{YELLOW:#}: {available}; a new version may break this charm, so --refresh does not take it (pin it in layer.yaml includes to move)\n"
            ));
        }
    }
    if let Some(file) = &outcome.deps_file
        && outcome.deps_changed
    {
        text.push_str(&format!("{file}: interface dependencies updated\n"));
    }
    ctx.printer.data(&text)?;
    if outcome.dry_run {
        ctx.printer.info("dry run: nothing was written");
    } else if outcome.changed() {
        ctx.printer.info(format!(
            "{GREEN}composed{GREEN:#}; iface.lock records what was written"
        ));
    } else {
        ctx.printer
            .info("nothing to do: every interface is up to date");
    }
    Ok(())
}
