//! Accounts, logins and case files, for both SQL backends. The SQL is plain and uses `$n`
//! parameters, which SQLite and PostgreSQL both read, so `store-sqlite` and `store-postgres` each
//! compile this one file as their `cases` module with their own `Db` type (sqlx's query types
//! differ per database, which makes one generic implementation far harder to read than this).
//! Every write that changes a case writes its audit line in the same transaction.

use store::{
    Actor, AnswerVersion, Attachment, AuditEntry, Case, Child, Edit, Event, Party, Role, Share,
    StepOutcome, StoreError, User,
};

use super::Db;
type Pool = sqlx::Pool<Db>;
type Tx<'a> = sqlx::Transaction<'a, Db>;

/// The `Store` impl of a backend: the session methods, which forward to `sessions.rs`, then the
/// account and case methods, which forward to this module. One macro emits the whole impl so
/// that `async_trait` sees every method.
macro_rules! impl_store {
    ($backend:ty) => {
        #[async_trait::async_trait]
        impl Store for $backend {
            async fn insert_session(&self, row: &SessionRow) -> Result<bool, StoreError> {
                sessions::insert_session(&self.pool, row).await
            }
            async fn save_session(&self, row: &SessionRow) -> Result<(), StoreError> {
                sessions::save_session(&self.pool, row).await
            }
            async fn load_session(
                &self,
                id: &str,
                now: i64,
            ) -> Result<Option<SessionRow>, StoreError> {
                sessions::load_session(&self.pool, id, now).await
            }
            async fn delete_session(&self, id: &str) -> Result<(), StoreError> {
                sessions::delete_session(&self.pool, id).await
            }
            async fn delete_expired_sessions(&self, now: i64) -> Result<u64, StoreError> {
                sessions::delete_expired_sessions(&self.pool, now).await
            }
            async fn ping(&self) -> Result<(), StoreError> {
                sessions::ping(&self.pool).await
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
            async fn set_password(
                &self,
                user_id: &str,
                password_hash: &str,
            ) -> Result<(), StoreError> {
                cases::set_password(&self.pool, user_id, password_hash).await
            }
            async fn set_totp_secret(
                &self,
                user_id: &str,
                secret: Option<&str>,
            ) -> Result<(), StoreError> {
                cases::set_totp_secret(&self.pool, user_id, secret).await
            }
            async fn delete_user(&self, user_id: &str) -> Result<Vec<String>, StoreError> {
                let gone = cases::delete_user(&self.pool, user_id).await?;
                for case_id in &gone {
                    self.keys.forget(case_id);
                }
                Ok(gone)
            }
            async fn create_auth_session(&self, session: &AuthSession) -> Result<(), StoreError> {
                cases::create_auth_session(&self.pool, session).await
            }
            async fn auth_session_user(
                &self,
                id: &str,
                now: i64,
            ) -> Result<Option<User>, StoreError> {
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
            async fn take_recovery_code(
                &self,
                user_id: &str,
                code_hash: &str,
            ) -> Result<bool, StoreError> {
                cases::take_recovery_code(&self.pool, user_id, code_hash).await
            }
            async fn recovery_codes_left(&self, user_id: &str) -> Result<u64, StoreError> {
                cases::recovery_codes_left(&self.pool, user_id).await
            }
            async fn create_case(&self, case: &Case, actor: &Actor) -> Result<(), StoreError> {
                cases::create_case(&self.pool, &self.keys.seal(&self.pool, case).await?, actor)
                    .await
            }
            async fn case_by_id(&self, id: &str) -> Result<Option<Case>, StoreError> {
                let case = cases::case_by_id(&self.pool, id).await?;
                self.keys.open_option(&self.pool, case).await
            }
            async fn cases_for_user(
                &self,
                user_id: &str,
                now: i64,
            ) -> Result<Vec<(Case, Role)>, StoreError> {
                let mut out = Vec::new();
                for (case, role) in cases::cases_for_user(&self.pool, user_id, now).await? {
                    out.push((self.keys.open(&self.pool, case).await?, role));
                }
                Ok(out)
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
                cases::delete_case(&self.pool, case_id).await?;
                self.keys.forget(case_id);
                Ok(())
            }
            async fn log_access(
                &self,
                case_id: &str,
                actor: &Actor,
                action: &str,
            ) -> Result<(), StoreError> {
                cases::log_access(&self.pool, case_id, actor, action).await
            }
            async fn log_access_many(
                &self,
                case_ids: &[&str],
                actor: &Actor,
                action: &str,
            ) -> Result<(), StoreError> {
                cases::log_access_many(&self.pool, case_ids, actor, action).await
            }
            async fn audit_log(&self, case_id: &str) -> Result<Vec<AuditEntry>, StoreError> {
                cases::audit_log(&self.pool, case_id).await
            }
            async fn save_child(&self, child: &Child, actor: &Actor) -> Result<(), StoreError> {
                cases::save_child(&self.pool, &self.keys.seal(&self.pool, child).await?, actor)
                    .await
            }
            async fn children(&self, case_id: &str) -> Result<Vec<Child>, StoreError> {
                let rows = cases::children(&self.pool, case_id).await?;
                let mut rows = self.keys.open_all(&self.pool, rows).await?;
                // Sealed names do not sort in SQL.
                rows.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
                Ok(rows)
            }
            async fn save_party(&self, party: &Party, actor: &Actor) -> Result<(), StoreError> {
                cases::save_party(&self.pool, &self.keys.seal(&self.pool, party).await?, actor)
                    .await
            }
            async fn parties(&self, case_id: &str) -> Result<Vec<Party>, StoreError> {
                let rows = cases::parties(&self.pool, case_id).await?;
                let mut rows = self.keys.open_all(&self.pool, rows).await?;
                rows.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
                Ok(rows)
            }
            async fn save_answers(
                &self,
                case_id: &str,
                answers: &str,
                actor: &Actor,
            ) -> Result<i64, StoreError> {
                let sealed = self
                    .keys
                    .seal_text(&self.pool, case_id, "answer_versions.answers", answers)
                    .await?;
                cases::save_answers(&self.pool, case_id, &sealed, actor).await
            }
            async fn latest_answers(
                &self,
                case_id: &str,
            ) -> Result<Option<AnswerVersion>, StoreError> {
                let row = cases::latest_answers(&self.pool, case_id).await?;
                self.keys.open_option(&self.pool, row).await
            }
            async fn answer_versions(
                &self,
                case_id: &str,
            ) -> Result<Vec<AnswerVersion>, StoreError> {
                let rows = cases::answer_versions(&self.pool, case_id).await?;
                self.keys.open_all(&self.pool, rows).await
            }
            async fn add_event(&self, event: &Event, actor: &Actor) -> Result<(), StoreError> {
                cases::add_event(&self.pool, &self.keys.seal(&self.pool, event).await?, actor).await
            }
            async fn update_event(&self, event: &Event, actor: &Actor) -> Result<Edit, StoreError> {
                let sealed = self.keys.seal(&self.pool, event).await?;
                match cases::update_event(&self.pool, &sealed, actor).await? {
                    Edit::Conflict(stored) => Ok(Edit::Conflict(Box::new(
                        self.keys.open(&self.pool, *stored).await?,
                    ))),
                    other => Ok(other),
                }
            }
            async fn event(
                &self,
                case_id: &str,
                event_id: &str,
            ) -> Result<Option<Event>, StoreError> {
                let row = cases::event_by_id(&self.pool, case_id, event_id).await?;
                self.keys.open_option(&self.pool, row).await
            }
            async fn events(&self, case_id: &str) -> Result<Vec<Event>, StoreError> {
                let rows = cases::events(&self.pool, case_id).await?;
                self.keys.open_all(&self.pool, rows).await
            }
            async fn add_attachment(
                &self,
                attachment: &Attachment,
                bytes: &[u8],
                actor: &Actor,
            ) -> Result<(), StoreError> {
                let sealed = self.keys.seal(&self.pool, attachment).await?;
                let key = self.keys.key(&self.pool, &attachment.case_id, true).await?;
                attachment_bytes::add_attachment(&self.pool, &key, &sealed, bytes, actor).await
            }
            async fn attachments(&self, case_id: &str) -> Result<Vec<Attachment>, StoreError> {
                let rows = cases::attachments(&self.pool, case_id).await?;
                self.keys.open_all(&self.pool, rows).await
            }
            async fn attachment_chunk(
                &self,
                case_id: &str,
                attachment_id: &str,
                seq: i64,
            ) -> Result<Option<Vec<u8>>, StoreError> {
                let Some(sealed) =
                    attachment_bytes::chunk(&self.pool, case_id, attachment_id, seq).await?
                else {
                    return Ok(None);
                };
                let key = self.keys.key(&self.pool, case_id, false).await?;
                sql::keys::Keys::open_chunk(&key, case_id, attachment_id, seq, &sealed).map(Some)
            }
            async fn attachments_without_bytes(&self) -> Result<Vec<Attachment>, StoreError> {
                let rows = attachment_bytes::without_bytes(&self.pool).await?;
                self.keys.open_all(&self.pool, rows).await
            }
            async fn put_attachment_bytes(
                &self,
                attachment: &Attachment,
                bytes: &[u8],
            ) -> Result<bool, StoreError> {
                let key = self.keys.key(&self.pool, &attachment.case_id, true).await?;
                attachment_bytes::put_bytes(&self.pool, &key, attachment, bytes).await
            }
            async fn save_step_outcome(
                &self,
                outcome: &StepOutcome,
                actor: &Actor,
            ) -> Result<(), StoreError> {
                cases::save_step_outcome(&self.pool, outcome, actor).await
            }
            async fn add_advice_seen(&self, seen: &store::AdviceSeen) -> Result<i64, StoreError> {
                let sealed = self.keys.seal(&self.pool, seen).await?;
                sql::advice_seen::add(&self.pool, &sealed).await
            }
            async fn advice_seen(
                &self,
                case_id: &str,
            ) -> Result<Vec<store::AdviceSeen>, StoreError> {
                let rows = sql::advice_seen::of_case(&self.pool, case_id).await?;
                self.keys.open_all(&self.pool, rows).await
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
    };
}

pub(crate) fn query_error(e: sqlx::Error) -> StoreError {
    match e.as_database_error() {
        Some(d) if d.is_unique_violation() => StoreError::Taken(d.message().to_string()),
        _ => StoreError::Query(e.to_string()),
    }
}

pub(crate) async fn audit(
    tx: &mut Tx<'_>,
    case_id: &str,
    actor: &Actor,
    action: &str,
    subject: &str,
) -> Result<(), StoreError> {
    sqlx::query("insert into audit_log (case_id, at, actor_id, action, subject) values ($1, $2, $3, $4, $5)")
        .bind(case_id)
        .bind(actor.now)
        .bind(&actor.user_id)
        .bind(action)
        .bind(subject)
        .execute(&mut **tx)
        .await
        .map_err(query_error)?;
    Ok(())
}

/// Ends a write of at most one row. With `case_id`, the case of the row it changed, it writes
/// the audit line and commits; with `None` (no row changed) it writes nothing and answers
/// `false`.
pub(crate) async fn audit_change(
    mut tx: Tx<'_>,
    case_id: Option<&str>,
    actor: &Actor,
    action: &str,
    subject: &str,
) -> Result<bool, StoreError> {
    let Some(case_id) = case_id else {
        return Ok(false);
    };
    audit(&mut tx, case_id, actor, action, subject).await?;
    commit(tx).await?;
    Ok(true)
}

/// A write transaction. On SQLite it takes the write lock at its start (`BEGIN IMMEDIATE`): a
/// deferred one that read first and then writes fails at once with "database is locked" when
/// another writer came in between, without waiting for the busy timeout.
pub(crate) async fn begin(pool: &Pool) -> Result<Tx<'static>, StoreError> {
    pool.begin_with(crate::BEGIN_WRITE)
        .await
        .map_err(query_error)
}

pub(crate) async fn commit(tx: Tx<'_>) -> Result<(), StoreError> {
    tx.commit().await.map_err(query_error)
}

type UserRow = (String, String, String, Option<String>, i64);
/// The column list, as a macro so that queries stay `&'static str`.
macro_rules! user_columns {
    () => {
        "id, email, password_hash, totp_secret, created_at"
    };
}

fn user((id, email, password_hash, totp_secret, created_at): UserRow) -> User {
    User {
        id,
        email,
        password_hash,
        totp_secret,
        created_at,
    }
}

pub(crate) async fn create_user(pool: &Pool, u: &User) -> Result<(), StoreError> {
    sqlx::query(
        "insert into users (id, email, email_lower, password_hash, totp_secret, created_at) values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&u.id)
    .bind(&u.email)
    .bind(u.email.to_lowercase())
    .bind(&u.password_hash)
    .bind(&u.totp_secret)
    .bind(u.created_at)
    .execute(pool)
    .await
    .map_err(query_error)?;
    Ok(())
}

pub(crate) async fn user_by_email(pool: &Pool, email: &str) -> Result<Option<User>, StoreError> {
    let row: Option<UserRow> = sqlx::query_as(concat!(
        "select ",
        user_columns!(),
        " from users where email_lower = $1"
    ))
    .bind(email.to_lowercase())
    .fetch_optional(pool)
    .await
    .map_err(query_error)?;
    Ok(row.map(user))
}

pub(crate) async fn user_by_id(pool: &Pool, id: &str) -> Result<Option<User>, StoreError> {
    let row: Option<UserRow> = sqlx::query_as(concat!(
        "select ",
        user_columns!(),
        " from users where id = $1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
    .map_err(query_error)?;
    Ok(row.map(user))
}

pub(crate) async fn set_password(pool: &Pool, user_id: &str, hash: &str) -> Result<(), StoreError> {
    sqlx::query("update users set password_hash = $1 where id = $2")
        .bind(hash)
        .bind(user_id)
        .execute(pool)
        .await
        .map_err(query_error)?;
    Ok(())
}

pub(crate) async fn set_totp_secret(
    pool: &Pool,
    user_id: &str,
    secret: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query("update users set totp_secret = $1 where id = $2")
        .bind(secret)
        .bind(user_id)
        .execute(pool)
        .await
        .map_err(query_error)?;
    Ok(())
}

pub(crate) async fn delete_user(pool: &Pool, user_id: &str) -> Result<Vec<String>, StoreError> {
    let mut tx = begin(pool).await?;
    let cases: Vec<(String,)> =
        sqlx::query_as("select id from cases where owner_id = $1 order by id")
            .bind(user_id)
            .fetch_all(&mut *tx)
            .await
            .map_err(query_error)?;
    // The foreign keys cascade: logins, cases and all in them, shares accepted by this account.
    sqlx::query("delete from users where id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await
        .map_err(query_error)?;
    // The data keys go in the same transaction: no copy of these cases opens again.
    for (case_id,) in &cases {
        sqlx::query("delete from case_keys where case_id = $1")
            .bind(case_id)
            .execute(&mut *tx)
            .await
            .map_err(query_error)?;
    }
    commit(tx).await?;
    Ok(cases.into_iter().map(|(id,)| id).collect())
}

pub(crate) async fn create_auth_session(
    pool: &Pool,
    s: &store::AuthSession,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into auth_sessions (id, user_id, created_at, expires_at) values ($1, $2, $3, $4)",
    )
    .bind(&s.id)
    .bind(&s.user_id)
    .bind(s.created_at)
    .bind(s.expires_at)
    .execute(pool)
    .await
    .map_err(query_error)?;
    Ok(())
}

pub(crate) async fn auth_session_user(
    pool: &Pool,
    id: &str,
    now: i64,
) -> Result<Option<User>, StoreError> {
    let row: Option<UserRow> = sqlx::query_as(
        "select u.id, u.email, u.password_hash, u.totp_secret, u.created_at from auth_sessions s \
         join users u on u.id = s.user_id where s.id = $1 and s.expires_at > $2",
    )
    .bind(id)
    .bind(now)
    .fetch_optional(pool)
    .await
    .map_err(query_error)?;
    Ok(row.map(user))
}

pub(crate) async fn delete_auth_session(pool: &Pool, id: &str) -> Result<(), StoreError> {
    sqlx::query("delete from auth_sessions where id = $1")
        .bind(id)
        .execute(pool)
        .await
        .map_err(query_error)?;
    Ok(())
}

pub(crate) async fn delete_user_auth_sessions(
    pool: &Pool,
    user_id: &str,
) -> Result<u64, StoreError> {
    let done = sqlx::query("delete from auth_sessions where user_id = $1")
        .bind(user_id)
        .execute(pool)
        .await
        .map_err(query_error)?;
    Ok(done.rows_affected())
}

pub(crate) async fn create_password_reset(
    pool: &Pool,
    token_hash: &str,
    user_id: &str,
    expires_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into password_resets (token_hash, user_id, expires_at) values ($1, $2, $3)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(expires_at)
    .execute(pool)
    .await
    .map_err(query_error)?;
    Ok(())
}

pub(crate) async fn take_password_reset(
    pool: &Pool,
    token_hash: &str,
    now: i64,
) -> Result<Option<String>, StoreError> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "delete from password_resets where token_hash = $1 returning user_id, expires_at",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await
    .map_err(query_error)?;
    Ok(row
        .filter(|(_, expires_at)| *expires_at > now)
        .map(|(user_id, _)| user_id))
}

pub(crate) async fn set_recovery_codes(
    pool: &Pool,
    user_id: &str,
    code_hashes: &[String],
) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    sqlx::query("delete from recovery_codes where user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await
        .map_err(query_error)?;
    for hash in code_hashes {
        sqlx::query("insert into recovery_codes (user_id, code_hash) values ($1, $2)")
            .bind(user_id)
            .bind(hash)
            .execute(&mut *tx)
            .await
            .map_err(query_error)?;
    }
    commit(tx).await
}

pub(crate) async fn take_recovery_code(
    pool: &Pool,
    user_id: &str,
    code_hash: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query("delete from recovery_codes where user_id = $1 and code_hash = $2")
        .bind(user_id)
        .bind(code_hash)
        .execute(pool)
        .await
        .map_err(query_error)?;
    Ok(done.rows_affected() == 1)
}

pub(crate) async fn recovery_codes_left(pool: &Pool, user_id: &str) -> Result<u64, StoreError> {
    let (n,): (i64,) = sqlx::query_as("select count(*) from recovery_codes where user_id = $1")
        .bind(user_id)
        .fetch_one(pool)
        .await
        .map_err(query_error)?;
    Ok(n as u64)
}

type CaseRow = (String, String, String, i64);

fn case((id, owner_id, title, created_at): CaseRow) -> Case {
    Case {
        id,
        owner_id,
        title,
        created_at,
    }
}

pub(crate) async fn create_case(pool: &Pool, c: &Case, actor: &Actor) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    sqlx::query("insert into cases (id, owner_id, title, created_at) values ($1, $2, $3, $4)")
        .bind(&c.id)
        .bind(&c.owner_id)
        .bind(&c.title)
        .bind(c.created_at)
        .execute(&mut *tx)
        .await
        .map_err(query_error)?;
    audit(&mut tx, &c.id, actor, "case.create", &c.id).await?;
    commit(tx).await
}

pub(crate) async fn case_by_id(pool: &Pool, id: &str) -> Result<Option<Case>, StoreError> {
    let row: Option<CaseRow> =
        sqlx::query_as("select id, owner_id, title, created_at from cases where id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await
            .map_err(query_error)?;
    Ok(row.map(case))
}

/// The condition under which a member's organisation access counts: the account `$1` is still a
/// member and has the second factor on. Kept in SQL so no caller can forget it.
macro_rules! org_access {
    () => {
        "exists (select 1 from org_members m join users u on u.id = m.user_id \
         where m.user_id = $1 and u.totp_secret is not null)"
    };
}

pub(crate) async fn cases_for_user(
    pool: &Pool,
    user_id: &str,
    now: i64,
) -> Result<Vec<(Case, Role)>, StoreError> {
    let rows: Vec<(String, String, String, i64, String)> = sqlx::query_as(concat!(
        "select id, owner_id, title, created_at, 'owner' from cases where owner_id = $1 \
         union all \
         select c.id, c.owner_id, c.title, c.created_at, s.role from cases c join shares s on s.case_id = c.id \
         where s.user_id = $1 and s.revoked_at is null and (s.expires_at is null or s.expires_at > $2) \
         union all \
         select c.id, c.owner_id, c.title, c.created_at, h.level from cases c \
         join help_requests h on h.case_id = c.id where h.assigned_to = $1 and h.revoked_at is null and ",
        org_access!(),
        " union all \
         select c.id, c.owner_id, c.title, c.created_at, 'summary' from cases c \
         where exists (select 1 from help_requests h where h.case_id = c.id and h.revoked_at is null) \
         and exists (select 1 from org_members m where m.user_id = $1 and m.role in ('coordinator', 'admin')) and ",
        org_access!(),
        " order by 4, 1"
    ))
    .bind(user_id)
    .bind(now)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    // One case can come in by several ways (a share and a help request); the highest role counts.
    let mut out: Vec<(Case, Role)> = Vec::new();
    for (id, owner_id, title, created_at, role) in rows {
        let role = Role::parse(&role)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown role {role:?}")))?;
        match out.iter_mut().find(|(c, _)| c.id == id) {
            Some((_, known)) => *known = (*known).max(role),
            None => out.push((case((id, owner_id, title, created_at)), role)),
        }
    }
    Ok(out)
}

pub(crate) async fn role_in_case(
    pool: &Pool,
    case_id: &str,
    user_id: &str,
    now: i64,
) -> Result<Option<Role>, StoreError> {
    let owner: Option<(String,)> = sqlx::query_as("select owner_id from cases where id = $1")
        .bind(case_id)
        .fetch_optional(pool)
        .await
        .map_err(query_error)?;
    match owner {
        None => return Ok(None),
        Some((owner,)) if owner == user_id => return Ok(Some(Role::Owner)),
        Some(_) => {}
    }
    // Shares; an open help request assigned to this account (at its level); and, for
    // coordinators and admins, the summary of a case with an open help request, to triage it.
    let roles: Vec<(String,)> = sqlx::query_as(concat!(
        "select role from shares where case_id = $2 and user_id = $1 and revoked_at is null \
         and (expires_at is null or expires_at > $3) \
         union all \
         select level from help_requests where case_id = $2 and assigned_to = $1 and revoked_at is null and ",
        org_access!(),
        " union all \
         select 'summary' from help_requests where case_id = $2 and revoked_at is null \
         and exists (select 1 from org_members m where m.user_id = $1 and m.role in ('coordinator', 'admin')) and ",
        org_access!()
    ))
    .bind(user_id)
    .bind(case_id)
    .bind(now)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    // Two invitations to one advocate: the higher role counts.
    Ok(roles.iter().filter_map(|(r,)| Role::parse(r)).max())
}

pub(crate) async fn delete_case(pool: &Pool, case_id: &str) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    sqlx::query("delete from cases where id = $1")
        .bind(case_id)
        .execute(&mut *tx)
        .await
        .map_err(query_error)?;
    // Its data key goes with it (crypto-shredding): backups hold no keys, so from now on no
    // copy of this case opens again.
    sqlx::query("delete from case_keys where case_id = $1")
        .bind(case_id)
        .execute(&mut *tx)
        .await
        .map_err(query_error)?;
    commit(tx).await?;
    Ok(())
}

pub(crate) async fn log_access(
    pool: &Pool,
    case_id: &str,
    actor: &Actor,
    action: &str,
) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    audit(&mut tx, case_id, actor, action, "").await?;
    commit(tx).await
}

pub(crate) async fn log_access_many(
    pool: &Pool,
    case_ids: &[&str],
    actor: &Actor,
    action: &str,
) -> Result<(), StoreError> {
    if case_ids.is_empty() {
        return Ok(());
    }
    let mut tx = begin(pool).await?;
    for case_id in case_ids {
        audit(&mut tx, case_id, actor, action, "").await?;
    }
    commit(tx).await
}

pub(crate) async fn audit_log(pool: &Pool, case_id: &str) -> Result<Vec<AuditEntry>, StoreError> {
    let rows: Vec<(String, i64, String, String, String)> =
        sqlx::query_as("select case_id, at, actor_id, action, subject from audit_log where case_id = $1 order by id")
            .bind(case_id)
            .fetch_all(pool)
            .await
            .map_err(query_error)?;
    Ok(rows
        .into_iter()
        .map(|(case_id, at, actor_id, action, subject)| AuditEntry {
            case_id,
            at,
            actor_id,
            action,
            subject,
        })
        .collect())
}

pub(crate) async fn save_child(pool: &Pool, c: &Child, actor: &Actor) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    sqlx::query(
        "insert into children (id, case_id, name, birth_year, school_type, school_level) values ($1, $2, $3, $4, $5, $6) \
         on conflict (id) do update set name = excluded.name, birth_year = excluded.birth_year, \
         school_type = excluded.school_type, school_level = excluded.school_level \
         where children.case_id = excluded.case_id",
    )
    .bind(&c.id)
    .bind(&c.case_id)
    .bind(&c.name)
    .bind(c.birth_year)
    .bind(&c.school_type)
    .bind(&c.school_level)
    .execute(&mut *tx)
    .await
    .map_err(query_error)?;
    audit(&mut tx, &c.case_id, actor, "child.save", &c.id).await?;
    commit(tx).await
}

pub(crate) async fn children(pool: &Pool, case_id: &str) -> Result<Vec<Child>, StoreError> {
    let rows: Vec<(String, String, String, Option<i64>, String, String)> = sqlx::query_as(
        "select id, case_id, name, birth_year, school_type, school_level from children where case_id = $1 order by name, id",
    )
    .bind(case_id)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, case_id, name, birth_year, school_type, school_level)| Child {
                id,
                case_id,
                name,
                birth_year,
                school_type,
                school_level,
            },
        )
        .collect())
}

