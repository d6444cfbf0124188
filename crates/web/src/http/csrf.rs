//! One guard for every POST: the form's CSRF token is compared with the one in the session. A
//! form without the right token gets a 403 page. The JSON API under [`API_PREFIX`] is let by:
//! it is opened by a bearer token only, which a browser never sends by itself. The guard also keeps each path's size limit:
//! form posts at most [`crate::FORM_LIMIT`], the answers-file upload at most
//! [`crate::UPLOAD_LIMIT`], a new event with its attachment at most [`crate::ATTACHMENT_LIMIT`],
//! a case file to import at most [`crate::IMPORT_LIMIT`], a parent's own words (read, or
//! saved into a case) at most [`crate::OWN_WORDS_LIMIT`].
//!
//! An urlencoded form is small: it is read whole to find the token, and the handler gets the
//! same bytes. A multipart upload can be large, so only its start is read: the token must be the
//! form's FIRST field (every multipart form renders it first) and end within [`HEAD_MAX`]
//! bytes. The chunks read for it are put back in front of the rest of the body, which goes on
//! to the handler unread, as a stream; its size is counted on the way.

use std::collections::VecDeque;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use http_body::{Frame, SizeHint};
use tower_sessions::Session;
use tower_sessions::session::Id;

use crate::http::error::PageError;
use crate::http::i18n::Lang;

/// The name of the hidden form field.
pub const FIELD: &str = "csrf";
const KEY: &str = "csrf";
/// The only path that takes a file upload.
pub const UPLOAD_PATH: &str = "/antwoorden";
/// The "in your own words" form, which takes a long text.
pub const OWN_WORDS_PATH: &str = "/eigen-woorden";
/// The first field of a multipart form (the token) must end within this many bytes.
const HEAD_MAX: usize = 16 * 1024;

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

/// The JSON API: it takes a bearer token and never the session cookie, so a page of another
/// site cannot make a browser use it; it has no forms and no CSRF token.
pub const API_PREFIX: &str = "/api/";

pub async fn guard(session: Session, request: Request, next: Next) -> Response {
    if request.method() != Method::POST || request.uri().path().starts_with(API_PREFIX) {
        return next.run(request).await;
    }
    let lang = Lang::from_headers(request.headers());
    let limit = limit_for(request.uri().path());
    let (parts, body) = request.into_parts();
    // A body that says how long it is (Content-Length) is refused before anything is read.
    if body.size_hint().lower() > limit as u64 {
        return PageError::TooLarge.page(lang);
    }
    let (sent, body) = match multipart_type(&parts.headers) {
        Some(content_type) => match multipart_token(content_type, body, limit).await {
            Ok(found) => found,
            Err(TooLarge) => return PageError::TooLarge.page(lang),
        },
        None => {
            let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
                return PageError::TooLarge.page(lang);
            };
            (urlencoded_token(&bytes), Body::from(bytes))
        }
    };
    let expected = match session.get::<String>(KEY).await {
        Ok(t) => t,
        Err(_) => return PageError::Internal.page(lang),
    };
    match (sent, expected) {
        (Some(sent), Some(expected)) if same(sent.as_bytes(), expected.as_bytes()) => {
            next.run(Request::from_parts(parts, body)).await
        }
        _ => {
            tracing::info!("form refused: missing or wrong CSRF token");
            PageError::Forbidden.page(lang)
        }
    }
}

fn limit_for(path: &str) -> usize {
    if path == UPLOAD_PATH {
        crate::UPLOAD_LIMIT
    } else if path.starts_with("/dossiers/") && path.ends_with("/gebeurtenissen") {
        crate::ATTACHMENT_LIMIT
    } else if path == "/dossiers/importeren" {
        crate::IMPORT_LIMIT
    } else if path == OWN_WORDS_PATH
        || path.starts_with("/dossiers/") && path.ends_with(OWN_WORDS_PATH)
    {
        crate::OWN_WORDS_LIMIT
    } else {
        crate::FORM_LIMIT
    }
}

fn multipart_type(headers: &HeaderMap) -> Option<&HeaderValue> {
    headers
        .get(header::CONTENT_TYPE)
        .filter(|v| v.as_bytes().starts_with(b"multipart/form-data"))
}

/// The token field of an urlencoded form.
fn urlencoded_token(bytes: &Bytes) -> Option<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(bytes).ok()?;
    pairs.into_iter().find(|(k, _)| k == FIELD).map(|(_, v)| v)
}

/// The body went over its path's limit.
#[derive(Debug)]
struct TooLarge;

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the request body is larger than this form takes")
    }
}

