//! A step outcome with the answers it brings, in one transaction, for both SQL backends
//! (compiled into each as its `outcome` module, like `cases.rs`).

use store::{Actor, StepOutcome, StoreError};

use super::Db;
use super::cases::query_error;
type Pool = sqlx::Pool<Db>;
type Tx<'a> = sqlx::Transaction<'a, Db>;

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
                outcome::save_outcome_with_answers(&self.pool, outcome, answers, actor).await
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
    let mut tx = pool.begin().await.map_err(query_error)?;
    let mut version = None;
    if let Some(answers) = answers {
        let (next,): (i64,) = sqlx::query_as(
            "select coalesce(max(version), 0) + 1 from answer_versions where case_id = $1",
        )
        .bind(&o.case_id)
        .fetch_one(&mut *tx)
        .await
        .map_err(query_error)?;
        sqlx::query(
            "insert into answer_versions (case_id, version, answers, saved_at, saved_by) \
             values ($1, $2, $3, $4, $5)",
        )
        .bind(&o.case_id)
        .bind(next)
        .bind(answers)
        .bind(actor.now)
        .bind(&actor.user_id)
        .execute(&mut *tx)
        .await
        .map_err(query_error)?;
        audit(
            &mut tx,
            &o.case_id,
            actor,
            "answers.save",
            &next.to_string(),
        )
        .await?;
        version = Some(next);
    }
    sqlx::query(
        "insert into step_outcomes (case_id, step_id, outcome, date, updated_at) values ($1, $2, $3, $4, $5) \
         on conflict (case_id, step_id) do update set outcome = excluded.outcome, date = excluded.date, \
         updated_at = excluded.updated_at",
    )
    .bind(&o.case_id)
    .bind(&o.step_id)
    .bind(&o.outcome)
    .bind(&o.date)
    .bind(o.updated_at)
    .execute(&mut *tx)
    .await
    .map_err(query_error)?;
    audit(&mut tx, &o.case_id, actor, "step.outcome", &o.step_id).await?;
    // Dropping the transaction on any `?` above rolls it back: both writes or neither.
    tx.commit().await.map_err(query_error)?;
    Ok(version)
}

/// The audit line of one write, inside its transaction (the same row `cases.rs` writes).
async fn audit(
    tx: &mut Tx<'_>,
    case_id: &str,
    actor: &Actor,
    action: &str,
    subject: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into audit_log (case_id, at, actor_id, action, subject) values ($1, $2, $3, $4, $5)",
    )
    .bind(case_id)
    .bind(actor.now)
    .bind(&actor.user_id)
    .bind(action)
    .bind(subject)
    .execute(&mut **tx)
    .await
    .map_err(query_error)?;
    Ok(())
}
