//! `iface show URI`: one interface in full, from the first index that knows
//! it, with its README rendered for the terminal (or raw with `--readme`).

use std::io::IsTerminal;

use anstyle::Style;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::cli::ShowArgs;
use crate::client::{Index, Session, clean};
use crate::error::{CodedError, ErrorCode, ExitStatus, code_of};
use crate::printer::{BOLD, CYAN, DIM, GREEN};
use crate::uri::InterfaceUri;
use crate::wire;

use super::Context;
use super::list::{needs_network, one_line};

pub fn run(ctx: &Context, args: &ShowArgs) -> anyhow::Result<ExitStatus> {
    let uri = InterfaceUri::parse(&args.uri)?;
    let session = ctx.session()?;
    let (doc, index, pos) = find(&session, &uri)?;
    let requested = match uri.revision {
        None => None,
        Some(wanted) => Some(
            doc.revisions
                .iter()
                .find(|r| r.revision == wanted)
                .map(|r| revision_in_full(&session, pos, r))
                .transpose()?
                .ok_or_else(|| {
                    CodedError::new(
                        ErrorCode::NotFound,
                        format!(
                            "{} has no revision {wanted} (latest is {}) (index {index})",
                            clean(&doc.uri),
                            doc.latest_revision
                        ),
                    )
                })?,
        ),
    };
    // The README of the revision asked for, else the latest's.
    let (shown_uri, readme) = match &requested {
        Some(revision) => (&revision.uri, revision.readme.as_deref()),
        None => (&doc.uri, doc.readme.as_deref()),
    };
    if args.readme {
        let Some(readme) = readme else {
            return Err(CodedError::new(
                ErrorCode::NotFound,
                format!("{} has no README (index {index})", clean(shown_uri)),
            )
            .into());
        };
        if ctx.printer.is_json() {
            ctx.printer
                .json(&serde_json::json!({"uri": shown_uri, "index": index, "readme": readme}))?;
        } else {
            ctx.printer.data(&clean(readme))?;
        }
        return Ok(ExitStatus::Success);
    }
    if ctx.printer.is_json() {
        #[derive(Serialize)]
        struct Shown<'a> {
            #[serde(flatten)]
            interface: &'a wire::Interface,
            index: &'a str,
            /// The revision the URI named, when it named one.
            #[serde(skip_serializing_if = "Option::is_none")]
            requested_revision: Option<&'a wire::Revision>,
        }
        ctx.printer.json(&Shown {
            interface: &doc,
            index: &index,
            requested_revision: requested.as_ref(),
        })?;
    } else {
        ctx.printer
            .data(&describe(&doc, &index, requested.as_ref(), readme))?;
    }
    Ok(ExitStatus::Success)
}

/// The interface from the first index that has it. Not found moves on to
/// the next index; any other answer (ambiguous, unreachable) stops.
/// One revision with its manifest and README, from the index at `pos`.
fn revision_in_full(
    session: &Session,
    pos: usize,
    listed: &wire::Revision,
) -> anyhow::Result<wire::Revision> {
    match &*session.index(pos)? {
        Index::Local(local) => local.revision(&listed.owner, &listed.name, listed.revision),
        Index::Http(http) => {
            let path = format!(
                "/v1/interfaces/~{}/{}/revisions/{}",
                listed.owner, listed.name, listed.revision
            );
            session.block_on(http.get::<wire::Revision>(&path, &[], None))
        }
    }
}

fn find(session: &Session, uri: &InterfaceUri) -> anyhow::Result<(wire::Interface, String, usize)> {
    let base = uri.without_revision();
    let mut reasons = Vec::new();
    for pos in 0..session.indexes().len() {
        let name = session.indexes()[pos].name();
        let result = match &*session.index(pos)? {
            Index::Local(local) => local.interface(&base),
            Index::Http(http) => {
                needs_network(session, &name, "show")?;
                let path = match &base.owner {
                    Some(owner) => format!("/v1/interfaces/~{owner}/{}", base.name),
                    None => format!("/v1/interfaces/{}", base.name),
                };
                let spinner = session.spinner(format!("asking {name}"));
                let result = session.block_on(http.get::<wire::Interface>(&path, &[], None));
                if let Some(spinner) = spinner {
                    spinner.finish_and_clear();
                }
                result
            }
        };
        match result {
            Ok(doc) => return Ok((doc, name, pos)),
            Err(err) if code_of(&err) == ErrorCode::NotFound => {
                reasons.push(format!("{err}"));
            }
            Err(err) => return Err(err.context(format!("could not show {uri}"))),
        }
    }
    let mut message = format!("could not show {uri}");
    match reasons.as_slice() {
        [one] => message.push_str(&format!(": {one}")),
        all => {
            message.push_str(": no index has it");
            for reason in all {
                message.push_str(&format!("\n    - {reason}"));
            }
        }
    }
    Err(CodedError::new(ErrorCode::NotFound, message)
        .hint(format!(
            "look for the right name with `iface search {}`",
            uri.name
        ))
        .into())
}

