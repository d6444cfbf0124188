//! The personal route: `route::report::report` rendered as a step-by-step page (first what to do
//! now with its deadline and the most serious warnings, then the next steps one line each, the
//! rest collapsed but readable), with warnings, deadlines, sources and the reason for every item;
//! and the deadlines as a calendar file.

mod page;
mod plan;

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

pub use plan::plan;

use crate::http::answers;
use crate::http::error::PageError;
use crate::http::i18n::Lang;
use crate::http::links::next_location;
use crate::http::page_cache::{CachedPage, Encoding};
use crate::http::state::AppState;
use page::{RouteWhyPage, page};

/// The two pages of one route: the route itself, and its warnings, reasons and sources.
#[derive(Clone, Copy, Hash)]
enum Part {
    Route,
    Why,
}

/// In front of the sessions: sends a cached route page for a session seen in the last minute
/// without loading the session, as a static file server would send a file. Everything else
/// (a new session, a page not yet rendered, a session whose expiry is due to move, a database
/// that other servers share) goes the usual way, through [`show`] and [`why`].
pub async fn cached(
    State((state, sessions)): State<(AppState, store::SessionBackend)>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    match cached_page(&state, &sessions, &request) {
        Some((mut response, pattern)) => {
            response
                .extensions_mut()
                .insert(crate::http::logging::RoutePattern(pattern.to_string()));
            response
        }
        None => next.run(request).await,
    }
}

fn cached_page(
    state: &AppState,
    sessions: &store::SessionBackend,
    request: &axum::extract::Request,
) -> Option<(Response, &'static str)> {
    if request.method() != axum::http::Method::GET {
        return None;
    }
    let (part, pattern) = match request.uri().path() {
        "/route" => (Part::Route, "/route"),
        "/route/waarom" => (Part::Why, "/route/waarom"),
        _ => return None,
    };
    let headers = request.headers();
    let id = crate::http::i18n::cookie(headers, crate::SESSION_COOKIE)?;
    let idle = crate::SESSION_IDLE.as_secs() as i64;
    let fingerprint = sessions
        .recent_value(id, answers::FINGERPRINT, idle)?
        .as_u64()?;
    let key = cache_key(
        fingerprint,
        state.today.date(),
        Lang::from_headers(headers),
        part,
    );
    let page = state.route_cache.get(key)?;
    Some((page.response(Encoding::preferred(headers)), pattern))
}

/// `GET /route`: the route for the answers in the session.
pub async fn show(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    rendered(state, lang, session, headers, Part::Route).await
}

/// `GET /route/waarom`: every warning in full, the reasons and the sources of the route.
pub async fn why(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    rendered(state, lang, session, headers, Part::Why).await
}

async fn rendered(
    state: AppState,
    lang: Lang,
    session: Session,
    headers: HeaderMap,
    part: Part,
) -> Result<Response, PageError> {
    let Some(fingerprint) = answers::fingerprint(&session).await? else {
        return Ok(Redirect::to("/").into_response());
    };
    let lib = state.lib_for(lang);
    let today = state.today.date();
    let key = cache_key(fingerprint, today, lang, part);
    // A cached page was complete for the same answers and day, so it needs no intake check.
    let page = match state.route_cache.get(key) {
        Some(page) => page,
        None => {
            let stored = answers::load(&session).await?;
            let s = answers::situation(&lib.k, &stored, today);
            let next = next_location(&state, &s);
            if next != "/controle" {
                return Ok(Redirect::to(&next).into_response());
            }
            let advice = route::advise(&lib.k, &s);
            let report = route::report::report(&lib.k, &advice);
            let mut view = page(lib, &report, lang);
            view.layout.restart = true;
            let html = match part {
                Part::Route => view.render(),
                Part::Why => RouteWhyPage::new(view).render(),
            };
            let html = match html {
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
    Ok(page.response(Encoding::preferred(&headers)))
}

/// The route page depends only on the answers, the region, the day and the language.
fn cache_key(fingerprint: u64, today: jiff::civil::Date, lang: Lang, part: Part) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    fingerprint.hash(&mut h);
    today.hash(&mut h);
    lang.code().hash(&mut h);
    part.hash(&mut h);
    h.finish()
}

/// `GET /route.ics`: the computed deadlines as a calendar file.
pub async fn calendar(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
) -> Result<Response, PageError> {
    let stored = answers::load(&session).await?;
    if stored.is_empty() {
        return Ok(Redirect::to("/").into_response());
    }
    // The calendar's texts follow the reader's language, like the page it came from.
    let lib = state.lib_for(lang);
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
