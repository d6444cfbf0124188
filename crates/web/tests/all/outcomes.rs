//! Step outcomes that answer intake questions: recording one on a case gives the case a new
//! version of its answers (the others kept), and the route is planned again from it.

use axum::http::StatusCode;

use crate::support::{Client, PASSWORD, app_and_store};

#[tokio::test]
async fn recording_an_outcome_moves_the_route_on() {
    let (router, store, _) = app_and_store("outcome-replan").await;
    let mut c = Client::new(router.clone());
    c.get("/vragen/probleem").await;
    c.post("/vragen/probleem", &[("antwoord", "hulp")]).await;
    c.get("/vragen/gesprek").await;
    c.post("/vragen/gesprek", &[("antwoord", "nee")]).await;
    c.get("/account/nieuw").await;
    let p = c
        .post(
            "/account/nieuw",
            &[
                ("email", "ouder@example.nl"),
                ("password", PASSWORD),
                ("password2", PASSWORD),
                ("save_intake", "ja"),
            ],
        )
        .await;
    assert!(p.location().starts_with("/dossiers/"), "{}", p.location());
    let case = p.location().trim_start_matches("/dossiers/").to_string();
    let current = |title: &str| format!("{title} <span class=\"hint\">(Nu aan de beurt)");

    let page = c.get(&format!("/dossiers/{case}")).await;
    assert!(
        page.body.contains(&current("Praat met de school")),
        "{}",
        page.body
    );
    let tasks = &page.body[page.body.find(r#"<ul class="task-list">"#).unwrap()..];
    assert!(
        tasks.starts_with(&format!(
            r#"<ul class="task-list">
<li>{}"#,
            current("Praat met de school")
        )),
        "the step to do now comes first, as on the route page: {tasks}"
    );
    assert!(
        page.body
            .contains(r#"<option value="gepraat">We hebben met de school gepraat</option>"#),
        "the step offers its own outcomes: {}",
        page.body
    );
    assert_eq!(store.answer_versions(&case).await.unwrap().len(), 1);

    let p = c
        .post(
            &format!("/dossiers/{case}/stappen/praten"),
            &[("outcome", "besluit"), ("date", "2027-06-01")],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);

    let versions = store.answer_versions(&case).await.unwrap();
    assert_eq!(
        versions.len(),
        2,
        "the outcome saved a new version of the answers"
    );
    let latest = &versions[1].answers;
    assert!(latest.contains(r#""gesprek":true"#), "{latest}");
    assert!(
        latest.contains("2027-06-01"),
        "the date answers datum-besluit: {latest}"
    );
    assert!(
        latest.contains("hulp"),
        "the other answers are kept: {latest}"
    );
    let page = c.get(&format!("/dossiers/{case}")).await;
    assert!(
        page.body
            .contains(&current("Ga naar het samenwerkingsverband")),
        "the route is planned again from the new answers: {}",
        page.body
    );
    assert!(
        page.body
            .contains("De school heeft een besluit gestuurd (2027-06-01)")
    );
    let log: Vec<String> = store
        .audit_log(&case)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(
        log.iter().filter(|a| *a == "answers.save").count() == 2
            && log.iter().any(|a| a == "step.outcome"),
        "{log:?}"
    );

    // An outcome that is not one of the step's nor a general one is refused.
    let p = c
        .post(
            &format!("/dossiers/{case}/stappen/swv"),
            &[("outcome", "gepraat"), ("date", "")],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(store.answer_versions(&case).await.unwrap().len(), 2);
}
