//! Passwords and failed logins: hashing with argon2id (OWASP parameters; cheap ones only when
//! the config asks, for tests), and throttling failed logins per account and per address, counted
//! in the store so that several processes count the same failures.

use std::sync::Arc;

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use store::new_id;

use crate::config::PasswordCost;
use crate::http::auth::now;
use crate::http::error::{PageError, store_error};
use crate::http::state::AppState;

/// Seconds from a key's first failed login until its count starts again.
const THROTTLE_WINDOW: i64 = 15 * 60;

/// Hashes and checks passwords.
#[derive(Clone)]
pub struct Passwords {
    argon: Argon2<'static>,
    /// A hash of a random password, checked when an e-mail address has no account, so that the
    /// time a login takes does not tell which addresses have one. Made on first use.
    dummy: std::sync::Arc<std::sync::OnceLock<String>>,
}

impl Passwords {
    pub fn new(cost: PasswordCost) -> Self {
        let params = match cost {
            PasswordCost::Owasp => Params::default(),
            PasswordCost::Fast => Params::new(64, 1, 1, None).expect("valid argon2 parameters"),
        };
        Passwords {
            argon: Argon2::new(Algorithm::Argon2id, Version::V0x13, params),
            dummy: Default::default(),
        }
    }

    /// The PHC string of `password`, with a fresh salt. CPU work: call it off the async workers.
    pub fn hash(&self, password: &str) -> Result<String, PageError> {
        self.argon
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| {
                tracing::error!(error = %e, "cannot hash a password");
                PageError::Internal
            })
    }

    /// The hash to check when there is no account (see the `dummy` field).
    pub fn dummy(&self) -> String {
        self.dummy
            .get_or_init(|| {
                self.argon
                    .hash_password(new_id().as_bytes())
                    .map(|h| h.to_string())
                    .unwrap_or_default()
            })
            .clone()
    }

    pub fn verify(&self, password: &str, hash: &str) -> bool {
        PasswordHash::new(hash).is_ok_and(|parsed| {
            self.argon
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    }
}

pub async fn hash_blocking(state: &AppState, password: String) -> Result<String, PageError> {
    let p = state.passwords.clone();
    tokio::task::spawn_blocking(move || p.hash(&password))
        .await
        .map_err(|_| PageError::Internal)?
}

pub async fn verify_blocking(state: &AppState, password: String, hash: String) -> bool {
    let p = state.passwords.clone();
    tokio::task::spawn_blocking(move || p.verify(&password, &hash))
        .await
        .unwrap_or(false)
}

/// Failed logins per key (`account:<email>` or `address:<ip>`) in the current window, counted
/// in the database ([`store::ThrottleStore`]): several processes on one PostgreSQL count the
/// same failures, and a restart does not wipe them. It costs two small statements on a login,
/// next to the password hash check that takes far longer, so SQLite uses it too.
pub struct Throttle {
    store: Arc<dyn store::Store>,
}

impl Throttle {
    pub fn new(store: Arc<dyn store::Store>) -> Self {
        Throttle { store }
    }

    pub async fn blocked(&self, key: &str, max: u32) -> Result<bool, PageError> {
        let failures =
            store::ThrottleStore::login_failures(&*self.store, key, now(), THROTTLE_WINDOW)
                .await
                .map_err(store_error)?;
        Ok(failures >= max)
    }

    pub async fn fail(&self, key: &str) -> Result<(), PageError> {
        store::ThrottleStore::add_login_failure(&*self.store, key, now(), THROTTLE_WINDOW)
            .await
            .map_err(store_error)?;
        Ok(())
    }

    pub async fn clear(&self, key: &str) -> Result<(), PageError> {
        store::ThrottleStore::clear_login_failures(&*self.store, key)
            .await
            .map_err(store_error)
    }
}
