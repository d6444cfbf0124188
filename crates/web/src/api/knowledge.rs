//! The routes of the API that need no token: advice for a situation, the intake's questions,
//! the route's steps, and the knowledge search. They read only the content, the same for
//! everyone, and keep nothing of the request.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use route::report::{Report, RouteStepView};
use route::situation::QuestionView;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::problem::{FieldProblem, Problem};
use crate::http::state::AppState;

/// The most search results given.
const SEARCH_LIMIT: usize = 20;
/// Longer queries are refused; nobody types more, and it bounds the work per request.
const MAX_QUERY: usize = 200;

/// `?lang=`: the language of the texts in the answer.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// `nl` (the default) or `en`: the texts of the content in Dutch or in English. Ids,
    /// statuses and dates are the same in both; letters stay Dutch.
    lang: Option<String>,
}

/// The content in the asked language, or a problem naming the parameter.
fn library<'s>(
    state: &'s AppState,
    lang: Option<&str>,
) -> Result<&'s crate::http::library::Library, Problem> {
    match lang.map(str::trim) {
        None | Some("") | Some("nl") => Ok(&state.lib),
        Some("en") => Ok(&state.lib_en),
        Some(other) => Err(Problem::invalid(vec![FieldProblem::parameter(
            "lang",
            format!("'{other}' is not a language here: use nl or en."),
        )])),
    }
}

/// The JSON of a body, or a problem that says why it is none: 413 when it was too large to
/// read (the API's limit is [`crate::FORM_LIMIT`]), 400 when it is not JSON.
pub fn json_body(
    body: Result<Bytes, BytesRejection>,
) -> Result<(Bytes, serde_json::Value), Problem> {
    let body = body.map_err(|e| match e.status() {
        axum::http::StatusCode::PAYLOAD_TOO_LARGE => Problem::too_large(),
        _ => Problem::bad_body(format!("The body could not be read: {e}")),
    })?;
    let json = serde_json::from_slice(&body)
        .map_err(|e| Problem::bad_body(format!("Send a JSON object: {e}")))?;
    Ok((body, json))
}

/// `POST /api/v1/advise`
#[utoipa::path(
    post,
    path = "/api/v1/advise",
    tag = "advice",
    summary = "The advice for a situation",
    description = "The body is a situation as in docs/situation-format.md, as a JSON object: \
        `today` (ISO date), optionally `region`, and answers by question id (see \
        /api/v1/questions). The answer is the advice as in docs/advice-format.md, with the \
        `content_version` it was given on. Nothing is stored.",
    params(LangQuery),
    request_body(content = Object, content_type = "application/json"),
    responses(
        (status = 200, description = "The advice", body = Report),
        (status = 400, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than 64 KB", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An answer or `today` is not valid, or `lang` is not nl or en; `errors` names it", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn advise(
    State(state): State<AppState>,
    Query(l): Query<LangQuery>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let k = match library(&state, l.lang.as_deref()) {
        Ok(lib) => &lib.k,
        Err(p) => return p.into_response(),
    };
    let body = match json_body(body) {
        Ok((body, _)) => body,
        Err(p) => return p.into_response(),
    };
    let text = String::from_utf8_lossy(&body);
    let situation = match route::situation::from_json(k, &text) {
        Ok(s) => s,
        Err(e) => {
            let pointer = if e.key.is_empty() {
                String::new()
            } else {
                format!("/{}", e.key)
            };
            return Problem::invalid(vec![FieldProblem::at(&pointer, e.message)]).into_response();
        }
    };
    let advice = route::advise(k, &situation);
    Json(route::report::report(k, &advice)).into_response()
}

/// `GET /api/v1/questions`
#[utoipa::path(
    get,
    path = "/api/v1/questions",
    tag = "advice",
    summary = "The questions of the intake",
    description = "Every question a situation may answer, with what its answer may be.",
    params(LangQuery),
    responses(
        (status = 200, description = "The questions, in intake order", body = [QuestionView]),
        (status = 422, description = "`lang` is not nl or en", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn questions(State(state): State<AppState>, Query(l): Query<LangQuery>) -> Response {
    match library(&state, l.lang.as_deref()) {
        Ok(lib) => Json(route::situation::questions(&lib.k)).into_response(),
        Err(p) => p.into_response(),
    }
}

/// `GET /api/v1/route`
#[utoipa::path(
    get,
    path = "/api/v1/route",
    tag = "advice",
    summary = "The steps of the route",
    description = "Every step of the escalation route as the content has it, the same for \
        everyone; /api/v1/advise says which apply to a situation.",
    params(LangQuery),
    responses(
        (status = 200, description = "The steps, in route order", body = [RouteStepView]),
        (status = 422, description = "`lang` is not nl or en", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn route(State(state): State<AppState>, Query(l): Query<LangQuery>) -> Response {
    match library(&state, l.lang.as_deref()) {
        Ok(lib) => Json(route::report::route_steps(&lib.k)).into_response(),
        Err(p) => p.into_response(),
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// The words to find, at most 200 characters: Dutch ("vrijstellingen" finds
    /// "vrijstelling"), or English with `lang=en`.
    q: Option<String>,
    /// `nl` (the default) or `en`: which texts to search, with that language's stemming.
    lang: Option<String>,
}

/// One search result.
#[derive(Serialize, ToSchema)]
pub struct SearchHit {
    pub id: String,
    /// `step`, `organisation`, `article` or `glossary`.
    pub kind: String,
    pub title: String,
    /// The page of the web app with the whole text.
    pub url: String,
    /// Plain text around the best match.
    pub snippet: String,
    /// Byte ranges `[start, end)` of the matched words in `snippet`.
    pub highlights: Vec<[usize; 2]>,
}

#[derive(Serialize, ToSchema)]
pub struct SearchResults {
    pub query: String,
    /// At most 20, best first.
    pub hits: Vec<SearchHit>,
}

/// `GET /api/v1/search?q=`
#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "advice",
    summary = "Search the knowledge base",
    description = "The search of the web app's knowledge pages: steps, organisations, articles \
        and the glossary.",
    params(SearchQuery),
    responses(
        (status = 200, description = "The results", body = SearchResults),
        (status = 422, description = "`q` is missing, empty or too long, or `lang` is not nl or en", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn search(State(state): State<AppState>, Query(q): Query<SearchQuery>) -> Response {
    let lib = match library(&state, q.lang.as_deref()) {
        Ok(lib) => lib,
        Err(p) => return p.into_response(),
    };
    let query = q.q.unwrap_or_default().trim().to_string();
    if query.is_empty() {
        return Problem::invalid(vec![FieldProblem::parameter(
            "q",
            "Give the words to search for, e.g. ?q=vrijstelling.",
        )])
        .into_response();
    }
    if query.chars().count() > MAX_QUERY {
        return Problem::invalid(vec![FieldProblem::parameter(
            "q",
            format!("Use at most {MAX_QUERY} characters."),
        )])
        .into_response();
    }
    let hits = match lib.search.search(&query, SEARCH_LIMIT) {
        Ok(found) => found,
        Err(e) => return super::problem::internal(e).into_response(),
    };
    let hits = hits
        .into_iter()
        .map(|h| SearchHit {
            id: h.id,
            kind: h.kind,
            title: h.title,
            url: h.url,
            snippet: h.snippet,
            highlights: h.highlights.into_iter().map(|(a, b)| [a, b]).collect(),
        })
        .collect();
    Json(SearchResults { query, hits }).into_response()
}
