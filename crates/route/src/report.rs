//! The advice joined with its knowledge: titles, texts, reasons and sources, ready to show or to
//! serialise. This is the JSON contract of `docs/advice-format.md` (`format = 1`).

use std::collections::BTreeMap;

use calendar::{Confidence, Region};
use jiff::civil::Date;
use serde::Serialize;

use crate::advice::{Advice, DeadlineAdvice, NoDate, Reason, ReasonKind};
use crate::condition::{Value, Values};
use crate::fill::fill;
use crate::model::{Citation, Knowledge, Severity, SourceKind, Status, Track};

/// Version of the JSON shape; raised on any incompatible change.
pub const FORMAT: u32 = 1;

#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report<'k> {
    pub format: u32,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub today: Date,
    pub region: Option<Region>,
    pub current: &'k str,
    pub steps: Vec<StepView<'k>>,
    pub warnings: Vec<WarningView<'k>>,
    pub terms: Vec<TermView<'k>>,
    pub letters: Vec<ItemView<'k>>,
    pub articles: Vec<ItemView<'k>>,
    pub answers: BTreeMap<String, Value>,
    pub derived: BTreeMap<String, Value>,
    pub notes: Vec<String>,
    /// The content the advice was given on: the date of the newest source check, a dot, and
    /// a hash of every content file (`routewijzer check` prints it).
    #[serde(rename = "content_version")]
    pub content_version: String,
    /// The language of the texts (the content's).
    #[serde(skip)]
    pub lang: calendar::Lang,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceView<'k> {
    pub id: &'k str,
    pub title: &'k str,
    pub kind: SourceKind,
    pub url: Option<&'k str>,
    pub confidence: Confidence,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub checked: Date,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WhyView<'k> {
    pub kind: ReasonKind,
    pub rule: Option<&'k str>,
    /// The reason in words, with `{{id}}` values filled in.
    pub because: Option<String>,
    pub answers: BTreeMap<String, Value>,
    pub sources: Vec<SourceView<'k>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WhoView<'k> {
    pub id: &'k str,
    pub name: &'k str,
    pub short: &'k str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StepView<'k> {
    pub id: &'k str,
    pub title: &'k str,
    pub track: Track,
    pub level: Option<u8>,
    pub status: Status,
    pub summary: &'k str,
    pub who: Vec<WhoView<'k>>,
    pub prepare: &'k [String],
    pub can: &'k [String],
    pub cannot: &'k [String],
    pub why: Vec<WhyView<'k>>,
    pub sources: Vec<SourceView<'k>>,
    pub claims: &'k [String],
    pub confidence: Confidence,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WarningView<'k> {
    pub id: &'k str,
    pub title: &'k str,
    /// Markdown, with `{{id}}` values filled in.
    pub text: String,
    pub severity: Severity,
    pub why: Vec<WhyView<'k>>,
    pub sources: Vec<SourceView<'k>>,
    pub claims: &'k [String],
    pub confidence: Confidence,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TermView<'k> {
    pub id: &'k str,
    pub title: &'k str,
    pub length: u32,
    pub unit: calendar::Unit,
    pub start_event: &'k str,
    pub explain: &'k str,
    pub extension: Option<&'k str>,
    pub deadline: Option<DeadlineAdvice>,
    pub no_date: Option<NoDate>,
    pub why: Vec<WhyView<'k>>,
    pub sources: Vec<SourceView<'k>>,
    pub claims: &'k [String],
    pub confidence: Confidence,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemView<'k> {
    pub id: &'k str,
    pub title: &'k str,
    pub why: Vec<WhyView<'k>>,
    pub sources: Vec<SourceView<'k>>,
    pub claims: &'k [String],
    pub confidence: Confidence,
}

fn sources<'k>(k: &'k Knowledge, ids: &[String]) -> Vec<SourceView<'k>> {
    ids.iter()
        .filter_map(|id| k.source(id))
        .map(|s| SourceView {
            id: &s.id,
            title: &s.title,
            kind: s.kind,
            url: s.url.as_deref(),
            confidence: s.confidence,
            checked: s.checked,
        })
        .collect()
}

fn why<'k>(
    k: &'k Knowledge,
    values: &Values,
    reasons: &[Reason],
    default_because: Option<&'k str>,
) -> Vec<WhyView<'k>> {
    reasons
        .iter()
        .map(|r| {
            let rule = r.rule.as_deref().and_then(|id| k.rule(id));
            WhyView {
                kind: r.kind,
                rule: rule.map(|r| r.id.as_str()),
                because: match r.kind {
                    ReasonKind::Rule => rule.map(|r| fill(k, &r.because, values)),
                    ReasonKind::Default => default_because.map(|t| fill(k, t, values)),
                    _ => None,
                },
                answers: (*r.answers).clone(),
                sources: rule
                    .map(|r| sources(k, &r.cite.sources))
                    .unwrap_or_default(),
            }
        })
        .collect()
}

