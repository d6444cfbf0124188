//! A step outcome and the answers it brings are written in one transaction, on SQLite and on
//! PostgreSQL: both or neither, each with its audit line. The failure of the second write is
//! made real with a trigger that refuses every new step outcome.

use store::{Actor, StepOutcome, Store};
use store_sqlite::SqliteStore;

fn actor(now: i64) -> Actor {
    store_tests::actor("u", now)
}

fn outcome(case_id: &str, step_id: &str, outcome: &str) -> StepOutcome {
    StepOutcome {
        case_id: case_id.into(),
        step_id: step_id.into(),
        outcome: outcome.into(),
        date: Some("2026-10-14".into()),
        updated_at: 10,
    }
}

/// Everything up to the refused write: both writes land together, and a case that does not
/// exist gets neither.
async fn both_or_neither(s: &dyn Store) {
    store_tests::owner_with_cases(s, "u", &["c"]).await;
    let audit_before = s.audit_log("c").await.unwrap().len();
    let v = s
        .save_outcome_with_answers(
            &outcome("c", "gesprek", "school-zegt-nee"),
            Some(r#"{"answers":{"a":"1"}}"#),
            &actor(10),
        )
        .await
        .unwrap();
    assert_eq!(v, Some(1), "the first answers version");
    let latest = s.latest_answers("c").await.unwrap().unwrap();
    assert_eq!(
        (latest.version, latest.answers.as_str()),
        (1, r#"{"answers":{"a":"1"}}"#)
    );
    assert_eq!(
        s.step_outcomes("c").await.unwrap(),
        [outcome("c", "gesprek", "school-zegt-nee")]
    );
    let audit = s.audit_log("c").await.unwrap();
    let new: Vec<(&str, &str)> = audit[audit_before..]
        .iter()
        .map(|a| (a.action.as_str(), a.subject.as_str()))
        .collect();
    assert_eq!(new, [("answers.save", "1"), ("step.outcome", "gesprek")]);

    // An outcome of the parent's own (no answers): only the outcome changes.
    let v = s
        .save_outcome_with_answers(&outcome("c", "gesprek", "opgelost"), None, &actor(11))
        .await
        .unwrap();
    assert_eq!(v, None);
    assert_eq!(s.latest_answers("c").await.unwrap().unwrap().version, 1);
    assert_eq!(s.step_outcomes("c").await.unwrap()[0].outcome, "opgelost");
    assert_eq!(s.audit_log("c").await.unwrap().len(), audit_before + 3);

    // A case that does not exist: refused, nothing written anywhere.
    for answers in [Some(r#"{"answers":{}}"#), None] {
        let r = s
            .save_outcome_with_answers(&outcome("weg", "gesprek", "opgelost"), answers, &actor(12))
            .await;
        assert!(r.is_err(), "an outcome of a missing case is refused");
        assert!(s.answer_versions("weg").await.unwrap().is_empty());
        assert!(s.step_outcomes("weg").await.unwrap().is_empty());
        assert!(s.audit_log("weg").await.unwrap().is_empty());
    }
}

/// With new step outcomes refused by the database, the answers written just before in the same
/// transaction are gone too.
async fn second_write_fails(s: &dyn Store) {
    let audit_before = s.audit_log("c").await.unwrap().len();
    let r = s
        .save_outcome_with_answers(
            &outcome("c", "swv", "advies-ontvangen"),
            Some(r#"{"answers":{"a":"2"}}"#),
            &actor(20),
        )
        .await;
    let e = r.expect_err("the trigger refuses the outcome");
    assert!(e.to_string().contains("refused for the test"), "{e}");
    assert_eq!(
        s.latest_answers("c").await.unwrap().unwrap().version,
        1,
        "the answers of the failed outcome are not kept"
    );
    assert_eq!(s.answer_versions("c").await.unwrap().len(), 1);
    assert_eq!(s.step_outcomes("c").await.unwrap().len(), 1);
    assert_eq!(
        s.audit_log("c").await.unwrap().len(),
        audit_before,
        "no audit line for writes that did not happen"
    );
}

#[tokio::test]
async fn sqlite_saves_outcome_and_answers_together() {
    let dir = store_tests::temp_dir("outcome");
    let s = SqliteStore::open(&dir).await.unwrap();
    both_or_neither(&s).await;
    let file = dir.join(store_sqlite::FILE_NAME);
    let other = sqlx::SqlitePool::connect(&format!("sqlite://{}", file.display()))
        .await
        .unwrap();
    sqlx::query(
        "create trigger refuse_outcomes before insert on step_outcomes \
         begin select raise(abort, 'new outcomes refused for the test'); end",
    )
    .execute(&other)
    .await
    .unwrap();
    other.close().await;
    second_write_fails(&s).await;
    drop(s);
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn postgres_saves_outcome_and_answers_together() {
    store_tests::on_postgres("outcome", |s| async move {
        both_or_neither(&s).await;
        sqlx::query(
            "create function refuse_outcomes() returns trigger language plpgsql as $$ \
             begin raise exception 'new outcomes refused for the test'; end $$",
        )
        .execute(s.pool())
        .await
        .unwrap();
        sqlx::query(
            "create trigger refuse_outcomes before insert on step_outcomes \
             for each row execute function refuse_outcomes()",
        )
        .execute(s.pool())
        .await
        .unwrap();
        second_write_fails(&s).await;
    })
    .await;
}
