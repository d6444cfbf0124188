//! The organisation's members and help requests ([`store::OrgStore`]), for both SQL backends, in
//! the same way as `cases.rs`: each backend compiles this file as its `org` module with its own
//! `Db` type and calls [`impl_org_store!`]. Every change of a help request writes its audit line
//! in the same transaction.

use store::{Actor, HelpLevel, HelpRequest, OrgRole, StoreError, User};

use super::Db;
use super::cases::{audit, audit_change, begin, commit, query_error};
type Pool = sqlx::Pool<Db>;

/// The `OrgStore` impl of a backend; every method forwards to this module.
macro_rules! impl_org_store {
    ($backend:ty) => {
        #[async_trait::async_trait]
        impl store::OrgStore for $backend {
            async fn set_org_role(
                &self,
                user_id: &str,
                role: Option<store::OrgRole>,
                actor: &Actor,
            ) -> Result<(), StoreError> {
                org::set_org_role(&self.pool, user_id, role, actor).await
            }
            async fn org_role(&self, user_id: &str) -> Result<Option<store::OrgRole>, StoreError> {
                org::org_role(&self.pool, user_id).await
            }
            async fn org_members(&self) -> Result<Vec<(User, store::OrgRole)>, StoreError> {
                org::org_members(&self.pool).await
            }
            async fn create_help_request(
                &self,
                request: &store::HelpRequest,
                actor: &Actor,
            ) -> Result<(), StoreError> {
                let sealed = self.keys.seal(&self.pool, request).await?;
                org::create_help_request(&self.pool, &sealed, actor).await
            }
            async fn help_request(
                &self,
                id: &str,
            ) -> Result<Option<store::HelpRequest>, StoreError> {
                let row = org::help_request(&self.pool, id).await?;
                self.keys.open_option(&self.pool, row).await
            }
            async fn help_requests_of_case(
                &self,
                case_id: &str,
            ) -> Result<Vec<store::HelpRequest>, StoreError> {
                let rows = org::help_requests_of_case(&self.pool, case_id).await?;
                self.keys.open_all(&self.pool, rows).await
            }
            async fn open_help_requests(&self) -> Result<Vec<store::HelpRequest>, StoreError> {
                let rows = org::open_help_requests(&self.pool).await?;
                self.keys.open_all(&self.pool, rows).await
            }
            async fn open_help_requests_page(
                &self,
                offset: i64,
                limit: i64,
            ) -> Result<(Vec<store::HelpRequest>, i64), StoreError> {
                let (rows, total) = org::open_help_requests_page(&self.pool, offset, limit).await?;
                Ok((self.keys.open_all(&self.pool, rows).await?, total))
            }
            async fn help_requests_assigned_to(
                &self,
                user_id: &str,
            ) -> Result<Vec<store::HelpRequest>, StoreError> {
                let rows = org::help_requests_assigned_to(&self.pool, user_id).await?;
                self.keys.open_all(&self.pool, rows).await
            }
            async fn assign_help_request(
                &self,
                id: &str,
                volunteer_id: &str,
                actor: &Actor,
            ) -> Result<bool, StoreError> {
                org::assign_help_request(&self.pool, id, volunteer_id, actor).await
            }
            async fn set_help_level(
                &self,
                id: &str,
                level: store::HelpLevel,
                actor: &Actor,
            ) -> Result<bool, StoreError> {
                org::set_help_level(&self.pool, id, level, actor).await
            }
            async fn revoke_help_request(
                &self,
                id: &str,
                actor: &Actor,
            ) -> Result<bool, StoreError> {
                org::revoke_help_request(&self.pool, id, actor).await
            }
        }
    };
}

pub(crate) async fn set_org_role(
    pool: &Pool,
    user_id: &str,
    role: Option<OrgRole>,
    actor: &Actor,
) -> Result<(), StoreError> {
    match role {
        Some(role) => {
            sqlx::query(
                "insert into org_members (user_id, role, updated_at, updated_by) values ($1, $2, $3, $4) \
                 on conflict (user_id) do update set role = excluded.role, updated_at = excluded.updated_at, \
                 updated_by = excluded.updated_by",
            )
            .bind(user_id)
            .bind(role.as_str())
            .bind(actor.now)
            .bind(&actor.user_id)
            .execute(pool)
            .await
            .map_err(query_error)?;
        }
        None => {
            sqlx::query("delete from org_members where user_id = $1")
                .bind(user_id)
                .execute(pool)
                .await
                .map_err(query_error)?;
        }
    }
    Ok(())
}

fn org_role_of(text: &str) -> Result<OrgRole, StoreError> {
    OrgRole::parse(text).ok_or_else(|| StoreError::Corrupt(format!("unknown org role {text:?}")))
}

pub(crate) async fn org_role(pool: &Pool, user_id: &str) -> Result<Option<OrgRole>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("select role from org_members where user_id = $1")
        .bind(user_id)
        .fetch_optional(pool)
        .await
        .map_err(query_error)?;
    row.map(|(r,)| org_role_of(&r)).transpose()
}

pub(crate) async fn org_members(pool: &Pool) -> Result<Vec<(User, OrgRole)>, StoreError> {
    let rows: Vec<(String, String, String, Option<String>, i64, String)> = sqlx::query_as(
        "select u.id, u.email, u.password_hash, u.totp_secret, u.created_at, m.role \
         from org_members m join users u on u.id = m.user_id order by u.email_lower, u.id",
    )
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    rows.into_iter()
        .map(
            |(id, email, password_hash, totp_secret, created_at, role)| {
                let user = User {
                    id,
                    email,
                    password_hash,
                    totp_secret,
                    created_at,
                };
                Ok((user, org_role_of(&role)?))
            },
        )
        .collect()
}

