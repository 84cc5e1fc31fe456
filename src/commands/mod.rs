//! One module per subcommand. Each is a plain function taking the shared
//! context and its parsed arguments, returning the exit status.

use crate::cli::{Command, GlobalArgs};
use crate::error::ExitStatus;
use crate::printer::Printer;

pub mod check;
pub mod compose;
pub mod diff;
pub mod fetch;
pub mod generate_files;
pub mod init;
pub mod list;
pub mod login;
pub mod logout;
pub mod maintainer;
pub mod pack;
pub mod promulgate;
pub mod publish;
pub mod search;
pub mod serve;
pub mod show;
pub mod store;
pub mod token;
pub mod unpromulgate;
pub mod watch;
pub mod whoami;

/// What every command gets: the global flags and the printer.
pub struct Context {
    pub global: GlobalArgs,
    pub printer: Printer,
}

impl Context {
    /// The client session (indexes, cache, network settings) for commands
    /// that talk to an index.
    pub fn session(&self) -> anyhow::Result<crate::client::Session> {
        crate::client::Session::new(&self.global, &self.printer)
    }
}

pub fn dispatch(ctx: &Context, command: &Command) -> anyhow::Result<ExitStatus> {
    match command {
        Command::Check(args) => check::run(ctx, args),
        Command::Init(args) => init::run(ctx, args),
        Command::Pack(args) => pack::run(ctx, args),
        Command::List(args) => list::run(ctx, args),
        Command::Search(args) => search::run(ctx, args),
        Command::Show(args) => show::run(ctx, args),
        Command::Fetch(args) => fetch::run(ctx, args),
        Command::Publish(args) => publish::run(ctx, args),
        Command::Login(args) => login::run(ctx, args),
        Command::Logout(args) => logout::run(ctx, args),
        Command::Whoami => whoami::run(ctx),
        Command::Token(command) => token::run(ctx, command),
        Command::Promulgate(args) => promulgate::run(ctx, args),
        Command::Unpromulgate(args) => unpromulgate::run(ctx, args),
        Command::Maintainer(command) => maintainer::run(ctx, command),
        Command::Compose(args) => compose::run(ctx, args),
        Command::Diff(args) => diff::run(ctx, args),
        Command::Serve(args) => serve::run(ctx, args),
        Command::Store(args) => store::run(ctx, args),
        Command::Watch(args) => watch::run(ctx, args),
        Command::GenerateFiles(args) => generate_files::run(ctx, args),
    }
}
