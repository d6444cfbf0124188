//! The short reference of a case in words, as every organisation list shows it
//! ([`cases::reference::code`]).

use crate::http::i18n::Tr;

/// "Dossiernummer 3F2A-91C0".
pub fn label(i: Tr, case_id: &str) -> String {
    i.t1("case-ref", "ref", cases::reference::code(case_id))
}