pub(crate) async fn save_party(pool: &Pool, p: &Party, actor: &Actor) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    sqlx::query(
        "insert into parties (id, case_id, name, role, contact, holiday_contact) values ($1, $2, $3, $4, $5, $6) \
         on conflict (id) do update set name = excluded.name, role = excluded.role, contact = excluded.contact, \
         holiday_contact = excluded.holiday_contact where parties.case_id = excluded.case_id",
    )
    .bind(&p.id)
    .bind(&p.case_id)
    .bind(&p.name)
    .bind(&p.role)
    .bind(&p.contact)
    .bind(&p.holiday_contact)
    .execute(&mut *tx)
    .await
    .map_err(query_error)?;
    audit(&mut tx, &p.case_id, actor, "party.save", &p.id).await?;
    commit(tx).await
}

pub(crate) type PartyRow = (String, String, String, String, String, String);

pub(crate) fn party_of((id, case_id, name, role, contact, holiday_contact): PartyRow) -> Party {
    Party {
        id,
        case_id,
        name,
        role,
        contact,
        holiday_contact,
    }
}

pub(crate) async fn parties(pool: &Pool, case_id: &str) -> Result<Vec<Party>, StoreError> {
    let rows: Vec<PartyRow> = sqlx::query_as(
        "select id, case_id, name, role, contact, holiday_contact from parties where case_id = $1 order by name, id",
    )
    .bind(case_id)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    Ok(rows.into_iter().map(party_of).collect())
}