fn cited<'k>(k: &'k Knowledge, c: &'k Citation) -> (Vec<SourceView<'k>>, &'k [String], Confidence) {
    (sources(k, &c.sources), &c.claims, k.confidence_of(c))
}

fn who<'k>(k: &'k Knowledge, s: &'k crate::model::Step) -> Vec<WhoView<'k>> {
    s.who
        .iter()
        .filter_map(|o| k.organisation(o))
        .map(|o| WhoView {
            id: &o.id,
            name: &o.name,
            short: &o.short,
        })
        .collect()
}

/// A step of the route as the content has it, the same for everyone: no status and no
/// reasons, which only advice for a situation has.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RouteStepView<'k> {
    pub id: &'k str,
    pub title: &'k str,
    pub track: Track,
    pub level: Option<u8>,
    pub summary: &'k str,
    pub who: Vec<WhoView<'k>>,
    pub prepare: &'k [String],
    pub can: &'k [String],
    pub cannot: &'k [String],
    pub sources: Vec<SourceView<'k>>,
    pub claims: &'k [String],
    pub confidence: Confidence,
}

/// Every step of the route, in content order.
pub fn route_steps(k: &Knowledge) -> Vec<RouteStepView<'_>> {
    k.steps
        .iter()
        .map(|s| {
            let (sources, claims, confidence) = cited(k, &s.cite);
            RouteStepView {
                id: &s.id,
                title: &s.title,
                track: s.track,
                level: s.level,
                summary: &s.summary,
                who: who(k, s),
                prepare: &s.prepare,
                can: &s.can,
                cannot: &s.cannot,
                sources,
                claims,
                confidence,
            }
        })
        .collect()
}

/// Joins advice with the knowledge it refers to.
pub fn report<'k>(k: &'k Knowledge, a: &Advice) -> Report<'k> {
    let mut values: Values = a.answers.clone();
    values.extend(a.derived.iter().map(|(id, v)| (id.clone(), v.clone())));
    let values = &values;
    let steps = a
        .steps
        .iter()
        .filter_map(|sa| {
            let s = k.step(&sa.id)?;
            let (srcs, claims, confidence) = cited(k, &s.cite);
            Some(StepView {
                id: &s.id,
                title: &s.title,
                track: s.track,
                level: s.level,
                status: sa.status,
                summary: &s.summary,
                who: who(k, s),
                prepare: &s.prepare,
                can: &s.can,
                cannot: &s.cannot,
                why: why(k, values, &sa.reasons, s.default_because.as_deref()),
                sources: srcs,
                claims,
                confidence,
            })
        })
        .collect();
    let warnings = a
        .warnings
        .iter()
        .filter_map(|i| {
            let w = k.warning(&i.id)?;
            let (srcs, claims, confidence) = cited(k, &w.cite);
            Some(WarningView {
                id: &w.id,
                title: &w.title,
                text: fill(k, &w.text, values),
                severity: w.severity,
                why: why(k, values, &i.reasons, None),
                sources: srcs,
                claims,
                confidence,
            })
        })
        .collect();
    let terms = a
        .terms
        .iter()
        .filter_map(|t| {
            let term = k.term(&t.id)?;
            let (srcs, claims, _) = cited(k, &term.cite);
            Some(TermView {
                id: &term.id,
                title: &term.title,
                length: term.length,
                unit: term.unit,
                start_event: &term.start_event,
                explain: &term.explain,
                extension: term.extension.as_deref(),
                deadline: t.deadline.clone(),
                no_date: t.no_date.clone(),
                why: why(k, values, &t.reasons, None),
                sources: srcs,
                claims,
                confidence: t.confidence,
            })
        })
        .collect();
    let letters = a
        .letters
        .iter()
        .filter_map(|i| {
            let l = k.letter(&i.id)?;
            let (srcs, claims, confidence) = cited(k, &l.cite);
            Some(ItemView {
                id: &l.id,
                title: &l.title,
                why: why(k, values, &i.reasons, None),
                sources: srcs,
                claims,
                confidence,
            })
        })
        .collect();
    let articles = a
        .articles
        .iter()
        .filter_map(|i| {
            let x = k.article(&i.id)?;
            let (srcs, claims, confidence) = cited(k, &x.cite);
            Some(ItemView {
                id: &x.id,
                title: &x.title,
                why: why(k, values, &i.reasons, None),
                sources: srcs,
                claims,
                confidence,
            })
        })
        .collect();
    Report {
        format: FORMAT,
        today: a.today,
        region: a.region,
        current: k
            .step(&a.current)
            .map(|s| s.id.as_str())
            .unwrap_or_default(),
        steps,
        warnings,
        terms,
        letters,
        articles,
        answers: a.answers.clone(),
        derived: a.derived.clone(),
        notes: a.notes.clone(),
        content_version: a.content_version.clone(),
        lang: k.lang,
    }
}
