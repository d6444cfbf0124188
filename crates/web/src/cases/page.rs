//! The case page: the route recomputed from the case's latest answers (with the dates its
//! events set), the steps to do with their outcomes, the deadlines and the dates agreed in
//! conversations, the letters the route suggests, the children and parties, and the timeline
//! with its attachments. The forms on it
//! post to `events`, `steps` and `people`; a refused form comes back here with what was typed.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cases::access::Action;
use cases::advice::situation_with_events;
use cases::events::{EVENT_KINDS, EventDraft};
use cases::outcomes::OUTCOMES;
use route::letter::PARTY_ROLES;
use store::Role;
use tower_sessions::Session;

use crate::http::answers;
use crate::http::case_access::CaseAccess;
use crate::http::csrf;
use crate::http::error::{PageError, case_error, store_error};
use crate::http::forms::FieldError;
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::links::case_letter_url;
use crate::http::state::AppState;

struct StepLine {
    id: String,
    title: String,
    status: String,
    /// 0 for the current step, 1 for a next one, 2 for the rest: the order of the route page
    /// (now, next, later).
    rank: u8,
    /// The outcome recorded for this step, in words, with its date.
    outcome: String,
    /// (id, label) of the outcomes that can be recorded: the step's own, then the general ones.
    choices: Vec<(String, String)>,
    /// The outcome and date as typed, when recording them for this step was refused.
    typed: Option<TypedOutcome>,
    /// Whether the step is a conversation the case can prepare (see `conversation`).
    talk: bool,
}

/// An outcome form as it was posted, shown again when it was refused.
#[derive(Debug, Clone, Default)]
pub(super) struct TypedOutcome {
    pub step_id: String,
    pub outcome: String,
    pub date: String,
}

/// What a refused form brings back to the case page: the message with the input it is about,
/// and what was typed, so that nothing is lost.
#[derive(Default)]
pub(super) struct Kept {
    pub error: Option<FieldError>,
    /// The new event as typed.
    pub draft: EventDraft,
    pub outcome: Option<TypedOutcome>,
}