pub(crate) async fn save_answers(
    pool: &Pool,
    case_id: &str,
    answers: &str,
    actor: &Actor,
) -> Result<i64, StoreError> {
    let mut tx = begin(pool).await?;
    let version = add_answers_version(&mut tx, case_id, answers, actor).await?;
    commit(tx).await?;
    Ok(version)
}

/// Writes the next version of the case's answers with its audit line, inside `tx`; returns
/// the version.
/// Holds the case's row until the transaction ends, so that two writers that number the
/// case's rows (answer versions, advice seen) take turns instead of picking the same number.
pub(crate) async fn lock_case(tx: &mut Tx<'_>, case_id: &str) -> Result<(), StoreError> {
    sqlx::query(crate::LOCK_CASE)
        .bind(case_id)
        .execute(&mut **tx)
        .await
        .map_err(query_error)?;
    Ok(())
}

pub(crate) async fn add_answers_version(
    tx: &mut Tx<'_>,
    case_id: &str,
    answers: &str,
    actor: &Actor,
) -> Result<i64, StoreError> {
    lock_case(tx, case_id).await?;
    let (version,): (i64,) = sqlx::query_as(
        "select coalesce(max(version), 0) + 1 from answer_versions where case_id = $1",
    )
    .bind(case_id)
    .fetch_one(&mut **tx)
    .await
    .map_err(query_error)?;
    sqlx::query("insert into answer_versions (case_id, version, answers, saved_at, saved_by) values ($1, $2, $3, $4, $5)")
        .bind(case_id)
        .bind(version)
        .bind(answers)
        .bind(actor.now)
        .bind(&actor.user_id)
        .execute(&mut **tx)
        .await
        .map_err(query_error)?;
    audit(tx, case_id, actor, "answers.save", &version.to_string()).await?;
    Ok(version)
}