fn describe(
    doc: &wire::Interface,
    index: &str,
    requested: Option<&wire::Revision>,
    readme: Option<&str>,
) -> String {
    let mut out = String::new();
    out.push_str(&format!("{BOLD}{}{BOLD:#}\n", clean(&doc.uri)));
    if let Some(summary) = &doc.summary {
        out.push_str(&format!("  {}\n", one_line(summary)));
    }
    out.push('\n');
    let field = |out: &mut String, key: &str, value: String| {
        out.push_str(&format!("{DIM}{key:<13}{DIM:#}{value}\n"));
    };
    field(&mut out, "index", index.to_owned());
    field(
        &mut out,
        "promulgated",
        if doc.promulgated {
            format!("yes: interface:{} stands for it", clean(&doc.name))
        } else {
            "no".to_owned()
        },
    );
    field(
        &mut out,
        "category",
        doc.category
            .as_deref()
            .map_or_else(|| "-".to_owned(), clean),
    );
    field(
        &mut out,
        "version",
        doc.version
            .map_or_else(|| "- (not declared)".to_owned(), |v| v.to_string()),
    );
    field(
        &mut out,
        "maintainers",
        if doc.maintainers.is_empty() {
            "-".to_owned()
        } else {
            clean(&doc.maintainers.join(", "))
        },
    );
    let mut publishers = vec![format!("~{} (owner)", doc.owner)];
    publishers.extend(doc.maintainer_users.iter().map(|u| format!("~{u}")));
    field(&mut out, "publishers", clean(&publishers.join(", ")));
    field(
        &mut out,
        "roles",
        if doc.roles.is_empty() {
            "-".to_owned()
        } else {
            clean(&doc.roles.join(", "))
        },
    );
    if let Some(description) = &doc.description {
        field(&mut out, "description", one_line(description));
    }
    out.push_str(&format!("{DIM}revisions{DIM:#}\n"));
    for r in &doc.revisions {
        let marker = if requested.is_some_and(|q| q.revision == r.revision) {
            "→ "
        } else {
            "  "
        };
        out.push_str(&format!(
            "{marker}{:<w$}  sha256:{}  {} bytes  {}  by {}\n",
            clean(&r.uri),
            clean(&r.digest),
            r.size,
            clean(&r.published_at),
            clean(&r.publisher),
            w = doc.revisions.iter().map(|r| r.uri.len()).max().unwrap_or(0),
        ));
    }
    let fetch = requested.map_or_else(|| doc.uri.clone(), |r| r.uri.clone());
    out.push('\n');
    out.push_str(&format!(
        "{DIM}fetch it with{DIM:#}  iface fetch {}\n",
        clean(&fetch)
    ));
    if let Some(readme) = readme {
        let width = if std::io::stdout().is_terminal() {
            console::Term::stdout()
                .size_checked()
                .map_or(80, |(_, cols)| (cols as usize).clamp(40, 100))
        } else {
            80
        };
        out.push('\n');
        out.push_str(&format!("{DIM}{}{DIM:#}\n\n", "─".repeat(width)));
        out.push_str(&render_markdown(&clean(readme), width));
    }
    out
}

