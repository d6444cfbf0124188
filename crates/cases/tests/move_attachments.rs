//! Attachments that an older version kept in the data folder move into the store at start: once,
//! each with its bytes intact, the file removed after; a second run moves nothing.

use store::{Attachment, Event, Store};
use store_sqlite::SqliteStore;

#[tokio::test]
async fn files_of_the_data_folder_move_into_the_store_once() {
    let data = std::env::temp_dir().join(format!("rw-move-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let s = SqliteStore::in_memory().await.unwrap();
    store_tests::owner_with_cases(&s, "u", &["c"]).await;
    let me = store_tests::actor("u", 1);
    let event = Event {
        id: "e".into(),
        case_id: "c".into(),
        kind: "letter".into(),
        date: "2026-10-14".into(),
        title: "brief".into(),
        notes: String::new(),
        parties: String::new(),
        sets_date: String::new(),
        version: 1,
        created_by: "u".into(),
        updated_at: 1,
    };
    s.add_event(&event, &me).await.unwrap();
    let old: Vec<u8> = b"%PDF-1.4 ".iter().copied().cycle().take(600_000).collect();
    // The row as an older version wrote it: no bytes in the store, the file in the folder.
    let a = Attachment {
        id: "f1".into(),
        case_id: "c".into(),
        event_id: "e".into(),
        file_name: "brief.pdf".into(),
        media_type: "application/pdf".into(),
        size: old.len() as i64,
        sha256: cases::attachments::sha256_hex(&old),
        created_at: 1,
    };
    s.add_attachment(&a, &[], &me).await.unwrap();
    std::fs::create_dir_all(data.join("attachments/c")).unwrap();
    std::fs::write(data.join("attachments/c/f1"), &old).unwrap();

    let moved = cases::attachments::move_into_store(&s, &data)
        .await
        .unwrap();
    assert_eq!(moved, 1);
    assert_eq!(cases::attachments::read_all(&s, &a).await.unwrap(), old);
    assert!(
        !data.join("attachments").exists(),
        "the emptied folder is removed"
    );
    assert_eq!(
        cases::attachments::move_into_store(&s, &data)
            .await
            .unwrap(),
        0,
        "a second start moves nothing"
    );
    std::fs::remove_dir_all(&data).ok();
}