type AnswerRow = (String, i64, String, i64, String);

fn answer_version((case_id, version, answers, saved_at, saved_by): AnswerRow) -> AnswerVersion {
    AnswerVersion {
        case_id,
        version,
        answers,
        saved_at,
        saved_by,
    }
}

pub(crate) async fn latest_answers(
    pool: &Pool,
    case_id: &str,
) -> Result<Option<AnswerVersion>, StoreError> {
    let row: Option<AnswerRow> = sqlx::query_as(
        "select case_id, version, answers, saved_at, saved_by from answer_versions where case_id = $1 \
         order by version desc limit 1",
    )
    .bind(case_id)
    .fetch_optional(pool)
    .await
    .map_err(query_error)?;
    Ok(row.map(answer_version))
}

pub(crate) async fn answer_versions(
    pool: &Pool,
    case_id: &str,
) -> Result<Vec<AnswerVersion>, StoreError> {
    let rows: Vec<AnswerRow> = sqlx::query_as(
        "select case_id, version, answers, saved_at, saved_by from answer_versions where case_id = $1 order by version",
    )
    .bind(case_id)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    Ok(rows.into_iter().map(answer_version).collect())
}

type EventRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    String,
    i64,
    String,
);
/// The column list, as a macro so that queries stay `&'static str`.
macro_rules! event_columns {
    () => {
        "id, case_id, kind, date, title, notes, parties, version, created_by, updated_at, sets_date"
    };
}

