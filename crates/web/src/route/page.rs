//! The route page's view: `route::report::report` turned into blocks the template shows (the
//! current step first and open, the rest collapsed but readable), each warning, deadline and
//! item with its sources and the reason it is there.

use askama::Template;
use calendar::Confidence;
use route::advice::{NoDate, ReasonKind};
use route::condition::Value;
use route::model::{Severity, Status};
use route::report::{Report, SourceView, StepView, WhyView};

use crate::http::forms::show_answer;
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::Layout;
use crate::http::library::Library;
use crate::http::links::{
    SourceLink, WhoLink, article_url, letter_url, organisation_url, step_url,
};

pub struct WhyBlock {
    pub because: Option<String>,
    /// (question text, answer in words)
    pub answers: Vec<(String, String)>,
    pub sources: Vec<SourceLink>,
}

pub struct StepBlock {
    pub id: String,
    pub title: String,
    pub status: &'static str,
    pub status_label: String,
    pub summary_html: String,
    pub who: Vec<WhoLink>,
    pub prepare: Vec<String>,
    pub can: Vec<String>,
    pub cannot: Vec<String>,
    pub why: Vec<WhyBlock>,
    pub sources: Vec<SourceLink>,
    pub marker: Option<String>,
    pub more_href: String,
}

pub struct WarningBlock {
    pub title: String,
    pub html: String,
    pub severity: &'static str,
    pub danger: bool,
    pub why: Vec<WhyBlock>,
    pub sources: Vec<SourceLink>,
    pub marker: Option<String>,
}

pub struct TermBlock {
    pub id: String,
    pub title: String,
    pub by: Option<String>,
    pub start: String,
    pub computed: Vec<String>,
    pub holiday: Option<String>,
    pub no_date: Option<String>,
    pub length: Option<String>,
    pub explain_html: String,
    pub extension: Option<String>,
    pub why: Vec<WhyBlock>,
    pub sources: Vec<SourceLink>,
    pub marker: Option<String>,
}

pub struct ItemBlock {
    pub title: String,
    pub href: Option<String>,
    pub text: Option<String>,
    pub why: Vec<WhyBlock>,
    pub sources: Vec<SourceLink>,
}

#[derive(Template)]
#[template(path = "route.html")]
pub struct RoutePage {
    pub layout: Layout,
    pub lead: String,
    pub region: Option<String>,
    /// Danger warnings, shown above everything.
    pub alerts: Vec<WarningBlock>,
    /// The other warnings, shown after the current step.
    pub warnings: Vec<WarningBlock>,
    pub current: Option<StepBlock>,
    pub next: Vec<StepBlock>,
    pub later: Vec<StepBlock>,
    pub done: Vec<StepBlock>,
    pub not_applicable: Vec<StepBlock>,
    pub terms: Vec<TermBlock>,
    pub letters: Vec<ItemBlock>,
    pub articles: Vec<ItemBlock>,
    pub notes: Vec<String>,
}

fn marker(c: Confidence, i: Tr) -> Option<String> {
    match c {
        Confidence::M => Some(i.t("confidence-m")),
        Confidence::C => Some(i.t("confidence-c")),
        Confidence::V | Confidence::V2 => None,
    }
}

fn sources(list: &[SourceView], i: Tr) -> Vec<SourceLink> {
    list.iter()
        .map(|s| SourceLink {
            title: s.title.to_string(),
            url: s.url.map(str::to_string),
            marker: marker(s.confidence, i),
        })
        .collect()
}

fn status_name(s: Status) -> &'static str {
    s.as_str()
}

fn why(lib: &Library, list: &[WhyView], i: Tr) -> Vec<WhyBlock> {
    let k = &lib.k;
    list.iter()
        .map(|w| {
            let because = match w.kind {
                ReasonKind::Rule => w.because.clone(),
                ReasonKind::Default => {
                    Some(w.because.clone().unwrap_or_else(|| i.t("why-default")))
                }
                ReasonKind::FirstAdvised => Some(i.t("why-first-advised")),
                ReasonKind::Fallback => Some(i.t("why-fallback")),
            };
            let answers = w
                .answers
                .iter()
                .filter(|(_, v)| !matches!(v, Value::Skipped))
                .map(|(id, v)| match k.question(id) {
                    Some(q) => (q.text.clone(), show_answer(q, v, i)),
                    None => (
                        format!("{} ({})", id.replace('-', " "), i.t("why-derived")),
                        route::fill::show(k, id, v),
                    ),
                })
                .collect();
            WhyBlock {
                because,
                answers,
                sources: sources(&w.sources, i),
            }
        })
        .collect()
}

fn step_block(lib: &Library, s: &StepView, i: Tr) -> StepBlock {
    StepBlock {
        id: s.id.to_string(),
        title: s.title.to_string(),
        status: status_name(s.status),
        status_label: i.t(&format!("status-{}", s.status.as_str())),
        summary_html: lib.step_summary.get(s.id).cloned().unwrap_or_default(),
        who: s
            .who
            .iter()
            .map(|w| WhoLink {
                name: w.name.to_string(),
                short: w.short.to_string(),
                href: organisation_url(w.id),
            })
            .collect(),
        prepare: s.prepare.to_vec(),
        can: s.can.to_vec(),
        cannot: s.cannot.to_vec(),
        why: why(lib, &s.why, i),
        sources: sources(&s.sources, i),
        marker: marker(s.confidence, i),
        more_href: step_url(s.id),
    }
}

