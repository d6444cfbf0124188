//! Reading a parent's own words ("mijn zoon zit al 5 weken thuis, school wil dat we 5a
//! aanvragen") into proposed answers to the intake questions, on our own machine: no outside
//! service, no model, only the patterns of `content/understanding.toml`.
//!
//! The steps are plain and each can be checked by hand: [`normalise`] the text (lowercase,
//! no accents, chat spellings), find each pattern's matches, drop a match in a negated clause
//! ("hij is NIET thuis"), turn it into a value (numbers, dates against today and the school
//! holidays), and settle conflicts: the longer match wins, and a question with two different
//! answers gets none. A place named in the text ("wij wonen in Zwolle") gives the school-holiday
//! region: it is proposed for the region question and resolves holiday words when the parent
//! has not chosen a region yet. Nothing here is an answer: the parent confirms each proposal.
//!
//! Pure: no HTTP, no SQL, no IO beyond reading the content file in [`load_dir`].

mod content;
mod dates;
pub mod normalise;
mod places;
mod read;

pub use content::{
    DATE, FILE_NAME, NUMBER, Pattern, Proposes, Understanding, load_dir, load_files, load_text,
};
pub use places::{Places, SPLIT};
pub use read::{MAX_CHARS, Proposal, Refused, Span};
