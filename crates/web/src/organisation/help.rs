//! "Vraag hulp": a parent asks the organisation for help with a case and chooses what to share
//! (only a summary, or read access to the whole case); a coordinator assigns a volunteer; the
//! parent sees who helps, changes what is shared, or stops the request.
//!
//! The pages of the parent and the summary are case routes, authorised by
//! [`crate::http::case_access::CaseAccess`] like every page of a case (the summary needs
//! `Role::Summary`, which a help request gives; reads by anyone but the owner are audited there).
//! The coordinator's inbox and the volunteer's list are organisation pages ([`OrgUser`]).

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use store::{Actor, HelpLevel, HelpRequest, OrgRole, Role};
use tower_sessions::Session;

use super::case_ref;
use super::members::OrgUser;
use crate::http::auth::{MaybeUser, email_or};
use crate::http::case_access::CaseAccess;
use crate::http::csrf;
use crate::http::error::store_error;
use crate::http::error::{PageError, case_error};
use crate::http::i18n::{Lang, Tr, saved_on};
use crate::http::layout::{Layout, render};
use crate::http::state::AppState;
use cases::help::{AskRefused, MAX_MESSAGE};

/// How many coming deadlines the summary shows.
const SUMMARY_DEADLINES: usize = 5;

fn level_key(level: HelpLevel) -> String {
    format!("help-level-{}", level.as_str())
}

// The parent's help page of a case.

struct OpenLine {
    id: String,
    asked_on: String,
    level: &'static str,
    level_name: String,
    /// Who helps, once assigned.
    helper: Option<String>,
    message: String,
}

#[derive(Template)]
#[template(path = "help_case.html")]
struct CaseHelpPage {
    layout: Layout,
    csrf: String,
    case_id: String,
    /// The reference the organisation sees next to this case.
    case_ref: String,
    open: Vec<OpenLine>,
    ended: usize,
    error: Option<String>,
    message: String,
}

