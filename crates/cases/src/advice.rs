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

/// The advice in short, as a case keeps it to compare with later advice: the current step, the
/// dates of the deadlines and the warnings, each with its title as it was then.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    pub current: Named,
    /// Deadlines with a date: the term and the date (ISO).
    pub deadlines: Vec<(Named, String)>,
    pub warnings: Vec<Named>,
}

/// An id with the title it had.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Named {
    pub id: String,
    pub title: String,
}

impl Summary {
    pub fn of(k: &Knowledge, advice: &Advice) -> Summary {
        let named = |id: &str, title: Option<&str>| Named {
            id: id.to_string(),
            title: title.unwrap_or(id).to_string(),
        };
        Summary {
            current: named(
                &advice.current,
                k.step(&advice.current).map(|s| s.title.as_str()),
            ),
            deadlines: advice
                .terms
                .iter()
                .filter_map(|t| {
                    let d = t.deadline.as_ref()?;
                    let title = k.term(&t.id).map(|x| x.title.as_str());
                    Some((named(&t.id, title), d.date.to_string()))
                })
                .collect(),
            warnings: advice
                .warnings
                .iter()
                .map(|w| named(&w.id, k.warning(&w.id).map(|x| x.title.as_str())))
                .collect(),
        }
    }

    /// The same advice for a parent: the same step, deadlines and warnings (titles may have
    /// been reworded without changing the advice).
    fn same_advice(&self, other: &Summary) -> bool {
        let ids = |s: &Summary| {
            (
                s.current.id.clone(),
                s.deadlines
                    .iter()
                    .map(|(n, d)| (n.id.clone(), d.clone()))
                    .collect::<Vec<_>>(),
                s.warnings.iter().map(|n| n.id.clone()).collect::<Vec<_>>(),
            )
        };
        ids(self) == ids(other)
    }
}

/// Advice that changed because the content changed: what the case was told before, and since
/// when (the time it was recorded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub before: Summary,
    pub before_version: String,
    pub seen_at: i64,
    pub now: Summary,
}

/// Compares the advice a case gets now with the advice it was last shown. A first advice, or a
/// change that comes from the case itself (same content version: new answers, an outcome) is
/// recorded as the new starting point and is no change to report; so is new content that
/// leaves the advice as it was. Only new content that changes the advice is a [`Changed`],
/// until the parent confirms it ([`confirm`]).
pub async fn changed_since_seen(
    store: &dyn Store,
    k: &Knowledge,
    case_id: &str,
    advice: &Advice,
    now: i64,
) -> Result<Option<Changed>, CaseError> {
    let summary = Summary::of(k, advice);
    let history = store.advice_seen(case_id).await?;
    let Some(last) = history.last() else {
        record(store, case_id, advice, &summary, now, "").await?;
        return Ok(None);
    };
    let before = parse_summary(case_id, &last.summary)?;
    if before.same_advice(&summary) {
        if last.content_version != advice.content_version {
            // New content, same advice: it is the starting point from now on.
            record(store, case_id, advice, &summary, now, "").await?;
        }
        return Ok(None);
    }
    if last.content_version == advice.content_version {
        // The case changed (answers, an outcome): the parent's own doing, nothing to report.
        record(store, case_id, advice, &summary, now, "").await?;
        return Ok(None);
    }
    Ok(Some(Changed {
        before,
        before_version: last.content_version.clone(),
        seen_at: last.seen_at,
        now: summary,
    }))
}

/// The parent has read the changed advice: it is the starting point from now on.
pub async fn confirm(
    store: &dyn Store,
    k: &Knowledge,
    case_id: &str,
    advice: &Advice,
    actor: &store::Actor,
) -> Result<(), CaseError> {
    let summary = Summary::of(k, advice);
    record(store, case_id, advice, &summary, actor.now, &actor.user_id).await
}

/// Every advice the case recorded, oldest first, for its history and the dossier.
pub async fn history(
    store: &dyn Store,
    case_id: &str,
) -> Result<Vec<(store::AdviceSeen, Summary)>, CaseError> {
    let mut out = Vec::new();
    for seen in store.advice_seen(case_id).await? {
        let summary = parse_summary(case_id, &seen.summary)?;
        out.push((seen, summary));
    }
    Ok(out)
}

async fn record(
    store: &dyn Store,
    case_id: &str,
    advice: &Advice,
    summary: &Summary,
    now: i64,
    by: &str,
) -> Result<(), CaseError> {
    let json = serde_json::to_string(summary).map_err(|e| CaseError::Export(e.to_string()))?;
    store
        .add_advice_seen(&store::AdviceSeen {
            case_id: case_id.to_string(),
            seq: 0,
            content_version: advice.content_version.clone(),
            summary: json,
            seen_at: now,
            seen_by: by.to_string(),
        })
        .await?;
    Ok(())
}

fn parse_summary(case_id: &str, json: &str) -> Result<Summary, CaseError> {
    serde_json::from_str(json).map_err(|e| CaseError::BadAdvice {
        case_id: case_id.to_string(),
        why: e.to_string(),
    })
}
