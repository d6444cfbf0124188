//! Start-up and the router: load and check the content, open the store, build the search index,
//! then serve until SIGTERM or Ctrl-C.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use store::{SessionBackend, Store};
use store_sqlite::SqliteStore;
use tokio::net::TcpListener;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use std::path::Path;

use crate::config::{Config, ContentChecks, Today};
use crate::error::{PageError, StartError};
use crate::i18n::Lang;
use crate::library::Library;
use crate::{
    account, answers_file, case_page, csrf, dossier_export, headers, i18n, intake, knowledge,
    letters_page, logging, reset, route_page, search_page, share_page,
};
use crate::{case_people, case_versions};
use crate::{help, org};

/// What every handler can reach: one shared [`Shared`] behind a reference count, so that the
/// clone every request makes of it is one atomic increment.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The parts of [`AppState`].
pub struct Shared {
    pub lib: Arc<Library>,
    pub store: Arc<dyn Store>,
    pub today: Today,
    pub secure_cookies: bool,
    pub route_cache: Arc<crate::route_page::RouteCache>,
    /// The data folder (attachments live under it).
    pub data_dir: std::path::PathBuf,
    pub passwords: crate::account::Passwords,
    pub throttle: Arc<crate::account::Throttle>,
    /// Whether other processes may write the same database (PostgreSQL).
    pub shared_store: bool,
    pub mailer: crate::mail::Mailer,
    /// The app's address without a trailing slash, for links in mails (see [`AppState::url`]).
    pub public_url: String,
}

impl Shared {
    /// The full address of a path of the app, for a mail: a path alone is no link there.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }
}

/// How often expired sessions are deleted from the database.
const CLEAN_EVERY: Duration = Duration::from_secs(10 * 60);

/// A started app, ready to serve.
pub struct App {
    state: AppState,
    config: Config,
}

impl App {
    /// Loads and checks everything; fails with a message that says what to fix.
    pub async fn build(config: Config) -> Result<App, StartError> {
        std::fs::create_dir_all(&config.data_dir)
            .map_err(|e| StartError::DataDir(config.data_dir.clone(), e))?;
        let (content_dir, data_dir, checks) = (
            config.content_dir.clone(),
            config.data_dir.clone(),
            config.checks,
        );
        // Loading and checking the content is CPU work; keep it off the async workers.
        let k = tokio::task::spawn_blocking(move || load_content(&content_dir, &data_dir, checks))
            .await
            .map_err(|e| StartError::Search(e.to_string()))??;
        let lib = Library::new(k).map_err(|e| StartError::Search(e.to_string()))?;
        let (store, shared_store) = open_store(&config).await?;
        let state = AppState(Arc::new(Shared {
            lib: Arc::new(lib),
            store: store.clone(),
            today: config.today,
            secure_cookies: config.secure_cookies,
            route_cache: Arc::default(),
            data_dir: config.data_dir.clone(),
            passwords: crate::account::Passwords::new(config.password_cost),
            throttle: Arc::new(crate::account::Throttle::new(store.clone())),
            shared_store,
            mailer: config.mailer.clone(),
            public_url: config
                .public_url
                .clone()
                .unwrap_or_else(|| format!("http://{}", config.listen))
                .trim_end_matches('/')
                .to_string(),
        }));
        Ok(App { state, config })
    }

    /// The store the app uses (for tests and maintenance commands).
    pub fn store(&self) -> Arc<dyn Store> {
        self.state.store.clone()
    }

    /// Sends the deadline reminders that are due on `today` and were not sent before; returns
    /// how many went out. The server does this by itself (at start, then every hour).
    pub async fn send_reminders(
        &self,
        today: jiff::civil::Date,
    ) -> Result<usize, crate::reminders::ReminderError> {
        crate::reminders::send_due(&self.state, today).await
    }

    /// The whole app as an axum router.
    pub fn router(&self) -> Router {
        router(self.state.clone(), &self.config)
    }

    /// Serves on the configured address until SIGTERM or Ctrl-C.
    pub async fn serve(self) -> Result<(), StartError> {
        let listener = TcpListener::bind(self.config.listen)
            .await
            .map_err(|e| StartError::Listen(self.config.listen, e))?;
        self.serve_on(listener, shutdown_signal()).await
    }

    /// Serves on a bound listener until `shutdown` completes (tests pass their own).
    pub async fn serve_on(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), StartError> {
        let addr: SocketAddr = listener
            .local_addr()
            .map_err(|e| StartError::Listen(self.config.listen, e))?;
        tracing::info!(%addr, "listening");
        if self.config.public_url.is_none() && self.state.mailer.goes_out() {
            tracing::warn!(
                public_url = %self.state.public_url,
                "--public-url is not set: links in mails use the listen address; set it to the \
                 address people reach this server at"
            );
        }
        let store = self.state.store.clone();
        crate::reminders::spawn(self.state.clone());
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(CLEAN_EVERY);
            loop {
                tick.tick().await;
                let now = time::OffsetDateTime::now_utc().unix_timestamp();
                match store.delete_expired_sessions(now).await {
                    Ok(n) if n > 0 => tracing::info!(deleted = n, "expired sessions deleted"),
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "cannot delete expired sessions"),
                }
            }
        });
        axum::serve(
            listener,
            self.router()
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|e| StartError::Listen(addr, e))?;
        tracing::info!("stopped");
        Ok(())
    }
}