fn unit_text(length: u32, unit: calendar::Unit, i: Tr) -> String {
    let key = match unit {
        calendar::Unit::Days => "unit-days",
        calendar::Unit::Weeks => "unit-weeks",
        calendar::Unit::Months => "unit-months",
        calendar::Unit::WorkingDays => "unit-working-days",
        calendar::Unit::SchoolWeeks => "unit-school-weeks",
    };
    i.t1(key, "n", length)
}

/// The page for one report.
pub fn page(lib: &Library, r: &Report, lang: Lang) -> RoutePage {
    let i = Tr { lang };
    let mut current = None;
    let (mut next, mut later, mut done, mut not_applicable) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for s in &r.steps {
        let block = step_block(lib, s, i);
        match s.status {
            Status::Current => current = Some(block),
            Status::Next => next.push(block),
            Status::Later => later.push(block),
            Status::Done => done.push(block),
            Status::NotApplicable => not_applicable.push(block),
        }
    }
    let (alerts, warnings): (Vec<WarningBlock>, Vec<WarningBlock>) = r
        .warnings
        .iter()
        .map(|w| WarningBlock {
            title: w.title.to_string(),
            html: lib.warning_html(w.id, &w.text),
            severity: match w.severity {
                Severity::Danger => "danger",
                Severity::Caution => "caution",
                Severity::Info => "info",
            },
            danger: w.severity == Severity::Danger,
            why: why(lib, &w.why, i),
            sources: sources(&w.sources, i),
            marker: marker(w.confidence, i),
        })
        .partition(|w| w.danger);
    let terms = r
        .terms
        .iter()
        .map(|t| {
            let (by, computed, holiday) = match &t.deadline {
                Some(d) => (
                    Some(i.t1("deadline-by", "date", &d.date_text)),
                    d.computed.clone(),
                    d.in_school_holiday.as_ref().map(|h| {
                        let mut text = i.t1("deadline-in-holiday", "holiday", h);
                        if let Some(note) = &d.holiday_uncertain {
                            text.push(' ');
                            text.push_str(&i.t1("deadline-holiday-uncertain", "note", note));
                        }
                        text
                    }),
                ),
                None => (None, Vec::new(), None),
            };
            let no_date = t.no_date.as_ref().map(|n| match n {
                NoDate::StartUnknown => i.t1("nodate-start-unknown", "event", t.start_event),
                NoDate::Uncertain => i.t("nodate-uncertain"),
                NoDate::Suspended => i.t("nodate-suspended"),
                NoDate::Calendar(detail) => i.t1("nodate-calendar", "detail", detail),
            });
            TermBlock {
                id: t.id.to_string(),
                title: t.title.to_string(),
                by,
                start: i.t1("deadline-start", "event", t.start_event),
                computed,
                holiday,
                no_date,
                // An unverified or disputed length is not shown as a number; the text explains.
                length: t
                    .confidence
                    .is_certain()
                    .then(|| i.t1("deadline-length", "length", unit_text(t.length, t.unit, i))),
                explain_html: lib.term_explain.get(t.id).cloned().unwrap_or_default(),
                extension: t.extension.map(str::to_string),
                why: why(lib, &t.why, i),
                sources: sources(&t.sources, i),
                marker: marker(t.confidence, i),
            }
        })
        .collect();
    let letters = r
        .letters
        .iter()
        .map(|l| ItemBlock {
            title: l.title.to_string(),
            href: lib
                .k
                .letter(l.id)
                .and_then(|x| x.template.as_ref())
                .map(|_| letter_url(l.id)),
            text: lib.k.letter(l.id).map(|x| x.when.clone()),
            why: why(lib, &l.why, i),
            sources: sources(&l.sources, i),
        })
        .collect();
    let articles = r
        .articles
        .iter()
        .map(|a| ItemBlock {
            title: a.title.to_string(),
            href: Some(article_url(a.id)),
            text: lib.k.article(a.id).map(|x| x.summary.clone()),
            why: why(lib, &a.why, i),
            sources: sources(&a.sources, i),
        })
        .collect();
    let mut layout = Layout::new(lang, "route-title", "/route");
    layout.has_content = true;
    RoutePage {
        lead: i.t1("route-lead", "date", calendar::format_date_nl(r.today)),
        region: r
            .region
            .map(|reg| match lib.k.calendar.next_summer(r.today, reg) {
                Ok(h) => i.args(
                    "route-summer",
                    &[
                        ("region", reg.name().to_string()),
                        ("date", calendar::format_date_nl(h.start)),
                    ],
                ),
                Err(_) => i.t1("route-region", "region", reg.name()),
            }),
        layout,
        alerts,
        warnings,
        current,
        next,
        later,
        done,
        not_applicable,
        terms,
        letters,
        articles,
        notes: r.notes.clone(),
    }
}
