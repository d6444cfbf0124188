//! The route page's first screen on the real content, for the public scenario P04 (a daughter
//! at home for six weeks, the school suggests a 5a exemption): the page opens with what to do
//! now, its deadline and at most two warnings, and stays small enough for a phone.

use axum::http::StatusCode;

use crate::support::{Client, temp_dir, workspace};

/// The answers of P04, as a parent gives them (the same as the web benchmark uses). "skip"
/// skips an optional question; a question not listed gets its first option.
pub(crate) const P04: &[(&str, &str)] = &[
    ("probleem", "ondersteuning"),
    ("ingeschreven", "ja"),
    ("gaat-naar-school", "nee"),
    ("thuis-sinds", "skip"),
    ("weken-thuis", "6"),
    ("reden-thuis", "vastgelopen"),
    ("vrijstelling-status", "aangeboden"),
    ("vrijstelling-soort", "5a"),
    ("lpa-weet-het", "nee"),
    ("gesprek-school", "vaker"),
    ("gesprek-resultaat", "niets-veranderd"),
    ("zorgprofessional", "nee"),
    ("al-contact", "niemand"),
    ("procedure", "geen"),
    ("thuisonderwijs-overweging", "nee"),
    ("schooltype", "po"),
    ("openbaar-bijzonder", "openbaar"),
];

/// The app on the real content, on the browser tests' day (2027-06-20).
async fn real_app(name: &str) -> axum::Router {
    let mut config = web::Config::local();
    config.content_dir = workspace().join("content");
    config.data_dir = temp_dir(name);
    config.today = web::Today::Fixed(jiff::civil::date(2027, 6, 20));
    // The full check with the intake walk runs in the route crate's tests.
    config.checks = web::ContentChecks::WithoutWalk;
    web::App::build(config)
        .await
        .expect("the content loads")
        .router()
}

/// The first value of `name="antwoord"` on a question page: the first option.
fn first_option(body: &str) -> String {
    let mark = r#"name="antwoord" value=""#;
    let at = body.find(mark).expect("a question with options") + mark.len();
    body[at..].split('"').next().unwrap().to_string()
}

/// Walks the intake the way a parent does, answering from `answers`, until the check page.
async fn walk(c: &mut Client, answers: &[(&str, &str)]) {
    let mut at = c.get("/vragen").await.location().to_string();
    for _ in 0..60 {
        if at == "/controle" {
            return;
        }
        let page = c.get(&at).await;
        assert_eq!(page.status, StatusCode::OK, "{at}");
        let id = at.rsplit('/').next().unwrap();
        let value = answers
            .iter()
            .find(|(q, _)| *q == id)
            .map(|(_, v)| v.to_string())
            .unwrap_or_else(|| first_option(&page.body));
        let fields: Vec<(&str, String)> = if value == "skip" {
            vec![("antwoord", "_overslaan".into()), ("overslaan", "1".into())]
        } else if page.body.contains(r#"id="dag""#) {
            let parts: Vec<&str> = value.split('-').collect();
            vec![
                ("jaar", parts[0].into()),
                ("maand", parts[1].into()),
                ("dag", parts[2].into()),
            ]
        } else {
            value
                .split(',')
                .map(|v| ("antwoord", v.to_string()))
                .collect()
        };
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let p = c.post(&at, &fields).await;
        assert_eq!(
            p.status,
            StatusCode::SEE_OTHER,
            "answer to {id}: {}",
            p.body
        );
        at = p.location().to_string();
    }
    panic!("the intake did not reach the check page");
}

/// The route page for P04, with `changes` replacing some of its answers.
async fn p04_route(name: &str, changes: &[(&str, &str)]) -> String {
    p04_pages(name, changes).await.0
}

/// The route page for P04 and its page of warnings, reasons and sources.
async fn p04_pages(name: &str, changes: &[(&str, &str)]) -> (String, String) {
    let mut answers: Vec<(&str, &str)> = P04.to_vec();
    for (id, v) in changes {
        answers.retain(|(q, _)| q != id);
        answers.push((id, v));
    }
    let mut c = Client::new(real_app(name).await);
    walk(&mut c, &answers).await;
    let route = c.get("/route").await;
    assert_eq!(route.status, StatusCode::OK);
    let why = c.get("/route/waarom").await;
    assert_eq!(why.status, StatusCode::OK);
    (route.body, why.body)
}

