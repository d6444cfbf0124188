//! Changing and removing the children and parties of a case. Each write is one transaction with
//! its audit line. A removed party also leaves the party lists of the case's events, so that no
//! event points at a party that is gone.

use async_trait::async_trait;

use crate::{Actor, Child, Party, StoreError};

#[async_trait]
pub trait CaseEditStore: Send + Sync {
    /// Saves the changed child when it is in `child.case_id`; false (and nothing written) when
    /// the case has no such child, for example because someone removed it meanwhile.
    async fn update_child(&self, child: &Child, actor: &Actor) -> Result<bool, StoreError>;
    /// Removes the child from the case; false when the case has no such child.
    async fn delete_child(
        &self,
        case_id: &str,
        child_id: &str,
        actor: &Actor,
    ) -> Result<bool, StoreError>;
    /// Saves the changed party when it is in `party.case_id`; false when the case has no such
    /// party.
    async fn update_party(&self, party: &Party, actor: &Actor) -> Result<bool, StoreError>;
    /// Removes the party from the case and from the party lists of its events (their versions
    /// stay, since what the author wrote did not change); false when the case has no such party.
    async fn delete_party(
        &self,
        case_id: &str,
        party_id: &str,
        actor: &Actor,
    ) -> Result<bool, StoreError>;
}
