//! A crash in the middle of a stream of timeline writes: a child process writes events and
//! prints the id of each one the store acknowledged; it is killed with SIGKILL mid-stream. Every
//! acknowledged event must be there afterwards, and SQLite's integrity check must pass.
//!
//! The child is this same test binary, started again with `ROUTEWIJZER_CRASH_CHILD` set to the
//! data folder, running only [`crash_writer`].

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use store::{Event, Store};
use store_sqlite::SqliteStore;

const CHILD: &str = "ROUTEWIJZER_CRASH_CHILD";

/// The writer; does nothing unless started by [`acknowledged_writes_survive_sigkill`].
#[tokio::test]
async fn crash_writer() {
    let Some(dir) = std::env::var_os(CHILD) else {
        return;
    };
    let s = SqliteStore::open(std::path::Path::new(&dir)).await.unwrap();
    store_tests::owner_with_cases(&s, "u", &["c"]).await;
    let actor = store_tests::actor("u", 1);
    for n in 0.. {
        let e = Event {
            id: format!("e{n}"),
            case_id: "c".into(),
            kind: "email".into(),
            date: "2026-10-14".into(),
            title: format!("event {n}"),
            notes: "x".repeat(500),
            parties: String::new(),
            sets_date: String::new(),
            version: 1,
            created_by: "u".into(),
            updated_at: n,
        };
        s.add_event(&e, &actor).await.unwrap();
        println!("ack e{n}");
    }
}

#[tokio::test]
async fn acknowledged_writes_survive_sigkill() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("rw-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash_writer",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env(CHILD, &dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut acked = Vec::new();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    while let Some(Ok(line)) = lines.next() {
        if let Some(id) = line.strip_prefix("ack ") {
            acked.push(id.to_string());
            if acked.len() == 300 {
                break;
            }
        }
    }
    // SIGKILL, mid-stream: no chance to finish or clean up.
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(acked.len(), 300, "the writer stopped early");

    let s = SqliteStore::open(&dir).await.unwrap();
    assert_eq!(s.integrity_check().await.unwrap(), "ok");
    let stored: std::collections::HashSet<String> = s
        .events("c")
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    let lost: Vec<&String> = acked.iter().filter(|id| !stored.contains(*id)).collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    let audit = s.audit_log("c").await.unwrap().len();
    assert_eq!(
        audit,
        stored.len() + 1,
        "every stored event has its audit line, and no more"
    );
    drop(s);
    std::fs::remove_dir_all(&dir).ok();
}
