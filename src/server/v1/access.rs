//! Who may do what: users, tokens, per-interface maintainers, promulgation.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::{interface_uri, name_segment, owner_segment, token_doc, user_doc, user_segment};
use crate::server::AppState;
use crate::server::auth::{
    Caller, mint_token, require_admin, require_owner, require_self_or_admin, token_hash,
};
use crate::server::error::{ApiError, Json, Path};
use crate::server::http::json_document;
use crate::store::Store;
use crate::wire;

/// Longest token label accepted.
const MAX_LABEL: usize = 100;

/// The maintainers document of an interface; 404 when it does not exist.
fn maintainers_of(
    store: &dyn Store,
    owner: &str,
    name: &str,
) -> Result<wire::Maintainers, ApiError> {
    let record = store
        .interface(owner, name)?
        .ok_or_else(|| ApiError::not_found(format!("no interface interface:~{owner}/{name}")))?;
    Ok(wire::Maintainers {
        interface: interface_uri(owner, name),
        owner: owner.to_owned(),
        maintainers: record.maintainer_users,
    })
}

/// Users who may publish an interface besides its owner.
#[utoipa::path(
    get,
    path = "/v1/interfaces/~{owner}/{name}/maintainers",
    tag = "access",
    params(
        ("owner" = String, Path, description = "The namespace, written with its `~`"),
        ("name" = String, Path, description = "The interface name"),
    ),
    responses(
        (status = 200, description = "The maintainers", body = wire::Maintainers),
        (status = 404, description = "No such interface", body = wire::ErrorBody),
    )
)]
pub async fn list_maintainers(
    State(state): State<AppState>,
    Path((owner, name)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let owner = owner_segment(&owner)?;
    let name = name_segment(&name)?;
    let doc = state
        .blocking(move |store| maintainers_of(store, &owner, &name))
        .await?;
    Ok(json_document(&headers, &doc))
}

/// Let a user publish revisions of this interface (owner or admin).
#[utoipa::path(
    put,
    path = "/v1/interfaces/~{owner}/{name}/maintainers/{user}",
    tag = "access",
    params(
        ("owner" = String, Path, description = "The namespace, written with its `~`"),
        ("name" = String, Path, description = "The interface name"),
        ("user" = String, Path, description = "The user to grant"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The maintainers now", body = wire::Maintainers),
        (status = 401, description = "No token, or an unknown one", body = wire::ErrorBody),
        (status = 403, description = "Not the owner or the admin", body = wire::ErrorBody),
        (status = 404, description = "No such interface or user", body = wire::ErrorBody),
    )
)]
pub async fn grant_maintainer(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path((owner, name, user)): Path<(String, String, String)>,
) -> Result<Json<wire::Maintainers>, ApiError> {
    let owner = owner_segment(&owner)?;
    let name = name_segment(&name)?;
    let user = user_segment(&user)?;
    require_owner(&caller, &owner, &name, "granting maintainers")?;
    if user == owner {
        return Err(ApiError::invalid(format!(
            "~{user} owns interface:~{owner}/{name} and may publish it already"
        )));
    }
    let doc = state
        .blocking(move |store| {
            store.grant(&owner, &name, &user)?;
            maintainers_of(store, &owner, &name)
        })
        .await?;
    Ok(Json(doc))
}

/// Take publishing rights on this interface away from a user (owner or admin).
#[utoipa::path(
    delete,
    path = "/v1/interfaces/~{owner}/{name}/maintainers/{user}",
    tag = "access",
    params(
        ("owner" = String, Path, description = "The namespace, written with its `~`"),
        ("name" = String, Path, description = "The interface name"),
        ("user" = String, Path, description = "The user to revoke"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The maintainers now", body = wire::Maintainers),
        (status = 401, description = "No token, or an unknown one", body = wire::ErrorBody),
        (status = 403, description = "Not the owner or the admin", body = wire::ErrorBody),
        (status = 404, description = "No such interface, or the user is not a maintainer",
            body = wire::ErrorBody),
    )
)]
pub async fn revoke_maintainer(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path((owner, name, user)): Path<(String, String, String)>,
) -> Result<Json<wire::Maintainers>, ApiError> {
    let owner = owner_segment(&owner)?;
    let name = name_segment(&name)?;
    let user = user_segment(&user)?;
    require_owner(&caller, &owner, &name, "revoking maintainers")?;
    let doc = state
        .blocking(move |store| {
            if !store.revoke(&owner, &name, &user)? {
                return Err(ApiError::not_found(format!(
                    "~{user} is not a maintainer of interface:~{owner}/{name}"
                )));
            }
            maintainers_of(store, &owner, &name)
        })
        .await?;
    Ok(Json(doc))
}

