//! A step outcome with the answers it brings, in one transaction, for both SQL backends
//! (compiled into each as its `outcome` module, like `cases.rs`).

use store::{Actor, StepOutcome, StoreError};

use super::Db;
use super::cases::{add_answers_version, begin, commit, put_step_outcome};
type Pool = sqlx::Pool<Db>;

/// The `OutcomeStore` impl of a backend; it forwards to this module.
macro_rules! impl_outcome_store {
    ($backend:ty) => {
        #[async_trait::async_trait]
        impl store::OutcomeStore for $backend {
            async fn save_outcome_with_answers(
                &self,
                outcome: &store::StepOutcome,
                answers: Option<&str>,
                actor: &store::Actor,
            ) -> Result<Option<i64>, store::StoreError> {
                let sealed = match answers {
                    Some(a) => Some(
                        self.keys
                            .seal_text(&self.pool, &outcome.case_id, "answer_versions.answers", a)
                            .await?,
                    ),
                    None => None,
                };
                outcome::save_outcome_with_answers(&self.pool, outcome, sealed.as_deref(), actor)
                    .await
            }
        }
    };
}

pub(crate) async fn save_outcome_with_answers(
    pool: &Pool,
    o: &StepOutcome,
    answers: Option<&str>,
    actor: &Actor,
) -> Result<Option<i64>, StoreError> {
    let mut tx = begin(pool).await?;
    let mut version = None;
    if let Some(answers) = answers {
        version = Some(add_answers_version(&mut tx, &o.case_id, answers, actor).await?);
    }
    put_step_outcome(&mut tx, o, actor).await?;
    // Dropping the transaction on any `?` above rolls it back: both writes or neither.
    commit(tx).await?;
    Ok(version)
}
