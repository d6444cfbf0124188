//! Handler tests: the intake flow, errors, CSRF, headers, session settings, the answers file,
//! knowledge, search and languages, through the router without a network or browser.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::support::{Client, app, config};

/// Answers the fixture intake up to the check page; `gesprek` decides the route.
async fn answer_all(c: &mut Client, gesprek: &str) {
    let p = c.get("/vragen").await;
    assert_eq!(p.location(), "/vragen/probleem");
    c.get("/vragen/probleem").await;
    let p = c.post("/vragen/probleem", &[("antwoord", "hulp")]).await;
    assert_eq!(
        (p.status, p.location()),
        (StatusCode::SEE_OTHER, "/vragen/gesprek")
    );
    c.get("/vragen/gesprek").await;
    let p = c.post("/vragen/gesprek", &[("antwoord", gesprek)]).await;
    assert_eq!(p.location(), "/vragen/datum-besluit");
    c.get("/vragen/datum-besluit").await;
    let p = c
        .post(
            "/vragen/datum-besluit",
            &[("dag", "1"), ("maand", "6"), ("jaar", "2027")],
        )
        .await;
    assert_eq!(p.location(), "/vragen/schooltype");
    c.get("/vragen/schooltype").await;
    let p = c
        .post("/vragen/schooltype", &[("antwoord", "_overslaan")])
        .await;
    assert_eq!(
        p.location(),
        "/regio",
        "the fixture has no region question, so it gets its own page"
    );
    c.get("/regio").await;
    let p = c.post("/regio", &[("antwoord", "midden")]).await;
    assert_eq!(p.location(), "/controle");
}

#[tokio::test]
async fn health_answers() {
    let mut c = Client::new(app("health").await);
    let p = c.get("/health").await;
    assert_eq!((p.status, p.body.as_str()), (StatusCode::OK, "ok"));
}

