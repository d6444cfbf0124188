//! A case from its start to its end: made by a parent (empty, or with the intake they just
//! did), and deleted for good with everything in it and its files, alone or with the account.

use store::{Actor, Case, Store, new_id};

use crate::CaseError;
use crate::answers::Stored;

/// The longest title kept.
const MAX_TITLE: usize = 200;

/// Makes a case owned by the acting account, titled `title` (cut to 200 characters; the
/// caller gives the default when it is empty), with `intake` as its first answer version when
/// there is one.
pub async fn create(
    store: &dyn Store,
    title: &str,
    intake: Option<&Stored>,
    actor: &Actor,
) -> Result<Case, CaseError> {
    let case = Case {
        id: new_id(),
        owner_id: actor.user_id.clone(),
        title: title.chars().take(MAX_TITLE).collect(),
        created_at: actor.now,
    };
    store.create_case(&case, actor).await?;
    if let Some(stored) = intake.filter(|s| !s.is_empty()) {
        store
            .save_answers(&case.id, &stored.to_case_json(), actor)
            .await?;
    }
    Ok(case)
}

/// Deletes the case, everything in it and its files.
pub async fn delete(store: &dyn Store, case_id: &str) -> Result<(), CaseError> {
    store.delete_case(case_id).await?;
    Ok(())
}

/// Deletes an account with its cases and their files.
pub async fn delete_account(store: &dyn Store, user_id: &str) -> Result<(), CaseError> {
    store.delete_user(user_id).await?;
    Ok(())
}
