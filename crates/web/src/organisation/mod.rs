//! The organisation of volunteers and coordinators: members and their roles (`members`, with
//! the [`members::OrgUser`] extractor), help requests from parents and the summary a volunteer
//! reads (`help`), the caseload with its deadlines and calendar feed (`caseload`, `feed`),
//! deadline reminders (`reminders`), figures with disclosure control (`figures`), and groups of
//! cases whose parents consented to combine procedures (`groups`).

mod case_ref;
pub mod caseload;
mod charts;
pub mod feed;
pub mod figures;
pub mod groups;
pub mod help;
pub mod members;
pub mod reminders;
