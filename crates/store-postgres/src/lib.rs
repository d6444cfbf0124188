//! The [`store::Store`] trait on PostgreSQL, chosen when `DATABASE_URL` starts with
//! `postgres://`. Runtime `query_as` calls as in `store-sqlite` (so no database is needed at
//! compile time), with its own migrations, embedded and run when the store opens.

use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use store::{
    Actor, AnswerVersion, Attachment, AuditEntry, AuthSession, Case, Child, Edit, Event, Party,
    Role, SessionRow, Share, StepOutcome, Store, StoreError, User,
};

/// The database type the shared SQL in `store/sql/cases.rs` runs on.
type Db = sqlx::Postgres;
#[path = "../../store/sql/cases.rs"]
#[macro_use]
mod cases;
#[path = "../../store/sql/case_edit.rs"]
#[macro_use]
mod case_edit;
#[path = "../../store/sql/org.rs"]
#[macro_use]
mod org;
#[path = "../../store/sql/reminders.rs"]
#[macro_use]
mod reminders;
#[path = "../../store/sql/outcome.rs"]
#[macro_use]
mod outcome;
#[path = "../../store/sql/throttle.rs"]
#[macro_use]
mod throttle;
#[path = "../../store/sql/groups.rs"]
#[macro_use]
mod groups;
use cases::query_error;

#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    /// Connects to `url` (`postgres://user@host:port/db`) and runs the migrations.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let options: PgConnectOptions = url
            .parse()
            .map_err(|e| StoreError::Open(format!("DATABASE_URL: {e}")))?;
        Self::connect_with(options).await
    }

    /// Like [`PgStore::connect`], but every table lives in `schema` (which must exist). Tests use
    /// a fresh schema per run.
    pub async fn connect_in_schema(url: &str, schema: &str) -> Result<Self, StoreError> {
        let options: PgConnectOptions = url
            .parse()
            .map_err(|e| StoreError::Open(format!("DATABASE_URL: {e}")))?;
        Self::connect_with(options.options([("search_path", schema)])).await
    }

    async fn connect_with(options: PgConnectOptions) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Open(format!("cannot connect to PostgreSQL: {e}")))?;
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .map_err(|e| StoreError::Open(format!("migrations failed: {e}")))?;
        Ok(PgStore { pool })
    }

    /// The pool, for tests and maintenance.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    data: String,
    expires_at: i64,
}

// The organisation's members and help requests (store/sql/org.rs).
impl_org_store!(PgStore);
// Feed tokens and deadline reminders (store/sql/reminders.rs).
impl_reminder_store!(PgStore);
// A step outcome with its answers in one transaction (store/sql/outcome.rs).
impl_outcome_store!(PgStore);
// Failed-login counts (store/sql/throttle.rs).
impl_throttle_store!(PgStore);

// The consent to combine procedures (store/sql/groups.rs).
impl_group_store!(PgStore);

// Changing and removing children and parties (store/sql/case_edit.rs).
impl_case_edit_store!(PgStore);

// The session methods are this backend's own; `impl_store!` adds the case methods shared
// by both backends (store/sql/cases.rs).
impl_store!(PgStore, {
    async fn insert_session(&self, row: &SessionRow) -> Result<bool, StoreError> {
        let done = sqlx::query("insert into sessions (id, data, expires_at) values ($1, $2, $3) on conflict (id) do nothing")
            .bind(&row.id)
            .bind(&row.data)
            .bind(row.expires_at)
            .execute(&self.pool)
            .await
            .map_err(query_error)?;
        Ok(done.rows_affected() == 1)
    }

    async fn save_session(&self, row: &SessionRow) -> Result<(), StoreError> {
        sqlx::query(
            "insert into sessions (id, data, expires_at) values ($1, $2, $3) \
             on conflict (id) do update set data = excluded.data, expires_at = excluded.expires_at",
        )
        .bind(&row.id)
        .bind(&row.data)
        .bind(row.expires_at)
        .execute(&self.pool)
        .await
        .map_err(query_error)?;
        Ok(())
    }

    async fn load_session(&self, id: &str, now: i64) -> Result<Option<SessionRow>, StoreError> {
        let row: Option<Row> = sqlx::query_as(
            "select id, data, expires_at from sessions where id = $1 and expires_at > $2",
        )
        .bind(id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await
        .map_err(query_error)?;
        Ok(row.map(|r| SessionRow {
            id: r.id,
            data: r.data,
            expires_at: r.expires_at,
        }))
    }

    async fn delete_session(&self, id: &str) -> Result<(), StoreError> {
        sqlx::query("delete from sessions where id = $1")
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(query_error)?;
        Ok(())
    }

    async fn delete_expired_sessions(&self, now: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("delete from sessions where expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await
            .map_err(query_error)?;
        // Ended logins and reset links go at the same time; they are not counted.
        sqlx::query("delete from auth_sessions where expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await
            .map_err(query_error)?;
        sqlx::query("delete from password_resets where expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await
            .map_err(query_error)?;
        Ok(done.rows_affected())
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("select 1")
            .execute(&self.pool)
            .await
            .map_err(query_error)?;
        Ok(())
    }
});
