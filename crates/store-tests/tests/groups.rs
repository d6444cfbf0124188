//! The consent to combine procedures, on SQLite and on PostgreSQL: only cases whose owner gave
//! consent are listed, with only their school boards and samenwerkingsverbanden; withdrawing
//! takes a case out at once; every choice is in the audit log.

use store::{Party, Store};
use store_sqlite::SqliteStore;
use store_tests::{actor, owner_with_cases};

async fn family(s: &dyn Store, n: &str, board: &str) {
    let owner = format!("u{n}");
    let case_id = format!("c{n}");
    owner_with_cases(s, &owner, &[&case_id]).await;
    for (role, name) in [
        ("schoolbestuur", board),
        ("swv", "SWV Rivierenland"),
        ("school", "De Esdoorn"),
    ] {
        s.save_party(
            &Party {
                id: format!("p{n}{role}"),
                case_id: case_id.clone(),
                name: name.into(),
                role: role.into(),
                contact: "info@example.nl".into(),
                holiday_contact: String::new(),
            },
            &actor(&owner, 2),
        )
        .await
        .unwrap();
    }
}

/// The ids of the cases with consent, in the store's order.
async fn consented_ids(s: &dyn Store) -> Vec<String> {
    s.consented_cases()
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.case.id)
        .collect()
}

async fn consent_story(s: &dyn Store) {
    family(s, "1", "Stichting Primo").await;
    family(s, "2", "stichting primo ").await;
    family(s, "3", "Stichting Anders").await;
    assert!(s.consented_cases().await.unwrap().is_empty());
    assert_eq!(s.combine_consent("c1").await.unwrap(), None);

    s.set_combine_consent("c1", true, &actor("u1", 10))
        .await
        .unwrap();
    s.set_combine_consent("c2", true, &actor("u2", 11))
        .await
        .unwrap();
    // Giving it again keeps the first date.
    s.set_combine_consent("c1", true, &actor("u1", 12))
        .await
        .unwrap();
    assert_eq!(s.combine_consent("c1").await.unwrap(), Some(10));

    let listed = s.consented_cases().await.unwrap();
    let ids: Vec<&str> = listed.iter().map(|c| c.case.id.as_str()).collect();
    assert_eq!(ids, ["c1", "c2"], "case 3 gave no consent");
    for c in &listed {
        let roles: Vec<&str> = c.parties.iter().map(|p| p.role.as_str()).collect();
        assert_eq!(roles.len(), 2, "{roles:?}");
        assert!(roles.contains(&"schoolbestuur") && roles.contains(&"swv"));
        assert!(c.parties.iter().all(|p| p.case_id == c.case.id));
    }

    s.set_combine_consent("c1", false, &actor("u1", 20))
        .await
        .unwrap();
    assert_eq!(s.combine_consent("c1").await.unwrap(), None);
    let ids = consented_ids(s).await;
    assert_eq!(ids, ["c2"], "a withdrawn consent no longer counts");

    let actions: Vec<(String, String, i64)> = s
        .audit_log("c1")
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.action.starts_with("combine."))
        .map(|a| (a.action, a.actor_id, a.at))
        .collect();
    assert_eq!(
        actions,
        [
            ("combine.consent".to_string(), "u1".to_string(), 10),
            ("combine.consent".to_string(), "u1".to_string(), 12),
            ("combine.withdraw".to_string(), "u1".to_string(), 20),
        ]
    );

    let mut all = s.all_case_ids().await.unwrap();
    all.sort();
    assert_eq!(all, ["c1", "c2", "c3"]);

    // Deleting a case takes its consent with it.
    s.set_combine_consent("c3", true, &actor("u3", 30))
        .await
        .unwrap();
    s.delete_case("c3").await.unwrap();
    let ids = consented_ids(s).await;
    assert_eq!(ids, ["c2"]);
}

#[tokio::test]
async fn sqlite_keeps_combine_consent() {
    let s = SqliteStore::in_memory().await.unwrap();
    consent_story(&s).await;
}

#[tokio::test]
async fn postgres_keeps_combine_consent() {
    store_tests::on_postgres("groups", |s| async move { consent_story(&s).await }).await;
}