/// PostgreSQL when the database URL says so, else SQLite in the data folder. The flag says
/// whether other processes may share the database.
async fn open_store(config: &Config) -> Result<(Arc<dyn Store>, bool), StartError> {
    match config.database_url.as_deref() {
        Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
            let store = store_postgres::PgStore::connect(url)
                .await
                .map_err(StartError::Store)?;
            Ok((Arc::new(store), true))
        }
        _ => {
            let store = SqliteStore::open(&config.data_dir)
                .await
                .map_err(StartError::Store)?;
            Ok((Arc::new(store), false))
        }
    }
}

/// The file in the data folder that remembers which content passed the full check.
const CHECKED_MARK: &str = "content-checked";

fn load_content(
    content_dir: &Path,
    data_dir: &Path,
    checks: ContentChecks,
) -> Result<route::Knowledge, StartError> {
    let files = route::load::read_dir(content_dir).map_err(StartError::Content)?;
    let stamp = content_stamp(&files);
    let mark = data_dir.join(CHECKED_MARK);
    let walk = match checks {
        ContentChecks::Full => true,
        ContentChecks::WithoutWalk => false,
        ContentChecks::Cached => std::fs::read_to_string(&mark)
            .map(|s| s.trim() != stamp)
            .unwrap_or(true),
    };
    let k = route::load::load_files_checked(&files, walk).map_err(StartError::Content)?;
    if walk && let Err(e) = std::fs::write(&mark, &stamp) {
        tracing::warn!(error = %e, "cannot remember that the content passed the check");
    }
    Ok(k)
}

/// A fingerprint of the content and of this binary: a new build may check more.
fn content_stamp(files: &[(std::path::PathBuf, String)]) -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    files.hash(&mut h);
    if let Ok(meta) = std::env::current_exe().and_then(std::fs::metadata) {
        meta.len().hash(&mut h);
        meta.modified().ok().hash(&mut h);
    }
    format!("{:016x}", h.finish())
}

