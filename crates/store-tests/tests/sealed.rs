//! Case data at rest in SQLite, read as the file holds it: texts and attachment bytes are
//! sealed, a value moved to another case or changed by hand does not open (an error that names
//! the case, never an empty value), and a deleted case's data key is gone with it.

use store::{Attachment, Child, Event, Store, StoreError};
use store_sqlite::SqliteStore;

fn event(id: &str, case: &str, notes: &str) -> Event {
    Event {
        id: id.into(),
        case_id: case.into(),
        kind: "letter".into(),
        date: "2026-10-14".into(),
        title: "Brief".into(),
        notes: notes.into(),
        parties: String::new(),
        sets_date: String::new(),
        version: 1,
        created_by: "u".into(),
        updated_at: 1,
    }
}

#[tokio::test]
async fn sealed_rows_open_only_in_their_own_place() {
    let dir = store_tests::temp_dir("sealed");
    let s = SqliteStore::open_with_key_file(&dir, &dir.join("master.key"))
        .await
        .unwrap();
    store_tests::owner_with_cases(&s, "u", &["c1", "c2"]).await;
    let me = store_tests::actor("u", 1);
    s.save_child(
        &Child {
            id: "k1".into(),
            case_id: "c1".into(),
            name: "Sammie Geheimnaam".into(),
            birth_year: None,
            school_type: String::new(),
            school_level: String::new(),
        },
        &me,
    )
    .await
    .unwrap();
    s.add_event(&event("e1", "c1", "geheime notitie"), &me)
        .await
        .unwrap();
    s.add_event(&event("e2", "c2", "andere notitie"), &me)
        .await
        .unwrap();
    let bytes = b"%PDF-1.4 bijlage-geheim".to_vec();
    let a = Attachment {
        id: "f1".into(),
        case_id: "c1".into(),
        event_id: "e1".into(),
        file_name: "brief-sammie.pdf".into(),
        media_type: "application/pdf".into(),
        size: bytes.len() as i64,
        sha256: "ab".repeat(32),
        created_at: 1,
    };
    s.add_attachment(&a, &bytes, &me).await.unwrap();
    assert_eq!(s.children("c1").await.unwrap()[0].name, "Sammie Geheimnaam");
    assert_eq!(
        s.attachment_chunk("c1", "f1", 0).await.unwrap(),
        Some(bytes)
    );

    // What the file holds.
    let pool = sqlx::SqlitePool::connect(&format!(
        "sqlite:{}",
        dir.join(store_sqlite::FILE_NAME).display()
    ))
    .await
    .unwrap();
    let (name,): (String,) = sqlx::query_as("select name from children where id = 'k1'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(
        name.starts_with("rw1:") && !name.contains("Sammie"),
        "{name}"
    );
    let (chunk,): (Vec<u8>,) =
        sqlx::query_as("select bytes from attachment_chunks where attachment_id = 'f1'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(!chunk.windows(6).any(|w| w == b"geheim"));

    // A note of c2 copied into c1's event: sealed under c2's key, it does not open in c1.
    sqlx::query(
        "update events set notes = (select notes from events where id = 'e2') where id = 'e1'",
    )
    .execute(&pool)
    .await
    .unwrap();
    match s.events("c1").await {
        Err(StoreError::Sealed { case_id, what }) => {
            assert_eq!((case_id.as_str(), what.as_str()), ("c1", "events.notes"));
        }
        other => panic!("expected a sealed error, got {other:?}"),
    }
    // A changed chunk does not open either.
    sqlx::query("update attachment_chunks set bytes = x'00112233' where attachment_id = 'f1'")
        .execute(&pool)
        .await
        .unwrap();
    assert!(matches!(
        s.attachment_chunk("c1", "f1", 0).await,
        Err(StoreError::Sealed { .. })
    ));

    // Deleting a case deletes its data key in the same step.
    s.delete_case("c2").await.unwrap();
    let (keys,): (i64,) = sqlx::query_as("select count(*) from case_keys where case_id = 'c2'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(keys, 0);
    pool.close().await;
    std::fs::remove_dir_all(&dir).ok();
}

/// Values an older version stored in plain are sealed at the next open, once.
#[tokio::test]
async fn plain_rows_of_an_older_version_are_sealed_at_open() {
    let dir = store_tests::temp_dir("plain");
    let key = dir.join("master.key");
    let s = SqliteStore::open_with_key_file(&dir, &key).await.unwrap();
    store_tests::owner_with_cases(&s, "u", &["c1"]).await;
    let me = store_tests::actor("u", 1);
    s.add_event(&event("e1", "c1", "nog verzegeld"), &me)
        .await
        .unwrap();
    s.close().await;
    // As an older version wrote them: plain, and no mark that sealing ran.
    let file = format!("sqlite:{}", dir.join(store_sqlite::FILE_NAME).display());
    let pool = sqlx::SqlitePool::connect(&file).await.unwrap();
    for step in [
        "update events set notes = 'oude platte notitie' where id = 'e1'",
        "update cases set title = 'Oude titel' where id = 'c1'",
        "delete from sealing_done",
    ] {
        sqlx::query(step).execute(&pool).await.unwrap();
    }
    pool.close().await;

    let s = SqliteStore::open_with_key_file(&dir, &key).await.unwrap();
    assert_eq!(
        s.events("c1").await.unwrap()[0].notes,
        "oude platte notitie"
    );
    assert_eq!(
        s.case_by_id("c1").await.unwrap().unwrap().title,
        "Oude titel"
    );
    s.close().await;
    let pool = sqlx::SqlitePool::connect(&file).await.unwrap();
    let (notes,): (String,) = sqlx::query_as("select notes from events where id = 'e1'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(notes.starts_with("rw1:"), "sealed in the file: {notes}");
    let (done,): (i64,) = sqlx::query_as("select count(*) from sealing_done")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(done, 1);
    pool.close().await;
    std::fs::remove_dir_all(&dir).ok();
}

/// A second open of the same PostgreSQL database (a restart, or a second server) reads what the
/// first sealed, and finds its sealing already done.
#[tokio::test]
async fn postgres_opens_again_with_its_key() {
    let Some((url, schema)) = store_tests::pg_schema("reopen").await else {
        return;
    };
    let key = store_tests::temp_dir("pg-reopen").join("master.key");
    let first = store_postgres::PgStore::connect(&url, &key).await.unwrap();
    store_tests::owner_with_cases(&first, "u", &["c1"]).await;
    first
        .add_event(
            &event("e1", "c1", "na herstart"),
            &store_tests::actor("u", 1),
        )
        .await
        .unwrap();
    first.pool().close().await;
    let second = store_postgres::PgStore::connect(&url, &key).await;
    let notes = match &second {
        Ok(s) => s
            .events("c1")
            .await
            .map(|e| e[0].notes.clone())
            .map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    if let Ok(s) = &second {
        s.pool().close().await;
    }
    store_tests::drop_pg_schema(&schema).await;
    assert_eq!(notes.unwrap(), "na herstart");
}
