//! The parent's consent to combine procedures: with it, a coordinator may see that this case
//! names the same school board or samenwerkingsverband as other cases (see the organisation's
//! groups page). Given and withdrawn by the owner only; the store logs both.

use store::{Actor, Store};

use crate::CaseError;

/// The consent's answer was neither yes nor no.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("answer yes or no")]
pub struct NoAnswer;

/// Gives (`ja`) or withdraws (`nee`) the consent.
pub async fn set(
    store: &dyn Store,
    case_id: &str,
    answer: &str,
    actor: &Actor,
) -> Result<Result<(), NoAnswer>, CaseError> {
    let consent = match answer {
        "ja" => true,
        "nee" => false,
        _ => return Ok(Err(NoAnswer)),
    };
    store.set_combine_consent(case_id, consent, actor).await?;
    Ok(Ok(()))
}

/// Since when the case has the consent (unix seconds), or `None`.
pub async fn since(store: &dyn Store, case_id: &str) -> Result<Option<i64>, CaseError> {
    Ok(store.combine_consent(case_id).await?)
}
