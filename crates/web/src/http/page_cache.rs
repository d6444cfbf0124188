//! Rendered pages kept to be sent again: the HTML as shared bytes with a gzip copy made once,
//! so a response is a reference count, not a copy. The route page uses it: building the advice
//! and rendering it costs milliseconds, a refresh or a second visitor with the same answers
//! reuses the page.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;

/// A rendered route page, as sent: the HTML and, compressed once, its gzip form. The page holds
/// no token or other per-session data (its only form, "start again", is behind a confirmation
/// page), so one copy serves every visitor with the same answers and a response is a reference
/// count, not a copy of some 140 KB.
pub struct CachedPage {
    html: Bytes,
    gzip: Bytes,
}

impl CachedPage {
    pub fn new(html: String) -> Self {
        use std::io::Write;
        // Level 6 is what gzip uses by default: the page is compressed once, then served often.
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
        let gzip = encoder
            .write_all(html.as_bytes())
            .and_then(|_| encoder.finish())
            .unwrap_or_default();
        CachedPage {
            html: Bytes::from(html),
            gzip: Bytes::from(gzip),
        }
    }

    pub fn response(&self, gzip: bool) -> Response {
        let (body, encoding) = if gzip && !self.gzip.is_empty() {
            (self.gzip.clone(), Some("gzip"))
        } else {
            (self.html.clone(), None)
        };
        let mut response = Response::new(Body::from(body));
        let h = response.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        // Pages can hold answers: never keep them in a shared cache.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if let Some(encoding) = encoding {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        response
    }
}

/// Whether the request's `Accept-Encoding` allows gzip: listed (or `*`) and not with `q=0`.
pub fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| {
                let p = p.trim();
                p.strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q == 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

/// Rendered pages by a key of what they depend on (for the route page: the answers, the
/// region, the day and the language). Building the advice and rendering the page costs
/// milliseconds; a refresh, or a second visitor with the same answers, reuses the page.
#[derive(Default)]
pub struct PageCache {
    pages: Mutex<HashMap<u64, Arc<CachedPage>>>,
}

/// Above this many pages the cache starts again empty; simple, and bounds the memory.
const CACHE_AT_MOST: usize = 1024;

impl PageCache {
    pub fn get(&self, key: u64) -> Option<Arc<CachedPage>> {
        self.pages
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            .cloned()
    }

    pub fn put(&self, key: u64, page: Arc<CachedPage>) {
        let mut pages = self.pages.lock().unwrap_or_else(|e| e.into_inner());
        if pages.len() >= CACHE_AT_MOST {
            pages.clear();
        }
        pages.insert(key, page);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        h
    }

    #[test]
    fn gzip_is_sent_only_when_asked_for() {
        assert!(accepts_gzip(&with("gzip, deflate, br")));
        assert!(accepts_gzip(&with("br;q=1.0, GZIP;q=0.5")));
        assert!(accepts_gzip(&with("*")));
        assert!(!accepts_gzip(&with("gzip;q=0")));
        assert!(!accepts_gzip(&with("br, identity")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn the_gzip_form_unpacks_to_the_page() {
        use std::io::Read;
        let html = "<p>Routewijzer</p>".repeat(500);
        let page = CachedPage::new(html.clone());
        assert!(page.gzip.len() < html.len() / 10);
        let mut out = String::new();
        flate2::read::GzDecoder::new(&page.gzip[..])
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, html);
    }
}
