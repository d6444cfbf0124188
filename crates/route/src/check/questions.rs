//! The intake's questions and derived values: options fit the question type, and a question or
//! derived value only uses what comes before it, so the intake can be asked in order.

use std::collections::{BTreeSet, HashSet};

use super::Checker;
use super::dependencies::deps_of;
use crate::condition::Condition;
use crate::model::{Derivation, QuestionType};

impl Checker<'_> {
    pub(super) fn questions(&mut self) {
        let k = self.k;
        for (i, q) in k.questions.iter().enumerate() {
            let what = format!("question '{}'", q.id);
            let has_options = matches!(q.kind, QuestionType::Choice | QuestionType::Multi);
            if has_options && q.options.len() < 2 {
                self.err(
                    &q.loc,
                    format!(
                        "{what} is a {} question and needs at least two options",
                        q.kind
                    ),
                );
            }
            if q.kind != QuestionType::Multi && q.options.iter().any(|o| o.alone) {
                self.err(
                    &q.loc,
                    format!("{what} is a {} question: only the options of a multi question can be `alone`", q.kind),
                );
            }
            if !has_options && !q.options.is_empty() {
                self.err(
                    &q.loc,
                    format!("{what} is a {} question and cannot have options", q.kind),
                );
            }
            let mut seen = HashSet::new();
            for o in &q.options {
                if !seen.insert(o.value.as_str()) {
                    self.err(&q.loc, format!("{what} has the option '{}' twice", o.value));
                }
            }
            if q.kind != QuestionType::Number
                && (q.min.is_some() || q.max.is_some() || q.unit.is_some())
            {
                self.err(
                    &q.loc,
                    format!("{what}: min, max and unit are only for number questions"),
                );
            }
            if let (Some(a), Some(b)) = (q.min, q.max)
                && a > b
            {
                self.err(&q.loc, format!("{what}: min {a} is more than max {b}"));
            }
            if q.sets_region {
                let ok = q.kind == QuestionType::Choice
                    && q.options
                        .iter()
                        .all(|o| o.value.parse::<calendar::Region>().is_ok());
                if !ok {
                    self.err(&q.loc, format!("{what} sets the region, so it must be a choice of \"noord\", \"midden\", \"zuid\""));
                }
            }
            self.citation(&q.loc, &what, &q.cite, false);
            if let Some(c) = &q.ask_if {
                self.condition(&q.loc, &format!("{what} ask-if"), c);
                // ask-if may only depend on questions asked before this one.
                for dep in self.question_deps(c) {
                    let pos = k.index.questions.get(&dep).copied().unwrap_or(usize::MAX);
                    if pos >= i {
                        self.err(
                            &q.loc,
                            format!(
                                "{what} ask-if depends on '{dep}', which is not asked before it"
                            ),
                        );
                    }
                }
            }
        }
    }

    /// The questions a condition depends on, through derived values too.
    fn question_deps(&self, c: &Condition) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for name in c.names() {
            deps_of(self.k, name, &mut out, 0);
        }
        out
    }

    pub(super) fn derived(&mut self) {
        let k = self.k;
        for (i, d) in k.derived.iter().enumerate() {
            let what = format!("derived '{}'", d.id);
            // A derived value may use questions and derived values defined before it.
            let defined_before = |id: &str| {
                k.question(id).is_some() || k.index.derived.get(id).is_some_and(|&j| j < i)
            };
            match &d.how {
                Derivation::WeeksSince(q) => {
                    if k.question(q).map(|q| q.kind) != Some(QuestionType::Date) {
                        self.err(
                            &d.loc,
                            format!("{what}: weeks-since needs a date question, '{q}' is not one"),
                        );
                    }
                    if d.kind != QuestionType::Number {
                        self.err(
                            &d.loc,
                            format!("{what}: weeks-since gives a number; set type = \"number\""),
                        );
                    }
                }
                Derivation::WeeksUntilSummer => {
                    if d.kind != QuestionType::Number {
                        self.err(
                            &d.loc,
                            format!(
                                "{what}: weeks-until-summer gives a number; set type = \"number\""
                            ),
                        );
                    }
                }
                Derivation::SummerStart => {
                    if d.kind != QuestionType::Date {
                        self.err(
                            &d.loc,
                            format!("{what}: summer-start gives a date; set type = \"date\""),
                        );
                    }
                }
                Derivation::FirstOf(list) => {
                    if list.is_empty() {
                        self.err(&d.loc, format!("{what}: first-of needs at least one id"));
                    }
                    for id in list {
                        if !defined_before(id) {
                            self.err(&d.loc, format!("{what}: first-of names '{id}', which is not a question or an earlier derived value"));
                        } else if k.value_type(id) != Some(d.kind) {
                            self.err(&d.loc, format!("{what}: '{id}' is not of type {}", d.kind));
                        }
                    }
                }
                Derivation::When(c) => {
                    if d.kind != QuestionType::Yesno {
                        self.err(
                            &d.loc,
                            format!("{what}: when gives yes or no; set type = \"yesno\""),
                        );
                    }
                    for id in c.names() {
                        if k.value_type(id).is_some() && !defined_before(id) {
                            self.err(
                                &d.loc,
                                format!("{what}: uses '{id}', which is defined after it"),
                            );
                        }
                    }
                    self.condition(&d.loc, &what, c);
                }
            }
        }
    }
}
