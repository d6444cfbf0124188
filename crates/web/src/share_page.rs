//! Sharing a case with an advocate: the owner invites by e-mail with a role (read or
//! contribute) and an optional end date, sees who has access and the audit log, and revokes.
//! The advocate accepts through the link in the invitation, logged in with the invited address.
//!
//! The invitation goes out through [`crate::mail::Mailer`].

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use store::{Role, Share, new_id};
use tower_sessions::Session;

use crate::account::{SignedIn, now, store_error};
use crate::app::AppState;
use crate::case_page::CaseAccess;
use crate::csrf;
use crate::error::PageError;
use crate::i18n::{Lang, Tr};
use crate::layout::{Layout, render};

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
    error: Option<String>,
    email: String,
}

fn when(t: i64) -> String {
    jiff::Timestamp::from_second(t)
        .map(|ts| ts.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

async fn share_page(
    state: &AppState,
    lang: Lang,
    access: &CaseAccess,
    session: &Session,
    error: Option<String>,
    email: String,
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
            let (state, active) = if s.revoked_at.is_some() {
                (i.t("share-state-revoked"), false)
            } else if s.expires_at.is_some_and(|e| e <= t) {
                (i.t("share-state-expired"), false)
            } else if s.user_id.is_some() {
                (i.t("share-state-active"), true)
            } else {
                (i.t("share-state-invited"), true)
            };
            ShareLine {
                id: s.id,
                email: s.email,
                role: i.t(&format!("role-{}", s.role.as_str())),
                state,
                active,
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
            at: when(a.at),
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
    share_page(&state, lang, &access, &session, None, String::new()).await
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    /// Optional last day of access, ISO.
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
    let email = f.email.trim().to_string();
    let role = match f.role.as_str() {
        "read" => Some(Role::Read),
        "contribute" => Some(Role::Contribute),
        _ => None,
    };
    let until = match f.until.trim() {
        "" => Ok(None),
        d => d.parse::<jiff::civil::Date>().map(Some).map_err(|_| ()),
    };
    let error = if !email.contains('@') || email.len() > 254 {
        Some(i.t("account-error-email"))
    } else if role.is_none() {
        Some(i.t("share-error-role"))
    } else if until.is_err() {
        Some(i.t("event-error-date"))
    } else {
        None
    };
    if let Some(e) = error {
        return share_page(&state, lang, &access, &session, Some(e), email).await;
    }
    // Access ends at the end of the chosen day in the Netherlands.
    let expires_at = until.ok().flatten().and_then(|d| {
        d.tomorrow()
            .ok()?
            .in_tz("Europe/Amsterdam")
            .ok()
            .map(|z| z.timestamp().as_second())
    });
    let actor = access.actor();
    let share = Share {
        id: new_id(),
        case_id: access.case.id.clone(),
        email: email.clone(),
        role: role.unwrap_or(Role::Read),
        user_id: None,
        token: format!("{}{}", new_id(), new_id()),
        created_at: actor.now,
        expires_at,
        revoked_at: None,
    };
    state
        .store
        .add_share(&share, &actor)
        .await
        .map_err(store_error)?;
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
    state
        .store
        .revoke_share(&access.case.id, &share_id, &access.actor())
        .await
        .map_err(store_error)?;
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

/// The invitation behind a token, if this account may accept it now.
async fn usable(
    state: &AppState,
    token: &str,
    user: &SignedIn,
    i: Tr,
) -> Result<Result<Share, String>, PageError> {
    let Some(share) = state
        .store
        .share_by_token(token)
        .await
        .map_err(store_error)?
    else {
        return Ok(Err(i.t("invitation-unknown")));
    };
    if share.revoked_at.is_some() || share.expires_at.is_some_and(|e| e <= now()) {
        return Ok(Err(i.t("invitation-ended")));
    }
    if share.user_id.as_deref().is_some_and(|u| u != user.user.id) {
        return Ok(Err(i.t("invitation-used")));
    }
    if !share.email.eq_ignore_ascii_case(&user.user.email) {
        return Ok(Err(i.t("invitation-other-address")));
    }
    Ok(Ok(share))
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
    let problem = usable(&state, &token, &user, i).await?.err();
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
    match usable(&state, &token, &user, i).await? {
        Ok(share) => {
            state
                .store
                .accept_share(&share.id, &user.actor())
                .await
                .map_err(store_error)?;
            Ok(Redirect::to(&format!("/dossiers/{}", share.case_id)).into_response())
        }
        Err(problem) => {
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
