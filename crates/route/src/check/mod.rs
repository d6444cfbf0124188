//! Static checks on loaded content, run before any content is used.
//!
//! References resolve, conditions fit their question types, every advice item cites a source,
//! and the intake is walked through every distinct path (see [`walk()`]) to prove that each
//! question can be reached, that every path ends in advice, and that no two rules that can hold
//! together both claim the current step without an explicit order.
//!
//! The checks only read a [`Knowledge`]; the loader runs them after parsing.

mod conditions;
mod conversations;
mod coverage;
mod dependencies;
mod figures;
mod items;
mod letters;
mod questions;
mod rules;
mod sources;
mod steps;
mod walk;

use crate::error::ContentError;
use crate::model::{Knowledge, Loc};

pub use coverage::{Coverage, coverage};
pub use items::article_links;
pub use walk::{Walk, walk};

/// Every problem in the content. Empty means the content can be used.
pub fn check(k: &Knowledge) -> Vec<ContentError> {
    let mut errors = check_without_walk(k);
    if errors.is_empty() {
        errors.extend(walk(k).errors);
    }
    errors
}

/// Every problem except those only the intake walk finds (unreachable questions, paths without
/// advice, unordered current rules). The walk can take seconds; a server that starts often on
/// content that already passed [`check`] may use this instead.
pub fn check_without_walk(k: &Knowledge) -> Vec<ContentError> {
    let mut c = Checker {
        k,
        errors: Vec::new(),
    };
    c.sources_and_claims();
    c.questions();
    c.derived();
    c.steps();
    c.rules();
    c.items();
    c.figures();
    c.conversations();
    c.errors
}

struct Checker<'k> {
    k: &'k Knowledge,
    errors: Vec<ContentError>,
}

impl Checker<'_> {
    fn err(&mut self, loc: &Loc, msg: impl Into<String>) {
        self.errors.push(ContentError::at(loc, msg));
    }

    /// Every `{{id}}` in a text names a question or derived value.
    fn placeholders(&mut self, loc: &Loc, what: &str, text: &str) {
        for id in crate::fill::placeholders(text) {
            if self.k.value_type(id).is_none() {
                self.err(loc, format!("{what}: the text names {{{{{id}}}}}, which is not a question or derived value"));
            }
        }
    }

    fn refs(
        &mut self,
        loc: &Loc,
        what: &str,
        kind: &str,
        ids: &[String],
        exists: impl Fn(&str) -> bool,
    ) {
        for id in ids {
            if !exists(id) {
                self.err(loc, format!("{what}: unknown {kind} '{id}'"));
            }
        }
    }
}
