//! Knowledge files (`*.toml` outside `holidays/`): sources, claims, organisations, questions,
//! derived values, steps, rules, warnings, terms, letters, glossary entries, conversations and
//! `[figures]`.

use std::path::Path;

use toml::Spanned;

use calendar::Lang;

use super::raw::RawFile;
use super::texts::Texts;
use super::{cite, line_of, toml_error};
use crate::condition::RawCondition;
use crate::error::ContentError;
use crate::model::*;

pub(super) fn load_knowledge_file(
    path: &Path,
    text: &str,
    lang: Lang,
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
        let mut t = Texts::new(lang, "organisation", &o.id, &l, &mut k.coverage, errors);
        k.organisations.push(Organisation {
            gloss: t.english_only("gloss-en", o.gloss_en),
            short: t.one("short", o.short, o.short_en),
            does: t.one("does", o.does, o.does_en),
            enforce: t.one("enforce", o.enforce, o.enforce_en),
            cost: t.opt("cost", o.cost, o.cost_en),
            conditions: t.list("conditions", o.conditions, o.conditions_en),
            id: o.id,
            name: o.name,
            can_enforce: o.can_enforce,
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
        let mut t = Texts::new(lang, "question", &q.id, &l, &mut k.coverage, errors);
        let text = t.one("text", q.text, q.text_en);
        let hint = t.opt("hint", q.hint, q.hint_en);
        let unit = t.opt("unit", q.unit, q.unit_en);
        let options = q
            .options
            .into_iter()
            .map(|o| Choice {
                label: t.one(&format!("option '{}' label", o.value), o.label, o.label_en),
                value: o.value,
                alone: o.alone,
            })
            .collect();
        k.questions.push(Question {
            id: q.id,
            kind: q.kind,
            text,
            hint,
            options,
            min: q.min,
            max: q.max,
            unit,
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
        let mut t = Texts::new(lang, "step", &s.id, &l, &mut k.coverage, errors);
        k.steps.push(Step {
            title: t.one("title", s.title, s.title_en),
            summary: t.one("summary", s.summary, s.summary_en),
            prepare: t.list("prepare", s.prepare, s.prepare_en),
            can: t.list("can", s.can, s.can_en),
            cannot: t.list("cannot", s.cannot, s.cannot_en),
            default_because: t.opt("default-because", s.default_because, s.default_because_en),
            id: s.id,
            track: s.track,
            level: s.level,
            who: s.who,
            default_status: s.default_status,
            fallback: s.fallback,
            articles: s.articles,
            outcomes: s
                .outcomes
                .into_iter()
                .map(|o| {
                    let l = loc(o.span());
                    let o = o.into_inner();
                    Outcome {
                        label: t.at(&l).one(
                            &format!("outcome '{}' label", o.id),
                            o.label,
                            o.label_en,
                        ),
                        id: o.id,
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
        let because = Texts::new(lang, "rule", &r.id, &l, &mut k.coverage, errors).one(
            "because",
            r.because,
            r.because_en,
        );
        k.rules.push(Rule {
            id: r.id,
            when,
            because,
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
        let mut t = Texts::new(lang, "warning", &w.id, &l, &mut k.coverage, errors);
        k.warnings.push(Warning {
            title: t.one("title", w.title, w.title_en),
            text: t.one("text", w.text, w.text_en),
            id: w.id,
            severity: w.severity,
            cite: cite(w.sources, w.claims, w.confidence),
            loc: l,
        });
    }
    for t in raw.term {
        let l = loc(t.span());
        let t = t.into_inner();
        let mut x = Texts::new(lang, "term", &t.id, &l, &mut k.coverage, errors);
        k.terms.push(Term {
            title: x.one("title", t.title, t.title_en),
            start_event: x.one("start-event", t.start_event, t.start_event_en),
            extension: x.opt("extension", t.extension, t.extension_en),
            suspended_by: t.suspended_by.map(|s| Suspension {
                because: x.one("suspended-by because", s.because, s.because_en),
                from: s.from,
                to: s.to,
            }),
            explain: x.one("explain", t.explain, t.explain_en),
            id: t.id,
            length: t.length,
            unit: t.unit,
            month_rounding: t.month_rounding,
            start: t.start,
            termijnenwet: t.termijnenwet,
            cite: cite(t.sources, t.claims, t.confidence),
            loc: l,
        });
    }
    for x in raw.letter {
        let l = loc(x.span());
        let x = x.into_inner();
        let mut t = Texts::new(lang, "letter", &x.id, &l, &mut k.coverage, errors);
        let title = t.one("title", x.title, x.title_en);
        let when = t.one("when", x.when, x.when_en);
        let says = t
            .english_only("says-en", x.says_en)
            .filter(|_| lang == Lang::En);
        k.letters.push(Letter {
            id: x.id,
            title,
            when,
            says,
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
        let mut t = Texts::new(lang, "glossary entry", &e.id, &l, &mut k.coverage, errors);
        k.glossary.push(GlossaryEntry {
            translation: t.english_only("term-en", e.term_en),
            meaning: t.one("meaning", e.meaning, e.meaning_en),
            id: e.id,
            term: e.term,
            abbreviation: e.abbreviation,
            article: e.article,
            cite: cite(e.sources, e.claims, e.confidence),
            loc: l,
        });
    }
    for c in raw.conversation {
        let l = loc(c.span());
        let c = c.into_inner();
        let mut t = Texts::new(lang, "conversation", &c.step, &l, &mut k.coverage, errors);
        k.conversations.push(conversation(c, l, &mut t));
    }
}

fn conversation(c: super::raw::RawConversation, loc: Loc, t: &mut Texts) -> Conversation {
    Conversation {
        with: t.one("with", c.with, c.with_en).trim().to_string(),
        purpose: t.one("purpose", c.purpose, c.purpose_en).trim().to_string(),
        company: t.list("company", c.company, c.company_en),
        company_cite: cite(c.company_sources, Vec::new(), None),
        bring: t.list("bring", c.bring, c.bring_en),
        questions: t.list("questions", c.questions, c.questions_en),
        report: t.one("report", c.report, c.report_en).trim().to_string(),
        step: c.step,
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
