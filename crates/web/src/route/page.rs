//! The route page's view: `route::report::report` turned into blocks the template shows. The
//! page opens with the one thing to do now (the current step, its deadline, the letter to send
//! and the two most serious warnings); then the next steps one line each, and the rest
//! collapsed. Every warning, deadline and item keeps its sources and the reason it is there,
//! one click away: the warnings in full, the rules' reasons with their answers and the list of
//! sources are on a page of their own (`/route/waarom`, [`RouteWhyPage`]), so that the route page
//! stays small on a phone.

use std::cell::RefCell;

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
use crate::route::plan::plain_text;

/// How many warnings the first screen shows: more would bury the step itself. The others are
/// one click away, on the page of warnings, reasons and sources (`/route/waarom`).
const NOW_WARNINGS: usize = 2;

/// How many sentences of the step's summary make the first screen's text, when no rule gives
/// a personal reason.
const NOW_SENTENCES: usize = 3;

pub struct WhyBlock {
    /// The rule behind this reason: its answers and sources are listed once per page (many
    /// items share a rule), the items show only the reason in words.
    pub rule: Option<String>,
    pub because: Option<String>,
    /// (question text, answer in words)
    pub answers: Vec<(String, String)>,
    /// Numbers in the page's list of sources.
    pub sources: Vec<usize>,
}

pub struct StepBlock {
    pub id: String,
    pub title: String,
    pub status: &'static str,
    pub summary_html: String,
    pub who: Vec<WhoLink>,
    pub prepare: Vec<String>,
    pub can: Vec<String>,
    pub cannot: Vec<String>,
    pub why: Vec<WhyBlock>,
    /// Numbers in the page's list of sources.
    pub sources: Vec<usize>,
    pub marker: Option<String>,
    pub more_href: String,
}

pub struct WarningBlock {
    pub title: String,
    pub html: String,
    pub severity: &'static str,
    pub danger: bool,
    pub why: Vec<WhyBlock>,
    /// Numbers in the page's list of sources.
    pub sources: Vec<usize>,
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
    /// Numbers in the page's list of sources.
    pub sources: Vec<usize>,
    pub marker: Option<String>,
}

pub struct ItemBlock {
    pub title: String,
    pub href: Option<String>,
    pub text: Option<String>,
    pub why: Vec<WhyBlock>,
    /// Numbers in the page's list of sources.
    pub sources: Vec<usize>,
}

#[derive(Template)]
// Minimized whitespace: the indenting of the template was 7 KB of the page.
#[template(path = "route.html", whitespace = "minimize")]
pub struct RoutePage {
    pub layout: Layout,
    pub lead: String,
    pub region: Option<String>,
    /// Every warning, the most serious first; the first [`NOW_WARNINGS`] are on the first
    /// screen, the others one line each, and all of them in full (with why and sources) on
    /// `/route/waarom`.
    pub warnings: Vec<WarningBlock>,
    pub current: Option<StepBlock>,
    /// The current step in two or three sentences: the reason of the rule that made it
    /// current (written for the parent), or else the start of the step's summary.
    pub now_text: String,
    /// Index in `terms` of the deadline that goes with the current step.
    pub now_term: Option<usize>,
    /// Where to give the date that the current step's deadline waits for.
    pub now_fill_href: Option<String>,
    /// Why that deadline has no date, short: the full text is one click away.
    pub now_no_date: Option<String>,
    /// Indexes in `letters` of the letters (with a page) that go with the current step.
    pub now_letters: Vec<usize>,
    /// "There are N more warnings", when there are.
    pub more_warnings: Option<String>,
    /// The summaries of the collapsed groups ("Toon de 7 stappen voor later").
    pub later_show: String,
    pub done_show: String,
    pub not_applicable_show: String,
    pub all_show: String,
    pub next: Vec<StepBlock>,
    pub later: Vec<StepBlock>,
    pub done: Vec<StepBlock>,
    pub not_applicable: Vec<StepBlock>,
    pub terms: Vec<TermBlock>,
    pub letters: Vec<ItemBlock>,
    pub articles: Vec<ItemBlock>,
    pub notes: Vec<String>,
    /// Every source the page cites, once; item `n` is cited as number `n + 1`.
    pub sources: Vec<SourceLink>,
}

/// `/route/waarom`: what the route page keeps one click away (every warning in full, why each
/// letter is there, every rule's reason with its answers, and the sources), built from the same
/// view so that the source numbers of both pages agree.
#[derive(Template)]
#[template(path = "route_why.html", whitespace = "minimize")]
pub struct RouteWhyPage {
    pub layout: Layout,
    pub r: RoutePage,
}

