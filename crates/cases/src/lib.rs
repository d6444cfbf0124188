//! The case domain: what a parent's case file is and what may be done with it, without HTTP,
//! HTML or SQL. The web pages and a JSON API call this crate; it reaches the data only through
//! the [`store::Store`] trait.
//!
//! - [`access`]: who may do what with a case: one [`access::Action`] per thing a person can do,
//!   each needing one [`store::Role`], checked by [`access::open`] for every request;
//! - [`answers`]: the intake answers as a case (or a session) keeps them, and the situation
//!   they make;
//! - [`advice`]: the situation of a stored case with the dates its events set, and its advice;
//! - [`outcomes`]: recording how a route step went, and the answer version it makes;
//! - [`people`]: the children and parties of a case;
//! - [`events`]: the timeline: checking, adding and editing events;
//! - [`conversation`]: the goal for a conversation of the route and how it went, on the
//!   timeline, with the step's outcome;
//! - [`attachments`]: files on events: accepted types, size, storage, reading back;
//! - [`sharing`]: invitations for advocates, accepting and revoking them;
//! - [`help`]: help requests to the organisation, which give a member a role in the case;
//! - [`consent`]: the parent's consent to combine procedures;
//! - [`lifecycle`]: making a case, deleting it (alone or with the account) and its files;
//! - [`export`]: the whole case as one file, and back;
//! - [`audit`]: the audit lines that reads and exports write (changes write their own, in the
//!   store's transaction);
//! - [`reference`]: the short case number people can quote.

pub mod access;
pub mod advice;
pub mod answers;
pub mod attachments;
pub mod audit;
pub mod consent;
pub mod conversation;
mod error;
pub mod events;
pub mod export;
pub mod help;
pub mod lifecycle;
pub mod outcomes;
pub mod people;
pub mod reference;
pub mod sharing;

pub use error::CaseError;

/// The current time in unix seconds, as every row and audit line keeps it.
pub fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

/// A date as a person typed it, the Dutch way (`1-3-2027`, `1 maart 2027`, ISO...; see
/// [`calendar::parse_typed_date`]). Dates are stored as ISO whatever way they were typed.
pub fn parse_date(text: &str) -> Result<jiff::civil::Date, calendar::TypedDateError> {
    calendar::parse_typed_date(text)
}
