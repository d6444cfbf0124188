//! `GET /plan.pdf`: the personal route on one page, as PDF: the open steps in route order, the
//! next deadlines and the warnings (the web page has them all).

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use route::model::Status;
use tower_sessions::Session;

use crate::http::answers;
use crate::http::download::download;
use crate::http::error::PageError;
use crate::http::i18n::{Lang, Tr};
use crate::http::state::AppState;

/// The first sentence of a Markdown text, as plain text.
fn first_sentence(md: &str) -> String {
    let text = plain_text(md);
    match text.find(". ") {
        Some(end) => text[..=end].to_string(),
        None => text,
    }
}

/// A Markdown text as plain text on one line.
pub(super) fn plain_text(md: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut text = String::new();
    for event in Parser::new(md) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(_) if !text.ends_with(' ') => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many steps, deadlines and warnings fit on the one-page plan (the web page has them all).
const PLAN_STEPS: usize = 8;
const PLAN_DEADLINES: usize = 6;
const PLAN_WARNINGS: usize = 8;

/// `GET /plan.pdf`: the route on one page.
pub async fn plan(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
) -> Result<Response, PageError> {
    let stored = answers::load(&session).await?;
    if stored.is_empty() {
        return Ok(Redirect::to("/").into_response());
    }
    let i = Tr { lang };
    let k = &state.lib_for(lang).k;
    let today = state.today.date();
    let s = answers::situation(k, &stored, today);
    let advice = route::advise(k, &s);
    let report = route::report::report(k, &advice);
    // The current step, then the next ones, then the later ones, each in route order; done and
    // not-applicable steps are on the web page.
    let rank = |s: Status| match s {
        Status::Current => 0,
        Status::Next => 1,
        _ => 2,
    };
    let mut open: Vec<_> = report
        .steps
        .iter()
        .filter(|s| matches!(s.status, Status::Current | Status::Next | Status::Later))
        .collect();
    open.sort_by_key(|s| rank(s.status));
    let steps = open
        .into_iter()
        .take(PLAN_STEPS)
        .enumerate()
        .map(|(n, s)| letters::PlanStep {
            number: n + 1,
            title: s.title.to_string(),
            status: i.t(&format!("status-{}", s.status.as_str())),
            current: s.status == Status::Current,
            summary: first_sentence(s.summary),
            who: s.who.iter().map(|w| w.name).collect::<Vec<_>>().join(", "),
        })
        .collect();
    let deadlines = report
        .terms
        .iter()
        .filter_map(|t| {
            t.deadline
                .as_ref()
                .map(|d| (t.title.to_string(), d.date_text.clone()))
        })
        .take(PLAN_DEADLINES)
        .collect();
    let warnings = report
        .warnings
        .iter()
        .take(PLAN_WARNINGS)
        .map(|w| w.title.to_string())
        .collect();
    let plan = letters::Plan {
        lang: i.lang.code().to_string(),
        title: i.t("plan-title"),
        lead: i.t1(
            "plan-lead",
            "date",
            calendar::format_date(today, lang.content()),
        ),
        steps_heading: i.t("plan-steps"),
        steps,
        deadlines_heading: i.t("plan-deadlines"),
        deadlines,
        warnings_heading: i.t("plan-warnings"),
        warnings,
        footer: i.t("plan-footer"),
    };
    let bytes = tokio::task::spawn_blocking(move || letters::plan_pdf(&plan))
        .await
        .map_err(|_| PageError::Internal)?
        .map_err(|e| {
            tracing::error!(error = %e, "plan could not be made");
            PageError::Internal
        })?;
    Ok(download(bytes, "application/pdf", "routewijzer-plan.pdf"))
}
