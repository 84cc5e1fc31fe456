//! TLS for the PostgreSQL store, with libpq's meanings of `sslmode` and
//! `sslrootcert`, through rustls (never OpenSSL).
//!
//! The driver itself knows only `disable`, `prefer` and `require`, and
//! nothing of certificates. So the URL's `sslmode` and `sslrootcert` are
//! read here and taken out of the URL before the driver sees it:
//!
//! | `sslmode` | encrypted | server certificate checked |
//! |---|---|---|
//! | `disable` | never | - |
//! | `prefer` (the default) | when the server offers it | no; against `sslrootcert` when one is given |
//! | `require` | always | no; against `sslrootcert` when one is given |
//! | `verify-ca` | always | chain, against the roots |
//! | `verify-full` | always | chain and host name, against the roots |
//!
//! The roots are `sslrootcert=PATH` (PEM), `sslrootcert=system` (the
//! system's store), or, as in libpq, `~/.postgresql/root.crt` when it exists.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, bail};
use percent_encoding::percent_decode_str;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore};
use tokio_postgres_rustls::MakeRustlsConnect;

/// `sslmode`, as libpq reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl SslMode {
    const ALL: [SslMode; 5] = [
        SslMode::Disable,
        SslMode::Prefer,
        SslMode::Require,
        SslMode::VerifyCa,
        SslMode::VerifyFull,
    ];

    /// The value as the URL writes it.
    pub fn name(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }

    fn parse(value: &str) -> anyhow::Result<SslMode> {
        match SslMode::ALL.into_iter().find(|mode| mode.name() == value) {
            Some(mode) => Ok(mode),
            None => bail!(
                "sslmode={value} is not one of disable, prefer, require, verify-ca, verify-full"
            ),
        }
    }

    /// What the driver is told: it only needs to know whether TLS is
    /// optional.
    pub fn driver(self) -> postgres::config::SslMode {
        match self {
            SslMode::Disable => postgres::config::SslMode::Disable,
            SslMode::Prefer => postgres::config::SslMode::Prefer,
            _ => postgres::config::SslMode::Require,
        }
    }
}

/// The TLS settings of a URL, and the URL without them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsOptions {
    /// The URL as the driver takes it: no `sslrootcert`, and `sslmode` left
    /// out (it is set on the driver's configuration from [`Self::mode`]).
    pub url: String,
    pub mode: SslMode,
    pub root_cert: Option<String>,
}

impl TlsOptions {
    /// Reads `sslmode` and `sslrootcert` from the query of a
    /// `postgres://` URL.
    pub fn from_url(url: &str) -> anyhow::Result<TlsOptions> {
        let (base, query) = match url.split_once('?') {
            Some((base, query)) => (base, query),
            None => (url, ""),
        };
        let mut mode = None;
        let mut root_cert = None;
        let mut kept = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let decoded = || {
                percent_decode_str(value)
                    .decode_utf8()
                    .map(|v| v.into_owned())
                    .with_context(|| format!("the value of {key} in the URL is not UTF-8"))
            };
            match key {
                "sslmode" => mode = Some(SslMode::parse(&decoded()?)?),
                "sslrootcert" => root_cert = Some(decoded()?),
                _ => kept.push(pair),
            }
        }
        let url = if kept.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        Ok(TlsOptions {
            url,
            mode: mode.unwrap_or(SslMode::Prefer),
            root_cert,
        })
    }

    /// The connector for these settings; `None` for `sslmode=disable`.
    pub fn connector(&self) -> anyhow::Result<Option<MakeRustlsConnect>> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let roots = match (self.mode, self.root_cert.as_deref()) {
            (SslMode::Disable, _) => return Ok(None),
            (_, Some("system")) => Some(system_roots()?),
            (_, Some(path)) => Some(file_roots(Path::new(path))?),
            (SslMode::VerifyCa | SslMode::VerifyFull, None) => match default_root_file() {
                Some(path) => Some(file_roots(&path)?),
                None => bail!(
                    "sslmode={} checks the server's certificate, so it needs the certificate \
                     authority: add sslrootcert=PATH (a PEM file) or sslrootcert=system to the \
                     URL",
                    self.mode.name()
                ),
            },
            (SslMode::Prefer | SslMode::Require, None) => None,
        };
        let builder = ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .context("the TLS library refused its own defaults")?;
        let config = match (self.mode, roots) {
            (SslMode::VerifyFull, Some(roots)) => builder.with_root_certificates(roots),
            (_, Some(roots)) => {
                let inner = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
                    .build()
                    .context("could not use the certificate authorities given")?;
                builder
                    .dangerous()
                    .with_custom_certificate_verifier(Arc::new(AnyName(inner)))
            }
            (_, None) => builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(Unchecked(provider))),
        };
        Ok(Some(MakeRustlsConnect::new(config.with_no_client_auth())))
    }
}