type HelpRow = (
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    i64,
    Option<i64>,
    Option<i64>,
);
/// The column list, as a macro so that queries stay `&'static str`.
macro_rules! help_columns {
    () => {
        "id, case_id, requested_by, message, level, assigned_to, created_at, assigned_at, revoked_at"
    };
}

fn help_request_of(
    (id, case_id, requested_by, message, level, assigned_to, created_at, assigned_at, revoked_at): HelpRow,
) -> Result<HelpRequest, StoreError> {
    let level = HelpLevel::parse(&level)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown help level {level:?}")))?;
    Ok(HelpRequest {
        id,
        case_id,
        requested_by,
        message,
        level,
        assigned_to,
        created_at,
        assigned_at,
        revoked_at,
    })
}

pub(crate) async fn create_help_request(
    pool: &Pool,
    h: &HelpRequest,
    actor: &Actor,
) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    sqlx::query(concat!(
        "insert into help_requests (",
        help_columns!(),
        ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    ))
    .bind(&h.id)
    .bind(&h.case_id)
    .bind(&h.requested_by)
    .bind(&h.message)
    .bind(h.level.as_str())
    .bind(&h.assigned_to)
    .bind(h.created_at)
    .bind(h.assigned_at)
    .bind(h.revoked_at)
    .execute(&mut *tx)
    .await
    .map_err(query_error)?;
    audit(&mut tx, &h.case_id, actor, "help.request", &h.id).await?;
    commit(tx).await
}

pub(crate) async fn help_request(pool: &Pool, id: &str) -> Result<Option<HelpRequest>, StoreError> {
    let row: Option<HelpRow> = sqlx::query_as(concat!(
        "select ",
        help_columns!(),
        " from help_requests where id = $1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
    .map_err(query_error)?;
    row.map(help_request_of).transpose()
}

pub(crate) async fn help_requests_of_case(
    pool: &Pool,
    case_id: &str,
) -> Result<Vec<HelpRequest>, StoreError> {
    let rows: Vec<HelpRow> = sqlx::query_as(concat!(
        "select ",
        help_columns!(),
        " from help_requests where case_id = $1 order by created_at, id"
    ))
    .bind(case_id)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    rows.into_iter().map(help_request_of).collect()
}

pub(crate) async fn open_help_requests(pool: &Pool) -> Result<Vec<HelpRequest>, StoreError> {
    let rows: Vec<HelpRow> = sqlx::query_as(concat!(
        "select ",
        help_columns!(),
        " from help_requests where revoked_at is null order by created_at desc, id"
    ))
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    rows.into_iter().map(help_request_of).collect()
}

pub(crate) async fn open_help_requests_page(
    pool: &Pool,
    offset: i64,
    limit: i64,
) -> Result<(Vec<HelpRequest>, i64), StoreError> {
    let rows: Vec<HelpRow> = sqlx::query_as(concat!(
        "select ",
        help_columns!(),
        " from help_requests where revoked_at is null order by created_at desc, id \
         limit $1 offset $2"
    ))
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    let (total,): (i64,) =
        sqlx::query_as("select count(*) from help_requests where revoked_at is null")
            .fetch_one(pool)
            .await
            .map_err(query_error)?;
    Ok((
        rows.into_iter()
            .map(help_request_of)
            .collect::<Result<_, _>>()?,
        total,
    ))
}

pub(crate) async fn help_requests_assigned_to(
    pool: &Pool,
    user_id: &str,
) -> Result<Vec<HelpRequest>, StoreError> {
    let rows: Vec<HelpRow> = sqlx::query_as(concat!(
        "select ",
        help_columns!(),
        " from help_requests where assigned_to = $1 and revoked_at is null order by created_at desc, id"
    ))
    .bind(user_id)
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    rows.into_iter().map(help_request_of).collect()
}

pub(crate) async fn assign_help_request(
    pool: &Pool,
    id: &str,
    volunteer_id: &str,
    actor: &Actor,
) -> Result<bool, StoreError> {
    let mut tx = begin(pool).await?;
    let case: Option<String> = sqlx::query_scalar(
        "update help_requests set assigned_to = $1, assigned_at = $2 where id = $3 and revoked_at is null \
         returning case_id",
    )
    .bind(volunteer_id)
    .bind(actor.now)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await
    .map_err(query_error)?;
    // The subject names the volunteer too, so the log says who got access.
    let subject = format!("{id} {volunteer_id}");
    audit_change(tx, case.as_deref(), actor, "help.assign", &subject).await
}

pub(crate) async fn set_help_level(
    pool: &Pool,
    id: &str,
    level: HelpLevel,
    actor: &Actor,
) -> Result<bool, StoreError> {
    let mut tx = begin(pool).await?;
    let case: Option<String> = sqlx::query_scalar(
        "update help_requests set level = $1 where id = $2 and revoked_at is null returning case_id",
    )
    .bind(level.as_str())
    .bind(id)
    .fetch_optional(&mut *tx)
    .await
    .map_err(query_error)?;
    let subject = format!("{id} {}", level.as_str());
    audit_change(tx, case.as_deref(), actor, "help.level", &subject).await
}

pub(crate) async fn revoke_help_request(
    pool: &Pool,
    id: &str,
    actor: &Actor,
) -> Result<bool, StoreError> {
    let mut tx = begin(pool).await?;
    let case: Option<String> = sqlx::query_scalar(
        "update help_requests set revoked_at = $1 where id = $2 and revoked_at is null returning case_id",
    )
    .bind(actor.now)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await
    .map_err(query_error)?;
    audit_change(tx, case.as_deref(), actor, "help.revoke", id).await
}
