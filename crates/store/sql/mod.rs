//! The SQL both backends share. `store-sqlite` and `store-postgres` each compile this folder as
//! their `sql` module, with their own `Db` type, and call [`impl_stores!`] once (see `cases.rs`
//! for why this is not one generic implementation).

#[macro_use]
pub(crate) mod cases;
pub(crate) mod advice_seen;
#[macro_use]
pub(crate) mod api_tokens;
pub(crate) mod attachment_bytes;
pub(crate) mod keys;
#[macro_use]
pub(crate) mod case_edit;
#[macro_use]
pub(crate) mod groups;
#[macro_use]
pub(crate) mod org;
#[macro_use]
pub(crate) mod outcome;
#[macro_use]
pub(crate) mod reminders;
pub(crate) mod sessions;
#[macro_use]
pub(crate) mod throttle;

use super::Db;

/// Every store trait on a backend; each method forwards to the module named in the comment.
macro_rules! impl_stores {
    ($backend:ty) => {
        // Sessions, accounts, logins and case files (sessions.rs and cases.rs).
        impl_store!($backend);
        // The organisation's members and help requests (org.rs).
        impl_org_store!($backend);
        // Feed tokens and deadline reminders (reminders.rs).
        impl_reminder_store!($backend);
        // A step outcome with its answers in one transaction (outcome.rs).
        impl_outcome_store!($backend);
        // Failed-login counts (throttle.rs).
        impl_throttle_store!($backend);
        // The consent to combine procedures (groups.rs).
        impl_group_store!($backend);
        // Changing and removing children and parties (case_edit.rs).
        impl_case_edit_store!($backend);
        // Personal access tokens of the JSON API (api_tokens.rs).
        impl_api_token_store!($backend);
    };
}
