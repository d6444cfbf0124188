//! The [`store::Store`] trait on PostgreSQL, chosen when `DATABASE_URL` starts with
//! `postgres://`. Runtime `query_as` calls as in `store-sqlite` (so no database is needed at
//! compile time), with its own migrations, embedded and run when the store opens.

use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use store::{
    Actor, AnswerVersion, Attachment, AuditEntry, AuthSession, Case, Child, Edit, Event, Party,
    Role, SessionRow, Share, StepOutcome, Store, StoreError, User,
};

/// The database type the shared SQL in `store/sql/` runs on.
type Db = sqlx::Postgres;
#[path = "../../store/sql/mod.rs"]
#[macro_use]
mod sql;
use sql::{
    attachment_bytes, case_edit, cases, groups, org, outcome, reminders, sessions, throttle,
};

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

// Every store trait, with the SQL both backends share (store/sql/mod.rs).
impl_stores!(PgStore);
