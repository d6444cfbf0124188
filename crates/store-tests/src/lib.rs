//! One story that every [`store::Store`] backend must tell the same way (the atuin pattern):
//! `tests/story.rs` runs [`story`] against SQLite in a temporary folder and against PostgreSQL.
//!
//! PostgreSQL is found at `ROUTEWIJZER_TEST_PG` or else `postgres://postgres@127.0.0.1:5432/test`.
//! Each run gets a fresh schema that is dropped afterwards. When the server cannot be reached the
//! PostgreSQL run is skipped with a message, unless `CI` is set: then it fails.
//!
//! The other tests of this crate (and the backup tests of the command line) share what they
//! start from here: a fresh schema ([`on_postgres`]) or folder ([`temp_dir`]), and an account
//! with its cases ([`owner_with_cases`]).

use store::{
    Actor, ApiToken, Attachment, AuthSession, Case, Child, Edit, Event, Party, Role, SessionRow,
    Share, StepOutcome, Store, User,
};

/// The default address of the test database.
pub const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/test";

/// A fresh schema in the test PostgreSQL, for one test run; `None` (after a loud message) when
/// the server cannot be reached and `CI` is not set. Returns the URL that puts every table in
/// the schema, and the schema's name for [`drop_pg_schema`].
pub async fn pg_schema(name: &str) -> Option<(String, String)> {
    let url = std::env::var("ROUTEWIJZER_TEST_PG").unwrap_or_else(|_| DEFAULT_PG.to_string());
    let admin = match sqlx::PgPool::connect(&url).await {
        Ok(pool) => pool,
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!("\n*** SKIPPED on PostgreSQL: {url} cannot be reached ({e}) ***\n");
            return None;
        }
        Err(e) => panic!("PostgreSQL at {url} cannot be reached ({e}), and CI is set"),
    };
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    let schema = format!("rw_{name}_{}_{nanos}", std::process::id());
    sqlx::query(sqlx::AssertSqlSafe(format!("create schema {schema}")))
        .execute(&admin)
        .await
        .unwrap();
    admin.close().await;
    let sep = if url.contains('?') { '&' } else { '?' };
    Some((format!("{url}{sep}options[search_path]={schema}"), schema))
}

/// Drops a schema made by [`pg_schema`].
pub async fn drop_pg_schema(schema: &str) {
    let url = std::env::var("ROUTEWIJZER_TEST_PG").unwrap_or_else(|_| DEFAULT_PG.to_string());
    let admin = sqlx::PgPool::connect(&url).await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("drop schema {schema} cascade")))
        .execute(&admin)
        .await
        .unwrap();
    admin.close().await;
}

