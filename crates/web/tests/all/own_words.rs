//! "Vertel in uw eigen woorden": a text becomes proposals, each question page shows its
//! proposal pre-filled with the words it came from, and only sending that page answers it.
//! Bad input (empty, far too long, HTML, another language) gets the page with a message.
//! The text is stored only when a signed-in parent chooses to keep it in one of their cases,
//! as a note on the timeline.

use axum::http::StatusCode;

use crate::support::{Client, app, app_and_store, new_case, sign_up};

const TEXT: &str =
    "Mijn zoon zit al vijf weken tuis en krijgt te weinig hulp. We hebben met school gepraat.";

#[tokio::test]
async fn a_text_becomes_proposals_that_the_parent_confirms_one_by_one() {
    let mut c = Client::new(app("own-words-flow").await);
    let start = c.get("/").await;
    assert!(start.body.contains(r#"href="/eigen-woorden""#));
    let form = c.get("/eigen-woorden").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains(r#"<textarea id="tekst" name="tekst""#));
    assert!(form.body.contains(r#"<label for="tekst">"#));

    let read = c.post("/eigen-woorden", &[("tekst", TEXT)]).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(
        read.body.contains("<mark>zit al vijf weken tuis</mark>"),
        "{}",
        read.body
    );
    assert!(read.body.contains("<mark>te weinig hulp</mark>"));
    assert!(
        read.body.contains("Mijn kind zit thuis"),
        "the proposal in words"
    );

    // A proposal is no answer: the route and the check page are not reached with it.
    let route = c.get("/route").await;
    assert_eq!(route.location(), "/");
    let next = c.get("/vragen").await;
    assert_eq!(next.location(), "/vragen/probleem");

    let q = c.get("/vragen/probleem").await;
    assert!(
        q.body.contains("<mark>zit al vijf weken tuis</mark>"),
        "{}",
        q.body
    );
    assert!(q.body.contains(r#"value="hulp" checked"#));
    assert!(q.body.contains(r#"value="thuis" checked"#));
    assert!(!q.body.contains(r#"value="weet-niet" checked"#));

    // The parent changes it: only "thuis". Sending the page makes it the answer.
    let p = c.post("/vragen/probleem", &[("antwoord", "thuis")]).await;
    assert_eq!(
        (p.status, p.location()),
        (StatusCode::SEE_OTHER, "/vragen/gesprek")
    );
    let again = c.get("/vragen/probleem").await;
    assert!(again.body.contains(r#"value="thuis" checked"#));
    assert!(
        !again.body.contains(r#"value="hulp" checked"#),
        "the answer, not the proposal"
    );
    assert!(
        !again.body.contains("<mark>"),
        "an answered question shows no proposal"
    );

    let g = c.get("/vragen/gesprek").await;
    assert!(g.body.contains(r#"value="ja" checked"#));
    assert!(g.body.contains("<mark>met school gepraat</mark>"));
    c.post("/vragen/gesprek", &[("antwoord", "ja")]).await;
    let w = c.get("/vragen/weken-thuis").await;
    assert!(w.body.contains(r#"value="5""#), "{}", w.body);
    let p = c.post("/vragen/weken-thuis", &[("antwoord", "5")]).await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);

    // The text itself is not in the session: a later page does not show it.
    let later = c.get("/vragen/datum-besluit").await;
    assert!(!later.body.contains("Mijn zoon"));
}

#[tokio::test]
async fn an_empty_text_gets_a_message_not_an_error_page() {
    let mut c = Client::new(app("own-words-empty").await);
    c.get("/eigen-woorden").await;
    let p = c.post("/eigen-woorden", &[("tekst", "   ")]).await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains("error-summary"));
    assert!(p.body.contains(r##"href="#tekst""##));
    assert!(
        p.body
            .contains(r#"aria-describedby="tekst-hint tekst-fout""#)
    );
}

#[tokio::test]
async fn a_far_too_long_text_is_refused_and_kept_in_the_box() {
    let mut c = Client::new(app("own-words-long").await);
    c.get("/eigen-woorden").await;
    let long = "mijn zoon zit thuis. ".repeat(5_000); // about 100 KB
    let p = c.post("/eigen-woorden", &[("tekst", &long)]).await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains("te lang"), "a clear message");
    assert!(
        p.body.contains("105000 tekens") || p.body.contains("105\u{2068}000"),
        "{}",
        &p.body[..2000]
    );
    assert!(p.body.contains(&long[..2000]), "the text stays in the box");
    assert_eq!(c.get("/vragen").await.location(), "/vragen/probleem");
}

#[tokio::test]
async fn html_in_the_text_is_shown_escaped() {
    let mut c = Client::new(app("own-words-html").await);
    c.get("/eigen-woorden").await;
    let text = "<script>alert(1)</script> <b>hij zit thuis</b>";
    let p = c.post("/eigen-woorden", &[("tekst", text)]).await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(!p.body.contains("<script>alert"));
    assert!(!p.body.contains("<b>"));
    assert!(p.body.contains("&#60;script&#62;") || p.body.contains("&lt;script&gt;"));
    let q = c.get("/vragen/probleem").await;
    assert!(!q.body.contains("<b>"));
    assert!(!q.body.contains("<script>alert"));
}

#[tokio::test]
async fn another_language_gets_no_proposals_and_a_message() {
    let mut c = Client::new(app("own-words-english").await);
    c.get("/eigen-woorden").await;
    let p = c
        .post(
            "/eigen-woorden",
            &[("tekst", "My son has been at home for five weeks")],
        )
        .await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(
        p.body
            .contains("We konden nog geen antwoorden uit uw tekst halen")
    );
    assert!(!p.body.contains("<mark>"));
    let q = c.get("/vragen/probleem").await;
    assert!(!q.body.contains("checked"));
}

#[tokio::test]
async fn the_form_needs_its_csrf_token() {
    let mut c = Client::new(app("own-words-csrf").await);
    c.get("/eigen-woorden").await;
    let p = c
        .post_raw("/eigen-woorden", "tekst=hij+zit+thuis".into())
        .await;
    assert_eq!(p.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_text_is_kept_in_a_case_only_when_the_parent_chooses_it() {
    let (app, store, _) = app_and_store("own-words-keep").await;
    let mut parent = sign_up(&app, "ouder@example.nl").await;
    let case = new_case(&mut parent, "Dossier van Sam").await;
    parent.get("/eigen-woorden").await;
    let read = parent.post("/eigen-woorden", &[("tekst", TEXT)]).await;
    assert_eq!(read.status, StatusCode::OK);
    // One button per case, in the form with the text box.
    let button = format!(r#"formaction="/dossiers/{case}/eigen-woorden""#);
    assert!(read.body.contains(&button), "{}", read.body);
    assert!(read.body.contains("Bewaar als notitie in Dossier van Sam"));
    assert!(
        store.events(&case).await.unwrap().is_empty(),
        "reading keeps nothing"
    );

    let saved = parent
        .post(
            &format!("/dossiers/{case}/eigen-woorden"),
            &[("tekst", TEXT)],
        )
        .await;
    assert_eq!(
        (saved.status, saved.location()),
        (StatusCode::SEE_OTHER, "/eigen-woorden")
    );
    let events = store.events(&case).await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, "note");
    assert_eq!(events[0].title, "In eigen woorden");
    assert_eq!(events[0].notes, TEXT);
    let log = store.audit_log(&case).await.unwrap();
    assert!(
        log.iter().any(|a| a.action == "event.add"),
        "the write is in the audit log: {log:?}"
    );

    // Once, where it went; the box is empty again and the proposals wait as before.
    let after = parent.get("/eigen-woorden").await;
    assert!(after.body.contains("Uw tekst staat in uw dossier"));
    assert!(
        after
            .body
            .contains(&format!(r#"href="/dossiers/{case}#tijdlijn""#))
    );
    assert!(
        after
            .body
            .contains(r#"aria-describedby="tekst-hint"></textarea>"#)
    );
    assert!(
        !after.body.contains("tuis"),
        "the text itself is not kept in the session"
    );
    let again = parent.get("/eigen-woorden").await;
    assert!(!again.body.contains("Uw tekst staat in uw dossier"));
    let q = parent.get("/vragen/probleem").await;
    assert!(q.body.contains(r#"value="thuis" checked"#));

    let page = parent.get(&format!("/dossiers/{case}")).await;
    assert!(page.body.contains("Notitie"), "the kind on the timeline");
    assert!(page.body.contains("Mijn zoon zit al vijf weken tuis"));
}

#[tokio::test]
async fn another_parents_case_is_refused_and_nothing_is_kept() {
    let (app, store, _) = app_and_store("own-words-other").await;
    let mut owner = sign_up(&app, "eigenaar@example.nl").await;
    let case = new_case(&mut owner, "Dossier").await;
    let mut other = sign_up(&app, "ander@example.nl").await;
    other.get("/eigen-woorden").await;
    let read = other.post("/eigen-woorden", &[("tekst", TEXT)]).await;
    assert!(
        !read.body.contains(&case),
        "no button for a case of someone else"
    );
    assert!(read.body.contains("U hebt nog geen dossier"));
    let p = other
        .post(
            &format!("/dossiers/{case}/eigen-woorden"),
            &[("tekst", TEXT)],
        )
        .await;
    assert_eq!(p.status, StatusCode::NOT_FOUND);
    assert!(store.events(&case).await.unwrap().is_empty());
}

#[tokio::test]
async fn without_an_account_the_page_says_so_and_keeps_the_text_in_the_box() {
    let mut c = Client::new(app("own-words-anonymous").await);
    c.get("/eigen-woorden").await;
    let p = c.post("/eigen-woorden", &[("tekst", TEXT)]).await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(
        p.body
            .contains("Uw tekst bewaren kan alleen met een account")
    );
    assert!(p.body.contains(r#"href="/account/nieuw""#));
    assert!(!p.body.contains("formaction"), "no button to keep it");
    assert!(
        p.body.contains(&format!(
            r#"aria-describedby="tekst-hint">{TEXT}</textarea>"#
        )),
        "the text stays in the box"
    );
}

#[tokio::test]
async fn a_kept_text_is_shown_escaped_on_the_timeline() {
    let (app, store, _) = app_and_store("own-words-kept-html").await;
    let mut parent = sign_up(&app, "ouder@example.nl").await;
    let case = new_case(&mut parent, "Dossier").await;
    parent.get("/eigen-woorden").await;
    let text = "<script>alert(1)</script> <b>hij zit thuis</b> & [klik](javascript:alert(2))";
    let p = parent
        .post(
            &format!("/dossiers/{case}/eigen-woorden"),
            &[("tekst", text)],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    assert_eq!(store.events(&case).await.unwrap().len(), 1);
    let page = parent.get(&format!("/dossiers/{case}")).await;
    assert!(!page.body.contains("<script>alert"), "{}", page.body);
    assert!(!page.body.contains("<b>hij"));
    assert!(!page.body.contains("javascript:"));
    assert!(
        page.body.contains(
            "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;hij zit thuis&lt;/b&gt; &amp;"
        ),
        "the parent's words as written: {}",
        page.body
    );
}

#[tokio::test]
async fn an_empty_text_is_not_kept_and_gets_a_message() {
    let (app, store, _) = app_and_store("own-words-keep-empty").await;
    let mut parent = sign_up(&app, "ouder@example.nl").await;
    let case = new_case(&mut parent, "Dossier").await;
    parent.get("/eigen-woorden").await;
    let p = parent
        .post(
            &format!("/dossiers/{case}/eigen-woorden"),
            &[("tekst", "  ")],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains("error-summary"));
    assert!(p.body.contains("Schrijf eerst uw tekst in het vak"));
    assert!(
        p.body
            .contains(&format!(r#"formaction="/dossiers/{case}/eigen-woorden""#))
    );
    assert!(store.events(&case).await.unwrap().is_empty());
}
