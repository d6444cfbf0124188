//! Organisation accounts: who works for the parents' organisation, in which role
//! ([`store::OrgRole`]), and the pages only they use, all under `/organisatie/...`.
//!
//! [`OrgUser`] is the extractor for those pages. It needs a login, membership of the
//! organisation, and the second factor (TOTP) switched on: a member without it is sent to the
//! account page with a message that their role needs it. A handler that needs more than
//! "any member" calls [`OrgUser::require`] with the lowest role it accepts:
//!
//! ```ignore
//! pub async fn inbox(org: OrgUser, ...) -> Result<Response, PageError> {
//!     org.require(OrgRole::Coordinator)?;
//!     ...
//! }
//! ```
//!
//! Admins manage the members on `/organisatie/leden`; the first admin is made on the command line
//! (`routewijzer member EMAIL admin`).

use askama::Template;
use axum::extract::{Form, FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use store::{Actor, OrgRole};
use tower_sessions::Session;

use crate::http::auth::{ACCOUNT_NOTICE, SignedIn};
use crate::http::csrf;
use crate::http::error::PageError;
use crate::http::error::store_error;
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::state::AppState;

/// A logged-in member of the organisation with the second factor on, and their role.
#[derive(Debug, Clone)]
pub struct OrgUser {
    pub user: SignedIn,
    pub role: OrgRole,
}

impl OrgUser {
    /// `Ok` when the member's role is `min` or higher; otherwise the "not for you" page (403).
    pub fn require(&self, min: OrgRole) -> Result<(), OrgDenied> {
        if self.role >= min {
            Ok(())
        } else {
            Err(OrgDenied)
        }
    }

    pub fn actor(&self) -> Actor {
        self.user.actor()
    }
}

/// A page of the organisation that this account may not use: a 403 page that says so.
#[derive(Debug, Clone, Copy)]
pub struct OrgDenied;

#[derive(Template)]
#[template(path = "org_denied.html")]
struct DeniedPage {
    layout: Layout,
}

impl OrgDenied {
    pub fn page(self, lang: Lang) -> Response {
        let mut r = render(&DeniedPage {
            layout: Layout::new(lang, "org-denied-title", "/organisatie"),
        });
        *r.status_mut() = StatusCode::FORBIDDEN;
        r
    }
}

/// Without the language at hand the page is Dutch; handlers that know it call [`OrgDenied::page`].
impl IntoResponse for OrgDenied {
    fn into_response(self) -> Response {
        self.page(Lang::Nl)
    }
}

impl From<OrgDenied> for Response {
    fn from(d: OrgDenied) -> Response {
        d.into_response()
    }
}

impl FromRequestParts<AppState> for OrgUser {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let lang = Lang::from_headers(&parts.headers);
        let user = SignedIn::from_request_parts(parts, state).await?;
        let role = state
            .store
            .org_role(&user.user.id)
            .await
            .map_err(|e| store_error(e).page(lang))?;
        let Some(role) = role else {
            return Err(OrgDenied.page(lang));
        };
        if user.user.totp_secret.is_none() {
            // The account page shows why, once, next to where the second factor is switched on.
            let session = Session::from_request_parts(parts, state)
                .await
                .map_err(|_| PageError::Internal.page(lang))?;
            let i = Tr { lang };
            let message = i.t1("org-needs-totp", "role", i.t(&role_key(role)));
            session
                .insert(ACCOUNT_NOTICE, message)
                .await
                .map_err(|e| PageError::from(e).page(lang))?;
            return Err(Redirect::to("/account#totp").into_response());
        }
        Ok(OrgUser { user, role })
    }
}

/// The text key of a role's name (`org-role-volunteer`, ...).
pub fn role_key(role: OrgRole) -> String {
    format!("org-role-{}", role.as_str())
}

// The start page of the organisation.

#[derive(Template)]
#[template(path = "org_home.html")]
struct HomePage {
    layout: Layout,
    role: String,
    is_coordinator: bool,
    is_admin: bool,
}

/// `GET /organisatie`: what this member can do here.
pub async fn home(lang: Lang, org: OrgUser) -> Response {
    let i = Tr { lang };
    render(&HomePage {
        layout: Layout::new(lang, "org-title", "/organisatie"),
        role: i.t(&role_key(org.role)),
        is_coordinator: org.role >= OrgRole::Coordinator,
        is_admin: org.role >= OrgRole::Admin,
    })
}

// Members (admins only).

struct MemberLine {
    id: String,
    email: String,
    role: &'static str,
    role_name: String,
    totp_on: bool,
    is_me: bool,
}

