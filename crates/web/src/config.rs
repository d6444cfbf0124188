//! How the app is started: where it listens, where it keeps data, which content it serves.

use std::net::SocketAddr;
use std::path::PathBuf;

use jiff::civil::Date;

/// Everything the app needs to start. The binary fills it from flags and environment.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    /// The data folder; created when missing. Holds the SQLite database.
    pub data_dir: PathBuf,
    /// The content folder (`content/`).
    pub content_dir: PathBuf,
    /// The folder with the stylesheet.
    pub static_dir: PathBuf,
    /// Mark cookies `Secure`. Needed behind https; breaks sessions on plain http.
    pub secure_cookies: bool,
    pub today: Today,
    pub checks: ContentChecks,
    /// `postgres://...` to keep everything in PostgreSQL; otherwise SQLite in the data folder.
    pub database_url: Option<String>,
    /// How costly password hashing is.
    pub password_cost: PasswordCost,
    /// Where mail goes: an SMTP server ([`crate::mail::Mailer::smtp`]) or the log.
    pub mailer: crate::mail::Mailer,
    /// The address people reach the app at (`https://routewijzer.example.nl`), for the links
    /// in mails; without it, `http://` and the listen address.
    pub public_url: Option<String>,
}

/// The cost of argon2id password hashing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordCost {
    /// OWASP's minimum for argon2id: 19 MiB memory, 2 passes, 1 lane.
    Owasp,
    /// Cheap hashes, for tests only: the debug build would otherwise spend seconds per login.
    Fast,
}

/// How much of the content check runs at start. The intake walk of the full check proves every
/// question reachable by trying every path; it takes seconds, so by default it runs once per
/// content and binary, and a mark in the data folder remembers that it passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentChecks {
    /// Every check, every start.
    Full,
    /// Every check, but the walk only when this content has not passed it before.
    Cached,
    /// Every check except the walk (tests that run on content checked elsewhere).
    WithoutWalk,
}

/// Which date the advice uses as today.
#[derive(Debug, Clone, Copy)]
pub enum Today {
    /// The date in the Netherlands now.
    Amsterdam,
    /// A fixed date, for tests and demonstrations.
    Fixed(Date),
}

impl Today {
    pub fn date(self) -> Date {
        match self {
            Today::Fixed(d) => d,
            Today::Amsterdam => {
                let now = jiff::ZonedDateTime::now();
                // Without a time zone database the server's own zone is the best guess.
                now.in_tz("Europe/Amsterdam")
                    .map(|z| z.date())
                    .unwrap_or_else(|_| now.date())
            }
        }
    }
}

impl Config {
    /// Defaults for a local run: 127.0.0.1:8080, `./data`, `./content`, no `Secure` cookies.
    pub fn local() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: "data".into(),
            content_dir: "content".into(),
            static_dir: default_static_dir(),
            secure_cookies: false,
            today: Today::Amsterdam,
            checks: ContentChecks::Cached,
            database_url: None,
            password_cost: PasswordCost::Owasp,
            mailer: crate::mail::Mailer::log(),
            public_url: None,
        }
    }
}

/// The stylesheet folder of this crate. Set `static_dir` when the binary runs elsewhere.
pub fn default_static_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/static"))
}
