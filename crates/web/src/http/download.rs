//! A file sent as a download: never shown inline, never kept in a cache.

use axum::body::Body;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// `bytes` as a download named `file_name`, of type `mime`. Only the safe characters of the
/// name are kept in the header.
pub fn download(bytes: Vec<u8>, mime: &str, file_name: &str) -> Response {
    let mut response = bytes.into_response();
    download_headers(&mut response, mime, file_name);
    response
}

/// A download whose `body` comes in pieces (an attachment read from the store chunk by chunk),
/// of `size` bytes in all.
pub fn download_stream(body: Body, size: i64, mime: &str, file_name: &str) -> Response {
    let mut response = body.into_response();
    response.headers_mut().insert(
        header::CONTENT_LENGTH,
        HeaderValue::from(size.max(0) as u64),
    );
    download_headers(&mut response, mime, file_name);
    response
}

fn download_headers(response: &mut Response, mime: &str, file_name: &str) {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(mime).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}