fn event(
    (id, case_id, kind, date, title, notes, parties, version, created_by, updated_at, sets_date): EventRow,
) -> Event {
    Event {
        id,
        case_id,
        kind,
        date,
        title,
        notes,
        parties,
        version,
        created_by,
        updated_at,
        sets_date,
    }
}

pub(crate) async fn add_event(pool: &Pool, e: &Event, actor: &Actor) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    sqlx::query(concat!(
        "insert into events (",
        event_columns!(),
        ") values ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9, $10)"
    ))
    .bind(&e.id)
    .bind(&e.case_id)
    .bind(&e.kind)
    .bind(&e.date)
    .bind(&e.title)
    .bind(&e.notes)
    .bind(&e.parties)
    .bind(&actor.user_id)
    .bind(actor.now)
    .bind(&e.sets_date)
    .execute(&mut *tx)
    .await
    .map_err(query_error)?;
    audit(&mut tx, &e.case_id, actor, "event.add", &e.id).await?;
    commit(tx).await
}

pub(crate) async fn update_event(
    pool: &Pool,
    e: &Event,
    actor: &Actor,
) -> Result<Edit, StoreError> {
    let mut tx = begin(pool).await?;
    let done = sqlx::query(
        "update events set kind = $1, date = $2, title = $3, notes = $4, parties = $5, version = version + 1, \
         updated_at = $6, sets_date = $10 where id = $7 and case_id = $8 and version = $9",
    )
    .bind(&e.kind)
    .bind(&e.date)
    .bind(&e.title)
    .bind(&e.notes)
    .bind(&e.parties)
    .bind(actor.now)
    .bind(&e.id)
    .bind(&e.case_id)
    .bind(e.version)
    .bind(&e.sets_date)
    .execute(&mut *tx)
    .await
    .map_err(query_error)?;
    if done.rows_affected() == 1 {
        audit(&mut tx, &e.case_id, actor, "event.edit", &e.id).await?;
        commit(tx).await?;
        return Ok(Edit::Saved(e.version + 1));
    }
    let current: Option<EventRow> = sqlx::query_as(concat!(
        "select ",
        event_columns!(),
        " from events where id = $1 and case_id = $2"
    ))
    .bind(&e.id)
    .bind(&e.case_id)
    .fetch_optional(&mut *tx)
    .await
    .map_err(query_error)?;
    commit(tx).await?;
    Ok(match current {
        Some(row) => Edit::Conflict(Box::new(event(row))),
        None => Edit::Missing,
    })
}

