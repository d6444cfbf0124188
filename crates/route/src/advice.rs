//! `advise`: from a situation to the personal route, with the reason and source of every item.
//!
//! The algorithm is written down in `docs/content-format.md` ("How statuses combine"). It is
//! deterministic: the same knowledge and situation always give the same advice.

use std::collections::BTreeMap;
use std::sync::Arc;

use calendar::{Confidence, Region};
use jiff::civil::Date;
use serde::Serialize;

use crate::condition::Value;
use crate::model::{Knowledge, Rule, Status, Term};
use crate::situation::{self, Situation};

/// Why an item is in the advice.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Reason {
    /// How the item got here.
    pub kind: ReasonKind,
    /// The rule that fired, for `kind = rule`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The values the rule looked at, by id (unknown values are left out). Shared between the
    /// items one rule puts in the advice.
    pub answers: Arc<BTreeMap<String, Value>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ReasonKind {
    /// A rule that holds put it here.
    Rule,
    /// No rule named the step; it has the step's default status.
    Default,
    /// No rule made a step current; this was the first advised step, so it became current.
    FirstAdvised,
    /// Nothing else was advised; this is the route's fallback step.
    Fallback,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepAdvice {
    pub id: String,
    pub status: Status,
    pub reasons: Vec<Reason>,
}

/// A warning, letter or article in the advice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemAdvice {
    pub id: String,
    pub reasons: Vec<Reason>,
}

/// A computed deadline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeadlineAdvice {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub start: Date,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    /// The date written out for people, e.g. "vrijdag 9 juli 2027".
    pub date_text: String,
    /// How the date was computed, one line per step.
    pub computed: Vec<String>,
    /// The school holiday (in the family's region) the deadline falls in, in words.
    pub in_school_holiday: Option<String>,
    /// When the dates of that holiday are not verified (M) or disputed (C): what is uncertain.
    pub holiday_uncertain: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct TermAdvice {
    pub id: String,
    pub reasons: Vec<Reason>,
    pub confidence: Confidence,
    /// Present when the start date is known and the term is certain enough to compute.
    pub deadline: Option<DeadlineAdvice>,
    /// Why no date could be given, when there is none.
    pub no_date: Option<NoDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "why", content = "detail")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum NoDate {
    /// The intake did not ask or get the start date.
    StartUnknown,
    /// The term is not verified ([M]) or disputed ([C]): shown in words only.
    Uncertain,
    /// The term is suspended and the suspension has not ended yet.
    Suspended,
    /// The calendar could not compute it (for example no holiday data).
    Calendar(String),
}

/// The personal route for one situation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Advice {
    pub today: Date,
    pub region: Option<Region>,
    /// The one current step.
    pub current: String,
    /// Every step in route order.
    pub steps: Vec<StepAdvice>,
    pub warnings: Vec<ItemAdvice>,
    pub terms: Vec<TermAdvice>,
    pub letters: Vec<ItemAdvice>,
    pub articles: Vec<ItemAdvice>,
    /// Rules that hold, in content order.
    pub rules: Vec<String>,
    /// The answers the advice is based on, by question id.
    pub answers: BTreeMap<String, Value>,
    /// Derived values, by id.
    pub derived: BTreeMap<String, Value>,
    /// Things the engine could not work out (for example a year without holiday data).
    pub notes: Vec<String>,
    /// The content this advice was given on ([`crate::model::ContentVersion`]).
    pub content_version: String,
}

impl Advice {
    pub fn step(&self, id: &str) -> Option<&StepAdvice> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// Every seed claim id that the advice carries, through fired rules, steps that are
    /// current or next, warnings, terms, letters and articles.
    pub fn claims(&self, k: &Knowledge) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut add = |claims: &[String]| {
            for c in claims {
                if !out.contains(c) {
                    out.push(c.clone());
                }
            }
        };
        self.rules
            .iter()
            .filter_map(|r| k.rule(r))
            .for_each(|r| add(&r.cite.claims));
        self.steps
            .iter()
            .filter(|s| matches!(s.status, Status::Current | Status::Next))
            .filter_map(|s| k.step(&s.id))
            .for_each(|s| add(&s.cite.claims));
        self.warnings
            .iter()
            .filter_map(|w| k.warning(&w.id))
            .for_each(|w| add(&w.cite.claims));
        self.terms
            .iter()
            .filter_map(|t| k.term(&t.id))
            .for_each(|t| add(&t.cite.claims));
        self.letters
            .iter()
            .filter_map(|l| k.letter(&l.id))
            .for_each(|l| add(&l.cite.claims));
        self.articles
            .iter()
            .filter_map(|a| k.article(&a.id))
            .for_each(|a| add(&a.cite.claims));
        out.sort();
        out
    }
}

