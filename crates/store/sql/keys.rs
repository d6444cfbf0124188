//! The key ring of a database, for both SQL backends: each case's data key, wrapped by the
//! master key (`case_keys`), and a check value that tells at start whether the master key given
//! is the one of this database (`key_check`). See `store::seal` for the cryptography.
//!
//! `case_keys` has no foreign key to `cases` and is never in a backup (`routewijzer backup`
//! leaves it out, `restore` keeps the live one): deleting a case deletes its data key in the same
//! transaction, so no older copy of the case opens again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use store::StoreError;
use store::seal::{Key, Sealed, TEXT_PREFIX, chunk_aad, text_aad};

use super::Db;
use super::cases::{begin, commit, query_error};
type Pool = sqlx::Pool<Db>;

/// The value sealed in `key_check`.
const CHECK: &str = "routewijzer key check";

/// The master key of a store and the data keys it has unwrapped.
pub(crate) struct Keys {
    master: RwLock<Arc<Key>>,
    /// Where the master key came from, to read it again after `rotate-key`.
    file: Option<PathBuf>,
    cache: Mutex<HashMap<String, Arc<Key>>>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keys").field("file", &self.file).finish()
    }
}

/// Where a store's master key comes from.
pub(crate) enum Source<'a> {
    /// A key file; made (0600) when missing and the database holds no sealed data yet.
    File(&'a Path),
    /// A key held only in memory (tests, and databases that live only in memory).
    Memory(Key),
}

impl Keys {
    /// The key ring of the database at `pool`, with the master key of `source`, which must be
    /// the key of this database when it already holds sealed data.
    pub(crate) async fn load(pool: &Pool, source: Source<'_>) -> Result<Keys, StoreError> {
        let stored: Option<(String, String)> =
            sqlx::query_as("select master_id, sealed from key_check where id = 1")
                .fetch_optional(pool)
                .await
                .map_err(query_error)?;
        let (master, file) = match source {
            Source::Memory(key) => (key, None),
            Source::File(path) => {
                let key = if path.exists() || stored.is_some() {
                    store::seal::load_master_key(path).map_err(|e| match &stored {
                        Some(_) if !path.exists() => StoreError::Key(format!(
                            "this database holds sealed case data, and its master key file {} \
                             is missing; set {} to the key file of this database",
                            path.display(),
                            store::seal::KEY_FILE_ENV
                        )),
                        _ => e,
                    })?
                } else {
                    store::seal::create_master_key(path)?
                };
                (key, Some(path.to_path_buf()))
            }
        };
        if stored.is_none() {
            // The first start: remember which key this database is sealed with. Two servers
            // starting at once write one row; the check below tells the loser's key apart.
            sqlx::query(
                "insert into key_check (id, master_id, sealed) values (1, $1, $2) \
                 on conflict (id) do nothing",
            )
            .bind(master.id())
            .bind(master.seal_text("key_check", CHECK))
            .execute(pool)
            .await
            .map_err(query_error)?;
        }
        let (_, sealed): (String, String) =
            sqlx::query_as("select master_id, sealed from key_check where id = 1")
                .fetch_one(pool)
                .await
                .map_err(query_error)?;
        if master.open_text("key_check", &sealed).as_deref() != Some(CHECK) {
            return Err(StoreError::Key(format!(
                "the master key{} is not the key of this database: its sealed data does not open \
                 with it. Set {} to the key file this database was sealed with",
                file.as_ref()
                    .map(|f| format!(" in {}", f.display()))
                    .unwrap_or_default(),
                store::seal::KEY_FILE_ENV
            )));
        }
        Ok(Keys {
            master: RwLock::new(Arc::new(master)),
            file,
            cache: Mutex::default(),
        })
    }

    fn master(&self) -> Arc<Key> {
        self.master.read().expect("the key lock").clone()
    }

    /// Reads the key file again (after `rotate-key` put a new key in it); true when the key
    /// changed.
    fn reload(&self) -> Result<bool, StoreError> {
        let Some(file) = &self.file else {
            return Ok(false);
        };
        let key = store::seal::load_master_key(file)?;
        let mut master = self.master.write().expect("the key lock");
        if key.id() == master.id() {
            return Ok(false);
        }
        tracing::info!("the master key file holds a new key; using it");
        *master = Arc::new(key);
        Ok(true)
    }

    /// The data key of a case; made when `create` and the case has none yet, otherwise `None`.
    pub(crate) async fn for_case(
        &self,
        pool: &Pool,
        case_id: &str,
        create: bool,
    ) -> Result<Option<Arc<Key>>, StoreError> {
        if let Some(k) = self.cache.lock().expect("the key cache").get(case_id) {
            return Ok(Some(k.clone()));
        }
        let row = wrapped_key(pool, case_id).await?;
        let key = match row {
            Some((wrapped, master_id)) => self.unwrap(case_id, &wrapped, &master_id)?,
            None if create => self.create(pool, case_id).await?,
            None => return Ok(None),
        };
        let key = Arc::new(key);
        self.cache
            .lock()
            .expect("the key cache")
            .insert(case_id.to_string(), key.clone());
        Ok(Some(key))
    }