pub(crate) async fn event_by_id(
    pool: &Pool,
    case_id: &str,
    event_id: &str,
) -> Result<Option<Event>, StoreError> {
    let row: Option<EventRow> = sqlx::query_as(concat!(
        "select ",
        event_columns!(),
        " from events where id = $1 and case_id = $2"
    ))
    .bind(event_id)
    .bind(case_id)
    .fetch_optional(pool)
    .await
    .map_err(query_error)?;
    Ok(row.map(event))
}

pub(crate) async fn events(pool: &Pool, case_id: &str) -> Result<Vec<Event>, StoreError> {
    let rows: Vec<EventRow> = sqlx::query_as(concat!(
        "select ",
        event_columns!(),
        " from events where case_id = $1 order by date, updated_at, id"
    ))
    .bind(case_id)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    Ok(rows.into_iter().map(event).collect())
}

pub(crate) type AttachmentRow = (String, String, String, String, String, i64, String, i64);

pub(crate) async fn attachments(pool: &Pool, case_id: &str) -> Result<Vec<Attachment>, StoreError> {
    let rows: Vec<AttachmentRow> = sqlx::query_as(
        "select id, case_id, event_id, file_name, media_type, size, sha256, created_at from attachments \
         where case_id = $1 order by created_at, id",
    )
    .bind(case_id)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    Ok(rows.into_iter().map(attachment_of).collect())
}

