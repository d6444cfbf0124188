//! The caseload of an advocate (`/begeleiding`): every case they help with (any role but
//! owner), with its current step, its next deadline and how long its timeline has been silent,
//! most urgent first; the deadlines of the coming two weeks across those cases; and the secret
//! calendar-feed addresses of the account ([`crate::feed`]).
//!
//! Reading a case for this page is an access by someone other than the parent, so each case
//! read gets a line in its audit log. A volunteer who may only see a case's summary sees its
//! step and deadlines here, never anything from its timeline.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use jiff::civil::Date;
use store::{Case, Role};
use tower_sessions::Session;

use super::case_ref;
use crate::http::auth::{SignedIn, now};
use crate::http::csrf;
use crate::http::error::PageError;
use crate::http::error::store_error;
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::state::AppState;

/// How far ahead the overview of deadlines looks, in days.
pub const OVERVIEW_DAYS: i64 = 14;

/// One computed deadline of a case.
#[derive(Debug, Clone)]
pub struct Deadline {
    pub term_id: String,
    pub title: String,
    pub date: Date,
    /// The date in words with its weekday, e.g. "dinsdag 13 juli 2027".
    pub date_text: String,
}

/// The deadlines of an advice that have a date, earliest first, with their titles and dates in
/// `lang`.
pub fn deadlines(state: &AppState, lang: Lang, advice: &route::Advice) -> Vec<Deadline> {
    let mut out: Vec<Deadline> = advice
        .terms
        .iter()
        .filter_map(|t| {
            let d = t.deadline.as_ref()?;
            let term = state.lib_for(lang).k.terms.iter().find(|x| x.id == t.id)?;
            Some(Deadline {
                term_id: t.id.clone(),
                title: term.title.clone(),
                date: d.date,
                date_text: calendar::format_date(d.date, lang.content()),
            })
        })
        .collect();
    out.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.term_id.cmp(&b.term_id)));
    out
}

/// The cases this account helps with, and its role in each: every role but owner.
pub async fn helped_cases(state: &AppState, user_id: &str) -> Result<Vec<(Case, Role)>, PageError> {
    let cases = state
        .store
        .cases_for_user(user_id, now())
        .await
        .map_err(store_error)?;
    Ok(cases
        .into_iter()
        .filter(|(_, role)| *role != Role::Owner)
        .collect())
}

/// Where an advocate opens a case: the whole case with a read role, else its summary.
pub fn case_href(case_id: &str, role: Role) -> String {
    if role >= Role::Read {
        format!("/dossiers/{case_id}")
    } else {
        format!("/dossiers/{case_id}/samenvatting")
    }
}

/// Days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    from.until(to)
        .map(|span| i64::from(span.get_days()))
        .unwrap_or(0)
}

/// What the page knows of one case, before it is put in words.
struct Line {
    case: Case,
    role: Role,
    step: Option<String>,
    next: Option<Deadline>,
    /// Days since the latest event on the timeline; `None` when there is none or the role may
    /// not see the timeline.
    silence: Option<i64>,
    /// Whether the role may see the timeline at all.
    sees_timeline: bool,
}

/// Most urgent first: the earliest next deadline (cases without one last), then the longest
/// silence.
fn by_urgency(a: &Line, b: &Line) -> std::cmp::Ordering {
    let deadline = |l: &Line| (l.next.is_none(), l.next.as_ref().map(|d| d.date));
    deadline(a)
        .cmp(&deadline(b))
        .then_with(|| b.silence.cmp(&a.silence))
        .then_with(|| a.case.title.cmp(&b.case.title))
}

struct CaseRow {
    href: String,
    title: String,
    /// The case's reference, since several cases may have the same title.
    case_ref: String,
    role: String,
    step: String,
    next: String,
    silence: String,
}

struct UpcomingRow {
    date: String,
    when: String,
    term: String,
    case_title: String,
    case_ref: String,
    href: String,
}

struct FeedRow {
    id: String,
    /// When it was made, and revoked if it was.
    text: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "caseload.html")]
struct CaseloadPage {
    layout: Layout,
    csrf: String,
    cases: Vec<CaseRow>,
    upcoming: Vec<UpcomingRow>,
    days: i64,
    feeds: Vec<FeedRow>,
    /// The address of a feed made just now: shown this once, never again.
    new_feed_url: Option<String>,
}