    fn unwrap(&self, case_id: &str, wrapped: &[u8], master_id: &str) -> Result<Key, StoreError> {
        if master_id != self.master().id() {
            self.reload()?;
        }
        self.master()
            .unwrap_key(case_id, wrapped)
            .ok_or_else(|| StoreError::Sealed {
                case_id: case_id.to_string(),
                what: "its data key".into(),
            })
    }

    async fn create(&self, pool: &Pool, case_id: &str) -> Result<Key, StoreError> {
        for attempt in 0..2 {
            let master = self.master();
            let mut tx = begin(pool).await?;
            // Under the lock of the check row: a rotation waits for this key, or this waits for
            // the rotation and sees its new master key.
            let (master_id,): (String,) = sqlx::query_as(crate::KEY_CHECK_FOR_SHARE)
                .fetch_one(&mut *tx)
                .await
                .map_err(query_error)?;
            if master_id != master.id() {
                drop(tx);
                if attempt == 0 && self.reload()? {
                    continue;
                }
                return Err(StoreError::Key(
                    "the database was sealed with another master key than this server's key \
                     file holds (was rotate-key run without this server's key file?)"
                        .into(),
                ));
            }
            let key = Key::random();
            sqlx::query(
                "insert into case_keys (case_id, wrapped, master_id) values ($1, $2, $3) \
                 on conflict (case_id) do nothing",
            )
            .bind(case_id)
            .bind(master.wrap(case_id, &key))
            .bind(&master_id)
            .execute(&mut *tx)
            .await
            .map_err(query_error)?;
            commit(tx).await?;
            // Another server may have made the key first; the stored one counts.
            let (wrapped, master_id) = wrapped_key(pool, case_id).await?.ok_or_else(|| {
                StoreError::Corrupt(format!("the data key of case {case_id} was not stored"))
            })?;
            return self.unwrap(case_id, &wrapped, &master_id);
        }
        unreachable!("the loop returns")
    }

    /// Forgets a deleted case's data key (the store row is deleted with the case).
    pub(crate) fn forget(&self, case_id: &str) {
        self.cache.lock().expect("the key cache").remove(case_id);
    }

    /// A copy of `item` with its texts sealed under its case's key.
    pub(crate) async fn seal<T: Sealed + Clone>(
        &self,
        pool: &Pool,
        item: &T,
    ) -> Result<T, StoreError> {
        let mut item = item.clone();
        let case_id = item.case_id().to_string();
        let key = self.key(pool, &case_id, true).await?;
        for (place, text) in item.texts() {
            *text = key.seal_text(&text_aad(place, &case_id), text);
        }
        Ok(item)
    }

    /// `item` with its texts opened; an error naming the case when one does not open.
    pub(crate) async fn open<T: Sealed>(&self, pool: &Pool, mut item: T) -> Result<T, StoreError> {
        let case_id = item.case_id().to_string();
        let key = self.key(pool, &case_id, false).await?;
        for (place, text) in item.texts() {
            *text = key
                .open_text(&text_aad(place, &case_id), text)
                .ok_or_else(|| StoreError::Sealed {
                    case_id: case_id.clone(),
                    what: place.to_string(),
                })?;
        }
        Ok(item)
    }

