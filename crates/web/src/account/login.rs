//! Signing up and logging in with e-mail address and password. A wrong password and an unknown
//! address take the same time and get the same answer; failed logins are throttled per account
//! and per address ([`crate::http::passwords::Throttle`]). With the second factor on, the code
//! comes next (`code`).

use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use store::{Actor, AuthSession, StoreError, User, new_id};
use tower_sessions::Session;

use super::PENDING;
use crate::http::auth::{ClientIp, LOGIN, now};
use crate::http::error::{PageError, case_error, store_error};
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::passwords::{hash_blocking, verify_blocking};
use crate::http::state::AppState;
use crate::http::{answers, csrf};

/// The shortest password accepted.
pub const MIN_PASSWORD: usize = 10;
/// Failed logins allowed per account, and per address, within the throttle's window.
pub(super) const MAX_FAILURES_PER_ACCOUNT: u32 = 5;
const MAX_FAILURES_PER_ADDRESS: u32 = 20;

#[derive(Template)]
#[template(path = "account_form.html")]
struct FormPage {
    layout: Layout,
    csrf: String,
    /// `signup` or `login`.
    mode: &'static str,
    email: String,
    error: Option<String>,
    /// Whether the session holds intake answers that can be saved into a case.
    has_answers: bool,
}

async fn form_page(
    lang: Lang,
    session: &Session,
    mode: &'static str,
    email: String,
    error: Option<String>,
) -> Result<Response, PageError> {
    let csrf = csrf::token(session).await?;
    let has_answers = !answers::load(session).await?.is_empty();
    let (title, path) = if mode == "signup" {
        ("signup-title", "/account/nieuw")
    } else {
        ("login-title", "/inloggen")
    };
    let layout = Layout::new(lang, title, path);
    let failed = error.is_some();
    let mut response = render(&FormPage {
        layout,
        csrf,
        mode,
        email,
        error,
        has_answers,
    });
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `GET /account/nieuw`
pub async fn signup_page(lang: Lang, session: Session) -> Result<Response, PageError> {
    form_page(lang, &session, "signup", String::new(), None).await
}

/// `GET /inloggen`
pub async fn login_page(lang: Lang, session: Session) -> Result<Response, PageError> {
    form_page(lang, &session, "login", String::new(), None).await
}

#[derive(Deserialize)]
pub struct Credentials {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password2: String,
    /// "ja" to save the intake of this session into a new case.
    #[serde(default)]
    save_intake: String,
}

fn plausible_email(email: &str) -> bool {
    let parts: Vec<&str> = email.split('@').collect();
    email.len() <= 254
        && parts.len() == 2
        && !parts[0].is_empty()
        && parts[1].contains('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Starts a login for `user` in this browser: a fresh session id, then the login row.
pub(super) async fn start_login(
    state: &AppState,
    session: &Session,
    user: &User,
) -> Result<(), PageError> {
    session.cycle_id().await?;
    let id = new_id();
    let t = now();
    let login = AuthSession {
        id: id.clone(),
        user_id: user.id.clone(),
        created_at: t,
        expires_at: t + crate::LOGIN_LIFETIME.as_secs() as i64,
    };
    state
        .store
        .create_auth_session(&login)
        .await
        .map_err(store_error)?;
    session.insert(LOGIN, id).await?;
    Ok(())
}

/// `POST /account/nieuw`
pub async fn signup(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    Form(f): Form<Credentials>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let email = f.email.trim().to_string();
    let error = if !plausible_email(&email) {
        Some(i.t("account-error-email"))
    } else if f.password.chars().count() < MIN_PASSWORD {
        Some(i.t1("account-error-short", "min", MIN_PASSWORD))
    } else if f.password != f.password2 {
        Some(i.t("account-error-mismatch"))
    } else {
        None
    };
    if let Some(e) = error {
        return form_page(lang, &session, "signup", email, Some(e)).await;
    }
    let hash = hash_blocking(&state, f.password).await?;
    let user = User {
        id: new_id(),
        email: email.clone(),
        password_hash: hash,
        totp_secret: None,
        created_at: now(),
    };
    match state.store.create_user(&user).await {
        Ok(()) => {}
        Err(StoreError::Taken(_)) => {
            return form_page(
                lang,
                &session,
                "signup",
                email,
                Some(i.t("account-error-taken")),
            )
            .await;
        }
        Err(e) => return Err(store_error(e)),
    }
    let stored = answers::load(&session).await?;
    start_login(&state, &session, &user).await?;
    if f.save_intake == "ja" && !stored.is_empty() {
        let actor = Actor {
            user_id: user.id.clone(),
            now: now(),
        };
        let title = i.t("case-default-title");
        let case = cases::lifecycle::create(&*state.store, &title, Some(&stored), &actor)
            .await
            .map_err(case_error)?;
        return Ok(Redirect::to(&format!("/dossiers/{}", case.id)).into_response());
    }
    Ok(Redirect::to("/dossiers").into_response())
}

/// `POST /inloggen`
pub async fn login(
    State(state): State<AppState>,
    lang: Lang,
    ClientIp(ip): ClientIp,
    session: Session,
    Form(f): Form<Credentials>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let email = f.email.trim().to_string();
    let account_key = format!("account:{}", email.to_lowercase());
    let address_key = ip.map(|ip| format!("address:{ip}"));
    let address_blocked = match &address_key {
        Some(k) => state.throttle.blocked(k, MAX_FAILURES_PER_ADDRESS).await?,
        None => false,
    };
    if address_blocked
        || state
            .throttle
            .blocked(&account_key, MAX_FAILURES_PER_ACCOUNT)
            .await?
    {
        tracing::info!("login refused: too many failed attempts");
        let mut r = form_page(
            lang,
            &session,
            "login",
            email,
            Some(i.t("login-error-throttled")),
        )
        .await?;
        *r.status_mut() = StatusCode::TOO_MANY_REQUESTS;
        return Ok(r);
    }
    let user = state
        .store
        .user_by_email(&email)
        .await
        .map_err(store_error)?;
    // Without an account, check the dummy hash anyway (see `Passwords`).
    let hash = match &user {
        Some(u) => u.password_hash.clone(),
        None => {
            let p = state.passwords.clone();
            tokio::task::spawn_blocking(move || p.dummy())
                .await
                .map_err(|_| PageError::Internal)?
        }
    };
    let ok = verify_blocking(&state, f.password, hash).await && user.is_some();
    let Some(user) = user.filter(|_| ok) else {
        state.throttle.fail(&account_key).await?;
        if let Some(k) = &address_key {
            state.throttle.fail(k).await?;
        }
        return form_page(
            lang,
            &session,
            "login",
            email,
            Some(i.t("login-error-wrong")),
        )
        .await;
    };
    if user.totp_secret.is_some() {
        // The password was right; the code from the app comes next.
        session.insert(PENDING, &user.id).await?;
        return Ok(Redirect::to("/inloggen/code").into_response());
    }
    state.throttle.clear(&account_key).await?;
    start_login(&state, &session, &user).await?;
    Ok(Redirect::to("/dossiers").into_response())
}
