//! The Routewijzer core: the escalation route as knowledge, and the engine that evaluates it.
//!
//! Knowledge is data: [`load`] reads `content/` into a [`Knowledge`] and refuses it with
//! `file:line: message` errors when [`check`] finds a problem. The engine is code and knows no
//! organisation, step or term by name:
//! - [`intake::next_question`] gives the next question for a set of answers;
//! - [`advice::advise`] turns a [`Situation`] into the personal route, with for every item the
//!   rule that put it there, the answers that rule used, and its sources.
//!
//! Nothing here does HTTP or SQL; the only IO is reading the content folder in [`load::load_dir`].
//!
//! ```no_run
//! let k = route::load::load_dir("content".as_ref()).expect("valid content");
//! let s = route::situation::from_toml(&k, "today = 2027-06-20").expect("valid situation");
//! let advice = route::advice::advise(&k, &s);
//! println!("current step: {}", advice.current);
//! ```

pub mod advice;
pub mod check;
pub mod condition;
pub mod deadlines_ics;
mod error;
pub mod fill;
pub mod graph;
pub mod intake;
pub mod letter;
pub mod load;
pub mod model;
mod parse;
pub mod report;
pub mod situation;

pub use advice::{Advice, advise};
pub use error::ContentError;
pub use load::load_dir;
pub use model::Knowledge;
pub use situation::Situation;
