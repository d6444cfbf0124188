//! The routes of the API on the token owner's cases: the list, one case, its timeline, its
//! deadlines, and a new event on the timeline. Every route opens the case with
//! [`cases::access::open`] and the route's action, as the case pages do; a case the caller has
//! no part in is "not found", whether it exists or not.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use cases::access::{Access, Action, Denied};
use cases::events::{AddRefused, EventDraft, EventRefused};
use route::report::TermView;
use serde::Serialize;
use store::Role;
use utoipa::ToSchema;

use super::caller::ApiCaller;
use super::knowledge::json_body;
use super::problem::{FieldProblem, Problem, internal};
use crate::http::auth::now;
use crate::http::state::AppState;

/// A case in the list.
#[derive(Serialize, ToSchema)]
pub struct CaseSummary {
    pub id: String,
    pub title: String,
    /// The short number people quote, e.g. `3F2A-91C0`.
    pub reference: String,
    /// The caller's part in the case: `owner`, `contribute` or `read`.
    pub role: String,
}

/// One case.
#[derive(Serialize, ToSchema)]
pub struct CaseDetail {
    pub id: String,
    pub title: String,
    pub reference: String,
    pub role: String,
    /// Unix seconds.
    pub created_at: i64,
    /// The step to do now, or `null` while the case has no answers.
    pub current_step: Option<StepRef>,
    /// The content the advice was given on, or `null` while the case has no answers.
    pub content_version: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct StepRef {
    pub id: String,
    pub title: String,
}

/// An event of the timeline.
#[derive(Serialize, ToSchema)]
pub struct EventView {
    pub id: String,
    /// `conversation`, `email`, `letter`, `decision`, `report`, `complaint`, `meeting` or `note`.
    pub kind: String,
    /// ISO date, `YYYY-MM-DD`.
    pub date: String,
    pub title: String,
    /// Markdown as written.
    pub notes: String,
    /// Ids of the case's parties involved.
    pub parties: Vec<String>,
    /// The date question of the intake this event's date answers, or `null`.
    pub sets_date: Option<String>,
    /// Raised by one on every edit.
    pub version: i64,
    /// Unix seconds of the last change.
    pub updated_at: i64,
}

impl From<store::Event> for EventView {
    fn from(e: store::Event) -> Self {
        EventView {
            id: e.id,
            kind: e.kind,
            date: e.date,
            title: e.title,
            notes: e.notes,
            parties: e
                .parties
                .split(',')
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            sets_date: (!e.sets_date.is_empty()).then_some(e.sets_date),
            version: e.version,
            updated_at: e.updated_at,
        }
    }
}

/// A new event, as JSON.
#[derive(ToSchema)]
#[allow(dead_code)] // read member by member in `draft`, so each error names its member
pub struct NewEvent {
    /// `conversation`, `email`, `letter`, `decision`, `report`, `complaint`, `meeting` or `note`.
    kind: String,
    /// The date the way people write it: `2027-03-01`, `1-3-2027`, `1 maart 2027`, ...
    date: String,
    title: String,
    /// Markdown.
    notes: Option<String>,
    /// A date question of the intake that this date answers (see /api/v1/questions).
    sets_date: Option<String>,
    /// Ids of the case's parties; ids that are not parties of the case are dropped.
    parties: Option<Vec<String>>,
}

/// The case for `action`, with the read written to the audit log when the caller is not the
/// owner (as the case pages do).
async fn open(
    state: &AppState,
    caller: &ApiCaller,
    case_id: &str,
    action: Action,
    route: &str,
) -> Result<Access, Problem> {
    let access = cases::access::open(&*state.store, case_id, &caller.user_id, action, now())
        .await
        .map_err(|e| match e {
            Denied::NotFound => Problem::not_found("There is no case with this id for you."),
            Denied::Forbidden => Problem::forbidden("Your part in this case does not allow this."),
            Denied::Store(e) => internal(e),
        })?;
    if access.role != Role::Owner && !matches!(action, Action::AddEvent) {
        cases::audit::read(&*state.store, case_id, &caller.actor(), route)
            .await
            .map_err(internal)?;
    }
    Ok(access)
}

/// `GET /api/v1/cases`
#[utoipa::path(
    get,
    path = "/api/v1/cases",
    tag = "cases",
    summary = "Your cases",
    description = "Every case the token's account owns or was given access to, that it may \
        open (as the case list of the web app).",
    security(("token" = [])),
    responses(
        (status = 200, description = "The cases", body = [CaseSummary]),
        (status = 401, description = "No token, or an unknown or revoked one", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(State(state): State<AppState>, caller: ApiCaller) -> Result<Response, Problem> {
    let all = state
        .store
        .cases_for_user(&caller.user_id, now())
        .await
        .map_err(internal)?;
    let list: Vec<CaseSummary> = all
        .into_iter()
        // A help request's summary role opens no case here: only what the case route allows.
        .filter(|(_, role)| cases::access::allows(*role, Action::ReadCase))
        .map(|(c, role)| CaseSummary {
            reference: cases::reference::code(&c.id),
            id: c.id,
            title: c.title,
            role: role.as_str().to_string(),
        })
        .collect();
    Ok(Json(list).into_response())
}

/// `GET /api/v1/cases/{id}`
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}",
    tag = "cases",
    summary = "One case",
    params(("id" = String, Path, description = "The case's id")),
    security(("token" = [])),
    responses(
        (status = 200, description = "The case", body = CaseDetail),
        (status = 401, description = "No token, or an unknown or revoked one", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for this account", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn show(
    State(state): State<AppState>,
    caller: ApiCaller,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let access = open(&state, &caller, &id, Action::ReadCase, "/api/v1/cases/{id}").await?;
    let advice = cases::advice::case_advice(&*state.store, &state.lib.k, &id, state.today.date())
        .await
        .map_err(internal)?;
    let k = &state.lib.k;
    let current_step = advice.as_ref().map(|a| StepRef {
        id: a.advice.current.clone(),
        title: k
            .step(&a.advice.current)
            .map(|s| s.title.clone())
            .unwrap_or_default(),
    });
    Ok(Json(CaseDetail {
        reference: cases::reference::code(&access.case.id),
        id: access.case.id,
        title: access.case.title,
        role: access.role.as_str().to_string(),
        created_at: access.case.created_at,
        current_step,
        content_version: advice.map(|a| a.advice.content_version),
    })
    .into_response())
}

/// `GET /api/v1/cases/{id}/events`
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/events",
    tag = "cases",
    summary = "The timeline of a case",
    params(("id" = String, Path, description = "The case's id")),
    security(("token" = [])),
    responses(
        (status = 200, description = "The events, in date order", body = [EventView]),
        (status = 401, description = "No token, or an unknown or revoked one", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for this account", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn events(
    State(state): State<AppState>,
    caller: ApiCaller,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let access = open(
        &state,
        &caller,
        &id,
        Action::ReadCase,
        "/api/v1/cases/{id}/events",
    )
    .await?;
    let events = state
        .store
        .events(&access.case.id)
        .await
        .map_err(internal)?;
    let list: Vec<EventView> = events.into_iter().map(EventView::from).collect();
    Ok(Json(list).into_response())
}

/// `GET /api/v1/cases/{id}/deadlines`
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/deadlines",
    tag = "cases",
    summary = "The deadlines of a case",
    description = "The terms that apply to the case now, as in the advice (docs/advice-format.md, \
        Term): with a `deadline` where its date can be computed, else `no-date` says why. Empty \
        while the case has no answers.",
    params(("id" = String, Path, description = "The case's id")),
    security(("token" = [])),
    responses(
        (status = 200, description = "The terms", body = [TermView]),
        (status = 401, description = "No token, or an unknown or revoked one", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for this account", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn deadlines(
    State(state): State<AppState>,
    caller: ApiCaller,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let route = "/api/v1/cases/{id}/deadlines";
    let access = open(&state, &caller, &id, Action::ReadCase, route).await?;
    let k = &state.lib.k;
    let Some(a) = cases::advice::case_advice(&*state.store, k, &access.case.id, state.today.date())
        .await
        .map_err(internal)?
    else {
        return Ok(Json(Vec::<TermView>::new()).into_response());
    };
    let report = route::report::report(k, &a.advice);
    Ok(Json(report.terms).into_response())
}

/// A text member of the body: `Ok(None)` when absent or null, a problem when of another type.
fn text(body: &serde_json::Value, name: &str, errors: &mut Vec<FieldProblem>) -> Option<String> {
    match body.get(name) {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(_) => {
            errors.push(FieldProblem::at(
                &format!("/{name}"),
                "Give a text (a JSON string).",
            ));
            None
        }
    }
}

/// The draft of a new event from the JSON body, member by member, so that each error names its
/// member; the rules of the draft itself are those of the timeline form.
fn draft(body: &serde_json::Value) -> Result<(EventDraft, Vec<String>), Problem> {
    if !body.is_object() {
        return Err(Problem::invalid(vec![FieldProblem::at(
            "",
            "Send a JSON object with kind, date and title.",
        )]));
    }
    let mut errors = Vec::new();
    let required = |name: &str, errors: &mut Vec<FieldProblem>| match text(body, name, errors) {
        Some(t) => t,
        None => {
            if !errors
                .iter()
                .any(|e| e.pointer.as_deref() == Some(&format!("/{name}")))
            {
                errors.push(FieldProblem::at(
                    &format!("/{name}"),
                    "This member is required.",
                ));
            }
            String::new()
        }
    };
    let kind = required("kind", &mut errors);
    let date = required("date", &mut errors);
    let title = required("title", &mut errors);
    let notes = text(body, "notes", &mut errors).unwrap_or_default();
    let sets_date = text(body, "sets_date", &mut errors).unwrap_or_default();
    let parties = match body.get("parties") {
        None | Some(serde_json::Value::Null) => Vec::new(),
        Some(serde_json::Value::Array(a)) if a.iter().all(|p| p.is_string()) => a
            .iter()
            .filter_map(|p| p.as_str().map(str::to_string))
            .collect(),
        Some(_) => {
            errors.push(FieldProblem::at(
                "/parties",
                "Give a list of party ids (JSON strings).",
            ));
            Vec::new()
        }
    };
    if !errors.is_empty() {
        return Err(Problem::invalid(errors));
    }
    let draft = EventDraft {
        kind,
        date,
        title,
        notes,
        sets_date,
    };
    Ok((draft, parties))
}

/// The member a refused event is about, and what to do.
fn refused(e: &EventRefused) -> FieldProblem {
    match e {
        EventRefused::Kind => FieldProblem::at(
            "/kind",
            format!("Use one of: {}.", cases::events::EVENT_KINDS.join(", ")),
        ),
        EventRefused::Date(d) => FieldProblem::at(
            "/date",
            format!(
                "Not a date: {}. Write it like 2027-03-01 or 1-3-2027.",
                date_problem(d)
            ),
        ),
        EventRefused::Title => FieldProblem::at("/title", "Give the event a title."),
        EventRefused::SetsDate => FieldProblem::at(
            "/sets_date",
            "Not a date question of the intake; see /api/v1/questions (type date).",
        ),
    }
}

/// What was understood of a date that is none, in words (the year written as a number).
fn date_problem(e: &calendar::TypedDateError) -> String {
    match e {
        calendar::TypedDateError::NoSuchDay {
            day,
            month,
            year,
            days_in_month,
        } => {
            let year = year.map(|y| format!(" of {y}")).unwrap_or_default();
            format!("month {month}{year} has {days_in_month} days, not a day {day}")
        }
        other => other.to_string(),
    }
}

/// `POST /api/v1/cases/{id}/events`
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/events",
    tag = "cases",
    summary = "Add an event to the timeline",
    description = "Checked as the timeline form of the web app checks it. Needs a token with \
        scope write, and a part in the case that may add events (owner or contribute).",
    params(("id" = String, Path, description = "The case's id")),
    request_body(content = NewEvent, content_type = "application/json"),
    security(("token" = [])),
    responses(
        (status = 201, description = "The event as stored", body = EventView),
        (status = 400, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No token, or an unknown or revoked one", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read token, or a part in the case that only reads", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for this account", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than 64 KB", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A member is not valid; `errors` names it", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn add_event(
    State(state): State<AppState>,
    caller: ApiCaller,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    caller.needs_write()?;
    let route = "/api/v1/cases/{id}/events";
    let access = open(&state, &caller, &id, Action::AddEvent, route).await?;
    let (_, json) = json_body(body)?;
    let (draft, parties) = draft(&json)?;
    let added = cases::events::add(
        &*state.store,
        &state.lib.k,
        &access.case.id,
        &draft,
        parties,
        None,
        &caller.actor(),
    )
    .await
    .map_err(internal)?;
    let event = match added {
        Ok(e) => e,
        Err(AddRefused::Event(e)) => return Err(Problem::invalid(vec![refused(&e)])),
        Err(AddRefused::File(e)) => return Err(internal(e)),
    };
    tracing::info!(token = %caller.token_id, case = %access.case.id, "event added through the API");
    let location = format!("/api/v1/cases/{}/events", access.case.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(EventView::from(event)),
    )
        .into_response())
}
