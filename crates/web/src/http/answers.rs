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
/// A hash of the answers and the region, kept beside them and changed with them: the route
/// page finds its cached copy by it without reading (and copying) every answer.
pub(crate) const FINGERPRINT: &str = "answers_fingerprint";

/// The fingerprint of the session's answers, or `None` when it has none. A session from before
/// fingerprints gets one now.
pub async fn fingerprint(session: &Session) -> Result<Option<u64>, PageError> {
    if let Some(f) = session.get::<u64>(FINGERPRINT).await? {
        return Ok(Some(f));
    }
    let stored = load(session).await?;
    if stored.is_empty() {
        return Ok(None);
    }
    let f = fingerprint_of(&stored);
    session.insert(FINGERPRINT, f).await?;
    Ok(Some(f))
}

fn fingerprint_of(stored: &Stored) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    serde_json::to_string(&stored.answers)
        .unwrap_or_default()
        .hash(&mut h);
    stored.region.map(|r| r.name()).hash(&mut h);
    h.finish()
}

/// Sets the fingerprint after the answers or the region changed.
async fn refresh(session: &Session) -> Result<(), PageError> {
    let stored = load(session).await?;
    if stored.is_empty() {
        session.remove_value(FINGERPRINT).await?;
    } else {
        session.insert(FINGERPRINT, fingerprint_of(&stored)).await?;
    }
    Ok(())
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
    answers.insert(id.to_string(), cases::answers::to_json(value));
    session.insert(ANSWERS, answers).await?;
    refresh(session).await
}

pub async fn save_region(session: &Session, region: Region) -> Result<(), PageError> {
    session.insert(REGION, region.name()).await?;
    refresh(session).await
}

/// Forgets the intake answers (the rest of the session stays).
pub async fn clear(session: &Session) -> Result<(), PageError> {
    session.remove_value(ANSWERS).await?;
    session.remove_value(REGION).await?;
    session.remove_value(FINGERPRINT).await?;
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
    refresh(session).await
}