impl RouteWhyPage {
    pub fn new(r: RoutePage) -> RouteWhyPage {
        let mut layout = Layout::new(r.layout.i.lang, "route-why-title", "/route/waarom");
        layout.restart = true;
        RouteWhyPage { layout, r }
    }
}

impl RoutePage {
    /// The deadline on the first screen.
    pub fn now_term(&self) -> Option<&TermBlock> {
        self.now_term.and_then(|n| self.terms.get(n))
    }

    /// The warnings on the first screen: the most serious ones.
    pub fn now_warnings(&self) -> &[WarningBlock] {
        &self.warnings[..self.warnings.len().min(NOW_WARNINGS)]
    }

    /// Every rule's reason once, with the answers it looked at and its sources: the items only
    /// show the reason in words.
    pub fn rule_reasons(&self) -> Vec<&WhyBlock> {
        let steps = self
            .current
            .iter()
            .chain(&self.next)
            .chain(&self.later)
            .chain(&self.done)
            .chain(&self.not_applicable)
            .flat_map(|s| &s.why);
        let all = steps
            .chain(self.warnings.iter().flat_map(|w| &w.why))
            .chain(self.terms.iter().flat_map(|t| &t.why))
            .chain(self.letters.iter().flat_map(|l| &l.why))
            .chain(self.articles.iter().flat_map(|a| &a.why));
        let mut out: Vec<&WhyBlock> = Vec::new();
        for w in all {
            if w.rule.is_some()
                && (!w.answers.is_empty() || !w.sources.is_empty())
                && !out.iter().any(|o| o.rule == w.rule)
            {
                out.push(w);
            }
        }
        out
    }

    /// The letters to send for the current step.
    pub fn now_letters(&self) -> Vec<&ItemBlock> {
        self.now_letters
            .iter()
            .filter_map(|n| self.letters.get(*n))
            .collect()
    }
}

/// Whether a rule that put an item in the route also names the step: a deadline or letter
/// belongs to a step when one rule brings both. The knowledge has no other link between them.
fn goes_with(lib: &Library, why: &[WhyView], step: &str) -> bool {
    why.iter().filter_map(|w| w.rule).any(|id| {
        lib.k
            .rule(id)
            .is_some_and(|r| r.step_effects().any(|(s, _)| s == step))
    })
}

fn marker(c: Confidence, i: Tr) -> Option<String> {
    match c {
        Confidence::M => Some(i.t("confidence-m")),
        Confidence::C => Some(i.t("confidence-c")),
        Confidence::V | Confidence::V2 => None,
    }
}

/// The page's sources, each once, numbered in the order they are first cited. The same few
/// sources back many items (186 citations of 31 sources for P04), so items cite them by number
/// and the page lists them once.
#[derive(Default)]
struct Refs(RefCell<Vec<SourceLink>>);

/// The numbers (from 1) of `list` in the page's sources, adding the ones not there yet.
fn sources(refs: &Refs, list: &[SourceView], i: Tr) -> Vec<usize> {
    let mut all = refs.0.borrow_mut();
    list.iter()
        .map(|s| {
            let url = s.url.map(str::to_string);
            match all.iter().position(|x| x.title == s.title && x.url == url) {
                Some(n) => n + 1,
                None => {
                    all.push(SourceLink {
                        title: s.title.to_string(),
                        url,
                        marker: marker(s.confidence, i),
                    });
                    all.len()
                }
            }
        })
        .collect()
}

fn status_name(s: Status) -> &'static str {
    s.as_str()
}

fn why(lib: &Library, refs: &Refs, list: &[WhyView], i: Tr) -> Vec<WhyBlock> {
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
                rule: w.rule.map(str::to_string),
                because,
                answers,
                sources: sources(refs, &w.sources, i),
            }
        })
        .collect()
}

