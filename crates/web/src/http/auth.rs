//! Who is calling: the login of this browser session. A login is a row in the store
//! (`auth_sessions`); the browser's session holds only its id, so "log out everywhere" deletes
//! every row of the account and every browser is out on its next request.
//!
//! [`SignedIn`] is the extractor for pages that need an account; case pages use
//! [`crate::http::case_access::CaseAccess`], which builds on it.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use store::{Actor, User};
use tower_sessions::Session;

use crate::http::error::{PageError, store_error};
use crate::http::i18n::Tr;
use crate::http::state::AppState;

/// The session key that holds the login id.
pub const LOGIN: &str = "login";
/// The session key of a notice shown once on the account page (set by the organisation pages
/// when a role needs the second factor).
pub const ACCOUNT_NOTICE: &str = "account-notice";

/// The current time in unix seconds.
pub fn now() -> i64 {
    cases::now()
}

/// The address of the caller, when the server knows it.
pub struct ClientIp(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip()),
        ))
    }
}

/// Whether this browser session holds a login (not checked against the store).
pub async fn is_logged_in(session: &Session) -> Result<bool, PageError> {
    Ok(session.get::<String>(LOGIN).await?.is_some())
}

/// The account of the caller, if logged in.
pub struct MaybeUser(pub Option<SignedIn>);

/// A logged-in caller.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: User,
    pub login_id: String,
}

impl SignedIn {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.user.id.clone(),
            now: now(),
        }
    }
}

impl FromRequestParts<AppState> for MaybeUser {
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(|_| PageError::Internal)?;
        let Some(login_id) = session.get::<String>(LOGIN).await? else {
            return Ok(MaybeUser(None));
        };
        match state
            .store
            .auth_session_user(&login_id, now())
            .await
            .map_err(store_error)?
        {
            Some(user) => Ok(MaybeUser(Some(SignedIn { user, login_id }))),
            None => {
                // Logged out elsewhere, or expired.
                session.remove_value(LOGIN).await?;
                Ok(MaybeUser(None))
            }
        }
    }
}

/// Pages that need an account send a visitor without one to the login page.
pub struct NeedLogin;

impl IntoResponse for NeedLogin {
    fn into_response(self) -> Response {
        Redirect::to("/inloggen").into_response()
    }
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match MaybeUser::from_request_parts(parts, state).await {
            Ok(MaybeUser(Some(s))) => Ok(s),
            Ok(MaybeUser(None)) => Err(NeedLogin.into_response()),
            Err(e) => Err(e.into_response()),
        }
    }
}

/// The e-mail address of an account, or the text of `gone_key` when the account is gone.
pub async fn email_or(
    state: &AppState,
    user_id: &str,
    i: Tr,
    gone_key: &str,
) -> Result<String, PageError> {
    Ok(state
        .store
        .user_by_id(user_id)
        .await
        .map_err(store_error)?
        .map(|u| u.email)
        .unwrap_or_else(|| i.t(gone_key)))
}
