//! Sharing a case with an advocate: the owner invites by e-mail with a role (read or
//! contribute) and an optional end date, sees who has access and the audit log, and revokes.
//! The advocate accepts through the link in the invitation, logged in with the invited address.
//!
//! The rules are in [`cases::sharing`]; the invitation goes out through [`crate::mail::Mailer`].
//! The parent's consent to combine procedures is in `consent`.

pub mod consent;

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cases::sharing::{Invite, InviteRefused, ShareState};
use serde::Deserialize;
use tower_sessions::Session;

use crate::http::auth::{SignedIn, now};
use crate::http::case_access::CaseAccess;
use crate::http::csrf;
use crate::http::error::store_error;
use crate::http::error::{PageError, case_error};
use crate::http::forms::{FieldError, date_error};
use crate::http::i18n::{Lang, Tr, saved_at};
use crate::http::layout::{Layout, render};
use crate::http::state::AppState;

struct ShareLine {
    id: String,
    email: String,
    role: String,
    state: String,
    active: bool,
}

struct AuditLine {
    at: String,
    who: String,
    action: String,
}

#[derive(Template)]
#[template(path = "share.html")]
struct SharePage {
    layout: Layout,
    csrf: String,
    case_id: String,
    shares: Vec<ShareLine>,
    audit: Vec<AuditLine>,
    error: Option<FieldError>,
    /// The invitation as typed, kept when it was refused.
    email: String,
    until: String,
}

async fn share_page(
    state: &AppState,
    lang: Lang,
    access: &CaseAccess,
    session: &Session,
    error: Option<FieldError>,
    email: String,
    until: String,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let t = now();
    let store = &state.store;
    let shares = store
        .shares(&access.case.id)
        .await
        .map_err(store_error)?
        .into_iter()
        .map(|s| {
            let state = ShareState::of(&s, t);
            ShareLine {
                id: s.id,
                email: s.email,
                role: i.t(&format!("role-{}", s.role.as_str())),
                state: i.t(state.key()),
                active: state.in_force(),
            }
        })
        .collect();
    let mut audit = Vec::new();
    for a in store
        .audit_log(&access.case.id)
        .await
        .map_err(store_error)?
        .into_iter()
        .rev()
    {
        let who = match store.user_by_id(&a.actor_id).await.map_err(store_error)? {
            Some(u) => u.email,
            None => i.t("share-unknown-user"),
        };
        audit.push(AuditLine {
            at: saved_at(a.at),
            who,
            action: a.action,
        });
    }
    let csrf = csrf::token(session).await?;
    let failed = error.is_some();
    let layout = Layout::new(
        lang,
        "share-title",
        &format!("/dossiers/{}/delen", access.case.id),
    );
    let mut response = render(&SharePage {
        layout,
        csrf,
        case_id: access.case.id.clone(),
        shares,
        audit,
        error,
        email,
        until,
    });
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `GET /dossiers/{case}/delen`
pub async fn show(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
) -> Result<Response, PageError> {
    share_page(
        &state,
        lang,
        &access,
        &session,
        None,
        String::new(),
        String::new(),
    )
    .await
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    /// Optional last day of access, as typed (see [`cases::parse_date`]).
    #[serde(default)]
    until: String,
}

/// `POST /dossiers/{case}/delen`: invites an advocate.
pub async fn invite(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Form(f): Form<InviteForm>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let invite = Invite {
        email: &f.email,
        role: &f.role,
        until: &f.until,
    };
    let share =
        match cases::sharing::invite(&*state.store, &access.case.id, &invite, &access.actor())
            .await
            .map_err(case_error)?
        {
            Ok(share) => share,
            Err(e) => {
                let (field, message) = match &e {
                    InviteRefused::Email => ("share-email", i.t(e.key())),
                    InviteRefused::Role => ("role-read", i.t(e.key())),
                    InviteRefused::Date(d) => {
                        ("share-until", date_error(i, &i.t("share-until-name"), d))
                    }
                };
                let error = FieldError {
                    message,
                    field: field.to_string(),
                };
                let email = f.email.trim().to_string();
                return share_page(&state, lang, &access, &session, Some(error), email, f.until)
                    .await;
            }
        };
    let email = share.email.clone();
    let link = state.url(&format!("/uitnodiging/{}", share.token));
    state.mailer.send(
        &email,
        &i.t("share-mail-subject"),
        &i.t1("share-mail-body", "link", &link),
    );
    Ok(Redirect::to(&format!("/dossiers/{}/delen", access.case.id)).into_response())
}

/// `POST /dossiers/{case}/delen/{share}/intrekken`
pub async fn revoke(
    State(state): State<AppState>,
    access: CaseAccess,
    Path((_, share_id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    cases::sharing::revoke(&*state.store, &access.case.id, &share_id, &access.actor())
        .await
        .map_err(case_error)?;
    Ok(Redirect::to(&format!("/dossiers/{}/delen", access.case.id)).into_response())
}

#[derive(Template)]
#[template(path = "invitation.html")]
struct InvitationPage {
    layout: Layout,
    csrf: String,
    token: String,
    /// Why the invitation cannot be accepted, if it cannot.
    problem: Option<String>,
}

/// `GET /uitnodiging/{token}`
pub async fn invitation(
    State(state): State<AppState>,
    lang: Lang,
    user: SignedIn,
    session: Session,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let problem = cases::sharing::usable(
        &*state.store,
        &token,
        &user.user.id,
        &user.user.email,
        now(),
    )
    .await
    .map_err(case_error)?
    .err()
    .map(|e| i.t(e.key()));
    let csrf = csrf::token(&session).await?;
    Ok(render(&InvitationPage {
        layout: Layout::new(lang, "invitation-title", "/dossiers"),
        csrf,
        token,
        problem,
    }))
}

/// `POST /uitnodiging/{token}`: accepts.
pub async fn accept(
    State(state): State<AppState>,
    lang: Lang,
    user: SignedIn,
    session: Session,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    match cases::sharing::accept(&*state.store, &token, &user.user.email, &user.actor())
        .await
        .map_err(case_error)?
    {
        Ok(case_id) => Ok(Redirect::to(&format!("/dossiers/{case_id}")).into_response()),
        Err(problem) => {
            let problem = i.t(problem.key());
            let csrf = csrf::token(&session).await?;
            let layout = Layout::new(lang, "invitation-title", "/dossiers");
            let mut r = render(&InvitationPage {
                layout,
                csrf,
                token,
                problem: Some(problem),
            });
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(r)
        }
    }
}
