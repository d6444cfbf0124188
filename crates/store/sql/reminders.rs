//! Feed tokens, reminder opt-ins and the record of reminders sent, for both SQL backends (see
//! `cases.rs` for why each backend compiles this file itself). The record's primary key is what
//! makes a reminder go out once: `on conflict do nothing` lets exactly one of two racing servers
//! insert it.

use store::{Actor, FeedToken, ReminderKey, StoreError};

use super::Db;
use crate::cases::query_error;
type Pool = sqlx::Pool<Db>;

/// The `ReminderStore` impl of a backend; every method forwards to this module.
macro_rules! impl_reminder_store {
    ($backend:ty) => {
        #[async_trait::async_trait]
        impl store::ReminderStore for $backend {
            async fn create_feed_token(
                &self,
                token: &store::FeedToken,
                token_hash: &str,
            ) -> Result<(), StoreError> {
                reminders::create_feed_token(&self.pool, token, token_hash).await
            }
            async fn feed_token_user(
                &self,
                token_hash: &str,
            ) -> Result<Option<String>, StoreError> {
                reminders::feed_token_user(&self.pool, token_hash).await
            }
            async fn revoke_feed_token(
                &self,
                user_id: &str,
                token_id: &str,
                now: i64,
            ) -> Result<bool, StoreError> {
                reminders::revoke_feed_token(&self.pool, user_id, token_id, now).await
            }
            async fn feed_tokens(
                &self,
                user_id: &str,
            ) -> Result<Vec<store::FeedToken>, StoreError> {
                reminders::feed_tokens(&self.pool, user_id).await
            }
            async fn set_reminders(
                &self,
                case_id: &str,
                on: bool,
                actor: &Actor,
            ) -> Result<(), StoreError> {
                reminders::set_reminders(&self.pool, case_id, on, actor).await
            }
            async fn reminders_on(&self, case_id: &str) -> Result<bool, StoreError> {
                reminders::reminders_on(&self.pool, case_id).await
            }
            async fn reminder_cases(&self, now: i64) -> Result<Vec<String>, StoreError> {
                reminders::reminder_cases(&self.pool, now).await
            }
            async fn share_holders(
                &self,
                case_id: &str,
                now: i64,
            ) -> Result<Vec<String>, StoreError> {
                reminders::share_holders(&self.pool, case_id, now).await
            }
            async fn record_reminder(
                &self,
                key: &store::ReminderKey,
                sent_at: i64,
            ) -> Result<bool, StoreError> {
                reminders::record_reminder(&self.pool, key, sent_at).await
            }
            async fn forget_reminder(&self, key: &store::ReminderKey) -> Result<(), StoreError> {
                reminders::forget_reminder(&self.pool, key).await
            }
        }
    };
}

pub(crate) async fn create_feed_token(
    pool: &Pool,
    t: &FeedToken,
    token_hash: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into feed_tokens (id, user_id, token_hash, created_at, revoked_at) values ($1, $2, $3, $4, $5)",
    )
    .bind(&t.id)
    .bind(&t.user_id)
    .bind(token_hash)
    .bind(t.created_at)
    .bind(t.revoked_at)
    .execute(pool)
    .await
    .map_err(query_error)?;
    Ok(())
}

pub(crate) async fn feed_token_user(
    pool: &Pool,
    token_hash: &str,
) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as(
        "select user_id from feed_tokens where token_hash = $1 and revoked_at is null",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await
    .map_err(query_error)?;
    Ok(row.map(|(user_id,)| user_id))
}

pub(crate) async fn revoke_feed_token(
    pool: &Pool,
    user_id: &str,
    token_id: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "update feed_tokens set revoked_at = $1 where id = $2 and user_id = $3 and revoked_at is null",
    )
    .bind(now)
    .bind(token_id)
    .bind(user_id)
    .execute(pool)
    .await
    .map_err(query_error)?;
    Ok(done.rows_affected() == 1)
}

