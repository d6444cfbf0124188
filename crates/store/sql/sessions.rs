//! Visitor sessions (`sessions`) and the health round trip, for both SQL backends (compiled into
//! each as its `sessions` module, like `cases.rs`). Removing expired sessions also removes
//! expired logins and reset links, so that one periodic sweep keeps every table small.

use store::{SessionRow, StoreError};

use super::Db;
use super::cases::query_error;
type Pool = sqlx::Pool<Db>;

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    data: String,
    expires_at: i64,
}

pub(crate) async fn insert_session(pool: &Pool, row: &SessionRow) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "insert into sessions (id, data, expires_at) values ($1, $2, $3) on conflict (id) do nothing",
    )
    .bind(&row.id)
    .bind(&row.data)
    .bind(row.expires_at)
    .execute(pool)
    .await
    .map_err(query_error)?;
    Ok(done.rows_affected() == 1)
}

pub(crate) async fn save_session(pool: &Pool, row: &SessionRow) -> Result<(), StoreError> {
    sqlx::query(
        "insert into sessions (id, data, expires_at) values ($1, $2, $3) \
         on conflict (id) do update set data = excluded.data, expires_at = excluded.expires_at",
    )
    .bind(&row.id)
    .bind(&row.data)
    .bind(row.expires_at)
    .execute(pool)
    .await
    .map_err(query_error)?;
    Ok(())
}

pub(crate) async fn load_session(
    pool: &Pool,
    id: &str,
    now: i64,
) -> Result<Option<SessionRow>, StoreError> {
    let row: Option<Row> = sqlx::query_as(
        "select id, data, expires_at from sessions where id = $1 and expires_at > $2",
    )
    .bind(id)
    .bind(now)
    .fetch_optional(pool)
    .await
    .map_err(query_error)?;
    Ok(row.map(|r| SessionRow {
        id: r.id,
        data: r.data,
        expires_at: r.expires_at,
    }))
}

pub(crate) async fn delete_session(pool: &Pool, id: &str) -> Result<(), StoreError> {
    sqlx::query("delete from sessions where id = $1")
        .bind(id)
        .execute(pool)
        .await
        .map_err(query_error)?;
    Ok(())
}

pub(crate) async fn delete_expired_sessions(pool: &Pool, now: i64) -> Result<u64, StoreError> {
    let done = sqlx::query("delete from sessions where expires_at <= $1")
        .bind(now)
        .execute(pool)
        .await
        .map_err(query_error)?;
    // Ended logins and reset links go at the same time; they are not counted.
    sqlx::query("delete from auth_sessions where expires_at <= $1")
        .bind(now)
        .execute(pool)
        .await
        .map_err(query_error)?;
    sqlx::query("delete from password_resets where expires_at <= $1")
        .bind(now)
        .execute(pool)
        .await
        .map_err(query_error)?;
    Ok(done.rows_affected())
}

pub(crate) async fn ping(pool: &Pool) -> Result<(), StoreError> {
    sqlx::query("select 1")
        .execute(pool)
        .await
        .map_err(query_error)?;
    Ok(())
}
