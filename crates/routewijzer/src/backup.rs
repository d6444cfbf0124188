//! `routewijzer backup FILE`: a consistent copy of the database while the server runs. The
//! attachments are in the database, so the copy holds them.
//!
//! SQLite (the default) is copied with `VACUUM INTO`. PostgreSQL (`DATABASE_URL=postgres://...`)
//! is copied with `pg_dump --format=custom`, which reads one snapshot; restore it into a new,
//! empty database with `pg_restore --no-owner --dbname=URL FILE`.

use std::path::Path;
use std::process::{Command, ExitCode};

use anyhow::{Context, Result, bail};

/// Backs up the database the server would use: PostgreSQL when `DATABASE_URL` says so,
/// otherwise the SQLite file in `data`.
pub fn run(data: &Path, file: &Path) -> Result<ExitCode> {
    if file.exists() {
        bail!("{} exists already; choose a new file name", file.display());
    }
    let postgres = std::env::var("DATABASE_URL")
        .ok()
        .map(|url| url.trim().to_string())
        .filter(|url| url.starts_with("postgres://") || url.starts_with("postgresql://"));
    match postgres {
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