fn promulgation_doc(name: &str, owner: &str, previous_owner: Option<String>) -> wire::Promulgation {
    wire::Promulgation {
        name: name.to_owned(),
        owner: owner.to_owned(),
        uri: interface_uri(owner, name),
        previous_owner,
    }
}

/// Every promulgated name and the interface it stands for.
#[utoipa::path(
    get,
    path = "/v1/promulgations",
    tag = "access",
    responses((status = 200, description = "Promulgations by name", body = wire::Promulgations))
)]
pub async fn list_promulgations(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let list = state.blocking(|store| Ok(store.promulgations()?)).await?;
    let doc = wire::Promulgations {
        promulgations: list
            .iter()
            .map(|(name, owner)| promulgation_doc(name, owner, None))
            .collect(),
    };
    Ok(json_document(&headers, &doc))
}

/// Make the bare name stand for one owner's interface (admin).
#[utoipa::path(
    put,
    path = "/v1/promulgations/{name}",
    tag = "access",
    params(("name" = String, Path, description = "The bare interface name")),
    request_body = wire::Promulgate,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Promulgated (replacing any earlier owner)", body = wire::Promulgation),
        (status = 401, description = "No token, or an unknown one", body = wire::ErrorBody),
        (status = 403, description = "Not the admin", body = wire::ErrorBody),
        (status = 404, description = "No such interface", body = wire::ErrorBody),
    )
)]
pub async fn promulgate(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(name): Path<String>,
    Json(request): Json<wire::Promulgate>,
) -> Result<Json<wire::Promulgation>, ApiError> {
    require_admin(&caller, "promulgating")?;
    let name = name_segment(&name)?;
    let owner = user_segment(&request.owner)?;
    let doc = state
        .blocking(move |store| {
            let previous = store.promulgate(&owner, &name)?;
            Ok(promulgation_doc(
                &name,
                &owner,
                previous.filter(|p| *p != owner),
            ))
        })
        .await?;
    Ok(Json(doc))
}

/// Make the bare name stand for nothing again (admin).
#[utoipa::path(
    delete,
    path = "/v1/promulgations/{name}",
    tag = "access",
    params(("name" = String, Path, description = "The bare interface name")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The promulgation that was removed", body = wire::Promulgation),
        (status = 401, description = "No token, or an unknown one", body = wire::ErrorBody),
        (status = 403, description = "Not the admin", body = wire::ErrorBody),
        (status = 404, description = "The name is not promulgated", body = wire::ErrorBody),
    )
)]
pub async fn unpromulgate(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(name): Path<String>,
) -> Result<Json<wire::Promulgation>, ApiError> {
    require_admin(&caller, "unpromulgating")?;
    let name = name_segment(&name)?;
    let doc = state
        .blocking(move |store| match store.unpromulgate(&name)? {
            Some(owner) => Ok(promulgation_doc(&name, &owner, None)),
            None => Err(ApiError::not_found(format!(
                "interface:{name} is not promulgated"
            ))),
        })
        .await?;
    Ok(Json(doc))
}

/// Every user (admin).
#[utoipa::path(
    get,
    path = "/v1/users",
    tag = "access",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Users by name", body = wire::Users),
        (status = 401, description = "No token, or an unknown one", body = wire::ErrorBody),
        (status = 403, description = "Not the admin", body = wire::ErrorBody),
    )
)]
pub async fn list_users(
    State(state): State<AppState>,
    Caller(caller): Caller,
) -> Result<Json<wire::Users>, ApiError> {
    require_admin(&caller, "listing users")?;
    let users = state.blocking(|store| Ok(store.users()?)).await?;
    Ok(Json(wire::Users {
        users: users.iter().map(user_doc).collect(),
    }))
}

/// Create a user, and so their namespace (admin).
#[utoipa::path(
    post,
    path = "/v1/users",
    tag = "access",
    request_body = wire::CreateUser,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = wire::User),
        (status = 400, description = "An invalid user name", body = wire::ErrorBody),
        (status = 401, description = "No token, or an unknown one", body = wire::ErrorBody),
        (status = 403, description = "Not the admin", body = wire::ErrorBody),
        (status = 409, description = "The user exists", body = wire::ErrorBody),
    )
)]
pub async fn create_user(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Json(request): Json<wire::CreateUser>,
) -> Result<(StatusCode, Json<wire::User>), ApiError> {
    require_admin(&caller, "creating users")?;
    let name = user_segment(&request.name)?;
    // `admin` names the admin token as a publisher; a user by that name
    // would make the history ambiguous.
    if name == "admin" {
        return Err(ApiError::invalid("`admin` is reserved for the admin token"));
    }
    let user = state
        .blocking(move |store| Ok(store.create_user(&name)?))
        .await?;
    Ok((StatusCode::CREATED, Json(user_doc(&user))))
}

