//! The personal route: `route::report::report` rendered as a step-by-step page (the current step
//! first and open, the rest collapsed but readable), with warnings, deadlines, sources and the
//! reason for every item; and the deadlines as a calendar file.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use askama::Template;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use calendar::Confidence;
use route::advice::{NoDate, ReasonKind};
use route::condition::Value;
use route::model::{Severity, Status};
use route::report::{Report, SourceView, StepView, WhyView};
use tower_sessions::Session;

use crate::answers;
use crate::app::AppState;
use crate::error::PageError;
use crate::forms::show_answer;
use crate::i18n::{Lang, Tr};
use crate::intake::next_location;
use crate::layout::Layout;
use crate::library::{Library, organisation_url, step_url};
use crate::markdown::article_url;

pub struct SourceLink {
    pub title: String,
    pub url: Option<String>,
    /// "niet gecontroleerd" / "bronnen spreken elkaar tegen" for M and C sources.
    pub marker: Option<String>,
}

pub struct WhyBlock {
    pub because: Option<String>,
    /// (question text, answer in words)
    pub answers: Vec<(String, String)>,
    pub sources: Vec<SourceLink>,
}

pub struct WhoLink {
    pub name: String,
    pub short: String,
    pub href: String,
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
                .map(|_| crate::letters_page::letter_url(l.id)),
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

/// `GET /route`: the route for the answers in the session.
pub async fn show(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let stored = answers::load(&session).await?;
    if stored.is_empty() {
        return Ok(Redirect::to("/").into_response());
    }
    let lib = &state.lib;
    let today = state.today.date();
    let key = cache_key(&stored, today, lang);
    // A cached page was complete for the same answers and day, so it needs no intake check.
    let page = match state.route_cache.get(key) {
        Some(page) => page,
        None => {
            let s = answers::situation(&lib.k, &stored, today);
            let next = next_location(&state, &s);
            if next != "/controle" {
                return Ok(Redirect::to(&next).into_response());
            }
            let advice = route::advise(&lib.k, &s);
            let report = route::report::report(&lib.k, &advice);
            let mut view = page(lib, &report, lang);
            view.layout.restart = true;
            let html = match view.render() {
                Ok(html) => lib.linker.link(&html),
                Err(e) => {
                    tracing::error!(error = %e, "template failed");
                    return Err(PageError::Internal);
                }
            };
            let page = Arc::new(CachedPage::new(html));
            state.route_cache.put(key, page.clone());
            page
        }
    };
    Ok(page.response(accepts_gzip(&headers)))
}

/// The route page depends only on the answers, the region, the day and the language.
fn cache_key(stored: &answers::Stored, today: jiff::civil::Date, lang: Lang) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    serde_json::to_string(&stored.answers)
        .unwrap_or_default()
        .hash(&mut h);
    stored.region.map(|r| r.name()).hash(&mut h);
    today.hash(&mut h);
    lang.code().hash(&mut h);
    h.finish()
}

/// A rendered route page, as sent: the HTML and, compressed once, its gzip form. The page holds
/// no token or other per-session data (its only form, "start again", is behind a confirmation
/// page), so one copy serves every visitor with the same answers and a response is a reference
/// count, not a copy of some 140 KB.
pub struct CachedPage {
    html: Bytes,
    gzip: Bytes,
}

impl CachedPage {
    fn new(html: String) -> Self {
        use std::io::Write;
        // Level 6 is what gzip uses by default: the page is compressed once, then served often.
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
        let gzip = encoder
            .write_all(html.as_bytes())
            .and_then(|_| encoder.finish())
            .unwrap_or_default();
        CachedPage {
            html: Bytes::from(html),
            gzip: Bytes::from(gzip),
        }
    }

    fn response(&self, gzip: bool) -> Response {
        let (body, encoding) = if gzip && !self.gzip.is_empty() {
            (self.gzip.clone(), Some("gzip"))
        } else {
            (self.html.clone(), None)
        };
        let mut response = Response::new(Body::from(body));
        let h = response.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        // Pages can hold answers: never keep them in a shared cache.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if let Some(encoding) = encoding {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        response
    }
}

/// Whether the request's `Accept-Encoding` allows gzip: listed (or `*`) and not with `q=0`.
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| {
                let p = p.trim();
                p.strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q == 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

/// Rendered route pages by [`cache_key`]. Building the advice and rendering the page costs
/// milliseconds; a refresh, or a second visitor with the same answers, reuses the page.
#[derive(Default)]
pub struct RouteCache {
    pages: Mutex<HashMap<u64, Arc<CachedPage>>>,
}

/// Above this many pages the cache starts again empty; simple, and bounds the memory.
const CACHE_AT_MOST: usize = 1024;

impl RouteCache {
    fn get(&self, key: u64) -> Option<Arc<CachedPage>> {
        self.pages
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            .cloned()
    }

    fn put(&self, key: u64, page: Arc<CachedPage>) {
        let mut pages = self.pages.lock().unwrap_or_else(|e| e.into_inner());
        if pages.len() >= CACHE_AT_MOST {
            pages.clear();
        }
        pages.insert(key, page);
    }
}

/// `GET /route.ics`: the computed deadlines as a calendar file.
pub async fn calendar(
    State(state): State<AppState>,
    session: Session,
) -> Result<Response, PageError> {
    let stored = answers::load(&session).await?;
    if stored.is_empty() {
        return Ok(Redirect::to("/").into_response());
    }
    let lib = &state.lib;
    let s = answers::situation(&lib.k, &stored, state.today.date());
    let advice = route::advise(&lib.k, &s);
    let report = route::report::report(&lib.k, &advice);
    let body = route::deadlines_ics::to_string(&report);
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"routewijzer-termijnen.ics\""),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        h
    }

    #[test]
    fn gzip_is_sent_only_when_asked_for() {
        assert!(accepts_gzip(&with("gzip, deflate, br")));
        assert!(accepts_gzip(&with("br;q=1.0, GZIP;q=0.5")));
        assert!(accepts_gzip(&with("*")));
        assert!(!accepts_gzip(&with("gzip;q=0")));
        assert!(!accepts_gzip(&with("br, identity")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn the_gzip_form_unpacks_to_the_page() {
        use std::io::Read;
        let html = "<p>Routewijzer</p>".repeat(500);
        let page = CachedPage::new(html.clone());
        assert!(page.gzip.len() < html.len() / 10);
        let mut out = String::new();
        flate2::read::GzDecoder::new(&page.gzip[..])
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, html);
    }
}
