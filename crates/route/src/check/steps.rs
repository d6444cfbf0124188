//! The route steps: one fallback, levels that fit the track, and outcomes whose answers fit the
//! questions they set.

use std::collections::HashSet;

use super::Checker;
use crate::error::ContentError;
use crate::model::{QuestionType, Status, Step, Track};

impl Checker<'_> {
    pub(super) fn steps(&mut self) {
        let k = self.k;
        let fallbacks: Vec<&Step> = k.steps.iter().filter(|s| s.fallback).collect();
        if k.steps.is_empty() {
            self.errors.push(ContentError {
                file: "content".into(),
                line: 0,
                message: "there are no route steps ([[step]])".into(),
            });
        } else if fallbacks.len() != 1 {
            let loc = fallbacks
                .first()
                .map(|s| s.loc.clone())
                .unwrap_or_else(|| k.steps[0].loc.clone());
            self.err(
                &loc,
                format!(
                    "exactly one step must have fallback = true; found {}",
                    fallbacks.len()
                ),
            );
        }
        for s in &k.steps {
            let what = format!("step '{}'", s.id);
            match (s.track, s.level) {
                (Track::Main, Some(1..=4)) | (Track::Side, None) => {}
                (Track::Main, _) => self.err(
                    &s.loc,
                    format!("{what} is on the main route and needs level = 1, 2, 3 or 4"),
                ),
                (Track::Side, Some(_)) => self.err(
                    &s.loc,
                    format!("{what} is a side route and cannot have a level"),
                ),
            }
            if !matches!(s.default_status, Status::Later | Status::NotApplicable) {
                self.err(
                    &s.loc,
                    format!("{what}: default-status must be \"later\" or \"not-applicable\""),
                );
            }
            if let Some(text) = &s.default_because {
                self.placeholders(&s.loc, &what, text);
            }
            self.outcomes(s);
            if s.default_status == Status::NotApplicable && s.default_because.is_none() {
                self.err(
                    &s.loc,
                    format!("{what}: say why it is not applicable by default (default-because)"),
                );
            }
            self.refs(&s.loc, &what, "organisation", &s.who, |id| {
                k.organisation(id).is_some()
            });
            self.refs(&s.loc, &what, "article", &s.articles, |id| {
                k.article(id).is_some()
            });
            self.citation(&s.loc, &what, &s.cite, true);
        }
    }

    /// A step's outcomes: unique ids, and every answer they give fits its question.
    fn outcomes(&mut self, s: &Step) {
        let mut seen = HashSet::new();
        for o in &s.outcomes {
            let what = format!("step '{}' outcome '{}'", s.id, o.id);
            if !seen.insert(o.id.as_str()) {
                self.err(
                    &o.loc,
                    format!(
                        "{what}: the id is used twice in this step; give each outcome its own id"
                    ),
                );
            }
            if o.label.trim().is_empty() {
                self.err(
                    &o.loc,
                    format!("{what}: the label is empty; say in a few words what happened"),
                );
            }
            if o.sets.is_empty() && o.date.is_none() {
                self.err(&o.loc, format!("{what}: sets no answer; add sets = {{ question = value }} or a date question"));
            }
            for (q, v) in &o.sets {
                match self.k.question(q) {
                    None => self.err(
                        &o.loc,
                        format!("{what}: sets '{q}', which is not a question of the intake"),
                    ),
                    Some(question) => {
                        if let Err(e) = crate::situation::check_value(
                            question,
                            &crate::situation::RawValue::from_json(v),
                        ) {
                            self.err(
                                &o.loc,
                                format!("{what}: the value for '{q}' does not fit: {e}"),
                            );
                        }
                    }
                }
            }
            if let Some(d) = &o.date {
                match self.k.question(d) {
                    Some(q) if q.kind == QuestionType::Date => {}
                    Some(_) => self.err(&o.loc, format!("{what}: date = '{d}' is not a date question; name a question with type = \"date\"")),
                    None => self.err(&o.loc, format!("{what}: date = '{d}' is not a question of the intake")),
                }
            }
        }
    }
}
