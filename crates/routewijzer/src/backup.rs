//! `routewijzer backup FILE`, `restore FILE` and `rotate-key NEW_KEY_FILE`.
//!
//! A backup is a consistent copy of the database while the server runs, attachments included,
//! without the data keys of the cases (`case_keys`, `key_check`): SQLite is copied with
//! `VACUUM INTO` and the keys taken out of the copy; PostgreSQL with `pg_dump --format=custom`,
//! which reads one snapshot, leaving the two key tables out. `restore` puts a backup back with
//! the keys of the live database, so a case deleted since (its key deleted with it) stays
//! unreadable in every backup: that is what makes deleting final.

use std::path::Path;
use std::process::{Command, ExitCode};

use anyhow::{Context, Result, bail};

/// Backs up the database the server would use: PostgreSQL when `DATABASE_URL` says so,
/// otherwise the SQLite file in `data`.
pub fn run(data: &Path, file: &Path) -> Result<ExitCode> {
    if file.exists() {
        bail!("{} exists already; choose a new file name", file.display());
    }
    match postgres_url() {
        Some(url) => postgres_dump(&url, file)?,
        None => sqlite_copy(data, file)?,
    }
    println!(
        "backup written to {} (attachments included)",
        file.display()
    );
    if data.join("attachments").exists() {
        // Files of an older version that no server has moved into the database yet.
        eprintln!(
            "warning: {} still holds attachment files of an older version, which this backup \
             does not hold; start the server once to move them into the database, then back up \
             again",
            data.join("attachments").display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn sqlite_copy(data: &Path, file: &Path) -> Result<()> {
    let database = data.join(store_sqlite::FILE_NAME);
    if !database.exists() {
        bail!(
            "there is no database at {}; give the data folder with --data",
            database.display()
        );
    }
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async {
        let store = store_sqlite::SqliteStore::open(data).await?;
        store.backup_to(file).await?;
        anyhow::Ok(())
    })
}

/// Runs `pg_dump` on the database of `url`. The password, if the URL has one, goes to pg_dump
/// in its environment rather than on its command line, where other users could read it.
fn postgres_dump(url: &str, file: &Path) -> Result<()> {
    let (url, password) = split_password(url);
    let mut command = Command::new("pg_dump");
    command
        .arg("--format=custom")
        .arg("--no-owner")
        .arg("--no-privileges")
        // The key ring never goes into a backup (see the module doc).
        .arg("--exclude-table=case_keys")
        .arg("--exclude-table=key_check")
        .arg("--file")
        .arg(file)
        .arg("--dbname")
        .arg(&url);
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    let status = match command.status() {
        Ok(status) => status,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "the database is PostgreSQL (DATABASE_URL), and its backup needs pg_dump, which is \
             not installed: install the PostgreSQL client tools (Debian: postgresql-client) in \
             the version of the server or newer"
        ),
        Err(e) => bail!("cannot start pg_dump: {e}"),
    };
    if !status.success() {
        // A half-written dump must not pass for a backup.
        let _ = std::fs::remove_file(file);
        bail!("pg_dump failed ({status}); its message is above. No backup was written");
    }
    Ok(())
}

fn postgres_url() -> Option<String> {
    std::env::var("DATABASE_URL")
        .ok()
        .map(|url| url.trim().to_string())
        .filter(|url| url.starts_with("postgres://") || url.starts_with("postgresql://"))
}

/// Puts a backup back in place of the database (the server must be stopped), keeping the live
/// data keys; reports the cases that were deleted since and stay unreadable.
pub fn restore(data: &Path, file: &Path) -> Result<ExitCode> {
    if !file.exists() {
        bail!("{} does not exist", file.display());
    }
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    let removed = match postgres_url() {
        Some(url) => {
            postgres_restore(&url, file)?;
            runtime.block_on(async {
                let key_file = store::seal::key_file(data);
                let store = store_postgres::PgStore::connect(&url, &key_file).await?;
                let removed = store.remove_cases_without_keys().await?;
                store.pool().close().await;
                anyhow::Ok(removed)
            })?
        }
        None => runtime.block_on(store_sqlite::SqliteStore::restore(data, file))?,
    };
    println!(
        "restored from {}; {removed} case(s) deleted since the backup stay unreadable and were \
         removed",
        file.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `pg_restore --clean` into the database of `url`: every table of the backup is replaced, the
/// two key tables (not in the backup) stay as they are. One transaction: all or nothing.
fn postgres_restore(url: &str, file: &Path) -> Result<()> {
    let (url, password) = split_password(url);
    let mut command = Command::new("pg_restore");
    command
        .args(["--clean", "--if-exists", "--no-owner", "--no-privileges"])
        .arg("--single-transaction")
        .arg("--dbname")
        .arg(&url)
        .arg(file);
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    let status = match command.status() {
        Ok(status) => status,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "the database is PostgreSQL (DATABASE_URL), and its restore needs pg_restore, which \
             is not installed: install the PostgreSQL client tools (Debian: postgresql-client)"
        ),
        Err(e) => bail!("cannot start pg_restore: {e}"),
    };
    if !status.success() {
        bail!("pg_restore failed ({status}); its message is above. Nothing was changed");
    }
    Ok(())
}

/// Wraps every data key under the key in `new_key_file` and puts that key in the key file in
/// use, so that running servers (which read their key file again when a key was wrapped by a
/// newer master key) and the next start use it.
pub fn rotate_key(data: &Path, new_key_file: &Path) -> Result<ExitCode> {
    let new = store::seal::load_master_key(new_key_file)?;
    let key_file = store::seal::key_file(data);
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    let count = runtime.block_on(async {
        let count = match postgres_url() {
            Some(url) => {
                let store = store_postgres::PgStore::connect(&url, &key_file).await?;
                let count = store.rotate_master_key(new.clone()).await?;
                store.pool().close().await;
                count
            }
            None => {
                if !data.join(store_sqlite::FILE_NAME).exists() {
                    bail!(
                        "there is no database in {}; give the data folder with --data",
                        data.display()
                    );
                }
                let store = store_sqlite::SqliteStore::open_with_key_file(data, &key_file).await?;
                let count = store.rotate_master_key(new.clone()).await?;
                store.close().await;
                count
            }
        };
        anyhow::Ok(count)
    })?;
    store::seal::write_key_file(&key_file, &new).with_context(|| {
        format!(
            "the data keys are wrapped under the key in {}, but it could not be put in {}: set \
             {} to {} before the next start",
            new_key_file.display(),
            key_file.display(),
            store::seal::KEY_FILE_ENV,
            new_key_file.display()
        )
    })?;
    println!(
        "{count} data key(s) wrapped under the new master key, now in {}",
        key_file.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The URL without its password, and the password (percent-decoded, as libpq reads it).
fn split_password(url: &str) -> (String, Option<String>) {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return (url.to_string(), None);
    };
    let authority_end = url[scheme_end..]
        .find(['/', '?'])
        .map_or(url.len(), |i| scheme_end + i);
    let authority = &url[scheme_end..authority_end];
    let Some((userinfo, host)) = authority.rsplit_once('@') else {
        return (url.to_string(), None);
    };
    let Some((user, password)) = userinfo.split_once(':') else {
        return (url.to_string(), None);
    };
    let without = format!(
        "{}{user}@{host}{}",
        &url[..scheme_end],
        &url[authority_end..]
    );
    (without, Some(percent_decode(password)))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'%')
            .then(|| s.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match hex {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::split_password;

    #[test]
    fn the_password_leaves_the_url() {
        assert_eq!(
            split_password("postgres://rw:ge%40heim@db.example.nl:5432/rw?sslmode=require"),
            (
                "postgres://rw@db.example.nl:5432/rw?sslmode=require".to_string(),
                Some("ge@heim".to_string())
            )
        );
        for url in [
            "postgres://postgres@127.0.0.1:5432/test",
            "postgres://127.0.0.1/test",
            "postgresql:///test?host=/run/postgresql",
        ] {
            assert_eq!(split_password(url), (url.to_string(), None), "{url}");
        }
    }
}
