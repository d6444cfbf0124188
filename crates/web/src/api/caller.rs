//! Who calls the API: the account of a personal access token sent as
//! `Authorization: Bearer <token>`. Nothing else counts: a session cookie alone opens no API
//! route, so a page of another site cannot make a browser use the API in its user's name (and
//! the API needs no CSRF token). Every request of a token is counted against its rate limit.

use std::time::Instant;

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use store::Actor;

use super::problem::{Problem, internal};
use crate::http::api_tokens::{self, Scope};
use crate::http::auth::now;
use crate::http::state::AppState;

/// The account behind a live token, and what the token may do.
#[derive(Debug, Clone)]
pub struct ApiCaller {
    pub user_id: String,
    pub token_id: String,
    pub scope: Scope,
}

impl ApiCaller {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.user_id.clone(),
            now: now(),
        }
    }

    /// A read token on a route that writes is refused with 403.
    pub fn needs_write(&self) -> Result<(), Problem> {
        match self.scope {
            Scope::Write => Ok(()),
            Scope::Read => Err(Problem::forbidden(
                "This token may only read. Make a token with scope write on the account page.",
            )),
        }
    }
}

/// The secret of an `Authorization: Bearer` header (the scheme in any case, RFC 9110).
fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, secret) = value.split_once(' ')?;
    let secret = secret.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !secret.is_empty()).then_some(secret)
}

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = Problem;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(secret) = bearer(parts) else {
            return Err(Problem::unauthorized(
                "Send a personal access token as 'Authorization: Bearer <token>'. \
                 Make one on the account page.",
            ));
        };
        let Some(token) = state
            .store
            .api_token_by_hash(&api_tokens::hash(secret))
            .await
            .map_err(internal)?
        else {
            return Err(Problem::unauthorized(
                "This token is unknown or was revoked. Make a new one on the account page.",
            ));
        };
        let Some(scope) = Scope::parse(&token.scope) else {
            return Err(internal(format!("token {} has no known scope", token.id)));
        };
        if let Err(wait) = state.api_limit.check(&token.id, Instant::now()) {
            // Whole seconds, rounded up: a client that waits that long is let in.
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            return Err(Problem::too_many(secs.max(1)));
        }
        Ok(ApiCaller {
            user_id: token.user_id,
            token_id: token.id,
            scope,
        })
    }
}
