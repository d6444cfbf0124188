//! The case export keeps the advice the case was shown over time (`advice_seen`), oldest first,
//! with the content version each was given on; an import reads the file but starts its own.

use std::io::Read;

use cases::advice::{changed_since_seen, confirm};
use store::Store;
use store_sqlite::SqliteStore;

fn case_json(zip: &[u8]) -> serde_json::Value {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut text = String::new();
    archive
        .by_name("case.json")
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

#[tokio::test]
async fn the_export_holds_the_advice_history() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let k = route::load::load_dir_without_walk(&root).expect("the content loads");
    let s = SqliteStore::in_memory().await.unwrap();
    store_tests::owner_with_cases(&s, "u", &["c"]).await;
    let advice = route::advise(&k, &route::Situation::new(jiff::civil::date(2026, 12, 7)));
    // The first advice is recorded as the starting point; corrected content is confirmed later.
    changed_since_seen(&s, &k, "c", &advice, 10).await.unwrap();
    let newer = route::Advice {
        content_version: "2027-01-01.0000000000000001".into(),
        ..advice.clone()
    };
    confirm(&s, &k, "c", &newer, &store_tests::actor("u", 20))
        .await
        .unwrap();

    let case = s.case_by_id("c").await.unwrap().unwrap();
    let file = case_json(&cases::export::export(&s, &case).await.unwrap());
    let seen = file["advice_seen"]
        .as_array()
        .expect("advice_seen is a list");
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert_eq!(seen[0]["seq"], 1);
    assert_eq!(seen[0]["content_version"], advice.content_version.as_str());
    assert_eq!(seen[0]["seen_by"], "");
    assert_eq!(seen[1]["content_version"], "2027-01-01.0000000000000001");
    assert_eq!(seen[1]["seen_at"], 20);
    assert_eq!(seen[1]["seen_by"], "u");
    // The summary is the advice in short, readable without the store's key.
    let summary: serde_json::Value =
        serde_json::from_str(seen[1]["summary"].as_str().unwrap()).unwrap();
    assert_eq!(summary["current"]["id"], advice.current.as_str());

    // An import takes the file, but the new case has its own (empty) advice history.
    let bytes = cases::export::export(&s, &case).await.unwrap();
    let new_id = cases::export::import(&s, &bytes, &store_tests::actor("u", 30))
        .await
        .unwrap()
        .expect("the export imports");
    assert!(s.advice_seen(&new_id).await.unwrap().is_empty());
}
