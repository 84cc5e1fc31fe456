//! The client as other commands use it: `compose` (through its
//! [`compose::Source`] trait) and `diff` (which fetches a revision into a
//! scratch directory). Both go through the same session, indexes and
//! verified cache as `iface fetch`.

use std::path::Path;

use anyhow::Context as _;

use super::{Index, Resolved, Session, clean};
use crate::archive;
use crate::cache::Lookup;
use crate::commands::Context;
use crate::compose;
use crate::error::{CodedError, ErrorCode, code_of};
use crate::server::v1::archive_url;
use crate::uri::InterfaceUri;
use crate::wire;

/// The indexes and cache of this invocation as a [`compose::Source`], for
/// `iface compose` and the compatibility check of `iface publish`.
pub fn interface_source(ctx: &Context) -> anyhow::Result<Box<dyn compose::Source>> {
    Ok(Box::new(SessionSource {
        session: ctx.session()?,
    }))
}

/// Resolves `uri`, fetches it through the cache and unpacks it into
/// `target` (which must not exist). Answers the canonical URI.
pub fn fetch_into(ctx: &Context, uri: &InterfaceUri, target: &Path) -> anyhow::Result<String> {
    let session = ctx.session()?;
    let resolved = session.resolve_all(std::slice::from_ref(uri))?;
    let fetched = session.archives(&resolved)?;
    let (item, archive_bytes) = (&resolved[0], &fetched[0]);
    archive::unpack(&archive_bytes.bytes, target)
        .with_context(|| format!("could not unpack {} into {}", item.uri(), target.display()))?;
    Ok(item.uri().to_string())
}

struct SessionSource {
    session: Session,
}

fn to_compose(resolved: &Resolved) -> compose::Resolved {
    to_compose_revision(&resolved.revision, &resolved.index_name)
}

fn to_compose_revision(revision: &wire::Revision, index: &str) -> compose::Resolved {
    compose::Resolved {
        uri: InterfaceUri {
            owner: Some(revision.owner.clone()),
            name: revision.name.clone(),
            revision: Some(revision.revision),
        },
        version: revision.version.unwrap_or(1),
        digest: revision.digest.clone(),
        index: index.to_owned(),
    }
}

impl compose::Source for SessionSource {
    fn resolve(
        &self,
        uris: &[InterfaceUri],
    ) -> anyhow::Result<Vec<anyhow::Result<compose::Resolved>>> {
        Ok(self
            .session
            .resolve(uris)?
            .into_iter()
            .map(|result| match result {
                Ok(resolved) => Ok(to_compose(&resolved)),
                Err(unresolved) => Err(unresolved.into_error()),
            })
            .collect())
    }

    /// Every revision, newest first, from the first index that has the
    /// interface.
    fn revisions(&self, owner: &str, name: &str) -> anyhow::Result<Vec<compose::Resolved>> {
        let session = &self.session;
        let target = format!("interface:~{owner}/{name}");
        let mut reasons = Vec::new();
        for pos in 0..session.indexes().len() {
            let index_name = session.indexes()[pos].name();
            let result: anyhow::Result<Vec<wire::Revision>> = match &*session.index(pos)? {
                Index::Local(local) => local.revisions(owner, name),
                Index::Http(http) => {
                    if session.offline {
                        return Err(CodedError::new(
                            ErrorCode::Network,
                            format!(
                                "listing the revisions of {target} needs the network, and \
                                 --offline was given"
                            ),
                        )
                        .hint("run it without --offline")
                        .into());
                    }
                    session
                        .block_on(http.get::<wire::Revisions>(
                            &format!("/v1/interfaces/~{owner}/{name}/revisions"),
                            &[],
                            None,
                        ))
                        .map(|r| r.revisions)
                }
            };
            match result {
                Ok(revisions) => {
                    return revisions
                        .iter()
                        .map(|r| {
                            if r.owner != owner
                                || r.name != name
                                || !crate::cache::is_digest(&r.digest)
                            {
                                return Err(CodedError::new(
                                    ErrorCode::Failed,
                                    format!(
                                        "the index at {index_name} listed {} among the revisions \
                                         of {target}",
                                        clean(&r.uri)
                                    ),
                                )
                                .into());
                            }
                            Ok(to_compose_revision(r, &index_name))
                        })
                        .collect();
                }
                Err(err) if code_of(&err) == ErrorCode::NotFound => reasons.push(format!("{err}")),
                Err(err) => {
                    return Err(err.context(format!("could not list the revisions of {target}")));
                }
            }
        }
        Err(CodedError::new(
            ErrorCode::NotFound,
            format!("no index has {target}: {}", reasons.join("; ")),
        )
        .into())
    }

    fn archives(&self, items: &[compose::Resolved]) -> anyhow::Result<Vec<Vec<u8>>> {
        let session = &self.session;
        // Items name their index (from a lock file, perhaps written with
        // other indexes configured). One that is not in use can still be
        // answered by the cache.
        let mut out: Vec<Option<Vec<u8>>> = vec![None; items.len()];
        let mut wanted: Vec<(usize, Resolved)> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let position = session
                .indexes()
                .iter()
                .position(|entry| entry.name() == item.index);
            let Some(pos) = position else {
                match session.cache.get(&item.digest)? {
                    Lookup::Hit(bytes) => {
                        out[i] = Some(bytes);
                        continue;
                    }
                    _ => {
                        return Err(CodedError::new(
                            ErrorCode::NotFound,
                            format!(
                                "{} came from the index at {}, which is not among the indexes \
                                 in use, and the cache does not hold it",
                                item.uri, item.index
                            ),
                        )
                        .hint(format!("add it with --index {}", item.index))
                        .into());
                    }
                }
            };
            let (Some(owner), Some(revision)) = (&item.uri.owner, item.uri.revision) else {
                return Err(CodedError::new(
                    ErrorCode::Invalid,
                    format!("{} is not a canonical URI (owner and revision)", item.uri),
                )
                .into());
            };
            wanted.push((
                i,
                Resolved {
                    query: item.uri.clone(),
                    revision: wire::Revision {
                        uri: item.uri.to_string(),
                        owner: owner.clone(),
                        name: item.uri.name.clone(),
                        revision,
                        digest: item.digest.clone(),
                        size: 0,
                        version: Some(item.version),
                        roles: Vec::new(),
                        publisher: String::new(),
                        published_at: String::new(),
                        archive_url: archive_url(owner, &item.uri.name, revision),
                        manifest: None,
                        readme: None,
                    },
                    index: pos,
                    index_name: item.index.clone(),
                    from_cache: false,
                },
            ));
        }
        let resolved: Vec<Resolved> = wanted.iter().map(|(_, r)| r.clone()).collect();
        let fetched = session.archives(&resolved)?;
        for ((i, _), fetched) in wanted.iter().zip(fetched) {
            out[*i] = Some(fetched.bytes);
        }
        Ok(out
            .into_iter()
            .map(|b| b.expect("every item fetched"))
            .collect())
    }
}
