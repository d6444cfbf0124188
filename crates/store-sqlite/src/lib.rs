//! The [`store::Store`] trait on an embedded SQLite database (one file in the data folder).
//!
//! WAL journal mode lets page views read while a form post writes. Queries are runtime
//! `query_as` calls, so no database is needed at compile time. Migrations are embedded with
//! `sqlx::migrate!` and run when the store opens.

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
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
    api_tokens, attachment_bytes, case_edit, cases, groups, org, outcome, reminders, sessions,
    throttle,
};

/// The file name of the database inside the data folder.
pub const FILE_NAME: &str = "routewijzer.sqlite";

/// How a write transaction starts: with the write lock (see `sql/cases.rs`, `begin`).
const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";

/// Holds a case's row in a write transaction: `BEGIN IMMEDIATE` holds the whole database.
const LOCK_CASE: &str = "select id from cases where id = $1";

/// How `key_check` is read before a new data key is stored. SQLite lets one writer in at a
/// time, so no row lock is needed.
const KEY_CHECK_FOR_SHARE: &str = "select master_id from key_check where id = 1";

#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    keys: Arc<sql::keys::Keys>,
}

impl SqliteStore {
    /// Opens (or creates) the database in `data_dir` and runs the migrations, with the master
    /// key of [`store::seal::key_file`] (made when it is missing and nothing is sealed yet).
    pub async fn open(data_dir: &Path) -> Result<Self, StoreError> {
        Self::open_with_key_file(data_dir, &store::seal::key_file(data_dir)).await
    }

    /// Like [`SqliteStore::open`], with the master key in `key_file`.
    pub async fn open_with_key_file(data_dir: &Path, key_file: &Path) -> Result<Self, StoreError> {
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
        let pool = Self::connect(options)
            .await
            .map_err(|e| StoreError::Open(format!("{}: {e}", path.display())))?;
        with_keys(pool, sql::keys::Source::File(key_file)).await
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
        with_keys(pool, sql::keys::Source::Memory(store::seal::Key::random())).await
    }

    async fn connect(options: SqliteConnectOptions) -> Result<SqlitePool, StoreError> {
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Open(e.to_string()))?;
        migrate(&pool).await?;
        Ok(pool)
    }

    /// Wraps every case's data key under `new` (see `store::seal`); returns how many.
    pub async fn rotate_master_key(&self, new: store::seal::Key) -> Result<usize, StoreError> {
        self.keys.rotate(&self.pool, new).await
    }
}

/// The store on `pool` with its key ring; seals what an older version stored in plain.
async fn with_keys(
    pool: SqlitePool,
    source: sql::keys::Source<'_>,
) -> Result<SqliteStore, StoreError> {
    let keys = sql::keys::Keys::load(&pool, source).await?;
    let sealed = keys.seal_plain_rows(&pool).await?;
    if sealed > 0 {
        tracing::info!(sealed, "case data of an older version sealed");
    }
    Ok(SqliteStore {
        pool,
        keys: Arc::new(keys),
    })
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
        // A backup holds no data keys (see `store/sql/keys.rs`): taken out of the copy, which
        // is then rewritten so that no page of it keeps them.
        let copy = SqliteConnectOptions::from_str("sqlite:")
            .map_err(|e| StoreError::Open(e.to_string()))?
            .filename(file);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(copy)
            .await
            .map_err(|e| StoreError::Open(format!("{}: {e}", file.display())))?;
        for step in ["delete from case_keys", "vacuum"] {
            sqlx::query(step)
                .execute(&pool)
                .await
                .map_err(query_error)?;
        }
        pool.close().await;
        Ok(())
    }

    /// Puts the backup `file` in place of the database in `data_dir` (the server must be
    /// stopped), with the data keys of the database it replaces: a backup holds none. Cases
    /// deleted since the backup have no key left and are removed. Returns how many.
    pub async fn restore(data_dir: &Path, file: &Path) -> Result<u64, StoreError> {
        let live = data_dir.join(FILE_NAME);
        if !live.exists() {
            return Err(StoreError::Open(format!(
                "there is no database at {}; a backup opens only with the data keys of the \
                 database it was made from",
                live.display()
            )));
        }
        let copy = data_dir.join(format!("{FILE_NAME}.restoring"));
        std::fs::copy(file, &copy)
            .map_err(|e| StoreError::Open(format!("cannot copy {}: {e}", file.display())))?;
        let options = SqliteConnectOptions::from_str("sqlite:")
            .map_err(|e| StoreError::Open(e.to_string()))?
            .filename(&copy)
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Open(format!("{}: {e}", copy.display())))?;
        migrate(&pool).await?;
        let live_path = live
            .to_str()
            .ok_or_else(|| StoreError::Open(format!("{}: not a UTF-8 path", live.display())))?;
        sqlx::query("attach database $1 as live")
            .bind(live_path)
            .execute(&pool)
            .await
            .map_err(query_error)?;
        for step in [
            "delete from case_keys",
            "insert into case_keys (case_id, wrapped, master_id)              select case_id, wrapped, master_id from live.case_keys",
            "delete from key_check",
            "insert into key_check (id, master_id, sealed) select id, master_id, sealed from live.key_check",
            "detach database live",
        ] {
            sqlx::query(step)
                .execute(&pool)
                .await
                .map_err(query_error)?;
        }
        let removed = sql::keys::remove_cases_without_keys(&pool).await?;
        pool.close().await;
        for stale in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(data_dir.join(format!("{FILE_NAME}{stale}")));
        }
        std::fs::rename(&copy, &live)
            .map_err(|e| StoreError::Open(format!("cannot put the backup in place: {e}")))?;
        Ok(removed)
    }

    /// Closes every connection (before a restore replaces the file).
    pub async fn close(&self) {
        self.pool.close().await;
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
