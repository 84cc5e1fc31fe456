//! `iface unpromulgate NAME`: the bare name stands for nothing again (admin
//! only); `interface:NAME` then fails to resolve and lists the candidates.

use anyhow::Context as _;
use reqwest::Method;

use crate::cli::UnpromulgateArgs;
use crate::error::{CodedError, ErrorCode, ExitStatus};
use crate::uri::InterfaceUri;
use crate::wire;

use super::Context;

pub fn run(ctx: &Context, args: &UnpromulgateArgs) -> anyhow::Result<ExitStatus> {
    let uri = InterfaceUri::parse(&args.name)?;
    if uri.owner.is_some() || uri.revision.is_some() {
        return Err(CodedError::new(
            ErrorCode::Invalid,
            format!("{uri} is not a bare name; unpromulgate takes the name alone"),
        )
        .hint(format!("iface unpromulgate {}", uri.name))
        .into());
    }
    let session = ctx.session()?;
    let index = session.service("unpromulgating")?;
    let (token, _) = session.token(&index, "unpromulgating")?;
    let path = format!("/v1/promulgations/{}", uri.name);
    let done: wire::Promulgation = session
        .block_on(index.call::<(), _>(Method::DELETE, &path, None, Some(&token)))
        .with_context(|| format!("could not unpromulgate {uri}"))?;
    super::promulgate::print(ctx, &done, &index.base, false)?;
    Ok(ExitStatus::Success)
}
