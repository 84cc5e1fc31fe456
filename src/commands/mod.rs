//! One module per subcommand. Each is a plain function taking the shared
//! context and its parsed arguments, returning the exit status.

use crate::cli::{Command, GlobalArgs};
use crate::error::ExitStatus;
use crate::printer::Printer;

pub mod check;
pub mod generate_files;
pub mod init;
pub mod pack;
pub mod serve;

/// What every command gets: the global flags and the printer.
pub struct Context {
    pub global: GlobalArgs,
    pub printer: Printer,
}

pub fn dispatch(ctx: &Context, command: &Command) -> anyhow::Result<ExitStatus> {
    match command {
        Command::Check(args) => check::run(ctx, args),
        Command::Init(args) => init::run(ctx, args),
        Command::Pack(args) => pack::run(ctx, args),
        Command::Serve(args) => serve::run(ctx, args),
        Command::GenerateFiles(args) => generate_files::run(ctx, args),
    }
}
