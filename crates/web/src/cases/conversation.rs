//! Preparing a conversation of the route (`/dossiers/{case}/gesprek/{step}`): the parent's goal,
//! an agenda built from the case (what the step asks to prepare, what was agreed before, the
//! deadlines), who may come along, questions to ask and the reminder to ask for a report, with
//! its sources; the same as a PDF to print; and afterwards "Hoe ging het gesprek?". The rules
//! are in [`cases::conversation`]; the texts of the conversation are content.

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use calendar::Confidence;
use cases::access::Action;
use cases::advice::situation_with_events;
use cases::conversation::{ReportDraft, ReportRefused, TypedAgreement};
use route::model::{Conversation, Step};
use serde::Deserialize;
use tower_sessions::Session;

use super::page::outcome_choices;
use crate::http::case_access::CaseAccess;
use crate::http::csrf;
use crate::http::download::download;
use crate::http::error::{PageError, case_error, store_error};
use crate::http::forms::{FieldError, date_error};
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::links::SourceLink;
use crate::http::state::AppState;

/// Agreement rows the form shows at first, and how many "meer regels" adds.
const ROWS: usize = 3;
/// The most agreement rows the form grows to.
const MAX_ROWS: usize = 30;

/// The address of the preparation page of a conversation.
pub fn url(case_id: &str, step_id: &str) -> String {
    format!("/dossiers/{case_id}/gesprek/{step_id}")
}

/// Everything the preparation shows, on screen and on paper.
struct Prep {
    step_title: String,
    with: String,
    purpose: String,
    /// What the step asks to prepare: the open points of the agenda.
    todo: Vec<String>,
    /// What was agreed in earlier conversations, one line each.
    promised: Vec<String>,
    /// (what, when) of the case's deadlines.
    deadlines: Vec<(String, String)>,
    company: Vec<String>,
    /// Shown next to who may come along when its sources are unverified or disputed.
    company_marker: Option<String>,
    bring: Vec<String>,
    questions: Vec<String>,
    report: String,
    sources: Vec<SourceLink>,
    marker: Option<String>,
    goal: String,
}

fn marker(c: Confidence, i: Tr) -> Option<String> {
    match c {
        Confidence::M => Some(i.t("confidence-m-long")),
        Confidence::C => Some(i.t("confidence-c-long")),
        Confidence::V | Confidence::V2 => None,
    }
}

/// The step and its conversation, or 404: only steps with a conversation in the content have
/// a preparation page.
fn find<'k>(
    state: &'k AppState,
    lang: Lang,
    step_id: &str,
) -> Result<(&'k Step, &'k Conversation), PageError> {
    let k = &state.lib_for(lang).k;
    match (k.step(step_id), k.conversation(step_id)) {
        (Some(s), Some(c)) => Ok((s, c)),
        _ => Err(PageError::NotFound),
    }
}

/// A date kept as ISO, written the Dutch way ("14-1-2027").
fn typed(iso: &str) -> String {
    iso.parse::<jiff::civil::Date>()
        .map(calendar::format_typed_date)
        .unwrap_or_else(|_| iso.to_string())
}

