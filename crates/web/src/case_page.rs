//! The case file: the list of a parent's cases, a case's overview (route recomputed from its
//! latest answers, the steps to do, children, the timeline), adding and editing events with an
//! attachment, attachments, export and deletion.
//!
//! Authorisation is in one place: every route under `/dossiers/{case}` takes a [`CaseAccess`],
//! which needs a login, loads the case and the caller's role, and checks that role against
//! [`needed_role`] for the route and method. No handler reads a case any other way.

use std::collections::HashMap;
use std::path::PathBuf;

use askama::Template;
use axum::extract::{Form, FromRequestParts, MatchedPath, Multipart, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use store::{Actor, Attachment, Case, Edit, Event, Role, new_id};
use tower_sessions::Session;

use crate::account::{SignedIn, now, store_error};
use crate::answers::{self, Stored};
use crate::app::AppState;
use crate::csrf;
use crate::error::PageError;
use crate::i18n::{Lang, Tr};
use crate::layout::{Layout, render};

/// The largest attachment accepted.
pub const MAX_FILE: usize = 8 * 1024 * 1024;

/// The kinds of timeline events.
pub const EVENT_KINDS: [&str; 7] = [
    "conversation",
    "email",
    "letter",
    "decision",
    "report",
    "complaint",
    "meeting",
];

/// The role each case route needs, by route pattern and method. A route missing here needs the
/// owner. The authorisation matrix test walks this table.
pub const CASE_ROUTES: &[(&str, &str, Role)] = &[
    ("GET", "/dossiers/{case}", Role::Read),
    ("POST", "/dossiers/{case}/gebeurtenissen", Role::Contribute),
    (
        "GET",
        "/dossiers/{case}/gebeurtenissen/{event}",
        Role::Contribute,
    ),
    (
        "POST",
        "/dossiers/{case}/gebeurtenissen/{event}",
        Role::Contribute,
    ),
    ("GET", "/dossiers/{case}/bijlagen/{attachment}", Role::Read),
    ("POST", "/dossiers/{case}/kinderen", Role::Contribute),
    ("GET", "/dossiers/{case}/kinderen/{child}", Role::Contribute),
    (
        "POST",
        "/dossiers/{case}/kinderen/{child}",
        Role::Contribute,
    ),
    (
        "POST",
        "/dossiers/{case}/kinderen/{child}/verwijderen",
        Role::Contribute,
    ),
    ("POST", "/dossiers/{case}/partijen", Role::Contribute),
    ("GET", "/dossiers/{case}/partijen/{party}", Role::Contribute),
    (
        "POST",
        "/dossiers/{case}/partijen/{party}",
        Role::Contribute,
    ),
    (
        "POST",
        "/dossiers/{case}/partijen/{party}/verwijderen",
        Role::Contribute,
    ),
    ("POST", "/dossiers/{case}/stappen/{step}", Role::Contribute),
    ("POST", "/dossiers/{case}/antwoorden", Role::Owner),
    ("GET", "/dossiers/{case}/antwoorden", Role::Read),
    ("GET", "/dossiers/{case}/antwoorden/{version}", Role::Read),
    ("GET", "/dossiers/{case}/export", Role::Owner),
    ("GET", "/dossiers/{case}/dossier.pdf", Role::Read),
    ("GET", "/dossiers/{case}/dossier.zip", Role::Read),
    ("GET", "/dossiers/{case}/brieven/{letter}", Role::Read),
    (
        "POST",
        "/dossiers/{case}/brieven/{letter}",
        Role::Contribute,
    ),
    ("POST", "/dossiers/{case}/verwijderen", Role::Owner),
    ("GET", "/dossiers/{case}/delen", Role::Owner),
    ("POST", "/dossiers/{case}/delen", Role::Owner),
    (
        "POST",
        "/dossiers/{case}/delen/{share}/intrekken",
        Role::Owner,
    ),
    // Help from the organisation (help.rs): the summary is all a help request may give.
    ("GET", "/dossiers/{case}/samenvatting", Role::Summary),
    ("GET", "/dossiers/{case}/hulp", Role::Owner),
    ("POST", "/dossiers/{case}/hulp", Role::Owner),
    ("POST", "/dossiers/{case}/hulp/{help}/niveau", Role::Owner),
    (
        "POST",
        "/dossiers/{case}/hulp/{help}/intrekken",
        Role::Owner,
    ),
    ("GET", "/dossiers/{case}/herinneringen", Role::Owner),
    ("POST", "/dossiers/{case}/herinneringen", Role::Owner),
    // The consent to combine procedures (groups.rs): the parent's own choice.
    ("GET", "/dossiers/{case}/bundelen", Role::Owner),
    ("POST", "/dossiers/{case}/bundelen", Role::Owner),
];

/// The role a request needs.
pub fn needed_role(method: &Method, pattern: &str) -> Role {
    CASE_ROUTES
        .iter()
        .find(|(m, p, _)| *m == method.as_str() && *p == pattern)
        .map(|(_, _, r)| *r)
        .unwrap_or(Role::Owner)
}

/// A case the caller may use in this request, and their role in it.
pub struct CaseAccess {
    pub case: Case,
    pub role: Role,
    pub user: SignedIn,
}

impl CaseAccess {
    pub fn actor(&self) -> Actor {
        self.user.actor()
    }
}

impl FromRequestParts<AppState> for CaseAccess {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let lang = Lang::from_headers(&parts.headers);
        let user = SignedIn::from_request_parts(parts, state).await?;
        let pattern = parts
            .extensions
            .get::<MatchedPath>()
            .map(|p| p.as_str().to_string())
            .unwrap_or_default();
        let params: Path<HashMap<String, String>> = Path::from_request_parts(parts, state)
            .await
            .map_err(|_| PageError::NotFound.page(lang))?;
        let case_id = params.get("case").cloned().unwrap_or_default();
        let store = &state.store;
        let role = store
            .role_in_case(&case_id, &user.user.id, now())
            .await
            .map_err(|e| store_error(e).page(lang))?;
        // A case the caller has no part in is "not found": its existence is not theirs to know.
        let Some(role) = role else {
            return Err(PageError::NotFound.page(lang));
        };
        if role < needed_role(&parts.method, &pattern) {
            return Err(PageError::Forbidden.page(lang));
        }
        let case = store
            .case_by_id(&case_id)
            .await
            .map_err(|e| store_error(e).page(lang))?;
        let Some(case) = case else {
            return Err(PageError::NotFound.page(lang));
        };
        if role != Role::Owner && parts.method == Method::GET {
            let action = format!("read {pattern}");
            store
                .log_access(&case.id, &user.actor(), &action)
                .await
                .map_err(|e| store_error(e).page(lang))?;
        }
        Ok(CaseAccess { case, role, user })
    }
}