fn day_of(t: i64) -> String {
    jiff::Timestamp::from_second(t)
        .map(|ts| ts.strftime("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// `GET /begeleiding`
pub async fn show(
    State(state): State<AppState>,
    lang: Lang,
    user: SignedIn,
    session: Session,
) -> Result<Response, PageError> {
    page(&state, lang, &user, &session, None).await
}

/// The caseload page; `new_feed_url` is the address of a feed made by this very request.
pub async fn page(
    state: &AppState,
    lang: Lang,
    user: &SignedIn,
    session: &Session,
    new_feed_url: Option<String>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let today = state.today.date();
    let store = &state.store;
    let actor = user.actor();
    let mut lines = Vec::new();
    // (deadline, case title, case id, link)
    let mut upcoming: Vec<(Deadline, String, String, String)> = Vec::new();
    let helped = helped_cases(state, &user.user.id).await?;
    let ids: Vec<&str> = helped.iter().map(|(c, _)| c.id.as_str()).collect();
    store
        .log_access_many(&ids, &actor, "read /begeleiding")
        .await
        .map_err(store_error)?;
    for (case, role) in helped {
        let advice = state.case_advice(&case.id).await?;
        let (step, all) = match &advice {
            Some(a) => {
                let step = state
                    .lib_for(lang)
                    .k
                    .steps
                    .iter()
                    .find(|s| s.id == a.advice.current)
                    .map(|s| s.title.clone());
                (step, deadlines(state, lang, &a.advice))
            }
            None => (None, Vec::new()),
        };
        let href = case_href(&case.id, role);
        for d in &all {
            let left = days_between(today, d.date);
            if (0..=OVERVIEW_DAYS).contains(&left) {
                upcoming.push((d.clone(), case.title.clone(), case.id.clone(), href.clone()));
            }
        }
        let sees_timeline = role >= Role::Read;
        let silence = if sees_timeline {
            store
                .events(&case.id)
                .await
                .map_err(store_error)?
                .iter()
                .filter_map(|e| e.date.parse::<Date>().ok())
                .max()
                .map(|last| days_between(last, today))
        } else {
            None
        };
        lines.push(Line {
            next: all.into_iter().find(|d| d.date >= today),
            case,
            role,
            step,
            silence,
            sees_timeline,
        });
    }
    lines.sort_by(by_urgency);
    upcoming.sort_by(|a, b| (a.0.date, &a.1, &a.0.title).cmp(&(b.0.date, &b.1, &b.0.title)));
    let cases = lines
        .into_iter()
        .map(|l| CaseRow {
            href: case_href(&l.case.id, l.role),
            case_ref: case_ref::label(i, &l.case.id),
            title: l.case.title,
            role: i.t(&format!("caseload-role-{}", l.role.as_str())),
            step: l.step.unwrap_or_else(|| i.t("caseload-no-step")),
            next: l
                .next
                .map(|d| format!("{} ({})", d.date_text, d.title))
                .unwrap_or_else(|| i.t("caseload-no-deadline")),
            silence: match (l.sees_timeline, l.silence) {
                (false, _) => i.t("caseload-silence-hidden"),
                (true, None) => i.t("caseload-no-events"),
                (true, Some(days)) => i.count("caseload-silence", days.max(0) as usize, &[]),
            },
        })
        .collect();
    let upcoming = upcoming
        .into_iter()
        .map(|(d, case_title, case_id, href)| UpcomingRow {
            when: i.count(
                "caseload-days-left",
                days_between(today, d.date).max(0) as usize,
                &[],
            ),
            date: d.date_text,
            term: d.title,
            case_title,
            case_ref: case_ref::label(i, &case_id),
            href,
        })
        .collect();
    let feeds = store
        .feed_tokens(&user.user.id)
        .await
        .map_err(store_error)?
        .into_iter()
        .map(|f| FeedRow {
            text: match f.revoked_at {
                None => i.t1("feed-active", "date", day_of(f.created_at)),
                Some(r) => i.args(
                    "feed-revoked",
                    &[("date", day_of(f.created_at)), ("revoked", day_of(r))],
                ),
            },
            active: f.revoked_at.is_none(),
            id: f.id,
        })
        .collect();
    let csrf = csrf::token(session).await?;
    Ok(render(&CaseloadPage {
        layout: Layout::new(lang, "caseload-title", "/begeleiding"),
        csrf,
        cases,
        upcoming,
        days: OVERVIEW_DAYS,
        feeds,
        new_feed_url,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn line(title: &str, next: Option<Date>, silence: Option<i64>) -> Line {
        Line {
            case: Case {
                id: title.into(),
                owner_id: String::new(),
                title: title.into(),
                created_at: 0,
            },
            role: Role::Read,
            step: None,
            next: next.map(|d| Deadline {
                term_id: "t".into(),
                title: "t".into(),
                date: d,
                date_text: String::new(),
            }),
            silence,
            sees_timeline: true,
        }
    }

    #[test]
    fn urgency_is_the_deadline_first_then_the_silence() {
        let mut lines = [
            line("geen termijn, lang stil", None, Some(90)),
            line("later", Some(date(2027, 8, 1)), Some(50)),
            line("vroeg, kort stil", Some(date(2027, 7, 1)), Some(2)),
            line("vroeg, lang stil", Some(date(2027, 7, 1)), Some(30)),
            line("vroeg, niets te zien", Some(date(2027, 7, 1)), None),
        ];
        lines.sort_by(by_urgency);
        let order: Vec<&str> = lines.iter().map(|l| l.case.title.as_str()).collect();
        assert_eq!(
            order,
            [
                "vroeg, lang stil",
                "vroeg, kort stil",
                "vroeg, niets te zien",
                "later",
                "geen termijn, lang stil"
            ]
        );
    }

    #[test]
    fn days_count_both_ways() {
        assert_eq!(days_between(date(2027, 6, 20), date(2027, 7, 4)), 14);
        assert_eq!(days_between(date(2027, 7, 4), date(2027, 6, 20)), -14);
    }
}