#[tokio::test]
async fn start_page_stores_nothing_and_sends_security_headers() {
    let mut c = Client::new(app("start").await);
    let p = c.get("/").await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(
        p.headers.get(header::SET_COOKIE).is_none(),
        "no session before the visitor starts"
    );
    let h = |name: &str| {
        p.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    assert!(h("content-security-policy").contains("script-src 'self'"));
    assert!(!h("content-security-policy").contains("unsafe-inline"));
    assert_eq!(h("x-content-type-options"), "nosniff");
    assert_eq!(h("referrer-policy"), "no-referrer");
    assert_eq!(h("x-frame-options"), "DENY");
    assert!(!h("permissions-policy").is_empty());
    assert!(p.body.contains(r#"<html lang="nl">"#));
    assert!(!p.body.contains("<script"), "no script at all");
    assert!(!p.body.contains("style="), "no inline style");
}

#[tokio::test]
async fn the_intake_runs_to_the_route_and_a_change_returns_to_the_check_page() {
    let mut c = Client::new(app("flow").await);
    answer_all(&mut c, "nee").await;
    let check = c.get("/controle").await;
    assert_eq!(check.status, StatusCode::OK);
    assert!(
        check.body.contains("Te weinig hulp"),
        "answers are shown with their labels"
    );
    assert!(check.body.contains(" 1 juni 2027"));
    assert!(
        check
            .body
            .contains(r#"href="/vragen/gesprek?terug=controle""#)
    );
    // Change one answer from the check page: back to the check page.
    let q = c.get("/vragen/gesprek?terug=controle").await;
    assert!(
        q.body.contains(r#"value="nee" checked"#),
        "the earlier answer is kept"
    );
    assert!(
        q.body.contains(r#"href="/controle""#),
        "back goes to the check page"
    );
    let p = c
        .post(
            "/vragen/gesprek",
            &[("antwoord", "ja"), ("terug", "controle")],
        )
        .await;
    assert_eq!(p.location(), "/controle");
    let route = c.get("/route").await;
    assert_eq!(route.status, StatusCode::OK);
    let now = route.body.find("Nu aan de beurt").unwrap();
    let current = route.body[now..]
        .find("Ga naar het samenwerkingsverband")
        .unwrap();
    assert!(current < 400, "the changed answer changed the current step");
    let first = &route.body[route.body.find(r#"id="nu-doen""#).unwrap()..];
    assert!(
        first[..first.find("</section>").unwrap()].contains(r#"id="stap-swv""#),
        "the current step is the first screen"
    );
    assert!(route.body.contains("Uiterlijk"), "the deadline is shown");
    assert!(
        route.body.contains("niet gecontroleerd"),
        "an M source is marked"
    );
    assert!(
        route.body.contains("zaterdag 17 juli 2027"),
        "the summer holiday of midden"
    );
    // A refresh keeps everything.
    assert_eq!(c.get("/route").await.status, StatusCode::OK);
    let ics = c.get("/route.ics").await;
    assert!(
        ics.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    assert!(ics.body.starts_with("BEGIN:VCALENDAR"));
    assert!(
        ics.body.contains("SUMMARY:Uiterlijk vandaag:"),
        "{}",
        ics.body
    );
    // In English the page and its calendar speak English; the answers stay the same.
    c.extra_cookie = Some("taal=en".into());
    let route = c.get("/route").await;
    assert!(
        route.body.contains("Saturday 17 July 2027"),
        "{}",
        route.body
    );
    assert!(!route.body.contains("zaterdag 17 juli 2027"));
    let ics = c.get("/route.ics").await;
    assert!(ics.body.contains("SUMMARY:Deadline today:"), "{}", ics.body);
    assert!(!ics.body.contains("Uiterlijk vandaag"));
}

#[tokio::test]
async fn the_route_warns_and_explains_why() {
    let mut c = Client::new(app("why").await);
    answer_all(&mut c, "nee").await;
    let route = c.get("/route").await;
    assert!(
        route
            .body
            .contains(r#"class="warning warning-danger" role="alert""#)
    );
    assert!(route.body.contains("Waarom dit advies?"));
    assert!(
        route
            .body
            .contains("U hebt nog niet met de school gepraat."),
        "the rule's reason in words"
    );
    // The answers each reason looked at are listed once, with the sources, one click away.
    assert!(route.body.contains(r#"href="/route/waarom#waarom""#));
    let why = c.get("/route/waarom").await;
    assert!(
        why.body.contains("Hebt u met de school gepraat?"),
        "the answers used, with the question text"
    );
    assert_eq!(
        route
            .body
            .matches(r#"href="/begrippen#thuiszitter""#)
            .count(),
        1,
        "glossary linked at first use only"
    );
}

#[tokio::test]
async fn errors_are_summarised_and_answers_kept() {
    let mut c = Client::new(app("errors").await);
    c.get("/vragen/probleem").await;
    let p = c.post("/vragen/probleem", &[]).await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains("Er is een probleem"));
    assert!(
        p.body
            .contains(r##"<a href="#antwoord-1">Kies minstens één antwoord.</a>"##)
    );
    assert!(p.body.contains("<title>Fout:"));
    // An option that stands alone cannot go with another; what was ticked stays ticked.
    let p = c
        .post(
            "/vragen/probleem",
            &[("antwoord", "hulp"), ("antwoord", "weet-niet")],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        p.body
            .contains("Kies “Weet ik nog niet” alleen, of haal dat vinkje weg."),
        "{}",
        p.body
    );
    assert_eq!(p.body.matches("checked").count(), 2, "both ticks are kept");
    c.get("/vragen/datum-besluit").await;
    let p = c
        .post(
            "/vragen/datum-besluit",
            &[("dag", "31"), ("maand", "2"), ("jaar", "2027")],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        p.body
            .contains("31 februari 2027 bestaat niet. Die maand heeft 28 dagen."),
        "the day the month does not have is named"
    );
    assert!(p.body.contains(r##"href="#dag""##));
    assert!(p.body.contains(r#"id="dag" name="dag" type="text" inputmode="numeric" autocomplete="off" maxlength="2" value="31""#), "typed values are kept");
    c.get("/vragen/weken-thuis").await;
    let p = c.post("/vragen/weken-thuis", &[("antwoord", "600")]).await;
    assert!(p.body.contains("Vul een getal in van 0 tot en met 520."));
    assert!(p.body.contains(r#"value="600""#));
    assert_eq!(
        c.get("/vragen/bestaat-niet").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn forms_without_the_token_are_refused() {
    let mut c = Client::new(app("csrf").await);
    c.get("/vragen/probleem").await;
    let p = c.post_raw("/vragen/probleem", "antwoord=hulp".into()).await;
    assert_eq!(p.status, StatusCode::FORBIDDEN);
    assert!(p.body.contains("Dit formulier is verlopen"));
    let p = c
        .post_raw("/vragen/probleem", "antwoord=hulp&csrf=fout".into())
        .await;
    assert_eq!(p.status, StatusCode::FORBIDDEN);
    let mut stranger = Client::new(c.app.clone());
    stranger.csrf = c.csrf.clone();
    let p = stranger
        .post("/vragen/probleem", &[("antwoord", "hulp")])
        .await;
    assert_eq!(
        p.status,
        StatusCode::FORBIDDEN,
        "a token is only good with its own session"
    );
}

#[tokio::test]
async fn large_bodies_are_refused() {
    let mut c = Client::new(app("limits").await);
    c.get("/vragen/probleem").await;
    let big = "x".repeat(web::FORM_LIMIT + 1);
    let p = c.post("/vragen/probleem", &[("antwoord", &big)]).await;
    assert_eq!(p.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(p.body.contains("Te veel tekst of een te groot bestand"));
}

#[tokio::test]
async fn the_session_cookie_is_http_only_lax_and_idles_out_after_20_hours() {
    let mut c = Client::new(app("cookie").await);
    let p = c.get("/vragen/probleem").await;
    let set = p.headers[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(set.starts_with("routewijzer="), "{set}");
    assert!(set.contains("HttpOnly"), "{set}");
    assert!(set.contains("SameSite=Lax"), "{set}");
    assert!(set.contains("Max-Age=72000"), "20 hours: {set}");
    assert!(!set.contains("Secure"), "plain http by default: {set}");
    assert!(!set.contains("probleem"), "{set}");

    let mut secure = config("cookie-secure");
    secure.secure_cookies = true;
    let mut c = Client::new(web::App::build(secure).await.unwrap().router());
    let p = c.get("/vragen/probleem").await;
    assert!(
        p.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Secure")
    );
}

#[tokio::test]
async fn answers_go_out_as_a_file_and_come_back_in() {
    let app = app("file").await;
    let mut c = Client::new(app.clone());
    answer_all(&mut c, "ja").await;
    let file = c.get("/antwoorden/bestand").await;
    assert!(
        file.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let json: serde_json::Value = serde_json::from_str(&file.body).unwrap();
    assert_eq!(json["gesprek"], true);
    assert_eq!(json["region"], "midden");

    let mut other = Client::new(app);
    other.get("/antwoorden").await;
    let boundary = "grens";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"a.json\"\r\nContent-Type: application/json\r\n\r\n{}\r\n--{boundary}--\r\n",
        other.csrf.clone().unwrap(),
        file.body
    );
    let request = Request::post("/antwoorden")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    let p = other.send(request).await;
    assert_eq!(p.location(), "/vragen", "{}", p.body);
    assert_eq!(other.get("/vragen").await.location(), "/controle");
    let check = other.get("/controle").await;
    assert!(check.body.contains(" 1 juni 2027"));

    let bad = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"a.json\"\r\n\r\n{{\"gesprek\": \"misschien\"}}\r\n--{boundary}--\r\n",
        other.csrf.clone().unwrap()
    );
    let request = Request::post("/antwoorden")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(bad))
        .unwrap();
    let p = other.send(request).await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        p.body.contains("Hebt u met de school gepraat?"),
        "the error names the question: {}",
        p.body
    );
}

#[tokio::test]
async fn start_again_forgets_everything() {
    let mut c = Client::new(app("restart").await);
    answer_all(&mut c, "ja").await;
    assert_eq!(c.get("/controle").await.status, StatusCode::OK);
    // The link asks first; asking changes nothing.
    let p = c.get("/opnieuw").await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(p.body.contains(r#"<form method="post" action="/opnieuw">"#));
    assert!(
        p.body.contains(r#"href="/antwoorden""#),
        "offers the answers file first"
    );
    assert_eq!(c.get("/controle").await.status, StatusCode::OK);
    let p = c.post("/opnieuw", &[]).await;
    assert_eq!(p.location(), "/");
    assert_eq!(c.get("/controle").await.location(), "/");
}

#[tokio::test]
async fn knowledge_pages_link_glossary_terms_and_search_stems_dutch() {
    let mut c = Client::new(app("knowledge").await);
    let p = c.get("/kennis/artikelen/thuis").await;
    assert_eq!(p.status, StatusCode::OK);
    assert_eq!(
        p.body.matches(r#"href="/begrippen#thuiszitter""#).count(),
        1
    );
    let p = c.get("/kennis/stappen/praten").await;
    assert!(
        p.body
            .contains(r#"<abbr title="samenwerkingsverband">SWV</abbr>"#),
        "{}",
        p.body
    );
    assert!(
        p.body.contains(r#"href="/kennis/artikelen/thuis""#),
        "artikel: links are rewritten"
    );
    assert_eq!(
        c.get("/kennis/organisaties/school").await.status,
        StatusCode::OK
    );
    let g = c.get("/begrippen").await;
    assert!(g.body.contains(r#"id="thuiszitter""#));
    let s = c.get("/zoeken?q=vrijstelling").await;
    assert!(
        s.body.contains(r#"href="/kennis/artikelen/thuis""#),
        "vrijstelling finds Vrijstellingen: {}",
        s.body
    );
    let s = c.get("/zoeken?q=thuiszitten").await;
    assert!(s.body.contains("Thuiszitten"), "{}", s.body);
    let s = c.get("/zoeken?q=%3Cscript%3E").await;
    assert!(!s.body.contains("<script>"), "the query is escaped");
}

#[tokio::test]
async fn english_interface_with_english_content() {
    let mut c = Client::new(app("lang").await);
    let p = c.get("/taal/en?terug=/kennis/artikelen/thuis").await;
    assert_eq!(p.location(), "/kennis/artikelen/thuis");
    let set = p.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        set.starts_with("taal=en") && set.contains("HttpOnly"),
        "{set}"
    );
    c.extra_cookie = Some("taal=en".into());
    let p = c.get("/kennis/artikelen/thuis").await;
    assert!(p.body.contains(r#"<html lang="en">"#));
    // The article's English twin, not the Dutch text with a note.
    assert!(p.body.contains("<h1>Out of school</h1>"), "{}", p.body);
    assert!(
        p.body
            .contains("What you do when your child is out of school.")
    );
    assert!(!p.body.contains("Wat u doet als uw kind thuis zit."));
    assert!(!p.body.contains(r#"<article lang="nl">"#));
    // Source titles stay Dutch, and say so.
    assert!(p.body.contains(r#" lang="nl""#), "{}", p.body);
    c.extra_cookie = Some("taal=nl".into());
    let p = c.get("/kennis/artikelen/thuis").await;
    assert!(p.body.contains("Wat u doet als uw kind thuis zit."));
    assert_eq!(
        p.body.matches(r#" lang="nl""#).count(),
        1,
        "on a Dutch page only <html> says Dutch"
    );
    c.extra_cookie = Some("taal=en".into());
    let p = c.get("/kennis/artikelen/thuis").await;
    assert!(
        p.body
            .contains(r#"href="/taal/nl?terug=/kennis/artikelen/thuis""#),
        "a switch back on every page"
    );
    let p = c.get("/").await;
    assert!(p.body.contains("What step can you take now?"));
    assert_eq!(
        c.get("/taal/en?terug=//elders.example").await.location(),
        "/",
        "no open redirect"
    );
}

#[tokio::test]
async fn the_route_page_is_the_same_for_everyone_and_sent_compressed_when_asked() {
    use std::io::Read;
    let app = app("route-gzip").await;
    let mut first = Client::new(app.clone());
    answer_all(&mut first, "ja").await;
    let plain = first.get("/route").await;
    assert_eq!(plain.status, StatusCode::OK);
    assert!(plain.headers.get(header::CONTENT_ENCODING).is_none());
    assert!(
        !plain.body.contains(r#"name="csrf""#),
        "the route page holds no per-session token"
    );
    assert!(plain.body.contains(r#"href="/opnieuw""#));

    // A second visitor with the same answers gets the same page, here compressed: gzip when
    // only that is allowed, brotli when the browser allows it too.
    let mut second = Client::new(app);
    answer_all(&mut second, "ja").await;
    let mut get = async |accept: &str| {
        second
            .send(
                Request::get("/route")
                    .header(header::ACCEPT_ENCODING, accept)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
    };
    let zipped = get("gzip").await;
    assert_eq!(zipped.status, StatusCode::OK);
    assert_eq!(zipped.headers[header::CONTENT_ENCODING], "gzip");
    assert_eq!(zipped.headers[header::VARY], "accept-encoding");
    assert!(zipped.bytes.len() < plain.bytes.len() / 3);
    let mut html = String::new();
    flate2::read::GzDecoder::new(&zipped.bytes[..])
        .read_to_string(&mut html)
        .unwrap();
    assert_eq!(html, plain.body);

    let squeezed = get("gzip, deflate, br").await;
    assert_eq!(squeezed.headers[header::CONTENT_ENCODING], "br");
    assert!(squeezed.bytes.len() < zipped.bytes.len());
    let mut html = String::new();
    brotli::Decompressor::new(&squeezed.bytes[..], 4096)
        .read_to_string(&mut html)
        .unwrap();
    assert_eq!(html, plain.body);
}

#[tokio::test]
async fn a_cached_route_page_is_sent_without_loading_the_session() {
    let mut c = Client::new(app("route-fast").await);
    answer_all(&mut c, "ja").await;
    // The first view renders the page and saves the session (its expiry moves): a cookie.
    let first = c.get("/route").await;
    assert_eq!(first.status, StatusCode::OK);
    // The next view within the minute is the cached page, sent from in front of the sessions:
    // the same bytes and the same security headers, and no session work, so no cookie.
    let again = c.get("/route").await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.body, first.body);
    assert!(
        again.headers.get(header::SET_COOKIE).is_none(),
        "{:?}",
        again.headers
    );
    for h in [
        header::CONTENT_SECURITY_POLICY,
        header::X_CONTENT_TYPE_OPTIONS,
        header::CACHE_CONTROL,
    ] {
        assert_eq!(again.headers.get(&h), first.headers.get(&h), "{h}");
    }
    // Another language is another page: rendered the usual way, then cached too.
    c.extra_cookie = Some("taal=en".into());
    let english = c.get("/route").await;
    assert_ne!(english.body, first.body);
    assert_eq!(c.get("/route").await.body, english.body);
    c.extra_cookie = None;
    // A changed answer changes the fingerprint: the new advice, not the cached page.
    c.get("/vragen/gesprek").await;
    c.post("/vragen/gesprek", &[("antwoord", "nee")]).await;
    let changed = c.get("/route").await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_ne!(changed.body, first.body);
    // Without a session, or with one this server does not know, the usual way: to the start.
    let mut stranger = Client::new(app("route-fast-stranger").await);
    stranger.extra_cookie = Some("routewijzer=AAAAAAAAAAAAAAAAAAAAAA".into());
    assert_eq!(stranger.get("/route").await.location(), "/");
}

#[tokio::test]
async fn the_glossary_goes_both_ways_and_search_reads_english() {
    let mut c = Client::new(app("glossary-english").await);
    let g = c.get("/begrippen").await;
    // Dutch to English: the Dutch term with its English name.
    assert!(
        g.body.contains("(regional partnership of schools)"),
        "{}",
        g.body
    );
    // English to Dutch: the English name links to the Dutch entry.
    assert!(
        g.body
            .contains(r##"<span lang="en">child who is out of school</span>: <a href="#thuiszitter" lang="nl">thuiszitter</a>"##),
        "{}",
        g.body
    );
    c.extra_cookie = Some("taal=en".into());
    let g = c.get("/begrippen").await;
    assert!(g.body.contains("From English to Dutch"));
    assert!(g.body.contains("A child who does not go to school."));
    assert!(
        g.body.contains(r#"<span lang="nl">thuiszitter"#),
        "{}",
        g.body
    );
    // English words find the English texts; the Dutch name inside them too.
    let s = c.get("/zoeken?q=schools").await;
    assert!(s.body.contains(r#"href="/begrippen#swv""#), "{}", s.body);
    let s = c.get("/zoeken?q=thuiszitter").await;
    assert!(
        s.body.contains(r#"href="/kennis/artikelen/thuis""#),
        "{}",
        s.body
    );
    assert!(s.body.contains("Out of school"), "{}", s.body);
}
