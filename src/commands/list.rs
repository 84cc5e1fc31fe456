//! `iface list`: every interface of each index, a page at a time from the
//! index, printed as one table (or JSON).

use std::io::IsTerminal;

use serde::Serialize;

use crate::cli::ListArgs;
use crate::client::{Index, Session, clean};
use crate::error::{CodedError, ErrorCode, ExitStatus};
use crate::printer::BOLD;
use crate::wire;

use super::Context;

/// The biggest page the index service hands out.
const PAGE: u32 = 500;

pub fn run(ctx: &Context, args: &ListArgs) -> anyhow::Result<ExitStatus> {
    let owner = args
        .owner
        .as_deref()
        .map(crate::client::user_name)
        .transpose()?;
    let owner = owner.as_deref();
    let session = ctx.session()?;
    let mut listings = Vec::new();
    for pos in 0..session.indexes().len() {
        let name = session.indexes()[pos].name();
        let index = session.index(pos)?;
        let mut interfaces = Vec::new();
        let mut total;
        loop {
            let want = args
                .limit
                .map_or(PAGE, |limit| (limit - interfaces.len() as u32).min(PAGE));
            let offset = interfaces.len() as u64;
            let page = match &*index {
                Index::Local(local) => local.list(owner, args.category.as_deref(), want, offset)?,
                Index::Http(http) => {
                    needs_network(&session, &name, "list")?;
                    let mut query =
                        vec![("limit", want.to_string()), ("offset", offset.to_string())];
                    if let Some(owner) = owner {
                        query.push(("owner", owner.to_owned()));
                    }
                    if let Some(category) = &args.category {
                        query.push(("category", category.clone()));
                    }
                    let spinner = session.spinner(format!("listing {name}"));
                    let page: anyhow::Result<wire::Interfaces> =
                        session.block_on(http.get("/v1/interfaces", &query, None));
                    if let Some(spinner) = spinner {
                        spinner.finish_and_clear();
                    }
                    page?
                }
            };
            total = page.total;
            let got = page.interfaces.len();
            interfaces.extend(page.interfaces);
            let full = args.limit.is_some_and(|l| interfaces.len() as u32 >= l);
            if got == 0 || full || interfaces.len() as u64 >= total {
                break;
            }
        }
        listings.push(Listing {
            index: name,
            total,
            interfaces,
        });
    }
    print_listings(ctx, &session, &listings, "interfaces")?;
    Ok(ExitStatus::Success)
}

/// `--offline` never touches the network; a local index still answers.
pub fn needs_network(session: &Session, index: &str, what: &str) -> anyhow::Result<()> {
    if session.offline {
        Err(CodedError::new(
            ErrorCode::Network,
            format!("`iface {what}` needs the network to ask the index at {index}, and --offline was given"),
        )
        .hint("run it without --offline; only fetch and compose answer from the cache")
        .into())
    } else {
        Ok(())
    }
}

/// What one index listed.
pub struct Listing {
    pub index: String,
    /// How many match in all, which may be more than were fetched.
    pub total: u64,
    pub interfaces: Vec<wire::InterfaceSummary>,
}

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    summary: &'a wire::InterfaceSummary,
    /// Which index listed it.
    index: &'a str,
}

/// One table for every index (an INDEX column when there are several), or
/// `{"interfaces": [...], "total": N}` with each interface's index.
pub fn print_listings(
    ctx: &Context,
    session: &Session,
    listings: &[Listing],
    what: &str,
) -> anyhow::Result<()> {
    let shown: usize = listings.iter().map(|l| l.interfaces.len()).sum();
    let total: u64 = listings.iter().map(|l| l.total).sum();
    if ctx.printer.is_json() {
        let rows: Vec<Row<'_>> = listings
            .iter()
            .flat_map(|l| {
                l.interfaces.iter().map(|summary| Row {
                    summary,
                    index: &l.index,
                })
            })
            .collect();
        ctx.printer.json(&serde_json::json!({
            "interfaces": rows,
            "total": total,
        }))?;
        return Ok(());
    }
    if shown == 0 {
        let names: Vec<&str> = listings.iter().map(|l| l.index.as_str()).collect();
        ctx.printer
            .info(format!("no {what} in {}", names.join(", ")));
        return Ok(());
    }
    let several = session.indexes().len() > 1;
    let mut header = vec!["URI", "VERSION", "REVISION", "SUMMARY"];
    if several {
        header.push("INDEX");
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    for listing in listings {
        for i in &listing.interfaces {
            let mut row = vec![
                clean(&i.uri),
                i.version.map_or_else(|| "-".to_owned(), |v| v.to_string()),
                i.latest_revision.to_string(),
                one_line(i.summary.as_deref().unwrap_or("")),
            ];
            if several {
                row.push(listing.index.clone());
            }
            rows.push(row);
        }
    }
    ctx.printer.data(&table(&header, &rows, 3))?;
    if (shown as u64) < total {
        ctx.printer.info(format!(
            "showing {shown} of {total} {what}; --limit N shows more"
        ));
    }
    Ok(())
}

/// Folded YAML summaries and stray whitespace on one line.
pub fn one_line(text: &str) -> String {
    clean(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Columns padded to their widest cell. On a terminal the `flex` column is
/// cut to fit the width; in a pipe nothing is cut, so `grep` sees it all.
pub fn table(header: &[&str], rows: &[Vec<String>], flex: usize) -> String {
    let columns = header.len();
    let mut widths: Vec<usize> = header
        .iter()
        .map(|h| console::measure_text_width(h))
        .collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(console::measure_text_width(cell));
        }
    }
    if std::io::stdout().is_terminal()
        && let Some((_, cols)) = console::Term::stdout().size_checked()
    {
        let others: usize = widths
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != flex)
            .map(|(_, w)| w + 2)
            .sum();
        let room = (cols as usize).saturating_sub(others + 1).max(20);
        widths[flex] = widths[flex].min(room);
    }
    let mut out = String::new();
    let mut line = |cells: Vec<String>, bold: bool| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let cell = if i == flex {
                console::truncate_str(cell, widths[i], "…").into_owned()
            } else {
                cell.clone()
            };
            if i + 1 == columns {
                text.push_str(&cell);
            } else {
                let pad = widths[i].saturating_sub(console::measure_text_width(&cell));
                text.push_str(&cell);
                text.push_str(&" ".repeat(pad + 2));
            }
        }
        let text = text.trim_end();
        if bold {
            out.push_str(&format!("{BOLD}{text}{BOLD:#}\n"));
        } else {
            out.push_str(text);
            out.push('\n');
        }
    };
    line(header.iter().map(|h| h.to_string()).collect(), true);
    for row in rows {
        line(row.clone(), false);
    }
    out
}
