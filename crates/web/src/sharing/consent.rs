//! The parent's consent to combine procedures (`/dossiers/{case}/bundelen`, owner only): with
//! it, the organisation's coordinator sees the case in a group of cases that name the same
//! school board or samenwerkingsverband ([`cases::consent`]).

use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tower_sessions::Session;

use crate::http::case_access::CaseAccess;
use crate::http::csrf;
use crate::http::error::{PageError, case_error};
use crate::http::i18n::{Lang, Tr, saved_on};
use crate::http::layout::{Layout, render};
use crate::http::state::AppState;

#[derive(Template)]
#[template(path = "groups_consent.html")]
struct ConsentPage {
    layout: Layout,
    csrf: String,
    case_id: String,
    /// When the consent was given, as text; `None` without consent.
    given: Option<String>,
    error: Option<String>,
}

async fn consent_page(
    state: &AppState,
    lang: Lang,
    access: &CaseAccess,
    session: &Session,
    error: Option<String>,
) -> Result<Response, PageError> {
    let given = cases::consent::since(&*state.store, &access.case.id)
        .await
        .map_err(case_error)?;
    let failed = error.is_some();
    let page = ConsentPage {
        layout: Layout::new(
            lang,
            "groups-consent-title",
            &format!("/dossiers/{}/bundelen", access.case.id),
        ),
        csrf: csrf::token(session).await?,
        case_id: access.case.id.clone(),
        given: given.map(saved_on),
        error,
    };
    let mut response = render(&page);
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `GET /dossiers/{case}/bundelen`
pub async fn show(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
) -> Result<Response, PageError> {
    consent_page(&state, lang, &access, &session, None).await
}

#[derive(Deserialize)]
pub struct ConsentForm {
    #[serde(default)]
    toestemming: String,
}

/// `POST /dossiers/{case}/bundelen`: gives (`ja`) or withdraws (`nee`) the consent.
pub async fn save(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Form(f): Form<ConsentForm>,
) -> Result<Response, PageError> {
    let saved = cases::consent::set(
        &*state.store,
        &access.case.id,
        &f.toestemming,
        &access.actor(),
    )
    .await
    .map_err(case_error)?;
    if saved.is_err() {
        let e = Tr { lang }.t("groups-consent-error");
        return consent_page(&state, lang, &access, &session, Some(e)).await;
    }
    Ok(Redirect::to(&format!("/dossiers/{}/bundelen", access.case.id)).into_response())
}
