//! Recording how a route step went ([`cases::outcomes`]), and saving the intake of this
//! session as the case's next answer version.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cases::events::EventDraft;
use cases::outcomes::OutcomeRefused;
use serde::Deserialize;
use tower_sessions::Session;

use super::page::{Kept, TypedOutcome, case_page};
use crate::http::answers;
use crate::http::case_access::CaseAccess;
use crate::http::error::{PageError, case_error};
use crate::http::forms::{FieldError, date_error};
use crate::http::i18n::{Lang, Tr};
use crate::http::state::AppState;

#[derive(Deserialize)]
pub struct OutcomeForm {
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    date: String,
}

/// `POST /dossiers/{case}/stappen/{step}`: records how a step of the route went.
pub async fn save_outcome(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Path((_, step_id)): Path<(String, String)>,
    Form(f): Form<OutcomeForm>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let recorded = cases::outcomes::record(
        &*state.store,
        &state.lib.k,
        &access.case.id,
        &step_id,
        &f.outcome,
        &f.date,
        &access.actor(),
    )
    .await
    .map_err(case_error)?;
    let error = match recorded {
        Ok(()) => None,
        Err(OutcomeRefused::NoSuchStep) => return Err(PageError::NotFound),
        Err(OutcomeRefused::UnknownOutcome) => Some(FieldError {
            message: i.t("outcome-error"),
            field: format!("outcome-{step_id}"),
        }),
        Err(OutcomeRefused::BadDate(e)) => Some(FieldError {
            message: date_error(i, &i.t("event-date"), &e),
            field: format!("outcome-date-{step_id}"),
        }),
    };
    if let Some(e) = error {
        let kept = Kept {
            error: Some(e),
            draft: EventDraft::default(),
            outcome: Some(TypedOutcome {
                step_id,
                outcome: f.outcome,
                date: f.date,
            }),
        };
        return case_page(&state, lang, &access, &session, kept).await;
    }
    Ok(Redirect::to(&format!("/dossiers/{}", access.case.id)).into_response())
}

/// `POST /dossiers/{case}/antwoorden`: the intake of this session becomes the case's next
/// answer version; answers the session does not have are kept from the last version, so a
/// partial re-save loses nothing.
pub async fn save_answers(
    State(state): State<AppState>,
    access: CaseAccess,
    session: Session,
) -> Result<Response, PageError> {
    let stored = answers::load(&session).await?;
    cases::answers::save_merged(&*state.store, &access.case.id, stored, &access.actor())
        .await
        .map_err(case_error)?;
    Ok(Redirect::to(&format!("/dossiers/{}", access.case.id)).into_response())
}
