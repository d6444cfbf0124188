//! The advice each case was shown and recorded (`advice_seen`), for both SQL backends: kept as
//! a history, so that a change of the content that changes a case's advice is shown against
//! the advice before it.

use store::{AdviceSeen, StoreError};

use super::Db;
use super::cases::{begin, commit, lock_case, query_error};
type Pool = sqlx::Pool<Db>;

/// Adds `seen` (already sealed) after the case's last one; returns its number.
pub(crate) async fn add(pool: &Pool, seen: &AdviceSeen) -> Result<i64, StoreError> {
    let mut tx = begin(pool).await?;
    lock_case(&mut tx, &seen.case_id).await?;
    let (last,): (Option<i64>,) =
        sqlx::query_as("select max(seq) from advice_seen where case_id = $1")
            .bind(&seen.case_id)
            .fetch_one(&mut *tx)
            .await
            .map_err(query_error)?;
    let seq = last.unwrap_or(0) + 1;
    sqlx::query(
        "insert into advice_seen (case_id, seq, content_version, summary, seen_at, seen_by) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&seen.case_id)
    .bind(seq)
    .bind(&seen.content_version)
    .bind(&seen.summary)
    .bind(seen.seen_at)
    .bind(&seen.seen_by)
    .execute(&mut *tx)
    .await
    .map_err(query_error)?;
    commit(tx).await?;
    Ok(seq)
}

pub(crate) async fn of_case(pool: &Pool, case_id: &str) -> Result<Vec<AdviceSeen>, StoreError> {
    let rows: Vec<(String, i64, String, String, i64, String)> = sqlx::query_as(
        "select case_id, seq, content_version, summary, seen_at, seen_by from advice_seen \
         where case_id = $1 order by seq",
    )
    .bind(case_id)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    Ok(rows
        .into_iter()
        .map(
            |(case_id, seq, content_version, summary, seen_at, seen_by)| AdviceSeen {
                case_id,
                seq,
                content_version,
                summary,
                seen_at,
                seen_by,
            },
        )
        .collect())
}
