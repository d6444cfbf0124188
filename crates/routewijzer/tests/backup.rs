//! `routewijzer backup FILE` while writes go on, then `routewijzer restore FILE` as the README
//! describes it: the database opens with its key, passes SQLite's integrity check, is one
//! consistent moment (every event has its audit line), has the attachment's bytes in it, and
//! what was written after the backup is gone.

mod backup_source;

use store::Store;
use store_sqlite::SqliteStore;

use backup_source::{check_restored, data_folder, fill, keep_writing, routewijzer, succeeded};

#[tokio::test]
async fn backup_while_writing_then_restore() {
    let root = std::env::temp_dir().join(format!("rw-backup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let data = data_folder(&root);
    let s = SqliteStore::open_with_key_file(&data, &data.join("master.key"))
        .await
        .unwrap();
    fill(&s).await;
    let writer = keep_writing(&s);
    let file = root.join("kopie.sqlite");
    let out = routewijzer("backup", &file, &data, None).await;
    writer.abort();
    let _ = writer.await;
    succeeded(&out);
    let again = routewijzer("backup", &file, &data, None).await;
    assert!(
        !again.status.success(),
        "an existing backup is never overwritten"
    );

    // Written after the backup: gone after the restore.
    s.add_event(&backup_source::event(2_000_000), &backup_source::actor())
        .await
        .unwrap();
    s.close().await;

    // The restore as the README gives it: the server stopped, `routewijzer restore FILE`.
    succeeded(&routewijzer("restore", &file, &data, None).await);
    let r = SqliteStore::open_with_key_file(&data, &data.join("master.key"))
        .await
        .unwrap();
    assert_eq!(r.integrity_check().await.unwrap(), "ok");
    check_restored(&r).await;
    assert!(
        r.event("c", "e2000000").await.unwrap().is_none(),
        "what came after the backup is not in it"
    );
    std::fs::remove_dir_all(&root).ok();
}
