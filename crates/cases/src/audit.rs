//! The audit lines that are not a change: a read by someone other than the owner, an export.
//! Every change of a case writes its own line in the store, in the same transaction.

use store::{Actor, Store};

use crate::CaseError;

/// The whole case downloaded as one file.
pub const EXPORT: &str = "case.export";
/// The dossier downloaded as PDF.
pub const DOSSIER_PDF: &str = "case.dossier-pdf";
/// The dossier downloaded as ZIP with the attachments.
pub const DOSSIER_ZIP: &str = "case.dossier-zip";

/// Writes `action` for the case to its audit log.
pub async fn log(
    store: &dyn Store,
    case_id: &str,
    actor: &Actor,
    action: &str,
) -> Result<(), CaseError> {
    Ok(store.log_access(case_id, actor, action).await?)
}

/// A read of `what` (a page or file of the case) by someone who is not the owner.
pub async fn read(
    store: &dyn Store,
    case_id: &str,
    actor: &Actor,
    what: &str,
) -> Result<(), CaseError> {
    log(store, case_id, actor, &format!("read {what}")).await
}
