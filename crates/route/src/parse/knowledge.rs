//! Knowledge files (`*.toml` outside `holidays/`): sources, claims, organisations, questions,
//! derived values, steps, rules, warnings, terms, letters, glossary entries, conversations and
//! `[figures]`.

use std::path::Path;

use toml::Spanned;

use super::raw::RawFile;
use super::{cite, line_of, toml_error};
use crate::condition::RawCondition;
use crate::error::ContentError;
use crate::model::*;

pub(super) fn load_knowledge_file(
    path: &Path,
    text: &str,
    k: &mut Knowledge,
    errors: &mut Vec<ContentError>,
) {
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            errors.push(toml_error(path, text, e, 0));
            return;
        }
    };
    let loc = |span: std::ops::Range<usize>| Loc {
        file: path.to_path_buf(),
        line: line_of(text, span.start),
    };
    fn condition(
        raw: RawCondition,
        loc: &Loc,
        what: &str,
        errors: &mut Vec<ContentError>,
    ) -> Option<crate::condition::Condition> {
        match raw.build() {
            Ok(c) => Some(c),
            Err(msg) => {
                errors.push(ContentError::at(loc, format!("{what}: {msg}")));
                None
            }
        }
    }

    for s in raw.source {
        let l = loc(s.span());
        let s = s.into_inner();
        k.sources.push(Source {
            id: s.id,
            title: s.title,
            kind: s.kind,
            url: s.url,
            confidence: s.confidence,
            checked: s.checked,
            note: s.note,
            loc: l,
        });
    }
    for c in raw.claim {
        let l = loc(c.span());
        let c = c.into_inner();
        k.claims.push(Claim {
            id: c.id,
            summary: c.summary,
            status: c.status,
            correction: c.correction,
            sources: c.sources,
            loc: l,
        });
    }
    for o in raw.organisation {
        let l = loc(o.span());
        let o = o.into_inner();
        k.organisations.push(Organisation {
            id: o.id,
            name: o.name,
            short: o.short,
            does: o.does,
            can_enforce: o.can_enforce,
            enforce: o.enforce,
            cost: o.cost,
            conditions: o.conditions,
            url: o.url,
            phone: o.phone,
            cite: cite(o.sources, o.claims, o.confidence),
            loc: l,
        });
    }
    for q in raw.question {
        let l = loc(q.span());
        let q = q.into_inner();
        let ask_if = match q.ask_if {
            Some(raw) => match condition(raw, &l, &format!("question '{}' ask-if", q.id), errors) {
                Some(c) => Some(c),
                None => continue,
            },
            None => None,
        };
        k.questions.push(Question {
            id: q.id,
            kind: q.kind,
            text: q.text,
            hint: q.hint,
            options: q.options,
            min: q.min,
            max: q.max,
            unit: q.unit,
            optional: q.optional,
            sets_region: q.sets_region,
            ask_if,
            cite: cite(q.sources, q.claims, None),
            loc: l,
        });
    }
    for d in raw.derived {
        let l = loc(d.span());
        let d = d.into_inner();
        let mut ways = Vec::new();
        if let Some(q) = d.weeks_since {
            ways.push(Derivation::WeeksSince(q));
        }
        if d.weeks_until_summer {
            ways.push(Derivation::WeeksUntilSummer);
        }
        if d.summer_start {
            ways.push(Derivation::SummerStart);
        }
        if let Some(list) = d.first_of {
            ways.push(Derivation::FirstOf(list));
        }
        if let Some(raw) = d.when {
            match condition(raw, &l, &format!("derived '{}' when", d.id), errors) {
                Some(c) => ways.push(Derivation::When(c)),
                None => continue,
            }
        }
        if ways.len() != 1 {
            errors.push(ContentError::at(
                &l,
                format!(
                    "derived '{}' needs exactly one of weeks-since, weeks-until-summer, summer-start, first-of, when (found {})",
                    d.id,
                    ways.len()
                ),
            ));
            continue;
        }
        k.derived.push(Derived {
            id: d.id,
            kind: d.kind,
            how: ways.pop().unwrap(),
            loc: l,
        });
    }
    for s in raw.step {
        let l = loc(s.span());
        let s = s.into_inner();
        k.steps.push(Step {
            id: s.id,
            title: s.title,
            track: s.track,
            level: s.level,
            who: s.who,
            summary: s.summary,
            prepare: s.prepare,
            can: s.can,
            cannot: s.cannot,
            default_status: s.default_status,
            default_because: s.default_because,
            fallback: s.fallback,
            articles: s.articles,
            outcomes: s
                .outcomes
                .into_iter()
                .map(|o| {
                    let l = loc(o.span());
                    let o = o.into_inner();
                    Outcome {
                        id: o.id,
                        label: o.label,
                        sets: o
                            .sets
                            .iter()
                            .map(|(q, v)| (q.clone(), toml_to_json(v)))
                            .collect(),
                        date: o.date,
                        loc: l,
                    }
                })
                .collect(),
            cite: cite(s.sources, s.claims, s.confidence),
            loc: l,
        });
    }
    for r in raw.rule {
        let l = loc(r.span());
        let r = r.into_inner();
        let Some(when) = condition(r.when, &l, &format!("rule '{}' when", r.id), errors) else {
            continue;
        };
        k.rules.push(Rule {
            id: r.id,
            when,
            because: r.because,
            current: r.current,
            next: r.next,
            later: r.later,
            done: r.done,
            not_applicable: r.not_applicable,
            warnings: r.warnings,
            terms: r.terms,
            letters: r.letters,
            articles: r.articles,
            overrides: r.overrides,
            cite: cite(r.sources, r.claims, r.confidence),
            loc: l,
        });
    }
    for w in raw.warning {
        let l = loc(w.span());
        let w = w.into_inner();
        k.warnings.push(Warning {
            id: w.id,
            title: w.title,
            text: w.text,
            severity: w.severity,
            cite: cite(w.sources, w.claims, w.confidence),
            loc: l,
        });
    }
    for t in raw.term {
        let l = loc(t.span());
        let t = t.into_inner();
        k.terms.push(Term {
            id: t.id,
            title: t.title,
            length: t.length,
            unit: t.unit,
            month_rounding: t.month_rounding,
            start_event: t.start_event,
            start: t.start,
            termijnenwet: t.termijnenwet,
            extension: t.extension,
            suspended_by: t.suspended_by.map(|s| Suspension {
                from: s.from,
                to: s.to,
                because: s.because,
            }),
            explain: t.explain,
            cite: cite(t.sources, t.claims, t.confidence),
            loc: l,
        });
    }
    for x in raw.letter {
        let l = loc(x.span());
        let x = x.into_inner();
        k.letters.push(Letter {
            id: x.id,
            title: x.title,
            when: x.when,
            follow_up: x.follow_up.map(|f| crate::model::FollowUp {
                term: f.term,
                date_question: f.date_question,
            }),
            cite: cite(x.sources, x.claims, x.confidence),
            template: None,
            loc: l,
        });
    }
    if let Some(f) = raw.figures {
        let l = loc(f.span());
        let f = f.into_inner();
        let named = |n: Spanned<String>| Named {
            loc: loc(n.span()),
            name: n.into_inner(),
        };
        match &k.figures {
            Some(first) => errors.push(ContentError::at(
                &l,
                format!(
                    "[figures] is already given at {}; keep one [figures] in the content",
                    first.loc
                ),
            )),
            None => {
                k.figures = Some(Figures {
                    weeks_at_home: f.weeks_at_home.into_iter().map(named).collect(),
                    school_type: f.school_type.map(named),
                    exemption: f.exemption.map(|e| ExemptionFigures {
                        status: named(e.status),
                        proposed: named(e.proposed),
                        granted: named(e.granted),
                        kind: named(e.kind),
                        art_5a: named(e.art_5a),
                        art_11g: named(e.art_11g),
                        art_11d: named(e.art_11d),
                    }),
                    maatwerk: f.maatwerk.map(|m| MaatwerkFigure {
                        question: named(m.question),
                        is: named(m.is),
                    }),
                    loc: l,
                })
            }
        }
    }
    for e in raw.entry {
        let l = loc(e.span());
        let e = e.into_inner();
        k.glossary.push(GlossaryEntry {
            id: e.id,
            term: e.term,
            abbreviation: e.abbreviation,
            meaning: e.meaning,
            article: e.article,
            cite: cite(e.sources, e.claims, e.confidence),
            loc: l,
        });
    }
    for c in raw.conversation {
        let l = loc(c.span());
        k.conversations.push(conversation(c.into_inner(), l));
    }
}

fn conversation(c: super::raw::RawConversation, loc: Loc) -> Conversation {
    Conversation {
        step: c.step,
        with: c.with.trim().to_string(),
        purpose: c.purpose.trim().to_string(),
        company: c.company,
        company_cite: cite(c.company_sources, Vec::new(), None),
        bring: c.bring,
        questions: c.questions,
        report: c.report.trim().to_string(),
        cite: cite(c.sources, c.claims, c.confidence),
        loc,
    }
}

/// A TOML value in the situation-file JSON shape (dates as `YYYY-MM-DD` text).
fn toml_to_json(v: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => J::Object(
            t.iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}
