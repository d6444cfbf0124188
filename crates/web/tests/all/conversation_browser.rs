//! The conversation preparation page in headless Chromium on the real content: axe-core finds
//! no WCAG 2.2 AA violation on the page, nor on it after a refused "Hoe ging het gesprek?"
//! (error summary, fields marked). The page needs no JavaScript; it is on for axe-core only.

use std::collections::HashMap;

use fantoccini::{Client, Locator};

use crate::browser::{answer, axe, axe_source, browser, here, start_driver, submit, tools};
use crate::support::{temp_dir, workspace};

async fn fill(c: &Client, selector: &str, text: &str) {
    let field = c.find(Locator::Css(selector)).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

#[tokio::test]
async fn the_conversation_page_has_no_accessibility_violations() {
    let Some(driver) = tools() else { return };
    let axe_js = axe_source();
    if axe_js.is_empty() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but axe-core is missing"
        );
        eprintln!(
            "\n*** SKIPPED: axe-core not found; npm install --prefix target/axe axe-core@4 ***\n"
        );
        return;
    }
    let mut config = web::Config::local();
    config.content_dir = workspace().join("content");
    config.data_dir = temp_dir("browser-talk");
    config.today = web::Today::Fixed(jiff::civil::date(2027, 6, 20));
    config.checks = web::ContentChecks::WithoutWalk;
    config.password_cost = web::PasswordCost::Fast;
    let app = web::App::build(config).await.expect("the content loads");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(app.serve_on(listener, std::future::pending()));
    let (_driver, port) = start_driver(&driver).await;
    let c = browser(port, true, 320).await;

    // A parent with a case: one answer, then an account that keeps it.
    c.goto(&format!("{base}/vragen")).await.unwrap();
    let id = here(&c).await.rsplit('/').next().unwrap().to_string();
    answer(&c, &HashMap::new(), &id).await;
    c.goto(&format!("{base}/account/nieuw")).await.unwrap();
    fill(&c, "#email", "ouder@example.nl").await;
    fill(&c, "#password", "een lang wachtwoord").await;
    fill(&c, "#password2", "een lang wachtwoord").await;
    submit(&c, "main form button[type=submit]").await;
    let case_path = here(&c).await;
    assert!(case_path.starts_with("/dossiers/"), "{case_path}");

    let mut failures = Vec::new();
    c.goto(&format!("{base}{case_path}/gesprek/praten-met-school"))
        .await
        .unwrap();
    let title = c
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(title, "Gesprek voorbereiden: Praat met de school");
    failures.extend(
        axe(&c, &axe_js)
            .await
            .into_iter()
            .map(|v| format!("page: {v}")),
    );

    // A date that does not exist: the page comes back with the error summary.
    fill(&c, "#talk-date", "31-2-2027").await;
    fill(&c, "#afspraak-0", "De school maakt een plan").await;
    c.find(Locator::Css("#talk-outcome-0"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    submit(
        &c,
        "form[action$='/gesprek/praten-met-school'] button.button:not([name])",
    )
    .await;
    assert!(
        c.find(Locator::Css(".error-summary a[href='#talk-date']"))
            .await
            .is_ok(),
        "the error summary names the date"
    );
    let kept = c
        .find(Locator::Css("#afspraak-0"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("De school maakt een plan"));
    failures.extend(
        axe(&c, &axe_js)
            .await
            .into_iter()
            .map(|v| format!("refused: {v}")),
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    c.close().await.unwrap();
}
