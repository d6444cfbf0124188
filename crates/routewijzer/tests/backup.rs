//! `routewijzer backup FILE` while writes go on, then a restore as the README describes it: the
//! copy opens, passes SQLite's integrity check, and is one consistent moment (every event has its
//! audit line), with the attachment files beside it.

use std::path::Path;

use store::{Actor, Case, Event, Store, User};
use store_sqlite::SqliteStore;

fn event(n: i64) -> Event {
    Event {
        id: format!("e{n}"),
        case_id: "c".into(),
        kind: "letter".into(),
        date: "2026-10-14".into(),
        title: format!("brief {n}"),
        notes: String::new(),
        parties: String::new(),
        sets_date: String::new(),
        version: 1,
        created_by: "u".into(),
        updated_at: n,
    }
}

#[tokio::test]
async fn backup_while_writing_then_restore() {
    let root = std::env::temp_dir().join(format!("rw-backup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let data = root.join("data");
    std::fs::create_dir_all(data.join("attachments/c")).unwrap();
    std::fs::write(data.join("attachments/c/f1"), b"%PDF-1.4 test").unwrap();
    let s = SqliteStore::open(&data).await.unwrap();
    let actor = Actor {
        user_id: "u".into(),
        now: 1,
    };
    s.create_user(&User {
        id: "u".into(),
        email: "u@example.nl".into(),
        password_hash: "x".into(),
        totp_secret: None,
        created_at: 1,
    })
    .await
    .unwrap();
    s.create_case(
        &Case {
            id: "c".into(),
            owner_id: "u".into(),
            title: "t".into(),
            created_at: 1,
        },
        &actor,
    )
    .await
    .unwrap();
    for n in 0..50 {
        s.add_event(&event(n), &actor).await.unwrap();
    }
    // Keep writing while the backup runs, as a live server would.
    let writer = {
        let s = s.clone();
        let actor = actor.clone();
        tokio::spawn(async move {
            for n in 50..100_000 {
                if s.add_event(&event(n), &actor).await.is_err() {
                    break;
                }
                tokio::task::yield_now().await;
            }
        })
    };
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
    copy_tree(
        &root.join("kopie.sqlite.attachments"),
        &restored.join("attachments"),
    );
    let r = SqliteStore::open(&restored).await.unwrap();
    assert_eq!(r.integrity_check().await.unwrap(), "ok");
    let events = r.events("c").await.unwrap().len();
    assert!(
        events >= 50,
        "everything written before the backup is in it ({events})"
    );
    assert_eq!(
        r.audit_log("c").await.unwrap().len(),
        events + 1,
        "one consistent moment"
    );
    assert_eq!(
        std::fs::read(restored.join("attachments/c/f1")).unwrap(),
        b"%PDF-1.4 test"
    );
    std::fs::remove_dir_all(&root).ok();
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}
