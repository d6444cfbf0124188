//! The conversations of a case's route (a talk with the school, a hearing...): the parent's goal
//! for one, and how it went.
//!
//! Both live on the timeline, so that the dossier, the export and every person with access see
//! them without a table of their own. The goal is a "preparation" event titled with the step's
//! title, changed in place when the parent changes it. How it went is a "conversation" event whose
//! notes list who was there and what was agreed, one line per agreement ("- 14-1-2027: text");
//! [`promised`] reads those lines back for the next conversation's agenda. The step's outcome is
//! recorded through [`crate::outcomes::record`], the same door as the case page's outcome form,
//! so the route is planned again in the same way.

use calendar::TypedDateError;
use jiff::civil::Date;
use route::Knowledge;
use route::model::Step;
use store::{Actor, Edit, Event, Store};

use crate::CaseError;
use crate::outcomes::{self, OutcomeRefused};

/// The kind of the event that keeps the goal for a conversation.
pub const PREPARATION: &str = "preparation";
/// The kind of the event that tells how a conversation went.
pub const CONVERSATION: &str = "conversation";

/// The line in a conversation's notes above the agreements; the lines under it that start with
/// "- " are the agreements.
const AGREEMENTS_HEADING: &str = "Afspraken:";
/// The start of the line in a conversation's notes that says who was there.
const PRESENT_LABEL: &str = "Aanwezig:";
/// The longest goal, names of those present or agreement kept.
const MAX_TEXT: usize = 4_000;

/// Something agreed in a conversation, with the date by which it should be done, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    pub text: String,
    pub by: Option<Date>,
}

/// An agreement as typed in the form: kept whole when the form is refused.
#[derive(Debug, Clone, Default)]
pub struct TypedAgreement {
    pub text: String,
    pub by: String,
}

/// "How did the conversation go?" as typed: kept whole when the form is refused.
#[derive(Debug, Clone, Default)]
pub struct ReportDraft {
    /// The day of the conversation, as typed (see [`crate::parse_date`]).
    pub date: String,
    /// Who was there, in the parent's words.
    pub present: String,
    pub agreements: Vec<TypedAgreement>,
    /// The outcome of the step: an id the case page's outcome form offers too.
    pub outcome: String,
    /// The date the outcome asks for, if it asks for one (as typed).
    pub outcome_date: String,
}

/// What is wrong with a report; the field it is about is named by the caller.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportRefused {
    #[error("no such step")]
    NoSuchStep,
    #[error("not a date: {0}")]
    Date(TypedDateError),
    /// Row `row` (from 0) has a date by which but no text.
    #[error("agreement {row} has a date but no text")]
    AgreementText { row: usize },
    #[error("agreement {row}: not a date: {error}")]
    AgreementDate { row: usize, error: TypedDateError },
    #[error("not an outcome of this step")]
    Outcome,
    #[error("not a date: {0}")]
    OutcomeDate(TypedDateError),
}

/// An agreement of an earlier conversation, with that conversation's date and title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promise {
    /// The day of the conversation (ISO, as events keep it).
    pub on: String,
    /// The conversation's title (the step's title, or what the parent wrote).
    pub title: String,
    pub agreement: Agreement,
}

fn clean(s: &str) -> String {
    s.trim()
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .take(MAX_TEXT)
        .collect()
}

/// The notes of a conversation event: who was there, then the agreements one per line.
pub fn notes(present: &str, agreements: &[Agreement]) -> String {
    let mut out = String::new();
    let present = clean(present).replace('\n', " ");
    if !present.is_empty() {
        out.push_str(&format!("{PRESENT_LABEL} {present}\n\n"));
    }
    if !agreements.is_empty() {
        out.push_str(AGREEMENTS_HEADING);
        out.push('\n');
        for a in agreements {
            let text = clean(&a.text).replace('\n', " ");
            match a.by {
                Some(d) => out.push_str(&format!("- {}: {text}\n", calendar::format_typed_date(d))),
                None => out.push_str(&format!("- {text}\n")),
            }
        }
    }
    out.trim_end().to_string()
}

