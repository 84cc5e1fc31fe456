use crate::cli::ServeArgs;
use crate::error::ExitStatus;

use super::Context;

pub fn run(_ctx: &Context, _args: &ServeArgs) -> anyhow::Result<ExitStatus> {
    anyhow::bail!("iface serve is being built")
}
