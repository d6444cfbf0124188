//! The second factor: the code from an authenticator app (TOTP, see `totp`) or a recovery code
//! as the second step of a login, and turning the second factor on and off.

use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tower_sessions::Session;

use super::login::{MAX_FAILURES_PER_ACCOUNT, start_login};
use super::{NEW_CODES, PENDING, SETUP, account_page};
use crate::http::auth::{SignedIn, now};
use crate::http::csrf;
use crate::http::error::{PageError, store_error};
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::state::AppState;

#[derive(Template)]
#[template(path = "login_code.html")]
struct CodePage {
    layout: Layout,
    csrf: String,
    error: Option<String>,
}

async fn code_page(
    lang: Lang,
    session: &Session,
    error: Option<String>,
) -> Result<Response, PageError> {
    let csrf = csrf::token(session).await?;
    let failed = error.is_some();
    let mut r = render(&CodePage {
        layout: Layout::new(lang, "login-code-title", "/inloggen/code"),
        csrf,
        error,
    });
    if failed {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// `GET /inloggen/code`
pub async fn code_form(lang: Lang, session: Session) -> Result<Response, PageError> {
    if session.get::<String>(PENDING).await?.is_none() {
        return Ok(Redirect::to("/inloggen").into_response());
    }
    code_page(lang, &session, None).await
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

/// `POST /inloggen/code`: the second step of a login with the second factor on.
pub async fn code(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    Form(f): Form<CodeForm>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let Some(user_id) = session.get::<String>(PENDING).await? else {
        return Ok(Redirect::to("/inloggen").into_response());
    };
    let Some(user) = state
        .store
        .user_by_id(&user_id)
        .await
        .map_err(store_error)?
    else {
        session.remove_value(PENDING).await?;
        return Ok(Redirect::to("/inloggen").into_response());
    };
    let key = format!("account:{}", user.email.to_lowercase());
    if state
        .throttle
        .blocked(&key, MAX_FAILURES_PER_ACCOUNT)
        .await?
    {
        let mut r = code_page(lang, &session, Some(i.t("login-error-throttled"))).await?;
        *r.status_mut() = StatusCode::TOO_MANY_REQUESTS;
        return Ok(r);
    }
    let mut ok = user
        .totp_secret
        .as_deref()
        .is_some_and(|s| super::totp::verify(s, &f.code, now()));
    // Without the phone: one of the recovery codes, which is used up.
    if !ok
        && user.totp_secret.is_some()
        && let Some(hash) = super::recovery::hash(&user.id, f.code.trim())
    {
        ok = state
            .store
            .take_recovery_code(&user.id, &hash)
            .await
            .map_err(store_error)?;
        if ok {
            tracing::info!("logged in with a recovery code");
        }
    }
    if !ok {
        state.throttle.fail(&key).await?;
        return code_page(lang, &session, Some(i.t("login-code-wrong"))).await;
    }
    state.throttle.clear(&key).await?;
    session.remove_value(PENDING).await?;
    start_login(&state, &session, &user).await?;
    Ok(Redirect::to("/dossiers").into_response())
}

/// `POST /account/tweestaps/aan`: turns the second factor on when the code from the app fits the
/// secret shown on the account page.
pub async fn totp_on(
    State(state): State<AppState>,
    lang: Lang,
    user: SignedIn,
    session: Session,
    Form(f): Form<CodeForm>,
) -> Result<Response, PageError> {
    let Some(secret) = session.get::<String>(SETUP).await? else {
        return Ok(Redirect::to("/account").into_response());
    };
    if !super::totp::verify(&secret, &f.code, now()) {
        return account_page(
            &state,
            lang,
            &user,
            &session,
            Some(Tr { lang }.t("login-code-wrong")),
        )
        .await;
    }
    state
        .store
        .set_totp_secret(&user.user.id, Some(&secret))
        .await
        .map_err(store_error)?;
    let codes = super::recovery::new_codes();
    let hashes: Vec<String> = codes
        .iter()
        .filter_map(|c| super::recovery::hash(&user.user.id, c))
        .collect();
    state
        .store
        .set_recovery_codes(&user.user.id, &hashes)
        .await
        .map_err(store_error)?;
    session.insert(NEW_CODES, &codes).await?;
    session.remove_value(SETUP).await?;
    Ok(Redirect::to("/account").into_response())
}

/// `POST /account/tweestaps/uit`: turns it off, with a current code.
pub async fn totp_off(
    State(state): State<AppState>,
    lang: Lang,
    user: SignedIn,
    session: Session,
    Form(f): Form<CodeForm>,
) -> Result<Response, PageError> {
    let ok = user
        .user
        .totp_secret
        .as_deref()
        .is_some_and(|s| super::totp::verify(s, &f.code, now()));
    if !ok {
        return account_page(
            &state,
            lang,
            &user,
            &session,
            Some(Tr { lang }.t("login-code-wrong")),
        )
        .await;
    }
    state
        .store
        .set_totp_secret(&user.user.id, None)
        .await
        .map_err(store_error)?;
    state
        .store
        .set_recovery_codes(&user.user.id, &[])
        .await
        .map_err(store_error)?;
    Ok(Redirect::to("/account").into_response())
}