async fn prep(
    state: &AppState,
    i: Tr,
    access: &CaseAccess,
    step: &Step,
    conv: &Conversation,
) -> Result<Prep, PageError> {
    let k = &state.lib_for(i.lang).k;
    let case_id = &access.case.id;
    let events = state.store.events(case_id).await.map_err(store_error)?;
    let mut deadlines = Vec::new();
    if let Some(v) = state
        .store
        .latest_answers(case_id)
        .await
        .map_err(store_error)?
    {
        let (_, s) =
            situation_with_events(k, &v, &events, state.today.date()).map_err(case_error)?;
        for t in route::advise(k, &s).terms {
            if let (Some(term), Some(d)) = (k.term(&t.id), &t.deadline) {
                deadlines.push((term.title.clone(), d.date_text.clone()));
            }
        }
    }
    let promised = cases::conversation::promised(&events)
        .into_iter()
        .map(|p| {
            let mut args = vec![
                ("text", p.agreement.text),
                ("on", typed(&p.on)),
                ("title", p.title),
            ];
            let key = match p.agreement.by {
                Some(d) => {
                    args.push(("by", calendar::format_typed_date(d)));
                    "talk-promised-line-by"
                }
                None => "talk-promised-line",
            };
            i.args(key, &args)
        })
        .collect();
    let goal = cases::conversation::goal_event(&events, step)
        .map(|e| e.notes.clone())
        .unwrap_or_default();
    let sources = conv
        .cite
        .sources
        .iter()
        .chain(&conv.company_cite.sources)
        .filter_map(|id| k.source(id))
        .fold(Vec::<SourceLink>::new(), |mut all, s| {
            if !all.iter().any(|x| x.title == s.title) {
                all.push(SourceLink {
                    title: s.title.clone(),
                    url: s.url.clone(),
                    marker: match s.confidence {
                        Confidence::M => Some(i.t("confidence-m")),
                        Confidence::C => Some(i.t("confidence-c")),
                        _ => None,
                    },
                });
            }
            all
        });
    Ok(Prep {
        step_title: step.title.clone(),
        with: conv.with.clone(),
        purpose: conv.purpose.clone(),
        todo: step.prepare.clone(),
        promised,
        deadlines,
        company: conv.company.clone(),
        company_marker: marker(k.confidence_of(&conv.company_cite), i),
        bring: conv.bring.clone(),
        questions: conv.questions.clone(),
        report: conv.report.clone(),
        sources,
        marker: marker(k.confidence_of(&conv.cite), i),
        goal,
    })
}

#[derive(Template)]
#[template(path = "conversation.html")]
struct TalkPage {
    layout: Layout,
    csrf: String,
    case_id: String,
    step_id: String,
    can_write: bool,
    prep: Prep,
    report: ReportDraft,
    /// (id, label) of the outcomes the case page offers for this step.
    choices: Vec<(String, String)>,
    error: Option<FieldError>,
}

/// One agreement row of the form, with the ids of its two inputs.
struct RowView<'a> {
    /// From 1, as the labels count.
    n: usize,
    text_id: String,
    date_id: String,
    text: &'a str,
    by: &'a str,
}

impl TalkPage {
    fn rows(&self) -> Vec<RowView<'_>> {
        self.report
            .agreements
            .iter()
            .enumerate()
            .map(|(n, a)| RowView {
                n: n + 1,
                text_id: format!("afspraak-{n}"),
                date_id: format!("afspraak-datum-{n}"),
                text: &a.text,
                by: &a.by,
            })
            .collect()
    }

    /// (number, id, label) of the outcomes: the number makes the radio buttons' ids.
    fn outcomes(&self) -> Vec<(usize, &str, &str)> {
        self.choices
            .iter()
            .enumerate()
            .map(|(n, (id, label))| (n, id.as_str(), label.as_str()))
            .collect()
    }

    /// The error message for one input, shown next to it.
    fn error_for(&self, input: &str) -> Option<&str> {
        self.error
            .as_ref()
            .filter(|e| e.field == input)
            .map(|e| e.message.as_str())
    }
}

