//! Password reset by e-mail: the parent asks with their address, gets a link that works once
//! for an hour, and chooses a new password; every login of the account ends. The page says the
//! same whether or not the address has an account.

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use store::new_id;
use tower_sessions::Session;

use super::login::MIN_PASSWORD;
use crate::http::auth::now;
use crate::http::csrf;
use crate::http::error::PageError;
use crate::http::error::store_error;
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::state::AppState;

/// How long a reset link works, in seconds.
const VALID_FOR: i64 = 60 * 60;

fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Template)]
#[template(path = "reset.html")]
struct ResetPage {
    layout: Layout,
    csrf: String,
    /// `ask`, `sent` or `choose`.
    step: &'static str,
    token: String,
    error: Option<String>,
}

async fn page(
    lang: Lang,
    session: &Session,
    step: &'static str,
    token: String,
    error: Option<String>,
) -> Result<Response, PageError> {
    let csrf = csrf::token(session).await?;
    let failed = error.is_some();
    let layout = Layout::new(lang, "reset-title", "/wachtwoord-vergeten");
    let mut r = render(&ResetPage {
        layout,
        csrf,
        step,
        token,
        error,
    });
    if failed {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// `GET /wachtwoord-vergeten`
pub async fn ask_page(lang: Lang, session: Session) -> Result<Response, PageError> {
    page(lang, &session, "ask", String::new(), None).await
}

#[derive(Deserialize)]
pub struct AskForm {
    #[serde(default)]
    email: String,
}

/// `POST /wachtwoord-vergeten`: mails a link when the address has an account.
pub async fn ask(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    Form(f): Form<AskForm>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    if let Some(user) = state
        .store
        .user_by_email(f.email.trim())
        .await
        .map_err(store_error)?
    {
        let token = format!("{}{}", new_id(), new_id());
        state
            .store
            .create_password_reset(&hash(&token), &user.id, now() + VALID_FOR)
            .await
            .map_err(store_error)?;
        let link = state.url(&format!("/wachtwoord-herstellen/{token}"));
        state.mailer.send(
            &user.email,
            &i.t("reset-mail-subject"),
            &i.t1("reset-mail-body", "link", &link),
        );
    }
    page(lang, &session, "sent", String::new(), None).await
}

/// `GET /wachtwoord-herstellen/{token}`
pub async fn choose_page(
    lang: Lang,
    session: Session,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    page(lang, &session, "choose", token, None).await
}

#[derive(Deserialize)]
pub struct ChooseForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password2: String,
}

/// `POST /wachtwoord-herstellen/{token}`
pub async fn choose(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    Path(token): Path<String>,
    Form(f): Form<ChooseForm>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    // Check the password first, so that a typing mistake does not use up the link.
    if f.password.chars().count() < MIN_PASSWORD {
        return page(
            lang,
            &session,
            "choose",
            token,
            Some(i.t1("account-error-short", "min", MIN_PASSWORD)),
        )
        .await;
    }
    if f.password != f.password2 {
        return page(
            lang,
            &session,
            "choose",
            token,
            Some(i.t("account-error-mismatch")),
        )
        .await;
    }
    let Some(user_id) = state
        .store
        .take_password_reset(&hash(&token), now())
        .await
        .map_err(store_error)?
    else {
        return page(
            lang,
            &session,
            "ask",
            String::new(),
            Some(i.t("reset-error-link")),
        )
        .await;
    };
    let passwords = state.passwords.clone();
    let new_hash = tokio::task::spawn_blocking(move || passwords.hash(&f.password))
        .await
        .map_err(|_| PageError::Internal)??;
    state
        .store
        .set_password(&user_id, &new_hash)
        .await
        .map_err(store_error)?;
    state
        .store
        .delete_user_auth_sessions(&user_id)
        .await
        .map_err(store_error)?;
    Ok(Redirect::to("/inloggen").into_response())
}
