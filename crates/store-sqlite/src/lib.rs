//! The [`store::Store`] trait on an embedded SQLite database (one file in the data folder).
//!
//! WAL journal mode lets page views read while a form post writes. Queries are runtime
//! `query_as` calls, so no database is needed at compile time. Migrations are embedded with
//! `sqlx::migrate!` and run when the store opens.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use store::{
    Actor, AnswerVersion, Attachment, AuditEntry, AuthSession, Case, Child, Edit, Event, Party,
    Role, SessionRow, Share, StepOutcome, Store, StoreError, User,
};

/// The database type the shared SQL in `store/sql/` runs on.
type Db = sqlx::Sqlite;
#[path = "../../store/sql/mod.rs"]
#[macro_use]
mod sql;
use cases::query_error;
use sql::{
    attachment_bytes, case_edit, cases, groups, org, outcome, reminders, sessions, throttle,
};

/// The file name of the database inside the data folder.
pub const FILE_NAME: &str = "routewijzer.sqlite";

#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (or creates) the database in `data_dir` and runs the migrations.
    pub async fn open(data_dir: &Path) -> Result<Self, StoreError> {
        let path = data_dir.join(FILE_NAME);
        let options = SqliteConnectOptions::from_str("sqlite:")
            .map_err(|e| StoreError::Open(e.to_string()))?
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // NORMAL is safe with WAL: a power cut may lose the last commits, never corrupt.
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true);
        Self::connect(options)
            .await
            .map_err(|e| StoreError::Open(format!("{}: {e}", path.display())))
    }

    /// An in-memory database, for tests.
    pub async fn in_memory() -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")
            .map_err(|e| StoreError::Open(e.to_string()))?
            .foreign_keys(true);
        // One connection: every connection to ":memory:" is a database of its own.
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Open(e.to_string()))?;
        migrate(&pool).await?;
        Ok(SqliteStore { pool })
    }

    async fn connect(options: SqliteConnectOptions) -> Result<Self, StoreError> {
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Open(e.to_string()))?;
        migrate(&pool).await?;
        Ok(SqliteStore { pool })
    }
}

impl SqliteStore {
    /// Writes a consistent copy of the whole database to `file` (which must not exist) while the
    /// app keeps running: `VACUUM INTO` reads one snapshot, so writes during the copy are either
    /// in it completely or not at all.
    pub async fn backup_to(&self, file: &Path) -> Result<(), StoreError> {
        let target = file
            .to_str()
            .ok_or_else(|| StoreError::Open(format!("{}: not a UTF-8 path", file.display())))?;
        sqlx::query("vacuum into $1")
            .bind(target)
            .execute(&self.pool)
            .await
            .map_err(query_error)?;
        Ok(())
    }

    /// SQLite's own check of the whole file; `"ok"` when all is well.
    pub async fn integrity_check(&self) -> Result<String, StoreError> {
        let (result,): (String,) = sqlx::query_as("pragma integrity_check")
            .fetch_one(&self.pool)
            .await
            .map_err(query_error)?;
        Ok(result)
    }
}

async fn migrate(pool: &SqlitePool) -> Result<(), StoreError> {
    sqlx::migrate!("./migrations")
        .run(pool)
        .await
        .map_err(|e| StoreError::Open(format!("migrations failed: {e}")))
}

// Every store trait, with the SQL both backends share (store/sql/mod.rs).
impl_stores!(SqliteStore);
