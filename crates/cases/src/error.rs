//! Why a case operation failed for a reason the person cannot fix by changing what they typed.
//! Mistakes in input are not errors here: each operation returns its own refusal type for them.

/// A failure of the store or of the attachment folder.
#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    #[error(transparent)]
    Store(#[from] store::StoreError),
    /// An attachment's bytes could not be written or read.
    #[error("attachment file of case {case_id}: {source}")]
    File {
        case_id: String,
        #[source]
        source: std::io::Error,
    },
    /// A case file could not be written (export).
    #[error("cannot write the case file: {0}")]
    Export(String),
}
