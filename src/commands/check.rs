use serde_json::json;

use crate::check::{Report, Severity, check_dir};
use crate::cli::CheckArgs;
use crate::error::ExitStatus;
use crate::printer::{BOLD, CYAN, DIM, RED, YELLOW};

use super::Context;

pub fn run(ctx: &Context, args: &CheckArgs) -> anyhow::Result<ExitStatus> {
    let (tree, report) = check_dir(&args.dir)?;
    let failed = report.has_errors(args.strict);
    if ctx.printer.is_json() {
        ctx.printer.json(&json!({
            "dir": args.dir,
            "name": tree.manifest().map(|m| m.name.as_str()),
            "ok": !failed,
            "errors": report.count(Severity::Error),
            "warnings": report.count(Severity::Warning),
            "findings": report.findings,
        }))?;
    } else {
        print_findings(ctx, &report)?;
        let summary = format!(
            "{}: {} error(s), {} warning(s){}",
            args.dir.display(),
            report.count(Severity::Error),
            report.count(Severity::Warning),
            if args.strict { " (strict)" } else { "" },
        );
        if failed {
            ctx.printer.info(format!("{RED}failed{RED:#} {summary}"));
        } else {
            ctx.printer.info(format!("{BOLD}ok{BOLD:#} {summary}"));
        }
    }
    Ok(if failed {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// One line per finding: `severity[id] path: message`, like a compiler.
pub fn print_findings(ctx: &Context, report: &Report) -> std::io::Result<()> {
    let mut text = String::new();
    for f in &report.findings {
        let style = match f.severity {
            Severity::Error => RED,
            Severity::Warning => YELLOW,
            Severity::Info => CYAN,
        };
        let path = if f.path.is_empty() { "." } else { &f.path };
        text.push_str(&format!(
            "{style}{}{style:#}[{}] {DIM}{path}{DIM:#}: {}\n",
            f.severity.as_str(),
            f.id,
            f.message
        ));
    }
    if text.is_empty() {
        return Ok(());
    }
    ctx.printer.data(&text)
}
