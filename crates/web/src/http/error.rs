//! Errors: why the app cannot start ([`StartError`]), and why a page cannot be shown
//! ([`PageError`], which renders as a page in the visitor's language).

use std::fmt;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::http::i18n::Lang;
use crate::http::layout::Layout;

/// Why the server does not start. The message says what to fix.
#[derive(Debug)]
pub enum StartError {
    /// The content has problems; each is `file:line: message`.
    Content(Vec<route::ContentError>),
    DataDir(std::path::PathBuf, std::io::Error),
    Store(store::StoreError),
    Search(String),
    /// The attachments of an older version could not be moved into the store.
    Attachments(String),
    Listen(std::net::SocketAddr, std::io::Error),
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::Content(errors) => {
                for e in errors {
                    writeln!(f, "{e}")?;
                }
                write!(
                    f,
                    "the content has {} problem(s); fix them and start again",
                    errors.len()
                )
            }
            StartError::DataDir(dir, e) => {
                write!(f, "cannot create the data folder {}: {e}", dir.display())
            }
            StartError::Store(e) => write!(f, "{e}"),
            StartError::Search(e) => write!(f, "cannot build the search index: {e}"),
            StartError::Attachments(e) => write!(
                f,
                "cannot move the attachments of the data folder into the store: {e}"
            ),
            StartError::Listen(addr, e) => write!(
                f,
                "cannot listen on {addr}: {e}; choose another with --listen"
            ),
        }
    }
}

impl std::error::Error for StartError {}

/// A page that cannot be shown, with the status it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageError {
    NotFound,
    /// A form without a valid CSRF token.
    Forbidden,
    TooLarge,
    Internal,
    /// Stored case data that does not open or parse: said plainly, never shown as empty.
    Unreadable,
}

impl PageError {
    pub fn status(self) -> StatusCode {
        match self {
            PageError::NotFound => StatusCode::NOT_FOUND,
            PageError::Forbidden => StatusCode::FORBIDDEN,
            PageError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            PageError::Internal | PageError::Unreadable => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn key(self) -> &'static str {
        match self {
            PageError::NotFound => "error-404",
            PageError::Forbidden => "error-403",
            PageError::TooLarge => "error-413",
            PageError::Internal => "error-500",
            PageError::Unreadable => "error-unreadable",
        }
    }

    /// The error as a page in `lang`.
    pub fn page(self, lang: Lang) -> Response {
        let layout = Layout::new(lang, &format!("{}-title", self.key()), "/");
        let page = ErrorPage {
            message: layout.i.t(self.key()),
            layout,
        };
        // Error pages carry no answers, so askama_web's plain response is enough.
        let mut response = page.into_response();
        *response.status_mut() = self.status();
        response
    }
}

/// Handlers return `PageError` for the common cases; the language is not known there, so the
/// page is rendered in Dutch unless the handler calls [`PageError::page`] itself.
impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        self.page(Lang::Nl)
    }
}

impl From<tower_sessions::session::Error> for PageError {
    fn from(e: tower_sessions::session::Error) -> Self {
        tracing::error!(error = %e, "session error");
        PageError::Internal
    }
}

#[derive(askama::Template, askama_web::WebTemplate)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    message: String,
}

/// A store failure: logged, and shown as "something went wrong" (nothing to fix for the user).
pub fn store_error(e: store::StoreError) -> PageError {
    tracing::error!(error = %e, "store error");
    match e {
        store::StoreError::Sealed { .. } | store::StoreError::Corrupt(_) => PageError::Unreadable,
        _ => PageError::Internal,
    }
}

/// A failure of the case domain that the user cannot fix: logged, and shown as such.
pub fn case_error(e: cases::CaseError) -> PageError {
    match e {
        cases::CaseError::Store(e) => store_error(e),
        e @ (cases::CaseError::BadAnswers { .. }
        | cases::CaseError::BadAdvice { .. }
        | cases::CaseError::MissingBytes { .. }) => {
            // The message names the case, so that the operator can find the row.
            tracing::error!(error = %e, "case data cannot be read");
            PageError::Unreadable
        }
        e => {
            tracing::error!(error = %e, "case error");
            PageError::Internal
        }
    }
}
