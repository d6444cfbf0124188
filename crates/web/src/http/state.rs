//! What every handler can reach: the content and its search index, the store, the attachment
//! folder, the mailer and the settings that pages need.

use std::sync::Arc;

use store::Store;

use crate::config::Today;
use crate::http::library::Library;

/// What every handler can reach: one shared [`Shared`] behind a reference count, so that the
/// clone every request makes of it is one atomic increment.
#[derive(Clone)]
pub struct AppState(pub Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The parts of [`AppState`].
pub struct Shared {
    /// The content in Dutch: the language of answers, letters and stored advice.
    pub lib: Arc<Library>,
    /// The same content with its texts in English (same ids): see [`Shared::lib_for`].
    pub lib_en: Arc<Library>,
    pub store: Arc<dyn Store>,
    pub today: Today,
    pub secure_cookies: bool,
    pub route_cache: Arc<crate::http::page_cache::PageCache>,
    /// The organisation's figures, counted over every case now and then.
    pub figures: crate::http::snapshot::Snapshot<figures::Release>,
    pub passwords: crate::http::passwords::Passwords,
    pub throttle: Arc<crate::http::passwords::Throttle>,
    /// Requests per API token per minute.
    pub api_limit: crate::http::api_tokens::RateLimit,
    /// Whether other processes may write the same database (PostgreSQL).
    pub shared_store: bool,
    pub mailer: crate::mail::Mailer,
    /// The app's address without a trailing slash, for links in mails (see [`AppState::url`]).
    pub public_url: String,
}

impl Shared {
    /// The content to show a reader of `lang`. Anything that is stored or sent to a school
    /// (answers, letter texts, the advice a case remembers) uses the Dutch [`Shared::lib`].
    pub fn lib_for(&self, lang: crate::http::i18n::Lang) -> &Arc<Library> {
        match lang {
            crate::http::i18n::Lang::Nl => &self.lib,
            crate::http::i18n::Lang::En => &self.lib_en,
        }
    }

    /// The full address of a path of the app, for a mail: a path alone is no link there.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }
}

impl Shared {
    /// The advice for a stored case on the app's today ([`cases::advice::case_advice`]), or
    /// `None` when it has no saved answers yet.
    pub async fn case_advice(
        &self,
        case_id: &str,
    ) -> Result<Option<cases::advice::CaseAdvice>, crate::http::error::PageError> {
        cases::advice::case_advice(&*self.store, &self.lib.k, case_id, self.today.date())
            .await
            .map_err(crate::http::error::case_error)
    }

    /// The stored answers of a case with the dates its events set, and the situation they make
    /// on the app's today ([`cases::advice::situation_with_events`]).
    pub fn situation_with_events(
        &self,
        version: &store::AnswerVersion,
        events: &[store::Event],
    ) -> Result<(cases::answers::Stored, route::Situation), crate::http::error::PageError> {
        cases::advice::situation_with_events(&self.lib.k, version, events, self.today.date())
            .map_err(crate::http::error::case_error)
    }
}
