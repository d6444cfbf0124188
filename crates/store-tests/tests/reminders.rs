//! Feed tokens, reminder opt-ins and the record of reminders sent, on SQLite and on PostgreSQL:
//! a revoked feed stops at once, opt-in is off until the owner turns it on, and a reminder is
//! recorded once even when many callers race for it.

use std::sync::Arc;

use store::{FeedToken, ReminderKey, Role, Share, Store};
use store_sqlite::SqliteStore;
use store_tests::{actor, owner_with_cases, user};

fn key(case_id: &str, user_id: &str, lead_days: i64) -> ReminderKey {
    ReminderKey {
        case_id: case_id.into(),
        term_id: "bezwaar".into(),
        deadline: "2027-07-13".into(),
        user_id: user_id.into(),
        lead_days,
    }
}

async fn share(s: &dyn Store, id: &str, case_id: &str, to: &str, expires_at: Option<i64>) {
    let share = Share {
        id: id.into(),
        case_id: case_id.into(),
        email: format!("{to}@example.nl"),
        role: Role::Read,
        user_id: None,
        token: format!("token-{id}"),
        created_at: 10,
        expires_at,
        revoked_at: None,
    };
    s.add_share(&share, &actor("ouder", 10)).await.unwrap();
    s.accept_share(id, &actor(to, 11)).await.unwrap();
}