/// The answers of a session as the case keeps them.
pub fn answers_json(stored: &Stored) -> String {
    serde_json::json!({
        "answers": stored.answers,
        "region": stored.region.map(|r| r.name()),
    })
    .to_string()
}

fn stored_from_json(json: &str) -> Stored {
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    Stored {
        answers: v
            .get("answers")
            .and_then(|a| a.as_object())
            .cloned()
            .unwrap_or_default(),
        region: v
            .get("region")
            .and_then(|r| r.as_str())
            .and_then(|r| r.parse().ok()),
    }
}

/// The stored answers of a case with the dates its events set (the latest event per date
/// question counts), and the situation they make on the app's today.
pub fn situation_with_events(
    state: &AppState,
    answers_json: &str,
    events: &[Event],
) -> (Stored, route::Situation) {
    let mut stored = stored_from_json(answers_json);
    for e in events.iter().filter(|e| !e.sets_date.is_empty()) {
        stored.answers.insert(
            e.sets_date.clone(),
            serde_json::Value::String(e.date.clone()),
        );
    }
    let s = answers::situation(&state.lib.k, &stored, state.today.date());
    (stored, s)
}

/// Where the files of a case live: under the data folder, never served as they are.
pub fn case_dir(state: &AppState, case_id: &str) -> PathBuf {
    state.data_dir.join("attachments").join(safe_name(case_id))
}