/// libpq's default root certificate file, when it exists.
fn default_root_file() -> Option<PathBuf> {
    let home = std::env::var_os("HOME")?;
    let path = Path::new(&home).join(".postgresql").join("root.crt");
    path.is_file().then_some(path)
}

fn file_roots(path: &Path) -> anyhow::Result<RootCertStore> {
    let mut roots = RootCertStore::empty();
    let certs = CertificateDer::pem_file_iter(path)
        .with_context(|| format!("could not read sslrootcert {}", path.display()))?;
    for cert in certs {
        let cert = cert.with_context(|| format!("sslrootcert {} is not PEM", path.display()))?;
        roots
            .add(cert)
            .with_context(|| format!("sslrootcert {} holds a bad certificate", path.display()))?;
    }
    if roots.is_empty() {
        bail!("sslrootcert {} holds no certificate", path.display());
    }
    Ok(roots)
}

fn system_roots() -> anyhow::Result<RootCertStore> {
    let found = rustls_native_certs::load_native_certs();
    let mut roots = RootCertStore::empty();
    let (added, _) = roots.add_parsable_certificates(found.certs);
    if added == 0 {
        bail!(
            "sslrootcert=system, but no certificate authorities were found on this system{}",
            found
                .errors
                .first()
                .map(|e| format!(" ({e})"))
                .unwrap_or_default()
        );
    }
    Ok(roots)
}

/// Encrypts without checking who answers: libpq's `prefer` and `require`
/// without a root certificate. It still checks the handshake's signatures,
/// so the session is bound to the certificate the server showed.
#[derive(Debug)]
struct Unchecked(Arc<CryptoProvider>);

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// Checks the chain against the roots but not the host name: libpq's
/// `verify-ca`, and `require` with a root certificate.
#[derive(Debug)]
struct AnyName(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls_settings_leave_the_url() {
        let options = TlsOptions::from_url(
            "postgres://u:pw@db:5432/iface?sslmode=verify-full&connect_timeout=5&sslrootcert=%2Fetc%2Fca.pem",
        )
        .unwrap();
        assert_eq!(
            options,
            TlsOptions {
                url: "postgres://u:pw@db:5432/iface?connect_timeout=5".into(),
                mode: SslMode::VerifyFull,
                root_cert: Some("/etc/ca.pem".into()),
            }
        );
        let plain = TlsOptions::from_url("postgres://db/iface").unwrap();
        assert_eq!(
            (plain.url.as_str(), plain.mode, plain.root_cert),
            ("postgres://db/iface", SslMode::Prefer, None)
        );
        let message = TlsOptions::from_url("postgres://db/iface?sslmode=allow")
            .unwrap_err()
            .to_string();
        assert!(message.contains("sslmode=allow is not one of"), "{message}");
    }

    #[test]
    fn checking_a_certificate_needs_a_root() {
        let options = TlsOptions {
            url: String::new(),
            mode: SslMode::VerifyFull,
            root_cert: Some("/nonexistent/ca.pem".into()),
        };
        let Err(err) = options.connector() else {
            panic!("a missing root certificate file was accepted");
        };
        let message = format!("{err:#}");
        assert!(
            message.contains("could not read sslrootcert /nonexistent/ca.pem"),
            "{message}"
        );
        let disabled = TlsOptions {
            mode: SslMode::Disable,
            ..options
        };
        assert!(disabled.connector().unwrap().is_none());
    }
}