/// The agreements in a conversation's notes: the "- " lines under the agreements heading. A
/// line that starts with a date and ": " has that date; any other line is an agreement without
/// a date, so that a line the parent changed by hand is still read.
pub fn agreements_in(notes: &str) -> Vec<Agreement> {
    let mut under_heading = false;
    let mut found = Vec::new();
    for line in notes.lines() {
        let line = line.trim();
        if line == AGREEMENTS_HEADING {
            under_heading = true;
            continue;
        }
        if !under_heading {
            continue;
        }
        let Some(item) = line.strip_prefix("- ") else {
            if !line.is_empty() {
                under_heading = false;
            }
            continue;
        };
        let dated = item
            .split_once(": ")
            .and_then(|(d, t)| crate::parse_date(d).ok().map(|d| (d, t)));
        found.push(match dated {
            Some((by, text)) => Agreement {
                text: text.trim().to_string(),
                by: Some(by),
            },
            None => Agreement {
                text: item.trim().to_string(),
                by: None,
            },
        });
    }
    found
}

/// What was agreed in the case's earlier conversations, the most recent conversation first.
pub fn promised(events: &[Event]) -> Vec<Promise> {
    let mut talks: Vec<&Event> = events.iter().filter(|e| e.kind == CONVERSATION).collect();
    // Stable: two conversations on one day stay in the order they were added.
    talks.sort_by(|a, b| b.date.cmp(&a.date));
    talks
        .into_iter()
        .flat_map(|e| {
            agreements_in(&e.notes)
                .into_iter()
                .map(|agreement| Promise {
                    on: e.date.clone(),
                    title: e.title.clone(),
                    agreement,
                })
        })
        .collect()
}

/// The event that keeps the goal for the conversation of `step`. It is found by its title, the
/// step's title: should the content rename the step, the old goal stays on the timeline and the
/// page starts a new one.
pub fn goal_event<'e>(events: &'e [Event], step: &Step) -> Option<&'e Event> {
    events
        .iter()
        .filter(|e| e.kind == PREPARATION && e.title == step.title)
        .max_by_key(|e| e.updated_at)
}

/// Keeps `goal` as the parent's goal for the conversation of `step`, on `today` when it is new.
pub async fn save_goal(
    store: &dyn Store,
    case_id: &str,
    step: &Step,
    goal: &str,
    today: Date,
    actor: &Actor,
) -> Result<(), CaseError> {
    let goal = clean(goal);
    let events = store.events(case_id).await?;
    match goal_event(&events, step) {
        Some(stored) => {
            let mut event = Event {
                notes: goal,
                ..stored.clone()
            };
            // The goal is the parent's own line: when someone saved in between, the last save
            // wins, with the version that is stored now.
            if let Edit::Conflict(current) = store.update_event(&event, actor).await? {
                event.version = current.version;
                store.update_event(&event, actor).await?;
            }
        }
        None if goal.is_empty() => {}
        None => {
            let event = crate::events::new_event(
                case_id,
                PREPARATION,
                today,
                step.title.clone(),
                goal,
                actor,
            );
            store.add_event(&event, actor).await?;
        }
    }
    Ok(())
}

/// The agreements of a draft, when every row is fine. Rows without text and date are skipped.
fn checked_agreements(rows: &[TypedAgreement]) -> Result<Vec<Agreement>, ReportRefused> {
    let mut out = Vec::new();
    for (row, a) in rows.iter().enumerate() {
        let (text, by) = (a.text.trim(), a.by.trim());
        if text.is_empty() {
            if by.is_empty() {
                continue;
            }
            return Err(ReportRefused::AgreementText { row });
        }
        let by = match by {
            "" => None,
            d => Some(
                crate::parse_date(d)
                    .map_err(|error| ReportRefused::AgreementDate { row, error })?,
            ),
        };
        out.push(Agreement {
            text: text.to_string(),
            by,
        });
    }
    Ok(out)
}

