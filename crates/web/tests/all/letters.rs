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

/// The text of a PDF through poppler's `pdftotext`, or `None` (after a loud message) without it;
/// in CI it must be there.
fn pdf_text(pdf: &[u8], name: &str) -> Option<String> {
    let found = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftotext is needed in CI"
        );
        eprintln!("\n!!! SKIPPED: pdftotext is not installed; the PDF text was not read !!!\n");
        return None;
    }
    let path = std::env::temp_dir().join(format!("{name}-{}.pdf", std::process::id()));
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    std::fs::remove_file(&path).ok();
    let text = String::from_utf8_lossy(&out.stdout);
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The value of the input or textarea with this name on a page, unescaped enough for the test
/// (the values here have no markup).
fn field_value(body: &str, name: &str) -> Option<String> {
    let input = format!(r#"name="{name}" type="text" value=""#);
    if let Some(start) = body.find(&input) {
        let rest = &body[start + input.len()..];
        return Some(rest[..rest.find('"')?].to_string());
    }
    let textarea = format!(r#"name="{name}""#);
    let start = body.find(&textarea)?;
    let rest = &body[start..];
    let open = rest.find('>')? + 1;
    let close = rest.find("</textarea>")?;
    Some(rest[open..close].to_string())
}

#[tokio::test]
async fn a_letter_of_a_case_is_filled_from_its_child_parties_and_answers() {
    use crate::support::{actor, app_and_store, new_case, share, sign_up, user_id};
    let (app, store, _) = app_and_store("letter-case").await;
    let mut owner = sign_up(&app, "owner@example.nl").await;
    let mut reader = sign_up(&app, "reader@example.nl").await;
    let case = new_case(&mut owner, "Noor").await;
    let owner_id = user_id(&store, "owner@example.nl").await;
    let actor = actor(&owner_id);
    for (name, level) in [("Noor", "groep 6"), ("Sem", "groep 3")] {
        store
            .save_child(
                &store::Child {
                    id: store::new_id(),
                    case_id: case.clone(),
                    name: name.into(),
                    birth_year: Some(2015),
                    school_type: "po".into(),
                    school_level: level.into(),
                },
                &actor,
            )
            .await
            .unwrap();
    }
    store
        .save_party(
            &store::Party {
                id: store::new_id(),
                case_id: case.clone(),
                name: "Stichting De Brug".into(),
                role: "schoolbestuur".into(),
                contact: "Postbus 1\n1234 AB Dorp".into(),
                holiday_contact: String::new(),
            },
            &actor,
        )
        .await
        .unwrap();
    store
        .save_answers(
            &case,
            r#"{"answers":{"probleem":["hulp"],"gesprek":true,"datum-besluit":"2027-06-01"},"region":"midden"}"#,
            &actor,
        )
        .await
        .unwrap();
    share(
        &store,
        &case,
        &owner_id,
        "reader@example.nl",
        store::Role::Read,
    )
    .await;

    // The letter of a case is reachable from the letter page and from the case page, where
    // the route of the case suggests it.
    let p = owner.get("/brieven/bezwaar").await;
    let url = format!("/dossiers/{case}/brieven/bezwaar");
    assert!(p.body.contains(&format!(r#"href="{url}""#)), "{}", p.body);
    let p = owner.get(&format!("/dossiers/{case}")).await;
    assert!(p.body.contains(&format!(r#"href="{url}""#)), "{}", p.body);

    let p = owner.get(&url).await;
    assert_eq!(p.status, StatusCode::OK);
    // The children are in name order, so Noor comes first.
    assert_eq!(
        field_value(&p.body, "veld-naam-kind").as_deref(),
        Some("Noor")
    );
    assert_eq!(
        field_value(&p.body, "veld-geadresseerde").as_deref(),
        Some("Stichting De Brug\nPostbus 1\n1234 AB Dorp")
    );
    assert_eq!(
        field_value(&p.body, "veld-datum-besluit").as_deref(),
        Some("1 juni 2027"),
        "the answers of the case fill what they know"
    );
    // What the case does not know is still asked for, not left blank in a text.
    assert_eq!(field_value(&p.body, "veld-afzender").as_deref(), Some(""));
    assert!(!p.body.contains(r#"name="tekst""#));
    assert!(
        p.body.contains(&format!(r#"href="/dossiers/{case}""#)),
        "back to the case"
    );
    let sem = p
        .body
        .find(">Sem</a>")
        .expect("the other child can be chosen");
    let link_start = p.body[..sem].rfind("href=\"").unwrap() + 6;
    let sem_url = p.body[link_start..sem - 1].to_string();
    let p = owner.get(&sem_url.replace("&amp;", "&")).await;
    assert_eq!(
        field_value(&p.body, "veld-naam-kind").as_deref(),
        Some("Sem")
    );

    // Once the parent adds themself to the case, their name and address are the sender.
    store
        .save_party(
            &store::Party {
                id: store::new_id(),
                case_id: case.clone(),
                name: "Fatima El Amrani".into(),
                role: "ouder".into(),
                contact: "Lindelaan 12\n1234 AB Dorp".into(),
                holiday_contact: String::new(),
            },
            &actor,
        )
        .await
        .unwrap();
    let p = owner.get(&url).await;
    assert_eq!(
        field_value(&p.body, "veld-afzender").as_deref(),
        Some("Fatima El Amrani\nLindelaan 12\n1234 AB Dorp")
    );

    // A reader sees the letter filled, without the mark-as-sent form.
    let p = reader.get(&url).await;
    assert_eq!(p.status, StatusCode::OK);
    assert_eq!(
        field_value(&p.body, "veld-naam-kind").as_deref(),
        Some("Noor")
    );

    // Filled in and downloaded, the PDF holds the names from the case.
    let p = owner.get(&url).await;
    let fields: Vec<(String, String)> = [
        "veld-afzender",
        "veld-geadresseerde",
        "veld-plaats",
        "veld-datum",
        "veld-naam-kind",
        "veld-datum-besluit",
    ]
    .iter()
    .map(|n| {
        let v = field_value(&p.body, n).unwrap();
        let v = match *n {
            "veld-afzender" => "Fatima El Amrani\nLindelaan 12".to_string(),
            "veld-plaats" => "Dorp".to_string(),
            _ => v,
        };
        (n.to_string(), v)
    })
    .collect();
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .chain([("actie", "pdf")])
        .collect();
    assert!(
        p.body.contains(&format!(
            r#"<input type="hidden" name="dossier" value="{case}">"#
        )),
        "the form remembers the case"
    );
    let mut fill = pairs.clone();
    fill.pop();
    fill.extend([("actie", "invullen"), ("dossier", case.as_str())]);
    let p = owner.post("/brieven/bezwaar", &fill).await;
    assert!(
        p.body.contains(&format!(r#"formaction="{url}""#)),
        "the owner can mark it as sent in this case"
    );
    assert_eq!(
        p.body.matches("formaction=").count(),
        1,
        "in this case only"
    );
    assert!(
        p.body.contains(&format!(r#"href="/dossiers/{case}""#)),
        "back to the case"
    );
    let p = reader.post("/brieven/bezwaar", &fill).await;
    assert!(
        p.body.contains(r#"name="tekst""#) && !p.body.contains("formaction="),
        "a reader cannot"
    );
    // A case that is not the caller's is ignored: nothing of it shows.
    let other = new_case(&mut owner, "Ander dossier").await;
    let mut stranger = sign_up(&app, "stranger@example.nl").await;
    stranger.get("/brieven/bezwaar").await;
    let mut foreign = fill.clone();
    foreign.pop();
    foreign.push(("dossier", other.as_str()));
    let p = stranger.post("/brieven/bezwaar", &foreign).await;
    assert!(p.body.contains(r#"name="tekst""#));
    assert!(!p.body.contains(&other) && !p.body.contains("Ander dossier"));
    let pdf = owner.post("/brieven/bezwaar", &pairs).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers[header::CONTENT_TYPE], "application/pdf");
    if let Some(text) = pdf_text(&pdf.bytes, "letter-case") {
        for words in [
            "Stichting De Brug Postbus 1 1234 AB Dorp",
            "Bezwaar tegen het besluit over Noor",
            "uw besluit van 1 juni 2027 over Noor.",
            "Met vriendelijke groet, Ouder van Noor",
        ] {
            assert!(text.contains(words), "'{words}' is not in the PDF: {text}");
        }
    }
}

#[tokio::test]
async fn in_english_the_letter_is_explained_and_its_form_is_english_but_the_letter_stays_dutch() {
    let mut c = Client::new(app("letter-english").await);
    c.extra_cookie = Some("taal=en".into());
    answer(&mut c).await;
    let p = c.get("/brieven/bezwaar").await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(
        p.body
            .contains("<h1>Bezwaar (objection) against a decision</h1>")
    );
    assert!(p.body.contains("What the letter says"));
    assert!(
        p.body
            .contains("This letter tells the school board that you object")
    );
    assert!(p.body.contains("The letter itself is in Dutch"));
    assert!(
        p.body.contains("<strong>Your child&#39;s name</strong>")
            || p.body.contains("<strong>Your child's name</strong>"),
        "the form's labels are English"
    );
    assert!(!p.body.contains("Naam van uw kind"));
    // What fills the Dutch letter is written the Dutch way.
    assert!(p.body.contains(r#"value="1 juni 2027""#), "{}", p.body);
    // A missing field is named by its English label.
    let p = c
        .post(
            "/brieven/bezwaar",
            &[("actie", "invullen"), ("veld-plaats", "Dorp")],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains("Your name and address"), "{}", p.body);
    // The filled letter is Dutch, and marked as Dutch for screen readers.
    let p = c
        .post(
            "/brieven/bezwaar",
            &[&FILLED[..], &[("actie", "invullen")]].concat(),
        )
        .await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(p.body.contains(r#"<html lang="en">"#));
    assert!(
        p.body
            .contains(r#"aria-describedby="tekst-hint" lang="nl">"#),
        "{}",
        p.body
    );
    assert!(
        field_value(&p.body, "tekst")
            .unwrap()
            .contains("Ik maak bezwaar tegen uw besluit van 1 juni 2027 over Noor.")
    );
}

#[tokio::test]
async fn the_plan_follows_the_chosen_language() {
    let mut c = Client::new(app("plan-english").await);
    answer(&mut c).await;
    let dutch = c.get("/plan.pdf").await;
    c.extra_cookie = Some("taal=en".into());
    let english = c.get("/plan.pdf").await;
    assert_eq!(english.status, StatusCode::OK);
    let (Some(nl), Some(en)) = (
        pdf_text(&dutch.bytes, "plan-nl"),
        pdf_text(&english.bytes, "plan-en"),
    ) else {
        return;
    };
    assert!(nl.contains("Ga naar het samenwerkingsverband"), "{nl}");
    assert!(nl.contains("dinsdag 13 juli 2027"), "{nl}");
    assert!(en.contains("Go to the samenwerkingsverband"), "{en}");
    assert!(!en.contains("Ga naar het samenwerkingsverband"), "{en}");
    // The deadline and today (the test app's 20 June 2027) in English.
    assert!(en.contains("Making a bezwaar (objection)"), "{en}");
    assert!(en.contains("Tuesday 13 July 2027"), "{en}");
    assert!(en.contains("Sunday 20 June 2027"), "{en}");
}
