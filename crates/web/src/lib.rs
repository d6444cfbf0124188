//! The Routewijzer web app: server-rendered pages for the intake, the personal route, the
//! knowledge base and search, case files, sharing and the organisation, in Dutch and English,
//! that work without JavaScript.
//!
//! [`App::build`] loads and checks the content, opens the store and builds the search index;
//! [`App::router`] gives the axum router (every route is listed in `router`) and [`App::serve`]
//! runs it until SIGTERM or Ctrl-C.
//!
//! The pages are arranged by area, one folder each: `intake`, `route`, `knowledge`, `letters`,
//! `cases`, `sharing`, `organisation` and `account`, and the JSON API under `/api/v1` in `api`. Handlers are thin: they parse the request,
//! call the domain crates (`cases`, `route`, `letters`, `figures`, the store) and render. What
//! every page uses (login, CSRF, headers, errors, layout, texts, forms, links) is in `http`. An
//! area uses `http` (with the shared state and the content library), `mail` and the domain
//! crates; never another area. Case routes are authorised in one place: `http::case_access`.

mod account;
mod api;
mod app;
mod cases;
mod config;
mod http;
mod intake;
mod knowledge;
mod letters;
mod mail;
mod organisation;
mod route;
mod router;
mod sharing;

pub use account::totp::current as totp_code;
pub use app::App;
pub use config::{Config, ContentChecks, PasswordCost, Today};
pub use http::case_access::{CASE_ROUTES, needed_role};
pub use http::error::StartError;
pub use http::i18n::Lang;
pub use mail::{Mail, MailConfigError, MailError, Mailer};
pub use organisation::help::INBOX_PAGE;
pub use organisation::members::{MemberChangeError, change_member, parse_member_role};
pub use organisation::reminders::ReminderError;

/// The idle time after which a session and its answers are gone.
pub const SESSION_IDLE: std::time::Duration = std::time::Duration::from_secs(20 * 60 * 60);
/// The largest form body accepted.
pub const FORM_LIMIT: usize = 64 * 1024;
/// The largest "in your own words" form: a text far over what is read
/// ([`understand::MAX_CHARS`]) still gets the page with its message and the text kept, not
/// an error page.
pub const OWN_WORDS_LIMIT: usize = 1024 * 1024;
/// The largest answers file accepted.
pub const UPLOAD_LIMIT: usize = 256 * 1024;
/// The largest attachment accepted on an event (the form around it included).
pub const ATTACHMENT_LIMIT: usize = 10 * 1024 * 1024;
/// The largest case file accepted on import.
pub const IMPORT_LIMIT: usize = 64 * 1024 * 1024;
/// How long a login lasts without logging in again.
pub const LOGIN_LIFETIME: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 60 * 60);
/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "routewijzer";