/// The page, with what was typed when a form was refused (`status` 422) or grew (200).
async fn page(
    state: &AppState,
    lang: Lang,
    access: &CaseAccess,
    session: &Session,
    step_id: &str,
    report: ReportDraft,
    error: Option<FieldError>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let (step, conv) = find(state, lang, step_id)?;
    let prep = prep(state, i, access, step, conv).await?;
    let csrf = csrf::token(session).await?;
    let case_id = access.case.id.clone();
    let layout = Layout::titled(
        lang,
        &i.t1("talk-title", "step", &step.title),
        &url(&case_id, step_id),
    );
    let failed = error.is_some();
    let mut response = render(&TalkPage {
        layout,
        csrf,
        case_id,
        step_id: step_id.to_string(),
        can_write: access.may(Action::RecordConversation),
        prep,
        report,
        choices: outcome_choices(i, step),
        error,
    });
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

fn empty_report(rows: usize) -> ReportDraft {
    ReportDraft {
        agreements: vec![TypedAgreement::default(); rows],
        ..ReportDraft::default()
    }
}

/// `GET /dossiers/{case}/gesprek/{step}`, and `{step}.pdf` for the same on paper.
pub async fn show(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Path((_, step_id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    if let Some(step_id) = step_id.strip_suffix(".pdf") {
        return pdf(&state, lang, &access, step_id).await;
    }
    page(
        &state,
        lang,
        &access,
        &session,
        &step_id,
        empty_report(ROWS),
        None,
    )
    .await
}

async fn pdf(
    state: &AppState,
    lang: Lang,
    access: &CaseAccess,
    step_id: &str,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let (step, conv) = find(state, lang, step_id)?;
    let p = prep(state, i, access, step, conv).await?;
    let section = |key: &str, text: String, items: Vec<String>| letters::SheetSection {
        heading: i.t(key),
        text,
        items,
    };
    let none = || vec![i.t("talk-none")];
    let or_none = |v: Vec<String>| if v.is_empty() { none() } else { v };
    let company_text = p.company_marker.clone().unwrap_or_default();
    let sources = p
        .sources
        .iter()
        .map(|s| match &s.marker {
            Some(m) => format!("{} ({m})", s.title),
            None => s.title.clone(),
        })
        .collect();
    let goal = if p.goal.trim().is_empty() {
        i.t("talk-goal-empty")
    } else {
        p.goal.clone()
    };
    let sheet = letters::ConversationSheet {
        lang: i.lang.code().to_string(),
        title: i.t1("talk-title", "step", &p.step_title),
        lead: format!("{} {}", p.with, p.marker.clone().unwrap_or_default())
            .trim()
            .to_string(),
        sections: vec![
            section("talk-goal-title", goal, Vec::new()),
            section("talk-purpose-title", p.purpose, Vec::new()),
            section("talk-todo-title", String::new(), or_none(p.todo)),
            section("talk-promised-title", String::new(), or_none(p.promised)),
            section(
                "talk-deadlines-title",
                String::new(),
                or_none(
                    p.deadlines
                        .into_iter()
                        .map(|(what, when)| format!("{what}: {when}"))
                        .collect(),
                ),
            ),
            section("talk-company-title", company_text, p.company),
            section("talk-bring-title", String::new(), p.bring),
            section("talk-questions-title", String::new(), p.questions),
            section("talk-report-title", p.report, Vec::new()),
            section("talk-sources-title", String::new(), sources),
        ],
        notes_heading: i.t("talk-notes-title"),
        footer: i.t("talk-pdf-footer"),
    };
    let bytes = tokio::task::spawn_blocking(move || letters::conversation_pdf(&sheet))
        .await
        .map_err(|_| PageError::Internal)?
        .map_err(|e| {
            tracing::error!(error = %e, "the conversation sheet could not be made");
            PageError::Internal
        })?;
    Ok(download(
        bytes,
        "application/pdf",
        &format!("gesprek-{step_id}.pdf"),
    ))
}

#[derive(Deserialize)]
pub struct GoalForm {
    #[serde(default)]
    goal: String,
}

/// `POST /dossiers/{case}/gesprek/{step}/doel`: keeps the parent's goal for the conversation.
pub async fn save_goal(
    State(state): State<AppState>,
    access: CaseAccess,
    Path((_, step_id)): Path<(String, String)>,
    Form(f): Form<GoalForm>,
) -> Result<Response, PageError> {
    let (step, _) = find(&state, Lang::Nl, &step_id)?;
    cases::conversation::save_goal(
        &*state.store,
        &access.case.id,
        step,
        &f.goal,
        state.today.date(),
        &access.actor(),
    )
    .await
    .map_err(case_error)?;
    Ok(Redirect::to(&format!("{}#doel", url(&access.case.id, &step_id))).into_response())
}

/// The report form as posted: fixed fields, then `afspraak-N` and `afspraak-datum-N` per row,
/// and `meer` when the parent asked for more rows instead of saving.
fn report_from_pairs(pairs: &[(String, String)]) -> (ReportDraft, bool) {
    let mut draft = ReportDraft::default();
    let mut more = false;
    let mut rows: Vec<TypedAgreement> = Vec::new();
    let mut texts = Vec::new();
    let mut dates = Vec::new();
    for (name, value) in pairs {
        match name.as_str() {
            "date" => draft.date = value.clone(),
            "present" => draft.present = value.clone(),
            "outcome" => draft.outcome = value.clone(),
            "outcome_date" => draft.outcome_date = value.clone(),
            "meer" => more = true,
            _ => {
                if let Some(n) = name.strip_prefix("afspraak-datum-") {
                    dates.push((n.to_string(), value.clone()));
                } else if let Some(n) = name.strip_prefix("afspraak-") {
                    texts.push((n.to_string(), value.clone()));
                }
            }
        }
    }
    for (n, v) in texts {
        if let Some(r) = row(&mut rows, &n) {
            r.text = v;
        }
    }
    for (n, v) in dates {
        if let Some(r) = row(&mut rows, &n) {
            r.by = v;
        }
    }
    if rows.len() < ROWS {
        rows.resize(ROWS, TypedAgreement::default());
    }
    draft.agreements = rows;
    (draft, more)
}

/// Row `n` (as posted) of `rows`, grown to hold it; a number past [`MAX_ROWS`] is dropped.
fn row<'r>(rows: &'r mut Vec<TypedAgreement>, n: &str) -> Option<&'r mut TypedAgreement> {
    let n: usize = n.parse().ok().filter(|n| *n < MAX_ROWS)?;
    if rows.len() <= n {
        rows.resize(n + 1, TypedAgreement::default());
    }
    rows.get_mut(n)
}

/// The message for a refused report, and the input it is about.
fn report_error(i: Tr, e: &ReportRefused) -> FieldError {
    let (field, message) = match e {
        ReportRefused::NoSuchStep => ("talk-date".to_string(), i.t("talk-error-step")),
        ReportRefused::Date(d) => ("talk-date".to_string(), date_error(i, &i.t("talk-date"), d)),
        ReportRefused::AgreementText { row } => (
            format!("afspraak-{row}"),
            i.t1("talk-error-agreement-text", "n", row + 1),
        ),
        ReportRefused::AgreementDate { row, error } => (
            format!("afspraak-datum-{row}"),
            date_error(i, &i.t1("talk-agreement-by-n", "n", row + 1), error),
        ),
        ReportRefused::Outcome => ("talk-outcome-0".to_string(), i.t("outcome-error")),
        ReportRefused::OutcomeDate(d) => (
            "talk-outcome-date".to_string(),
            date_error(i, &i.t("talk-outcome-date"), d),
        ),
    };
    FieldError { message, field }
}

/// `POST /dossiers/{case}/gesprek/{step}`: "Hoe ging het gesprek?". Saves a conversation event
/// with the agreements and records the step's outcome, or shows the form again with everything
/// typed: with the message when it was refused, with more rows when the parent asked for them.
pub async fn save_report(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Path((_, step_id)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    find(&state, lang, &step_id)?;
    let (mut draft, more) = report_from_pairs(&pairs);
    if more {
        let rows = (draft.agreements.len() + ROWS).min(MAX_ROWS);
        draft.agreements.resize(rows, TypedAgreement::default());
        return page(&state, lang, &access, &session, &step_id, draft, None).await;
    }
    let recorded = cases::conversation::record(
        &*state.store,
        &state.lib.k,
        &access.case.id,
        &step_id,
        &draft,
        &access.actor(),
    )
    .await
    .map_err(case_error)?;
    match recorded {
        Ok(_) => {
            Ok(Redirect::to(&format!("/dossiers/{}#tijdlijn", access.case.id)).into_response())
        }
        Err(ReportRefused::NoSuchStep) => Err(PageError::NotFound),
        Err(e) => {
            let error = report_error(i, &e);
            page(
                &state,
                lang,
                &access,
                &session,
                &step_id,
                draft,
                Some(error),
            )
            .await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_by_number_and_filled_up_to_three() {
        let pairs: Vec<(String, String)> = [
            ("date", "1-3-2027"),
            ("afspraak-1", "Plan"),
            ("afspraak-datum-1", "14-3-2027"),
            ("afspraak-999", "te ver"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let (d, more) = report_from_pairs(&pairs);
        assert!(!more);
        assert_eq!(d.date, "1-3-2027");
        assert_eq!(d.agreements.len(), 3);
        assert_eq!(d.agreements[1].text, "Plan");
        assert_eq!(d.agreements[1].by, "14-3-2027");
    }
}