    pub(crate) async fn open_all<T: Sealed>(
        &self,
        pool: &Pool,
        items: Vec<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(self.open(pool, item).await?);
        }
        Ok(out)
    }

    pub(crate) async fn open_option<T: Sealed>(
        &self,
        pool: &Pool,
        item: Option<T>,
    ) -> Result<Option<T>, StoreError> {
        match item {
            Some(item) => Ok(Some(self.open(pool, item).await?)),
            None => Ok(None),
        }
    }

    /// One text of a case sealed for `place` (a column given as `table.column`).
    pub(crate) async fn seal_text(
        &self,
        pool: &Pool,
        case_id: &str,
        place: &str,
        text: &str,
    ) -> Result<String, StoreError> {
        let key = self.key(pool, case_id, true).await?;
        Ok(key.seal_text(&text_aad(place, case_id), text))
    }

    /// The key of a case, which must exist unless `create`.
    pub(crate) async fn key(
        &self,
        pool: &Pool,
        case_id: &str,
        create: bool,
    ) -> Result<Arc<Key>, StoreError> {
        self.for_case(pool, case_id, create)
            .await?
            .ok_or_else(|| StoreError::Sealed {
                case_id: case_id.to_string(),
                what: "no data key (the case was deleted)".into(),
            })
    }

    pub(crate) fn seal_chunk(key: &Key, attachment_id: &str, seq: i64, bytes: &[u8]) -> Vec<u8> {
        key.seal(chunk_aad(attachment_id, seq).as_bytes(), bytes)
    }

    pub(crate) fn open_chunk(
        key: &Key,
        case_id: &str,
        attachment_id: &str,
        seq: i64,
        sealed: &[u8],
    ) -> Result<Vec<u8>, StoreError> {
        key.open(chunk_aad(attachment_id, seq).as_bytes(), sealed)
            .ok_or_else(|| StoreError::Sealed {
                case_id: case_id.to_string(),
                what: format!("chunk {seq} of attachment {attachment_id}"),
            })
    }

    /// Seals the texts an older version stored in plain, once: run at every open until it has
    /// finished (`sealing_done`); what is sealed already is left alone. Returns how many values
    /// it sealed. Every server on one database must run a version that seals.
    pub(crate) async fn seal_plain_rows(&self, pool: &Pool) -> Result<usize, StoreError> {
        let done: Option<(i64,)> = sqlx::query_as("select at from sealing_done where id = 1")
            .fetch_optional(pool)
            .await
            .map_err(query_error)?;
        if done.is_some() {
            return Ok(0);
        }
        let mut sealed = 0;
        for (table, row_key, case_col, columns) in PLAIN_COLUMNS {
            for column in *columns {
                let select = format!(
                    "select cast({row_key} as text), {case_col}, {column} from {table} \
                     where {column} not like '{TEXT_PREFIX}%'"
                );
                // Table and column names come from the constant list below, never from input.
                let rows: Vec<(String, String, String)> =
                    sqlx::query_as(sqlx::AssertSqlSafe(select))
                        .fetch_all(pool)
                        .await
                        .map_err(query_error)?;
                let update = format!(
                    "update {table} set {column} = $1 where cast({row_key} as text) = $2 \
                     and {case_col} = $3 and {column} = $4"
                );
                for (row, case_id, plain) in rows {
                    let place = format!("{table}.{column}");
                    let text = self.seal_text(pool, &case_id, &place, &plain).await?;
                    sqlx::query(sqlx::AssertSqlSafe(update.clone()))
                        .bind(text)
                        .bind(&row)
                        .bind(&case_id)
                        .bind(&plain)
                        .execute(pool)
                        .await
                        .map_err(query_error)?;
                    sealed += 1;
                }
            }
        }
        // Only now: a start cut off halfway does the rest the next time.
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        sqlx::query("insert into sealing_done (id, at) values (1, $1) on conflict (id) do nothing")
            .bind(now)
            .execute(pool)
            .await
            .map_err(query_error)?;
        Ok(sealed)
    }

    /// Wraps every data key under `new` instead of the current master key, in one transaction,
    /// without touching the sealed data. Returns how many keys it wrapped.
    pub(crate) async fn rotate(&self, pool: &Pool, new: Key) -> Result<usize, StoreError> {
        let old = self.master();
        let mut tx = begin(pool).await?;
        // The check row first: a server making a new data key waits for this transaction.
        sqlx::query("update key_check set master_id = $1, sealed = $2 where id = 1")
            .bind(new.id())
            .bind(new.seal_text("key_check", CHECK))
            .execute(&mut *tx)
            .await
            .map_err(query_error)?;
        let rows: Vec<(String, Vec<u8>)> =
            sqlx::query_as("select case_id, wrapped from case_keys order by case_id")
                .fetch_all(&mut *tx)
                .await
                .map_err(query_error)?;
        let count = rows.len();
        for (case_id, wrapped) in rows {
            let key = old
                .unwrap_key(&case_id, &wrapped)
                .ok_or_else(|| StoreError::Sealed {
                    case_id: case_id.clone(),
                    what: "its data key".into(),
                })?;
            sqlx::query("update case_keys set wrapped = $1, master_id = $2 where case_id = $3")
                .bind(new.wrap(&case_id, &key))
                .bind(new.id())
                .bind(&case_id)
                .execute(&mut *tx)
                .await
                .map_err(query_error)?;
        }
        commit(tx).await?;
        *self.master.write().expect("the key lock") = Arc::new(new);
        Ok(count)
    }
}

async fn wrapped_key(pool: &Pool, case_id: &str) -> Result<Option<(Vec<u8>, String)>, StoreError> {
    sqlx::query_as("select wrapped, master_id from case_keys where case_id = $1")
        .bind(case_id)
        .fetch_optional(pool)
        .await
        .map_err(query_error)
}

/// The columns that are sealed: table, the column that names a row, the column of its case,
/// and the sealed columns. Must match the `Sealed` impls in `store::seal`.
const PLAIN_COLUMNS: &[(&str, &str, &str, &[&str])] = &[
    ("cases", "id", "id", &["title"]),
    ("children", "id", "case_id", &["name"]),
    (
        "parties",
        "id",
        "case_id",
        &["name", "contact", "holiday_contact"],
    ),
    ("answer_versions", "version", "case_id", &["answers"]),
    ("events", "id", "case_id", &["title", "notes"]),
    ("attachments", "id", "case_id", &["file_name"]),
    ("help_requests", "id", "case_id", &["message"]),
    ("advice_seen", "seq", "case_id", &["summary"]),
];

/// After a restore: removes the cases whose data key is gone (deleted after the backup was
/// made), which can never be opened again. Cases stored in plain by an older version have no
/// key yet and stay. Returns how many were removed.
pub(crate) async fn remove_cases_without_keys(pool: &Pool) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "delete from cases where id not in (select case_id from case_keys) \
         and title like 'rw1:%'",
    )
    .execute(pool)
    .await
    .map_err(query_error)?;
    Ok(done.rows_affected())
}