/// A folder of its own under the system's temporary folder, empty, for a SQLite store.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("rw-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `test` on a store in a fresh PostgreSQL schema (see [`pg_schema`], which may skip it)
/// and drops the schema afterwards, also when the test panics; the panic is passed on.
pub async fn on_postgres<F, Fut>(name: &str, test: F)
where
    F: FnOnce(store_postgres::PgStore) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let Some((url, schema)) = pg_schema(name).await else {
        return;
    };
    let key = temp_dir(&format!("pg-{name}")).join("master.key");
    let s = store_postgres::PgStore::connect(&url, &key).await.unwrap();
    let pool = s.pool().clone();
    let result = tokio::spawn(test(s)).await;
    pool.close().await;
    drop_pg_schema(&schema).await;
    if let Err(e) = result {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// An account with a placeholder password hash, made at time 1.
pub fn user(id: &str, email: &str) -> User {
    User {
        id: id.into(),
        email: email.into(),
        password_hash: "$argon2id$test".into(),
        totp_secret: None,
        created_at: 1,
    }
}

pub fn actor(user_id: &str, now: i64) -> Actor {
    Actor {
        user_id: user_id.into(),
        now,
    }
}

/// The actions of the case's audit log, oldest first.
pub async fn audit_actions(s: &dyn Store, case_id: &str) -> Vec<String> {
    s.audit_log(case_id)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect()
}

/// Creates the account `owner` (e-mail `{owner}@example.nl`) and a case of it for each id in
/// `cases` (titled "Dossier" and the id), all at time 1: where most stories start.
pub async fn owner_with_cases(s: &dyn Store, owner: &str, cases: &[&str]) {
    s.create_user(&user(owner, &format!("{owner}@example.nl")))
        .await
        .unwrap();
    for id in cases {
        let case = Case {
            id: id.to_string(),
            owner_id: owner.into(),
            title: format!("Dossier {id}"),
            created_at: 1,
        };
        s.create_case(&case, &actor(owner, 1)).await.unwrap();
    }
}

fn event(id: &str, case_id: &str, date: &str, notes: &str) -> Event {
    Event {
        id: id.into(),
        case_id: case_id.into(),
        kind: "conversation".into(),
        date: date.into(),
        title: "Gesprek met de mentor".into(),
        notes: notes.into(),
        parties: String::new(),
        sets_date: String::new(),
        version: 1,
        created_by: String::new(),
        updated_at: 0,
    }
}

/// The whole story. Panics at the first step that goes wrong.
pub async fn story(s: &dyn Store) {
    sessions(s).await;
    accounts(s).await;
    case_file(s).await;
    api_tokens(s).await;
    s.ping().await.unwrap();
}

async fn sessions(s: &dyn Store) {
    let row = SessionRow {
        id: "a".into(),
        data: "{}".into(),
        expires_at: 100,
    };
    assert!(s.insert_session(&row).await.unwrap());
    assert!(
        !s.insert_session(&row).await.unwrap(),
        "a taken id is refused"
    );
    assert_eq!(s.load_session("a", 50).await.unwrap(), Some(row.clone()));
    assert_eq!(
        s.load_session("a", 100).await.unwrap(),
        None,
        "expired sessions are not loaded"
    );
    let newer = SessionRow {
        data: "{\"x\":1}".into(),
        expires_at: 200,
        ..row.clone()
    };
    s.save_session(&newer).await.unwrap();
    assert_eq!(s.load_session("a", 150).await.unwrap(), Some(newer));
    s.save_session(&SessionRow {
        id: "old".into(),
        data: "{}".into(),
        expires_at: 10,
    })
    .await
    .unwrap();
    assert_eq!(s.delete_expired_sessions(20).await.unwrap(), 1);
    s.delete_session("a").await.unwrap();
    assert_eq!(s.load_session("a", 0).await.unwrap(), None);
}

async fn accounts(s: &dyn Store) {
    s.create_user(&user("u1", "Ouder@Example.nl"))
        .await
        .unwrap();
    let taken = s.create_user(&user("u2", "ouder@example.NL")).await;
    assert!(
        matches!(taken, Err(store::StoreError::Taken(_))),
        "e-mail is unique in any case: {taken:?}"
    );
    assert_eq!(
        s.user_by_email("OUDER@example.nl")
            .await
            .unwrap()
            .unwrap()
            .id,
        "u1"
    );
    assert_eq!(
        s.user_by_id("u1").await.unwrap().unwrap().email,
        "Ouder@Example.nl",
        "kept as typed"
    );
    s.set_password("u1", "$argon2id$new").await.unwrap();
    s.set_totp_secret("u1", Some("JBSWY3DPEHPK3PXP"))
        .await
        .unwrap();
    let u = s.user_by_id("u1").await.unwrap().unwrap();
    assert_eq!(
        (u.password_hash.as_str(), u.totp_secret.as_deref()),
        ("$argon2id$new", Some("JBSWY3DPEHPK3PXP"))
    );

    for (id, expires_at) in [("s1", 100), ("s2", 100), ("s3", 10)] {
        s.create_auth_session(&AuthSession {
            id: id.into(),
            user_id: "u1".into(),
            created_at: 1,
            expires_at,
        })
        .await
        .unwrap();
    }
    assert_eq!(
        s.auth_session_user("s1", 50).await.unwrap().unwrap().id,
        "u1"
    );
    assert!(
        s.auth_session_user("s3", 50).await.unwrap().is_none(),
        "an expired login is no login"
    );
    s.delete_expired_sessions(50).await.unwrap();
    assert!(
        s.auth_session_user("s3", 0).await.unwrap().is_none(),
        "expired logins are cleaned up"
    );
    assert_eq!(
        s.auth_session_user("s1", 0).await.unwrap().unwrap().id,
        "u1",
        "others stay"
    );
    s.delete_auth_session("s1").await.unwrap();
    assert!(s.auth_session_user("s1", 50).await.unwrap().is_none());
    s.create_password_reset("hash-a", "u1", 100).await.unwrap();
    s.create_password_reset("hash-b", "u1", 10).await.unwrap();
    assert_eq!(
        s.take_password_reset("hash-a", 50)
            .await
            .unwrap()
            .as_deref(),
        Some("u1")
    );
    assert_eq!(
        s.take_password_reset("hash-a", 50).await.unwrap(),
        None,
        "a reset token works once"
    );
    assert_eq!(
        s.take_password_reset("hash-b", 50).await.unwrap(),
        None,
        "an expired token does not work"
    );
    s.set_recovery_codes("u1", &["rc-1".into(), "rc-2".into()])
        .await
        .unwrap();
    assert_eq!(s.recovery_codes_left("u1").await.unwrap(), 2);
    assert!(s.take_recovery_code("u1", "rc-1").await.unwrap());
    assert!(
        !s.take_recovery_code("u1", "rc-1").await.unwrap(),
        "a recovery code works once"
    );
    assert!(
        !s.take_recovery_code("u2", "rc-2").await.unwrap(),
        "only for its own account"
    );
    assert_eq!(s.recovery_codes_left("u1").await.unwrap(), 1);
    s.set_recovery_codes("u1", &["rc-3".into()]).await.unwrap();
    assert!(
        !s.take_recovery_code("u1", "rc-2").await.unwrap(),
        "new codes replace the old ones"
    );
    s.set_recovery_codes("u1", &[]).await.unwrap();
    assert_eq!(s.recovery_codes_left("u1").await.unwrap(), 0);
    s.create_auth_session(&AuthSession {
        id: "s4".into(),
        user_id: "u1".into(),
        created_at: 1,
        expires_at: 100,
    })
    .await
    .unwrap();
    assert_eq!(
        s.delete_user_auth_sessions("u1").await.unwrap(),
        2,
        "log out everywhere (s2 and s4)"
    );
    assert!(s.auth_session_user("s2", 50).await.unwrap().is_none());
}

/// Personal access tokens: found by the hash of their secret while live, listed newest first,
/// revoked only by their own account, and gone with the account.
async fn api_tokens(s: &dyn Store) {
    s.create_user(&user("t1", "token@example.nl"))
        .await
        .unwrap();
    s.create_user(&user("t2", "ander@example.nl"))
        .await
        .unwrap();
    let token = |id: &str, user_id: &str, scope: &str, created_at| ApiToken {
        id: id.into(),
        user_id: user_id.into(),
        name: format!("Koppeling {id}"),
        scope: scope.into(),
        created_at,
        revoked_at: None,
    };
    s.create_api_token(&token("k1", "t1", "read", 10), "hash-1")
        .await
        .unwrap();
    s.create_api_token(&token("k2", "t1", "write", 20), "hash-2")
        .await
        .unwrap();
    s.create_api_token(&token("k3", "t2", "read", 30), "hash-3")
        .await
        .unwrap();
    assert!(
        s.create_api_token(&token("k4", "t2", "read", 40), "hash-3")
            .await
            .is_err(),
        "a hash belongs to one token"
    );
    assert_eq!(
        s.api_token_by_hash("hash-2").await.unwrap(),
        Some(token("k2", "t1", "write", 20))
    );
    assert_eq!(s.api_token_by_hash("hash-9").await.unwrap(), None);
    let listed: Vec<String> = s
        .api_tokens("t1")
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(listed, ["k2", "k1"], "newest first, only the account's own");

    assert!(
        !s.revoke_api_token("t2", "k1", 50).await.unwrap(),
        "another account cannot revoke it"
    );
    assert!(s.api_token_by_hash("hash-1").await.unwrap().is_some());
    assert!(s.revoke_api_token("t1", "k1", 50).await.unwrap());
    assert!(
        !s.revoke_api_token("t1", "k1", 60).await.unwrap(),
        "revoked once"
    );
    assert_eq!(
        s.api_token_by_hash("hash-1").await.unwrap(),
        None,
        "a revoked token opens nothing"
    );
    let revoked = s.api_tokens("t1").await.unwrap();
    assert_eq!(revoked[1].revoked_at, Some(50), "and stays listed");

    s.delete_user("t1").await.unwrap();
    assert_eq!(s.api_token_by_hash("hash-2").await.unwrap(), None);
    assert!(s.api_tokens("t1").await.unwrap().is_empty());
    assert!(s.api_token_by_hash("hash-3").await.unwrap().is_some());
}

async fn case_file(s: &dyn Store) {
    let parent = "p1";
    s.create_user(&user(parent, "p1@example.nl")).await.unwrap();
    s.create_user(&user("other", "other@example.nl"))
        .await
        .unwrap();
    s.create_user(&user("adv", "adv@example.nl")).await.unwrap();
    let me = actor(parent, 1000);
    let case = Case {
        id: "c1".into(),
        owner_id: parent.into(),
        title: "Sam".into(),
        created_at: 1000,
    };
    s.create_case(&case, &me).await.unwrap();
    assert_eq!(s.case_by_id("c1").await.unwrap(), Some(case.clone()));
    assert_eq!(
        s.role_in_case("c1", parent, 1000).await.unwrap(),
        Some(Role::Owner)
    );
    assert_eq!(
        s.role_in_case("c1", "other", 1000).await.unwrap(),
        None,
        "another parent sees nothing"
    );
    assert_eq!(s.role_in_case("nope", parent, 1000).await.unwrap(), None);

    let child = Child {
        id: "k1".into(),
        case_id: "c1".into(),
        name: "Sam".into(),
        birth_year: Some(2016),
        school_type: "po".into(),
        school_level: "groep 5".into(),
    };
    s.save_child(&child, &me).await.unwrap();
    let older = Child {
        school_level: "groep 6".into(),
        ..child.clone()
    };
    s.save_child(&older, &me).await.unwrap();
    assert_eq!(s.children("c1").await.unwrap(), vec![older]);
    let party = Party {
        id: "pa1".into(),
        case_id: "c1".into(),
        name: "De Regenboog".into(),
        role: "school".into(),
        contact: "info@regenboog.example".into(),
        holiday_contact: String::new(),
    };
    s.save_party(&party, &me).await.unwrap();
    assert_eq!(s.parties("c1").await.unwrap(), vec![party]);

    assert_eq!(s.save_answers("c1", r#"{"a":"1"}"#, &me).await.unwrap(), 1);
    assert_eq!(s.save_answers("c1", r#"{"a":"2"}"#, &me).await.unwrap(), 2);
    assert_eq!(
        s.latest_answers("c1").await.unwrap().unwrap().answers,
        r#"{"a":"2"}"#
    );
    assert_eq!(
        s.answer_versions("c1").await.unwrap().len(),
        2,
        "old versions are kept"
    );

    s.add_event(&event("e2", "c1", "2026-10-02", "later"), &me)
        .await
        .unwrap();
    s.add_event(&event("e1", "c1", "2026-09-14", "**eerst**"), &me)
        .await
        .unwrap();
    let listed: Vec<String> = s
        .events("c1")
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(listed, ["e1", "e2"], "by date");
    let first = s.event("c1", "e1").await.unwrap().unwrap();
    assert_eq!((first.version, first.created_by.as_str()), (1, parent));
    assert!(
        s.event("other-case", "e1").await.unwrap().is_none(),
        "an event is found only in its own case"
    );
    // Two people edit version 1: the first wins, the second hears about it.
    let mine = Event {
        notes: "van mij".into(),
        sets_date: "datum-besluit".into(),
        ..first.clone()
    };
    let theirs = Event {
        notes: "van de ander".into(),
        ..first.clone()
    };
    assert_eq!(s.update_event(&mine, &me).await.unwrap(), Edit::Saved(2));
    match s.update_event(&theirs, &actor("adv", 1001)).await.unwrap() {
        Edit::Conflict(now) => {
            assert_eq!(
                (now.version, now.notes.as_str(), now.sets_date.as_str()),
                (2, "van mij", "datum-besluit")
            )
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let gone = Event {
        id: "nope".into(),
        ..first.clone()
    };
    assert_eq!(s.update_event(&gone, &me).await.unwrap(), Edit::Missing);

    let attachment = Attachment {
        id: "f1".into(),
        case_id: "c1".into(),
        event_id: "e1".into(),
        file_name: "brief.pdf".into(),
        media_type: "application/pdf".into(),
        size: 0,
        sha256: "ab".repeat(32),
        created_at: 1000,
    };
    // Two and a half chunks, each byte telling its place, so a chunk out of order shows.
    let bytes: Vec<u8> = (0..store::ATTACHMENT_CHUNK * 5 / 2)
        .map(|i| (i % 251) as u8)
        .collect();
    let attachment = Attachment {
        size: bytes.len() as i64,
        ..attachment
    };
    s.add_attachment(&attachment, &bytes, &me).await.unwrap();
    assert_eq!(s.attachments("c1").await.unwrap(), vec![attachment.clone()]);
    assert_eq!(store::attachment_chunks(attachment.size), 3);
    let mut read = Vec::new();
    for seq in 0..3 {
        let chunk = s.attachment_chunk("c1", "f1", seq).await.unwrap();
        read.extend(chunk.expect("every chunk is there"));
    }
    assert_eq!(read, bytes, "the bytes come back as they went in");
    assert_eq!(s.attachment_chunk("c1", "f1", 3).await.unwrap(), None);
    assert_eq!(
        s.attachment_chunk("other-case", "f1", 0).await.unwrap(),
        None,
        "a chunk is only found through its own case"
    );
    assert!(s.attachments_without_bytes().await.unwrap().is_empty());
    assert!(
        !s.put_attachment_bytes(&attachment, b"other").await.unwrap(),
        "bytes that are there are not replaced"
    );

    let outcome = StepOutcome {
        case_id: "c1".into(),
        step_id: "praat-met-school".into(),
        outcome: "geen-oplossing".into(),
        date: Some("2026-10-01".into()),
        updated_at: 1000,
    };
    s.save_step_outcome(&outcome, &me).await.unwrap();
    s.save_step_outcome(
        &StepOutcome {
            outcome: "opgelost".into(),
            ..outcome.clone()
        },
        &me,
    )
    .await
    .unwrap();
    assert_eq!(s.step_outcomes("c1").await.unwrap()[0].outcome, "opgelost");

    // Sharing: invite, accept, expiry, revoke.
    let share = Share {
        id: "sh1".into(),
        case_id: "c1".into(),
        email: "adv@example.nl".into(),
        role: Role::Contribute,
        user_id: None,
        token: "secret-token".into(),
        created_at: 1000,
        expires_at: Some(5000),
        revoked_at: None,
    };
    s.add_share(&share, &me).await.unwrap();
    assert_eq!(
        s.role_in_case("c1", "adv", 1000).await.unwrap(),
        None,
        "not before accepting"
    );
    let found = s.share_by_token("secret-token").await.unwrap().unwrap();
    s.accept_share(&found.id, &actor("adv", 1100))
        .await
        .unwrap();
    s.accept_share(&found.id, &actor("other", 1101))
        .await
        .unwrap();
    assert_eq!(
        s.role_in_case("c1", "adv", 1200).await.unwrap(),
        Some(Role::Contribute)
    );
    assert_eq!(
        s.role_in_case("c1", "other", 1200).await.unwrap(),
        None,
        "an invitation is accepted once"
    );
    assert_eq!(
        s.role_in_case("c1", "adv", 5000).await.unwrap(),
        None,
        "expired"
    );
    assert_eq!(
        s.cases_for_user("adv", 1200).await.unwrap(),
        vec![(case.clone(), Role::Contribute)]
    );
    assert_eq!(
        s.cases_for_user(parent, 1200).await.unwrap(),
        vec![(case.clone(), Role::Owner)]
    );
    s.log_access("c1", &actor("adv", 1300), "case.read")
        .await
        .unwrap();
    s.revoke_share("c1", "sh1", &me).await.unwrap();
    assert_eq!(
        s.role_in_case("c1", "adv", 1400).await.unwrap(),
        None,
        "revoked"
    );
    assert!(s.cases_for_user("adv", 1400).await.unwrap().is_empty());
    assert!(s.shares("c1").await.unwrap()[0].revoked_at.is_some());

    let actions = audit_actions(s, "c1").await;
    assert_eq!(
        actions,
        [
            "case.create",
            "child.save",
            "child.save",
            "party.save",
            "answers.save",
            "answers.save",
            "event.add",
            "event.add",
            "event.edit",
            "attachment.add",
            "step.outcome",
            "step.outcome",
            "share.add",
            "share.accept",
            "case.read",
            "share.revoke",
        ],
        "every write and every access is in the audit log, in order"
    );
    // A page that lists cases logs its reads of all of them at once.
    s.log_access_many(&["c1"], &actor("adv", 1500), "read /begeleiding")
        .await
        .unwrap();
    s.log_access_many(&[], &actor("adv", 1500), "read /begeleiding")
        .await
        .unwrap();
    assert_eq!(
        audit_actions(s, "c1").await.last().map(String::as_str),
        Some("read /begeleiding")
    );
    assert_eq!(audit_actions(s, "c1").await.len(), actions.len() + 1);

    // Deleting the account deletes its cases and everything in them.
    s.create_auth_session(&AuthSession {
        id: "ps".into(),
        user_id: parent.into(),
        created_at: 1,
        expires_at: 9999,
    })
    .await
    .unwrap();
    assert_eq!(s.delete_user(parent).await.unwrap(), ["c1"]);
    assert!(s.user_by_id(parent).await.unwrap().is_none());
    assert!(s.case_by_id("c1").await.unwrap().is_none());
    assert!(s.auth_session_user("ps", 10).await.unwrap().is_none());
    assert!(s.children("c1").await.unwrap().is_empty());
    assert!(s.parties("c1").await.unwrap().is_empty());
    assert!(s.answer_versions("c1").await.unwrap().is_empty());
    assert!(s.events("c1").await.unwrap().is_empty());
    assert!(s.attachments("c1").await.unwrap().is_empty());
    assert!(s.step_outcomes("c1").await.unwrap().is_empty());
    assert!(s.shares("c1").await.unwrap().is_empty());
    assert!(s.audit_log("c1").await.unwrap().is_empty());
    assert!(
        s.user_by_id("adv").await.unwrap().is_some(),
        "other accounts stay"
    );
}
