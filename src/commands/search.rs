//! `iface search TERMS`: full-text search on each index, best match first.

use crate::cli::SearchArgs;
use crate::client::Index;
use crate::error::{ErrorCode, ExitStatus, coded};
use crate::wire;

use super::Context;
use super::list::{Listing, needs_network, print_listings};

pub fn run(ctx: &Context, args: &SearchArgs) -> anyhow::Result<ExitStatus> {
    let text = args.terms.join(" ");
    if text.trim().is_empty() {
        return Err(coded(ErrorCode::Invalid, "the search terms are empty"));
    }
    let session = ctx.session()?;
    let mut listings = Vec::new();
    for pos in 0..session.indexes().len() {
        let name = session.indexes()[pos].name();
        let page = match &*session.index(pos)? {
            Index::Local(local) => local.search(&text, args.limit, 0)?,
            Index::Http(http) => {
                needs_network(&session, &name, "search")?;
                let query = [("q", text.clone()), ("limit", args.limit.to_string())];
                let spinner = session.spinner(format!("searching {name}"));
                let page: anyhow::Result<wire::Interfaces> =
                    session.block_on(http.get("/v1/search", &query, None));
                if let Some(spinner) = spinner {
                    spinner.finish_and_clear();
                }
                page?
            }
        };
        listings.push(Listing {
            index: name,
            total: page.total,
            interfaces: page.interfaces,
        });
    }
    print_listings(ctx, &session, &listings, &format!("matches for {text:?}"))?;
    Ok(ExitStatus::Success)
}
