//! The user's configuration directory (`~/.config/iface` on Linux, from
//! `directories`):
//!
//! - `config.yaml`: settings a user keeps between runs (indexes, timeouts);
//! - `credentials.json`: the tokens saved by `iface login`, one per index,
//!   mode 0600.
//!
//! Tokens are kept per index on purpose: a token is only ever sent to the
//! index it was issued by, never to whichever index happens to come first.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

use crate::env_vars;
use crate::error::{CodedError, ErrorCode, coded};

/// The settings file inside the config directory.
pub const CONFIG_FILE: &str = "config.yaml";
/// The token file inside the config directory.
pub const CREDENTIALS_FILE: &str = "credentials.json";

/// How long to wait for a connection when nothing says otherwise.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one request may take, body included, when nothing says otherwise.
/// Archives are at most 10 MiB, so a minute is generous on any link.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Retries after the first attempt, for idempotent requests.
pub const DEFAULT_RETRIES: u32 = 2;

/// The config directory, or an error saying why there is none.
pub fn config_dir() -> anyhow::Result<PathBuf> {
    directories::ProjectDirs::from("", "", "iface")
        .map(|dirs| dirs.config_dir().to_path_buf())
        .ok_or_else(|| {
            coded(
                ErrorCode::Failed,
                "cannot find the user config directory: HOME is not set",
            )
        })
}

/// `config.yaml`. Every key is optional:
///
/// ```yaml
/// indexes:                 # tried after --index and IFACE_INDEX
///   - https://interfaces.example.com
///   - /srv/iface-mirror
/// timeout: 60              # seconds for one request, body included
/// connect-timeout: 10      # seconds to connect
/// retries: 2               # retries of idempotent requests
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub indexes: Vec<String>,
    pub timeout: Option<f64>,
    pub connect_timeout: Option<f64>,
    pub retries: Option<u32>,
    /// Where it was read from, for messages.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

impl Config {
    /// Reads `config.yaml` from the config directory; a missing file (or no
    /// config directory at all) is an empty config.
    pub fn load() -> anyhow::Result<Config> {
        match config_dir() {
            Ok(dir) => Config::load_from(&dir.join(CONFIG_FILE)),
            Err(_) => Ok(Config::default()),
        }
    }

    pub fn load_from(path: &Path) -> anyhow::Result<Config> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(err) => {
                return Err(err).with_context(|| format!("could not read {}", path.display()));
            }
        };
        let mut config: Config = if text.trim().is_empty() {
            Config::default()
        } else {
            serde_saphyr::from_str(&text).map_err(|err| {
                CodedError::new(
                    ErrorCode::Invalid,
                    format!("{} is not a valid iface config: {err}", path.display()),
                )
                .hint("the keys are `indexes` (a list), `timeout`, `connect-timeout` and `retries`")
            })?
        };
        for (key, value) in [
            ("timeout", config.timeout),
            ("connect-timeout", config.connect_timeout),
        ] {
            if let Some(secs) = value {
                seconds(secs).map_err(|reason| {
                    coded(
                        ErrorCode::Invalid,
                        format!("{}: `{key}` {reason}", path.display()),
                    )
                })?;
            }
        }
        config.path = Some(path.to_path_buf());
        Ok(config)
    }
}

/// A positive, finite number of seconds as a duration.
pub fn seconds(secs: f64) -> Result<Duration, String> {
    if secs.is_finite() && secs > 0.0 && secs <= 86_400.0 {
        Ok(Duration::from_secs_f64(secs))
    } else {
        Err(format!(
            "must be a number of seconds above 0 and at most a day, not {secs}"
        ))
    }
}

/// Parses `--timeout`-style flags for clap.
pub fn parse_seconds(text: &str) -> Result<f64, String> {
    let secs: f64 = text
        .trim()
        .trim_end_matches('s')
        .parse()
        .map_err(|_| format!("`{text}` is not a number of seconds"))?;
    seconds(secs).map(|_| secs)
}

/// Where a token came from, so messages can say which one was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenSource {
    Env,
    File(PathBuf),
}

impl std::fmt::Display for TokenSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TokenSource::Env => write!(f, "{}", env_vars::IFACE_TOKEN),
            TokenSource::File(path) => write!(f, "`iface login` ({})", path.display()),
        }
    }
}

/// `credentials.json`: `{"tokens": {"<index url>": "<token>"}}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Credentials {
    #[serde(default)]
    pub tokens: BTreeMap<String, String>,
}

