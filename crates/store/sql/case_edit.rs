//! Changing and removing children and parties, for both SQL backends (see `cases.rs` for why
//! each backend compiles this file itself). The `where case_id` in every statement keeps a
//! write inside the case the caller was authorised for.

use store::{Actor, Child, Party, StoreError};

use super::Db;
use crate::cases::{audit, audit_change, begin, commit, query_error};
type Pool = sqlx::Pool<Db>;

/// The `CaseEditStore` impl of a backend; every method forwards to this module.
macro_rules! impl_case_edit_store {
    ($backend:ty) => {
        #[async_trait::async_trait]
        impl store::CaseEditStore for $backend {
            async fn update_child(
                &self,
                child: &store::Child,
                actor: &store::Actor,
            ) -> Result<bool, store::StoreError> {
                let sealed = self.keys.seal(&self.pool, child).await?;
                case_edit::update_child(&self.pool, &sealed, actor).await
            }
            async fn delete_child(
                &self,
                case_id: &str,
                child_id: &str,
                actor: &store::Actor,
            ) -> Result<bool, store::StoreError> {
                case_edit::delete_child(&self.pool, case_id, child_id, actor).await
            }
            async fn update_party(
                &self,
                party: &store::Party,
                actor: &store::Actor,
            ) -> Result<bool, store::StoreError> {
                let sealed = self.keys.seal(&self.pool, party).await?;
                case_edit::update_party(&self.pool, &sealed, actor).await
            }
            async fn delete_party(
                &self,
                case_id: &str,
                party_id: &str,
                actor: &store::Actor,
            ) -> Result<bool, store::StoreError> {
                case_edit::delete_party(&self.pool, case_id, party_id, actor).await
            }
        }
    };
}

pub(crate) async fn update_child(
    pool: &Pool,
    c: &Child,
    actor: &Actor,
) -> Result<bool, StoreError> {
    let mut tx = begin(pool).await?;
    let done = sqlx::query(
        "update children set name = $1, birth_year = $2, school_type = $3, school_level = $4 \
         where id = $5 and case_id = $6",
    )
    .bind(&c.name)
    .bind(c.birth_year)
    .bind(&c.school_type)
    .bind(&c.school_level)
    .bind(&c.id)
    .bind(&c.case_id)
    .execute(&mut *tx)
    .await
    .map_err(query_error)?;
    let changed = done.rows_affected() > 0;
    audit_change(
        tx,
        changed.then_some(c.case_id.as_str()),
        actor,
        "child.edit",
        &c.id,
    )
    .await
}

pub(crate) async fn delete_child(
    pool: &Pool,
    case_id: &str,
    child_id: &str,
    actor: &Actor,
) -> Result<bool, StoreError> {
    let mut tx = begin(pool).await?;
    let done = sqlx::query("delete from children where id = $1 and case_id = $2")
        .bind(child_id)
        .bind(case_id)
        .execute(&mut *tx)
        .await
        .map_err(query_error)?;
    let changed = done.rows_affected() > 0;
    audit_change(
        tx,
        changed.then_some(case_id),
        actor,
        "child.delete",
        child_id,
    )
    .await
}

pub(crate) async fn update_party(
    pool: &Pool,
    p: &Party,
    actor: &Actor,
) -> Result<bool, StoreError> {
    let mut tx = begin(pool).await?;
    let done = sqlx::query(
        "update parties set name = $1, role = $2, contact = $3, holiday_contact = $4 \
         where id = $5 and case_id = $6",
    )
    .bind(&p.name)
    .bind(&p.role)
    .bind(&p.contact)
    .bind(&p.holiday_contact)
    .bind(&p.id)
    .bind(&p.case_id)
    .execute(&mut *tx)
    .await
    .map_err(query_error)?;
    let changed = done.rows_affected() > 0;
    audit_change(
        tx,
        changed.then_some(p.case_id.as_str()),
        actor,
        "party.edit",
        &p.id,
    )
    .await
}

/// A comma-separated party list without one id.
fn without(list: &str, id: &str) -> String {
    list.split(',')
        .filter(|p| !p.is_empty() && *p != id)
        .collect::<Vec<_>>()
        .join(",")
}

pub(crate) async fn delete_party(
    pool: &Pool,
    case_id: &str,
    party_id: &str,
    actor: &Actor,
) -> Result<bool, StoreError> {
    let mut tx = begin(pool).await?;
    let done = sqlx::query("delete from parties where id = $1 and case_id = $2")
        .bind(party_id)
        .bind(case_id)
        .execute(&mut *tx)
        .await
        .map_err(query_error)?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    // The lists are short text; reading them and writing back the changed ones is the same SQL
    // on both backends.
    let events: Vec<(String, String)> =
        sqlx::query_as("select id, parties from events where case_id = $1")
            .bind(case_id)
            .fetch_all(&mut *tx)
            .await
            .map_err(query_error)?;
    for (event_id, parties) in events {
        let kept = without(&parties, party_id);
        if kept != parties {
            sqlx::query("update events set parties = $1 where id = $2 and case_id = $3")
                .bind(&kept)
                .bind(&event_id)
                .bind(case_id)
                .execute(&mut *tx)
                .await
                .map_err(query_error)?;
        }
    }
    audit(&mut tx, case_id, actor, "party.delete", party_id).await?;
    commit(tx).await?;
    Ok(true)
}
