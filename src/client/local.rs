//! An index directory read in place, with no server: the data directory of
//! `iface serve`, copied to an air-gapped machine or shared as a mirror.
//!
//! It goes through the same [`Store`] code and the same document builders
//! as the server, so it answers exactly what `iface serve` on that directory
//! would. The client only reads it: publishing and access control belong to
//! the service, which applies the checks and the authorization rules.

use std::path::{Path, PathBuf};

use crate::error::{CodedError, ErrorCode, coded};
use crate::server::v1::{interface_doc, revision_doc, revision_doc_in_full, summary_doc};
use crate::store::{self, ListOrder, ListQuery, ResolveError, SearchQuery, SqliteStore, Store};
use crate::uri::InterfaceUri;
use crate::wire;

#[derive(Debug)]
pub struct LocalIndex {
    pub path: PathBuf,
    store: SqliteStore,
}

fn store_error(path: &Path, err: store::StoreError) -> anyhow::Error {
    let code = err.code();
    anyhow::Error::new(err).context(CodedError::new(
        code,
        format!("could not read the index at {}", path.display()),
    ))
}

impl LocalIndex {
    /// Opens an index directory; `origin` says where it was named (for
    /// messages: `--index`, `IFACE_INDEX`, the config file).
    pub fn open(path: &Path, origin: &str) -> anyhow::Result<LocalIndex> {
        if !path.is_dir() {
            return Err(CodedError::new(
                ErrorCode::Invalid,
                format!(
                    "the index directory {} (from {origin}) does not exist",
                    path.display()
                ),
            )
            .hint("a local index is the data directory of `iface serve --data DIR`")
            .into());
        }
        let store = SqliteStore::open_existing(path).map_err(|err| {
            err.context(
                CodedError::new(
                    ErrorCode::Invalid,
                    format!(
                        "could not open the index at {} (from {origin})",
                        path.display()
                    ),
                )
                .hint("a local index is the data directory of `iface serve --data DIR`"),
            )
        })?;
        Ok(LocalIndex {
            path: path.to_path_buf(),
            store,
        })
    }

    /// One result per URI, as `POST /v1/resolve` answers.
    pub fn resolve(&self, uris: &[String]) -> anyhow::Result<Vec<wire::ResolveResult>> {
        crate::server::v1::interfaces::resolve_queries(&self.store, uris.to_vec())
            .map_err(|err| store_error(&self.path, err))
    }

    pub fn list(
        &self,
        owner: Option<&str>,
        category: Option<&str>,
        limit: u32,
        offset: u64,
    ) -> anyhow::Result<wire::Interfaces> {
        let page = self
            .store
            .list(&ListQuery {
                owner: owner.map(str::to_owned),
                category: category.map(str::to_owned),
                order: ListOrder::Name,
                limit,
                offset,
            })
            .map_err(|err| store_error(&self.path, err))?;
        Ok(wire::Interfaces {
            interfaces: page.items.iter().map(summary_doc).collect(),
            total: page.total,
            offset,
            limit,
        })
    }

    pub fn search(&self, text: &str, limit: u32, offset: u64) -> anyhow::Result<wire::Interfaces> {
        let page = self
            .store
            .search(&SearchQuery {
                text: text.to_owned(),
                limit,
                offset,
            })
            .map_err(|err| store_error(&self.path, err))?;
        Ok(wire::Interfaces {
            interfaces: page.items.iter().map(summary_doc).collect(),
            total: page.total,
            offset,
            limit,
        })
    }

    /// An interface in full; a bare name goes through its promulgation.
    /// Not-found and ambiguous answers are coded like the server's.
    pub fn interface(&self, uri: &InterfaceUri) -> anyhow::Result<wire::Interface> {
        let owner = match store::resolve_owner(&self.store, uri) {
            Ok(owner) => owner,
            Err(ResolveError::Store(err)) => return Err(store_error(&self.path, err)),
            Err(err) => {
                let mut error = wire::Error::new(err.code(), err.to_string());
                error.candidates = err.candidates().to_vec();
                return Err(self.error(error));
            }
        };
        let missing = || {
            self.error(wire::Error::new(
                ErrorCode::NotFound,
                format!("no interface interface:~{owner}/{}", uri.name),
            ))
        };
        let record = self
            .store
            .interface(&owner, &uri.name)
            .map_err(|err| store_error(&self.path, err))?
            .ok_or_else(missing)?;
        let revisions = self
            .store
            .revisions(&owner, &uri.name)
            .map_err(|err| store_error(&self.path, err))?
            .ok_or_else(missing)?;
        let readme = match revisions.first() {
            Some(latest) => self
                .store
                .revision_content(&owner, &uri.name, latest.revision)
                .map_err(|err| store_error(&self.path, err))?
                .and_then(|content| content.readme),
            None => None,
        };
        Ok(interface_doc(&record, &revisions, readme))
    }

    /// Every revision of `~owner/name`, newest first, as the server lists them.
    pub fn revisions(&self, owner: &str, name: &str) -> anyhow::Result<Vec<wire::Revision>> {
        let records = self
            .store
            .revisions(owner, name)
            .map_err(|err| store_error(&self.path, err))?
            .ok_or_else(|| {
                self.error(wire::Error::new(
                    ErrorCode::NotFound,
                    format!("no interface interface:~{owner}/{name}"),
                ))
            })?;
        Ok(records.iter().map(revision_doc).collect())
    }

    /// One revision with its manifest and README, as
    /// `GET .../revisions/{revision}` answers.
    pub fn revision(&self, owner: &str, name: &str, number: u32) -> anyhow::Result<wire::Revision> {
        let uri = format!("interface:~{owner}/{name}-{number}");
        let record = self
            .store
            .revision(owner, name, Some(number))
            .map_err(|err| store_error(&self.path, err))?
            .ok_or_else(|| {
                self.error(wire::Error::new(ErrorCode::NotFound, format!("no {uri}")))
            })?;
        let content = self
            .store
            .revision_content(owner, name, number)
            .map_err(|err| store_error(&self.path, err))?;
        Ok(revision_doc_in_full(&record, content))
    }

    /// The archive with `digest`.
    pub fn archive(&self, digest: &str) -> anyhow::Result<Vec<u8>> {
        self.store
            .archive(digest)
            .map_err(|err| store_error(&self.path, err))?
            .ok_or_else(|| {
                coded(
                    ErrorCode::NotFound,
                    format!(
                        "the index at {} lists the archive sha256:{digest} but does not hold it",
                        self.path.display()
                    ),
                )
            })
    }

    /// An index answer as an error, worded like the server's.
    fn error(&self, error: wire::Error) -> anyhow::Error {
        let mut coded = CodedError::new(
            error.code,
            format!("the index at {}: {}", self.path.display(), error.message),
        );
        if !error.candidates.is_empty() {
            coded = coded.hint(format!("name one of: {}", error.candidates.join(", ")));
        }
        coded.into()
    }
}
