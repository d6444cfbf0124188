//! The [`store::Store`] trait on an embedded SQLite database (one file in the data folder).
//!
//! WAL journal mode lets page views read while a form post writes. Queries are runtime
//! `query_as` calls, so no database is needed at compile time. Migrations are embedded with
//! `sqlx::migrate!` and run when the store opens.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use store::{SessionRow, Store, StoreError};

/// The file name of the database inside the data folder.
pub const FILE_NAME: &str = "routewijzer.sqlite";

#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

fn query_error(e: sqlx::Error) -> StoreError {
    StoreError::Query(e.to_string())
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
            .busy_timeout(Duration::from_secs(5));
        Self::connect(options).await.map_err(|e| StoreError::Open(format!("{}: {e}", path.display())))
    }

    /// An in-memory database, for tests.
    pub async fn in_memory() -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:").map_err(|e| StoreError::Open(e.to_string()))?;
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

#[async_trait]
impl Store for SqliteStore {
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
        let row: Option<Row> = sqlx::query_as("select id, data, expires_at from sessions where id = ? and expires_at > ?")
            .bind(id)
            .bind(now)
            .fetch_optional(&self.pool)
            .await
            .map_err(query_error)?;
        Ok(row.map(|r| SessionRow { id: r.id, data: r.data, expires_at: r.expires_at }))
    }

    async fn delete_session(&self, id: &str) -> Result<(), StoreError> {
        sqlx::query("delete from sessions where id = ?").bind(id).execute(&self.pool).await.map_err(query_error)?;
        Ok(())
    }

    async fn delete_expired_sessions(&self, now: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("delete from sessions where expires_at <= ?")
            .bind(now)
            .execute(&self.pool)
            .await
            .map_err(query_error)?;
        Ok(done.rows_affected())
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("select 1").execute(&self.pool).await.map_err(query_error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The story every backend must tell the same way.
    #[tokio::test]
    async fn session_story() {
        let dir = std::env::temp_dir().join(format!("rw-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let s = SqliteStore::open(&dir).await.unwrap();
        let row = SessionRow { id: "a".into(), data: "{}".into(), expires_at: 100 };
        assert!(s.insert_session(&row).await.unwrap());
        assert!(!s.insert_session(&row).await.unwrap(), "a taken id is refused");
        assert_eq!(s.load_session("a", 50).await.unwrap(), Some(row.clone()));
        assert_eq!(s.load_session("a", 100).await.unwrap(), None, "expired sessions are not loaded");
        let newer = SessionRow { data: "{\"x\":1}".into(), expires_at: 200, ..row.clone() };
        s.save_session(&newer).await.unwrap();
        assert_eq!(s.load_session("a", 150).await.unwrap(), Some(newer));
        s.save_session(&SessionRow { id: "old".into(), data: "{}".into(), expires_at: 10 }).await.unwrap();
        assert_eq!(s.delete_expired_sessions(20).await.unwrap(), 1);
        s.delete_session("a").await.unwrap();
        assert_eq!(s.load_session("a", 0).await.unwrap(), None);
        s.ping().await.unwrap();
        std::fs::remove_dir_all(&dir).ok();
    }
}
