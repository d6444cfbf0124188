//! The parent's list of cases: every case they own or were given access to, a new case (empty
//! or with the intake of this session), and a new case from an exported file.

use askama::Template;
use axum::extract::{Form, Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use store::Role;
use tower_sessions::Session;

use crate::http::answers;
use crate::http::auth::{SignedIn, now};
use crate::http::csrf;
use crate::http::error::{PageError, case_error, store_error};
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::state::AppState;

struct CaseLine {
    /// The case page, or its summary when that is all the caller may see.
    href: String,
    title: String,
    role: String,
}

#[derive(Template)]
#[template(path = "cases.html")]
struct CasesPage {
    layout: Layout,
    csrf: String,
    cases: Vec<CaseLine>,
    has_answers: bool,
    error: Option<String>,
}

/// `GET /dossiers`
pub async fn list(
    State(state): State<AppState>,
    lang: Lang,
    user: SignedIn,
    session: Session,
) -> Result<Response, PageError> {
    cases_page(&state, lang, &user, &session, None).await
}

async fn cases_page(
    state: &AppState,
    lang: Lang,
    user: &SignedIn,
    session: &Session,
    error: Option<String>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let cases = state
        .store
        .cases_for_user(&user.user.id, now())
        .await
        .map_err(store_error)?;
    let cases = cases
        .into_iter()
        .map(|(c, role)| CaseLine {
            href: match role {
                Role::Summary => format!("/dossiers/{}/samenvatting", c.id),
                _ => format!("/dossiers/{}", c.id),
            },
            title: c.title,
            role: i.t(&format!("role-{}", role.as_str())),
        })
        .collect();
    let csrf = csrf::token(session).await?;
    let has_answers = !answers::load(session).await?.is_empty();
    let failed = error.is_some();
    let layout = Layout::new(lang, "cases-title", "/dossiers");
    let mut response = render(&CasesPage {
        layout,
        csrf,
        cases,
        has_answers,
        error,
    });
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

#[derive(Deserialize)]
pub struct NewCase {
    #[serde(default)]
    title: String,
    #[serde(default)]
    save_intake: String,
}

/// `POST /dossiers`: a new case, with the intake of this session when asked.
pub async fn create(
    State(state): State<AppState>,
    lang: Lang,
    user: SignedIn,
    session: Session,
    Form(f): Form<NewCase>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let title = f.title.trim();
    let title = if title.is_empty() {
        i.t("case-default-title")
    } else {
        title.to_string()
    };
    let stored = answers::load(&session).await?;
    let intake = (f.save_intake == "ja").then_some(&stored);
    let case = cases::lifecycle::create(&*state.store, &title, intake, &user.actor())
        .await
        .map_err(case_error)?;
    Ok(Redirect::to(&format!("/dossiers/{}", case.id)).into_response())
}

/// `POST /dossiers/importeren`: a file made by export becomes a new case of the caller.
pub async fn import(
    State(state): State<AppState>,
    lang: Lang,
    user: SignedIn,
    session: Session,
    mut form: Multipart,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let mut file = None;
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some("bestand") {
            file = field.bytes().await.ok();
        }
    }
    let Some(bytes) = file.filter(|b| !b.is_empty()) else {
        return cases_page(
            &state,
            lang,
            &user,
            &session,
            Some(i.t("answers-error-empty")),
        )
        .await;
    };
    match cases::export::import(&*state.store, &bytes, &user.actor())
        .await
        .map_err(case_error)?
    {
        Ok(case_id) => Ok(Redirect::to(&format!("/dossiers/{case_id}")).into_response()),
        Err(e) => cases_page(&state, lang, &user, &session, Some(i.t(e.key()))).await,
    }
}
