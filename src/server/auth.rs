//! Bearer-token authentication and the authorization rules.
//!
//! Two kinds of token: the admin token, configured at start and compared in
//! constant time, and user tokens, minted by the index, of which only the
//! SHA-256 is stored. A user token is found by its hash, so the secret never
//! reaches the database and a leaked database leaks no usable token.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::AppState;
use super::error::ApiError;
use crate::store::Store;

/// Prefix of every token the index mints, so that a leaked one is easy to
/// recognise (secret scanners, logs) and to tell apart from other secrets.
pub const TOKEN_PREFIX: &str = "iface_";

/// Who is calling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Admin,
    User(String),
}

impl Principal {
    /// How the caller is named in messages and as a publisher.
    pub fn name(&self) -> &str {
        match self {
            Principal::Admin => "admin",
            Principal::User(name) => name,
        }
    }

    pub fn is_admin(&self) -> bool {
        matches!(self, Principal::Admin)
    }

    /// True for the admin, and for the user `user`.
    pub fn is_or_admin(&self, user: &str) -> bool {
        match self {
            Principal::Admin => true,
            Principal::User(name) => name == user,
        }
    }

    fn described(&self) -> String {
        match self {
            Principal::Admin => "the admin".to_owned(),
            Principal::User(name) => format!("~{name}"),
        }
    }
}

/// The configured admin token, kept only as its SHA-256 so that comparing
/// is constant-time over equal-length values whatever was sent.
#[derive(Clone)]
pub struct AdminToken([u8; 32]);

impl AdminToken {
    pub fn new(token: &str) -> Self {
        AdminToken(Sha256::digest(token.as_bytes()).into())
    }

    fn matches(&self, presented: &str) -> bool {
        let presented: [u8; 32] = Sha256::digest(presented.as_bytes()).into();
        self.0.ct_eq(&presented).into()
    }
}

impl std::fmt::Debug for AdminToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AdminToken(..)")
    }
}

/// A new user token: `iface_` and 256 random bits in hex.
pub fn mint_token() -> String {
    let secret: [u8; 32] = rand::random();
    format!("{TOKEN_PREFIX}{}", hex::encode(secret))
}

/// What the store keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// An authenticated caller. Extracting it answers 401 when the request has
/// no token or a token the index does not know.
#[derive(Debug, Clone)]
pub struct Caller(pub Principal);

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        authenticate(state, &parts.headers).await.map(Caller)
    }
}

/// Who the request's bearer token belongs to; 401 without a known token.
pub async fn authenticate(state: &AppState, headers: &HeaderMap) -> Result<Principal, ApiError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Err(ApiError::unauthorized(
            "this needs a token: send `Authorization: Bearer TOKEN` \
             (`iface login`, or IFACE_TOKEN)",
        ));
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .filter(|token| !token.is_empty())
        .ok_or_else(|| ApiError::unauthorized("the Authorization header must be `Bearer TOKEN`"))?;
    if let Some(admin) = &state.admin
        && admin.matches(token)
    {
        return Ok(Principal::Admin);
    }
    let hash = token_hash(token);
    let found = state
        .blocking(move |store: &dyn Store| Ok(store.authenticate(&hash)?))
        .await?;
    match found {
        Some(record) => Ok(Principal::User(record.user)),
        None => Err(ApiError::unauthorized(
            "the token is not valid: it is unknown or was revoked",
        )),
    }
}

/// Only the admin may do `what`.
pub fn require_admin(caller: &Principal, what: &str) -> Result<(), ApiError> {
    if caller.is_admin() {
        Ok(())
    } else {
        Err(ApiError::forbidden(format!(
            "{what} needs the admin token; {} is not the admin",
            caller.described()
        )))
    }
}

/// Only `user` themself, or the admin, may do `what`.
pub fn require_self_or_admin(caller: &Principal, user: &str, what: &str) -> Result<(), ApiError> {
    if caller.is_or_admin(user) {
        Ok(())
    } else {
        Err(ApiError::forbidden(format!(
            "{what} needs to be ~{user} or the admin; you are {}",
            caller.described()
        )))
    }
}

/// Only the owner of `~owner/name`, or the admin, may do `what` (grant or
/// revoke maintainers: a maintainer may publish but not hand that on).
pub fn require_owner(
    caller: &Principal,
    owner: &str,
    name: &str,
    what: &str,
) -> Result<(), ApiError> {
    if caller.is_or_admin(owner) {
        Ok(())
    } else {
        Err(ApiError::forbidden(format!(
            "{what} on interface:~{owner}/{name} needs to be its owner ~{owner} or the admin; \
             you are {}",
            caller.described()
        )))
    }
}

/// Publishing into `~owner/name` needs to be the owner, a maintainer of that
/// interface, or the admin. Blocking: it may ask the store.
pub fn require_publisher(
    store: &dyn Store,
    caller: &Principal,
    owner: &str,
    name: &str,
) -> Result<(), ApiError> {
    if caller.is_or_admin(owner) {
        return Ok(());
    }
    if store.is_maintainer(owner, name, caller.name())? {
        return Ok(());
    }
    Err(ApiError::forbidden(format!(
        "publishing interface:~{owner}/{name} needs the right to publish it, which only its \
         owner ~{owner}, its maintainers and the admin have; you are {}",
        caller.described()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_token_matches_only_itself() {
        let admin = AdminToken::new("s3cret-admin");
        assert!(admin.matches("s3cret-admin"));
        assert!(!admin.matches("s3cret-admiN"));
        assert!(!admin.matches(""));
        assert!(!admin.matches("s3cret-admin "));
    }

    #[test]
    fn minted_tokens_differ_and_hash_stably() {
        let (a, b) = (mint_token(), mint_token());
        assert_ne!(a, b);
        assert!(a.starts_with(TOKEN_PREFIX) && a.len() == TOKEN_PREFIX.len() + 64);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert_ne!(token_hash(&a), token_hash(&b));
    }
}
