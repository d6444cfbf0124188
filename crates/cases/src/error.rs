//! Why a case operation failed for a reason the person cannot fix by changing what they typed.
//! Mistakes in input are not errors here: each operation returns its own refusal type for them.

/// A failure of the store, or of the old attachment folder while its files move into the store.
#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    #[error(transparent)]
    Store(#[from] store::StoreError),
    /// A file of the old attachment folder could not be read.
    #[error("attachment file of case {case_id}: {source}")]
    File {
        case_id: String,
        #[source]
        source: std::io::Error,
    },
    /// An attachment's row is there but a chunk of its bytes is not.
    #[error("attachment {attachment_id} of case {case_id} misses part of its bytes")]
    MissingBytes {
        case_id: String,
        attachment_id: String,
    },
    /// A stored answers version that does not parse.
    #[error("the stored answers of case {case_id} cannot be read: {why}")]
    BadAnswers { case_id: String, why: String },
    /// A recorded advice (see `advice::Summary`) that does not parse.
    #[error("a recorded advice of case {case_id} cannot be read: {why}")]
    BadAdvice { case_id: String, why: String },
    /// A case file could not be written (export).
    #[error("cannot write the case file: {0}")]
    Export(String),
}
