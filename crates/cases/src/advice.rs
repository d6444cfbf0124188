//! The situation of a stored case and the advice for it: its latest answers, with the dates its
//! events set, run through the route engine. Every page and API that shows a case (the case
//! page, caseload, reminders, figures, summaries, letters) starts here so that they all agree.

use route::{Advice, Knowledge, Situation};
use store::{AnswerVersion, Event, Store};

use crate::CaseError;
use crate::answers::{self, Stored};

/// The stored answers of a case with the dates its events set, and the situation they make on
/// `today`. An event's date answers its date question (a decision starts its deadlines); the
/// events come in date order, so the latest such event counts.
pub fn situation_with_events(
    k: &Knowledge,
    version: &AnswerVersion,
    events: &[Event],
    today: jiff::civil::Date,
) -> Result<(Stored, Situation), CaseError> {
    let mut stored = Stored::from_case_json(&version.case_id, &version.answers)?;
    for e in events.iter().filter(|e| !e.sets_date.is_empty()) {
        stored.answers.insert(
            e.sets_date.clone(),
            serde_json::Value::String(e.date.clone()),
        );
    }
    let s = answers::situation(k, &stored, today);
    Ok((stored, s))
}

/// The situation a case's answers make and the advice for it.
pub struct CaseAdvice {
    pub situation: Situation,
    pub advice: Advice,
}

/// The advice for the case with this id on `today`, or `None` when it has no saved answers yet.
pub async fn case_advice(
    store: &dyn Store,
    k: &Knowledge,
    case_id: &str,
    today: jiff::civil::Date,
) -> Result<Option<CaseAdvice>, CaseError> {
    let Some(latest) = store.latest_answers(case_id).await? else {
        return Ok(None);
    };
    let events = store.events(case_id).await?;
    let (_, situation) = situation_with_events(k, &latest, &events, today)?;
    let advice = route::advise(k, &situation);
    Ok(Some(CaseAdvice { situation, advice }))
}
