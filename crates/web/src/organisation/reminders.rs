//! Reminder mails a week and a day before each deadline: to the parent who switched them on for
//! the case (`/dossiers/{case}/herinneringen`, off until they do), and to everyone who helps
//! with the case (an accepted share, or a help request assigned to them), since they may all
//! see its deadlines.
//!
//! [`send_due`] sends what is due on a day; the server runs it at start and then every hour
//! ([`spawn`]), so a reminder goes out early on its day. Each mail is first recorded in the
//! store under (case, term, deadline, recipient, lead time); only the run that recorded it sends
//! it, so a mail goes out once however often the job runs and however many servers run it. A
//! mail the SMTP server refused is logged and its record removed, so the next run tries again;
//! a mail that went out is in the case's audit log (`reminder.send`, by its recipient).
//!
//! A week-reminder that was not sent on its day (the server was down, or the deadline only
//! became known later) goes out on a later day while more than one day is left, saying how many
//! days are left; the day-reminder goes out on the last day before the deadline only.

use std::collections::BTreeSet;
use std::time::Duration;

use askama::Template;
use axum::extract::{Form, State};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use serde::Deserialize;
use store::{Actor, ReminderKey, Role, StoreError};
use tower_sessions::Session;

use super::caseload::{case_href, days_between, deadlines};
use crate::http::auth::now;
use crate::http::case_access::CaseAccess;
use crate::http::csrf;
use crate::http::error::PageError;
use crate::http::error::store_error;
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::state::AppState;

/// How many days before a deadline a reminder goes out, longest first.
pub const LEADS: [i64; 2] = [7, 1];

/// How often the server looks for reminders that are due.
const CHECK_EVERY: Duration = Duration::from_secs(60 * 60);

/// Why the reminders of a day could not all be sent. Reminders recorded before the failure went
/// out; running again sends the rest.
#[derive(Debug, thiserror::Error)]
pub enum ReminderError {
    #[error("reminders: the database failed ({0}); they will be tried again at the next run")]
    Store(#[from] StoreError),
}

/// The lead time whose reminder is due when `days_left` days are left, if any: a lead `L` is due
/// while more days are left than the next shorter lead, and at most `L`.
pub fn due_lead(days_left: i64) -> Option<i64> {
    LEADS.iter().enumerate().find_map(|(n, lead)| {
        let shorter = LEADS.get(n + 1).copied().unwrap_or(0);
        (days_left > shorter && days_left <= *lead).then_some(*lead)
    })
}

/// Sends every reminder that is due on `today` and was not sent before; returns how many went
/// out.
pub async fn send_due(state: &AppState, today: Date) -> Result<usize, ReminderError> {
    let store = &state.store;
    let t = now();
    // The cases to look at, and for each the accounts that may help with it.
    let mut cases: BTreeSet<String> = store.reminder_cases(t).await?.into_iter().collect();
    let help = store.open_help_requests().await?;
    for r in help.iter().filter(|r| r.assigned_to.is_some()) {
        cases.insert(r.case_id.clone());
    }
    let mut sent = 0;
    for case_id in cases {
        let Some(case) = store.case_by_id(&case_id).await? else {
            continue;
        };
        // One case that cannot be read must not hold up the reminders of the others; the
        // store error behind it is in the log already.
        let Ok(Some(advice)) = state.case_advice(&case.id).await else {
            continue;
        };
        // Mails go out in Dutch: an account keeps no language.
        let due: Vec<_> = deadlines(state, crate::http::i18n::Lang::Nl, &advice.advice)
            .into_iter()
            .filter_map(|d| {
                let left = days_between(today, d.date);
                due_lead(left).map(|lead| (d, left, lead))
            })
            .collect();
        if due.is_empty() {
            continue;
        }
        let recipients = recipients(state, &case.id, &case.owner_id, &help, t).await?;
        for (deadline, left, lead) in &due {
            for (user_id, role) in &recipients {
                let key = ReminderKey {
                    case_id: case.id.clone(),
                    term_id: deadline.term_id.clone(),
                    deadline: deadline.date.to_string(),
                    user_id: user_id.clone(),
                    lead_days: *lead,
                };
                if !store.record_reminder(&key, now()).await? {
                    continue;
                }
                let Some(user) = store.user_by_id(user_id).await? else {
                    continue;
                };
                let (subject, body) = mail(state, &case.id, &case.title, deadline, *left, *role);
                match state.mailer.send_now(&user.email, &subject, &body).await {
                    Ok(()) => {
                        sent += 1;
                        let to = Actor {
                            user_id: user_id.clone(),
                            now: now(),
                        };
                        store.log_access(&case.id, &to, "reminder.send").await?;
                    }
                    Err(e) => {
                        // Forgotten, so that the next run tries again.
                        tracing::error!(error = %e, "reminder mail not sent; tried again later");
                        store.forget_reminder(&key).await?;
                    }
                }
            }
        }
    }
    Ok(sent)
}

/// Who gets the reminders of a case, with their role: the owner when they switched reminders
/// on, and every account that has a role in the case now through a share or a help request.
async fn recipients(
    state: &AppState,
    case_id: &str,
    owner_id: &str,
    help: &[store::HelpRequest],
    t: i64,
) -> Result<Vec<(String, Role)>, ReminderError> {
    let store = &state.store;
    let mut out = Vec::new();
    if store.reminders_on(case_id).await? {
        out.push((owner_id.to_string(), Role::Owner));
    }
    let mut helpers: BTreeSet<String> =
        store.share_holders(case_id, t).await?.into_iter().collect();
    helpers.extend(
        help.iter()
            .filter(|r| r.case_id == case_id)
            .filter_map(|r| r.assigned_to.clone()),
    );
    for user_id in helpers {
        // The store decides who has a role; a share or request alone may no longer count.
        match store.role_in_case(case_id, &user_id, t).await? {
            Some(role) if role != Role::Owner => out.push((user_id, role)),
            _ => {}
        }
    }
    Ok(out)
}

/// The subject and text of one reminder, in Dutch. The subject names only the term, never the
/// case (whose title may hold a child's name).
fn mail(
    state: &AppState,
    case_id: &str,
    case_title: &str,
    d: &super::caseload::Deadline,
    days_left: i64,
    role: Role,
) -> (String, String) {
    let i = Tr { lang: Lang::Nl };
    let left = days_left.max(0) as usize;
    let subject = i.count("reminder-mail-subject", left, &[("term", d.title.clone())]);
    let link = state.url(&case_href(case_id, role));
    let why = if role == Role::Owner {
        i.t1(
            "reminder-mail-why-owner",
            "link",
            state.url(&format!("/dossiers/{case_id}/herinneringen")),
        )
    } else {
        i.t("reminder-mail-why-helper")
    };
    let body = [
        i.t("reminder-mail-hello"),
        i.count(
            "reminder-mail-when",
            left,
            &[("case", case_title.to_string())],
        ),
        i.args(
            "reminder-mail-term",
            &[("term", d.title.clone()), ("date", d.date_text.clone())],
        ),
        i.t1("reminder-mail-link", "link", link),
        why,
    ]
    .join("\n\n");
    (subject, body)
}

/// Runs [`send_due`] now and then every hour, for as long as the server runs.
pub fn spawn(state: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(CHECK_EVERY);
        loop {
            tick.tick().await;
            match send_due(&state, state.today.date()).await {
                Ok(n) if n > 0 => tracing::info!(sent = n, "reminder mails sent"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "reminders"),
            }
        }
    });
}