pub(crate) async fn feed_tokens(pool: &Pool, user_id: &str) -> Result<Vec<FeedToken>, StoreError> {
    let rows: Vec<(String, String, i64, Option<i64>)> = sqlx::query_as(
        "select id, user_id, created_at, revoked_at from feed_tokens where user_id = $1 \
         order by created_at desc, id",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    Ok(rows
        .into_iter()
        .map(|(id, user_id, created_at, revoked_at)| FeedToken {
            id,
            user_id,
            created_at,
            revoked_at,
        })
        .collect())
}

pub(crate) async fn set_reminders(
    pool: &Pool,
    case_id: &str,
    on: bool,
    actor: &Actor,
) -> Result<(), StoreError> {
    let mut tx = crate::cases::begin(pool).await?;
    if on {
        sqlx::query(
            "insert into reminder_optins (case_id, updated_at) values ($1, $2) \
             on conflict (case_id) do update set updated_at = excluded.updated_at",
        )
        .bind(case_id)
        .bind(actor.now)
        .execute(&mut *tx)
        .await
        .map_err(query_error)?;
    } else {
        sqlx::query("delete from reminder_optins where case_id = $1")
            .bind(case_id)
            .execute(&mut *tx)
            .await
            .map_err(query_error)?;
    }
    let action = if on { "reminders.on" } else { "reminders.off" };
    audit(&mut tx, case_id, &actor.user_id, actor.now, action, "").await?;
    tx.commit().await.map_err(query_error)
}

pub(crate) async fn reminders_on(pool: &Pool, case_id: &str) -> Result<bool, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("select case_id from reminder_optins where case_id = $1")
            .bind(case_id)
            .fetch_optional(pool)
            .await
            .map_err(query_error)?;
    Ok(row.is_some())
}

pub(crate) async fn reminder_cases(pool: &Pool, now: i64) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select case_id from reminder_optins \
         union \
         select case_id from shares where user_id is not null and revoked_at is null \
         and (expires_at is null or expires_at > $1) \
         order by 1",
    )
    .bind(now)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

pub(crate) async fn share_holders(
    pool: &Pool,
    case_id: &str,
    now: i64,
) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select distinct user_id from shares where case_id = $1 and user_id is not null \
         and revoked_at is null and (expires_at is null or expires_at > $2) order by 1",
    )
    .bind(case_id)
    .bind(now)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

pub(crate) async fn record_reminder(
    pool: &Pool,
    key: &ReminderKey,
    sent_at: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "insert into reminders_sent (case_id, term_id, deadline, user_id, lead_days, sent_at) \
         values ($1, $2, $3, $4, $5, $6) on conflict do nothing",
    )
    .bind(&key.case_id)
    .bind(&key.term_id)
    .bind(&key.deadline)
    .bind(&key.user_id)
    .bind(key.lead_days)
    .bind(sent_at)
    .execute(pool)
    .await
    .map_err(query_error)?;
    Ok(done.rows_affected() == 1)
}

pub(crate) async fn forget_reminder(pool: &Pool, key: &ReminderKey) -> Result<(), StoreError> {
    sqlx::query(
        "delete from reminders_sent where case_id = $1 and term_id = $2 and deadline = $3 \
         and user_id = $4 and lead_days = $5",
    )
    .bind(&key.case_id)
    .bind(&key.term_id)
    .bind(&key.deadline)
    .bind(&key.user_id)
    .bind(key.lead_days)
    .execute(pool)
    .await
    .map_err(query_error)?;
    Ok(())
}

async fn audit(
    tx: &mut sqlx::Transaction<'_, Db>,
    case_id: &str,
    actor_id: &str,
    at: i64,
    action: &str,
    subject: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into audit_log (case_id, at, actor_id, action, subject) values ($1, $2, $3, $4, $5)",
    )
    .bind(case_id)
    .bind(at)
    .bind(actor_id)
    .bind(action)
    .bind(subject)
    .execute(&mut **tx)
    .await
    .map_err(query_error)?;
    Ok(())
}
