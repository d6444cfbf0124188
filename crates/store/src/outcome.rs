//! Recording how a route step went. An outcome from the content also answers intake questions,
//! so it can bring a new version of the case's answers; both are written in one transaction
//! (with an audit line for each), so that a crash or a refused write never leaves an outcome
//! without its answers or answers without their outcome.

use async_trait::async_trait;

use crate::{Actor, StepOutcome, StoreError};

#[async_trait]
pub trait OutcomeStore: Send + Sync {
    /// Saves the step outcome and, when `answers` is given, those answers as the case's next
    /// version, in one transaction: both or neither. Returns the number of the new answers
    /// version, if one was saved.
    async fn save_outcome_with_answers(
        &self,
        outcome: &StepOutcome,
        answers: Option<&str>,
        actor: &Actor,
    ) -> Result<Option<i64>, StoreError>;
}
