//! What every page uses, whatever its area: who is calling (`auth`, `passwords`,
//! `case_access`, and the API's tokens in `api_tokens`), the intake answers of the session (`answers`), CSRF protection, security
//! headers, request logs, errors as pages, the page frame and its texts (`layout`, `i18n`),
//! form parsing, Markdown and glossary links, the addresses of pages (`links`) and the cache
//! of rendered pages, snapshots of what is counted over the whole store; the state every handler reaches (`state`) and the content with its search
//! index (`library`). Nothing here knows an area; every area may use it.

pub mod answers;
pub mod api_tokens;
pub mod auth;
pub mod case_access;
pub mod csrf;
pub mod download;
pub mod error;
pub mod forms;
pub mod glossary;
pub mod headers;
pub mod i18n;
pub mod layout;
pub mod library;
pub mod links;
pub mod logging;
pub mod markdown;
pub mod page_cache;
pub mod passwords;
pub mod snapshot;
pub mod state;
