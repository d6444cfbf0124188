//! Personal access tokens of the JSON API (`api_tokens`), for both SQL backends (see `cases.rs`
//! for why each backend compiles this file itself). Only the hash of a token's secret is kept.

use store::{ApiToken, StoreError};

use super::Db;
use super::cases::query_error;
type Pool = sqlx::Pool<Db>;

/// The `ApiTokenStore` impl of a backend; every method forwards to this module.
macro_rules! impl_api_token_store {
    ($backend:ty) => {
        #[async_trait::async_trait]
        impl store::ApiTokenStore for $backend {
            async fn create_api_token(
                &self,
                token: &store::ApiToken,
                token_hash: &str,
            ) -> Result<(), store::StoreError> {
                api_tokens::create(&self.pool, token, token_hash).await
            }
            async fn api_token_by_hash(
                &self,
                token_hash: &str,
            ) -> Result<Option<store::ApiToken>, store::StoreError> {
                api_tokens::by_hash(&self.pool, token_hash).await
            }
            async fn revoke_api_token(
                &self,
                user_id: &str,
                token_id: &str,
                now: i64,
            ) -> Result<bool, store::StoreError> {
                api_tokens::revoke(&self.pool, user_id, token_id, now).await
            }
            async fn api_tokens(
                &self,
                user_id: &str,
            ) -> Result<Vec<store::ApiToken>, store::StoreError> {
                api_tokens::of_user(&self.pool, user_id).await
            }
        }
    };
}

type Row = (String, String, String, String, i64, Option<i64>);

fn token((id, user_id, name, scope, created_at, revoked_at): Row) -> ApiToken {
    ApiToken {
        id,
        user_id,
        name,
        scope,
        created_at,
        revoked_at,
    }
}

pub(crate) async fn create(pool: &Pool, t: &ApiToken, token_hash: &str) -> Result<(), StoreError> {
    sqlx::query(
        "insert into api_tokens (id, user_id, name, scope, token_hash, created_at, revoked_at) \
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&t.id)
    .bind(&t.user_id)
    .bind(&t.name)
    .bind(&t.scope)
    .bind(token_hash)
    .bind(t.created_at)
    .bind(t.revoked_at)
    .execute(pool)
    .await
    .map_err(query_error)?;
    Ok(())
}

pub(crate) async fn by_hash(pool: &Pool, token_hash: &str) -> Result<Option<ApiToken>, StoreError> {
    let row: Option<Row> = sqlx::query_as(
        "select id, user_id, name, scope, created_at, revoked_at from api_tokens \
         where token_hash = $1 and revoked_at is null",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await
    .map_err(query_error)?;
    Ok(row.map(token))
}

pub(crate) async fn revoke(
    pool: &Pool,
    user_id: &str,
    token_id: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "update api_tokens set revoked_at = $1 \
         where id = $2 and user_id = $3 and revoked_at is null",
    )
    .bind(now)
    .bind(token_id)
    .bind(user_id)
    .execute(pool)
    .await
    .map_err(query_error)?;
    Ok(done.rows_affected() == 1)
}

pub(crate) async fn of_user(pool: &Pool, user_id: &str) -> Result<Vec<ApiToken>, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(
        "select id, user_id, name, scope, created_at, revoked_at from api_tokens \
         where user_id = $1 order by created_at desc, id",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    Ok(rows.into_iter().map(token).collect())
}