impl std::error::Error for TooLarge {}

/// Reads a multipart body only as far as its first field, which must be the token. Returns the
/// token (`None` when the first field is another one, or does not end within [`HEAD_MAX`]
/// bytes) and the whole body again: the chunks read so far, then the rest, unread, with
/// `limit` kept over all of it.
async fn multipart_token(
    content_type: &HeaderValue,
    mut body: Body,
    limit: usize,
) -> Result<(Option<String>, Body), TooLarge> {
    let mut chunks = VecDeque::new();
    // The first HEAD_MAX bytes, for the parser; the chunks themselves are not copied.
    let mut head = Vec::new();
    let mut read = 0;
    let token = loop {
        let ended = match next_data(&mut body).await {
            Some(Ok(chunk)) => {
                read += chunk.len();
                if read > limit {
                    return Err(TooLarge);
                }
                let room = HEAD_MAX.saturating_sub(head.len());
                head.extend_from_slice(&chunk[..chunk.len().min(room)]);
                chunks.push_back(chunk);
                false
            }
            Some(Err(_)) => break None,
            None => true,
        };
        match first_field(content_type, &head).await {
            First::Token(t) => break Some(t),
            First::Other => break None,
            First::Unfinished if ended || head.len() >= HEAD_MAX => break None,
            First::Unfinished => {}
        }
    };
    let whole = Prefixed {
        chunks,
        rest: body,
        read,
        limit,
    };
    Ok((token, Body::new(whole)))
}

enum First {
    /// The first field is the token, with this value.
    Token(String),
    /// The first field is another one, or the body is no multipart form.
    Other,
    /// The first field does not end in the bytes so far.
    Unfinished,
}

async fn first_field(content_type: &HeaderValue, head: &[u8]) -> First {
    let mut request = Request::new(Body::from(head.to_vec()));
    request
        .headers_mut()
        .insert(header::CONTENT_TYPE, content_type.clone());
    let Ok(mut form) = Multipart::from_request(request, &()).await else {
        return First::Other;
    };
    match form.next_field().await {
        // A field cut off by the end of `head` is an error here, never a shorter value.
        Ok(Some(field)) if field.name() == Some(FIELD) => match field.text().await {
            Ok(t) => First::Token(t),
            Err(_) => First::Unfinished,
        },
        Ok(Some(_)) | Ok(None) => First::Other,
        Err(_) => First::Unfinished,
    }
}

async fn next_data(body: &mut Body) -> Option<Result<Bytes, axum::Error>> {
    loop {
        match std::future::poll_fn(|cx| Pin::new(&mut *body).poll_frame(cx)).await? {
            Ok(frame) => {
                if let Ok(data) = frame.into_data() {
                    return Some(Ok(data));
                }
            }
            Err(e) => return Some(Err(e)),
        }
    }
}

/// The chunks the guard read, then the rest of the body; an error once more than `limit`
/// bytes came through.
struct Prefixed {
    chunks: VecDeque<Bytes>,
    rest: Body,
    read: usize,
    limit: usize,
}

impl HttpBody for Prefixed {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let this = &mut *self;
        if let Some(chunk) = this.chunks.pop_front() {
            return Poll::Ready(Some(Ok(Frame::data(chunk))));
        }
        let polled = Pin::new(&mut this.rest).poll_frame(cx);
        if let Poll::Ready(Some(Ok(frame))) = &polled
            && let Some(data) = frame.data_ref()
        {
            this.read += data.len();
            if this.read > this.limit {
                return Poll::Ready(Some(Err(axum::Error::new(TooLarge))));
            }
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.chunks.is_empty() && self.rest.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        let buffered: u64 = self.chunks.iter().map(|c| c.len() as u64).sum();
        let rest = self.rest.size_hint();
        let mut hint = SizeHint::new();
        hint.set_lower(rest.lower() + buffered);
        if let Some(upper) = rest.upper() {
            hint.set_upper(upper + buffered);
        }
        hint
    }
}

