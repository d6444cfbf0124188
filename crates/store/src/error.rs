//! The one error type of the store.

/// A store operation that failed. The message says what was being done.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened or prepared (for example a data folder without write
    /// permission).
    #[error("cannot open the database: {0}")]
    Open(String),
    /// A query failed.
    #[error("database error: {0}")]
    Query(String),
    /// A unique value that is already in use (an e-mail address that has an account).
    #[error("already in use: {0}")]
    Taken(String),
    /// Stored data that cannot be read back.
    #[error("stored data cannot be read: {0}")]
    Corrupt(String),
}
