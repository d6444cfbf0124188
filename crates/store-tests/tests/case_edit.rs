//! Changing and removing children and parties, on SQLite and on PostgreSQL: each write lands
//! with its audit line, stays inside its own case, and a removed party leaves the party lists of
//! the events.

use store::{Actor, Child, Event, Party, Store};
use store_sqlite::SqliteStore;

fn actor(now: i64) -> Actor {
    store_tests::actor("u", now)
}

fn child(id: &str, case_id: &str, name: &str) -> Child {
    Child {
        id: id.into(),
        case_id: case_id.into(),
        name: name.into(),
        birth_year: Some(2015),
        school_type: "po".into(),
        school_level: "groep 6".into(),
    }
}

fn party(id: &str, case_id: &str, name: &str) -> Party {
    Party {
        id: id.into(),
        case_id: case_id.into(),
        name: name.into(),
        role: "school".into(),
        contact: "Schoolstraat 1".into(),
        holiday_contact: String::new(),
    }
}

fn event(id: &str, parties: &str) -> Event {
    Event {
        id: id.into(),
        case_id: "c".into(),
        kind: "meeting".into(),
        date: "2026-10-14".into(),
        title: "Overleg".into(),
        notes: String::new(),
        parties: parties.into(),
        sets_date: String::new(),
        version: 1,
        created_by: "u".into(),
        updated_at: 5,
    }
}

async fn setup(s: &dyn Store) {
    store_tests::owner_with_cases(s, "u", &["c", "other"]).await;
    s.save_child(&child("k1", "c", "Noor"), &actor(2))
        .await
        .unwrap();
    s.save_child(&child("k2", "c", "Sem"), &actor(2))
        .await
        .unwrap();
    s.save_party(&party("p1", "c", "De Regenboog"), &actor(2))
        .await
        .unwrap();
    s.save_party(&party("p2", "c", "Stichting Voorbeeld"), &actor(2))
        .await
        .unwrap();
    s.add_event(&event("e1", "p1,p2"), &actor(3)).await.unwrap();
    s.add_event(&event("e2", "p2"), &actor(3)).await.unwrap();
    s.add_event(&event("e3", ""), &actor(3)).await.unwrap();
}

/// The audit lines written after `before`, as (action, subject).
async fn audit_since(s: &dyn Store, case_id: &str, before: usize) -> Vec<(String, String)> {
    s.audit_log(case_id).await.unwrap()[before..]
        .iter()
        .map(|a| (a.action.clone(), a.subject.clone()))
        .collect()
}

async fn edit_and_remove(s: &dyn Store) {
    setup(s).await;
    let before = s.audit_log("c").await.unwrap().len();

    // A child is changed in place.
    let mut noor = child("k1", "c", "Noor Visser");
    noor.birth_year = None;
    noor.school_level = "groep 7".into();
    assert!(s.update_child(&noor, &actor(10)).await.unwrap());
    let kids = s.children("c").await.unwrap();
    assert_eq!(kids.len(), 2);
    assert_eq!(kids.iter().find(|c| c.id == "k1"), Some(&noor));

    // A child of another case, or one that does not exist, is not touched.
    let mut stray = noor.clone();
    stray.case_id = "other".into();
    stray.name = "Niet van mij".into();
    assert!(!s.update_child(&stray, &actor(11)).await.unwrap());
    assert!(
        !s.update_child(&child("k9", "c", "Nergens"), &actor(11))
            .await
            .unwrap()
    );
    assert!(!s.delete_child("other", "k1", &actor(11)).await.unwrap());
    assert_eq!(s.children("c").await.unwrap().len(), 2);
    assert!(s.children("other").await.unwrap().is_empty());

    assert!(s.delete_child("c", "k2", &actor(12)).await.unwrap());
    assert_eq!(
        s.children("c").await.unwrap(),
        [noor.clone()],
        "only Noor is left"
    );
    assert!(
        !s.delete_child("c", "k2", &actor(13)).await.unwrap(),
        "gone already"
    );

    // A party is changed in place.
    let mut school = party("p1", "c", "De Regenboog (locatie Oost)");
    school.holiday_contact = "zomer@regenboog.example".into();
    assert!(s.update_party(&school, &actor(14)).await.unwrap());
    assert!(
        s.parties("c").await.unwrap().contains(&school),
        "the change is stored"
    );
    let mut stray = school.clone();
    stray.case_id = "other".into();
    assert!(!s.update_party(&stray, &actor(15)).await.unwrap());
    assert!(!s.delete_party("other", "p2", &actor(15)).await.unwrap());

    // A removed party leaves the events, which keep their versions.
    assert!(s.delete_party("c", "p2", &actor(16)).await.unwrap());
    assert_eq!(
        s.parties("c").await.unwrap(),
        [school.clone()],
        "one party left"
    );
    let events = s.events("c").await.unwrap();
    let parties_of = |id: &str| {
        let e = events.iter().find(|e| e.id == id).unwrap();
        (e.parties.clone(), e.version)
    };
    assert_eq!(parties_of("e1"), ("p1".to_string(), 1));
    assert_eq!(parties_of("e2"), (String::new(), 1));
    assert_eq!(parties_of("e3"), (String::new(), 1));

    assert_eq!(
        audit_since(s, "c", before).await,
        [
            ("child.edit".to_string(), "k1".to_string()),
            ("child.delete".into(), "k2".into()),
            ("party.edit".into(), "p1".into()),
            ("party.delete".into(), "p2".into()),
        ],
        "one audit line per write that changed the case, none for refused ones"
    );
    assert_eq!(
        audit_since(s, "other", 1).await,
        [],
        "nothing was written to the other case"
    );
}

#[tokio::test]
async fn sqlite_edits_and_removes_children_and_parties() {
    let dir = store_tests::temp_dir("case-edit");
    let s = SqliteStore::open(&dir).await.unwrap();
    edit_and_remove(&s).await;
    drop(s);
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn postgres_edits_and_removes_children_and_parties() {
    store_tests::on_postgres("case_edit", |s| async move { edit_and_remove(&s).await }).await;
}
