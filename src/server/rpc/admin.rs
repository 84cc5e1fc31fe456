//! The `Admin` facade: who is on this connection.
//!
//! Reads are anonymous. `Login` binds a token's user to the connection for
//! its lifetime, checked exactly as REST checks a bearer token (the same
//! code: an `Authorization` header is built and handed to it), so methods
//! that need a user have one to ask for.

use std::sync::Arc;

use axum::http::{HeaderMap, HeaderValue, header};

use super::params::LoginArgs;
use super::{Connection, Facade, RpcError};
use crate::error::ErrorCode;
use crate::server::auth::{self, Caller, Principal};
use crate::server::v1::access;
use crate::wire;

/// `Admin` version 1.
pub fn v1() -> Facade {
    Facade::new()
        .method("Login", |conn: Arc<Connection>, _: String, args| {
            login(conn, args)
        })
        .method(
            "WhoAmI",
            |conn: Arc<Connection>, _: String, _: super::params::Empty| async move {
                match conn.principal() {
                    Some(principal) => who(principal).await,
                    None => Err(RpcError::coded(
                        ErrorCode::Unauthorized,
                        "this connection has not logged in; call Admin.Login with a token",
                    )),
                }
            },
        )
}

async fn login(conn: Arc<Connection>, args: LoginArgs) -> Result<wire::WhoAmI, RpcError> {
    let mut headers = HeaderMap::new();
    let value = HeaderValue::from_str(&format!("Bearer {}", args.token.trim())).map_err(|_| {
        RpcError::coded(
            ErrorCode::Unauthorized,
            "the token is not valid: it has characters no token has",
        )
    })?;
    headers.insert(header::AUTHORIZATION, value);
    let principal = auth::authenticate(&conn.state, &headers).await?;
    conn.set_principal(principal.clone());
    who(principal).await
}

/// What `GET /v1/whoami` answers for `principal`.
async fn who(principal: Principal) -> Result<wire::WhoAmI, RpcError> {
    super::interfaces::document(access::whoami(Caller(principal)).await).await
}
