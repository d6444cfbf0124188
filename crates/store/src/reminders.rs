//! Deadline reminders and the calendar feed of an advocate.
//!
//! A feed token is the secret in a calendar address (`/agenda/{token}.ics`) that a calendar app
//! polls without logging in; only the hash of the secret is kept, and a revoked token stops
//! working at once. A parent switches reminder mails on per case (off until they do). Every
//! reminder is recorded under a unique key before it is sent, so that each one is sent exactly
//! once even when two servers share the database.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::{Actor, StoreError};

/// A calendar-feed address of an account, without its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedToken {
    pub id: String,
    pub user_id: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

/// What makes one reminder mail: the deadline of a term in a case, the account it goes to, and
/// how many days before the deadline it is meant for (7 or 1).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReminderKey {
    pub case_id: String,
    pub term_id: String,
    /// The deadline, ISO `YYYY-MM-DD`: a moved deadline is a new one and gets its own reminders.
    pub deadline: String,
    pub user_id: String,
    pub lead_days: i64,
}

#[async_trait]
pub trait ReminderStore: Send + Sync {
    /// Keeps a new feed address of `token.user_id`; only `token_hash` of its secret is stored.
    async fn create_feed_token(
        &self,
        token: &FeedToken,
        token_hash: &str,
    ) -> Result<(), StoreError>;
    /// The account of the feed whose secret has this hash, unless the feed was revoked.
    async fn feed_token_user(&self, token_hash: &str) -> Result<Option<String>, StoreError>;
    /// Ends a feed of this account at `now`. False when the account has no such live feed.
    async fn revoke_feed_token(
        &self,
        user_id: &str,
        token_id: &str,
        now: i64,
    ) -> Result<bool, StoreError>;
    /// The feeds of an account, revoked ones too, newest first.
    async fn feed_tokens(&self, user_id: &str) -> Result<Vec<FeedToken>, StoreError>;

    /// Switches the owner's reminder mails for a case on or off, with an audit line
    /// (`reminders.on` / `reminders.off`) in the same transaction.
    async fn set_reminders(&self, case_id: &str, on: bool, actor: &Actor)
    -> Result<(), StoreError>;
    /// Whether the owner of the case asked for reminder mails.
    async fn reminders_on(&self, case_id: &str) -> Result<bool, StoreError>;
    /// The ids of the cases that may need reminder mails at `now`: the owner asked for them, or
    /// an advocate has an accepted share that is not revoked or expired.
    async fn reminder_cases(&self, now: i64) -> Result<Vec<String>, StoreError>;
    /// The accounts with an accepted, unrevoked, unexpired share of the case at `now`.
    async fn share_holders(&self, case_id: &str, now: i64) -> Result<Vec<String>, StoreError>;
    /// Records a reminder as sent unless it was before; true when this call recorded it (and so
    /// the caller should send it).
    async fn record_reminder(&self, key: &ReminderKey, sent_at: i64) -> Result<bool, StoreError>;
    /// Removes the record of a reminder that could not be sent, so that a later run tries again.
    async fn forget_reminder(&self, key: &ReminderKey) -> Result<(), StoreError>;
}
