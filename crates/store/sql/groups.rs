//! The consent to combine procedures and the cases that have it, for both SQL backends
//! (compiled into each as its `groups` module, like `cases.rs`).

use store::{Actor, Case, ConsentedCase, Party, StoreError};

use super::Db;
use super::cases::{PartyRow, audit, begin, commit, party_of, query_error};
type Pool = sqlx::Pool<Db>;

/// The `GroupStore` impl of a backend; it forwards to this module.
macro_rules! impl_group_store {
    ($backend:ty) => {
        #[async_trait::async_trait]
        impl store::GroupStore for $backend {
            async fn set_combine_consent(
                &self,
                case_id: &str,
                consent: bool,
                actor: &store::Actor,
            ) -> Result<(), store::StoreError> {
                groups::set_combine_consent(&self.pool, case_id, consent, actor).await
            }
            async fn combine_consent(
                &self,
                case_id: &str,
            ) -> Result<Option<i64>, store::StoreError> {
                groups::combine_consent(&self.pool, case_id).await
            }
            async fn consented_cases(
                &self,
            ) -> Result<Vec<store::ConsentedCase>, store::StoreError> {
                let mut out = Vec::new();
                for c in groups::consented_cases(&self.pool).await? {
                    out.push(store::ConsentedCase {
                        case: self.keys.open(&self.pool, c.case).await?,
                        parties: {
                            let mut parties = self.keys.open_all(&self.pool, c.parties).await?;
                            // Sealed names do not sort in SQL.
                            parties.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
                            parties
                        },
                        given_at: c.given_at,
                    });
                }
                Ok(out)
            }
            async fn all_case_ids(&self) -> Result<Vec<String>, store::StoreError> {
                groups::all_case_ids(&self.pool).await
            }
        }
    };
}

pub(crate) async fn set_combine_consent(
    pool: &Pool,
    case_id: &str,
    consent: bool,
    actor: &Actor,
) -> Result<(), StoreError> {
    let mut tx = begin(pool).await?;
    if consent {
        sqlx::query(
            "insert into combine_consents (case_id, given_at, given_by) values ($1, $2, $3) \
             on conflict (case_id) do nothing",
        )
        .bind(case_id)
        .bind(actor.now)
        .bind(&actor.user_id)
        .execute(&mut *tx)
        .await
        .map_err(query_error)?;
        audit(&mut tx, case_id, actor, "combine.consent", "").await?;
    } else {
        sqlx::query("delete from combine_consents where case_id = $1")
            .bind(case_id)
            .execute(&mut *tx)
            .await
            .map_err(query_error)?;
        audit(&mut tx, case_id, actor, "combine.withdraw", "").await?;
    }
    commit(tx).await
}

pub(crate) async fn combine_consent(pool: &Pool, case_id: &str) -> Result<Option<i64>, StoreError> {
    let row: Option<(i64,)> =
        sqlx::query_as("select given_at from combine_consents where case_id = $1")
            .bind(case_id)
            .fetch_optional(pool)
            .await
            .map_err(query_error)?;
    Ok(row.map(|(at,)| at))
}

type Row = (String, String, String, i64, i64);

pub(crate) async fn consented_cases(pool: &Pool) -> Result<Vec<ConsentedCase>, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(
        "select c.id, c.owner_id, c.title, c.created_at, k.given_at from combine_consents k \
         join cases c on c.id = k.case_id order by k.given_at, c.id",
    )
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    let parties: Vec<PartyRow> = sqlx::query_as(
        "select p.id, p.case_id, p.name, p.role, p.contact, p.holiday_contact from parties p \
         join combine_consents k on k.case_id = p.case_id \
         where p.role in ('schoolbestuur', 'swv') order by p.case_id, p.name, p.id",
    )
    .fetch_all(pool)
    .await
    .map_err(query_error)?;
    let parties: Vec<Party> = parties.into_iter().map(party_of).collect();
    Ok(rows
        .into_iter()
        .map(
            |(id, owner_id, title, created_at, given_at)| ConsentedCase {
                parties: parties
                    .iter()
                    .filter(|p| p.case_id == id)
                    .cloned()
                    .collect(),
                case: Case {
                    id,
                    owner_id,
                    title,
                    created_at,
                },
                given_at,
            },
        )
        .collect())
}

pub(crate) async fn all_case_ids(pool: &Pool) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(String,)> = sqlx::query_as("select id from cases order by id")
        .fetch_all(pool)
        .await
        .map_err(query_error)?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}
