//! The [`store::Store`] trait on PostgreSQL, chosen when `DATABASE_URL` starts with
//! `postgres://`. Runtime `query_as` calls as in `store-sqlite` (so no database is needed at
//! compile time), with its own migrations, embedded and run when the store opens.

use std::path::Path;
use std::sync::Arc;
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
    api_tokens, attachment_bytes, case_edit, cases, groups, org, outcome, reminders, sessions,
    throttle,
};

/// How a write transaction starts; PostgreSQL locks rows as they are written.
const BEGIN_WRITE: &str = "BEGIN";

/// Holds a case's row in a write transaction, until it ends.
const LOCK_CASE: &str = "select id from cases where id = $1 for update";

/// How `key_check` is read before a new data key is stored: under a share lock, so that a key
/// rotation (which updates that row first) and a new data key wait for each other.
const KEY_CHECK_FOR_SHARE: &str = "select master_id from key_check where id = 1 for share";

#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
    keys: Arc<sql::keys::Keys>,
}

impl PgStore {
    /// Connects to `url` (`postgres://user@host:port/db`), runs the migrations and reads the
    /// master key from `key_file` (made when it is missing and nothing is sealed yet).
    pub async fn connect(url: &str, key_file: &Path) -> Result<Self, StoreError> {
        let options: PgConnectOptions = url
            .parse()
            .map_err(|e| StoreError::Open(format!("DATABASE_URL: {e}")))?;
        let pool = Self::connect_with(options).await?;
        with_keys(pool, sql::keys::Source::File(key_file)).await
    }

    /// Like [`PgStore::connect`], but every table lives in `schema` (which must exist) and the
    /// master key is a new one held in memory. Tests use a fresh schema per run.
    pub async fn connect_in_schema(url: &str, schema: &str) -> Result<Self, StoreError> {
        let options: PgConnectOptions = url
            .parse()
            .map_err(|e| StoreError::Open(format!("DATABASE_URL: {e}")))?;
        let pool = Self::connect_with(options.options([("search_path", schema)])).await?;
        with_keys(pool, sql::keys::Source::Memory(store::seal::Key::random())).await
    }

    /// Wraps every case's data key under `new` (see `store::seal`); returns how many.
    pub async fn rotate_master_key(&self, new: store::seal::Key) -> Result<usize, StoreError> {
        self.keys.rotate(&self.pool, new).await
    }

    async fn connect_with(options: PgConnectOptions) -> Result<PgPool, StoreError> {
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
        Ok(pool)
    }

    /// After `pg_restore` of a backup: removes the cases whose data key is gone (deleted since
    /// the backup); returns how many.
    pub async fn remove_cases_without_keys(&self) -> Result<u64, StoreError> {
        sql::keys::remove_cases_without_keys(&self.pool).await
    }

    /// The pool, for tests and maintenance.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }
}

/// The store on `pool` with its key ring; seals what an older version stored in plain.
async fn with_keys(pool: PgPool, source: sql::keys::Source<'_>) -> Result<PgStore, StoreError> {
    let keys = sql::keys::Keys::load(&pool, source).await?;
    let sealed = keys.seal_plain_rows(&pool).await?;
    if sealed > 0 {
        tracing::info!(sealed, "case data of an older version sealed");
    }
    Ok(PgStore {
        pool,
        keys: Arc::new(keys),
    })
}

// Every store trait, with the SQL both backends share (store/sql/mod.rs).
impl_stores!(PgStore);