impl Credentials {
    pub fn path() -> anyhow::Result<PathBuf> {
        Ok(config_dir()?.join(CREDENTIALS_FILE))
    }

    pub fn load_from(path: &Path) -> anyhow::Result<Credentials> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|err| {
                CodedError::new(
                    ErrorCode::Failed,
                    format!("{} is not a valid credentials file: {err}", path.display()),
                )
                .hint("delete it and run `iface login` again")
                .into()
            }),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Credentials::default()),
            Err(err) => Err(err).with_context(|| format!("could not read {}", path.display())),
        }
    }

    /// Writes the file with mode 0600 (through a temporary file, which
    /// `tempfile` creates 0600, renamed into place), in a 0700 directory.
    pub fn save_to(&self, path: &Path) -> anyhow::Result<()> {
        let dir = path
            .parent()
            .context("the credentials file has no parent directory")?;
        create_private_dir(dir)?;
        let mut file = tempfile::Builder::new()
            .prefix(".credentials-")
            .tempfile_in(dir)
            .with_context(|| format!("could not create a file in {}", dir.display()))?;
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        file.write_all(text.as_bytes())
            .and_then(|()| file.as_file().sync_all())
            .with_context(|| format!("could not write {}", path.display()))?;
        set_private(file.path())?;
        file.persist(path)
            .with_context(|| format!("could not write {}", path.display()))?;
        Ok(())
    }
}

fn create_private_dir(dir: &Path) -> anyhow::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .with_context(|| format!("could not create {}", dir.display()))
}

fn set_private(path: &Path) -> anyhow::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .with_context(|| format!("could not make {} private", path.display()))?;
    }
    let _ = path;
    Ok(())
}

/// The token to send to `index`: `IFACE_TOKEN` first (for CI), then the one
/// `iface login` saved for that index.
pub fn token_for(index: &str) -> anyhow::Result<Option<(String, TokenSource)>> {
    if let Some(token) = std::env::var_os(env_vars::IFACE_TOKEN) {
        let token = token.into_string().map_err(|_| {
            coded(
                ErrorCode::Invalid,
                format!("{} is not valid UTF-8", env_vars::IFACE_TOKEN),
            )
        })?;
        let token = token.trim();
        if !token.is_empty() {
            return Ok(Some((token.to_owned(), TokenSource::Env)));
        }
    }
    let Ok(path) = Credentials::path() else {
        return Ok(None);
    };
    let credentials = Credentials::load_from(&path)?;
    Ok(credentials
        .tokens
        .get(index)
        .map(|token| (token.clone(), TokenSource::File(path))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_reads_every_key_and_refuses_unknown_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG_FILE);
        std::fs::write(
            &path,
            "indexes: [http://a.example, /srv/mirror]\ntimeout: 5\nconnect-timeout: 0.5\nretries: 0\n",
        )
        .unwrap();
        let config = Config::load_from(&path).unwrap();
        assert_eq!(config.indexes, ["http://a.example", "/srv/mirror"]);
        assert_eq!(config.timeout, Some(5.0));
        assert_eq!(config.connect_timeout, Some(0.5));
        assert_eq!(config.retries, Some(0));

        std::fs::write(&path, "index: http://a.example\n").unwrap();
        let err = Config::load_from(&path).unwrap_err().to_string();
        assert!(err.contains("index"), "{err}");

        std::fs::write(&path, "timeout: -1\n").unwrap();
        let err = Config::load_from(&path).unwrap_err().to_string();
        assert!(err.contains("timeout"), "{err}");

        assert!(
            Config::load_from(&dir.path().join("missing.yaml"))
                .unwrap()
                .indexes
                .is_empty()
        );
    }

    #[test]
    fn seconds_flags_parse() {
        assert_eq!(parse_seconds("2").unwrap(), 2.0);
        assert_eq!(parse_seconds("0.25s").unwrap(), 0.25);
        assert!(parse_seconds("0").is_err());
        assert!(parse_seconds("soon").is_err());
        assert!(parse_seconds("NaN").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn credentials_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("iface").join(CREDENTIALS_FILE);
        let mut creds = Credentials::default();
        creds
            .tokens
            .insert("http://127.0.0.1:7415".into(), "iface_secret".into());
        creds.save_to(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let dir_mode = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(dir_mode, 0o700);
        let back = Credentials::load_from(&path).unwrap();
        assert_eq!(back.tokens["http://127.0.0.1:7415"], "iface_secret");
    }
}
