//! Conditions against the values they test: each test fits the type of the value it names, and
//! a choice value is one of the question's options.

use super::Checker;
use crate::condition::{Condition, Scalar, Test};
use crate::model::{Loc, QuestionType};

impl Checker<'_> {
    /// Type-checks a condition against the questions and derived values it names.
    pub(super) fn condition(&mut self, loc: &Loc, what: &str, c: &Condition) {
        for (id, test) in c.tests() {
            let Some(kind) = self.k.value_type(id) else {
                self.err(
                    loc,
                    format!("{what}: unknown question or derived value '{id}'"),
                );
                continue;
            };
            let fits = match (kind, test) {
                (_, Test::Answered(_)) => true,
                (QuestionType::Yesno, Test::Is(Scalar::Bool(_))) => true,
                (QuestionType::Choice, Test::Is(Scalar::Text(_)) | Test::In(_)) => true,
                (QuestionType::Multi, Test::Has(_) | Test::HasAny(_)) => true,
                (QuestionType::Number, t) => t.threshold().is_some(),
                _ => false,
            };
            if !fits {
                let allowed = match kind {
                    QuestionType::Yesno => "is = true or is = false, answered",
                    QuestionType::Choice => "is = \"value\", in = [...], answered",
                    QuestionType::Multi => "has = \"value\", has-any = [...], answered",
                    QuestionType::Number => "at-least, more-than, at-most, less-than, answered",
                    QuestionType::Date => "answered (compare dates through a derived weeks-since)",
                };
                self.err(
                    loc,
                    format!(
                        "{what}: '{}' does not fit '{id}', a {kind} value; allowed: {allowed}",
                        test.name()
                    ),
                );
                continue;
            }
            // Choice values must be options of the question.
            if let Some(q) = self.k.question(id) {
                let values: Vec<&String> = match test {
                    Test::Is(Scalar::Text(v)) | Test::Has(v) => vec![v],
                    Test::In(vs) | Test::HasAny(vs) => vs.iter().collect(),
                    _ => vec![],
                };
                for v in values {
                    if !q.has_option(v) {
                        let options: Vec<&str> =
                            q.options.iter().map(|o| o.value.as_str()).collect();
                        self.err(
                            loc,
                            format!(
                                "{what}: '{v}' is not an option of '{id}'; options are {}",
                                options.join(", ")
                            ),
                        );
                    }
                }
            }
        }
    }
}