async fn story(s: Arc<dyn Store>) {
    owner_with_cases(&*s, "ouder", &["zaak", "stil"]).await;
    for id in ["helper", "later", "ander"] {
        s.create_user(&user(id, &format!("{id}@example.nl")))
            .await
            .unwrap();
    }

    // Feed tokens: found by hash while live, gone at once when revoked, listed newest first.
    let first = FeedToken {
        id: "f1".into(),
        user_id: "helper".into(),
        created_at: 100,
        revoked_at: None,
    };
    s.create_feed_token(&first, "hash-1").await.unwrap();
    let second = FeedToken {
        id: "f2".into(),
        created_at: 200,
        ..first.clone()
    };
    s.create_feed_token(&second, "hash-2").await.unwrap();
    assert_eq!(
        s.feed_token_user("hash-1").await.unwrap().as_deref(),
        Some("helper")
    );
    assert_eq!(s.feed_token_user("unknown").await.unwrap(), None);
    assert!(
        !s.revoke_feed_token("ander", "f1", 300).await.unwrap(),
        "another account cannot revoke it"
    );
    assert!(s.feed_token_user("hash-1").await.unwrap().is_some());
    assert!(s.revoke_feed_token("helper", "f1", 300).await.unwrap());
    assert_eq!(
        s.feed_token_user("hash-1").await.unwrap(),
        None,
        "a revoked feed stops at once"
    );
    assert!(
        !s.revoke_feed_token("helper", "f1", 400).await.unwrap(),
        "revoking twice changes nothing"
    );
    assert_eq!(
        s.feed_token_user("hash-2").await.unwrap().as_deref(),
        Some("helper"),
        "the other feed keeps working"
    );
    let listed = s.feed_tokens("helper").await.unwrap();
    assert_eq!(
        listed,
        vec![
            second.clone(),
            FeedToken {
                revoked_at: Some(300),
                ..first.clone()
            }
        ]
    );
    assert!(s.feed_tokens("ander").await.unwrap().is_empty());
    assert!(
        s.create_feed_token(
            &FeedToken {
                id: "f3".into(),
                ..first
            },
            "hash-2"
        )
        .await
        .is_err(),
        "a hash is unique"
    );

    // Opt-in: off by default, on and off again, each change in the audit log.
    assert!(!s.reminders_on("zaak").await.unwrap());
    assert!(s.reminder_cases(50).await.unwrap().is_empty());
    s.set_reminders("zaak", true, &actor("ouder", 20))
        .await
        .unwrap();
    s.set_reminders("zaak", true, &actor("ouder", 21))
        .await
        .unwrap();
    assert!(s.reminders_on("zaak").await.unwrap());
    assert!(!s.reminders_on("stil").await.unwrap());
    assert_eq!(s.reminder_cases(50).await.unwrap(), ["zaak"]);
    s.set_reminders("zaak", false, &actor("ouder", 22))
        .await
        .unwrap();
    assert!(!s.reminders_on("zaak").await.unwrap());
    let log = store_tests::audit_actions(&*s, "zaak").await;
    assert_eq!(
        log.iter()
            .filter(|a| a.starts_with("reminders."))
            .collect::<Vec<_>>(),
        ["reminders.on", "reminders.on", "reminders.off"]
    );

    // Share holders: accepted, unrevoked, unexpired shares only.
    share(&*s, "s1", "stil", "helper", None).await;
    share(&*s, "s2", "stil", "later", Some(1_000)).await;
    let open = Share {
        id: "s3".into(),
        case_id: "zaak".into(),
        email: "ander@example.nl".into(),
        role: Role::Read,
        user_id: None,
        token: "token-s3".into(),
        created_at: 10,
        expires_at: None,
        revoked_at: None,
    };
    s.add_share(&open, &actor("ouder", 10)).await.unwrap();
    assert_eq!(
        s.share_holders("stil", 500).await.unwrap(),
        ["helper", "later"]
    );
    assert_eq!(
        s.share_holders("stil", 1_000).await.unwrap(),
        ["helper"],
        "an expired share does not count"
    );
    assert!(
        s.share_holders("zaak", 500).await.unwrap().is_empty(),
        "an invitation nobody accepted does not count"
    );
    assert_eq!(s.reminder_cases(500).await.unwrap(), ["stil"]);
    s.revoke_share("stil", "s1", &actor("ouder", 600))
        .await
        .unwrap();
    assert_eq!(s.share_holders("stil", 700).await.unwrap(), ["later"]);
    s.revoke_share("stil", "s2", &actor("ouder", 700))
        .await
        .unwrap();
    assert!(s.reminder_cases(800).await.unwrap().is_empty());

    // The record: one insert per key, also when callers race.
    let racers: Vec<_> = (0..8)
        .map(|i| {
            let s = s.clone();
            tokio::spawn(async move { s.record_reminder(&key("zaak", "ouder", 7), 900 + i).await })
        })
        .collect();
    let mut won = 0;
    for r in racers {
        if r.await.unwrap().unwrap() {
            won += 1;
        }
    }
    assert_eq!(won, 1, "exactly one caller records the reminder");
    assert!(
        s.record_reminder(&key("zaak", "ouder", 1), 950)
            .await
            .unwrap(),
        "another lead time is another reminder"
    );
    assert!(
        s.record_reminder(&key("zaak", "helper", 7), 950)
            .await
            .unwrap(),
        "another recipient is another reminder"
    );
    let moved = ReminderKey {
        deadline: "2027-07-14".into(),
        ..key("zaak", "ouder", 7)
    };
    assert!(
        s.record_reminder(&moved, 960).await.unwrap(),
        "a moved deadline is another reminder"
    );
    assert!(!s.record_reminder(&moved, 970).await.unwrap());
    // A reminder that could not be sent is forgotten, so that a later run records it again.
    s.forget_reminder(&moved).await.unwrap();
    assert!(s.record_reminder(&moved, 980).await.unwrap());
    assert!(!s.record_reminder(&moved, 985).await.unwrap());
    assert!(
        !s.record_reminder(&key("zaak", "ouder", 1), 985)
            .await
            .unwrap(),
        "forgetting one reminder leaves the others"
    );

    // Deleting the case or the account takes its rows along.
    s.delete_case("zaak").await.unwrap();
    assert!(
        s.record_reminder(&key("stil", "ouder", 7), 990)
            .await
            .unwrap()
    );
    s.delete_user("helper").await.unwrap();
    assert_eq!(s.feed_token_user("hash-2").await.unwrap(), None);
}

#[tokio::test]
async fn sqlite_keeps_feeds_and_reminders() {
    let dir = store_tests::temp_dir("reminders");
    let s = SqliteStore::open(&dir).await.unwrap();
    story(Arc::new(s)).await;
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn postgres_keeps_feeds_and_reminders() {
    store_tests::on_postgres("reminders", |s| story(Arc::new(s))).await;
}
