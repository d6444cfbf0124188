//! Failed-login counts in the database, so that every process on one database (several app
//! servers on one PostgreSQL) counts the same failures, and a restart does not reset them.
//!
//! A key (an account's e-mail address, or a client's address) has a window that starts at its
//! first failure and lasts `window` seconds; failures after it start a new window.

use async_trait::async_trait;

use crate::StoreError;

#[async_trait]
pub trait ThrottleStore: Send + Sync {
    /// How many failed logins `key` has in its window at `now` (0 when its window has ended).
    async fn login_failures(&self, key: &str, now: i64, window: i64) -> Result<u32, StoreError>;
    /// Counts one failed login for `key` at `now`; returns the count in its window, this one
    /// included. Windows that ended before `now` are removed on the way.
    async fn add_login_failure(&self, key: &str, now: i64, window: i64) -> Result<u32, StoreError>;
    /// Forgets the failures of `key` (after a good login).
    async fn clear_login_failures(&self, key: &str) -> Result<(), StoreError>;
}
