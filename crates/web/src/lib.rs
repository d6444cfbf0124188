//! The Routewijzer web app: server-rendered pages for the intake, the personal route, the
//! knowledge base and search, in Dutch and English, that work without JavaScript.
//!
//! [`App::build`] loads and checks the content, opens the store and builds the search index;
//! [`App::router`] gives the axum router and [`App::serve`] runs it until SIGTERM or Ctrl-C.
//! Handlers live in modules named after their pages (`intake`, `route_page`, `knowledge`,
//! `search_page`, `answers_file`); what every page shares (language, security headers, CSRF,
//! request logs) is middleware applied once in [`app`].

mod answers;
mod answers_file;
mod app;
mod config;
mod csrf;
mod error;
mod forms;
mod glossary;
mod headers;
mod i18n;
mod intake;
mod knowledge;
mod layout;
mod library;
mod logging;
mod markdown;
mod route_page;
mod search_page;

pub use app::App;
pub use config::{Config, ContentChecks, Today};
pub use error::StartError;
pub use i18n::Lang;

/// The idle time after which a session and its answers are gone.
pub const SESSION_IDLE: std::time::Duration = std::time::Duration::from_secs(20 * 60 * 60);
/// The largest form body accepted.
pub const FORM_LIMIT: usize = 64 * 1024;
/// The largest answers file accepted.
pub const UPLOAD_LIMIT: usize = 256 * 1024;
/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "routewijzer";