pub(crate) fn attachment_of(row: AttachmentRow) -> Attachment {
    let (id, case_id, event_id, file_name, media_type, size, sha256, created_at) = row;
    Attachment {
        id,
        case_id,
        event_id,
        file_name,
        media_type,
        size,
        sha256,
        created_at,
    }
}

pub(crate) async fn save_step_outcome(
    pool: &Pool,
    o: &StepOutcome,
    actor: &Actor,
) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    put_step_outcome(&mut tx, o, actor).await?;
    commit(tx).await
}

/// Writes or replaces the outcome of one step with its audit line, inside `tx`.
pub(crate) async fn put_step_outcome(
    tx: &mut Tx<'_>,
    o: &StepOutcome,
    actor: &Actor,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into step_outcomes (case_id, step_id, outcome, date, updated_at) values ($1, $2, $3, $4, $5) \
         on conflict (case_id, step_id) do update set outcome = excluded.outcome, date = excluded.date, \
         updated_at = excluded.updated_at",
    )
    .bind(&o.case_id)
    .bind(&o.step_id)
    .bind(&o.outcome)
    .bind(&o.date)
    .bind(o.updated_at)
    .execute(&mut **tx)
    .await
    .map_err(query_error)?;
    audit(tx, &o.case_id, actor, "step.outcome", &o.step_id).await
}

