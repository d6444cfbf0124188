//! The Routewijzer web app: server-rendered pages for the intake, the personal route, the
//! knowledge base and search, in Dutch and English, that work without JavaScript.
//!
//! [`App::build`] loads and checks the content, opens the store and builds the search index;
//! [`App::router`] gives the axum router and [`App::serve`] runs it until SIGTERM or Ctrl-C.
//! Handlers live in modules named after their pages (`intake`, `route_page`, `knowledge`,
//! `search_page`, `answers_file`); what every page shares (language, security headers, CSRF,
//! request logs) is middleware applied once in [`app`].
//!
//! Accounts (`account`, `reset`, `totp`) and case files (`case_page`, `case_export`,
//! `share_page`) live beside them; every route under `/dossiers/{case}` is authorised by one
//! extractor, `case_page::CaseAccess`, against the table `CASE_ROUTES`.

mod account;
mod answers;
mod answers_file;
mod app;
mod case_advice;
mod case_export;
mod case_page;
mod case_people;
mod case_ref;
mod case_versions;
mod caseload;
mod config;
mod csrf;
mod dossier_export;
mod error;
mod feed;
mod figures_page;
mod forms;
mod glossary;
mod groups;
mod headers;
mod help;
mod i18n;
mod intake;
mod knowledge;
mod layout;
mod letters_page;
mod library;
mod logging;
mod mail;
mod markdown;
mod org;
mod recovery;
mod reminders;
mod reset;
mod route_page;
mod search_page;
mod share_page;
mod totp;

pub use app::App;
pub use case_page::{CASE_ROUTES, needed_role};
pub use config::{Config, ContentChecks, PasswordCost, Today};
pub use error::StartError;
pub use i18n::Lang;
pub use mail::{Mail, MailConfigError, MailError, Mailer};
pub use org::{MemberChangeError, change_member, parse_member_role};
pub use reminders::ReminderError;
pub use totp::current as totp_code;

/// The idle time after which a session and its answers are gone.
pub const SESSION_IDLE: std::time::Duration = std::time::Duration::from_secs(20 * 60 * 60);
/// The largest form body accepted.
pub const FORM_LIMIT: usize = 64 * 1024;
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
