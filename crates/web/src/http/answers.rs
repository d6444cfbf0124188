//! The intake answers of one visitor, kept in the server-side session, in the shape a case
//! keeps them too ([`cases::answers::Stored`]): the answers file is the same data.

use calendar::Region;
use route::condition::Value;
use route::situation::Situation;
use serde_json::Map;
use tower_sessions::Session;

pub use cases::answers::{Stored, situation};

use crate::http::error::PageError;

const ANSWERS: &str = "answers";
const REGION: &str = "region";

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
    answers.insert(id.to_string(), cases::answers::to_json(value));
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
    let stored = Stored::from_situation(s);
    session.insert(ANSWERS, stored.answers).await?;
    match stored.region {
        Some(r) => save_region(session, r).await?,
        None => {
            session.remove_value(REGION).await?;
        }
    }
    Ok(())
}
