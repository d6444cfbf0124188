//! Failed-login counts (`login_throttle`), for both SQL backends (compiled into each as its
//! `throttle` module, like `cases.rs`).

use store::StoreError;

use super::Db;
use super::cases::query_error;
type Pool = sqlx::Pool<Db>;

/// The `ThrottleStore` impl of a backend; it forwards to this module.
macro_rules! impl_throttle_store {
    ($backend:ty) => {
        #[async_trait::async_trait]
        impl store::ThrottleStore for $backend {
            async fn login_failures(
                &self,
                key: &str,
                now: i64,
                window: i64,
            ) -> Result<u32, store::StoreError> {
                throttle::login_failures(&self.pool, key, now, window).await
            }
            async fn add_login_failure(
                &self,
                key: &str,
                now: i64,
                window: i64,
            ) -> Result<u32, store::StoreError> {
                throttle::add_login_failure(&self.pool, key, now, window).await
            }
            async fn clear_login_failures(&self, key: &str) -> Result<(), store::StoreError> {
                throttle::clear_login_failures(&self.pool, key).await
            }
        }
    };
}

fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

pub(crate) async fn login_failures(
    pool: &Pool,
    key: &str,
    now: i64,
    window: i64,
) -> Result<u32, StoreError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "select failures from login_throttle where throttle_key = $1 and window_start > $2",
    )
    .bind(key)
    .bind(now - window)
    .fetch_optional(pool)
    .await
    .map_err(query_error)?;
    Ok(row.map_or(0, |(n,)| count(n)))
}

pub(crate) async fn add_login_failure(
    pool: &Pool,
    key: &str,
    now: i64,
    window: i64,
) -> Result<u32, StoreError> {
    let ended = now - window;
    let mut tx = super::cases::begin(pool).await?;
    // Ended windows go first (this key's too, so that its failure starts a new window).
    sqlx::query("delete from login_throttle where window_start <= $1")
        .bind(ended)
        .execute(&mut *tx)
        .await
        .map_err(query_error)?;
    // One statement, so that two processes counting the same key at once both count.
    let (n,): (i64,) = sqlx::query_as(
        "insert into login_throttle (throttle_key, window_start, failures) values ($1, $2, 1) \
         on conflict (throttle_key) do update set failures = login_throttle.failures + 1 \
         returning failures",
    )
    .bind(key)
    .bind(now)
    .fetch_one(&mut *tx)
    .await
    .map_err(query_error)?;
    tx.commit().await.map_err(query_error)?;
    Ok(count(n))
}

pub(crate) async fn clear_login_failures(pool: &Pool, key: &str) -> Result<(), StoreError> {
    sqlx::query("delete from login_throttle where throttle_key = $1")
        .bind(key)
        .execute(pool)
        .await
        .map_err(query_error)?;
    Ok(())
}