/// Ids are generated by us, but a path is made only of their safe characters all the same.
pub fn safe_name(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// Removes every file of a case (after the case is deleted).
pub fn remove_files(state: &AppState, case_id: &str) {
    let dir = case_dir(state, case_id);
    if let Err(e) = std::fs::remove_dir_all(&dir)
        && e.kind() != std::io::ErrorKind::NotFound
    {
        tracing::error!(error = %e, "cannot remove the files of a deleted case");
    }
}

/// The media type of a file, from its first bytes; `None` for anything we do not accept.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        Some("image/jpeg")
    } else if bytes.starts_with(b"PK\x03\x04") && is_docx(bytes) {
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    } else {
        None
    }
}

/// A ZIP that reads as one, with the main part of a Word document in it.
fn is_docx(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(std::io::Cursor::new(bytes)).is_ok_and(|zip| {
        zip.file_names().any(|n| n == "word/document.xml")
            && zip.file_names().any(|n| n == "[Content_Types].xml")
    })
}

/// A date as a parent typed it: ISO, and a real day.
fn parse_date(text: &str) -> Option<jiff::civil::Date> {
    text.trim().parse::<jiff::civil::Date>().ok()
}

// The list of cases.

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
        title.chars().take(200).collect()
    };
    let case = Case {
        id: new_id(),
        owner_id: user.user.id.clone(),
        title,
        created_at: now(),
    };
    let actor = user.actor();
    state
        .store
        .create_case(&case, &actor)
        .await
        .map_err(store_error)?;
    let stored = answers::load(&session).await?;
    if f.save_intake == "ja" && !stored.is_empty() {
        state
            .store
            .save_answers(&case.id, &answers_json(&stored), &actor)
            .await
            .map_err(store_error)?;
    }
    Ok(Redirect::to(&format!("/dossiers/{}", case.id)).into_response())
}

// One case.

struct StepLine {
    id: String,
    title: String,
    status: String,
    todo: bool,
    /// The outcome recorded for this step, in words, with its date.
    outcome: String,
    /// (id, label) of the outcomes that can be recorded: the step's own, then the general ones.
    choices: Vec<(String, String)>,
}

/// The outcomes a parent can record for `step`: those of the content first (they answer intake
/// questions, see [`record_outcome_answers`]), then the general ones of [`OUTCOMES`].
fn outcome_choices(i: Tr, step: &route::model::Step) -> Vec<(String, String)> {
    step.outcomes
        .iter()
        .map(|o| (o.id.clone(), o.label.clone()))
        .chain(
            OUTCOMES
                .iter()
                .filter(|g| !step.outcomes.iter().any(|o| o.id == **g))
                .map(|o| (o.to_string(), i.t(&format!("outcome-{o}")))),
        )
        .collect()
}

/// Merges what a step outcome answers into `stored`: `sets` overwrites a question's answer,
/// except that a `multi` question gets the values added; the outcome's date answers its date
/// question. Every other answer stays as it was.
fn record_outcome_answers(
    k: &route::Knowledge,
    stored: &mut Stored,
    outcome: &route::model::Outcome,
    date: Option<&str>,
) {
    for (q, value) in &outcome.sets {
        let multi = k
            .question(q)
            .is_some_and(|q| q.kind == route::model::QuestionType::Multi);
        let merged = match (multi, stored.answers.get(q), value) {
            (true, Some(serde_json::Value::Array(old)), serde_json::Value::Array(new)) => {
                merge_multi(k.question(q), old, new)
            }
            _ => value.clone(),
        };
        stored.answers.insert(q.clone(), merged);
    }
    if let (Some(q), Some(d)) = (&outcome.date, date) {
        stored
            .answers
            .insert(q.clone(), serde_json::Value::String(d.to_string()));
    }
}

