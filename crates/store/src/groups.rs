//! Combined procedures: a parent may allow the organisation to put their case in a group with
//! other cases against the same school board or samenwerkingsverband, so that a lawyer can
//! combine procedures. Only the coordinator sees such a group; no family sees another's data.
//!
//! The consent is a row per case, given or withdrawn only by the owner, each time with an audit
//! line in the same transaction (`combine.consent`, `combine.withdraw`). Withdrawing deletes the
//! row, so a withdrawn case can never show up in a group; the audit log keeps the history.

use async_trait::async_trait;

use crate::{Actor, Case, Party, StoreError};

/// A case whose owner allows combining, with its school boards and samenwerkingsverbanden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentedCase {
    pub case: Case,
    /// When the owner gave the consent (unix seconds).
    pub given_at: i64,
    /// The parties of role `schoolbestuur` or `swv`.
    pub parties: Vec<Party>,
}

#[async_trait]
pub trait GroupStore: Send + Sync {
    /// Gives (`true`) or withdraws (`false`) the consent to combine for a case, with an audit
    /// line. Giving it again keeps the first date; withdrawing without consent changes nothing
    /// but is still written to the audit log, as the owner did act.
    async fn set_combine_consent(
        &self,
        case_id: &str,
        consent: bool,
        actor: &Actor,
    ) -> Result<(), StoreError>;
    /// When the consent was given, or `None` when there is none.
    async fn combine_consent(&self, case_id: &str) -> Result<Option<i64>, StoreError>;
    /// Every case with consent, oldest consent first, with its `schoolbestuur` and `swv`
    /// parties.
    async fn consented_cases(&self) -> Result<Vec<ConsentedCase>, StoreError>;
    /// The id of every case, for the anonymous figures (which count all cases).
    async fn all_case_ids(&self) -> Result<Vec<String>, StoreError>;
}
