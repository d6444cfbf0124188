//! Save and return without an account: the answers as a JSON file (the situation-file format)
//! to download, and the same file to upload later. The server keeps no copy.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use crate::http::answers;
use crate::http::csrf;
use crate::http::error::PageError;
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::state::AppState;

/// The form field of the file.
const FILE_FIELD: &str = "bestand";

#[derive(Template)]
#[template(path = "answers.html")]
struct AnswersPage {
    layout: Layout,
    csrf: String,
    has_answers: bool,
    error: Option<String>,
}

async fn answers_page(
    lang: Lang,
    session: &Session,
    error: Option<String>,
) -> Result<Response, PageError> {
    let stored = answers::load(session).await?;
    let csrf = csrf::token(session).await?;
    let mut layout = Layout::new(lang, "answers-title", "/antwoorden");
    if !stored.is_empty() {
        layout.restart = true;
    }
    let failed = error.is_some();
    let mut response = render(&AnswersPage {
        layout,
        csrf,
        has_answers: !stored.is_empty(),
        error,
    });
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `GET /antwoorden`
pub async fn page(lang: Lang, session: Session) -> Result<Response, PageError> {
    answers_page(lang, &session, None).await
}

/// `GET /antwoorden/bestand`: the answers as a file.
pub async fn download(
    State(state): State<AppState>,
    session: Session,
) -> Result<Response, PageError> {
    let stored = answers::load(&session).await?;
    let s = answers::situation(&state.lib.k, &stored, state.today.date());
    let json = serde_json::to_string_pretty(&route::situation::to_json(&s))
        .map_err(|_| PageError::Internal)?;
    let mut response = json.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"routewijzer-antwoorden.json\""),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// `POST /antwoorden`: reads an uploaded answers file into the session.
pub async fn upload(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    mut form: Multipart,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let mut file = None;
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some(FILE_FIELD) {
            file = field.bytes().await.ok();
        }
    }
    let Some(bytes) = file.filter(|b| !b.is_empty()) else {
        return answers_page(lang, &session, Some(i.t("answers-error-empty"))).await;
    };
    match read(&state, &bytes, i) {
        Ok(s) => {
            answers::replace(&session, &s).await?;
            Ok(Redirect::to("/vragen").into_response())
        }
        Err(message) => answers_page(lang, &session, Some(message)).await,
    }
}

/// Reads the file as a situation. The date in the file is replaced by today: advice is always
/// for today.
fn read(state: &AppState, bytes: &[u8], i: Tr) -> Result<route::Situation, String> {
    let k = &state.lib.k;
    let not_ours = || i.t("answers-error-not-ours");
    let mut json: serde_json::Value = serde_json::from_slice(bytes).map_err(|_| not_ours())?;
    let map = json.as_object_mut().ok_or_else(not_ours)?;
    map.insert(
        "today".into(),
        serde_json::Value::String(state.today.date().to_string()),
    );
    route::situation::from_json(k, &json.to_string()).map_err(|e| match k.question(&e.key) {
        Some(q) => i.t1("answers-error-question", "question", &q.text),
        None => not_ours(),
    })
}
