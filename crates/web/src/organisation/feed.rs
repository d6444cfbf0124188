//! The calendar feed of an advocate: a secret address (`/agenda/{secret}.ics`) that a calendar
//! app polls without logging in, with the deadlines of every case the account helps with.
//!
//! The secret is 256 random bits; the store keeps only its SHA-256 hash, so a copy of the
//! database does not open anyone's feed. A revoked address stops working at the next poll. The
//! feed holds only what the advocate may see on the caseload page: the case's title, the term's
//! title and date, and the content's explanation of the term. Each poll reads the cases, so it
//! writes an audit line per case, as the caseload page does.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Timestamp;
use jiff::civil::Time;
use store::{FeedToken, new_id};
use tower_sessions::Session;

use super::caseload::{case_href, helped_cases};
use crate::http::auth::{SignedIn, now};
use crate::http::error::PageError;
use crate::http::error::store_error;
use crate::http::i18n::Lang;
use crate::http::state::AppState;
use cases::attachments::sha256_hex;

/// The hash the store keeps of a feed secret.
fn hash(secret: &str) -> String {
    sha256_hex(secret.as_bytes())
}

/// The address of a feed as a calendar app needs it: absolute, on the host the browser used.
fn feed_url(state: &AppState, headers: &HeaderMap, secret: &str) -> String {
    let path = format!("/agenda/{secret}.ics");
    match headers.get(header::HOST).and_then(|h| h.to_str().ok()) {
        Some(host) if !host.is_empty() => {
            // Secure cookies mean the site is served over https (behind a proxy).
            let scheme = if state.secure_cookies {
                "https"
            } else {
                "http"
            };
            format!("{scheme}://{host}{path}")
        }
        _ => path,
    }
}

/// `POST /begeleiding/agenda`: makes a new feed address and shows it once.
pub async fn create(
    State(state): State<AppState>,
    lang: Lang,
    user: SignedIn,
    session: Session,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let secret = format!("{}{}", new_id(), new_id());
    let token = FeedToken {
        id: new_id(),
        user_id: user.user.id.clone(),
        created_at: now(),
        revoked_at: None,
    };
    state
        .store
        .create_feed_token(&token, &hash(&secret))
        .await
        .map_err(store_error)?;
    let url = feed_url(&state, &headers, &secret);
    super::caseload::page(&state, lang, &user, &session, Some(url)).await
}

/// `POST /begeleiding/agenda/{id}/intrekken`
pub async fn revoke(
    State(state): State<AppState>,
    user: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    // Revoking an address that is not this account's, or that ended before, changes nothing.
    state
        .store
        .revoke_feed_token(&user.user.id, &id, now())
        .await
        .map_err(store_error)?;
    Ok(Redirect::to("/begeleiding#agenda").into_response())
}

/// `GET /agenda/{secret}.ics`: the feed, or "not found" for an unknown or revoked secret.
pub async fn calendar(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, PageError> {
    let Some(secret) = file.strip_suffix(".ics") else {
        return Err(PageError::NotFound);
    };
    let Some(user_id) = state
        .store
        .feed_token_user(&hash(secret))
        .await
        .map_err(store_error)?
    else {
        return Err(PageError::NotFound);
    };
    let body = feed(&state, &user_id).await?;
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // The secret is in the address: keep it out of logs and referrers of other sites.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    Ok(response)
}

/// The calendar text of an account's feed: one event per deadline of every case it helps with.
pub async fn feed(state: &AppState, user_id: &str) -> Result<String, PageError> {
    let actor = store::Actor {
        user_id: user_id.to_string(),
        now: now(),
    };
    let mut events = Vec::new();
    let helped = helped_cases(state, user_id).await?;
    let ids: Vec<&str> = helped.iter().map(|(c, _)| c.id.as_str()).collect();
    state
        .store
        .log_access_many(&ids, &actor, "read /agenda")
        .await
        .map_err(store_error)?;
    for (case, role) in helped {
        let Some(a) = state.case_advice(&case.id).await? else {
            continue;
        };
        let report = route::report::report(&state.lib.k, &a.advice);
        let href = case_href(&case.id, role);
        for mut e in route::deadlines_ics::calendar(&report).events {
            // The route's UID names the term and its start; the case id makes it unique
            // across cases, and stays the same on every poll.
            e.uid = format!("{}-{}", case.id, e.uid);
            e.summary = format!("{} ({})", e.summary, case.title);
            e.description = format!("{}\n\nDossier: {href}", e.description);
            events.push(e);
        }
    }
    events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.uid.cmp(&b.uid)));
    let calendar = ics::Calendar {
        prod_id: "-//Routewijzer//Begeleiding//NL".to_string(),
        events,
    };
    // DTSTAMP is the app's today at midnight: the same cases give the same file all day.
    let stamp = state
        .today
        .date()
        .to_datetime(Time::midnight())
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::UNIX_EPOCH);
    Ok(calendar.to_ics_string(stamp))
}
