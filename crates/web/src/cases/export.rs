//! The whole case as one file for the parent ([`cases::export`]), and deleting the case.

use axum::extract::{Form, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::http::case_access::CaseAccess;
use crate::http::download::download;
use crate::http::error::{PageError, case_error};
use crate::http::state::AppState;

/// `GET /dossiers/{case}/export`: everything in the case as a ZIP (see [`cases::export`]).
pub async fn export(
    State(state): State<AppState>,
    access: CaseAccess,
) -> Result<Response, PageError> {
    let bytes = cases::export::export(&*state.store, &access.case)
        .await
        .map_err(case_error)?;
    cases::audit::log(
        &*state.store,
        &access.case.id,
        &access.actor(),
        cases::audit::EXPORT,
    )
    .await
    .map_err(case_error)?;
    let response = download(bytes, "application/zip", "routewijzer-dossier.zip");
    Ok(response)
}

#[derive(Deserialize)]
pub struct Confirm {
    #[serde(default)]
    confirm: String,
}

/// `POST /dossiers/{case}/verwijderen`: the case, everything in it and its files, for good.
pub async fn delete(
    State(state): State<AppState>,
    access: CaseAccess,
    Form(f): Form<Confirm>,
) -> Result<Response, PageError> {
    if f.confirm != "ja" {
        return Ok(Redirect::to(&format!("/dossiers/{}", access.case.id)).into_response());
    }
    cases::lifecycle::delete(&*state.store, &access.case.id)
        .await
        .map_err(case_error)?;
    // The figures counted it: the next count, not a later one, leaves it out.
    state.figures.clear();
    Ok(Redirect::to("/dossiers").into_response())
}
