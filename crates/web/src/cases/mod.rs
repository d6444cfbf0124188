//! The case file's pages: the list of a parent's cases (`list`), a case's page (`page`), its
//! timeline (`events`), step outcomes and answer versions (`steps`, `versions`), children and
//! parties (`people`), the preparation of a conversation of the route and how it went
//! (`conversation`), the dossier for an onderwijsconsulent or lawyer (`dossier`), and export
//! and deletion (`export`). The rules are in the `cases` crate; every route under
//! `/dossiers/{case}` is authorised by [`crate::http::case_access::CaseAccess`].

pub mod conversation;
pub mod dossier;
pub mod events;
pub mod export;
pub mod list;
pub mod page;
pub mod people;
pub mod steps;
pub mod versions;