/// A user's live tokens (that user, or the admin).
#[utoipa::path(
    get,
    path = "/v1/users/{user}/tokens",
    tag = "access",
    params(("user" = String, Path, description = "The user name")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Live tokens, oldest first; never their secrets", body = wire::Tokens),
        (status = 401, description = "No token, or an unknown one", body = wire::ErrorBody),
        (status = 403, description = "Neither that user nor the admin", body = wire::ErrorBody),
        (status = 404, description = "No such user", body = wire::ErrorBody),
    )
)]
pub async fn list_tokens(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(user): Path<String>,
) -> Result<Json<wire::Tokens>, ApiError> {
    let user = user_segment(&user)?;
    require_self_or_admin(&caller, &user, "listing tokens")?;
    let tokens = state
        .blocking(move |store| {
            if store.user(&user)?.is_none() {
                return Err(ApiError::not_found(format!("no user ~{user}")));
            }
            Ok(store.tokens(&user)?)
        })
        .await?;
    Ok(Json(wire::Tokens {
        tokens: tokens.iter().map(token_doc).collect(),
    }))
}

/// Mint a token for a user (the admin, or the user for themself). The
/// secret is in this answer only.
#[utoipa::path(
    post,
    path = "/v1/users/{user}/tokens",
    tag = "access",
    params(("user" = String, Path, description = "The user name")),
    request_body = wire::CreateToken,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The new token, with its secret", body = wire::NewToken),
        (status = 400, description = "A bad label", body = wire::ErrorBody),
        (status = 401, description = "No token, or an unknown one", body = wire::ErrorBody),
        (status = 403, description = "Neither that user nor the admin", body = wire::ErrorBody),
        (status = 404, description = "No such user", body = wire::ErrorBody),
    )
)]
pub async fn create_token(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(user): Path<String>,
    body: Bytes,
) -> Result<(StatusCode, Json<wire::NewToken>), ApiError> {
    let user = user_segment(&user)?;
    require_self_or_admin(&caller, &user, "creating tokens")?;
    // The body is optional: no body means no label.
    let request: wire::CreateToken = if body.iter().all(u8::is_ascii_whitespace) {
        wire::CreateToken::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|err| ApiError::invalid(format!("invalid JSON body: {err}")))?
    };
    let label = request.label.unwrap_or_else(|| "default".to_owned());
    if label.chars().count() > MAX_LABEL || label.chars().any(char::is_control) {
        return Err(ApiError::invalid(format!(
            "a token label is at most {MAX_LABEL} characters, without control characters"
        )));
    }
    let token = mint_token();
    let hash = token_hash(&token);
    let record = state
        .blocking(move |store| Ok(store.create_token(&user, &label, &hash)?))
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(wire::NewToken {
            token,
            info: token_doc(&record),
        }),
    ))
}

/// Revoke one of a user's tokens (that user, or the admin).
#[utoipa::path(
    delete,
    path = "/v1/users/{user}/tokens/{id}",
    tag = "access",
    params(
        ("user" = String, Path, description = "The user name"),
        ("id" = i64, Path, description = "The token's id"),
    ),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "No token, or an unknown one", body = wire::ErrorBody),
        (status = 403, description = "Neither that user nor the admin", body = wire::ErrorBody),
        (status = 404, description = "The user has no live token with that id", body = wire::ErrorBody),
    )
)]
pub async fn revoke_token(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path((user, id)): Path<(String, i64)>,
) -> Result<StatusCode, ApiError> {
    let user = user_segment(&user)?;
    require_self_or_admin(&caller, &user, "revoking tokens")?;
    state
        .blocking(move |store| {
            if store.revoke_token(&user, id)? {
                Ok(())
            } else {
                Err(ApiError::not_found(format!(
                    "~{user} has no live token with id {id}"
                )))
            }
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Who the token belongs to.
#[utoipa::path(
    get,
    path = "/v1/whoami",
    tag = "access",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The token's user, or the admin", body = wire::WhoAmI),
        (status = 401, description = "No token, or an unknown or revoked one", body = wire::ErrorBody),
    )
)]
pub async fn whoami(Caller(caller): Caller) -> Response {
    let doc = match caller {
        crate::server::auth::Principal::Admin => wire::WhoAmI {
            user: None,
            admin: true,
        },
        crate::server::auth::Principal::User(name) => wire::WhoAmI {
            user: Some(name),
            admin: false,
        },
    };
    // Per-caller: never let a shared cache keep it.
    let mut response = Json(doc).into_response();
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("private, no-store"),
    );
    response
}
