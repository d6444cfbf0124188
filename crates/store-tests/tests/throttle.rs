//! Failed-login counts in the database, on SQLite and on PostgreSQL: a window per key, a new
//! window once it ends, clearing, old rows removed, and no lost count when several writers
//! (as several app processes would) count the same key at once.

use store::Store;
use store_sqlite::SqliteStore;

const WINDOW: i64 = 900;

async fn counts<S: Store + Clone>(s: S) {
    let (a, b) = ("account:ouder@example.nl", "address:192.0.2.7");
    assert_eq!(s.login_failures(a, 1000, WINDOW).await.unwrap(), 0);
    for n in 1..=3 {
        assert_eq!(
            s.add_login_failure(a, 1000 + n, WINDOW).await.unwrap(),
            n as u32
        );
    }
    assert_eq!(s.login_failures(a, 1100, WINDOW).await.unwrap(), 3);
    assert_eq!(
        s.login_failures(b, 1100, WINDOW).await.unwrap(),
        0,
        "keys are apart"
    );
    assert_eq!(s.add_login_failure(b, 1100, WINDOW).await.unwrap(), 1);

    // The window started at the first failure (1001) and ends WINDOW seconds later.
    assert_eq!(
        s.login_failures(a, 1001 + WINDOW - 1, WINDOW)
            .await
            .unwrap(),
        3
    );
    assert_eq!(s.login_failures(a, 1001 + WINDOW, WINDOW).await.unwrap(), 0);
    assert_eq!(
        s.add_login_failure(a, 1001 + WINDOW, WINDOW).await.unwrap(),
        1,
        "a failure after the window starts a new one"
    );

    s.clear_login_failures(a).await.unwrap();
    assert_eq!(s.login_failures(a, 2000, WINDOW).await.unwrap(), 0);
    assert_eq!(
        s.login_failures(b, 1200, WINDOW).await.unwrap(),
        1,
        "only `a` is cleared"
    );

    // A failure much later removes the ended window of `b`: asked about its old time, it is gone.
    s.add_login_failure("address:198.51.100.1", 10_000, WINDOW)
        .await
        .unwrap();
    assert_eq!(s.login_failures(b, 1200, WINDOW).await.unwrap(), 0);

    // Many writers at once, as several processes on one database would be: none is lost.
    let key = "account:druk@example.nl";
    let tasks: Vec<_> = (0..12)
        .map(|_| {
            let s = s.clone();
            tokio::spawn(async move { s.add_login_failure(key, 20_000, WINDOW).await.unwrap() })
        })
        .collect();
    let mut seen = Vec::new();
    for t in tasks {
        seen.push(t.await.unwrap());
    }
    seen.sort_unstable();
    assert_eq!(
        seen,
        (1..=12).collect::<Vec<u32>>(),
        "every writer got its own count"
    );
    assert_eq!(s.login_failures(key, 20_001, WINDOW).await.unwrap(), 12);
}

#[tokio::test]
async fn sqlite_counts_failed_logins() {
    let dir = store_tests::temp_dir("throttle");
    counts(SqliteStore::open(&dir).await.unwrap()).await;
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn postgres_counts_failed_logins() {
    store_tests::on_postgres("throttle", counts).await;
}
