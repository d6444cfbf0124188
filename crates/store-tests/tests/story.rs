//! The store story against every backend: SQLite always, PostgreSQL when it can be reached (and
//! always when `CI` is set).

use store_postgres::PgStore;
use store_sqlite::SqliteStore;

#[tokio::test]
async fn sqlite_tells_the_story() {
    let dir = std::env::temp_dir().join(format!("rw-store-story-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let s = SqliteStore::open(&dir).await.unwrap();
    store_tests::story(&s).await;
    drop(s);
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn postgres_tells_the_story() {
    let url = std::env::var("ROUTEWIJZER_TEST_PG")
        .unwrap_or_else(|_| store_tests::DEFAULT_PG.to_string());
    let admin = match sqlx::PgPool::connect(&url).await {
        Ok(pool) => pool,
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!(
                "SKIPPED: PostgreSQL at {url} cannot be reached ({e}); the story ran on SQLite only"
            );
            return;
        }
        Err(e) => panic!("PostgreSQL at {url} cannot be reached ({e}), and CI is set"),
    };
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    let schema = format!("rw_story_{}_{nanos}", std::process::id());
    sqlx::query(sqlx::AssertSqlSafe(format!("create schema {schema}")))
        .execute(&admin)
        .await
        .unwrap();
    let s = PgStore::connect_in_schema(&url, &schema).await.unwrap();
    // Drop the schema even when the story fails.
    let result = tokio::spawn(async move {
        store_tests::story(&s).await;
        s.pool().close().await;
    })
    .await;
    sqlx::query(sqlx::AssertSqlSafe(format!("drop schema {schema} cascade")))
        .execute(&admin)
        .await
        .unwrap();
    if let Err(e) = result {
        std::panic::resume_unwind(e.into_panic());
    }
}
