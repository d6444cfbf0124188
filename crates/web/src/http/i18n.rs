//! Interface texts in Dutch and English (Fluent files in `locales/`), the visitor's language
//! (a `taal` cookie, Dutch by default) and the language switch.
//!
//! Content (steps, articles, glossary...) has an English text beside every Dutch one, and
//! English pages show it in English. What stays Dutch (letter texts that go to Dutch schools,
//! source titles, Dutch names) carries `lang="nl"`, so screen readers pronounce it as Dutch.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use fluent_templates::Loader;
use fluent_templates::fluent_bundle::FluentValue;
use unic_langid::LanguageIdentifier;

use crate::http::state::AppState;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "nl",
        // Fluent wraps placeables in invisible bidi marks; they break copy-paste of dates and
        // string comparisons in tests, and our texts are all left-to-right.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static NL: LazyLock<LanguageIdentifier> =
    LazyLock::new(|| "nl".parse().expect("valid language id"));
static EN: LazyLock<LanguageIdentifier> =
    LazyLock::new(|| "en".parse().expect("valid language id"));

/// The name of the language cookie.
pub const COOKIE: &str = "taal";

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the content's texts for this interface language.
    pub fn content(self) -> calendar::Lang {
        match self {
            Lang::Nl => calendar::Lang::Nl,
            Lang::En => calendar::Lang::En,
        }
    }

    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// The language of a request: the `taal` cookie, else Dutch.
    pub fn from_headers(headers: &HeaderMap) -> Lang {
        cookie(headers, COOKIE)
            .and_then(Lang::parse)
            .unwrap_or(Lang::Nl)
    }
}

/// One cookie's value from the request headers.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Lang::from_headers(&parts.headers))
    }
}

/// Translates interface texts for one language; templates call `i.t("key")`.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    /// ` lang="nl"` for what stays Dutch on an English page (a letter text, a source title, a
    /// Dutch name); empty on a Dutch page.
    pub fn dutch(&self) -> &'static str {
        match self.lang {
            Lang::Nl => "",
            Lang::En => r#" lang="nl""#,
        }
    }

    /// A date as this language writes it: "vrijdag 9 juli 2027", "Friday 9 July 2027".
    pub fn date(&self, d: jiff::civil::Date) -> String {
        calendar::format_date(d, self.lang.content())
    }

    pub fn t(&self, key: &str) -> String {
        LOCALES.lookup(self.lang.id(), key)
    }

    /// A text with one `{ $name }` placeable.
    pub fn t1(&self, key: &str, name: &'static str, value: impl std::fmt::Display) -> String {
        self.args(key, &[(name, value.to_string())])
    }

    /// A text with any number of placeables.
    pub fn args(&self, key: &str, args: &[(&'static str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone())))
            .collect();
        LOCALES.lookup_with_args(self.lang.id(), key, &map)
    }

    /// A text whose plural form depends on a number (`$count`).
    pub fn count(&self, key: &str, count: usize, args: &[(&'static str, String)]) -> String {
        let mut map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone())))
            .collect();
        map.insert(Cow::Borrowed("count"), FluentValue::from(count));
        LOCALES.lookup_with_args(self.lang.id(), key, &map)
    }
}

#[derive(serde::Deserialize)]
pub struct SwitchQuery {
    terug: Option<String>,
}

/// `GET /taal/{code}`: sets the language cookie and returns to the page the visitor was on.
pub async fn switch(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<SwitchQuery>,
) -> Response {
    let Some(lang) = Lang::parse(&code) else {
        return crate::http::error::PageError::NotFound.into_response();
    };
    let back = q
        .terug
        .filter(|p| is_local_path(p))
        .unwrap_or_else(|| "/".to_string());
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let cookie = format!(
        "{COOKIE}={}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{secure}",
        lang.code()
    );
    let mut response = Redirect::to(&back).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    response
}

/// Only paths on this site, so the switch cannot send a visitor elsewhere.
/// The day a saved time (seconds since 1970) falls on, in UTC like the audit log.
pub fn saved_on(t: i64) -> String {
    jiff::Timestamp::from_second(t)
        .map(|ts| ts.strftime("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// A saved time (seconds since 1970) to the minute, in UTC like the audit log.
pub fn saved_at(t: i64) -> String {
    jiff::Timestamp::from_second(t)
        .map(|ts| ts.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

pub fn is_local_path(p: &str) -> bool {
    p.starts_with('/')
        && !p.starts_with("//")
        && !p.contains('\\')
        && !p.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(ftl: &str) -> Vec<&str> {
        ftl.lines()
            .filter(|l| !l.starts_with(['#', ' ']) && l.contains(" ="))
            .filter_map(|l| l.split(" =").next())
            .collect()
    }

    #[test]
    fn every_dutch_text_has_an_english_one() {
        let nl = keys(include_str!("../../locales/nl/main.ftl"));
        let en = keys(include_str!("../../locales/en/main.ftl"));
        let missing: Vec<_> = nl.iter().filter(|k| !en.contains(k)).collect();
        assert!(missing.is_empty(), "missing in en/main.ftl: {missing:?}");
        let extra: Vec<_> = en.iter().filter(|k| !nl.contains(k)).collect();
        assert!(extra.is_empty(), "only in en/main.ftl: {extra:?}");
    }

    #[test]
    fn placeables_have_no_bidi_marks() {
        let t = Tr { lang: Lang::Nl }.t1("deadline-by", "date", "vrijdag 9 juli 2027");
        assert_eq!(t, "Uiterlijk vrijdag 9 juli 2027");
    }

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/vragen/probleem"));
        assert!(!is_local_path("//evil.example"));
        assert!(!is_local_path("https://evil.example"));
    }
}
