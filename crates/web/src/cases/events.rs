//! The timeline's forms: a new event (multipart, with an optional file), editing an event
//! (saved only when nobody saved in between; otherwise the editor keeps their text and sees
//! what the other person saved), and downloading an attachment. The rules are in
//! [`cases::events`] and [`cases::attachments`].

use askama::Template;
use axum::extract::{Form, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cases::attachments::Refused;
use cases::events::{AddRefused, EventDraft, EventRefused, Upload};
use serde::Deserialize;
use store::Edit;
use tower_sessions::Session;

use super::page::{Kept, case_page, kinds};
use crate::http::case_access::CaseAccess;
use crate::http::csrf;
use crate::http::download::download_stream;
use crate::http::error::{PageError, case_error, store_error};
use crate::http::forms::{FieldError, date_error};
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::state::AppState;

/// `POST /dossiers/{case}/gebeurtenissen` (multipart: kind, date, title, notes, optional file).
pub async fn add_event(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    mut form: Multipart,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let mut draft = EventDraft::default();
    let mut party_ids: Vec<String> = Vec::new();
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Ok(Some(mut field)) = form.next_field().await {
        let name = field.name().unwrap_or_default().to_string();
        if name == "bestand" {
            let file_name = field.file_name().unwrap_or_default().to_string();
            // Chunk by chunk into one buffer: the upload is held once, not once more as a copy.
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(|_| PageError::TooLarge)? {
                bytes.extend_from_slice(&chunk);
            }
            if !bytes.is_empty() {
                file = Some((file_name, bytes));
            }
            continue;
        }
        let text = field.text().await.unwrap_or_default();
        match name.as_str() {
            "kind" => draft.kind = text,
            "date" => draft.date = text,
            "title" => draft.title = text,
            "notes" => draft.notes = text,
            "sets_date" => draft.sets_date = text,
            "party" => party_ids.push(text),
            _ => {}
        }
    }
    let upload = file.map(|(file_name, bytes)| Upload { file_name, bytes });
    let added = cases::events::add(
        &*state.store,
        &state.lib.k,
        &access.case.id,
        &draft,
        party_ids,
        upload,
        &access.actor(),
    )
    .await
    .map_err(case_error)?;
    if let Err(refused) = added {
        let file_error = |message: String| FieldError {
            message,
            field: "bestand".to_string(),
        };
        let error = match refused {
            AddRefused::Event(e) => event_error(i, &e),
            AddRefused::File(Refused::TooLarge { max_mb }) => {
                file_error(i.t1("event-error-file-size", "mb", max_mb))
            }
            AddRefused::File(Refused::WrongType) => file_error(i.t("event-error-file-type")),
        };
        let kept = Kept {
            error: Some(error),
            draft,
            outcome: None,
        };
        return case_page(&state, lang, &access, &session, kept).await;
    }
    Ok(Redirect::to(&format!("/dossiers/{}#tijdlijn", access.case.id)).into_response())
}

/// The message for a refused event, and the input it is about (the ids of both event forms).
fn event_error(i: Tr, e: &EventRefused) -> FieldError {
    let (field, message) = match e {
        EventRefused::Date(d) => ("event-date", date_error(i, &i.t("event-date"), d)),
        EventRefused::Kind => ("event-kind", i.t(e.key())),
        EventRefused::Title => ("event-title", i.t(e.key())),
        EventRefused::SetsDate => ("event-sets-date", i.t(e.key())),
    };
    FieldError {
        message,
        field: field.to_string(),
    }
}

#[derive(Template)]
#[template(path = "event_edit.html")]
struct EditPage {
    layout: Layout,
    csrf: String,
    case_id: String,
    event_id: String,
    version: i64,
    draft: EventDraft,
    kinds: Vec<(&'static str, String)>,
    error: Option<FieldError>,
    /// On a conflict: the notes as the other person saved them.
    theirs: Option<String>,
}

/// `GET /dossiers/{case}/gebeurtenissen/{event}`
pub async fn edit_page(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Path((_, event_id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let Some(e) = state
        .store
        .event(&access.case.id, &event_id)
        .await
        .map_err(store_error)?
    else {
        return Err(PageError::NotFound);
    };
    let csrf = csrf::token(&session).await?;
    let version = e.version;
    let draft = EventDraft::from(e);
    Ok(render(&EditPage {
        layout: Layout::new(
            lang,
            "event-edit-title",
            &format!("/dossiers/{}", access.case.id),
        ),
        csrf,
        case_id: access.case.id.clone(),
        event_id,
        version,
        draft,
        kinds: kinds(Tr { lang }),
        error: None,
        theirs: None,
    }))
}

#[derive(Deserialize)]
pub struct EventForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    version: i64,
}

/// `POST /dossiers/{case}/gebeurtenissen/{event}`: saves when nobody saved in between;
/// otherwise the editor keeps their text and sees what the other person saved.
pub async fn edit(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Path((_, event_id)): Path<(String, String)>,
    Form(f): Form<EventForm>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let Some(stored) = state
        .store
        .event(&access.case.id, &event_id)
        .await
        .map_err(store_error)?
    else {
        return Err(PageError::NotFound);
    };
    let draft = EventDraft {
        kind: f.kind.clone(),
        date: f.date.clone(),
        title: f.title.clone(),
        notes: f.notes.clone(),
        sets_date: stored.sets_date.clone(),
    };
    let mut version = f.version;
    let mut theirs = None;
    let error = match draft.check() {
        Err(e) => event_error(i, &e),
        Ok(date) => {
            let saved = cases::events::update(
                &*state.store,
                stored,
                &draft,
                date,
                f.version,
                &access.actor(),
            )
            .await
            .map_err(case_error)?;
            match saved {
                Edit::Saved(_) => {
                    return Ok(
                        Redirect::to(&format!("/dossiers/{}#tijdlijn", access.case.id))
                            .into_response(),
                    );
                }
                Edit::Missing => return Err(PageError::NotFound),
                Edit::Conflict(current) => {
                    // Saving again now replaces their version on purpose.
                    version = current.version;
                    theirs = Some(current.notes);
                    FieldError {
                        message: i.t("event-error-conflict"),
                        field: "event-notes".to_string(),
                    }
                }
            }
        }
    };
    let csrf = csrf::token(&session).await?;
    let theirs_shown = theirs.is_some();
    let mut response = render(&EditPage {
        layout: Layout::new(
            lang,
            "event-edit-title",
            &format!("/dossiers/{}", access.case.id),
        ),
        csrf,
        case_id: access.case.id.clone(),
        event_id,
        version,
        draft,
        kinds: kinds(i),
        error: Some(error),
        theirs,
    });
    *response.status_mut() = if theirs_shown {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(response)
}

/// `GET /dossiers/{case}/bijlagen/{attachment}`: always as a download, never shown inline.
pub async fn attachment(
    State(state): State<AppState>,
    access: CaseAccess,
    Path((_, attachment_id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let found = cases::attachments::find(&*state.store, &access.case.id, &attachment_id)
        .await
        .map_err(case_error)?;
    let Some(a) = found else {
        return Err(PageError::NotFound);
    };
    let ascii: String = a
        .file_name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || ".-_ ".contains(*c))
        .collect();
    let size = a.size;
    let media_type = a.media_type.clone();
    Ok(download_stream(
        attachment_body(state.store.clone(), a),
        size,
        &media_type,
        &ascii,
    ))
}

/// The bytes of `a` as a response body that reads one chunk from the store at a time. A chunk
/// that cannot be read ends the body with an error (the browser sees a broken download, never
/// a short file that looks whole) and is logged with the case id.
fn attachment_body(
    store: std::sync::Arc<dyn store::Store>,
    a: store::Attachment,
) -> axum::body::Body {
    let chunks = cases::attachments::Chunks::of(a);
    let stream = futures_util::stream::unfold(Some((store, chunks)), |state| async move {
        let (store, mut chunks) = state?;
        match chunks.next(&*store).await {
            Ok(Some(bytes)) => Some((Ok(bytes), Some((store, chunks)))),
            Ok(None) => None,
            Err(e) => {
                tracing::error!(error = %e, "attachment cannot be read");
                Some((Err(std::io::Error::other(e.to_string())), None))
            }
        }
    });
    axum::body::Body::from_stream(stream)
}
