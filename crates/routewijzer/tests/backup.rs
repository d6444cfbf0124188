//! `routewijzer backup FILE` while writes go on, then a restore as the README describes it: the
//! copy opens, passes SQLite's integrity check, and is one consistent moment (every event has its
//! audit line), with the attachment's bytes in it.

mod backup_source;

use store_sqlite::SqliteStore;

use backup_source::{check_restored, data_folder, fill, keep_writing};

#[tokio::test]
async fn backup_while_writing_then_restore() {
    let root = std::env::temp_dir().join(format!("rw-backup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let data = data_folder(&root);
    let s = SqliteStore::open(&data).await.unwrap();
    fill(&s).await;
    let writer = keep_writing(&s);
    let file = root.join("kopie.sqlite");
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_routewijzer"))
        .arg("backup")
        .arg(&file)
        .arg("--data")
        .arg(&data)
        .env_remove("DATABASE_URL")
        .output()
        .await
        .unwrap();
    writer.abort();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = tokio::process::Command::new(env!("CARGO_BIN_EXE_routewijzer"))
        .arg("backup")
        .arg(&file)
        .arg("--data")
        .arg(&data)
        .output()
        .await
        .unwrap();
    assert!(
        !again.status.success(),
        "an existing backup is never overwritten"
    );

    // Restore into a new data folder.
    let restored = root.join("restored");
    std::fs::create_dir_all(&restored).unwrap();
    std::fs::copy(&file, restored.join(store_sqlite::FILE_NAME)).unwrap();
    let r = SqliteStore::open(&restored).await.unwrap();
    assert_eq!(r.integrity_check().await.unwrap(), "ok");
    check_restored(&r).await;
    std::fs::remove_dir_all(&root).ok();
}