fn router(state: AppState, config: &Config) -> Router {
    let backend = if state.shared_store {
        SessionBackend::shared(state.store.clone())
    } else {
        SessionBackend::new(state.store.clone())
    };
    let sessions = SessionManagerLayer::new(backend)
        .with_name(crate::SESSION_COOKIE)
        .with_expiry(Expiry::OnInactivity(time::Duration::seconds(
            crate::SESSION_IDLE.as_secs() as i64,
        )))
        .with_secure(config.secure_cookies)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        // Save on every request so that the idle expiry moves; the backend skips needless writes.
        .with_always_save(true);
    let static_files = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("public, max-age=3600"),
        ))
        .service(ServeDir::new(&config.static_dir));
    Router::new()
        .route("/", get(intake::start))
        .route("/vragen", get(intake::next))
        .route("/vragen/{id}", get(intake::question).post(intake::answer))
        .route("/regio", get(intake::region).post(intake::region_answer))
        .route("/controle", get(intake::check))
        .route("/opnieuw", get(intake::restart_page).post(intake::restart))
        .route("/route", get(route_page::show))
        .route("/route.ics", get(route_page::calendar))
        .route("/plan.pdf", get(letters_page::plan))
        .route(
            "/brieven/{id}",
            get(letters_page::show).post(letters_page::post),
        )
        .route(
            csrf::UPLOAD_PATH,
            get(answers_file::page).post(answers_file::upload),
        )
        .route("/antwoorden/bestand", get(answers_file::download))
        .route("/kennis", get(knowledge::index))
        .route("/kennis/stappen/{id}", get(knowledge::step))
        .route("/kennis/organisaties/{id}", get(knowledge::organisation))
        .route("/kennis/artikelen/{id}", get(knowledge::article))
        .route("/begrippen", get(knowledge::glossary))
        .route("/zoeken", get(search_page::search))
        .route("/taal/{code}", get(i18n::switch))
        .route("/health", get(health))
        .route(
            "/account/nieuw",
            get(account::signup_page).post(account::signup),
        )
        .route("/inloggen", get(account::login_page).post(account::login))
        .route(
            "/inloggen/code",
            get(account::code_form).post(account::code),
        )
        .route("/account/tweestaps/aan", post(account::totp_on))
        .route("/account/tweestaps/uit", post(account::totp_off))
        .route(
            "/wachtwoord-vergeten",
            get(reset::ask_page).post(reset::ask),
        )
        .route(
            "/wachtwoord-herstellen/{token}",
            get(reset::choose_page).post(reset::choose),
        )
        .route("/uitloggen", post(account::logout))
        .route("/uitloggen/overal", post(account::logout_everywhere))
        .route("/account", get(account::show))
        .route("/account/verwijderen", post(account::delete))
        .route("/dossiers", get(case_page::list).post(case_page::create))
        .route(
            "/dossiers/importeren",
            post(case_page::import)
                .layer(axum::extract::DefaultBodyLimit::max(crate::IMPORT_LIMIT)),
        )
        .route("/dossiers/{case}", get(case_page::show))
        .route(
            "/dossiers/{case}/gebeurtenissen",
            post(case_page::add_event).layer(axum::extract::DefaultBodyLimit::max(
                crate::ATTACHMENT_LIMIT,
            )),
        )
        .route(
            "/dossiers/{case}/gebeurtenissen/{event}",
            get(case_page::edit_page).post(case_page::edit),
        )
        .route(
            "/dossiers/{case}/bijlagen/{attachment}",
            get(case_page::attachment),
        )
        .route("/dossiers/{case}/kinderen", post(case_people::add_child))
        .route(
            "/dossiers/{case}/kinderen/{child}",
            get(case_people::child_edit_page).post(case_people::edit_child),
        )
        .route(
            "/dossiers/{case}/kinderen/{child}/verwijderen",
            post(case_people::delete_child),
        )
        .route("/dossiers/{case}/partijen", post(case_people::add_party))
        .route(
            "/dossiers/{case}/partijen/{party}",
            get(case_people::party_edit_page).post(case_people::edit_party),
        )
        .route(
            "/dossiers/{case}/partijen/{party}/verwijderen",
            post(case_people::delete_party),
        )
        .route(
            "/dossiers/{case}/stappen/{step}",
            post(case_page::save_outcome),
        )
        .route(
            "/dossiers/{case}/antwoorden",
            get(case_versions::list).post(case_page::save_answers),
        )
        .route(
            "/dossiers/{case}/antwoorden/{version}",
            get(case_versions::show),
        )
        .route("/dossiers/{case}/export", get(case_page::export))
        .route("/dossiers/{case}/dossier.pdf", get(dossier_export::pdf))
        .route("/dossiers/{case}/dossier.zip", get(dossier_export::zip))
        .route(
            "/dossiers/{case}/brieven/{letter}",
            get(letters_page::show_for_case).post(letters_page::mark_sent),
        )
        .route("/dossiers/{case}/verwijderen", post(case_page::delete))
        .route(
            "/dossiers/{case}/delen",
            get(share_page::show).post(share_page::invite),
        )
        .route(
            "/dossiers/{case}/delen/{share}/intrekken",
            post(share_page::revoke),
        )
        .route(
            "/dossiers/{case}/herinneringen",
            get(crate::reminders::show).post(crate::reminders::save),
        )
        .route("/begeleiding", get(crate::caseload::show))
        .route("/begeleiding/agenda", post(crate::feed::create))
        .route(
            "/begeleiding/agenda/{id}/intrekken",
            post(crate::feed::revoke),
        )
        .route("/agenda/{file}", get(crate::feed::calendar))
        .route("/dossiers/{case}/samenvatting", get(help::summary))
        .route(
            "/dossiers/{case}/hulp",
            get(help::case_help).post(help::ask),
        )
        .route(
            "/dossiers/{case}/hulp/{help}/niveau",
            post(help::change_level),
        )
        .route("/dossiers/{case}/hulp/{help}/intrekken", post(help::revoke))
        .route("/hulp", get(help::start))
        .route("/organisatie", get(org::home))
        .route(
            "/organisatie/leden",
            get(org::members).post(org::save_member),
        )
        .route("/organisatie/hulpvragen", get(help::inbox))
        .route(
            "/organisatie/hulpvragen/{help}/toewijzen",
            post(help::assign),
        )
        .route("/organisatie/mijn-hulpvragen", get(help::mine))
        .route("/organisatie/cijfers", get(crate::figures_page::page))
        .route(
            "/organisatie/cijfers.csv",
            get(crate::figures_page::download),
        )
        .route("/organisatie/bundelen", get(crate::groups::page))
        .route(
            "/dossiers/{case}/bundelen",
            get(crate::groups::consent_show).post(crate::groups::consent_save),
        )
        .route(
            "/uitnodiging/{token}",
            get(share_page::invitation).post(share_page::accept),
        )
        .nest_service("/static", static_files)
        .route_layer(middleware::from_fn(logging::mark_route))
        .fallback(not_found)
        .layer(middleware::from_fn(csrf::guard))
        .layer(sessions)
        .layer(middleware::map_response(headers::add))
        .layer(middleware::from_fn(logging::log))
        .with_state(state)
}

/// `GET /health`: 200 "ok" when the database answers.
async fn health(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

async fn not_found(lang: Lang) -> Response {
    PageError::NotFound.page(lang)
}

/// Completes on SIGTERM (how service managers stop us) or Ctrl-C.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing open requests");
}