// The owner's choice.

#[derive(Template)]
#[template(path = "reminders.html")]
struct RemindersPage {
    layout: Layout,
    csrf: String,
    case_id: String,
    on: bool,
    email: String,
}

/// `GET /dossiers/{case}/herinneringen`
pub async fn show(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
) -> Result<Response, PageError> {
    let on = state
        .store
        .reminders_on(&access.case.id)
        .await
        .map_err(store_error)?;
    let csrf = csrf::token(&session).await?;
    let layout = Layout::new(
        lang,
        "reminders-title",
        &format!("/dossiers/{}/herinneringen", access.case.id),
    );
    Ok(render(&RemindersPage {
        layout,
        csrf,
        case_id: access.case.id.clone(),
        on,
        email: access.user.user.email.clone(),
    }))
}

#[derive(Deserialize)]
pub struct RemindersForm {
    /// "ja" when the box is ticked; a box that is not ticked is not sent at all.
    #[serde(default)]
    on: String,
}

/// `POST /dossiers/{case}/herinneringen`
pub async fn save(
    State(state): State<AppState>,
    access: CaseAccess,
    Form(f): Form<RemindersForm>,
) -> Result<Response, PageError> {
    let on = f.on == "ja";
    let was = state
        .store
        .reminders_on(&access.case.id)
        .await
        .map_err(store_error)?;
    if on != was {
        state
            .store
            .set_reminders(&access.case.id, on, &access.actor())
            .await
            .map_err(store_error)?;
    }
    Ok(Redirect::to(&format!("/dossiers/{}/herinneringen", access.case.id)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_and_a_day_before() {
        let due: Vec<(i64, Option<i64>)> = (-1..=9).map(|n| (n, due_lead(n))).collect();
        assert_eq!(
            due,
            [
                (-1, None),
                (0, None),
                (1, Some(1)),
                (2, Some(7)),
                (3, Some(7)),
                (4, Some(7)),
                (5, Some(7)),
                (6, Some(7)),
                (7, Some(7)),
                (8, None),
                (9, None)
            ]
        );
    }
}