/// The values of a multi answer after an outcome adds `new` to `old`: an option that stands
/// alone ("nobody yet") gives way to the added ones, and one that is added replaces the rest.
fn merge_multi(
    q: Option<&route::model::Question>,
    old: &[serde_json::Value],
    new: &[serde_json::Value],
) -> serde_json::Value {
    let alone = |v: &serde_json::Value| {
        q.is_some_and(|q| {
            q.options
                .iter()
                .any(|o| o.alone && v.as_str() == Some(&o.value))
        })
    };
    if new.iter().any(alone) {
        return serde_json::Value::Array(new.to_vec());
    }
    let mut all: Vec<serde_json::Value> = old.iter().filter(|v| !alone(v)).cloned().collect();
    for v in new {
        if !all.contains(v) {
            all.push(v.clone());
        }
    }
    serde_json::Value::Array(all)
}

/// The outcomes a step can have; the text of each is `outcome-<id>`.
pub const OUTCOMES: [&str; 5] = [
    "bezig",
    "opgelost",
    "geen-oplossing",
    "afgewezen",
    "overgeslagen",
];

struct AttachmentLine {
    id: String,
    file_name: String,
}

struct EventLine {
    /// The names of the parties involved.
    with: String,
    id: String,
    date: String,
    kind: String,
    title: String,
    notes_html: String,
    attachments: Vec<AttachmentLine>,
}

struct DeadlineLine {
    title: String,
    date: String,
}

struct PartyLine {
    id: String,
    name: String,
    role: String,
    contact: String,
    holiday_contact: String,
}

struct ChildLine {
    id: String,
    name: String,
    birth_year: String,
    school: String,
}

