//! Rendered pages kept to be sent again: the HTML as shared bytes with a gzip and a brotli copy
//! made once, so a response is a reference count, not a copy. The route page uses it: building the advice
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
    brotli: Bytes,
}

/// How a page is sent, from the request's `Accept-Encoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    /// Brotli: some 15% smaller than gzip for the route page, and every current browser asks
    /// for it over https.
    Brotli,
}

impl Encoding {
    /// Brotli when the request allows it, else gzip when allowed, else the page as it is.
    pub fn preferred(headers: &HeaderMap) -> Encoding {
        if accepts(headers, "br") {
            Encoding::Brotli
        } else if accepts(headers, "gzip") {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }
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
        // Quality 9 of 11: within a few percent of the smallest form at a tenth of the time,
        // which a cache miss (a new set of answers) pays once.
        let mut brotli = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 9,
            ..Default::default()
        };
        if brotli::BrotliCompress(&mut html.as_bytes(), &mut brotli, &params).is_err() {
            brotli.clear();
        }
        CachedPage {
            html: Bytes::from(html),
            gzip: Bytes::from(gzip),
            brotli: Bytes::from(brotli),
        }
    }

    pub fn response(&self, encoding: Encoding) -> Response {
        // A form that could not be made (empty) falls back to the next one.
        let (body, encoding) = match encoding {
            Encoding::Brotli if !self.brotli.is_empty() => (self.brotli.clone(), Some("br")),
            Encoding::Brotli | Encoding::Gzip if !self.gzip.is_empty() => {
                (self.gzip.clone(), Some("gzip"))
            }
            _ => (self.html.clone(), None),
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

/// Whether the request's `Accept-Encoding` allows `coding`: listed (or `*`), not with `q=0`.
pub fn accepts(headers: &HeaderMap, coding: &str) -> bool {
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
            (name.eq_ignore_ascii_case(coding) || name == "*") && !refused
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
        let gzip = |v: &str| accepts(&with(v), "gzip");
        assert!(gzip("gzip, deflate, br"));
        assert!(gzip("br;q=1.0, GZIP;q=0.5"));
        assert!(gzip("*"));
        assert!(!gzip("gzip;q=0"));
        assert!(!gzip("br, identity"));
        assert!(!accepts(&HeaderMap::new(), "gzip"));
    }

    #[test]
    fn brotli_comes_first_when_asked_for() {
        assert_eq!(
            Encoding::preferred(&with("gzip, deflate, br")),
            Encoding::Brotli
        );
        assert_eq!(Encoding::preferred(&with("gzip, br;q=0")), Encoding::Gzip);
        assert_eq!(Encoding::preferred(&with("identity")), Encoding::Identity);
        assert_eq!(Encoding::preferred(&HeaderMap::new()), Encoding::Identity);
    }

    #[test]
    fn the_brotli_form_unpacks_to_the_page() {
        use std::io::Read;
        let html = "<p>Routewijzer</p>".repeat(500);
        let page = CachedPage::new(html.clone());
        assert!(page.brotli.len() < html.len() / 10);
        let mut out = String::new();
        brotli::Decompressor::new(&page.brotli[..], 4096)
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, html);
        let response = page.response(Encoding::Brotli);
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
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
