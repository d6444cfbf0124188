//! Accounts: sign up, log in (with the optional second factor, see `totp`), log out, log out
//! everywhere, delete the account.
//!
//! Passwords are hashed with argon2id (OWASP parameters; cheap ones only when the config asks,
//! for tests). A login is a row in the store (`auth_sessions`); the browser's session holds only
//! its id, so "log out everywhere" deletes every row of the account and every browser is out on
//! its next request. Failed logins are throttled per account and per address ([`Throttle`]).
//!
//! [`SignedIn`] is the extractor for pages that need an account; case pages use
//! [`crate::case_page::CaseAccess`], which builds on it.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use askama::Template;
use axum::extract::{ConnectInfo, Form, FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use store::{Actor, AuthSession, Case, StoreError, User, new_id};
use tower_sessions::Session;

use crate::app::AppState;
use crate::config::PasswordCost;
use crate::error::PageError;
use crate::i18n::{Lang, Tr};
use crate::layout::{Layout, render};
use crate::{answers, csrf};

/// The session key that holds the login id.
const LOGIN: &str = "login";
/// The shortest password accepted.
pub const MIN_PASSWORD: usize = 10;
/// Failed logins allowed per account, and per address, within [`THROTTLE_WINDOW`].
const MAX_FAILURES_PER_ACCOUNT: u32 = 5;
const MAX_FAILURES_PER_ADDRESS: u32 = 20;
/// Seconds from a key's first failed login until its count starts again.
const THROTTLE_WINDOW: i64 = 15 * 60;

pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Hashes and checks passwords.
#[derive(Clone)]
pub struct Passwords {
    argon: Argon2<'static>,
    /// A hash of a random password, checked when an e-mail address has no account, so that the
    /// time a login takes does not tell which addresses have one. Made on first use.
    dummy: std::sync::Arc<std::sync::OnceLock<String>>,
}

impl Passwords {
    pub fn new(cost: PasswordCost) -> Self {
        let params = match cost {
            PasswordCost::Owasp => Params::default(),
            PasswordCost::Fast => Params::new(64, 1, 1, None).expect("valid argon2 parameters"),
        };
        Passwords {
            argon: Argon2::new(Algorithm::Argon2id, Version::V0x13, params),
            dummy: Default::default(),
        }
    }

    /// The PHC string of `password`, with a fresh salt. CPU work: call it off the async workers.
    pub fn hash(&self, password: &str) -> Result<String, PageError> {
        self.argon
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| {
                tracing::error!(error = %e, "cannot hash a password");
                PageError::Internal
            })
    }

    /// The hash to check when there is no account (see the `dummy` field).
    pub fn dummy(&self) -> String {
        self.dummy
            .get_or_init(|| {
                self.argon
                    .hash_password(new_id().as_bytes())
                    .map(|h| h.to_string())
                    .unwrap_or_default()
            })
            .clone()
    }

    pub fn verify(&self, password: &str, hash: &str) -> bool {
        PasswordHash::new(hash).is_ok_and(|parsed| {
            self.argon
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    }
}

async fn hash_blocking(state: &AppState, password: String) -> Result<String, PageError> {
    let p = state.passwords.clone();
    tokio::task::spawn_blocking(move || p.hash(&password))
        .await
        .map_err(|_| PageError::Internal)?
}

async fn verify_blocking(state: &AppState, password: String, hash: String) -> bool {
    let p = state.passwords.clone();
    tokio::task::spawn_blocking(move || p.verify(&password, &hash))
        .await
        .unwrap_or(false)
}

/// Failed logins per key (`account:<email>` or `address:<ip>`) in the current window, counted
/// in the database ([`store::ThrottleStore`]): several processes on one PostgreSQL count the
/// same failures, and a restart does not wipe them. It costs two small statements on a login,
/// next to the password hash check that takes far longer, so SQLite uses it too.
pub struct Throttle {
    store: Arc<dyn store::Store>,
}

impl Throttle {
    pub fn new(store: Arc<dyn store::Store>) -> Self {
        Throttle { store }
    }

    async fn blocked(&self, key: &str, max: u32) -> Result<bool, PageError> {
        let failures =
            store::ThrottleStore::login_failures(&*self.store, key, now(), THROTTLE_WINDOW)
                .await
                .map_err(store_error)?;
        Ok(failures >= max)
    }

    async fn fail(&self, key: &str) -> Result<(), PageError> {
        store::ThrottleStore::add_login_failure(&*self.store, key, now(), THROTTLE_WINDOW)
            .await
            .map_err(store_error)?;
        Ok(())
    }

    async fn clear(&self, key: &str) -> Result<(), PageError> {
        store::ThrottleStore::clear_login_failures(&*self.store, key)
            .await
            .map_err(store_error)
    }
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

pub fn store_error(e: StoreError) -> PageError {
    tracing::error!(error = %e, "store error");
    PageError::Internal
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
async fn start_login(state: &AppState, session: &Session, user: &User) -> Result<(), PageError> {
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
        let case = Case {
            id: new_id(),
            owner_id: user.id.clone(),
            title: i.t("case-default-title"),
            created_at: now(),
        };
        let actor = Actor {
            user_id: user.id.clone(),
            now: now(),
        };
        state
            .store
            .create_case(&case, &actor)
            .await
            .map_err(store_error)?;
        let json = crate::case_page::answers_json(&stored);
        state
            .store
            .save_answers(&case.id, &json, &actor)
            .await
            .map_err(store_error)?;
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

/// The session key of an account whose password was right but whose code is still to come.
const PENDING: &str = "login-pending";
/// The session key of a second-factor secret being set up.
const SETUP: &str = "totp-setup";
/// The session key of fresh recovery codes, shown once on the account page and then removed.
const NEW_CODES: &str = "recovery-codes-new";

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
        .is_some_and(|s| crate::totp::verify(s, &f.code, now()));
    // Without the phone: one of the recovery codes, which is used up.
    if !ok
        && user.totp_secret.is_some()
        && let Some(hash) = crate::recovery::hash(&user.id, f.code.trim())
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
    if !crate::totp::verify(&secret, &f.code, now()) {
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
    let codes = crate::recovery::new_codes();
    let hashes: Vec<String> = codes
        .iter()
        .filter_map(|c| crate::recovery::hash(&user.user.id, c))
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
        .is_some_and(|s| crate::totp::verify(s, &f.code, now()));
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
}

async fn account_page(
    state: &AppState,
    lang: Lang,
    user: &SignedIn,
    session: &Session,
    error: Option<String>,
) -> Result<Response, PageError> {
    let csrf = csrf::token(session).await?;
    let totp_on = user.user.totp_secret.is_some();
    let mut totp_secret = String::new();
    if !totp_on {
        totp_secret = match session.get::<String>(SETUP).await? {
            Some(s) => s,
            None => {
                let s = crate::totp::new_secret();
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
    let notice = session.remove::<String>(crate::org::ACCOUNT_NOTICE).await?;
    let failed = error.is_some();
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
    let cases = state
        .store
        .delete_user(&user.user.id)
        .await
        .map_err(store_error)?;
    for case_id in cases {
        crate::case_page::remove_files(&state, &case_id);
    }
    session.flush().await?;
    Ok(Redirect::to("/").into_response())
}
