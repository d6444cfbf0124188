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
    /// The master key is missing, of the wrong size or not the key of this database.
    #[error("{0}")]
    Key(String),
    /// Sealed data of a case that does not open (wrong key, a changed or damaged row).
    #[error(
        "the sealed data of case {case_id} does not open ({what}); it was changed, damaged or sealed with another key"
    )]
    Sealed { case_id: String, what: String },
    /// Stored data that cannot be read back.
    #[error("stored data cannot be read: {0}")]
    Corrupt(String),
}
