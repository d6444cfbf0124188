//! Many writers at once, as a busy server has them: every write lands, none fails with
//! "database is locked" (SQLite lets one writer in at a time; the others must wait for it).

use std::sync::Arc;

use store::{Event, Store};
use store_sqlite::SqliteStore;

async fn many_writers(s: Arc<dyn Store>) {
    store_tests::owner_with_cases(s.as_ref(), "u", &["c1", "c2", "c3", "c4"]).await;
    let mut writers = tokio::task::JoinSet::new();
    for w in 0..8 {
        let s = s.clone();
        writers.spawn(async move {
            for n in 0..25 {
                let case = format!("c{}", 1 + (w + n) % 4);
                let event = Event {
                    id: format!("e{w}-{n}"),
                    case_id: case.clone(),
                    kind: "email".into(),
                    date: "2026-11-02".into(),
                    title: "Mail aan school".into(),
                    notes: format!("schrijver {w}, mail {n}"),
                    parties: String::new(),
                    sets_date: String::new(),
                    version: 1,
                    created_by: "u".into(),
                    updated_at: 1,
                };
                s.add_event(&event, &store_tests::actor("u", 1))
                    .await
                    .unwrap();
                // A read and a write in one go, as a page that records an outcome does.
                s.save_answers(&case, r#"{"answers":{}}"#, &store_tests::actor("u", 2))
                    .await
                    .unwrap();
            }
        });
    }
    while let Some(r) = writers.join_next().await {
        r.unwrap();
    }
    let mut events = 0;
    for c in ["c1", "c2", "c3", "c4"] {
        events += s.events(c).await.unwrap().len();
    }
    assert_eq!(events, 8 * 25);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_takes_many_writers_at_once() {
    let dir = store_tests::temp_dir("concurrent");
    let s = SqliteStore::open(&dir).await.unwrap();
    many_writers(Arc::new(s.clone())).await;
    s.close().await;
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_takes_many_writers_at_once() {
    store_tests::on_postgres("concurrent", |s| many_writers(Arc::new(s))).await;
}
