//! Walking the intake: every question can be asked, every path ends in advice, and no two
//! unordered rules can both set the current step.
//!
//! Walking every path through the whole intake is exponential in the number of questions. The
//! questions that decide one thing are few, though: whether question Q is asked depends only on
//! the questions its `ask-if` names (and theirs, and so on), and whether two rules can hold
//! together depends only on the questions their conditions name, plus what decides whether those
//! are asked. So each such question is answered by an exhaustive walk over just that closure,
//! which is exact and small. Whether every complete path leads to advice depends on all questions
//! at once; that is checked on a fixed, repeatable sample of complete paths.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

use super::dependencies::deps_of;
use crate::condition::{Condition, Value};
use crate::error::ContentError;
use crate::model::{Derivation, Knowledge, Loc, Question, QuestionType, Rule};
use crate::situation::Situation;

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
