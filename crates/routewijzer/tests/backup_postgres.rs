//! `routewijzer backup FILE` on PostgreSQL while writes go on, then `routewijzer restore FILE`
//! (the server stopped) as the README gives it: the database opens with the app's migrations and
//! its own key, is one consistent moment (every event has its audit line), has the attachment
//! in it, and what was written after the backup is gone.
//!
//! The test makes a database of its own on the test server (the dump is of a whole database)
//! and drops it afterwards. Without a reachable server, or without pg_dump and pg_restore, it
//! says SKIPPED, unless `CI` is set: then it fails.

mod backup_source;

use std::process::Command;

use store::Store;
use store_postgres::PgStore;

use backup_source::{
    actor, check_restored, data_folder, event, fill, keep_writing, routewijzer, succeeded,
};

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
    sqlx::query(sqlx::AssertSqlSafe(format!("create database {source}")))
        .execute(&admin)
        .await
        .unwrap();
    let root = std::env::temp_dir().join(format!("rw-backup-pg-{}-{nanos}", std::process::id()));
    let source_url = with_database(&url, &source);
    let result = tokio::spawn(backup_and_restore(root.clone(), source_url)).await;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "drop database if exists {source} with (force)"
    )))
    .execute(&admin)
    .await
    .unwrap();
    std::fs::remove_dir_all(&root).ok();
    if let Err(e) = result {
        std::panic::resume_unwind(e.into_panic());
    }
}

async fn backup_and_restore(root: std::path::PathBuf, source_url: String) {
    let data = data_folder(&root);
    let key = data.join("master.key");
    let s = PgStore::connect(&source_url, &key).await.unwrap();
    fill(&s).await;
    let writer = keep_writing(&s);
    let file = root.join("kopie.dump");
    let out = routewijzer("backup", &file, &data, Some(&source_url)).await;
    writer.abort();
    let _ = writer.await;
    succeeded(&out);
    // Written after the backup: gone after the restore.
    s.add_event(&event(2_000_000), &actor()).await.unwrap();
    s.pool().close().await;

    // The restore as the README gives it: the server stopped, `routewijzer restore FILE`.
    succeeded(&routewijzer("restore", &file, &data, Some(&source_url)).await);

    let r = PgStore::connect(&source_url, &key)
        .await
        .expect("the restored database opens, its migrations already done");
    let events = check_restored(&r).await;
    assert!(
        r.event("c", "e2000000").await.unwrap().is_none(),
        "what came after the backup is not in it"
    );
    assert_eq!(
        r.user_by_email("u@example.nl").await.unwrap().map(|u| u.id),
        Some("u".to_string())
    );
    // The restored database takes new writes: its sequences came along.
    r.add_event(&event(1_000_000), &actor()).await.unwrap();
    assert_eq!(r.audit_log("c").await.unwrap().len(), events + 3);
    r.pool().close().await;
}