/// Markdown for a terminal: styled headings, emphasis and code, wrapped
/// paragraphs, bullets, quotes, links as `text <url>`. Raw HTML is dropped.
pub fn render_markdown(text: &str, width: usize) -> String {
    let mut r = Renderer {
        width,
        out: String::new(),
        words: Vec::new(),
        word: Vec::new(),
        styles: Vec::new(),
        lists: Vec::new(),
        marker: None,
        quote: 0,
        code: None,
        links: Vec::new(),
    };
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for event in Parser::new_ext(text, options) {
        r.event(event);
    }
    r.flush();
    let trimmed = r.out.trim_end().to_owned();
    trimmed + "\n"
}

/// A word to wrap: styled parts with no space between them.
type Word = Vec<(String, Style)>;

struct Renderer {
    width: usize,
    out: String,
    /// Words of the block being built; `None` is a forced line break.
    words: Vec<Option<Word>>,
    word: Word,
    styles: Vec<Style>,
    /// Open lists: the next number of an ordered one, `None` for bullets.
    lists: Vec<Option<u64>>,
    /// The marker of a list item whose first line is not out yet.
    marker: Option<String>,
    quote: usize,
    /// Text of the code block being read.
    code: Option<String>,
    links: Vec<String>,
}

impl Renderer {
    fn style(&self) -> Style {
        self.styles.last().copied().unwrap_or_default()
    }

    fn indent(&self) -> String {
        let mut s = "│ ".repeat(self.quote);
        s.push_str(&"  ".repeat(self.lists.len().saturating_sub(1)));
        if !self.lists.is_empty() {
            s.push_str("  ");
        }
        s
    }

