//! Letter pages and documents: filled from the answers, missing fields asked for, the parent's
//! text kept on errors and used as posted for the PDF and DOCX; the plan as PDF.

use axum::http::{StatusCode, header};

use crate::support::{Client, app};

/// Answers the fixture intake so that `datum-besluit` is 1 June 2027.
async fn answer(c: &mut Client) {
    c.get("/vragen/probleem").await;
    c.post("/vragen/probleem", &[("antwoord", "hulp")]).await;
    c.get("/vragen/gesprek").await;
    c.post("/vragen/gesprek", &[("antwoord", "ja")]).await;
    c.get("/vragen/datum-besluit").await;
    c.post(
        "/vragen/datum-besluit",
        &[("dag", "1"), ("maand", "6"), ("jaar", "2027")],
    )
    .await;
    c.get("/vragen/schooltype").await;
    c.post("/vragen/schooltype", &[("antwoord", "_overslaan")])
        .await;
    c.get("/regio").await;
    let p = c.post("/regio", &[("antwoord", "midden")]).await;
    assert_eq!(p.location(), "/controle");
}

const FILLED: [(&str, &str); 6] = [
    ("veld-afzender", "Sam de Vries\nKerkstraat 1\n1234 AB Dorp"),
    ("veld-geadresseerde", "Bestuur De Brug\nPostbus 1"),
    ("veld-plaats", "Dorp"),
    ("veld-datum", "20 juni 2027"),
    ("veld-naam-kind", "Noor"),
    ("veld-datum-besluit", "1 juni 2027"),
];

#[tokio::test]
async fn a_letter_is_filled_from_the_answers_and_asks_for_the_rest() {
    let mut c = Client::new(app("letter-fill").await);
    answer(&mut c).await;
    let route = c.get("/route").await;
    assert!(
        route.body.contains(r#"href="/brieven/bezwaar""#),
        "the suggested letter links to its page"
    );
    assert!(
        route.body.contains(r#"href="/plan.pdf""#),
        "the route offers the plan"
    );
    let p = c.get("/brieven/bezwaar").await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(
        p.body.contains(r#"value="1 juni 2027""#),
        "the decision date comes from the answers"
    );
    assert!(
        p.body.contains(r#"value="20 juni 2027""#),
        "the letter date is today"
    );
    assert!(
        p.body
            .contains(r#"<label class="label" for="veld-naam-kind""#),
        "every field has a label"
    );
    assert!(
        !p.body.contains(r#"name="tekst""#),
        "no text while fields are missing"
    );

    let p = c
        .post(
            "/brieven/bezwaar",
            &[
                ("actie", "pdf"),
                ("veld-plaats", "Dorp"),
                ("tekst", "Mijn eigen tekst"),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        p.body.contains("error-summary") && p.body.contains(r##"href="#veld-naam-kind""##),
        "missing fields are asked for"
    );
    assert!(p.body.contains(r#"value="Dorp""#), "what was typed is kept");

    let p = c
        .post(
            "/brieven/bezwaar",
            &[&FILLED[..], &[("actie", "invullen")]].concat(),
        )
        .await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(
        p.body
            .contains("Ik maak bezwaar tegen uw besluit van 1 juni 2027 over Noor."),
        "{}",
        p.body
    );
    assert!(
        p.body
            .contains(r#"value="Bezwaar tegen het besluit over Noor""#)
    );
}

#[tokio::test]
async fn the_letter_downloads_as_posted_in_pdf_and_docx() {
    let mut c = Client::new(app("letter-download").await);
    c.get("/brieven/bezwaar").await;
    let text = (
        "tekst",
        "Geachte heer,\n\n#panic(\"x\") $x$ ] <script>\n\nGroet",
    );
    let p = c
        .post(
            "/brieven/bezwaar",
            &[&FILLED[..], &[("actie", "pdf"), text]].concat(),
        )
        .await;
    assert_eq!(p.status, StatusCode::OK);
    assert_eq!(p.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(p.body.starts_with("%PDF"));
    let p = c
        .post(
            "/brieven/bezwaar",
            &[&FILLED[..], &[("actie", "docx"), text]].concat(),
        )
        .await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(
        p.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("bezwaar.docx")
    );
    assert!(p.body.starts_with("PK"));
}

#[tokio::test]
async fn unknown_letter_is_not_found_and_the_plan_is_a_pdf() {
    let mut c = Client::new(app("letter-plan").await);
    assert_eq!(
        c.get("/brieven/bestaat-niet").await.status,
        StatusCode::NOT_FOUND
    );
    answer(&mut c).await;
    let p = c.get("/plan.pdf").await;
    assert_eq!(p.status, StatusCode::OK);
    assert_eq!(p.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(p.body.starts_with("%PDF"));
}
