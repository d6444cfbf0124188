//! The account page's personal access tokens for the JSON API: making one (a name and a scope;
//! the secret is shown this once, the store keeps only its hash) and revoking one. The tokens
//! themselves are in [`crate::http::api_tokens`]; the API finds its caller there.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use store::{ApiToken, new_id};
use tower_sessions::Session;

use super::{TokenForm, account_page_with};
use crate::http::api_tokens::{self, Scope};
use crate::http::auth::{SignedIn, now};
use crate::http::error::{PageError, store_error};
use crate::http::i18n::{Lang, Tr};
use crate::http::state::AppState;

/// The longest name kept.
const MAX_NAME: usize = 100;

#[derive(Deserialize)]
pub struct NewToken {
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: String,
}

/// `POST /account/api-sleutels`: makes a token and shows its secret once.
pub async fn create(
    State(state): State<AppState>,
    lang: Lang,
    user: SignedIn,
    session: Session,
    Form(f): Form<NewToken>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let name = f.name.trim().to_string();
    let scope = Scope::parse(&f.scope);
    let error = if name.is_empty() || name.chars().count() > MAX_NAME {
        Some(("api-token-name", i.t("api-token-error-name")))
    } else if scope.is_none() {
        Some(("api-token-scope-read", i.t("api-token-error-scope")))
    } else {
        None
    };
    let (Some(scope), None) = (scope, &error) else {
        // Refused: the form again, with what was typed and the message at its field.
        let form = TokenForm {
            error: error.map(|(field, message)| (field.to_string(), message)),
            name: f.name,
            scope: f.scope,
            new_secret: None,
        };
        return account_page_with(&state, lang, &user, &session, None, form).await;
    };
    let secret = api_tokens::new_secret().map_err(|e| {
        tracing::error!(error = %e, "no token made");
        PageError::Internal
    })?;
    let token = ApiToken {
        id: new_id(),
        user_id: user.user.id.clone(),
        name,
        scope: scope.as_str().to_string(),
        created_at: now(),
        revoked_at: None,
    };
    state
        .store
        .create_api_token(&token, &api_tokens::hash(&secret))
        .await
        .map_err(store_error)?;
    tracing::info!(token = %token.id, name = %token.name, scope = scope.as_str(), "API token made");
    let form = TokenForm {
        new_secret: Some(secret),
        ..TokenForm::default()
    };
    account_page_with(&state, lang, &user, &session, None, form).await
}

/// `POST /account/api-sleutels/{id}/intrekken`
pub async fn revoke(
    State(state): State<AppState>,
    user: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    // Revoking a token that is not this account's, or that ended before, changes nothing.
    let revoked = state
        .store
        .revoke_api_token(&user.user.id, &id, now())
        .await
        .map_err(store_error)?;
    if revoked {
        tracing::info!(token = %id, "API token revoked");
    }
    Ok(Redirect::to("/account#api-sleutels").into_response())
}
