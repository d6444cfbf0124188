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

/// The database type the shared SQL in `store/sql/cases.rs` runs on.
type Db = sqlx::Sqlite;
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

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    data: String,
    expires_at: i64,
}

// The organisation's members and help requests (store/sql/org.rs).
impl_org_store!(SqliteStore);
// Feed tokens and deadline reminders (store/sql/reminders.rs).
impl_reminder_store!(SqliteStore);
// A step outcome with its answers in one transaction (store/sql/outcome.rs).
impl_outcome_store!(SqliteStore);
// Failed-login counts (store/sql/throttle.rs).
impl_throttle_store!(SqliteStore);

// The consent to combine procedures (store/sql/groups.rs).
impl_group_store!(SqliteStore);

// Changing and removing children and parties (store/sql/case_edit.rs).
impl_case_edit_store!(SqliteStore);

// The session methods are this backend's own; `impl_store!` adds the case methods shared
// by both backends (store/sql/cases.rs).
impl_store!(SqliteStore, {
    async fn insert_session(&self, row: &SessionRow) -> Result<bool, StoreError> {
        let done = sqlx::query("insert into sessions (id, data, expires_at) values (?, ?, ?) on conflict (id) do nothing")
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
            "insert into sessions (id, data, expires_at) values (?, ?, ?) \
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
            "select id, data, expires_at from sessions where id = ? and expires_at > ?",
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
        sqlx::query("delete from sessions where id = ?")
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(query_error)?;
        Ok(())
    }

    async fn delete_expired_sessions(&self, now: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("delete from sessions where expires_at <= ?")
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