/// The outcomes a parent can record for `step`: those of the content first (they answer intake
/// questions, see [`cases::outcomes`]), then the general ones of [`OUTCOMES`].
pub(super) fn outcome_choices(i: Tr, step: &route::model::Step) -> Vec<(String, String)> {
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
    /// What was agreed in a conversation to be done by a date that has not passed, soonest
    /// first: not a legal term, so listed apart from the deadlines.
    agreed: Vec<DeadlineLine>,
    date_questions: Vec<(String, String)>,
    children: Vec<ChildLine>,
    parties: Vec<PartyLine>,
    party_roles: Vec<(&'static str, String)>,
    /// (id, name) of the parties, for the event form.
    party_choices: Vec<(String, String)>,
    events: Vec<EventLine>,
    kinds: Vec<(&'static str, String)>,
    error: Option<FieldError>,
    /// Whether the list of all steps starts open: when an outcome form in it was refused.
    steps_open: bool,
    /// What the author typed, kept when the form was refused.
    draft: EventDraft,
    /// (url, title) of the letters the route suggests, filled from this case.
    letters: Vec<(String, String)>,
    /// The advice changed because the content was corrected since the parent last saw it.
    advice_changed: Option<AdviceChanged>,
}

/// Before and after, in short, for the notice "the advice has changed".
struct AdviceChanged {
    since: String,
    before: AdviceLines,
    now: AdviceLines,
}

struct AdviceLines {
    step: String,
    deadlines: Vec<String>,
    warnings: Vec<String>,
}

impl AdviceLines {
    /// A summary as the reader of `i` reads it: each item by its title in `k` now (the
    /// summary keeps the Dutch title it had, for an item that has since left the content).
    fn of(k: &route::Knowledge, i: Tr, s: &cases::advice::Summary) -> AdviceLines {
        let step = |n: &cases::advice::Named| {
            k.step(&n.id)
                .map_or_else(|| n.title.clone(), |x| x.title.clone())
        };
        let term = |n: &cases::advice::Named| {
            k.terms
                .iter()
                .find(|t| t.id == n.id)
                .map_or_else(|| n.title.clone(), |x| x.title.clone())
        };
        let warning = |n: &cases::advice::Named| {
            k.warnings
                .iter()
                .find(|w| w.id == n.id)
                .map_or_else(|| n.title.clone(), |x| x.title.clone())
        };
        AdviceLines {
            step: step(&s.current),
            deadlines: s
                .deadlines
                .iter()
                .map(|(n, d)| {
                    let date = d
                        .parse::<jiff::civil::Date>()
                        .map(|d| i.date(d))
                        .unwrap_or_else(|_| d.clone());
                    format!("{}: {date}", term(n))
                })
                .collect(),
            warnings: s.warnings.iter().map(warning).collect(),
        }
    }
}

impl CasePage {
    /// The steps to do, in the route page's order: the current one, then the next ones.
    fn todo(&self) -> Vec<&StepLine> {
        let mut todo: Vec<&StepLine> = self.steps.iter().filter(|s| s.rank < 2).collect();
        // Stable: among the next steps, route order stays.
        todo.sort_by_key(|s| s.rank);
        todo
    }

    /// The error message for one input, shown next to it.
    fn error_for(&self, input: &str) -> Option<&str> {
        self.error
            .as_ref()
            .filter(|e| e.field == input)
            .map(|e| e.message.as_str())
    }
}

/// The date questions of the intake, as (id, question text): an event's date can answer one.
fn date_questions(state: &AppState) -> Vec<(String, String)> {
    cases::events::date_questions(&state.lib.k)
        .map(|(id, text)| (id.to_string(), text.to_string()))
        .collect()
}

pub(super) fn kinds(i: Tr) -> Vec<(&'static str, String)> {
    EVENT_KINDS
        .iter()
        .map(|k| (*k, i.t(&format!("event-kind-{k}"))))
        .collect()
}

pub(super) async fn case_page(
    state: &AppState,
    lang: Lang,
    access: &CaseAccess,
    session: &Session,
    kept: Kept,
) -> Result<Response, PageError> {
    let Kept {
        error,
        draft,
        outcome: typed_outcome,
    } = kept;
    let i = Tr { lang };
    let store = &state.store;
    let case_id = &access.case.id;
    let lib = &state.lib;
    let shown = state.lib_for(lang);
    let latest = store.latest_answers(case_id).await.map_err(store_error)?;
    let all_events = store.events(case_id).await.map_err(store_error)?;
    let outcomes = store.step_outcomes(case_id).await.map_err(store_error)?;
    let mut deadlines = Vec::new();
    let mut letters = Vec::new();
    let mut advice_changed = None;
    let steps = match latest {
        Some(v) => {
            let (_, s) = situation_with_events(&lib.k, &v, &all_events, state.today.date())
                .map_err(case_error)?;
            // What a case remembers of its advice is kept in Dutch, the content's language;
            // a reader of English gets the same advice (same ids) with English texts.
            let dutch_advice = route::advise(&lib.k, &s);
            let changed = cases::advice::changed_since_seen(
                &**store,
                &lib.k,
                case_id,
                &dutch_advice,
                access.actor().now,
            )
            .await
            .map_err(case_error)?;
            let lib = shown;
            let advice = if lang == Lang::En {
                route::advise(&lib.k, &s)
            } else {
                dutch_advice
            };
            advice_changed = changed.map(|c| AdviceChanged {
                since: jiff::Timestamp::from_second(c.seen_at)
                    .ok()
                    .and_then(|t| t.strftime("%Y-%m-%d").to_string().parse().ok())
                    .map(|d| i.date(d))
                    .unwrap_or_default(),
                before: AdviceLines::of(&lib.k, i, &c.before),
                now: AdviceLines::of(&lib.k, i, &c.now),
            });
            letters = advice
                .letters
                .iter()
                .filter_map(|a| lib.k.letter(&a.id))
                .filter(|l| l.template.is_some())
                .map(|l| {
                    let url = case_letter_url(case_id, &l.id);
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
                        typed: typed_outcome
                            .as_ref()
                            .filter(|t| t.step_id == a.id)
                            .cloned(),
                        talk: lib.k.conversation(&a.id).is_some(),
                        id: a.id.clone(),
                        outcome,
                        choices,
                        title: step.title.clone(),
                        status: i.t(&format!("status-{status}")),
                        rank: match status {
                            "current" => 0,
                            "next" => 1,
                            _ => 2,
                        },
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
    let today = state.today.date();
    let mut promised: Vec<_> = cases::conversation::promised(&all_events)
        .into_iter()
        .filter_map(|p| p.agreement.by.filter(|d| *d >= today).map(|d| (d, p)))
        .collect();
    promised.sort_by_key(|(d, _)| *d);
    let agreed = promised
        .into_iter()
        .map(|(d, p)| DeadlineLine {
            title: p.agreement.text,
            date: i.date(d),
        })
        .collect();
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
            notes_html: crate::http::markdown::to_html(&e.notes),
            id: e.id,
            // Stored as ISO for sorting; shown as a parent writes and reads a date.
            date: e
                .date
                .parse::<jiff::civil::Date>()
                .map(|d| i.date(d))
                .unwrap_or(e.date),
            title: e.title,
        })
        .collect();
    let csrf = csrf::token(session).await?;
    let has_answers = !answers::load(session).await?.is_empty();
    let mut layout = Layout::new(lang, "case-title", &format!("/dossiers/{case_id}"));
    layout.title = access.case.title.clone();
    let failed = error.is_some();
    let steps_open = typed_outcome.is_some();
    let mut response = render(&CasePage {
        layout,
        csrf,
        case_id: case_id.clone(),
        can_write: access.may(Action::AddEvent),
        is_owner: access.role == Role::Owner,
        has_answers,
        steps,
        deadlines,
        agreed,
        date_questions: date_questions(state),
        children,
        parties,
        party_roles,
        party_choices,
        events,
        kinds: kinds(i),
        error,
        steps_open,
        draft,
        letters,
        advice_changed,
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
    case_page(&state, lang, &access, &session, Kept::default()).await
}

/// `POST /dossiers/{case}/advies-gelezen`: the parent has read the changed advice; it is the
/// advice to compare with from now on.
pub async fn confirm_advice(
    State(state): State<AppState>,
    access: CaseAccess,
) -> Result<Response, PageError> {
    let case_id = &access.case.id;
    let store = &state.store;
    if let Some(v) = store.latest_answers(case_id).await.map_err(store_error)? {
        let events = store.events(case_id).await.map_err(store_error)?;
        let (_, s) = situation_with_events(&state.lib.k, &v, &events, state.today.date())
            .map_err(case_error)?;
        let advice = route::advise(&state.lib.k, &s);
        cases::advice::confirm(&**store, &state.lib.k, case_id, &advice, &access.actor())
            .await
            .map_err(case_error)?;
    }
    Ok(Redirect::to(&format!("/dossiers/{case_id}")).into_response())
}
