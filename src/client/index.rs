//! Which indexes to ask, in which order, and what each one is: an index
//! service over HTTP(S), or an index directory read in place.

use std::fmt;
use std::path::PathBuf;

use reqwest::Url;

use crate::config::Config;
use crate::env_vars;
use crate::error::{CodedError, ErrorCode};

/// Where `iface serve` listens by default, and so the index used when none
/// is configured.
pub const DEFAULT_INDEX: &str = "http://127.0.0.1:7415";

/// One index as the user named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexSpec {
    /// An index service; the base URL without a trailing `/`.
    Http(String),
    /// An index directory (the data directory of `iface serve`), read
    /// directly through the store code.
    Local(PathBuf),
}

/// Where an index in the list came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Flag,
    Env,
    Config(PathBuf),
    Default,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Flag => f.write_str("--index"),
            Origin::Env => f.write_str(env_vars::IFACE_INDEX),
            Origin::Config(path) => write!(f, "{}", path.display()),
            Origin::Default => f.write_str("the default"),
        }
    }
}

impl IndexSpec {
    /// Parses an http(s) URL, a `file://` URL, or a path.
    pub fn parse(text: &str) -> anyhow::Result<IndexSpec> {
        let text = text.trim();
        let invalid = |reason: String| -> anyhow::Error {
            CodedError::new(
                ErrorCode::Invalid,
                format!("invalid index {text:?}: {reason}"),
            )
            .hint("an index is an http(s) URL, a file:// URL or a directory path")
            .into()
        };
        if text.is_empty() {
            return Err(invalid("it is empty".into()));
        }
        let scheme = text
            .split_once("://")
            .map(|(scheme, _)| scheme.to_ascii_lowercase());
        match scheme.as_deref() {
            Some("http" | "https") => {
                let url = Url::parse(text).map_err(|err| invalid(err.to_string()))?;
                if url.host_str().is_none_or(str::is_empty) {
                    return Err(invalid("the URL has no host".into()));
                }
                if url.query().is_some() || url.fragment().is_some() {
                    return Err(invalid("an index URL has no query or fragment".into()));
                }
                if !url.username().is_empty() || url.password().is_some() {
                    return Err(invalid(
                        "put credentials in `iface login` or IFACE_TOKEN, not in the URL".into(),
                    ));
                }
                Ok(IndexSpec::Http(
                    url.as_str().trim_end_matches('/').to_owned(),
                ))
            }
            Some("file") => {
                let url = Url::parse(text).map_err(|err| invalid(err.to_string()))?;
                let path = url
                    .to_file_path()
                    .map_err(|()| invalid("not a local file URL".into()))?;
                Ok(IndexSpec::Local(path))
            }
            Some(other) => Err(invalid(format!(
                "`{other}://` is not supported; use http://, https://, file:// or a path"
            ))),
            None => {
                let path = std::path::absolute(text)
                    .map_err(|err| invalid(format!("not a usable path: {err}")))?;
                Ok(IndexSpec::Local(path))
            }
        }
    }

    /// How the index is named in output and in the credentials file.
    pub fn name(&self) -> String {
        match self {
            IndexSpec::Http(url) => url.clone(),
            IndexSpec::Local(path) => path.display().to_string(),
        }
    }
}

/// The indexes to try, in order: each `--index`, then `IFACE_INDEX`
/// (comma-separated), then `indexes:` in the config file. The default
/// (`http://127.0.0.1:7415`, where `iface serve` listens) is used only when
/// none of those names an index: appending it to an explicit list would make
/// a pipeline that chose its indexes on purpose also ask a local server.
/// An index named twice is asked once, at its first place.
pub fn index_order(
    flags: &[String],
    env: Option<&str>,
    config: &Config,
) -> anyhow::Result<Vec<(IndexSpec, Origin)>> {
    let mut order: Vec<(IndexSpec, Origin)> = Vec::new();
    let mut push = |text: &str, origin: Origin| -> anyhow::Result<()> {
        let spec = IndexSpec::parse(text).map_err(|err| err.context(format!("in {origin}")))?;
        if !order.iter().any(|(seen, _)| *seen == spec) {
            order.push((spec, origin));
        }
        Ok(())
    };
    for flag in flags {
        push(flag, Origin::Flag)?;
    }
    for part in env.unwrap_or_default().split(',') {
        if !part.trim().is_empty() {
            push(part, Origin::Env)?;
        }
    }
    let config_origin = Origin::Config(config.path.clone().unwrap_or_default());
    for entry in &config.indexes {
        push(entry, config_origin.clone())?;
    }
    if order.is_empty() {
        order.push((IndexSpec::Http(DEFAULT_INDEX.to_owned()), Origin::Default));
    }
    Ok(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse() {
        assert_eq!(
            IndexSpec::parse("http://127.0.0.1:7415/").unwrap(),
            IndexSpec::Http("http://127.0.0.1:7415".into())
        );
        assert_eq!(
            IndexSpec::parse("HTTPS://Example.COM/iface/").unwrap(),
            IndexSpec::Http("https://example.com/iface".into())
        );
        assert_eq!(
            IndexSpec::parse("file:///srv/mirror").unwrap(),
            IndexSpec::Local("/srv/mirror".into())
        );
        assert_eq!(
            IndexSpec::parse("/srv/mirror").unwrap(),
            IndexSpec::Local("/srv/mirror".into())
        );
        for bad in ["", "ftp://x", "http://", "http://u:p@host", "http://h/?q=1"] {
            let err = IndexSpec::parse(bad).unwrap_err();
            assert_eq!(crate::error::code_of(&err), ErrorCode::Invalid, "{bad}");
        }
    }

    #[test]
    fn order_is_flags_env_config_and_default_only_alone() {
        let config = Config {
            indexes: vec!["http://c.example".into(), "http://a.example".into()],
            ..Config::default()
        };
        let order = index_order(
            &["http://a.example".into()],
            Some("http://b.example, ,/srv/m"),
            &config,
        )
        .unwrap();
        let names: Vec<String> = order.iter().map(|(s, _)| s.name()).collect();
        assert_eq!(
            names,
            [
                "http://a.example",
                "http://b.example",
                "/srv/m",
                "http://c.example"
            ]
        );
        assert_eq!(order[1].1, Origin::Env);

        let order = index_order(&[], None, &Config::default()).unwrap();
        assert_eq!(
            order,
            [(IndexSpec::Http(DEFAULT_INDEX.into()), Origin::Default)]
        );
    }
}