struct Fired<'k> {
    /// Position of the rule in content order.
    at: usize,
    rule: &'k Rule,
    /// The reason, built once: the known values of every id the rule's condition names.
    reason: Reason,
}

fn reason(f: &Fired) -> Reason {
    f.reason.clone()
}

fn plain(kind: ReasonKind) -> Reason {
    Reason {
        kind,
        rule: None,
        answers: Arc::default(),
    }
}

/// Computes the personal route. Never panics on a situation built by [`crate::situation`].
pub fn advise(k: &Knowledge, s: &Situation) -> Advice {
    let (slots, mut notes) = situation::slot_values(k, s);
    let region = s.region(k);

    let fired: Vec<Fired> = k
        .rules
        .iter()
        .enumerate()
        .filter(|(_, rule)| rule.when.eval_slots(&slots))
        .map(|(at, rule)| Fired {
            at,
            rule,
            reason: Reason {
                kind: ReasonKind::Rule,
                rule: Some(rule.id.clone()),
                answers: Arc::new(
                    rule.when
                        .named_slots()
                        .into_iter()
                        .filter_map(|(id, slot)| {
                            slots
                                .get(slot)?
                                .as_ref()
                                .map(|v| (id.to_string(), v.clone()))
                        })
                        .collect(),
                ),
            },
        })
        .collect();
    let overridden = |victim: &Fired| fired.iter().any(|f| k.overrides(f.at, victim.at));
    let beats = |a: &Fired, b: &Fired| k.overrides(a.at, b.at);

    // Per step: the winning status and the rules behind it.
    let mut claims: Vec<Vec<(Status, &Fired)>> = vec![Vec::new(); k.steps.len()];
    for f in &fired {
        let demoted = overridden(f);
        for (step, status) in f.rule.step_effects() {
            let Some(pos) = k.step_position(step) else {
                continue;
            };
            // An overridden rule still says its step matters, but not first.
            let status = if demoted && status == Status::Current {
                Status::Next
            } else {
                status
            };
            claims[pos].push((status, f));
        }
    }

    let mut steps: Vec<StepAdvice> = Vec::with_capacity(k.steps.len());
    for (pos, step) in k.steps.iter().enumerate() {
        let here = &claims[pos];
        // Drop statuses of rules beaten by another rule that names this same step.
        let standing: Vec<&(Status, &Fired)> = here
            .iter()
            .filter(|(_, f)| !here.iter().any(|(_, g)| beats(g, f)))
            .collect();
        match standing.iter().map(|(st, _)| *st).min() {
            Some(best) => steps.push(StepAdvice {
                id: step.id.clone(),
                status: best,
                reasons: standing
                    .iter()
                    .filter(|(st, _)| *st == best)
                    .map(|(_, f)| reason(f))
                    .collect(),
            }),
            None => steps.push(StepAdvice {
                id: step.id.clone(),
                status: step.default_status,
                reasons: vec![plain(ReasonKind::Default)],
            }),
        }
    }

    // Exactly one current step.
    let currents: Vec<usize> = (0..steps.len())
        .filter(|&i| steps[i].status == Status::Current)
        .collect();
    let current = match currents.first() {
        Some(&first) => {
            // The checker forbids two unordered current rules; keep route order if it happens.
            for &other in &currents[1..] {
                steps[other].status = Status::Next;
            }
            first
        }
        None => match steps.iter().position(|s| s.status == Status::Next) {
            Some(i) => {
                steps[i].status = Status::Current;
                steps[i].reasons.push(plain(ReasonKind::FirstAdvised));
                i
            }
            None => {
                let i = k.steps.iter().position(|s| s.fallback).unwrap_or(0);
                steps[i].status = Status::Current;
                steps[i].reasons = vec![plain(ReasonKind::Fallback)];
                i
            }
        },
    };

    let items = |pick: fn(&Rule) -> &Vec<String>| -> Vec<ItemAdvice> {
        let mut out: Vec<ItemAdvice> = Vec::new();
        for f in &fired {
            for id in pick(f.rule) {
                let r = reason(f);
                match out.iter_mut().find(|i| &i.id == id) {
                    Some(item) => item.reasons.push(r),
                    None => out.push(ItemAdvice {
                        id: id.clone(),
                        reasons: vec![r],
                    }),
                }
            }
        }
        out
    };
    let mut warnings = items(|r| &r.warnings);
    // The most serious warnings first; among equals, content order (the sort is stable).
    warnings.sort_by_key(|w| k.warning(&w.id).map(|w| w.severity));
    let letters = items(|r| &r.letters);
    let articles = items(|r| &r.articles);
    let term_items = items(|r| &r.terms);

    let terms = term_items
        .into_iter()
        .filter_map(|item| {
            let term = k.term(&item.id)?;
            Some(term_advice(
                k,
                term,
                item.reasons,
                &slots,
                region,
                &mut notes,
            ))
        })
        .collect();

    let derived = k
        .derived
        .iter()
        .zip(&slots[k.questions.len()..])
        .filter_map(|(d, v)| v.as_ref().map(|v| (d.id.clone(), v.clone())))
        .collect();

    notes.sort();
    notes.dedup();
    Advice {
        today: s.today,
        region,
        current: k.steps[current].id.clone(),
        steps,
        warnings,
        terms,
        letters,
        articles,
        rules: fired.iter().map(|f| f.rule.id.clone()).collect(),
        answers: s.answers.clone(),
        derived,
        notes,
        content_version: k.version.to_string(),
    }
}