pub(crate) async fn step_outcomes(
    pool: &Pool,
    case_id: &str,
) -> Result<Vec<StepOutcome>, StoreError> {
    let rows: Vec<(String, String, String, Option<String>, i64)> = sqlx::query_as(
        "select case_id, step_id, outcome, date, updated_at from step_outcomes where case_id = $1 order by step_id",
    )
    .bind(case_id)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    Ok(rows
        .into_iter()
        .map(
            |(case_id, step_id, outcome, date, updated_at)| StepOutcome {
                case_id,
                step_id,
                outcome,
                date,
                updated_at,
            },
        )
        .collect())
}

type ShareRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    i64,
    Option<i64>,
    Option<i64>,
);
/// The column list, as a macro so that queries stay `&'static str`.
macro_rules! share_columns {
    () => {
        "id, case_id, email, role, user_id, token, created_at, expires_at, revoked_at"
    };
}

fn share(
    (id, case_id, email, role, user_id, token, created_at, expires_at, revoked_at): ShareRow,
) -> Result<Share, StoreError> {
    let role =
        Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("unknown role {role:?}")))?;
    Ok(Share {
        id,
        case_id,
        email,
        role,
        user_id,
        token,
        created_at,
        expires_at,
        revoked_at,
    })
}

pub(crate) async fn add_share(pool: &Pool, s: &Share, actor: &Actor) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    sqlx::query(concat!(
        "insert into shares (",
        share_columns!(),
        ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    ))
    .bind(&s.id)
    .bind(&s.case_id)
    .bind(&s.email)
    .bind(s.role.as_str())
    .bind(&s.user_id)
    .bind(&s.token)
    .bind(s.created_at)
    .bind(s.expires_at)
    .bind(s.revoked_at)
    .execute(&mut *tx)
    .await
    .map_err(query_error)?;
    audit(&mut tx, &s.case_id, actor, "share.add", &s.id).await?;
    commit(tx).await
}

pub(crate) async fn shares(pool: &Pool, case_id: &str) -> Result<Vec<Share>, StoreError> {
    let rows: Vec<ShareRow> = sqlx::query_as(concat!(
        "select ",
        share_columns!(),
        " from shares where case_id = $1 order by created_at, id"
    ))
    .bind(case_id)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    rows.into_iter().map(share).collect()
}

pub(crate) async fn share_by_token(pool: &Pool, token: &str) -> Result<Option<Share>, StoreError> {
    let row: Option<ShareRow> = sqlx::query_as(concat!(
        "select ",
        share_columns!(),
        " from shares where token = $1"
    ))
    .bind(token)
    .fetch_optional(pool)
    .await
    .map_err(query_error)?;
    row.map(share).transpose()
}

pub(crate) async fn accept_share(
    pool: &Pool,
    share_id: &str,
    actor: &Actor,
) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    let case: Option<(String,)> = sqlx::query_as(
        "update shares set user_id = $1 where id = $2 and user_id is null and revoked_at is null returning case_id",
    )
    .bind(&actor.user_id)
    .bind(share_id)
    .fetch_optional(&mut *tx)
    .await
    .map_err(query_error)?;
    if let Some((case_id,)) = case {
        audit(&mut tx, &case_id, actor, "share.accept", share_id).await?;
    }
    commit(tx).await
}

pub(crate) async fn revoke_share(
    pool: &Pool,
    case_id: &str,
    share_id: &str,
    actor: &Actor,
) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    sqlx::query(
        "update shares set revoked_at = $1 where id = $2 and case_id = $3 and revoked_at is null",
    )
    .bind(actor.now)
    .bind(share_id)
    .bind(case_id)
    .execute(&mut *tx)
    .await
    .map_err(query_error)?;
    audit(&mut tx, case_id, actor, "share.revoke", share_id).await?;
    commit(tx).await
}