/// Compares in time that does not depend on where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;
    use tokio::sync::mpsc;

    /// A request body that arrives chunk by chunk, as the test sends them.
    struct Channel(mpsc::UnboundedReceiver<Bytes>);

    impl HttpBody for Channel {
        type Data = Bytes;
        type Error = axum::Error;

        fn poll_frame(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
            self.0.poll_recv(cx).map(|c| c.map(|c| Ok(Frame::data(c))))
        }
    }

    const BOUNDARY: &str = "grens";

    fn content_type() -> HeaderValue {
        HeaderValue::from_str(&format!("multipart/form-data; boundary={BOUNDARY}")).unwrap()
    }

    fn text_field(name: &str, value: &str) -> String {
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        )
    }

    fn file_start() -> String {
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"a.pdf\"\r\n\
             Content-Type: application/pdf\r\n\r\n"
        )
    }

    fn end() -> String {
        format!("\r\n--{BOUNDARY}--\r\n")
    }

    #[tokio::test]
    async fn the_token_is_read_before_the_upload_has_arrived() {
        let (tx, rx) = mpsc::unbounded_channel();
        let first = format!("{}{}", text_field(FIELD, "het-token"), file_start());
        // The token comes in three small pieces, so its value is split over chunks.
        for piece in first.as_bytes().chunks(7) {
            tx.send(Bytes::copy_from_slice(piece)).unwrap();
        }
        tx.send(Bytes::from(vec![b'%'; 64 * 1024])).unwrap();
        // The sender stays open: the rest of the upload has not come yet.
        let (token, body) = tokio::time::timeout(
            Duration::from_secs(5),
            multipart_token(&content_type(), Body::new(Channel(rx)), 1024 * 1024),
        )
        .await
        .expect("the guard does not wait for the whole upload")
        .unwrap();
        assert_eq!(token.as_deref(), Some("het-token"));

        // The handler gets every byte, those the guard read and those that come later.
        for _ in 0..4 {
            tx.send(Bytes::from(vec![b'%'; 64 * 1024])).unwrap();
        }
        tx.send(Bytes::from(end())).unwrap();
        drop(tx);
        let mut request = Request::new(body);
        request
            .headers_mut()
            .insert(header::CONTENT_TYPE, content_type());
        let mut form = Multipart::from_request(request, &()).await.unwrap();
        let csrf = form.next_field().await.unwrap().unwrap();
        assert_eq!(csrf.text().await.unwrap(), "het-token");
        let file = form.next_field().await.unwrap().unwrap();
        assert_eq!(file.name(), Some("bestand"));
        let bytes = file.bytes().await.unwrap();
        assert_eq!(bytes.len(), 5 * 64 * 1024);
        assert!(bytes.iter().all(|b| *b == b'%'));
    }

    async fn token_of(body: String) -> Option<String> {
        multipart_token(&content_type(), Body::from(body), 1024 * 1024)
            .await
            .unwrap()
            .0
    }

    #[tokio::test]
    async fn only_a_first_field_counts_as_the_token() {
        let token_last = format!("{}PDF{}{}--", file_start(), "\r\n", text_field(FIELD, "t"));
        assert_eq!(token_of(token_last).await, None, "the token after the file");
        let other_first = format!(
            "{}{}--{BOUNDARY}--\r\n",
            text_field("kind", "letter"),
            text_field(FIELD, "t")
        );
        assert_eq!(token_of(other_first).await, None);
        assert_eq!(
            token_of(format!("--{BOUNDARY}--\r\n")).await,
            None,
            "no fields"
        );
        assert_eq!(token_of("geen formulier".into()).await, None);
        let cut_off =
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nhet-to");
        assert_eq!(token_of(cut_off).await, None, "a token cut off is no token");
        let long = text_field(FIELD, &"x".repeat(HEAD_MAX));
        assert_eq!(
            token_of(long).await,
            None,
            "the first field ends within HEAD_MAX"
        );
        let ok = format!("{}{}PDF{}", text_field(FIELD, "t"), file_start(), end());
        assert_eq!(token_of(ok).await.as_deref(), Some("t"));
    }

    #[tokio::test]
    async fn the_limit_holds_for_the_part_the_guard_did_not_read() {
        let (tx, rx) = mpsc::unbounded_channel();
        tx.send(Bytes::from(format!(
            "{}{}",
            text_field(FIELD, "t"),
            file_start()
        )))
        .unwrap();
        let (token, body) = multipart_token(&content_type(), Body::new(Channel(rx)), 4096)
            .await
            .unwrap();
        assert_eq!(token.as_deref(), Some("t"));
        tx.send(Bytes::from(vec![b'%'; 4096])).unwrap();
        drop(tx);
        let e = axum::body::to_bytes(body, usize::MAX).await.unwrap_err();
        assert!(e.to_string().contains("larger than this form takes"), "{e}");

        let big = Body::from(format!("{}{}", text_field(FIELD, "t"), "x".repeat(5000)));
        assert!(
            multipart_token(&content_type(), big, 4096).await.is_err(),
            "too much before the token is found"
        );
    }
}
