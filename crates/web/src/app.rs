//! Start-up: load and check the content, open the store, build the search index, then serve
//! the router ([`crate::router`]) until SIGTERM or Ctrl-C.

use std::future::Future;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use store::Store;
use store_sqlite::SqliteStore;
use tokio::net::TcpListener;

use crate::config::{Config, ContentChecks};
use crate::http::error::StartError;
use crate::http::library::Library;
use crate::http::state::{AppState, Shared};

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
        let (lib, lib_en) =
            tokio::task::spawn_blocking(move || load_content(&content_dir, &data_dir, checks))
                .await
                .map_err(|e| StartError::Search(e.to_string()))??;
        let (store, shared_store) = open_store(&config).await?;
        // An older version kept attachments in the data folder; they move into the store once.
        let moved = cases::attachments::move_into_store(&*store, &config.data_dir)
            .await
            .map_err(|e| StartError::Attachments(e.to_string()))?;
        if moved > 0 {
            tracing::info!(
                moved,
                "attachments moved from the data folder into the store"
            );
        }
        let state = AppState(Arc::new(Shared {
            lib: Arc::new(lib),
            lib_en: Arc::new(lib_en),
            store: store.clone(),
            today: config.today,
            secure_cookies: config.secure_cookies,
            route_cache: Arc::default(),
            figures: Default::default(),
            passwords: crate::http::passwords::Passwords::new(config.password_cost),
            throttle: Arc::new(crate::http::passwords::Throttle::new(store.clone())),
            api_limit: Default::default(),
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
    ) -> Result<usize, crate::organisation::reminders::ReminderError> {
        crate::organisation::reminders::send_due(&self.state, today).await
    }

    /// The whole app as an axum router.
    pub fn router(&self) -> Router {
        crate::router::router(self.state.clone(), &self.config)
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
        crate::organisation::reminders::spawn(self.state.clone());
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
            let key_file = store::seal::key_file(&config.data_dir);
            let store = store_postgres::PgStore::connect(url, &key_file)
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

/// The content in Dutch and in English, each with the patterns for a parent's own words,
/// rendered and indexed. The two languages are loaded side by side, one per core.
fn load_content(
    content_dir: &Path,
    data_dir: &Path,
    checks: ContentChecks,
) -> Result<(Library, Library), StartError> {
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
    let library = |k: route::Knowledge, u: understand::Understanding| {
        Library::new(k, u).map_err(|e| StartError::Search(e.to_string()))
    };
    let (dutch, english) = std::thread::scope(|s| {
        // English shares every id and condition with Dutch, so the walk over the Dutch covers
        // it; the English needs its texts and the checks without the walk.
        let english = s.spawn(|| {
            route::load::load_files_in(&files, calendar::Lang::En, false)
                .map_err(StartError::Content)
        });
        let dutch = (|| {
            let k = route::load::load_files_checked(&files, walk).map_err(StartError::Content)?;
            // The patterns for a parent's own words are checked against the questions.
            let u = understand::load_files(&files, &k).map_err(StartError::Content)?;
            Ok::<_, StartError>((k, u))
        })();
        let english = english
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        (dutch, english)
    });
    let (k, understanding) = dutch?;
    let k_en = english?;
    if walk && let Err(e) = std::fs::write(&mark, &stamp) {
        tracing::warn!(error = %e, "cannot remember that the content passed the check");
    }
    std::thread::scope(|s| {
        let u = understanding.clone();
        let english = s.spawn(move || library(k_en, u));
        let dutch = library(k, understanding);
        let english = english
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        Ok((dutch?, english?))
    })
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
