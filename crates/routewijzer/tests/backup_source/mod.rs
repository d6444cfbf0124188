//! What both backup tests start from: a data folder with one attachment file, the account `u`
//! with its case `c` and 50 events, and writes that go on while the backup runs.

use std::path::{Path, PathBuf};

use store::{Actor, Event, Store};

pub fn actor() -> Actor {
    store_tests::actor("u", 1)
}

pub fn event(n: i64) -> Event {
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

/// The data folder under `root`, with the attachment file of case `c` in it.
pub fn data_folder(root: &Path) -> PathBuf {
    let data = root.join("data");
    std::fs::create_dir_all(data.join("attachments/c")).unwrap();
    std::fs::write(data.join("attachments/c/f1"), b"%PDF-1.4 test").unwrap();
    data
}

/// Writes the account, the case and its first 50 events.
pub async fn fill(s: &dyn Store) {
    store_tests::owner_with_cases(s, "u", &["c"]).await;
    for n in 0..50 {
        s.add_event(&event(n), &actor()).await.unwrap();
    }
}

/// Adds events from number 50 on, as a live server would, until a write fails or the task is
/// stopped.
pub fn keep_writing<S: Store + Clone + 'static>(s: &S) -> tokio::task::JoinHandle<()> {
    let s = s.clone();
    tokio::spawn(async move {
        for n in 50..100_000 {
            if s.add_event(&event(n), &actor()).await.is_err() {
                break;
            }
            tokio::task::yield_now().await;
        }
    })
}

/// Checks a restored copy: it holds every event from before the backup, is one consistent
/// moment (each event with its audit line, and the case's own), and has the attachment file in
/// `attachments`. Returns how many events it holds.
pub async fn check_restored(r: &dyn Store, attachments: &Path) -> usize {
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
        std::fs::read(attachments.join("c/f1")).unwrap(),
        b"%PDF-1.4 test"
    );
    events
}

pub fn copy_tree(from: &Path, to: &Path) {
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
