//! The intake answers as a session or a case keeps them: question id -> value in the
//! situation-file JSON shape, plus the region. They are checked again against the content every
//! time a situation is built: an answer that no longer fits a changed question is dropped, never
//! trusted.

use calendar::Region;
use route::Knowledge;
use route::condition::Value;
use route::situation::{RawValue, Situation, check_value};
use serde_json::Map;
use store::{Actor, Store};

use crate::CaseError;

/// The intake answers and the region.
#[derive(Debug, Default, Clone)]
pub struct Stored {
    pub answers: Map<String, serde_json::Value>,
    pub region: Option<Region>,
}

impl Stored {
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.region.is_none()
    }

    /// The answers as a case keeps them in an answer version.
    pub fn to_case_json(&self) -> String {
        serde_json::json!({
            "answers": self.answers,
            "region": self.region.map(|r| r.name()),
        })
        .to_string()
    }

    /// The answers of an answer version of `case_id`. A version that does not parse is an
    /// error naming the case, never taken for "no answers": that would quietly show a family
    /// the route of a case that knows nothing.
    pub fn from_case_json(case_id: &str, json: &str) -> Result<Stored, CaseError> {
        let bad = |why: String| CaseError::BadAnswers {
            case_id: case_id.to_string(),
            why,
        };
        let v: serde_json::Value = serde_json::from_str(json).map_err(|e| bad(e.to_string()))?;
        let answers = v
            .get("answers")
            .and_then(|a| a.as_object())
            .cloned()
            .ok_or_else(|| bad("no \"answers\" object".into()))?;
        // A region name a newer version no longer knows is dropped, as answers are.
        let region = v
            .get("region")
            .and_then(|r| r.as_str())
            .and_then(|r| r.parse().ok());
        Ok(Stored { answers, region })
    }

    /// Every answer of `situation` (an answers file, say) in this shape.
    pub fn from_situation(s: &Situation) -> Stored {
        Stored {
            answers: s
                .answers
                .iter()
                .map(|(id, v)| (id.clone(), to_json(v)))
                .collect(),
            region: s.region,
        }
    }
}

/// One answer in the situation-file JSON shape.
pub fn to_json(v: &Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Value::Bool(b) => J::Bool(*b),
        Value::Text(t) => J::String(t.clone()),
        Value::List(l) => J::Array(l.iter().cloned().map(J::String).collect()),
        Value::Number(n) => serde_json::Number::from_f64(*n)
            .map(J::Number)
            .unwrap_or(J::Null),
        Value::Date(d) => J::String(d.to_string()),
        Value::Skipped => J::Null,
    }
}

/// The situation the answers make on `today`: the region and every answer that still fits.
pub fn situation(k: &Knowledge, stored: &Stored, today: jiff::civil::Date) -> Situation {
    let mut s = Situation::new(today);
    s.region = stored.region;
    for (id, json) in &stored.answers {
        if let Some(q) = k.question(id)
            && let Ok(v) = check_value(q, &RawValue::from_json(json))
        {
            s.answers.insert(id.clone(), v);
        }
    }
    s
}

/// The latest answers of a case, or none.
pub async fn latest(store: &dyn Store, case_id: &str) -> Result<Stored, CaseError> {
    match store.latest_answers(case_id).await? {
        Some(v) => Stored::from_case_json(case_id, &v.answers),
        None => Ok(Stored::default()),
    }
}

/// Saves `new` (the intake of a session) as the case's next answer version. Answers that `new`
/// does not have are kept from the last version, so a partial re-save loses nothing.
pub async fn save_merged(
    store: &dyn Store,
    case_id: &str,
    new: Stored,
    actor: &Actor,
) -> Result<i64, CaseError> {
    let mut merged = latest(store, case_id).await?;
    for (k, v) in new.answers {
        merged.answers.insert(k, v);
    }
    if new.region.is_some() {
        merged.region = new.region;
    }
    Ok(store
        .save_answers(case_id, &merged.to_case_json(), actor)
        .await?)
}