fn date_of(k: &Knowledge, slots: &[Option<Value>], id: &str) -> Option<Date> {
    match k.slot(id).and_then(|i| slots.get(i)?.as_ref()) {
        Some(Value::Date(d)) => Some(*d),
        _ => None,
    }
}

fn term_advice(
    k: &Knowledge,
    term: &Term,
    reasons: Vec<Reason>,
    slots: &[Option<Value>],
    region: Option<Region>,
    notes: &mut Vec<String>,
) -> TermAdvice {
    let confidence = k.confidence_of(&term.cite);
    let mut out = TermAdvice {
        id: term.id.clone(),
        reasons,
        confidence,
        deadline: None,
        no_date: None,
    };
    if !confidence.is_certain() {
        out.no_date = Some(NoDate::Uncertain);
        return out;
    }
    let Some(start) = term.start.as_deref().and_then(|q| date_of(k, slots, q)) else {
        out.no_date = Some(NoDate::StartUnknown);
        return out;
    };
    let mut suspensions = Vec::new();
    if let Some(sus) = &term.suspended_by
        && let Some(from) = date_of(k, slots, &sus.from)
    {
        match date_of(k, slots, &sus.to) {
            Some(to) => suspensions.push(calendar::Suspension { from, to }),
            None => {
                out.no_date = Some(NoDate::Suspended);
                return out;
            }
        }
    }
    let rule = calendar::TermRule {
        length: term.length,
        unit: term.unit,
        month_rounding: term.month_rounding,
        termijnenwet: term.termijnenwet,
    };
    match calendar::deadline(start, &rule, &suspensions, &k.calendar, region) {
        Ok(d) => {
            if let Err(e) = &d.holiday_lookup {
                notes.push(e.message(k.lang));
            }
            out.deadline = Some(DeadlineAdvice {
                start,
                date: d.end,
                date_text: calendar::format_date(d.end, k.lang),
                computed: d.explanation_in(k.lang).to_vec(),
                in_school_holiday: d.in_school_holiday.as_ref().map(|h| h.describe(k.lang)),
                holiday_uncertain: d
                    .in_school_holiday
                    .as_ref()
                    .filter(|h| !h.confidence.is_certain())
                    .map(|h| h.note_in(k.lang).unwrap_or_default().to_string()),
            })
        }
        Err(e) => out.no_date = Some(NoDate::Calendar(e.message(k.lang))),
    }
    out
}