/// The text of some HTML without its tags (the glossary links terms at their first use, which
/// is now often on the first screen).
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The `<section id="nu-doen">`, from its start to its end tag.
fn now_section(html: &str) -> &str {
    let start = html
        .find(r#"<section id="nu-doen""#)
        .expect("a section nu-doen");
    let end = html[start..].find("</section>").unwrap() + start;
    &html[start..end]
}

#[tokio::test]
async fn p04_opens_with_what_to_do_now() {
    let k = route::load::load_dir_without_walk(&workspace().join("content")).unwrap();
    let (html, why) = p04_pages("first-screen", &[]).await;
    let details = html.matches("<details").count();
    eprintln!("P04 route page: {} bytes, {details} <details>", html.len());

    let start = html.find(r#"id="nu-doen""#).unwrap();
    for mark in [r#"id="stap-"#, r#"class="warning"#, "<details"] {
        assert!(
            html.find(mark).unwrap() > start,
            "nothing of a step comes before the section nu-doen: {mark}"
        );
    }
    let now = now_section(&html);
    let now_text = text_of(now);
    let current = k.step("leerplichtambtenaar-informeren").unwrap();
    assert!(now.contains(r#"id="stap-leerplichtambtenaar-informeren""#));
    assert!(
        now_text.contains(&current.title),
        "the current step's title"
    );
    // P04 skips the date the child stayed home, so the term is there without a date, and the
    // parent is told how to get one.
    let term = k.term("thuiszitter-vier-weken").unwrap();
    assert!(
        now_text.contains(&term.title),
        "the current step's deadline"
    );
    assert!(now.contains(r#"href="/vragen/thuis-sinds?terug=controle""#));
    assert!(
        now.contains(r#"href="/brieven/melding-leerplichtambtenaar-11g""#),
        "the letter to send"
    );
    let warnings = now.matches(r#"class="warning "#).count();
    assert!(
        (1..=2).contains(&warnings),
        "at most two warnings up front, got {warnings}"
    );
    assert!(
        now_text.contains(&k.warning("geen-5a-zomaar").unwrap().title),
        "the most serious warning is up front"
    );

    // Nothing dropped: every warning of the scenario is on the page as a line, and in full
    // (with why and sources) on the page of warnings, reasons and sources.
    for w in [
        "geen-5a-zomaar",
        "vrijstelling-verbergt-thuiszitter",
        "vrijstelling-11g-bewijs",
    ] {
        let title = &k.warning(w).unwrap().title;
        assert!(text_of(&html).contains(title.as_str()), "warning {w}");
        let at = why.find(title.as_str()).expect("the warning in full");
        let rest = &why[at..];
        let block = &rest[..rest
            .find(r#"class="warning warning-"#)
            .unwrap_or(rest.len())];
        assert!(block.contains("Waarom dit advies?"), "why, for {w}");
    }
    assert_eq!(
        why.matches(r#"class="warning warning-"#).count(),
        html.matches(r#"href="/route/waarom#waarschuwing-"#).count() + warnings,
        "the warnings not on the first screen are each one line on the route page"
    );
    // Every reason and source the route page points to is on that page.
    for (at, _) in html.match_indices(r#"href="/route/waarom#"#) {
        let rest = &html[at + r#"href="/route/waarom#"#.len()..];
        let anchor = &rest[..rest.find('"').unwrap()];
        assert!(
            why.contains(&format!(r#"id="{anchor}""#)),
            "#{anchor} is on the page of reasons and sources"
        );
    }
    assert!(html.contains(r#"href="/route/waarom#bron-1""#));
    assert!(why.contains(r#"<ol class="source-list">"#));
    assert!(why.contains(r#"id="waarom""#));
    for s in [
        "onderwijsconsulenten",
        "vrijstelling-11g",
        "terug-naar-school",
        "maatwerk-onderwijstijd",
    ] {
        assert!(html.contains(&format!(r#"id="stap-{s}""#)), "next step {s}");
    }
    assert!(html.contains(r#"id="h-next""#) && html.contains(r#"id="h-later""#));

    // The page was 140 KB; what a parent reads on a phone at night should load fast.
    assert!(html.len() <= 45_000, "{} bytes", html.len());
    assert!(details <= 20, "{details} <details>");
}

#[tokio::test]
async fn p04_with_a_start_date_shows_the_deadline_date_up_front() {
    // The child has been at home since Monday 3 May 2027: 4 weeks later is Monday 31 May.
    let html = p04_route("first-screen-date", &[("thuis-sinds", "2027-05-03")]).await;
    let now = now_section(&html);
    assert!(text_of(now).contains("maandag 31 mei 2027"), "{now}");
    assert!(
        now.contains("<details"),
        "how the date is computed, one click away"
    );
}
