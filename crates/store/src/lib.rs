//! Persistence behind one small trait, so that the web app does not know which database it runs
//! on. `store-sqlite` implements it today; a Postgres crate can implement the same trait later
//! (the pattern of a trait crate with one crate per backend, as in atuin).
//!
//! For now the store holds server-side sessions only: the intake answers of a visitor without an
//! account. Accounts and cases will be added as further methods on [`Store`].
//!
//! [`SessionBackend`] adapts any [`Store`] to `tower_sessions::SessionStore`.

mod error;
mod session;

pub use error::StoreError;
pub use session::{SessionBackend, SessionRow};

use async_trait::async_trait;

/// Everything the app keeps. Every method is one statement or transaction on the backend.
#[async_trait]
pub trait Store: std::fmt::Debug + Send + Sync + 'static {
    /// Inserts a new session; returns false (and writes nothing) when the id is already taken.
    async fn insert_session(&self, row: &SessionRow) -> Result<bool, StoreError>;
    /// Inserts or replaces a session.
    async fn save_session(&self, row: &SessionRow) -> Result<(), StoreError>;
    /// The session with this id, if it exists and has not expired at `now` (unix seconds).
    async fn load_session(&self, id: &str, now: i64) -> Result<Option<SessionRow>, StoreError>;
    async fn delete_session(&self, id: &str) -> Result<(), StoreError>;
    /// Deletes every session that expired before `now`; returns how many.
    async fn delete_expired_sessions(&self, now: i64) -> Result<u64, StoreError>;
    /// A cheap round trip, for the health endpoint.
    async fn ping(&self) -> Result<(), StoreError>;
}
