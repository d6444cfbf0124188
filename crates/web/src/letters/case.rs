//! A letter for a case: filled from the case's answers, child and parties, and marked as sent
//! on its timeline (see the module doc of `letters`).

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use cases::events::SentLetter;
use route::letter::{
    CaseChild, CaseFacts, CaseParty, FieldValues, letter_date, prefill, prefill_from_case,
};
use tower_sessions::Session;

use super::{ChildChoice, find, for_case, page};
use crate::http::case_access::CaseAccess;
use crate::http::csrf;
use crate::http::error::{PageError, case_error, store_error};
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::render;
use crate::http::links::case_letter_url;
use crate::http::state::AppState;

#[derive(serde::Deserialize)]
pub struct CaseLetterQuery {
    /// The id of the child the letter is about.
    #[serde(default)]
    kind: Option<String>,
}

/// `GET /dossiers/{case}/brieven/{id}`: the letter filled from the case (see the module doc).
pub async fn show_for_case(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    access: CaseAccess,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<CaseLetterQuery>,
) -> Result<Response, PageError> {
    let Some((l, t)) = find(&state, &id) else {
        return Err(PageError::NotFound);
    };
    let store = &state.store;
    let case_id = &access.case.id;
    let children = store.children(case_id).await.map_err(store_error)?;
    let child = q
        .kind
        .as_ref()
        .and_then(|k| children.iter().find(|c| &c.id == k))
        .or(children.first());
    let facts = CaseFacts {
        child: child.map(|c| CaseChild {
            name: c.name.clone(),
            level: c.school_level.clone(),
            school_type: c.school_type.clone(),
        }),
        parties: store
            .parties(case_id)
            .await
            .map_err(store_error)?
            .into_iter()
            .map(|p| CaseParty {
                role: p.role,
                name: p.name,
                contact: p.contact,
            })
            .collect(),
    };
    // What the case knows fills what its answers do not.
    let mut values =
        match cases::advice::case_advice(&*state.store, &state.lib.k, case_id, state.today.date())
            .await
            .map_err(case_error)?
        {
            Some(a) => prefill(&state.lib.k, t, &a.advice),
            None => FieldValues::new(),
        };
    for (field, value) in prefill_from_case(t, &facts) {
        values.entry(field).or_insert(value);
    }
    values
        .entry("datum".to_string())
        .or_insert_with(|| letter_date(state.today.date()));
    let token = csrf::token(&session).await?;
    let mut p = page(
        &state,
        lang,
        token,
        l,
        t,
        &values,
        Vec::new(),
        None,
        None,
        None,
    );
    for_case(&mut p, lang, &access.case, access.role);
    if children.len() > 1 {
        let url = case_letter_url(case_id, &l.id);
        p.children = children
            .iter()
            .map(|c| ChildChoice {
                url: format!("{url}?kind={}", c.id),
                name: c.name.clone(),
                current: child.is_some_and(|x| x.id == c.id),
            })
            .collect();
    }
    Ok(render(&p))
}

#[derive(serde::Deserialize)]
pub struct SentForm {
    #[serde(default)]
    verstuurd_op: String,
    #[serde(default)]
    onderwerp: String,
    #[serde(default)]
    tekst: String,
    #[serde(default)]
    ondertekening: String,
}

/// `POST /dossiers/{case}/brieven/{id}`: the letter was sent on `verstuurd_op`; it goes on the
/// case's timeline, and its follow-up date question is answered by that date (see the module
/// doc). The store writes the audit line with the event.
pub async fn mark_sent(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    Path((_, id)): Path<(String, String)>,
    Form(f): Form<SentForm>,
) -> Result<Response, PageError> {
    let Some(l) = state.lib.k.letter(&id) else {
        return Err(PageError::NotFound);
    };
    let Ok(date) = f.verstuurd_op.trim().parse::<jiff::civil::Date>() else {
        // The field is a date input filled with today, so this is rare: say what to do.
        let i = Tr { lang };
        return Ok((
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            i.t("letter-sent-error-date"),
        )
            .into_response());
    };
    let sent = SentLetter {
        subject: &f.onderwerp,
        text: &f.tekst,
        signature: &f.ondertekening,
    };
    cases::events::letter_sent(
        &*state.store,
        &access.case.id,
        l,
        date,
        sent,
        &access.actor(),
    )
    .await
    .map_err(case_error)?;
    Ok(Redirect::to(&format!("/dossiers/{}#tijdlijn", access.case.id)).into_response())
}
