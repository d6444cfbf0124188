//! The [`store::Store`] trait on an embedded SQLite database (one file in the data folder).
//!
//! WAL journal mode lets page views read while a form post writes. Queries are runtime
//! `query_as` calls, so no database is needed at compile time. Migrations are embedded with
//! `sqlx::migrate!` and run when the store opens.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
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
mod cases;
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
    async fn create_user(&self, user: &User) -> Result<(), StoreError> {
        cases::create_user(&self.pool, user).await
    }
    async fn user_by_email(&self, email: &str) -> Result<Option<User>, StoreError> {
        cases::user_by_email(&self.pool, email).await
    }
    async fn user_by_id(&self, id: &str) -> Result<Option<User>, StoreError> {
        cases::user_by_id(&self.pool, id).await
    }
    async fn set_password(&self, user_id: &str, password_hash: &str) -> Result<(), StoreError> {
        cases::set_password(&self.pool, user_id, password_hash).await
    }
    async fn set_totp_secret(&self, user_id: &str, secret: Option<&str>) -> Result<(), StoreError> {
        cases::set_totp_secret(&self.pool, user_id, secret).await
    }
    async fn delete_user(&self, user_id: &str) -> Result<Vec<String>, StoreError> {
        cases::delete_user(&self.pool, user_id).await
    }
    async fn create_auth_session(&self, session: &AuthSession) -> Result<(), StoreError> {
        cases::create_auth_session(&self.pool, session).await
    }
    async fn auth_session_user(&self, id: &str, now: i64) -> Result<Option<User>, StoreError> {
        cases::auth_session_user(&self.pool, id, now).await
    }
    async fn delete_auth_session(&self, id: &str) -> Result<(), StoreError> {
        cases::delete_auth_session(&self.pool, id).await
    }
    async fn delete_user_auth_sessions(&self, user_id: &str) -> Result<u64, StoreError> {
        cases::delete_user_auth_sessions(&self.pool, user_id).await
    }
    async fn create_password_reset(
        &self,
        token_hash: &str,
        user_id: &str,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        cases::create_password_reset(&self.pool, token_hash, user_id, expires_at).await
    }
    async fn take_password_reset(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<String>, StoreError> {
        cases::take_password_reset(&self.pool, token_hash, now).await
    }
    async fn set_recovery_codes(
        &self,
        user_id: &str,
        code_hashes: &[String],
    ) -> Result<(), StoreError> {
        cases::set_recovery_codes(&self.pool, user_id, code_hashes).await
    }
    async fn take_recovery_code(&self, user_id: &str, code_hash: &str) -> Result<bool, StoreError> {
        cases::take_recovery_code(&self.pool, user_id, code_hash).await
    }
    async fn recovery_codes_left(&self, user_id: &str) -> Result<u64, StoreError> {
        cases::recovery_codes_left(&self.pool, user_id).await
    }
    async fn create_case(&self, case: &Case, actor: &Actor) -> Result<(), StoreError> {
        cases::create_case(&self.pool, case, actor).await
    }
    async fn case_by_id(&self, id: &str) -> Result<Option<Case>, StoreError> {
        cases::case_by_id(&self.pool, id).await
    }
    async fn cases_for_user(
        &self,
        user_id: &str,
        now: i64,
    ) -> Result<Vec<(Case, Role)>, StoreError> {
        cases::cases_for_user(&self.pool, user_id, now).await
    }
    async fn role_in_case(
        &self,
        case_id: &str,
        user_id: &str,
        now: i64,
    ) -> Result<Option<Role>, StoreError> {
        cases::role_in_case(&self.pool, case_id, user_id, now).await
    }
    async fn delete_case(&self, case_id: &str) -> Result<(), StoreError> {
        cases::delete_case(&self.pool, case_id).await
    }
    async fn log_access(
        &self,
        case_id: &str,
        actor: &Actor,
        action: &str,
    ) -> Result<(), StoreError> {
        cases::log_access(&self.pool, case_id, actor, action).await
    }
    async fn audit_log(&self, case_id: &str) -> Result<Vec<AuditEntry>, StoreError> {
        cases::audit_log(&self.pool, case_id).await
    }
    async fn save_child(&self, child: &Child, actor: &Actor) -> Result<(), StoreError> {
        cases::save_child(&self.pool, child, actor).await
    }
    async fn children(&self, case_id: &str) -> Result<Vec<Child>, StoreError> {
        cases::children(&self.pool, case_id).await
    }
    async fn save_party(&self, party: &Party, actor: &Actor) -> Result<(), StoreError> {
        cases::save_party(&self.pool, party, actor).await
    }
    async fn parties(&self, case_id: &str) -> Result<Vec<Party>, StoreError> {
        cases::parties(&self.pool, case_id).await
    }
    async fn save_answers(
        &self,
        case_id: &str,
        answers: &str,
        actor: &Actor,
    ) -> Result<i64, StoreError> {
        cases::save_answers(&self.pool, case_id, answers, actor).await
    }
    async fn latest_answers(&self, case_id: &str) -> Result<Option<AnswerVersion>, StoreError> {
        cases::latest_answers(&self.pool, case_id).await
    }
    async fn answer_versions(&self, case_id: &str) -> Result<Vec<AnswerVersion>, StoreError> {
        cases::answer_versions(&self.pool, case_id).await
    }
    async fn add_event(&self, event: &Event, actor: &Actor) -> Result<(), StoreError> {
        cases::add_event(&self.pool, event, actor).await
    }
    async fn update_event(&self, event: &Event, actor: &Actor) -> Result<Edit, StoreError> {
        cases::update_event(&self.pool, event, actor).await
    }
    async fn event(&self, case_id: &str, event_id: &str) -> Result<Option<Event>, StoreError> {
        cases::event_by_id(&self.pool, case_id, event_id).await
    }
    async fn events(&self, case_id: &str) -> Result<Vec<Event>, StoreError> {
        cases::events(&self.pool, case_id).await
    }
    async fn add_attachment(
        &self,
        attachment: &Attachment,
        actor: &Actor,
    ) -> Result<(), StoreError> {
        cases::add_attachment(&self.pool, attachment, actor).await
    }
    async fn attachments(&self, case_id: &str) -> Result<Vec<Attachment>, StoreError> {
        cases::attachments(&self.pool, case_id).await
    }
    async fn save_step_outcome(
        &self,
        outcome: &StepOutcome,
        actor: &Actor,
    ) -> Result<(), StoreError> {
        cases::save_step_outcome(&self.pool, outcome, actor).await
    }
    async fn step_outcomes(&self, case_id: &str) -> Result<Vec<StepOutcome>, StoreError> {
        cases::step_outcomes(&self.pool, case_id).await
    }
    async fn add_share(&self, share: &Share, actor: &Actor) -> Result<(), StoreError> {
        cases::add_share(&self.pool, share, actor).await
    }
    async fn shares(&self, case_id: &str) -> Result<Vec<Share>, StoreError> {
        cases::shares(&self.pool, case_id).await
    }
    async fn share_by_token(&self, token: &str) -> Result<Option<Share>, StoreError> {
        cases::share_by_token(&self.pool, token).await
    }
    async fn accept_share(&self, share_id: &str, actor: &Actor) -> Result<(), StoreError> {
        cases::accept_share(&self.pool, share_id, actor).await
    }
    async fn revoke_share(
        &self,
        case_id: &str,
        share_id: &str,
        actor: &Actor,
    ) -> Result<(), StoreError> {
        cases::revoke_share(&self.pool, case_id, share_id, actor).await
    }
}
