//! Accounts: sign up and log in (`login`), the second factor (`code`, `totp`, `recovery`), a
//! new password by mail (`reset`), log out, log out everywhere, the keys of the JSON API
//! (`tokens`), and the account page with the deletion of the account and everything in it.

pub mod code;
pub mod login;
mod recovery;
pub mod reset;
pub mod tokens;
pub mod totp;

use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tower_sessions::Session;

use crate::http::auth::{ACCOUNT_NOTICE, MaybeUser, SignedIn};
use crate::http::csrf;
use crate::http::error::{PageError, case_error, store_error};
use crate::http::i18n::Lang;
use crate::http::layout::{Layout, render};
use crate::http::state::AppState;

/// The session key of an account whose password was right but whose code is still to come.
const PENDING: &str = "login-pending";
/// The session key of a second-factor secret being set up.
const SETUP: &str = "totp-setup";
/// The session key of fresh recovery codes, shown once on the account page and then removed.
const NEW_CODES: &str = "recovery-codes-new";

/// `POST /uitloggen`: this browser only.
pub async fn logout(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    session: Session,
) -> Result<Response, PageError> {
    if let Some(u) = user {
        state
            .store
            .delete_auth_session(&u.login_id)
            .await
            .map_err(store_error)?;
    }
    session.flush().await?;
    Ok(Redirect::to("/").into_response())
}

/// `POST /uitloggen/overal`: every browser of this account.
pub async fn logout_everywhere(
    State(state): State<AppState>,
    user: SignedIn,
    session: Session,
) -> Result<Response, PageError> {
    let n = state
        .store
        .delete_user_auth_sessions(&user.user.id)
        .await
        .map_err(store_error)?;
    tracing::info!(logins = n, "logged out everywhere");
    session.flush().await?;
    Ok(Redirect::to("/").into_response())
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    layout: Layout,
    csrf: String,
    email: String,
    totp_on: bool,
    /// While the second factor is off: the secret to put in the app, and its otpauth link.
    totp_secret: String,
    totp_uri: String,
    /// Recovery codes made just now: shown this once.
    recovery_codes: Vec<String>,
    error: Option<String>,
    /// A one-time message from another page (for example: your organisation role needs TOTP).
    notice: Option<String>,
    /// Whether the account has a role in the organisation (then the page links to its pages).
    org_member: bool,
    /// The account's API tokens, newest first.
    tokens: Vec<TokenLine>,
    token_form: TokenForm,
}

/// One API token in the list.
struct TokenLine {
    id: String,
    text: String,
    active: bool,
}

/// The form for a new API token: what was typed and why it was refused, or the secret of the
/// token made just now, shown this once and never again.
#[derive(Default)]
pub(super) struct TokenForm {
    /// The id of the input at fault, and the message.
    pub error: Option<(String, String)>,
    pub name: String,
    pub scope: String,
    pub new_secret: Option<String>,
}

fn day_of(t: i64) -> String {
    jiff::Timestamp::from_second(t)
        .map(|ts| ts.strftime("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

pub(super) async fn account_page(
    state: &AppState,
    lang: Lang,
    user: &SignedIn,
    session: &Session,
    error: Option<String>,
) -> Result<Response, PageError> {
    account_page_with(state, lang, user, session, error, TokenForm::default()).await
}

pub(super) async fn account_page_with(
    state: &AppState,
    lang: Lang,
    user: &SignedIn,
    session: &Session,
    error: Option<String>,
    token_form: TokenForm,
) -> Result<Response, PageError> {
    let i = crate::http::i18n::Tr { lang };
    let tokens = state
        .store
        .api_tokens(&user.user.id)
        .await
        .map_err(store_error)?
        .into_iter()
        .map(|t| {
            let scope = i.t(&format!("api-token-scope-{}", t.scope));
            let made = [
                ("name", t.name.clone()),
                ("scope", scope),
                ("date", day_of(t.created_at)),
            ];
            TokenLine {
                text: match t.revoked_at {
                    None => i.args("api-token-active", &made),
                    Some(r) => {
                        let mut args = made.to_vec();
                        args.push(("revoked", day_of(r)));
                        i.args("api-token-revoked", &args)
                    }
                },
                active: t.revoked_at.is_none(),
                id: t.id,
            }
        })
        .collect();
    let csrf = csrf::token(session).await?;
    let totp_on = user.user.totp_secret.is_some();
    let mut totp_secret = String::new();
    if !totp_on {
        totp_secret = match session.get::<String>(SETUP).await? {
            Some(s) => s,
            None => {
                let s = totp::new_secret();
                session.insert(SETUP, &s).await?;
                s
            }
        };
    }
    let totp_uri = format!(
        "otpauth://totp/Routewijzer:{}?secret={totp_secret}&issuer=Routewijzer",
        user.user.email.replace(
            |c: char| !c.is_ascii_alphanumeric() && !"@.-_".contains(c),
            ""
        )
    );
    let recovery_codes = session
        .remove::<Vec<String>>(NEW_CODES)
        .await?
        .unwrap_or_default();
    let notice = session.remove::<String>(ACCOUNT_NOTICE).await?;
    let failed = error.is_some() || token_form.error.is_some();
    let org_member = state
        .store
        .org_role(&user.user.id)
        .await
        .map_err(store_error)?
        .is_some();
    let layout = Layout::new(lang, "account-title", "/account");
    let page = AccountPage {
        layout,
        csrf,
        email: user.user.email.clone(),
        totp_on,
        totp_secret,
        totp_uri,
        recovery_codes,
        error,
        notice,
        org_member,
        tokens,
        token_form,
    };
    let mut r = render(&page);
    if failed {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// `GET /account`
pub async fn show(
    State(state): State<AppState>,
    lang: Lang,
    user: SignedIn,
    session: Session,
) -> Result<Response, PageError> {
    account_page(&state, lang, &user, &session, None).await
}

#[derive(Deserialize)]
pub struct Confirm {
    #[serde(default)]
    confirm: String,
}

/// `POST /account/verwijderen`: deletes the account, its cases and their files, for good.
pub async fn delete(
    State(state): State<AppState>,
    user: SignedIn,
    session: Session,
    Form(f): Form<Confirm>,
) -> Result<Response, PageError> {
    if f.confirm != "ja" {
        return Ok(Redirect::to("/account").into_response());
    }
    cases::lifecycle::delete_account(&*state.store, &user.user.id)
        .await
        .map_err(case_error)?;
    // The figures counted its cases: the next count leaves them out.
    state.figures.clear();
    session.flush().await?;
    Ok(Redirect::to("/").into_response())
}