    fn text(&mut self, text: &str, style: Style) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.end_word();
            } else {
                match self.word.last_mut() {
                    Some((part, s)) if *s == style => part.push(c),
                    _ => self.word.push((c.to_string(), style)),
                }
            }
        }
    }

    fn end_word(&mut self) {
        if !self.word.is_empty() {
            self.words.push(Some(std::mem::take(&mut self.word)));
        }
    }

    /// Writes the block built so far, wrapped, under the current indent.
    fn flush(&mut self) {
        self.end_word();
        if self.words.is_empty() && self.marker.is_none() {
            return;
        }
        let indent = self.indent();
        let first = match self.marker.take() {
            // The marker hangs in the indent of the item's own level.
            Some(marker) => {
                let base = indent.len().saturating_sub(2);
                format!("{}{marker}", &indent[..base])
            }
            None => indent.clone(),
        };
        let room = self
            .width
            .saturating_sub(console::measure_text_width(&indent))
            .max(20);
        let mut line = first;
        let mut used = 0;
        for word in std::mem::take(&mut self.words) {
            let Some(word) = word else {
                self.out.push_str(line.trim_end());
                self.out.push('\n');
                line = indent.clone();
                used = 0;
                continue;
            };
            let w: usize = word
                .iter()
                .map(|(t, _)| console::measure_text_width(t))
                .sum();
            if used > 0 && used + 1 + w > room {
                self.out.push_str(line.trim_end());
                self.out.push('\n');
                line = indent.clone();
                used = 0;
            }
            if used > 0 {
                line.push(' ');
                used += 1;
            }
            for (text, style) in word {
                line.push_str(&format!("{style}{text}{style:#}"));
            }
            used += w;
        }
        self.out.push_str(line.trim_end());
        self.out.push('\n');
    }

    fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn push_style(&mut self, add: Style) {
        let base = self.style();
        let mut s = base;
        if add.get_effects().contains(anstyle::Effects::BOLD) {
            s = s.bold();
        }
        if add.get_effects().contains(anstyle::Effects::ITALIC) {
            s = s.italic();
        }
        if add.get_effects().contains(anstyle::Effects::UNDERLINE) {
            s = s.underline();
        }
        if let Some(fg) = add.get_fg_color() {
            s = s.fg_color(Some(fg));
        }
        self.styles.push(s);
    }

    fn event(&mut self, event: Event<'_>) {
        if let Some(code) = &mut self.code {
            match event {
                Event::Text(text) => code.push_str(&text),
                Event::End(TagEnd::CodeBlock) => {
                    let code = self.code.take().unwrap_or_default();
                    let indent = self.indent();
                    for line in code.trim_end_matches('\n').lines() {
                        self.out
                            .push_str(&format!("{indent}    {GREEN}{line}{GREEN:#}\n"));
                    }
                    self.blank();
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.flush();
                self.blank();
                let style = if level == HeadingLevel::H1 {
                    BOLD.underline()
                } else {
                    BOLD
                };
                self.push_style(style);
            }
            Event::End(TagEnd::Heading(_)) => {
                self.flush();
                self.styles.pop();
                self.blank();
            }
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => {
                self.flush();
                if self.lists.is_empty() {
                    self.blank();
                }
            }
            Event::Start(Tag::BlockQuote(_)) => {
                self.flush();
                self.quote += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                self.flush();
                self.quote -= 1;
                self.blank();
            }
            Event::Start(Tag::CodeBlock(_)) => {
                self.flush();
                self.code = Some(String::new());
            }
            Event::Start(Tag::List(start)) => {
                self.flush();
                self.lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                self.flush();
                self.lists.pop();
                if self.lists.is_empty() {
                    self.blank();
                }
            }
            Event::Start(Tag::Item) => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => "• ".to_owned(),
                };
                self.marker = Some(marker);
            }
            Event::End(TagEnd::Item) => self.flush(),
            Event::Start(Tag::Emphasis) => self.push_style(Style::new().italic()),
            Event::Start(Tag::Strong) => self.push_style(BOLD),
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.links.push(dest_url.to_string());
                self.push_style(Style::new().underline());
            }
            Event::End(TagEnd::Link) => {
                self.styles.pop();
                if let Some(url) = self.links.pop()
                    && !url.is_empty()
                {
                    self.end_word();
                    self.text(&format!("<{url}>"), DIM);
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                self.text("[image:", DIM);
                self.links.push(dest_url.to_string());
                self.push_style(DIM);
            }
            Event::End(TagEnd::Image) => {
                self.styles.pop();
                let url = self.links.pop().unwrap_or_default();
                self.text(&format!("<{url}>]"), DIM);
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => {
                self.styles.pop();
            }
            Event::Start(Tag::Strikethrough) => self.push_style(DIM),
            Event::Start(Tag::Table(_)) => self.flush(),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                self.end_word();
                self.words.pop();
                self.flush();
            }
            Event::End(TagEnd::TableCell) => {
                self.end_word();
                self.text("|", DIM);
                self.end_word();
            }
            Event::End(TagEnd::Table) => self.blank(),
            Event::Text(text) => {
                let style = self.style();
                self.text(&text, style);
            }
            Event::Code(code) => {
                // Inline code keeps its spaces: one styled word per piece.
                self.text(&code, CYAN);
            }
            Event::SoftBreak => self.end_word(),
            Event::HardBreak => {
                self.end_word();
                self.words.push(None);
            }
            Event::Rule => {
                self.flush();
                let indent = self.indent();
                self.out.push_str(&format!(
                    "{indent}{DIM}{}{DIM:#}\n\n",
                    "─".repeat(self.width.saturating_sub(indent.len()).min(40))
                ));
            }
            Event::TaskListMarker(done) => self.text(if done { "[x]" } else { "[ ]" }, DIM),
            // Raw HTML has no terminal form; its text is usually a comment or
            // a badge.
            Event::Html(_) | Event::InlineHtml(_) => {}
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_renders_for_a_terminal() {
        let md = "# Title\n\nSome *text* with `code` and a [link](https://x.example).\n\n\
                  - one\n- two\n  wraps\n\n1. first\n2. second\n\n```\nlet x = 1;\n```\n\n\
                  <script>alert(1)</script>\n\n> quoted\n";
        let out = render_markdown(md, 80);
        let plain = anstream::adapter::strip_str(&out).to_string();
        assert!(
            plain.starts_with("Title\n\nSome text with code and a link <https://x.example>."),
            "{plain}"
        );
        assert!(plain.contains("• one\n• two wraps\n"), "{plain}");
        assert!(plain.contains("1. first\n2. second\n"), "{plain}");
        assert!(plain.contains("    let x = 1;\n"), "{plain}");
        assert!(plain.contains("│ quoted"), "{plain}");
        assert!(!plain.contains("script"), "{plain}");
    }

    #[test]
    fn long_paragraphs_wrap() {
        let words = "word ".repeat(40);
        let out = render_markdown(&words, 40);
        for line in out.lines() {
            assert!(line.len() <= 40, "{line:?}");
        }
        assert_eq!(out.split_whitespace().count(), 40);
    }
}
