//! How a route step went. A parent records an outcome per step: one of the step's own outcomes
//! from the content, which answer intake questions (so the case gets a new answer version and
//! its route is planned again), or one of the general [`OUTCOMES`].

use route::Knowledge;
use route::model::{Outcome, Question, QuestionType};
use store::{Actor, StepOutcome, Store};

use crate::CaseError;
use crate::answers::{self, Stored};

/// The outcomes every step can have; the text of each is `outcome-<id>`.
pub const OUTCOMES: [&str; 5] = [
    "bezig",
    "opgelost",
    "geen-oplossing",
    "afgewezen",
    "overgeslagen",
];

/// Why an outcome is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutcomeRefused {
    #[error("no such step")]
    NoSuchStep,
    #[error("not an outcome of this step")]
    UnknownOutcome,
    #[error("not a date: {0}")]
    BadDate(calendar::TypedDateError),
}

/// Records `outcome` (an id) for `step_id` of the case, with an optional date as typed (see
/// [`crate::parse_date`]); it is stored as ISO.
/// An outcome from the content and the answer version it makes are saved in one transaction.
pub async fn record(
    store: &dyn Store,
    k: &Knowledge,
    case_id: &str,
    step_id: &str,
    outcome: &str,
    date: &str,
    actor: &Actor,
) -> Result<Result<(), OutcomeRefused>, CaseError> {
    let Some(step) = k.steps.iter().find(|s| s.id == step_id) else {
        return Ok(Err(OutcomeRefused::NoSuchStep));
    };
    let from_content = step.outcomes.iter().find(|o| o.id == outcome);
    let date = match date.trim() {
        "" => Ok(None),
        d => crate::parse_date(d).map(|d| Some(d.to_string())),
    };
    if !is_outcome(step, outcome) {
        return Ok(Err(OutcomeRefused::UnknownOutcome));
    }
    let date = match date {
        Ok(d) => d,
        Err(e) => return Ok(Err(OutcomeRefused::BadDate(e))),
    };
    let answers = match from_content {
        Some(o) => {
            let mut stored = answers::latest(store, case_id).await?;
            record_answers(k, &mut stored, o, date.as_deref());
            Some(stored.to_case_json())
        }
        None => None,
    };
    let row = StepOutcome {
        case_id: case_id.to_string(),
        step_id: step_id.to_string(),
        outcome: outcome.to_string(),
        date,
        updated_at: actor.now,
    };
    store::OutcomeStore::save_outcome_with_answers(store, &row, answers.as_deref(), actor).await?;
    Ok(Ok(()))
}

/// Whether `outcome` can be recorded for `step`: one of its own outcomes or a general one.
pub fn is_outcome(step: &route::model::Step, outcome: &str) -> bool {
    step.outcomes.iter().any(|o| o.id == outcome) || OUTCOMES.contains(&outcome)
}

/// Merges what a step outcome answers into `stored`: `sets` overwrites a question's answer,
/// except that a `multi` question gets the values added; the outcome's date answers its date
/// question. Every other answer stays as it was.
pub fn record_answers(k: &Knowledge, stored: &mut Stored, outcome: &Outcome, date: Option<&str>) {
    for (q, value) in &outcome.sets {
        let multi = k.question(q).is_some_and(|q| q.kind == QuestionType::Multi);
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
pub fn merge_multi(
    q: Option<&Question>,
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
