//! Preparing a conversation of the route: the page with its agenda from the case, the goal that
//! is kept, "Hoe ging het gesprek?" (an event with the agreements, and the step's outcome that
//! plans the route again), the PDF, refused input that keeps what was typed, and who may see it.

use axum::http::{StatusCode, header};
use store::Role;

use crate::support::{Client, PASSWORD, app_and_store, share, sign_up, user_id};

/// A parent with a case whose current step is "praten" (fixture content); returns the case id.
async fn parent_with_case(c: &mut Client) -> String {
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
    p.location().trim_start_matches("/dossiers/").to_string()
}

#[tokio::test]
async fn a_conversation_is_prepared_recorded_and_moves_the_route_on() {
    let (router, store, _) = app_and_store("talk").await;
    let mut c = Client::new(router.clone());
    let case = parent_with_case(&mut c).await;
    let talk = format!("/dossiers/{case}/gesprek/praten");

    let page = c.get(&format!("/dossiers/{case}")).await;
    assert!(
        page.body
            .contains(&format!(r#"<a href="{talk}">Bereid het gesprek voor"#)),
        "the case page links the step to its preparation: {}",
        page.body
    );

    let page = c.get(&talk).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for needle in [
        "Gesprek voorbereiden: Praat met de school",
        "De leerkracht en de intern begeleider.",
        "Schrijf op wat uw kind nodig heeft.",
        "Iemand die u vertrouwt.",
        "Wie is mijn vaste contactpersoon?",
        "Vraag om een verslag met de afspraken.",
        r#"<a href="https://example.org/wet">Een wet</a>"#,
        // Who may come along rests on an unverified source here: the page says so.
        "Let op: dit is niet gecontroleerd in een officiële bron.",
        "Hoe ging het gesprek?",
        r#"value="gepraat""#,
    ] {
        assert!(
            page.body.contains(needle),
            "{needle} missing: {}",
            page.body
        );
    }
    assert_eq!(
        c.get(&format!("/dossiers/{case}/gesprek/swv")).await.status,
        StatusCode::NOT_FOUND,
        "a step without a conversation has no preparation"
    );

    // The goal is kept, and changed in place.
    let p = c
        .post(&format!("{talk}/doel"), &[("goal", "Hulp bij lezen")])
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    c.get(&talk).await;
    c.post(
        &format!("{talk}/doel"),
        &[("goal", "Elke dag hulp bij lezen")],
    )
    .await;
    let page = c.get(&talk).await;
    assert!(
        page.body.contains(">Elke dag hulp bij lezen</textarea>"),
        "{}",
        page.body
    );
    let kept: Vec<_> = store
        .events(&case)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == "preparation")
        .collect();
    assert_eq!(kept.len(), 1, "one preparation event, changed in place");
    assert_eq!(kept[0].notes, "Elke dag hulp bij lezen");

    // A wrong date keeps everything typed and names the field.
    let typed = [
        ("date", "31-2-2027"),
        ("present", "Juf Anna"),
        ("afspraak-0", "De school maakt een plan"),
        ("afspraak-datum-0", "1 juli 2027"),
        ("outcome", "gepraat"),
    ];
    let p = c.post(&talk, &typed).await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", p.body);
    assert!(
        p.body
            .contains(r##"<a href="#talk-date">Datum van het gesprek"##),
        "{}",
        p.body
    );
    for kept in [
        r#"value="31-2-2027""#,
        r#"value="Juf Anna""#,
        r#"value="De school maakt een plan""#,
        r#"value="1 juli 2027""#,
        r#"value="gepraat" checked"#,
    ] {
        assert!(p.body.contains(kept), "{kept} was lost: {}", p.body);
    }
    // A date by which without an agreement is refused on its own row.
    let p = c
        .post(
            &talk,
            &[
                ("date", "15-6-2027"),
                ("afspraak-datum-2", "1-7-2027"),
                ("outcome", "gepraat"),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        p.body.contains(r##"<a href="#afspraak-2">Afspraak 3"##),
        "{}",
        p.body
    );
    // "Meer regels" adds rows and saves nothing.
    let p = c
        .post(&talk, &[("afspraak-0", "Eerste"), ("meer", "ja")])
        .await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(p.body.contains(r#"id="afspraak-5""#) && p.body.contains(r#"value="Eerste""#));
    assert!(
        !store
            .events(&case)
            .await
            .unwrap()
            .iter()
            .any(|e| e.kind == "conversation"),
        "nothing refused was saved"
    );

    let p = c
        .post(
            &talk,
            &[
                ("date", "15-6-2027"),
                ("present", "Juf Anna"),
                ("afspraak-0", "De school maakt een plan"),
                ("afspraak-datum-0", "1 juli 2027"),
                ("afspraak-1", "De juf belt op vrijdag"),
                ("outcome", "gepraat"),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    assert_eq!(p.location(), format!("/dossiers/{case}#tijdlijn"));
    let page = c.get(&format!("/dossiers/{case}")).await;
    for needle in [
        "dinsdag 15 juni 2027 · Gesprek: Praat met de school",
        "Aanwezig: Juf Anna",
        "1-7-2027: De school maakt een plan",
        "De juf belt op vrijdag",
        // A dated agreement is listed with the case's dates, apart from the legal terms.
        "Afgesproken in een gesprek, met een datum",
        "De school maakt een plan: <strong>donderdag 1 juli 2027</strong>",
        // The outcome planned the route again, as the case page's own outcome form does.
        "Ga naar het samenwerkingsverband <span class=\"hint\">(Nu aan de beurt)",
    ] {
        assert!(
            page.body.contains(needle),
            "{needle} missing: {}",
            page.body
        );
    }
    assert_eq!(store.answer_versions(&case).await.unwrap().len(), 2);
    let outcomes = store.step_outcomes(&case).await.unwrap();
    assert!(
        outcomes
            .iter()
            .any(|o| o.step_id == "praten" && o.outcome == "gepraat")
    );

    // The next preparation lists what was promised.
    let page = c.get(&talk).await;
    assert!(
        page.body.contains(
            "De school maakt een plan, vóór 1-7-2027 (gesprek van 15-6-2027: Praat met de school)"
        ),
        "{}",
        page.body
    );

    let pdf = c.get(&format!("{talk}.pdf")).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers[header::CONTENT_TYPE], "application/pdf");
    if let Some(text) = crate::cases::pdf_words(&pdf.bytes, "gesprek") {
        for needle in [
            "Praat met de school",
            "Elke dag hulp bij lezen",
            "Wie is mijn vaste contactpersoon?",
            "De school maakt een plan",
            "Aantekeningen",
        ] {
            assert!(
                text.contains(needle),
                "{needle} missing from the PDF: {text}"
            );
        }
    }
}

#[tokio::test]
async fn only_those_with_a_part_in_the_case_see_or_change_a_preparation() {
    let (router, store, _) = app_and_store("talk-access").await;
    let mut owner = Client::new(router.clone());
    let case = parent_with_case(&mut owner).await;
    let talk = format!("/dossiers/{case}/gesprek/praten");
    let mut stranger = sign_up(&router, "vreemd@example.nl").await;
    assert_eq!(stranger.get(&talk).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        stranger.get(&format!("{talk}.pdf")).await.status,
        StatusCode::NOT_FOUND
    );
    stranger.get("/antwoorden").await;
    let p = stranger
        .post(&format!("{talk}/doel"), &[("goal", "niet van mij")])
        .await;
    assert_eq!(p.status, StatusCode::NOT_FOUND);

    let mut reader = sign_up(&router, "lezer@example.nl").await;
    let owner_id = user_id(&store, "ouder@example.nl").await;
    share(&store, &case, &owner_id, "lezer@example.nl", Role::Read).await;
    let page = reader.get(&talk).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("Hoe ging het gesprek?") && !page.body.contains("/doel\""),
        "a reader sees no forms: {}",
        page.body
    );
    let p = reader
        .post(&format!("{talk}/doel"), &[("goal", "van de lezer")])
        .await;
    assert_eq!(p.status, StatusCode::FORBIDDEN);
    assert!(
        !store
            .events(&case)
            .await
            .unwrap()
            .iter()
            .any(|e| e.kind == "preparation"),
        "nothing was saved"
    );
}