#[derive(Template)]
#[template(path = "org_members.html")]
struct MembersPage {
    layout: Layout,
    csrf: String,
    members: Vec<MemberLine>,
    /// (value, label) of the roles, lowest first.
    roles: Vec<(&'static str, String)>,
    error: Option<String>,
    /// The field the error is about (`member-email` or `member-role`).
    error_field: &'static str,
    email: String,
    notice: Option<String>,
}

fn roles(i: Tr) -> Vec<(&'static str, String)> {
    OrgRole::ALL
        .iter()
        .map(|r| (r.as_str(), i.t(&role_key(*r))))
        .collect()
}

async fn members_page(
    state: &AppState,
    lang: Lang,
    org: &OrgUser,
    session: &Session,
    error: Option<(&'static str, String)>,
    email: String,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let members = state
        .store
        .org_members()
        .await
        .map_err(store_error)?
        .into_iter()
        .map(|(u, r)| MemberLine {
            is_me: u.id == org.user.user.id,
            id: u.id,
            email: u.email,
            role: r.as_str(),
            role_name: i.t(&role_key(r)),
            totp_on: u.totp_secret.is_some(),
        })
        .collect();
    let csrf = csrf::token(session).await?;
    let notice = session.remove::<String>(MEMBERS_NOTICE).await?;
    let failed = error.is_some();
    let (error_field, error) = match error {
        Some((field, e)) => (field, Some(e)),
        None => ("member-email", None),
    };
    let mut r = render(&MembersPage {
        layout: Layout::new(lang, "org-members-title", "/organisatie/leden"),
        csrf,
        members,
        roles: roles(i),
        error,
        error_field,
        email,
        notice,
    });
    if failed {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// The session key of the one-time "saved" message on the members page.
const MEMBERS_NOTICE: &str = "org-members-notice";

/// `GET /organisatie/leden`
pub async fn members(
    State(state): State<AppState>,
    lang: Lang,
    org: OrgUser,
    session: Session,
) -> Result<Response, Response> {
    org.require(OrgRole::Admin).map_err(|d| d.page(lang))?;
    members_page(&state, lang, &org, &session, None, String::new())
        .await
        .map_err(|e| e.page(lang))
}

#[derive(Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    email: String,
    /// A role, or `none` to end the membership.
    #[serde(default)]
    role: String,
}

/// Why a change of membership cannot be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberChangeError {
    /// No account has this e-mail address; the person must sign up first.
    NoAccount,
    /// The role is not one of the organisation's roles (or `none`).
    UnknownRole,
    /// The change would leave the organisation without an admin.
    LastAdmin,
}

impl MemberChangeError {
    /// The text key of the message.
    pub fn key(self) -> &'static str {
        match self {
            MemberChangeError::NoAccount => "org-error-no-account",
            MemberChangeError::UnknownRole => "org-error-role",
            MemberChangeError::LastAdmin => "org-error-last-admin",
        }
    }
}

/// For the command line (the web pages use [`MemberChangeError::key`]).
impl std::fmt::Display for MemberChangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            MemberChangeError::NoAccount => {
                "there is no account with this e-mail address; the person signs up first"
            }
            MemberChangeError::UnknownRole => {
                "unknown role; use volunteer, coordinator, admin or none"
            }
            MemberChangeError::LastAdmin => "this is the last admin; make someone else admin first",
        })
    }
}

impl std::error::Error for MemberChangeError {}

/// Reads a role as the forms and the command line give it: a role's name, or `none` (or empty)
/// for "not a member". `Err` for anything else.
pub fn parse_member_role(text: &str) -> Result<Option<OrgRole>, MemberChangeError> {
    match text.trim() {
        "" | "none" => Ok(None),
        t => OrgRole::parse(t)
            .map(Some)
            .ok_or(MemberChangeError::UnknownRole),
    }
}

/// Gives the account with this e-mail address a role (or none). Refuses to remove the last
/// admin, so that someone can always manage the members without the command line.
pub async fn change_member(
    store: &dyn store::Store,
    email: &str,
    role: Option<OrgRole>,
    actor: &Actor,
) -> Result<Result<store::User, MemberChangeError>, store::StoreError> {
    let Some(user) = store.user_by_email(email.trim()).await? else {
        return Ok(Err(MemberChangeError::NoAccount));
    };
    let now_admin = store.org_role(&user.id).await? == Some(OrgRole::Admin);
    if now_admin && role != Some(OrgRole::Admin) {
        let admins = store
            .org_members()
            .await?
            .into_iter()
            .filter(|(_, r)| *r == OrgRole::Admin)
            .count();
        if admins <= 1 {
            return Ok(Err(MemberChangeError::LastAdmin));
        }
    }
    store.set_org_role(&user.id, role, actor).await?;
    Ok(Ok(user))
}

/// `POST /organisatie/leden`: adds a member by e-mail address, or changes or ends a role.
pub async fn save_member(
    State(state): State<AppState>,
    lang: Lang,
    org: OrgUser,
    session: Session,
    Form(f): Form<MemberForm>,
) -> Result<Response, Response> {
    org.require(OrgRole::Admin).map_err(|d| d.page(lang))?;
    let i = Tr { lang };
    let email = f.email.trim().to_string();
    let result = match parse_member_role(&f.role) {
        Ok(role) => change_member(&*state.store, &email, role, &org.actor())
            .await
            .map_err(|e| store_error(e).page(lang))?
            .map(|u| (u, role)),
        Err(e) => Err(e),
    };
    match result {
        Ok((user, role)) => {
            let message = match role {
                Some(r) => i.args(
                    "org-member-saved",
                    &[("email", user.email), ("role", i.t(&role_key(r)))],
                ),
                None => i.t1("org-member-removed", "email", user.email),
            };
            session
                .insert(MEMBERS_NOTICE, message)
                .await
                .map_err(|e| PageError::from(e).page(lang))?;
            Ok(Redirect::to("/organisatie/leden").into_response())
        }
        Err(e) => {
            let field = match e {
                MemberChangeError::UnknownRole => "member-role",
                _ => "member-email",
            };
            members_page(
                &state,
                lang,
                &org,
                &session,
                Some((field, i.t(e.key()))),
                email,
            )
            .await
            .map_err(|e| e.page(lang))
        }
    }
}
