//! `routewijzer backup FILE` on PostgreSQL while writes go on, then the restore the README gives
//! (`pg_restore --no-owner --dbname=URL FILE` into a new, empty database): the copy opens with
//! the app's migrations, is one consistent moment (every event has its audit line), and has the
//! attachment in it.
//!
//! The test makes two databases of its own on the test server (the dump is of a whole database)
//! and drops them afterwards. Without a reachable server, or without pg_dump and pg_restore, it
//! says SKIPPED, unless `CI` is set: then it fails.

mod backup_source;

use std::process::Command;

use store::Store;
use store_postgres::PgStore;

use backup_source::{actor, check_restored, data_folder, event, fill, keep_writing};

const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/test";

fn skip_or_fail(why: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{why}, and CI is set");
    }
    eprintln!("\n*** SKIPPED: the PostgreSQL backup test: {why} ***\n");
}

fn installed(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `url` with its database name replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let server = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    format!("{server}/{name}{query}")
}

#[tokio::test]
async fn postgres_backup_while_writing_then_restore() {
    let url = std::env::var("ROUTEWIJZER_TEST_PG").unwrap_or_else(|_| DEFAULT_PG.to_string());
    let admin = match sqlx::PgPool::connect(&url).await {
        Ok(pool) => pool,
        Err(e) => return skip_or_fail(&format!("{url} cannot be reached ({e})")),
    };
    if !installed("pg_dump") || !installed("pg_restore") {
        return skip_or_fail(
            "pg_dump or pg_restore is not installed (Debian: apt-get install postgresql-client)",
        );
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    let source = format!("rw_backup_{}_{nanos}", std::process::id());
    let target = format!("{source}_restored");
    for db in [&source, &target] {
        sqlx::query(sqlx::AssertSqlSafe(format!("create database {db}")))
            .execute(&admin)
            .await
            .unwrap();
    }
    let root = std::env::temp_dir().join(format!("rw-backup-pg-{}-{nanos}", std::process::id()));
    let (source_url, target_url) = (with_database(&url, &source), with_database(&url, &target));
    let result = tokio::spawn(backup_and_restore(root.clone(), source_url, target_url)).await;
    for db in [&source, &target] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "drop database if exists {db} with (force)"
        )))
        .execute(&admin)
        .await
        .unwrap();
    }
    std::fs::remove_dir_all(&root).ok();
    if let Err(e) = result {
        std::panic::resume_unwind(e.into_panic());
    }
}

async fn backup_and_restore(root: std::path::PathBuf, source_url: String, target_url: String) {
    let data = data_folder(&root);
    let s = PgStore::connect(&source_url).await.unwrap();
    fill(&s).await;
    let writer = keep_writing(&s);
    let file = root.join("kopie.dump");
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_routewijzer"))
        .arg("backup")
        .arg(&file)
        .arg("--data")
        .arg(&data)
        .env("DATABASE_URL", &source_url)
        .output()
        .await
        .unwrap();
    writer.abort();
    let _ = writer.await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    s.pool().close().await;

    // The restore as the README gives it.
    let restore = tokio::process::Command::new("pg_restore")
        .arg("--no-owner")
        .arg("--dbname")
        .arg(&target_url)
        .arg(&file)
        .output()
        .await
        .unwrap();
    assert!(
        restore.status.success(),
        "{}",
        String::from_utf8_lossy(&restore.stderr)
    );

    let r = PgStore::connect(&target_url)
        .await
        .expect("the restored database opens, its migrations already done");
    let events = check_restored(&r).await;
    assert_eq!(
        r.user_by_email("u@example.nl").await.unwrap().map(|u| u.id),
        Some("u".to_string())
    );
    // The restored database takes new writes: its sequences came along.
    r.add_event(&event(1_000_000), &actor()).await.unwrap();
    assert_eq!(r.audit_log("c").await.unwrap().len(), events + 3);
    r.pool().close().await;
}
