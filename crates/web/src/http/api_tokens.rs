//! Personal access tokens of the JSON API, as the account page makes them and the API checks
//! them: the secret (`rw_` and 64 hex digits: 32 bytes from the operating system's CSPRNG), the
//! SHA-256 hash that is all the store keeps, the two scopes, and the limit of requests per
//! token per minute. The account area makes and revokes tokens, the api area finds the caller
//! by the hash; neither knows the other.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use cases::attachments::sha256_hex;

/// What every secret starts with, so that a leaked one is easy to recognise (and to scan for).
pub const PREFIX: &str = "rw_";
/// Requests one token may make per [`WINDOW`].
pub const REQUESTS_PER_WINDOW: u32 = 120;
/// The fixed window of the rate limit.
pub const WINDOW: Duration = Duration::from_secs(60);

/// What a token may do: `read` only reads; `write` also adds events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Read,
    Write,
}

impl Scope {
    pub fn parse(text: &str) -> Option<Scope> {
        match text {
            "read" => Some(Scope::Read),
            "write" => Some(Scope::Write),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Read => "read",
            Scope::Write => "write",
        }
    }
}

/// The operating system gave no random bytes; no token can be made safely.
#[derive(Debug, thiserror::Error)]
#[error("no random bytes for a token: {0}")]
pub struct NoRandom(String);

/// A new secret: [`PREFIX`] and 32 random bytes in hex.
pub fn new_secret() -> Result<String, NoRandom> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| NoRandom(e.to_string()))?;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("{PREFIX}{hex}"))
}

/// The hash the store keeps of a secret, and looks a token up by.
pub fn hash(secret: &str) -> String {
    sha256_hex(secret.as_bytes())
}

/// Requests per token in a fixed window, in memory: a restart or another process starts the
/// count again, which is fine for a limit that only keeps one program from flooding the server.
#[derive(Debug, Default)]
pub struct RateLimit {
    windows: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimit {
    /// Counts a request of `token_id` at `now`: `Ok` when it is within the limit, else how
    /// long until the window ends.
    pub fn check(&self, token_id: &str, now: Instant) -> Result<(), Duration> {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        // Ended windows go now and then, so the map holds only tokens in use.
        if windows.len() > 10_000 {
            windows.retain(|_, (start, _)| now.duration_since(*start) < WINDOW);
        }
        let (start, count) = windows.entry(token_id.to_string()).or_insert((now, 0));
        if now.duration_since(*start) >= WINDOW {
            *start = now;
            *count = 0;
        }
        if *count >= REQUESTS_PER_WINDOW {
            return Err(WINDOW.saturating_sub(now.duration_since(*start)));
        }
        *count += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_long_random_and_recognisable() {
        let a = new_secret().unwrap();
        let b = new_secret().unwrap();
        assert_ne!(a, b);
        assert!(a.starts_with(PREFIX));
        assert_eq!(a.len(), PREFIX.len() + 64);
        assert!(a[PREFIX.len()..].chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(hash(&a), a, "the store never sees the secret");
        assert_eq!(hash(&a), hash(&a.clone()));
    }

    #[test]
    fn the_limit_holds_per_token_and_window() {
        let limit = RateLimit::default();
        let t0 = Instant::now();
        for _ in 0..REQUESTS_PER_WINDOW {
            assert!(limit.check("a", t0).is_ok());
        }
        let wait = limit.check("a", t0 + Duration::from_secs(20)).unwrap_err();
        assert_eq!(wait, Duration::from_secs(40));
        assert!(
            limit.check("b", t0).is_ok(),
            "another token has its own count"
        );
        assert!(limit.check("a", t0 + WINDOW).is_ok(), "a new window");
    }
}
