//! Static checks on loaded content, run before any content is used.
//!
//! References resolve, conditions fit their question types, every advice item cites a source,
//! and the intake is walked through every distinct path (see [`walk`]) to prove that each
//! question can be reached, that every path ends in advice, and that no two rules that can hold
//! together both claim the current step without an explicit order.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use jiff::civil::Date;

use crate::condition::{Condition, Scalar, Test, Value};
use crate::load::ContentError;
use crate::model::*;
use crate::situation::Situation;

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

    /// `[figures]` names values of the right type and options of its questions.
    fn figures(&mut self) {
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

    /// Sources resolve, at least one is cited, claims resolve, and a certain-looking item does
    /// not rest only on uncertain sources.
    fn citation(&mut self, loc: &Loc, what: &str, cite: &Citation, needs_source: bool) {
        let k = self.k;
        if needs_source && cite.sources.is_empty() {
            self.err(
                loc,
                format!("{what} cites no source; add sources = [\"...\"]"),
            );
        }
        self.refs(loc, what, "source", &cite.sources, |id| {
            k.source(id).is_some()
        });
        self.refs(loc, what, "claim", &cite.claims, |id| k.claim(id).is_some());
        if let Some(own) = cite.confidence
            && own.is_certain()
            && !cite.sources.is_empty()
            && cite
                .sources
                .iter()
                .filter_map(|s| k.source(s))
                .all(|s| !s.confidence.is_certain())
        {
            self.err(
                loc,
                format!("{what} says confidence {own}, but every source it cites is unverified (M) or disputed (C)"),
            );
        }
    }

    fn sources_and_claims(&mut self) {
        let k = self.k;
        for s in &k.sources {
            if s.url.is_none() && s.kind != SourceKind::Seed {
                self.err(&s.loc, format!("source '{}' has no url", s.id));
            }
        }
        for c in &k.claims {
            let what = format!("claim '{}'", c.id);
            if c.status == ClaimStatus::Corrected && c.correction.is_none() {
                self.err(
                    &c.loc,
                    format!("{what} is corrected but has no correction text"),
                );
            }
            if c.sources.is_empty() {
                self.err(&c.loc, format!("{what} cites no source"));
            }
            self.refs(&c.loc, &what, "source", &c.sources, |id| {
                k.source(id).is_some()
            });
        }
        for h in k.calendar.holidays() {
            let loc = Loc {
                file: h.file.clone(),
                line: h.line,
            };
            self.refs(&loc, "holiday", "source", &h.sources, |id| {
                k.source(id).is_some()
            });
        }
    }

    fn questions(&mut self) {
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

    fn derived(&mut self) {
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

    /// Type-checks a condition against the questions and derived values it names.
    fn condition(&mut self, loc: &Loc, what: &str, c: &Condition) {
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

    fn steps(&mut self) {
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

    fn rules(&mut self) {
        let k = self.k;
        for r in &k.rules {
            let what = format!("rule '{}'", r.id);
            self.condition(&r.loc, &what, &r.when);
            let steps: Vec<String> = r.step_effects().map(|(s, _)| s.to_string()).collect();
            self.refs(&r.loc, &what, "step", &steps, |id| k.step(id).is_some());
            let mut seen = HashSet::new();
            for s in &steps {
                if !seen.insert(s) {
                    self.err(&r.loc, format!("{what} gives step '{s}' two statuses"));
                }
            }
            self.refs(&r.loc, &what, "warning", &r.warnings, |id| {
                k.warning(id).is_some()
            });
            self.refs(&r.loc, &what, "term", &r.terms, |id| k.term(id).is_some());
            self.refs(&r.loc, &what, "letter", &r.letters, |id| {
                k.letter(id).is_some()
            });
            self.refs(&r.loc, &what, "article", &r.articles, |id| {
                k.article(id).is_some()
            });
            self.refs(&r.loc, &what, "rule", &r.overrides, |id| {
                k.rule(id).is_some()
            });
            if r.overrides.contains(&r.id) {
                self.err(&r.loc, format!("{what} overrides itself"));
            }
            if steps.is_empty()
                && r.warnings.is_empty()
                && r.terms.is_empty()
                && r.letters.is_empty()
                && r.articles.is_empty()
            {
                self.err(
                    &r.loc,
                    format!(
                        "{what} has no effect: name steps, warnings, terms, letters or articles"
                    ),
                );
            }
            self.placeholders(&r.loc, &what, &r.because);
            if r.because.trim().is_empty() {
                self.err(
                    &r.loc,
                    format!("{what}: because is empty; say why in words a parent understands"),
                );
            }
            self.citation(&r.loc, &what, &r.cite, true);
        }
        // Overrides must not form a cycle: "A beats B beats A" orders nothing.
        for r in &k.rules {
            if self.reaches(&r.id, &r.id, &mut HashSet::new(), true) {
                self.err(
                    &r.loc,
                    format!("rule '{}' is part of an overrides cycle", r.id),
                );
            }
        }
    }

    fn reaches(&self, from: &str, target: &str, seen: &mut HashSet<String>, first: bool) -> bool {
        if !first && from == target {
            return true;
        }
        if !seen.insert(from.to_string()) {
            return false;
        }
        self.k.rule(from).is_some_and(|r| {
            r.overrides
                .iter()
                .any(|o| self.reaches(o, target, seen, false))
        })
    }

    /// A letter's follow-up names a term; a date question it sets must be that term's `start`,
    /// so that sending only starts a term the law starts from sending.
    fn follow_up(&mut self, l: &crate::model::Letter, f: &crate::model::FollowUp) {
        let what = format!("letter '{}'", l.id);
        let Some(term) = self.k.terms.iter().find(|t| t.id == f.term) else {
            self.err(
                &l.loc,
                format!("{what}: follow-up term '{}' is not in terms.toml", f.term),
            );
            return;
        };
        if let Some(q) = &f.date_question
            && term.start.as_deref() != Some(q.as_str())
        {
            self.err(
                &l.loc,
                format!(
                    "{what}: follow-up date-question '{q}' must be the start of term '{}' ({}); \
                     leave date-question out when sending the letter does not start the term",
                    term.id,
                    term.start.as_deref().unwrap_or("it has none"),
                ),
            );
        }
    }

    fn items(&mut self) {
        let k = self.k;
        for o in &k.organisations {
            self.citation(&o.loc, &format!("organisation '{}'", o.id), &o.cite, true);
        }
        for w in &k.warnings {
            let what = format!("warning '{}'", w.id);
            self.citation(&w.loc, &what, &w.cite, true);
            self.placeholders(&w.loc, &what, &w.text);
        }
        for l in &k.letters {
            self.citation(&l.loc, &format!("letter '{}'", l.id), &l.cite, true);
            if let Some(t) = &l.template {
                self.letter_template(&l.id, t);
            }
            if let Some(f) = &l.follow_up {
                self.follow_up(l, f);
            }
        }
        for a in &k.articles {
            let what = format!("article '{}'", a.id);
            self.citation(&a.loc, &what, &a.cite, true);
            for target in article_links(&a.body) {
                if k.article(target).is_none() {
                    self.err(
                        &a.loc,
                        format!("{what} links to unknown article '{target}'"),
                    );
                }
            }
        }
        for g in &k.glossary {
            let what = format!("glossary entry '{}'", g.id);
            self.citation(&g.loc, &what, &g.cite, true);
            if let Some(a) = &g.article
                && k.article(a).is_none()
            {
                self.err(&g.loc, format!("{what}: unknown article '{a}'"));
            }
        }
        for t in &k.terms {
            let what = format!("term '{}'", t.id);
            self.citation(&t.loc, &what, &t.cite, true);
            if t.length == 0 {
                self.err(&t.loc, format!("{what}: length must be at least 1"));
            }
            if (t.unit == calendar::Unit::Months) != t.month_rounding.is_some() {
                self.err(&t.loc, format!("{what}: month-rounding (end-of-month or next-day) is required for months and only for months"));
            }
            let date_q = |id: &str| k.question(id).map(|q| q.kind) == Some(QuestionType::Date);
            if let Some(q) = &t.start
                && !date_q(q)
            {
                self.err(
                    &t.loc,
                    format!("{what}: start '{q}' is not a date question"),
                );
            }
            if let Some(s) = &t.suspended_by {
                for q in [&s.from, &s.to] {
                    if !date_q(q) {
                        self.err(
                            &t.loc,
                            format!(
                                "{what}: suspended-by names '{q}', which is not a date question"
                            ),
                        );
                    }
                }
            }
        }
    }
}

/// The questions a value depends on: itself, or what a derived value is computed from.
impl Checker<'_> {
    /// Fields are unique, the standard ones are there, every `from` is a question or derived
    /// value, and every `{{id}}` in the subject and text is a field of this letter.
    fn letter_template(&mut self, id: &str, t: &LetterTemplate) {
        let what = format!("letter template '{id}'");
        let mut seen = HashSet::new();
        if t.signature.trim().is_empty() {
            let line = t.body_line + t.body.matches('\n').count();
            self.err(
                &Loc {
                    file: t.loc.file.clone(),
                    line,
                },
                format!(
                    "{what}: the text needs a line of only {} after the closing (where the signature goes), followed by the name",
                    LetterTemplate::SIGNATURE_MARK
                ),
            );
        }
        for f in &t.fields {
            if f.id == LetterTemplate::SIGNATURE_ID {
                self.err(
                    &t.loc,
                    format!(
                        "{what}: '{}' marks the signature and cannot be a field",
                        f.id
                    ),
                );
            }
            if !seen.insert(f.id.as_str()) {
                self.err(&t.loc, format!("{what}: field '{}' is listed twice", f.id));
            }
            if let Some(from) = &f.from
                && self.k.value_type(from).is_none()
            {
                self.err(&t.loc, format!("{what}: field '{}' has from = '{from}', which is not a question or derived value", f.id));
            }
            if let Some(case) = &f.case
                && let Err(e) = crate::letter::CaseSource::parse(case)
            {
                self.err(&t.loc, format!("{what}: field '{}': {e}", f.id));
            }
        }
        for required in LetterTemplate::REQUIRED_FIELDS {
            if t.field(required).is_none() {
                self.err(
                    &t.loc,
                    format!("{what}: every letter needs the field '{required}'"),
                );
            }
        }
        for f in &t.fields {
            let used = |text: &str| crate::fill::placeholders(text).contains(&f.id.as_str());
            if !LetterTemplate::REQUIRED_FIELDS.contains(&f.id.as_str())
                && !used(&t.subject)
                && !used(&t.body)
                && !used(&t.signature)
            {
                self.err(
                    &t.loc,
                    format!(
                        "{what}: field '{}' is not used in the subject or the text",
                        f.id
                    ),
                );
            }
        }
        for (text, first_line) in [
            (&t.subject, t.loc.line),
            (&t.body, t.body_line),
            (&t.signature, t.signature_line),
        ] {
            for name in crate::fill::placeholders(text) {
                // `name` is a slice of `text`: its offset gives the line.
                let offset = name.as_ptr() as usize - text.as_ptr() as usize;
                let line = first_line + text[..offset].matches('\n').count();
                let loc = Loc {
                    file: t.loc.file.clone(),
                    line,
                };
                if name == LetterTemplate::SIGNATURE_ID {
                    // The loader took the first line of only the mark; this is another one.
                    self.err(
                        &loc,
                        format!(
                            "{what}: {} goes once, on a line of its own, after the closing",
                            LetterTemplate::SIGNATURE_MARK
                        ),
                    );
                } else if t.field(name).is_none() {
                    self.err(
                        &loc,
                        format!(
                            "{what}: unknown placeholder {{{{{name}}}}}; add it to fields = [...]"
                        ),
                    );
                }
            }
        }
    }
}

fn deps_of(k: &Knowledge, id: &str, out: &mut BTreeSet<String>, depth: usize) {
    // Derived values may only use earlier ones (checked), so depth is bounded; stay safe anyway.
    if depth > 32 {
        return;
    }
    if k.question(id).is_some() {
        out.insert(id.to_string());
    } else if let Some(d) = k.derived_value(id) {
        match &d.how {
            Derivation::WeeksSince(q) => deps_of(k, q, out, depth + 1),
            Derivation::WeeksUntilSummer | Derivation::SummerStart => {
                for q in k.questions.iter().filter(|q| q.sets_region) {
                    out.insert(q.id.clone());
                }
            }
            Derivation::FirstOf(list) => list.iter().for_each(|x| deps_of(k, x, out, depth + 1)),
            Derivation::When(c) => c
                .names()
                .into_iter()
                .for_each(|x| deps_of(k, x, out, depth + 1)),
        }
    }
}

/// Targets of `[text](artikel:id)` links in Markdown.
pub fn article_links(body: &str) -> Vec<&str> {
    body.match_indices("(artikel:")
        .filter_map(|(i, m)| {
            let rest = &body[i + m.len()..];
            rest.find(')').map(|end| &rest[..end])
        })
        .collect()
}

/// Which seed claims the content carries, and which not.
pub struct Coverage {
    pub covered: BTreeMap<String, Vec<String>>,
    pub uncovered: Vec<String>,
}

/// Claim coverage: a claim is covered when an item names it in `claims`.
pub fn coverage(k: &Knowledge) -> Coverage {
    let mut covered: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut add = |kind: &str, id: &str, cite: &Citation| {
        for c in &cite.claims {
            covered
                .entry(c.clone())
                .or_default()
                .push(format!("{kind} {id}"));
        }
    };
    k.steps.iter().for_each(|x| add("step", &x.id, &x.cite));
    k.rules.iter().for_each(|x| add("rule", &x.id, &x.cite));
    k.warnings
        .iter()
        .for_each(|x| add("warning", &x.id, &x.cite));
    k.terms.iter().for_each(|x| add("term", &x.id, &x.cite));
    k.organisations
        .iter()
        .for_each(|x| add("organisation", &x.id, &x.cite));
    k.questions
        .iter()
        .for_each(|x| add("question", &x.id, &x.cite));
    k.letters.iter().for_each(|x| add("letter", &x.id, &x.cite));
    k.glossary
        .iter()
        .for_each(|x| add("glossary", &x.id, &x.cite));
    k.articles
        .iter()
        .for_each(|x| add("article", &x.id, &x.cite));
    let uncovered = (1..=34)
        .map(|i| format!("S{i:02}"))
        .filter(|id| !covered.contains_key(id))
        .collect();
    Coverage { covered, uncovered }
}

// ---- Walking the intake -------------------------------------------------------------------
//
// Walking every path through the whole intake is exponential in the number of questions. The
// questions that decide one thing are few, though: whether question Q is asked depends only on
// the questions its `ask-if` names (and theirs, and so on), and whether two rules can hold
// together depends only on the questions their conditions name, plus what decides whether those
// are asked. So each such question is answered by an exhaustive walk over just that closure,
// which is exact and small. Whether every complete path leads to advice depends on all questions
// at once; that is checked on a fixed, repeatable sample of complete paths.

/// What the intake analysis found.
pub struct Walk {
    /// Pairs of rules that both set a current step, checked for holding together.
    pub pairs: usize,
    /// Complete intake paths sampled for dead ends.
    pub sampled: usize,
    pub errors: Vec<ContentError>,
}

/// Complete paths sampled for dead ends, per walk situation.
const SAMPLES: usize = 400;

/// The days and regions the walk is repeated for, so that date-dependent values (such as the
/// weeks until the summer holiday) take their different values: autumn and early summer.
fn walk_situations(k: &Knowledge) -> Vec<Situation> {
    let year = k.calendar.school_years().last();
    let dates: Vec<Date> = match year {
        Some(y) => {
            let start = y.first_day();
            [70, 320]
                .iter()
                .map(|d| start.saturating_add(jiff::Span::new().days(*d)))
                .collect()
        }
        None => vec![jiff::civil::date(2027, 10, 12)],
    };
    let regions: Vec<Option<calendar::Region>> = if k.questions.iter().any(|q| q.sets_region) {
        vec![None]
    } else {
        calendar::Region::ALL.iter().copied().map(Some).collect()
    };
    let mut out = Vec::new();
    for d in dates {
        for r in &regions {
            let mut s = Situation::new(d);
            s.region = *r;
            out.push(s);
        }
    }
    out
}

/// The answers the walk tries for a question: each option, yes and no, and numbers and dates
/// just around every threshold that a condition compares the question with.
fn test_values(q: &Question, today: Date, thresholds: &[f64]) -> Vec<Value> {
    let mut out: Vec<Value> = match q.kind {
        QuestionType::Yesno => vec![Value::Bool(true), Value::Bool(false)],
        QuestionType::Choice => q
            .options
            .iter()
            .map(|o| Value::Text(o.value.clone()))
            .collect(),
        QuestionType::Multi => {
            let mut v = vec![Value::List(vec![])];
            v.extend(q.options.iter().map(|o| Value::List(vec![o.value.clone()])));
            v.push(Value::List(
                q.options.iter().map(|o| o.value.clone()).collect(),
            ));
            v
        }
        QuestionType::Number => {
            let mut ns: Vec<f64> = vec![q.min.unwrap_or(0.0)];
            for t in thresholds {
                ns.extend([t - 1.0, *t, t + 1.0]);
            }
            ns.retain(|n| q.min.is_none_or(|m| *n >= m) && q.max.is_none_or(|m| *n <= m));
            ns.sort_by(|a, b| a.total_cmp(b));
            ns.dedup();
            ns.into_iter().map(Value::Number).collect()
        }
        QuestionType::Date => {
            let mut weeks: Vec<i64> = vec![0];
            for t in thresholds {
                let t = *t as i64;
                weeks.extend([t - 1, t, t + 1]);
            }
            weeks.retain(|w| *w >= 0);
            weeks.sort();
            weeks.dedup();
            weeks
                .into_iter()
                .map(|w| Value::Date(today.saturating_sub(jiff::Span::new().days(w * 7))))
                .collect()
        }
    };
    if q.optional {
        out.push(Value::Skipped);
    }
    out
}

struct Walker<'k> {
    k: &'k Knowledge,
    /// Per question: the numbers conditions compare it with, directly or through derived values.
    thresholds: BTreeMap<String, Vec<f64>>,
    /// Per question: the questions its ask-if depends on, transitively.
    asked_deps: BTreeMap<String, BTreeSet<String>>,
}

impl<'k> Walker<'k> {
    fn new(k: &'k Knowledge) -> Self {
        let mut thresholds: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        let mut collect = |c: &Condition| {
            for (id, t) in c.tests() {
                let Some(n) = t.threshold() else { continue };
                let mut deps = BTreeSet::new();
                deps_of(k, id, &mut deps, 0);
                for q in deps {
                    let list = thresholds.entry(q).or_default();
                    if !list.contains(&n) {
                        list.push(n);
                    }
                }
            }
        };
        k.rules.iter().for_each(|r| collect(&r.when));
        k.questions
            .iter()
            .filter_map(|q| q.ask_if.as_ref())
            .for_each(&mut collect);
        k.derived.iter().for_each(|d| {
            if let Derivation::When(c) = &d.how {
                collect(c)
            }
        });
        // Questions come in order and ask-if only names earlier ones, so one pass closes it.
        let mut asked_deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for q in &k.questions {
            let mut direct = BTreeSet::new();
            if let Some(c) = &q.ask_if {
                for name in c.names() {
                    deps_of(k, name, &mut direct, 0);
                }
            }
            let mut all = direct.clone();
            for d in &direct {
                if let Some(more) = asked_deps.get(d) {
                    all.extend(more.iter().cloned());
                }
            }
            asked_deps.insert(q.id.clone(), all);
        }
        Walker {
            k,
            thresholds,
            asked_deps,
        }
    }

    /// The questions that decide a condition: those it reads, and what decides whether those
    /// are asked.
    fn closure(&self, c: &[&Condition]) -> BTreeSet<String> {
        let mut direct = BTreeSet::new();
        for c in c {
            for name in c.names() {
                deps_of(self.k, name, &mut direct, 0);
            }
        }
        let mut all = direct.clone();
        for d in &direct {
            if let Some(more) = self.asked_deps.get(d) {
                all.extend(more.iter().cloned());
            }
        }
        all
    }

    /// Walks every way the intake can answer the questions in `only` (in intake order; a
    /// question that is not relevant stays unanswered) and calls `visit` on each result until
    /// it returns true. Returns whether it did.
    fn exists(
        &self,
        start: &Situation,
        only: &BTreeSet<String>,
        visit: &mut dyn FnMut(&Situation) -> bool,
    ) -> bool {
        let questions: Vec<&Question> = self
            .k
            .questions
            .iter()
            .filter(|q| only.contains(&q.id))
            .collect();
        self.step(start.clone(), &questions, visit)
    }

    fn step(
        &self,
        s: Situation,
        rest: &[&Question],
        visit: &mut dyn FnMut(&Situation) -> bool,
    ) -> bool {
        let Some((q, rest)) = rest.split_first() else {
            return visit(&s);
        };
        if !crate::intake::is_relevant(self.k, &s, q) {
            return self.step(s, rest, visit);
        }
        let limits = self.thresholds.get(&q.id).map(Vec::as_slice).unwrap_or(&[]);
        for v in test_values(q, s.today, limits) {
            let mut next = s.clone();
            next.answers.insert(q.id.clone(), v);
            if self.step(next, rest, visit) {
                return true;
            }
        }
        false
    }

    /// Follows the intake from start to end, choosing answers with a fixed pseudo-random
    /// sequence, so every run samples the same paths.
    fn sample(&self, start: &Situation, seed: &mut u64) -> Situation {
        let mut s = start.clone();
        while let Some(q) = crate::intake::next_question(self.k, &s) {
            let limits = self.thresholds.get(&q.id).map(Vec::as_slice).unwrap_or(&[]);
            let values = test_values(q, s.today, limits);
            // xorshift64: small, deterministic, good enough to spread choices.
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            let pick = (*seed % values.len() as u64) as usize;
            s.answers.insert(q.id.clone(), values[pick].clone());
        }
        s
    }
}

/// Analyses the intake: each question can be asked, no two unordered rules can both set the
/// current step, and sampled complete paths all lead to advice.
pub fn walk(k: &Knowledge) -> Walk {
    let walker = Walker::new(k);
    let starts = walk_situations(k);
    let mut w = Walk {
        pairs: 0,
        sampled: 0,
        errors: Vec::new(),
    };

    for q in &k.questions {
        let Some(c) = &q.ask_if else { continue };
        let only = walker.closure(&[c]);
        let reachable = starts
            .iter()
            .any(|start| walker.exists(start, &only, &mut |s| crate::intake::is_relevant(k, s, q)));
        if !reachable {
            w.errors.push(ContentError::at(
                &q.loc,
                format!("question '{}' is never asked: no answers to the earlier questions make its ask-if hold", q.id),
            ));
        }
    }

    let claiming: Vec<&Rule> = k.rules.iter().filter(|r| r.current.is_some()).collect();
    for (i, a) in claiming.iter().enumerate() {
        for b in &claiming[i + 1..] {
            if a.current == b.current || a.overrides.contains(&b.id) || b.overrides.contains(&a.id)
            {
                continue;
            }
            w.pairs += 1;
            let only = walker.closure(&[&a.when, &b.when]);
            let mut example = None;
            let both = starts.iter().any(|start| {
                walker.exists(start, &only, &mut |s| {
                    let (values, _) = crate::situation::values(k, s);
                    let hold = a.when.eval(&values) && b.when.eval(&values);
                    if hold {
                        example = Some(describe_answers(s));
                    }
                    hold
                })
            });
            if both {
                w.errors.push(ContentError::at(&a.loc, format!(
                    "rules '{}' and '{}' ({}) can hold together and both set a current step, for example with {}; add overrides = [\"{}\"] to one of them, or overrides = [\"{}\"] to the other",
                    a.id, b.id, b.loc, example.unwrap_or_default(), b.id, a.id
                )));
            }
        }
    }

    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    'sampling: for start in &starts {
        for _ in 0..SAMPLES {
            let s = walker.sample(start, &mut seed);
            w.sampled += 1;
            let advice = crate::advice::advise(k, &s);
            let named_a_step = advice
                .rules
                .iter()
                .filter_map(|r| k.rule(r))
                .any(|r| r.step_effects().next().is_some());
            if !named_a_step {
                let loc = k
                    .questions
                    .first()
                    .map(|q| q.loc.clone())
                    .unwrap_or_else(|| Loc {
                        file: "content".into(),
                        line: 0,
                    });
                w.errors.push(ContentError::at(
                    &loc,
                    format!(
                        "dead end: after the answers {} no rule advises any step",
                        describe_answers(&s)
                    ),
                ));
                break 'sampling;
            }
        }
    }
    w
}

fn describe_answers(s: &Situation) -> String {
    let parts: Vec<String> = s
        .answers
        .iter()
        .map(|(k, v)| format!("{k} = {v}"))
        .collect();
    format!("{{{}}} (today {})", parts.join(", "), s.today)
}