/// Records how the conversation of `step_id` went: a conversation event with who was there and
/// the agreements, then the step's outcome (which may plan the route again). Nothing is written
/// unless the whole draft is fine.
pub async fn record(
    store: &dyn Store,
    k: &Knowledge,
    case_id: &str,
    step_id: &str,
    draft: &ReportDraft,
    actor: &Actor,
) -> Result<Result<Event, ReportRefused>, CaseError> {
    let Some(step) = k.step(step_id) else {
        return Ok(Err(ReportRefused::NoSuchStep));
    };
    let date = match crate::parse_date(&draft.date) {
        Ok(d) => d,
        Err(e) => return Ok(Err(ReportRefused::Date(e))),
    };
    let agreements = match checked_agreements(&draft.agreements) {
        Ok(a) => a,
        Err(e) => return Ok(Err(e)),
    };
    if !outcomes::is_outcome(step, &draft.outcome) {
        return Ok(Err(ReportRefused::Outcome));
    }
    let outcome_date = draft.outcome_date.trim();
    if !outcome_date.is_empty()
        && let Err(e) = crate::parse_date(outcome_date)
    {
        return Ok(Err(ReportRefused::OutcomeDate(e)));
    }
    let event = crate::events::new_event(
        case_id,
        CONVERSATION,
        date,
        step.title.clone(),
        notes(&draft.present, &agreements),
        actor,
    );
    store.add_event(&event, actor).await?;
    let recorded = outcomes::record(
        store,
        k,
        case_id,
        step_id,
        &draft.outcome,
        &draft.outcome_date,
        actor,
    )
    .await?;
    Ok(match recorded {
        Ok(()) => Ok(event),
        // Checked above; kept as refusals rather than a panic should the two checks drift.
        Err(OutcomeRefused::NoSuchStep) => Err(ReportRefused::NoSuchStep),
        Err(OutcomeRefused::UnknownOutcome) => Err(ReportRefused::Outcome),
        Err(OutcomeRefused::BadDate(e)) => Err(ReportRefused::OutcomeDate(e)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreements_are_written_and_read_back() {
        let agreed = vec![
            Agreement {
                text: "De school schrijft een plan: met extra hulp".into(),
                by: Some(jiff::civil::date(2027, 1, 14)),
            },
            Agreement {
                text: "De mentor belt elke vrijdag".into(),
                by: None,
            },
        ];
        let n = notes("Mevrouw Jansen (IB)\n en ik", &agreed);
        assert_eq!(
            n,
            "Aanwezig: Mevrouw Jansen (IB)  en ik\n\nAfspraken:\n\
             - 14-1-2027: De school schrijft een plan: met extra hulp\n\
             - De mentor belt elke vrijdag"
        );
        assert_eq!(agreements_in(&n), agreed);
    }

    #[test]
    fn only_the_lines_under_the_heading_are_agreements() {
        let n = "- geen afspraak\n\nAfspraken:\n- 3/4: zonder jaar\n\nNog een alinea\n- ook niet";
        assert_eq!(
            agreements_in(n),
            vec![Agreement {
                text: "3/4: zonder jaar".into(),
                by: None
            }]
        );
    }

    #[test]
    fn a_date_without_text_is_refused_and_empty_rows_are_skipped() {
        let row = |text: &str, by: &str| TypedAgreement {
            text: text.into(),
            by: by.into(),
        };
        assert_eq!(
            checked_agreements(&[row("", ""), row("", "1-2-2027")]),
            Err(ReportRefused::AgreementText { row: 1 })
        );
        assert!(matches!(
            checked_agreements(&[row("Plan", "31-2-2027")]),
            Err(ReportRefused::AgreementDate { row: 0, .. })
        ));
        assert_eq!(checked_agreements(&[row(" ", " ")]), Ok(Vec::new()));
    }
}
