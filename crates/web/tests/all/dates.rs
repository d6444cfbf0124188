//! Dates typed the Dutch way in the forms of a case and a letter: `1-3-2027` and
//! `1 maart 2027` are stored as ISO, and a date that cannot be read is refused with a message
//! that names the field and says what was understood, with the typed text still in the form.

use axum::http::StatusCode;

use crate::cases::post_multipart;
use crate::support::{app_and_store, new_case, sign_up};

#[tokio::test]
async fn an_event_date_is_typed_the_dutch_way() {
    let (app, store, _) = app_and_store("dates-event").await;
    let mut c = sign_up(&app, "ouder@example.nl").await;
    let case = new_case(&mut c, "Noor").await;
    let add = format!("/dossiers/{case}/gebeurtenissen");

    let page = c.get(&format!("/dossiers/{case}")).await;
    assert!(
        page.body
            .contains("Bijvoorbeeld 14-10-2026 of 14 oktober 2026."),
        "the hint shows a Dutch date"
    );
    let fields = [
        ("kind", "conversation"),
        ("date", "1-3-2027"),
        ("title", "Gesprek met school"),
        ("notes", ""),
    ];
    let p = post_multipart(&mut c, &add, &fields, None).await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    let events = store.events(&case).await.unwrap();
    assert_eq!(events[0].date, "2027-03-01", "stored as ISO");

    // A day February does not have: refused, named, and kept as typed.
    c.get(&format!("/dossiers/{case}")).await;
    let fields = [
        ("kind", "letter"),
        ("date", "31-2-2027"),
        ("title", "Brief aan het bestuur"),
        ("notes", "mijn aantekening"),
    ];
    let p = post_multipart(&mut c, &add, &fields, None).await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        p.body
            .contains("Datum: 31 februari 2027 bestaat niet. Die maand heeft 28 dagen."),
        "the message names the field and what was understood: {}",
        p.body
    );
    assert!(
        p.body.contains(r##"<a href="#event-date">"##),
        "the summary links to the date field"
    );
    assert!(
        p.body.contains(
            r#"name="date" type="text" maxlength="40" autocomplete="off" value="31-2-2027""#
        ),
        "the typed date is still in the input: {}",
        p.body
    );
    assert!(p.body.contains("Brief aan het bestuur") && p.body.contains("mijn aantekening"));
    assert_eq!(
        store.events(&case).await.unwrap().len(),
        1,
        "nothing stored"
    );

    // No year: what was read is said.
    c.get(&format!("/dossiers/{case}")).await;
    let fields = [("kind", "letter"), ("date", "3/4"), ("title", "Brief")];
    let p = post_multipart(&mut c, &add, &fields, None).await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        p.body
            .contains("Wij lezen 3 april, maar het jaar ontbreekt.")
    );

    // Editing shows the stored date the Dutch way, and takes a month in words.
    let edit = format!("/dossiers/{case}/gebeurtenissen/{}", events[0].id);
    let p = c.get(&edit).await;
    assert!(p.body.contains(r#"value="1-3-2027""#), "{}", p.body);
    let p = c
        .post(
            &edit,
            &[
                ("kind", "conversation"),
                ("date", "2 Mrt 2027"),
                ("title", "Gesprek met school"),
                ("notes", ""),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    assert_eq!(store.events(&case).await.unwrap()[0].date, "2027-03-02");
    c.get(&edit).await;
    let p = c
        .post(
            &edit,
            &[
                ("kind", "conversation"),
                ("date", "1 maat 2027"),
                ("title", "Gesprek met school"),
                ("notes", ""),
                ("version", "2"),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        p.body
            .contains("Datum: &#34;maat&#34; is geen maand die wij kennen.")
            && p.body.contains(r#"value="1 maat 2027""#),
        "{}",
        p.body
    );
}

#[tokio::test]
async fn the_dates_of_a_letter_are_typed_the_dutch_way() {
    let (app, _, _) = app_and_store("dates-letter").await;
    let mut c = sign_up(&app, "ouder@example.nl").await;
    let case = new_case(&mut c, "Sam").await;
    let letter = |date: &'static str| {
        [
            ("veld-afzender", "Fatima\nLindelaan 12"),
            ("veld-geadresseerde", "Het bestuur"),
            ("veld-plaats", "Utrecht"),
            ("veld-datum", date),
            ("veld-naam-kind", "Sam"),
            ("veld-datum-besluit", "1/10/26"),
            ("actie", "invullen"),
        ]
    };
    // A date field of the letter is written as a letter does, whichever way it was typed.
    c.get("/brieven/bezwaar").await;
    let p = c.post("/brieven/bezwaar", &letter("14-10-2026")).await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
    assert!(
        p.body.contains(r#"value="14 oktober 2026""#)
            && p.body.contains(r#"value="1 oktober 2026""#),
        "{}",
        p.body
    );
    let p = c.post("/brieven/bezwaar", &letter("31-2-2027")).await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        p.body
            .contains("Datum van de brief: 31 februari 2027 bestaat niet.")
            && p.body.contains(r##"href="#veld-datum""##)
            && p.body.contains(r#"value="31-2-2027""#),
        "{}",
        p.body
    );

    // "Mark as sent" takes a Dutch date, and one it cannot read shows the letter again.
    c.get(&format!("/dossiers/{case}/brieven/bezwaar")).await;
    let sent = format!("/dossiers/{case}/brieven/bezwaar");
    let p = c
        .post(
            &sent,
            &[
                ("verstuurd_op", "gisteren"),
                ("veld-plaats", "Utrecht"),
                ("tekst", "Geachte heer,\n\nIk maak bezwaar."),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        p.body
            .contains("Datum van versturen: Wij kunnen dit niet lezen als datum.")
            && p.body.contains(r#"value="gisteren""#)
            && p.body.contains("Ik maak bezwaar."),
        "{}",
        p.body
    );
    let p = c
        .post(
            &sent,
            &[
                ("verstuurd_op", "29 november 2026"),
                ("tekst", "Ik maak bezwaar."),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
}
