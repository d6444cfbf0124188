//! Errors of the API as problem details (RFC 9457, `application/problem+json`): a `type`, a
//! short `title`, the `status`, a `detail` that says what to do, and `errors` naming each field
//! (a JSON pointer into the body) or query parameter that was wrong.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// The media type of a problem body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// One thing wrong with the request.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct FieldProblem {
    /// A JSON pointer to the member of the body at fault (`/date`); empty for the body as a
    /// whole. Absent when a query parameter is at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// The query parameter at fault (`q`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    /// What is wrong, and what was understood.
    pub detail: String,
}

impl FieldProblem {
    pub fn at(pointer: &str, detail: impl Into<String>) -> Self {
        FieldProblem {
            pointer: Some(pointer.to_string()),
            parameter: None,
            detail: detail.into(),
        }
    }

    pub fn parameter(name: &str, detail: impl Into<String>) -> Self {
        FieldProblem {
            pointer: None,
            parameter: Some(name.to_string()),
            detail: detail.into(),
        }
    }
}

/// A problem details body, and the headers that go with its status.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// `about:blank` for the plain meaning of the status, or one of the
    /// `urn:routewijzer:problem:` types of `docs/api.md`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub errors: Vec<FieldProblem>,
    /// Seconds until the rate limit lets the token in again (429 only; also `Retry-After`).
    #[serde(skip)]
    retry_after: Option<u64>,
}

impl Problem {
    fn new(status: StatusCode, kind: &str, title: &str, detail: impl Into<String>) -> Self {
        Problem {
            kind: kind.to_string(),
            title: title.to_string(),
            status: status.as_u16(),
            detail: detail.into(),
            errors: Vec::new(),
            retry_after: None,
        }
    }

    /// 400: the body is not JSON, or not of the right shape at all.
    pub fn bad_body(detail: impl Into<String>) -> Self {
        Problem::new(
            StatusCode::BAD_REQUEST,
            "urn:routewijzer:problem:bad-body",
            "The body is not valid JSON",
            detail,
        )
    }

    /// 413: the body is larger than the API takes.
    pub fn too_large() -> Self {
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "about:blank",
            "Content Too Large",
            format!("Send at most {} KB.", crate::FORM_LIMIT / 1024),
        )
    }

    /// 422: the body or query was read, but some fields are wrong; `errors` names them.
    pub fn invalid(errors: Vec<FieldProblem>) -> Self {
        let mut p = Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "urn:routewijzer:problem:invalid-input",
            "Some input is not valid",
            "Correct the fields named in errors and send the request again.",
        );
        p.errors = errors;
        p
    }

    /// 401: no token, or one that is unknown or revoked.
    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Problem::new(
            StatusCode::UNAUTHORIZED,
            "about:blank",
            "Unauthorized",
            detail,
        )
    }

    /// 403: the token or its account may not do this.
    pub fn forbidden(detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::FORBIDDEN, "about:blank", "Forbidden", detail)
    }

    /// 404: no such thing, or not the caller's to know of.
    pub fn not_found(detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::NOT_FOUND, "about:blank", "Not Found", detail)
    }

    /// 429: the token made too many requests in this window.
    pub fn too_many(retry_after: u64) -> Self {
        let mut p = Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "about:blank",
            "Too Many Requests",
            format!(
                "This token may make {} requests per minute. Try again in {retry_after} s.",
                crate::http::api_tokens::REQUESTS_PER_WINDOW
            ),
        );
        p.retry_after = Some(retry_after);
        p
    }

    /// 500: the store failed; the log has the cause.
    pub fn internal() -> Self {
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "about:blank",
            "Internal Server Error",
            "Something went wrong on the server. Try again later.",
        )
    }
}

/// A store or case error: logged, and answered as a 500 problem.
pub fn internal(e: impl std::fmt::Display) -> Problem {
    tracing::error!(error = %e, "API request failed");
    Problem::internal()
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut response = (status, body).into_response();
        let h = response.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if status == StatusCode::UNAUTHORIZED {
            h.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"routewijzer\""),
            );
        }
        if let Some(s) = self.retry_after {
            h.insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        response
    }
}