fn step_block(lib: &Library, refs: &Refs, s: &StepView, i: Tr) -> StepBlock {
    StepBlock {
        id: s.id.to_string(),
        title: s.title.to_string(),
        status: status_name(s.status),
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
        why: why(lib, refs, &s.why, i),
        sources: sources(refs, &s.sources, i),
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
    let refs = Refs::default();
    let refs = &refs;
    let mut current = None;
    let (mut next, mut later, mut done, mut not_applicable) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for s in &r.steps {
        let block = step_block(lib, refs, s, i);
        match s.status {
            Status::Current => current = Some(block),
            Status::Next => next.push(block),
            Status::Later => later.push(block),
            Status::Done => done.push(block),
            Status::NotApplicable => not_applicable.push(block),
        }
    }
    let warnings: Vec<WarningBlock> = r
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
            why: why(lib, refs, &w.why, i),
            sources: sources(refs, &w.sources, i),
            marker: marker(w.confidence, i),
        })
        .collect();
    let terms: Vec<TermBlock> = r
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
                why: why(lib, refs, &t.why, i),
                sources: sources(refs, &t.sources, i),
                marker: marker(t.confidence, i),
            }
        })
        .collect();
    let letters: Vec<ItemBlock> = r
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
            why: why(lib, refs, &l.why, i),
            sources: sources(refs, &l.sources, i),
        })
        .collect();
    let articles = r
        .articles
        .iter()
        .map(|a| ItemBlock {
            title: a.title.to_string(),
            href: Some(article_url(a.id)),
            // The summary is on the article's page; the route lists the titles.
            text: None,
            why: why(lib, refs, &a.why, i),
            sources: sources(refs, &a.sources, i),
        })
        .collect();
    let now = NowParts::new(lib, r, &letters);
    let others = warnings.len().saturating_sub(NOW_WARNINGS);
    let layout = Layout::new(lang, "route-title", "/route");
    RoutePage {
        more_warnings: (others > 0).then(|| i.count("route-now-more-warnings", others, &[])),
        later_show: i.count("route-later-show", later.len(), &[]),
        done_show: i.count("route-done-show", done.len(), &[]),
        not_applicable_show: i.count("route-not-applicable-show", not_applicable.len(), &[]),
        all_show: i.count("route-all-show", warnings.len(), &[]),
        now_text: now.text,
        now_term: now.term,
        now_no_date: now.term.and_then(|n| match r.terms[n].no_date {
            // The start event is in the details under it; on a phone it would push the rest
            // of the first screen down.
            Some(NoDate::StartUnknown) => Some(i.t("route-now-start-unknown")),
            _ => terms[n].no_date.clone(),
        }),
        now_fill_href: now.fill_href,
        now_letters: now.letters,
        lead: i.t1("route-lead", "date", i.date(r.today)),
        region: r
            .region
            .map(|reg| match lib.k.calendar.next_summer(r.today, reg) {
                Ok(h) => i.args(
                    "route-summer",
                    &[
                        ("region", reg.name().to_string()),
                        ("date", i.date(h.start)),
                    ],
                ),
                Err(_) => i.t1("route-region", "region", reg.name()),
            }),
        layout,
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
        sources: refs.0.take(),
    }
}

/// What the first screen shows besides the step itself.
struct NowParts {
    text: String,
    term: Option<usize>,
    fill_href: Option<String>,
    letters: Vec<usize>,
}

impl NowParts {
    fn new(lib: &Library, r: &Report, letters: &[ItemBlock]) -> NowParts {
        let Some(step) = r.steps.iter().find(|s| s.status == Status::Current) else {
            return NowParts {
                text: String::new(),
                term: None,
                fill_href: None,
                letters: Vec::new(),
            };
        };
        // The rule's reason speaks to this parent ("Uw kind is een thuiszitter ... Vertel het
        // dan zelf."); the summary starts with background, so it is only the fallback.
        let text = step
            .why
            .iter()
            .filter(|w| w.kind == ReasonKind::Rule)
            .find_map(|w| w.because.clone())
            .unwrap_or_else(|| first_sentences(step.summary, NOW_SENTENCES));
        let mine: Vec<usize> = (0..r.terms.len())
            .filter(|&n| goes_with(lib, &r.terms[n].why, step.id))
            .collect();
        // A deadline with a date first; else the first one, which says why it has none.
        let term = mine
            .iter()
            .copied()
            .find(|&n| r.terms[n].deadline.is_some())
            .or(mine.first().copied());
        let fill_href = term
            .map(|n| &r.terms[n])
            .filter(|t| matches!(t.no_date, Some(NoDate::StartUnknown)))
            .and_then(|t| lib.k.term(t.id)?.start.clone())
            .filter(|q| lib.k.question(q).is_some())
            .map(|q| format!("/vragen/{q}?terug=controle"));
        let letters = (0..r.letters.len())
            .filter(|&n| letters[n].href.is_some() && goes_with(lib, &r.letters[n].why, step.id))
            .collect();
        NowParts {
            text,
            term,
            fill_href,
            letters,
        }
    }
}

/// The first `n` sentences of a Markdown text, as plain text. A sentence ends at ". ", "? " or
/// "! ": summaries often open with a question ("Helpt praten niet genoeg?").
fn first_sentences(md: &str, n: usize) -> String {
    let text = plain_text(md);
    let end = text
        .match_indices(['.', '?', '!'])
        .map(|(at, _)| at)
        .filter(|&at| text[at + 1..].starts_with(' '))
        .nth(n.saturating_sub(1));
    match end {
        Some(end) => text[..=end].to_string(),
        None => text,
    }
}
