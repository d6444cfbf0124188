//! What every page shares: the language, the title, the language switch and the restart button.

use askama::Template;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};

use crate::http::i18n::{Lang, Tr};

/// The frame of a page (`templates/base.html`).
pub struct Layout {
    pub i: Tr,
    pub title: String,
    /// Where the language switch returns to: the path of this page, never its query.
    pub path: String,
    /// Whether the page links to "start again" (a confirmation page: starting again clears
    /// every answer, so it is never one click away).
    pub restart: bool,
}

impl Layout {
    /// A page whose title is an interface text.
    pub fn new(lang: Lang, title_key: &str, path: &str) -> Self {
        let i = Tr { lang };
        Layout {
            title: i.t(title_key),
            i,
            path: path.to_string(),
            restart: false,
        }
    }

    /// A page whose title comes from the content.
    pub fn titled(lang: Lang, title: &str, path: &str) -> Self {
        Layout {
            i: Tr { lang },
            title: title.to_string(),
            path: path.to_string(),
            restart: false,
        }
    }

    pub fn lang(&self) -> &'static str {
        self.i.lang.code()
    }

    pub fn other_lang(&self) -> &'static str {
        self.i.lang.other().code()
    }

    /// The link of the language switch.
    pub fn switch_href(&self) -> String {
        format!("/taal/{}?terug={}", self.other_lang(), self.path)
    }
}

/// Renders a template to an HTML response (200).
pub fn render<T: Template>(page: &T) -> Response {
    match page.render() {
        Ok(html) => html_response(html),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            (
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "template error",
            )
                .into_response()
        }
    }
}

/// Renders a template and links the first use of glossary terms in it.
pub fn render_linked<T: Template>(page: &T, linker: &crate::http::glossary::Linker) -> Response {
    match page.render() {
        Ok(html) => html_response(linker.link(&html)),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            (
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "template error",
            )
                .into_response()
        }
    }
}

pub fn html_response(html: String) -> Response {
    let mut response = Html(html).into_response();
    // Pages can hold answers: never keep them in a shared cache.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
