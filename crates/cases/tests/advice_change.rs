//! A case remembers the advice it was shown: new content that changes the advice is reported
//! against the advice before it until the parent confirms; a first advice, new content that
//! leaves the advice alone, and changes the case made itself are not.

use cases::advice::{Summary, changed_since_seen, confirm, history};
use store_sqlite::SqliteStore;

#[tokio::test]
async fn only_new_content_that_changes_the_advice_is_reported() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let k = route::load::load_dir_without_walk(&root).expect("the content loads");
    let s = SqliteStore::in_memory().await.unwrap();
    store_tests::owner_with_cases(&s, "u", &["c"]).await;
    let me = store_tests::actor("u", 10);
    let situation = route::Situation::new(jiff::civil::date(2026, 12, 7));
    let advice = route::advise(&k, &situation);
    assert_eq!(advice.content_version, k.version.to_string());

    // The first advice is the starting point; seeing it again changes nothing.
    assert_eq!(
        changed_since_seen(&s, &k, "c", &advice, 1).await.unwrap(),
        None
    );
    assert_eq!(
        changed_since_seen(&s, &k, "c", &advice, 2).await.unwrap(),
        None
    );
    assert_eq!(history(&s, "c").await.unwrap().len(), 1);

    // Corrected content that makes another step current: reported, with what it was before.
    let other = k
        .steps
        .iter()
        .find(|st| st.id != advice.current)
        .unwrap()
        .id
        .clone();
    let newer = route::Advice {
        current: other.clone(),
        content_version: "2027-01-01.0000000000000001".into(),
        ..advice.clone()
    };
    let changed = changed_since_seen(&s, &k, "c", &newer, 3)
        .await
        .unwrap()
        .expect("the change is reported");
    assert_eq!(changed.before.current.id, advice.current);
    assert_eq!(changed.now.current.id, other);
    assert_eq!(changed.seen_at, 1);
    // Until the parent confirms, it stays reported.
    assert!(
        changed_since_seen(&s, &k, "c", &newer, 4)
            .await
            .unwrap()
            .is_some()
    );
    confirm(&s, &k, "c", &newer, &me).await.unwrap();
    assert_eq!(
        changed_since_seen(&s, &k, "c", &newer, 5).await.unwrap(),
        None
    );

    // New content with the same advice: no report, a new starting point.
    let same = route::Advice {
        content_version: "2027-02-01.0000000000000002".into(),
        ..newer.clone()
    };
    assert_eq!(
        changed_since_seen(&s, &k, "c", &same, 6).await.unwrap(),
        None
    );
    // The case's own change (same content): no report either.
    let own = route::Advice {
        current: advice.current.clone(),
        ..same.clone()
    };
    assert_eq!(
        changed_since_seen(&s, &k, "c", &own, 7).await.unwrap(),
        None
    );

    // The old advice stays readable, in order, with who confirmed it.
    let all = history(&s, "c").await.unwrap();
    let steps: Vec<&str> = all.iter().map(|(_, sum)| sum.current.id.as_str()).collect();
    assert_eq!(
        steps,
        [
            advice.current.as_str(),
            other.as_str(),
            other.as_str(),
            advice.current.as_str()
        ]
    );
    assert_eq!(all[1].0.seen_by, "u");
    assert_eq!(
        all[0].1,
        Summary::of(&k, &advice),
        "the summary is stored as it was"
    );
}
