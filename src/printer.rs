//! One place that decides what goes to the terminal: data on stdout, messages
//! on stderr, quiet and verbose, colour, JSON, and whether progress is shown.

use std::io::{IsTerminal, Write};

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::cli::{ColorWhen, GlobalArgs, OutputFormat};
use crate::error::{code_of, hint_of};

pub const BOLD: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();
pub const RED: Style = AnsiColor::Red.on_default().bold();
pub const YELLOW: Style = AnsiColor::Yellow.on_default().bold();
pub const GREEN: Style = AnsiColor::Green.on_default();
pub const CYAN: Style = AnsiColor::Cyan.on_default();

#[derive(Debug, Clone)]
pub struct Printer {
    pub format: OutputFormat,
    quiet: bool,
    verbose: u8,
    progress: bool,
}

impl Printer {
    pub fn new(global: &GlobalArgs) -> Self {
        let choice = match global.color {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        };
        // NO_COLOR and "is this a terminal" are honoured by anstream for Auto.
        choice.write_global();
        let json = global.format == OutputFormat::Json;
        Printer {
            format: global.format,
            quiet: global.quiet,
            verbose: global.verbose,
            progress: !global.quiet
                && !global.no_progress
                && !json
                && std::io::stderr().is_terminal(),
        }
    }

    /// A printer for tests and library callers: text, no colour, no progress.
    pub fn plain() -> Self {
        Printer {
            format: OutputFormat::Text,
            quiet: false,
            verbose: 0,
            progress: false,
        }
    }

    pub fn is_json(&self) -> bool {
        self.format == OutputFormat::Json
    }

    pub fn is_quiet(&self) -> bool {
        self.quiet
    }

    /// Progress bars and spinners: only on a terminal, never with -q,
    /// --no-progress or --format json.
    pub fn show_progress(&self) -> bool {
        self.progress
    }

    /// Writes data to stdout. Errors (a closed pipe above all) are returned so
    /// that `main` can exit quietly instead of panicking like `println!`.
    pub fn data(&self, text: &str) -> std::io::Result<()> {
        let mut out = anstream::stdout().lock();
        out.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            out.write_all(b"\n")?;
        }
        out.flush()
    }

    /// Writes one JSON document to stdout.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> std::io::Result<()> {
        let mut text = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
        text.push('\n');
        self.data(&text)
    }

    /// A message for people (stderr), hidden by -q.
    pub fn info(&self, message: impl AsRef<str>) {
        if !self.quiet {
            let _ = writeln!(anstream::stderr(), "{}", message.as_ref());
        }
    }

    /// A message shown only with -v.
    pub fn verbose(&self, message: impl AsRef<str>) {
        if self.verbose > 0 && !self.quiet {
            let _ = writeln!(anstream::stderr(), "{DIM}{}{DIM:#}", message.as_ref());
        }
    }

    /// A warning (stderr). Warnings survive -q: they tell of something the
    /// user may need to act on.
    pub fn warn(&self, message: impl AsRef<str>) {
        let _ = writeln!(
            anstream::stderr(),
            "{YELLOW}warning{YELLOW:#}: {}",
            message.as_ref()
        );
    }

    /// Reports a failed command: the chain on stderr, and with
    /// `--format json` also a JSON object on stdout with a stable code.
    pub fn report_error(&self, err: &anyhow::Error) {
        let mut stderr = anstream::stderr().lock();
        let mut chain = err.chain();
        if let Some(first) = chain.next() {
            let _ = writeln!(stderr, "{RED}error{RED:#}: {first}");
        }
        for cause in chain {
            let _ = writeln!(stderr, "  {BOLD}caused by{BOLD:#}: {cause}");
        }
        let hint = hint_of(err);
        if let Some(hint) = hint {
            let _ = writeln!(stderr, "\n{CYAN}hint{CYAN:#}: {hint}");
        }
        if self.is_json() {
            let causes: Vec<String> = err.chain().skip(1).map(|c| c.to_string()).collect();
            let body = serde_json::json!({
                "error": {
                    "message": err.to_string(),
                    "code": code_of(err),
                    "causes": causes,
                    "hint": hint,
                }
            });
            let _ = self.json(&body);
        }
    }
}
