//! The intake answers of one visitor, kept in the server-side session.
//!
//! Answers are stored in the situation-file JSON shape (question id -> value), so the answers
//! file is the same data. They are checked again against the content every time a situation
//! is built: an answer that no longer fits a changed question is dropped, never trusted.

use calendar::Region;
use route::Knowledge;
use route::condition::Value;
use route::situation::{RawValue, Situation, check_value};
use serde_json::Map;
use tower_sessions::Session;

use crate::error::PageError;

const ANSWERS: &str = "answers";
const REGION: &str = "region";

/// What the session holds for the intake.
#[derive(Debug, Default, Clone)]
pub struct Stored {
    pub answers: Map<String, serde_json::Value>,
    pub region: Option<Region>,
}

impl Stored {
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.region.is_none()
    }
}

pub async fn load(session: &Session) -> Result<Stored, PageError> {
    let answers = session
        .get::<Map<String, serde_json::Value>>(ANSWERS)
        .await?
        .unwrap_or_default();
    let region = session
        .get::<String>(REGION)
        .await?
        .and_then(|r| r.parse().ok());
    Ok(Stored { answers, region })
}

pub async fn save_answer(session: &Session, id: &str, value: &Value) -> Result<(), PageError> {
    let mut answers = session
        .get::<Map<String, serde_json::Value>>(ANSWERS)
        .await?
        .unwrap_or_default();
    answers.insert(id.to_string(), to_json(value));
    session.insert(ANSWERS, answers).await?;
    Ok(())
}

pub async fn save_region(session: &Session, region: Region) -> Result<(), PageError> {
    session.insert(REGION, region.name()).await?;
    Ok(())
}

/// Forgets the intake answers (the rest of the session stays).
pub async fn clear(session: &Session) -> Result<(), PageError> {
    session.remove_value(ANSWERS).await?;
    session.remove_value(REGION).await?;
    Ok(())
}

/// Replaces everything with a situation read from an answers file.
pub async fn replace(session: &Session, s: &Situation) -> Result<(), PageError> {
    let mut answers = Map::new();
    for (id, v) in &s.answers {
        answers.insert(id.clone(), to_json(v));
    }
    session.insert(ANSWERS, answers).await?;
    match s.region {
        Some(r) => save_region(session, r).await?,
        None => {
            session.remove_value(REGION).await?;
        }
    }
    Ok(())
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

/// The situation of a visitor: today, the region, and every stored answer that still fits.
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
