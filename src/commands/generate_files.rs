use crate::cli::GenerateFilesArgs;
use crate::error::ExitStatus;
use crate::generate;

use super::Context;

pub fn run(ctx: &Context, args: &GenerateFilesArgs) -> anyhow::Result<ExitStatus> {
    for path in generate::write_all(&args.root)? {
        ctx.printer.info(format!("wrote {}", path.display()));
    }
    Ok(ExitStatus::Success)
}
