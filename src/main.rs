use std::process::ExitCode;

use clap::Parser;

use iface::cli::Cli;
use iface::commands::{self, Context};
use iface::error::{code_of, is_broken_pipe};
use iface::printer::Printer;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let printer = Printer::new(&cli.global);
    let ctx = Context {
        global: cli.global,
        printer,
    };
    match commands::dispatch(&ctx, &cli.command) {
        Ok(status) => status.into(),
        // `iface list | head`: the reader went away, which is not a failure.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            ctx.printer.report_error(&err);
            code_of(&err).exit_status().into()
        }
    }
}
