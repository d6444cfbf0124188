//! Session persistence: a `tower_sessions::SessionStore` on top of any [`Store`].
//!
//! The web app saves the session on every request, because `Expiry::OnInactivity` only moves the
//! expiry forward when the session is saved. Writing the same data back on every page view would
//! make every read a database write, so [`SessionBackend`] remembers what it last read or wrote
//! per session and skips a save when the data is unchanged and the stored expiry is less than
//! [`TOUCH_EVERY`] seconds old. An idle timeout of hours does not need second precision.
//!
//! It also answers loads from that memory (measured: the route page went from 4.2k to more
//! requests per second, see bench/README.md). That is only right while one process owns the
//! database, as with the embedded SQLite store; [`SessionBackend::shared`] turns it off for a
//! database that several app servers share.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

use crate::{Store, StoreError};

/// A session as stored: the id as text, the data as JSON text, the expiry as unix seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub id: String,
    pub data: String,
    pub expires_at: i64,
}

/// How long an unchanged session may go without its expiry being written again, in seconds.
pub const TOUCH_EVERY: i64 = 60;

/// Above this many remembered sessions the memory is cleared; it only saves writes.
const REMEMBER_AT_MOST: usize = 100_000;

/// Adapts a [`Store`] to tower-sessions.
#[derive(Debug, Clone)]
pub struct SessionBackend {
    store: Arc<dyn Store>,
    /// Session id -> what the database holds for it, as far as this process knows.
    seen: Arc<Mutex<HashMap<i128, Known>>>,
    /// Whether loads may be answered from memory (only this process writes the database).
    serve_loads: bool,
}

#[derive(Debug)]
struct Known {
    expires_at: i64,
    record: Record,
}

impl SessionBackend {
    /// For a database only this process writes (embedded SQLite).
    pub fn new(store: Arc<dyn Store>) -> Self {
        SessionBackend {
            store,
            seen: Arc::default(),
            serve_loads: true,
        }
    }

    /// For a database that other processes write too: every load reads the database.
    pub fn shared(store: Arc<dyn Store>) -> Self {
        SessionBackend {
            store,
            seen: Arc::default(),
            serve_loads: false,
        }
    }

    fn remember(&self, record: &Record, expires_at: i64) {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if seen.len() >= REMEMBER_AT_MOST {
            seen.clear();
        }
        seen.insert(
            record.id.0,
            Known {
                expires_at,
                record: record.clone(),
            },
        );
    }

    fn known(&self, id: Id, now: i64) -> Option<Record> {
        let seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        seen.get(&id.0)
            .filter(|k| k.expires_at > now)
            .map(|k| k.record.clone())
    }

    /// The value under `key` in the session with cookie value `id`, when this process saved
    /// or loaded the session less than [`TOUCH_EVERY`] seconds ago and answers loads from
    /// memory. Then reading it needs neither the database nor a copy of the session, and the
    /// save a request would make is one [`SessionStore::save`] skips anyway. `idle` is the
    /// sessions' idle timeout in seconds. `None` sends the request the usual way.
    pub fn recent_value(&self, id: &str, key: &str, idle: i64) -> Option<serde_json::Value> {
        if !self.serve_loads {
            return None;
        }
        let id = id.parse::<Id>().ok()?;
        let now = now();
        let seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let k = seen.get(&id.0)?;
        let saved_at = k.expires_at - idle;
        if k.expires_at <= now || now - saved_at >= TOUCH_EVERY {
            return None;
        }
        k.record.data.get(key).cloned()
    }

    fn forget(&self, id: Id) {
        self.seen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&id.0);
    }

    /// Whether the database already holds this data, with an expiry less than [`TOUCH_EVERY`]
    /// seconds older. Compares the data as it is: the save that most requests make (a page
    /// view that changed nothing) then costs no serialising, no hashing and no allocation.
    fn unchanged_and_fresh(&self, record: &Record) -> bool {
        let seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        matches!(seen.get(&record.id.0), Some(k) if k.record.data == record.data
            && record.expiry_date.unix_timestamp() - k.expires_at < TOUCH_EVERY)
    }
}

fn to_row(record: &Record) -> session_store::Result<SessionRow> {
    // A BTreeMap gives the same text for the same data, whatever the order it was inserted in.
    let ordered: std::collections::BTreeMap<_, _> = record.data.iter().collect();
    let data =
        serde_json::to_string(&ordered).map_err(|e| session_store::Error::Encode(e.to_string()))?;
    Ok(SessionRow {
        id: record.id.to_string(),
        data,
        expires_at: record.expiry_date.unix_timestamp(),
    })
}

fn from_row(row: SessionRow) -> session_store::Result<Record> {
    let id = row
        .id
        .parse::<Id>()
        .map_err(|e| session_store::Error::Decode(e.to_string()))?;
    let data =
        serde_json::from_str(&row.data).map_err(|e| session_store::Error::Decode(e.to_string()))?;
    let expiry_date = OffsetDateTime::from_unix_timestamp(row.expires_at)
        .map_err(|e| session_store::Error::Decode(e.to_string()))?;
    Ok(Record {
        id,
        data,
        expiry_date,
    })
}

fn backend(e: StoreError) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

#[async_trait]
impl SessionStore for SessionBackend {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        loop {
            let row = to_row(record)?;
            if self.store.insert_session(&row).await.map_err(backend)? {
                self.remember(record, row.expires_at);
                return Ok(());
            }
            // Another session has this id (2^-128 unlikely, but cheap to handle): draw again.
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        if self.unchanged_and_fresh(record) {
            return Ok(());
        }
        let row = to_row(record)?;
        self.store.save_session(&row).await.map_err(backend)?;
        self.remember(record, row.expires_at);
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        if self.serve_loads
            && let Some(record) = self.known(*id, now())
        {
            return Ok(Some(record));
        }
        let Some(row) = self
            .store
            .load_session(&id.to_string(), now())
            .await
            .map_err(backend)?
        else {
            self.forget(*id);
            return Ok(None);
        };
        let expires_at = row.expires_at;
        let record = from_row(row)?;
        self.remember(&record, expires_at);
        Ok(Some(record))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.forget(*id);
        self.store
            .delete_session(&id.to_string())
            .await
            .map_err(backend)
    }
}