async fn case_help_page(
    state: &AppState,
    lang: Lang,
    access: &CaseAccess,
    session: &Session,
    error: Option<String>,
    message: String,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let requests = state
        .store
        .help_requests_of_case(&access.case.id)
        .await
        .map_err(store_error)?;
    let ended = requests.iter().filter(|h| h.revoked_at.is_some()).count();
    let mut open = Vec::new();
    for h in requests.into_iter().filter(|h| h.revoked_at.is_none()) {
        let helper = match &h.assigned_to {
            Some(id) => Some(email_or(state, id, i, "help-unknown-person").await?),
            None => None,
        };
        open.push(OpenLine {
            id: h.id,
            asked_on: saved_on(h.created_at),
            level: h.level.as_str(),
            level_name: i.t(&level_key(h.level)),
            helper,
            message: h.message,
        });
    }
    let csrf = csrf::token(session).await?;
    let failed = error.is_some();
    let case_id = access.case.id.clone();
    let layout = Layout::new(
        lang,
        "help-case-title",
        &format!("/dossiers/{case_id}/hulp"),
    );
    let mut r = render(&CaseHelpPage {
        layout,
        csrf,
        case_ref: case_ref::label(i, &case_id),
        case_id,
        open,
        ended,
        error,
        message,
    });
    if failed {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// `GET /dossiers/{case}/hulp` (owner)
pub async fn case_help(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
) -> Result<Response, PageError> {
    case_help_page(&state, lang, &access, &session, None, String::new()).await
}

#[derive(Deserialize)]
pub struct AskForm {
    #[serde(default)]
    level: String,
    #[serde(default)]
    message: String,
}

/// `POST /dossiers/{case}/hulp` (owner): sends a help request; one open request per case.
pub async fn ask(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Form(f): Form<AskForm>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let asked = cases::help::ask(
        &*state.store,
        &access.case.id,
        &f.level,
        &f.message,
        &access.actor(),
    )
    .await
    .map_err(case_error)?;
    let error = match asked {
        Ok(_) => None,
        // The page shows the open request.
        Err(AskRefused::AlreadyOpen) => {
            return Ok(Redirect::to(&format!("/dossiers/{}/hulp", access.case.id)).into_response());
        }
        Err(AskRefused::Level) => Some(i.t("help-error-level")),
        Err(AskRefused::TooLong) => Some(i.t1("help-error-message-long", "max", MAX_MESSAGE)),
    };
    if error.is_some() {
        let message = f.message.trim().to_string();
        return case_help_page(&state, lang, &access, &session, error, message).await;
    }
    // Tell the coordinators; the mail holds no details of the case, only where to look.
    for (member, role) in state.store.org_members().await.map_err(store_error)? {
        if role >= OrgRole::Coordinator {
            state.mailer.send(
                &member.email,
                &i.t("help-mail-new-subject"),
                &i.t1(
                    "help-mail-new-body",
                    "link",
                    state.url("/organisatie/hulpvragen"),
                ),
            );
        }
    }
    Ok(Redirect::to(&format!("/dossiers/{}/hulp", access.case.id)).into_response())
}

/// The open request `help_id` of the case in `access`, or "not found".
async fn open_request_of(
    state: &AppState,
    access: &CaseAccess,
    help_id: &str,
) -> Result<HelpRequest, PageError> {
    cases::help::open_request(&*state.store, &access.case.id, help_id)
        .await
        .map_err(case_error)?
        .ok_or(PageError::NotFound)
}

#[derive(Deserialize)]
pub struct LevelForm {
    #[serde(default)]
    level: String,
}

/// `POST /dossiers/{case}/hulp/{help}/niveau` (owner): summary only, or read access.
pub async fn change_level(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Path((_, help_id)): Path<(String, String)>,
    Form(f): Form<LevelForm>,
) -> Result<Response, PageError> {
    let request = open_request_of(&state, &access, &help_id).await?;
    let Some(level) = HelpLevel::parse(&f.level) else {
        let i = Tr { lang };
        let error = Some(i.t("help-error-level"));
        return case_help_page(&state, lang, &access, &session, error, String::new()).await;
    };
    cases::help::change_level(&*state.store, &request, level, &access.actor())
        .await
        .map_err(case_error)?;
    Ok(Redirect::to(&format!("/dossiers/{}/hulp", access.case.id)).into_response())
}

/// `POST /dossiers/{case}/hulp/{help}/intrekken` (owner): nobody of the organisation has access
/// through this request any more.
pub async fn revoke(
    State(state): State<AppState>,
    access: CaseAccess,
    Path((_, help_id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let request = open_request_of(&state, &access, &help_id).await?;
    cases::help::revoke(&*state.store, &request, &access.actor())
        .await
        .map_err(case_error)?;
    Ok(Redirect::to(&format!("/dossiers/{}/hulp", access.case.id)).into_response())
}

// The summary of a case.

struct AnswerLine {
    question: String,
    answer: String,
}

struct DeadlineLine {
    title: String,
    date: String,
}

#[derive(Template)]
#[template(path = "help_summary.html")]
struct SummaryPage {
    layout: Layout,
    case_id: String,
    has_answers: bool,
    answers: Vec<AnswerLine>,
    /// The title of the current step and its short description (HTML made from the content).
    current: Option<(String, String)>,
    deadlines: Vec<DeadlineLine>,
    /// Whether the caller may open the whole case.
    can_read: bool,
    /// The reference the parent and the organisation quote.
    case_ref: String,
    /// The opening line: the parent reads what they share, a helper what is shared with them.
    lead: String,
    /// Back to the case for its owner, else to the organisation's pages.
    back_href: String,
    back_label: String,
}

/// `GET /dossiers/{case}/samenvatting` (summary role): the situation in short, the current step
/// and the next deadlines. Never the timeline, notes, attachments or letters.
pub async fn summary(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let lib = state.lib_for(lang);
    let k = &lib.k;
    let advice = state.case_advice(&access.case.id).await?;
    let mut answers = Vec::new();
    let mut current = None;
    let mut deadlines = Vec::new();
    if let Some(a) = &advice {
        answers = route::intake::answered(k, &a.situation)
            .into_iter()
            .map(|(q, v)| AnswerLine {
                question: q.text.clone(),
                answer: crate::http::forms::show_answer(q, v, i),
            })
            .collect();
        current = k.steps.iter().find(|s| s.id == a.advice.current).map(|s| {
            let html = lib.step_summary.get(&s.id).cloned();
            (s.title.clone(), html.unwrap_or_default())
        });
        let today = state.today.date();
        let mut coming: Vec<_> = a
            .advice
            .terms
            .iter()
            .filter_map(|t| {
                let d = t.deadline.as_ref().filter(|d| d.date >= today)?;
                let term = k.terms.iter().find(|x| x.id == t.id)?;
                Some((d.date, term.title.clone(), i.date(d.date)))
            })
            .collect();
        coming.sort();
        deadlines = coming
            .into_iter()
            .take(SUMMARY_DEADLINES)
            .map(|(_, title, date)| DeadlineLine { title, date })
            .collect();
    }
    let case_id = access.case.id.clone();
    let (back_href, back_label, lead) = if access.role == Role::Owner {
        (
            format!("/dossiers/{case_id}"),
            i.t("event-back"),
            i.t("help-summary-lead-owner"),
        )
    } else {
        (
            "/organisatie".to_string(),
            i.t("org-back"),
            i.t("help-summary-lead"),
        )
    };
    let mut layout = Layout::new(
        lang,
        "help-summary-title",
        &format!("/dossiers/{case_id}/samenvatting"),
    );
    layout.title = i.t1("help-summary-title-of", "title", &access.case.title);
    Ok(render(&SummaryPage {
        layout,
        case_id,
        has_answers: advice.is_some(),
        answers,
        current,
        deadlines,
        can_read: access.role >= Role::Read,
        case_ref: case_ref::label(i, &access.case.id),
        lead,
        back_href,
        back_label,
    }))
}

// For visitors: how to ask for help.

struct OwnCase {
    id: String,
    title: String,
    /// Tells apart cases with the same title, and is what the organisation sees.
    case_ref: String,
}

#[derive(Template)]
#[template(path = "help_start.html")]
struct StartPage {
    layout: Layout,
    logged_in: bool,
    cases: Vec<OwnCase>,
}

/// `GET /hulp`: how a parent asks the organisation for help. A visitor first needs an account
/// and a case; a parent with cases gets a link per case.
pub async fn start(
    State(state): State<AppState>,
    lang: Lang,
    MaybeUser(user): MaybeUser,
) -> Result<Response, PageError> {
    let mut cases = Vec::new();
    if let Some(u) = &user {
        for (c, role) in state
            .store
            .cases_for_user(&u.user.id, crate::http::auth::now())
            .await
            .map_err(store_error)?
        {
            if role == Role::Owner {
                cases.push(OwnCase {
                    case_ref: case_ref::label(Tr { lang }, &c.id),
                    id: c.id,
                    title: c.title,
                });
            }
        }
    }
    Ok(render(&StartPage {
        layout: Layout::new(lang, "help-start-title", "/hulp"),
        logged_in: user.is_some(),
        cases,
    }))
}

// The coordinator's inbox.

struct InboxLine {
    id: String,
    case_id: String,
    case_title: String,
    case_ref: String,
    /// The text of the link to the summary; with the reference, since titles repeat.
    summary_link: String,
    asked_on: String,
    level_name: String,
    message: String,
    helper: Option<String>,
    assigned_to: String,
}

#[derive(Template)]
#[template(path = "help_inbox.html")]
struct InboxPage {
    layout: Layout,
    csrf: String,
    requests: Vec<InboxLine>,
    /// "Pagina 2 van 7" and the links to the pages before and after, when there is more than
    /// one page.
    pages: Option<String>,
    previous: Option<String>,
    next: Option<String>,
    /// (user id, e-mail address and role) of every member, for the assign form.
    members: Vec<(String, String)>,
    notice: Option<String>,
}

/// How many help requests one page of the inbox shows: a national organisation has many open
/// at once, and every one on the page is a read in its case's audit log.
pub const INBOX_PAGE: i64 = 25;

#[derive(Deserialize, Default)]
pub struct InboxQuery {
    /// The page, from 1.
    pagina: Option<String>,
}

/// The session key of the one-time "assigned" message in the inbox.
const INBOX_NOTICE: &str = "help-inbox-notice";

/// `GET /organisatie/hulpvragen` (coordinator): open requests, newest first.
pub async fn inbox(
    State(state): State<AppState>,
    lang: Lang,
    org: OrgUser,
    session: Session,
    Query(q): Query<InboxQuery>,
) -> Result<Response, Response> {
    org.require(OrgRole::Coordinator)
        .map_err(|d| d.page(lang))?;
    // A page number that is not one shows the first page.
    let page = q
        .pagina
        .and_then(|p| p.trim().parse::<i64>().ok())
        .filter(|p| (1..=1_000_000).contains(p))
        .unwrap_or(1);
    inbox_page(&state, lang, &session, &org.actor(), page)
        .await
        .map_err(|e| e.page(lang))
}

async fn inbox_page(
    state: &AppState,
    lang: Lang,
    session: &Session,
    actor: &Actor,
    page: i64,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let store = &state.store;
    let members: Vec<(String, String)> = store
        .org_members()
        .await
        .map_err(store_error)?
        .into_iter()
        .map(|(u, r)| {
            (
                u.id,
                format!("{} ({})", u.email, i.t(&super::members::role_key(r))),
            )
        })
        .collect();
    let (open, total) = store
        .open_help_requests_page((page - 1) * INBOX_PAGE, INBOX_PAGE)
        .await
        .map_err(store_error)?;
    let last = ((total + INBOX_PAGE - 1) / INBOX_PAGE).max(1);
    let link = |p: i64| format!("/organisatie/hulpvragen?pagina={p}");
    // The inbox shows the case's title and the parent's message: a read, in the case's log.
    let ids: Vec<&str> = open.iter().map(|h| h.case_id.as_str()).collect();
    store
        .log_access_many(&ids, actor, "read /organisatie/hulpvragen")
        .await
        .map_err(store_error)?;
    let mut requests = Vec::new();
    for h in open {
        let Some(case) = store.case_by_id(&h.case_id).await.map_err(store_error)? else {
            continue;
        };
        let helper = match &h.assigned_to {
            Some(id) => Some(email_or(state, id, i, "help-unknown-person").await?),
            None => None,
        };
        let case_ref = case_ref::label(i, &case.id);
        requests.push(InboxLine {
            id: h.id,
            summary_link: i.args(
                "help-inbox-summary-link",
                &[("title", case.title.clone()), ("ref", case_ref.clone())],
            ),
            case_ref,
            case_id: case.id,
            case_title: case.title,
            asked_on: saved_on(h.created_at),
            level_name: i.t(&level_key(h.level)),
            message: h.message,
            helper,
            assigned_to: h.assigned_to.unwrap_or_default(),
        });
    }
    let csrf = csrf::token(session).await?;
    let notice = session.remove::<String>(INBOX_NOTICE).await?;
    Ok(render(&InboxPage {
        layout: Layout::new(lang, "help-inbox-title", "/organisatie/hulpvragen"),
        csrf,
        requests,
        pages: (last > 1).then(|| {
            i.args(
                "help-inbox-pages",
                &[("page", page.to_string()), ("last", last.to_string())],
            )
        }),
        previous: (page > 1).then(|| link((page - 1).min(last))),
        next: (page < last).then(|| link(page + 1)),
        members,
        notice,
    }))
}

#[derive(Deserialize)]
pub struct AssignForm {
    #[serde(default)]
    volunteer: String,
}

/// `POST /organisatie/hulpvragen/{help}/toewijzen` (coordinator): assigns a member.
pub async fn assign(
    State(state): State<AppState>,
    lang: Lang,
    org: OrgUser,
    session: Session,
    Path(help_id): Path<String>,
    Form(f): Form<AssignForm>,
) -> Result<Response, Response> {
    org.require(OrgRole::Coordinator)
        .map_err(|d| d.page(lang))?;
    let i = Tr { lang };
    let fail = |e: PageError| e.page(lang);
    if f.volunteer.is_empty() {
        session
            .insert(INBOX_NOTICE, i.t("help-inbox-choose-first"))
            .await
            .map_err(|e| fail(PageError::from(e)))?;
        return Ok(Redirect::to("/organisatie/hulpvragen").into_response());
    }
    let volunteer = cases::help::assign(&*state.store, &help_id, &f.volunteer, &org.actor())
        .await
        .map_err(|e| fail(case_error(e)))?;
    let Some(volunteer) = volunteer else {
        return Err(fail(PageError::NotFound));
    };
    state.mailer.send(
        &volunteer.email,
        &i.t("help-mail-assigned-subject"),
        &i.t1(
            "help-mail-assigned-body",
            "link",
            state.url("/organisatie/mijn-hulpvragen"),
        ),
    );
    session
        .insert(
            INBOX_NOTICE,
            i.t1("help-assigned-notice", "email", &volunteer.email),
        )
        .await
        .map_err(|e| fail(PageError::from(e)))?;
    Ok(Redirect::to("/organisatie/hulpvragen").into_response())
}

// The volunteer's list.

struct MineLine {
    case_title: String,
    case_ref: String,
    asked_on: String,
    level_name: String,
    message: String,
    /// The summary, or the whole case when the parent shares it.
    href: String,
}

#[derive(Template)]
#[template(path = "help_mine.html")]
struct MinePage {
    layout: Layout,
    requests: Vec<MineLine>,
}

/// `GET /organisatie/mijn-hulpvragen` (any member): the requests assigned to me.
pub async fn mine(
    State(state): State<AppState>,
    lang: Lang,
    org: OrgUser,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let store = &state.store;
    let mut requests = Vec::new();
    for h in store
        .help_requests_assigned_to(&org.user.user.id)
        .await
        .map_err(store_error)?
    {
        let Some(case) = store.case_by_id(&h.case_id).await.map_err(store_error)? else {
            continue;
        };
        let href = match h.level {
            HelpLevel::Summary => format!("/dossiers/{}/samenvatting", case.id),
            HelpLevel::Read => format!("/dossiers/{}", case.id),
        };
        requests.push(MineLine {
            case_ref: case_ref::label(i, &case.id),
            case_title: case.title,
            asked_on: saved_on(h.created_at),
            level_name: i.t(&level_key(h.level)),
            message: h.message,
            href,
        });
    }
    Ok(render(&MinePage {
        layout: Layout::new(lang, "help-mine-title", "/organisatie/mijn-hulpvragen"),
        requests,
    }))
}
