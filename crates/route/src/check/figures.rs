//! `[figures]`: the values the organisation's figures count exist, have the right type, and
//! name options their questions have.

use super::Checker;
use crate::model::{Named, QuestionType};

impl Checker<'_> {
    /// `[figures]` names values of the right type and options of its questions.
    pub(super) fn figures(&mut self) {
        let Some(f) = &self.k.figures else {
            return;
        };
        for w in &f.weeks_at_home {
            self.figure_value(w, "weeks-at-home", QuestionType::Number);
        }
        if let Some(t) = &f.school_type {
            self.figure_question(t, "school-type");
        }
        if let Some(e) = &f.exemption {
            if self.figure_question(&e.status, "exemption status") {
                for (o, key) in [(&e.proposed, "proposed"), (&e.granted, "granted")] {
                    self.figure_option(&e.status, o, key);
                }
            }
            if self.figure_question(&e.kind, "exemption kind") {
                for (o, key) in [
                    (&e.art_5a, "art-5a"),
                    (&e.art_11g, "art-11g"),
                    (&e.art_11d, "art-11d"),
                ] {
                    self.figure_option(&e.kind, o, key);
                }
            }
        }
        if let Some(m) = &f.maatwerk
            && self.figure_question(&m.question, "maatwerk question")
        {
            self.figure_option(&m.question, &m.is, "maatwerk is");
        }
    }

    /// A `[figures]` id names a question or derived value of type `kind`.
    fn figure_value(&mut self, n: &Named, key: &str, kind: QuestionType) -> bool {
        match self.k.value_type(&n.name) {
            None => self.err(
                &n.loc,
                format!(
                    "figures {key}: '{}' is not a question or derived value",
                    n.name
                ),
            ),
            Some(t) if t != kind => self.err(
                &n.loc,
                format!(
                    "figures {key}: '{}' is a {t} value; name one of type \"{kind}\"",
                    n.name
                ),
            ),
            Some(_) => return true,
        }
        false
    }

    /// A `[figures]` id names a choice question (whose options the figures count).
    fn figure_question(&mut self, n: &Named, key: &str) -> bool {
        if self.k.question(&n.name).is_none() && self.k.derived_value(&n.name).is_some() {
            self.err(
                &n.loc,
                format!(
                    "figures {key}: '{}' is a derived value; name a question with type = \"choice\"",
                    n.name
                ),
            );
            return false;
        }
        self.figure_value(n, key, QuestionType::Choice)
    }

    /// A `[figures]` value is an option of the question it belongs to.
    fn figure_option(&mut self, question: &Named, value: &Named, key: &str) {
        let known = self
            .k
            .question(&question.name)
            .is_some_and(|q| q.has_option(&value.name));
        if !known {
            self.err(
                &value.loc,
                format!(
                    "figures {key}: '{}' is not an option of '{}'",
                    value.name, question.name
                ),
            );
        }
    }
}
