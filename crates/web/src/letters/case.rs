//! A letter for a case: filled from the case's answers, child and parties, and marked as sent
//! on its timeline (see the module doc of `letters`).

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cases::events::SentLetter;
use route::letter::{
    CaseChild, CaseFacts, CaseParty, FieldValues, letter_date, prefill, prefill_from_case,
};
use tower_sessions::Session;

use super::{ChildChoice, find, for_case, page, posted};
use crate::http::case_access::CaseAccess;
use crate::http::csrf;
use crate::http::error::{PageError, case_error, store_error};
use crate::http::forms::{FieldError, date_error};
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

/// `POST /dossiers/{case}/brieven/{id}`: the letter was sent on `verstuurd_op` (typed the
/// Dutch way, see [`cases::parse_date`]); it goes on the case's timeline, and its follow-up
/// date question is answered by that date (see the module doc). The store writes the audit line
/// with the event. The form is the whole letter form, so a date that cannot be read shows the
/// letter again as it was posted, with the date as typed.
pub async fn mark_sent(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    access: CaseAccess,
    Path((_, id)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let Some(l) = state.lib.k.letter(&id) else {
        return Err(PageError::NotFound);
    };
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    let sent_on = field("verstuurd_op").to_string();
    let date = match cases::parse_date(&sent_on) {
        Ok(d) => d,
        Err(e) => {
            let i = Tr { lang };
            let error = FieldError {
                message: date_error(i, &i.t("letter-sent-date"), &e),
                field: "verstuurd_op".to_string(),
            };
            let Some(t) = &l.template else {
                // No letter page to show again: only the message.
                return Ok((StatusCode::UNPROCESSABLE_ENTITY, error.message).into_response());
            };
            let p = posted(t, pairs.clone());
            let token = csrf::token(&session).await?;
            let mut shown = page(
                &state,
                lang,
                token,
                l,
                t,
                &p.values,
                vec![error],
                p.subject,
                p.text,
                p.signature,
            );
            for_case(&mut shown, lang, &access.case, access.role);
            shown.sent_date = sent_on;
            let mut response = render(&shown);
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(response);
        }
    };
    let sent = SentLetter {
        subject: field("onderwerp"),
        text: field("tekst"),
        signature: field("ondertekening"),
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