#[derive(Template)]
#[template(path = "case.html")]
struct CasePage {
    layout: Layout,
    csrf: String,
    case_id: String,
    can_write: bool,
    is_owner: bool,
    has_answers: bool,
    steps: Vec<StepLine>,
    deadlines: Vec<DeadlineLine>,
    date_questions: Vec<(String, String)>,
    children: Vec<ChildLine>,
    parties: Vec<PartyLine>,
    party_roles: Vec<(&'static str, String)>,
    /// (id, name) of the parties, for the event form.
    party_choices: Vec<(String, String)>,
    events: Vec<EventLine>,
    kinds: Vec<(&'static str, String)>,
    error: Option<String>,
    /// What the author typed, kept when the form was refused.
    draft: EventDraft,
    /// (url, title) of the letters the route suggests, filled from this case.
    letters: Vec<(String, String)>,
}

#[derive(Default, Clone)]
struct EventDraft {
    kind: String,
    date: String,
    title: String,
    notes: String,
    /// The date question this event's date answers, or empty.
    sets_date: String,
}

/// The date questions of the intake, as (id, question text): an event's date can answer one.
fn date_questions(state: &AppState) -> Vec<(String, String)> {
    state
        .lib
        .k
        .questions
        .iter()
        .filter(|q| q.kind == route::model::QuestionType::Date)
        .map(|q| (q.id.clone(), q.text.clone()))
        .collect()
}

fn kinds(i: Tr) -> Vec<(&'static str, String)> {
    EVENT_KINDS
        .iter()
        .map(|k| (*k, i.t(&format!("event-kind-{k}"))))
        .collect()
}

async fn case_page(
    state: &AppState,
    lang: Lang,
    access: &CaseAccess,
    session: &Session,
    error: Option<String>,
    draft: EventDraft,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let store = &state.store;
    let case_id = &access.case.id;
    let lib = &state.lib;
    let latest = store.latest_answers(case_id).await.map_err(store_error)?;
    let all_events = store.events(case_id).await.map_err(store_error)?;
    let outcomes = store.step_outcomes(case_id).await.map_err(store_error)?;
    let mut deadlines = Vec::new();
    let mut letters = Vec::new();
    let steps = match latest {
        Some(v) => {
            let mut stored = stored_from_json(&v.answers);
            // An event's date answers its date question: a decision starts its deadlines. The
            // events are in date order, so the latest such event counts.
            for e in all_events.iter().filter(|e| !e.sets_date.is_empty()) {
                stored.answers.insert(
                    e.sets_date.clone(),
                    serde_json::Value::String(e.date.clone()),
                );
            }
            let s = answers::situation(&lib.k, &stored, state.today.date());
            let advice = route::advise(&lib.k, &s);
            letters = advice
                .letters
                .iter()
                .filter_map(|a| lib.k.letter(&a.id))
                .filter(|l| l.template.is_some())
                .map(|l| {
                    let url = crate::letters_page::case_letter_url(case_id, &l.id);
                    (url, l.title.clone())
                })
                .collect();
            for t in &advice.terms {
                if let (Some(term), Some(d)) =
                    (lib.k.terms.iter().find(|x| x.id == t.id), &t.deadline)
                {
                    deadlines.push(DeadlineLine {
                        title: term.title.clone(),
                        date: d.date_text.clone(),
                    });
                }
            }
            advice
                .steps
                .iter()
                .filter_map(|a| {
                    let step = lib.k.steps.iter().find(|s| s.id == a.id)?;
                    let status = a.status.as_str();
                    let choices = outcome_choices(i, step);
                    let outcome = outcomes
                        .iter()
                        .find(|o| o.step_id == a.id)
                        .map(|o| {
                            let label = choices
                                .iter()
                                .find(|(id, _)| *id == o.outcome)
                                .map(|(_, l)| l.clone())
                                .unwrap_or_else(|| o.outcome.clone());
                            match &o.date {
                                Some(d) => format!("{label} ({d})"),
                                None => label,
                            }
                        })
                        .unwrap_or_default();
                    Some(StepLine {
                        id: a.id.clone(),
                        outcome,
                        choices,
                        title: step.title.clone(),
                        status: i.t(&format!("status-{status}")),
                        todo: matches!(status, "current" | "next"),
                    })
                })
                .collect()
        }
        None => Vec::new(),
    };
    let children = store
        .children(case_id)
        .await
        .map_err(store_error)?
        .into_iter()
        .map(|c| ChildLine {
            id: c.id,
            name: c.name,
            birth_year: c.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            school: [c.school_type, c.school_level]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    let party_rows = store.parties(case_id).await.map_err(store_error)?;
    let party_choices: Vec<(String, String)> = party_rows
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    let parties = party_rows
        .into_iter()
        .map(|p| PartyLine {
            id: p.id,
            name: p.name,
            role: i.t(&format!("party-role-{}", p.role)),
            contact: p.contact,
            holiday_contact: p.holiday_contact,
        })
        .collect();
    let party_roles = PARTY_ROLES
        .iter()
        .map(|r| (*r, i.t(&format!("party-role-{r}"))))
        .collect();
    let mut files: HashMap<String, Vec<AttachmentLine>> = HashMap::new();
    for a in store.attachments(case_id).await.map_err(store_error)? {
        files.entry(a.event_id).or_default().push(AttachmentLine {
            id: a.id,
            file_name: a.file_name,
        });
    }
    let events = all_events
        .into_iter()
        .map(|e| EventLine {
            with: e
                .parties
                .split(',')
                .filter_map(|id| {
                    party_choices
                        .iter()
                        .find(|(p, _)| p == id)
                        .map(|(_, name)| name.as_str())
                })
                .collect::<Vec<_>>()
                .join(", "),
            attachments: files.remove(&e.id).unwrap_or_default(),
            kind: i.t(&format!("event-kind-{}", e.kind)),
            notes_html: crate::markdown::to_html(&e.notes),
            id: e.id,
            date: e.date,
            title: e.title,
        })
        .collect();
    let csrf = csrf::token(session).await?;
    let has_answers = !answers::load(session).await?.is_empty();
    let mut layout = Layout::new(lang, "case-title", &format!("/dossiers/{case_id}"));
    layout.title = access.case.title.clone();
    let failed = error.is_some();
    let mut response = render(&CasePage {
        layout,
        csrf,
        case_id: case_id.clone(),
        can_write: access.role >= Role::Contribute,
        is_owner: access.role == Role::Owner,
        has_answers,
        steps,
        deadlines,
        date_questions: date_questions(state),
        children,
        parties,
        party_roles,
        party_choices,
        events,
        kinds: kinds(i),
        error,
        draft,
        letters,
    });
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `GET /dossiers/{case}`
pub async fn show(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
) -> Result<Response, PageError> {
    case_page(&state, lang, &access, &session, None, EventDraft::default()).await
}

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
    while let Ok(Some(field)) = form.next_field().await {
        let name = field.name().unwrap_or_default().to_string();
        if name == "bestand" {
            let file_name = field.file_name().unwrap_or_default().to_string();
            let bytes = field.bytes().await.map_err(|_| PageError::TooLarge)?;
            if !bytes.is_empty() {
                file = Some((file_name, bytes.to_vec()));
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
    let date = parse_date(&draft.date);
    let error = if !EVENT_KINDS.contains(&draft.kind.as_str()) {
        Some(i.t("event-error-kind"))
    } else if date.is_none() {
        Some(i.t("event-error-date"))
    } else if draft.title.trim().is_empty() {
        Some(i.t("event-error-title"))
    } else if !draft.sets_date.is_empty()
        && !date_questions(&state)
            .iter()
            .any(|(id, _)| *id == draft.sets_date)
    {
        Some(i.t("event-error-sets-date"))
    } else {
        match &file {
            Some((_, bytes)) if bytes.len() > MAX_FILE => {
                Some(i.t1("event-error-file-size", "mb", MAX_FILE / (1024 * 1024)))
            }
            Some((_, bytes)) if sniff(bytes).is_none() => Some(i.t("event-error-file-type")),
            _ => None,
        }
    };
    if let Some(e) = error {
        return case_page(&state, lang, &access, &session, Some(e), draft).await;
    }
    // Only parties of this case; the ids are kept comma separated.
    let known = state
        .store
        .parties(&access.case.id)
        .await
        .map_err(store_error)?;
    party_ids.retain(|id| known.iter().any(|p| p.id == *id));
    let actor = access.actor();
    let event = Event {
        id: new_id(),
        case_id: access.case.id.clone(),
        kind: draft.kind.clone(),
        date: date.map(|d| d.to_string()).unwrap_or_default(),
        title: draft.title.trim().chars().take(300).collect(),
        notes: draft.notes.clone(),
        parties: party_ids.join(","),
        sets_date: draft.sets_date.clone(),
        version: 1,
        created_by: actor.user_id.clone(),
        updated_at: actor.now,
    };
    state
        .store
        .add_event(&event, &actor)
        .await
        .map_err(store_error)?;
    if let Some((file_name, bytes)) = file {
        let media_type = sniff(&bytes).unwrap_or("application/octet-stream");
        let id = new_id();
        let dir = case_dir(&state, &access.case.id);
        write_file(&dir, &safe_name(&id), &bytes).map_err(|e| {
            tracing::error!(error = %e, "cannot write an attachment");
            PageError::Internal
        })?;
        let attachment = Attachment {
            id,
            case_id: access.case.id.clone(),
            event_id: event.id.clone(),
            file_name: file_name
                .chars()
                .filter(|c| !c.is_control() && *c != '/' && *c != '\\')
                .take(200)
                .collect(),
            media_type: media_type.to_string(),
            size: bytes.len() as i64,
            sha256: sha256_hex(&bytes),
            created_at: actor.now,
        };
        state
            .store
            .add_attachment(&attachment, &actor)
            .await
            .map_err(store_error)?;
    }
    Ok(Redirect::to(&format!("/dossiers/{}#tijdlijn", access.case.id)).into_response())
}

/// The SHA-256 of a file, in hex: lets a parent show that a document was not changed.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Writes a file whole or not at all: a temporary name, flushed to disk, then renamed.
pub fn write_file(dir: &std::path::Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!("{name}.part"));
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(&tmp, dir.join(name))
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
    error: Option<String>,
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
    let draft = EventDraft {
        kind: e.kind,
        date: e.date,
        title: e.title,
        notes: e.notes,
        sets_date: e.sets_date,
    };
    Ok(render(&EditPage {
        layout: Layout::new(
            lang,
            "event-edit-title",
            &format!("/dossiers/{}", access.case.id),
        ),
        csrf,
        case_id: access.case.id.clone(),
        event_id,
        version: e.version,
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
    let date = parse_date(&f.date);
    let mut error = if !EVENT_KINDS.contains(&f.kind.as_str()) {
        Some(i.t("event-error-kind"))
    } else if date.is_none() {
        Some(i.t("event-error-date"))
    } else if f.title.trim().is_empty() {
        Some(i.t("event-error-title"))
    } else {
        None
    };
    let mut version = f.version;
    let mut theirs = None;
    if error.is_none() {
        let event = Event {
            kind: f.kind.clone(),
            date: date.map(|d| d.to_string()).unwrap_or_default(),
            title: f.title.trim().chars().take(300).collect(),
            notes: f.notes.clone(),
            version: f.version,
            ..stored
        };
        match state
            .store
            .update_event(&event, &access.actor())
            .await
            .map_err(store_error)?
        {
            Edit::Saved(_) => {
                return Ok(
                    Redirect::to(&format!("/dossiers/{}#tijdlijn", access.case.id)).into_response(),
                );
            }
            Edit::Missing => return Err(PageError::NotFound),
            Edit::Conflict(current) => {
                error = Some(i.t("event-error-conflict"));
                // Saving again now replaces their version on purpose.
                version = current.version;
                theirs = Some(current.notes);
            }
        }
    }
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
        error,
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
    let list = state
        .store
        .attachments(&access.case.id)
        .await
        .map_err(store_error)?;
    let Some(a) = list.into_iter().find(|a| a.id == attachment_id) else {
        return Err(PageError::NotFound);
    };
    let bytes = std::fs::read(case_dir(&state, &access.case.id).join(safe_name(&a.id)))
        .map_err(|_| PageError::NotFound)?;
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&a.media_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    let ascii: String = a
        .file_name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || ".-_ ".contains(*c))
        .collect();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{ascii}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_with(names: &[&str]) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for n in names {
            z.start_file(*n, zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(b"<x/>").unwrap();
        }
        z.finish().unwrap().into_inner()
    }

    #[test]
    fn an_outcome_replaces_an_option_that_stands_alone() {
        let k = route::load_dir(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"),
        )
        .unwrap();
        let q = k.question("al-contact");
        let v =
            |xs: &[&str]| -> Vec<serde_json::Value> { xs.iter().map(|x| (*x).into()).collect() };
        let merged = |old: &[&str], new: &[&str]| merge_multi(q, &v(old), &v(new));
        assert_eq!(merged(&["niemand"], &["swv"]), serde_json::json!(["swv"]));
        assert_eq!(
            merged(&["steunpunt"], &["swv"]),
            serde_json::json!(["steunpunt", "swv"])
        );
        assert_eq!(merged(&["swv"], &["swv"]), serde_json::json!(["swv"]));
        assert_eq!(
            merged(&["swv"], &["niemand"]),
            serde_json::json!(["niemand"])
        );
    }

    /// Every case route in the router is in [`CASE_ROUTES`], so the matrix test walks it.
    #[test]
    fn every_case_route_is_in_the_table() {
        let router = include_str!("app.rs");
        let mut found = 0;
        for piece in router
            .split('"')
            .filter(|p| p.starts_with("/dossiers/{case}"))
        {
            found += 1;
            assert!(
                CASE_ROUTES.iter().any(|(_, p, _)| *p == piece),
                "{piece} is not in CASE_ROUTES"
            );
        }
        assert!(
            found >= 10,
            "the router's case routes were not found ({found})"
        );
    }

    #[test]
    fn files_are_known_by_their_content_not_their_name() {
        assert_eq!(sniff(b"%PDF-1.7 ..."), Some("application/pdf"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0...."), Some("image/jpeg"));
        assert!(
            sniff(&zip_with(&["[Content_Types].xml", "word/document.xml"]))
                .is_some_and(|t| t.contains("wordprocessingml"))
        );
        assert_eq!(
            sniff(&zip_with(&["[Content_Types].xml", "xl/workbook.xml"])),
            None,
            "a spreadsheet is no DOCX"
        );
        assert_eq!(sniff(b"PK\x03\x04 word/document.xml but not a zip"), None);
        assert_eq!(sniff(b"MZ\x90\x00"), None);
        assert_eq!(sniff(b"<html><script>"), None);
        assert_eq!(sniff(b""), None);
    }
}

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
    let Some(step) = state.lib.k.steps.iter().find(|s| s.id == step_id) else {
        return Err(PageError::NotFound);
    };
    let from_content = step.outcomes.iter().find(|o| o.id == f.outcome);
    let date = match f.date.trim() {
        "" => Ok(None),
        d => parse_date(d).map(|d| Some(d.to_string())).ok_or(()),
    };
    let error = if from_content.is_none() && !OUTCOMES.contains(&f.outcome.as_str()) {
        Some(i.t("outcome-error"))
    } else if date.is_err() {
        Some(i.t("event-error-date"))
    } else {
        None
    };
    if let Some(e) = error {
        return case_page(
            &state,
            lang,
            &access,
            &session,
            Some(e),
            EventDraft::default(),
        )
        .await;
    }
    let date = date.unwrap_or(None);
    // An outcome of the content answers intake questions: the case gets a new version of its
    // answers, and the route on the case page is planned again from it.
    let answers = match from_content {
        Some(o) => {
            let mut stored = state
                .store
                .latest_answers(&access.case.id)
                .await
                .map_err(store_error)?
                .map(|v| stored_from_json(&v.answers))
                .unwrap_or_default();
            record_outcome_answers(&state.lib.k, &mut stored, o, date.as_deref());
            Some(answers_json(&stored))
        }
        None => None,
    };
    let outcome = store::StepOutcome {
        case_id: access.case.id.clone(),
        step_id,
        outcome: f.outcome,
        date,
        updated_at: now(),
    };
    // One transaction: the outcome and its answers are kept together or not at all.
    store::OutcomeStore::save_outcome_with_answers(
        &*state.store,
        &outcome,
        answers.as_deref(),
        &access.actor(),
    )
    .await
    .map_err(store_error)?;
    Ok(Redirect::to(&format!("/dossiers/{}", access.case.id)).into_response())
}

/// The roles a party can have (the ones letters name, so that every party can fill a letter);
/// the text of each is `party-role-<id>`.
pub use route::letter::PARTY_ROLES;

/// `POST /dossiers/{case}/antwoorden`: the intake of this session becomes the case's next
/// answer version; answers the session does not have are kept from the last version, so a
/// partial re-save loses nothing.
pub async fn save_answers(
    State(state): State<AppState>,
    access: CaseAccess,
    session: Session,
) -> Result<Response, PageError> {
    let stored = answers::load(&session).await?;
    let mut merged = match state
        .store
        .latest_answers(&access.case.id)
        .await
        .map_err(store_error)?
    {
        Some(v) => stored_from_json(&v.answers),
        None => Stored::default(),
    };
    for (k, v) in stored.answers {
        merged.answers.insert(k, v);
    }
    if stored.region.is_some() {
        merged.region = stored.region;
    }
    state
        .store
        .save_answers(&access.case.id, &answers_json(&merged), &access.actor())
        .await
        .map_err(store_error)?;
    Ok(Redirect::to(&format!("/dossiers/{}", access.case.id)).into_response())
}

/// `GET /dossiers/{case}/export`: everything in the case as a ZIP (see `case_export`).
pub async fn export(
    State(state): State<AppState>,
    access: CaseAccess,
) -> Result<Response, PageError> {
    let bytes = crate::case_export::export(&state, &access.case).await?;
    state
        .store
        .log_access(&access.case.id, &access.actor(), "case.export")
        .await
        .map_err(store_error)?;
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"routewijzer-dossier.zip\""),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
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
    match crate::case_export::import(&state, &bytes, &user.actor()).await? {
        Ok(case_id) => Ok(Redirect::to(&format!("/dossiers/{case_id}")).into_response()),
        Err(e) => cases_page(&state, lang, &user, &session, Some(i.t(e.key()))).await,
    }
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
    state
        .store
        .delete_case(&access.case.id)
        .await
        .map_err(store_error)?;
    remove_files(&state, &access.case.id);
    Ok(Redirect::to("/dossiers").into_response())
}
