//! One guard for every POST: the body is read within its size limit, then the form's CSRF token
//! is compared with the one in the session. A form without the right token gets a 403 page.
//!
//! The limit is enforced here because the body has to be read anyway to find the token; the
//! handler then gets the same bytes. Form posts may be at most [`crate::FORM_LIMIT`], the
//! answers-file upload at most [`crate::UPLOAD_LIMIT`], a new event with its attachment at most
//! [`crate::ATTACHMENT_LIMIT`], a case file to import at most [`crate::IMPORT_LIMIT`].

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::Response;
use tower_sessions::Session;
use tower_sessions::session::Id;

use crate::error::PageError;
use crate::i18n::Lang;

/// The name of the hidden form field.
pub const FIELD: &str = "csrf";
const KEY: &str = "csrf";
/// The only path that takes a file upload.
pub const UPLOAD_PATH: &str = "/antwoorden";

/// The session's token, made on first use. A session id is 128 random bits, so a fresh one is a
/// good token; it is not the session's own id.
pub async fn token(session: &Session) -> Result<String, PageError> {
    if let Some(t) = session.get::<String>(KEY).await? {
        return Ok(t);
    }
    let t = Id::default().to_string();
    session.insert(KEY, &t).await?;
    Ok(t)
}

pub async fn guard(session: Session, request: Request, next: Next) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    let lang = Lang::from_headers(request.headers());
    let path = request.uri().path();
    let limit = if path == UPLOAD_PATH {
        crate::UPLOAD_LIMIT
    } else if path.starts_with("/dossiers/") && path.ends_with("/gebeurtenissen") {
        crate::ATTACHMENT_LIMIT
    } else if path == "/dossiers/importeren" {
        crate::IMPORT_LIMIT
    } else {
        crate::FORM_LIMIT
    };
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        return PageError::TooLarge.page(lang);
    };
    let sent = form_token(&parts.headers, &bytes).await;
    let expected = match session.get::<String>(KEY).await {
        Ok(t) => t,
        Err(_) => return PageError::Internal.page(lang),
    };
    match (sent, expected) {
        (Some(sent), Some(expected)) if same(sent.as_bytes(), expected.as_bytes()) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        _ => {
            tracing::info!("form refused: missing or wrong CSRF token");
            PageError::Forbidden.page(lang)
        }
    }
}

/// The token field of an urlencoded or multipart form.
async fn form_token(headers: &axum::http::HeaderMap, bytes: &Bytes) -> Option<String> {
    let content_type = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    if content_type.starts_with("multipart/form-data") {
        let mut request = Request::new(Body::from(bytes.clone()));
        request.headers_mut().insert(
            header::CONTENT_TYPE,
            headers.get(header::CONTENT_TYPE)?.clone(),
        );
        let mut multipart = Multipart::from_request(request, &()).await.ok()?;
        while let Ok(Some(field)) = multipart.next_field().await {
            if field.name() == Some(FIELD) {
                return field.text().await.ok();
            }
        }
        None
    } else {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(bytes).ok()?;
        pairs.into_iter().find(|(k, _)| k == FIELD).map(|(_, v)| v)
    }
}

/// Compares in time that does not depend on where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
