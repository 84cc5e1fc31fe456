//! Error kinds that callers must tell apart: the stable codes that scripts
//! (and the index's API) see, and the exit status each one maps to.

use std::fmt;

use serde::Serialize;

/// Stable, machine-readable error codes. Shared by the client's `--format json`
/// errors and the index service's API errors, so a script sees one vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    NotFound,
    Ambiguous,
    Unauthorized,
    Forbidden,
    Invalid,
    Conflict,
    TooLarge,
    IncompatibleChange,
    Network,
    Failed,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "not-found",
            ErrorCode::Ambiguous => "ambiguous",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::Invalid => "invalid",
            ErrorCode::Conflict => "conflict",
            ErrorCode::TooLarge => "too-large",
            ErrorCode::IncompatibleChange => "incompatible-change",
            ErrorCode::Network => "network",
            ErrorCode::Failed => "failed",
        }
    }

    /// Invalid input is a usage problem (exit 2); everything else is an
    /// operation that failed (exit 1).
    pub fn exit_status(self) -> ExitStatus {
        match self {
            ErrorCode::Invalid => ExitStatus::Usage,
            _ => ExitStatus::Failure,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The documented exit statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: success (warnings may have been printed).
    Success = 0,
    /// 1: the operation failed: not found, refused, network, conflict, or
    /// `iface check` found errors.
    Failure = 1,
    /// 2: bad usage or invalid input (an invalid URI, a malformed file).
    Usage = 2,
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(status: ExitStatus) -> Self {
        std::process::ExitCode::from(status as u8)
    }
}

/// An error with a stable code and an optional hint for the next step.
/// Put it anywhere in an `anyhow` chain; `main` finds it and uses its code,
/// so context added on top never changes the exit status.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct CodedError {
    pub code: ErrorCode,
    pub message: String,
    pub hint: Option<String>,
}

impl CodedError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        CodedError {
            code,
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// Shorthand for an `anyhow::Error` carrying a code.
pub fn coded(code: ErrorCode, message: impl Into<String>) -> anyhow::Error {
    CodedError::new(code, message).into()
}

/// The code of the first coded error in the chain; URI errors count as
/// invalid input. Anything else is a plain failure.
pub fn code_of(err: &anyhow::Error) -> ErrorCode {
    for cause in err.chain() {
        if let Some(coded) = cause.downcast_ref::<CodedError>() {
            return coded.code;
        }
        if cause.downcast_ref::<crate::uri::UriError>().is_some() {
            return ErrorCode::Invalid;
        }
    }
    ErrorCode::Failed
}

/// The hint of the first coded error in the chain that has one.
pub fn hint_of(err: &anyhow::Error) -> Option<&str> {
    err.chain()
        .filter_map(|cause| cause.downcast_ref::<CodedError>())
        .find_map(|coded| coded.hint.as_deref())
}

/// True when the failure is only a closed stdout (`iface list | head`),
/// which is not an error worth reporting.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
