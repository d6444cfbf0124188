//! What both backup tests start from: the account `u` with its case `c`, 50 events and an
//! attachment of three chunks, and writes that go on while the backup runs.

use std::path::{Path, PathBuf};
use std::process::Output;

use store::{Actor, Attachment, Event, Store};

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

/// The data folder under `root`.
pub fn data_folder(root: &Path) -> PathBuf {
    let data = root.join("data");
    std::fs::create_dir_all(&data).unwrap();
    data
}

/// The bytes of the attachment `f1`: more than two chunks, so that the order of chunks counts.
pub fn attachment_bytes() -> Vec<u8> {
    let mut bytes = b"%PDF-1.4 ".to_vec();
    bytes.extend((0..store::ATTACHMENT_CHUNK * 2 + 100).map(|i| (i % 253) as u8));
    bytes
}

fn attachment() -> Attachment {
    let bytes = attachment_bytes();
    Attachment {
        id: "f1".into(),
        case_id: "c".into(),
        event_id: "e0".into(),
        file_name: "brief.pdf".into(),
        media_type: "application/pdf".into(),
        size: bytes.len() as i64,
        sha256: "ab".repeat(32),
        created_at: 1,
    }
}

/// Writes the account, the case, its first 50 events and the attachment on the first.
pub async fn fill(s: &dyn Store) {
    store_tests::owner_with_cases(s, "u", &["c"]).await;
    for n in 0..50 {
        s.add_event(&event(n), &actor()).await.unwrap();
    }
    s.add_attachment(&attachment(), &attachment_bytes(), &actor())
        .await
        .unwrap();
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
/// moment (each event with its audit line, the case's own and the attachment's), and holds the
/// attachment's bytes. Returns how many events it holds.
pub async fn check_restored(r: &dyn Store) -> usize {
    let events = r.events("c").await.unwrap().len();
    assert!(
        events >= 50,
        "everything written before the backup is in it ({events})"
    );
    assert_eq!(
        r.audit_log("c").await.unwrap().len(),
        events + 2,
        "one consistent moment"
    );
    let mut bytes = Vec::new();
    for seq in 0..store::attachment_chunks(attachment().size) {
        bytes.extend(r.attachment_chunk("c", "f1", seq).await.unwrap().unwrap());
    }
    assert_eq!(bytes, attachment_bytes(), "the attachment is in the backup");
    events
}

/// Runs `routewijzer COMMAND FILE --data DATA` with `DATABASE_URL` set to `database` (or unset
/// for SQLite) and the key file the data folder's own.
pub async fn routewijzer(
    command: &str,
    file: &Path,
    data: &Path,
    database: Option<&str>,
) -> Output {
    let mut c = tokio::process::Command::new(env!("CARGO_BIN_EXE_routewijzer"));
    c.arg(command)
        .arg(file)
        .arg("--data")
        .arg(data)
        .env_remove("DATABASE_URL")
        .env_remove("ROUTEWIJZER_KEY_FILE");
    if let Some(url) = database {
        c.env("DATABASE_URL", url);
    }
    c.output().await.unwrap()
}

/// Fails the test with the command's own message when it failed.
pub fn succeeded(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
