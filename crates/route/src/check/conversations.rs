//! Conversation preparations (`[[conversation]]`): each belongs to a step that exists, cites
//! sources that exist (for the whole and for who may come along), and has questions to ask and
//! a reminder to ask for a report.

use super::Checker;

/// The most questions one conversation lists: more is no longer a list to take along.
const MAX_QUESTIONS: usize = 8;

impl Checker<'_> {
    pub(super) fn conversations(&mut self) {
        let k = self.k;
        for c in &k.conversations {
            let what = format!("conversation for step '{}'", c.step);
            if k.step(&c.step).is_none() {
                self.err(&c.loc, format!("{what}: unknown step '{}'", c.step));
            }
            self.citation(&c.loc, &what, &c.cite, true);
            if !c.company.is_empty() {
                let company = format!("{what}, company-sources");
                self.citation(&c.loc, &company, &c.company_cite, true);
            }
            if c.questions.is_empty() || c.questions.len() > MAX_QUESTIONS {
                self.err(
                    &c.loc,
                    format!(
                        "{what}: give 1 to {MAX_QUESTIONS} questions (found {})",
                        c.questions.len()
                    ),
                );
            }
            let empty = |s: &String| s.trim().is_empty();
            if empty(&c.with) || empty(&c.purpose) || empty(&c.report) {
                self.err(
                    &c.loc,
                    format!("{what}: with, purpose and report must not be empty"),
                );
            }
            if c.questions
                .iter()
                .chain(&c.company)
                .chain(&c.bring)
                .any(empty)
            {
                self.err(&c.loc, format!("{what}: a list holds an empty line"));
            }
        }
    }
}
