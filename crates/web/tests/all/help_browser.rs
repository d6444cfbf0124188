//! The acceptance test of help requests in headless Chromium with JavaScript off: a parent asks
//! for help sharing only a summary; the coordinator (who first switches on the second factor,
//! as the organisation pages demand) assigns a volunteer; the volunteer sees the summary but not
//! the timeline; the parent upgrades to read access and the volunteer sees the timeline; the
//! parent revokes and the volunteer sees nothing. axe-core checks the inbox and the summary in a
//! separate browser with JavaScript on (axe needs it; the pages do not).

use std::collections::HashMap;

use fantoccini::{Client, Locator};
use store::OrgRole;

use crate::browser::{
    answer, assert_javascript_off, axe, axe_source, browser, here, start_driver, submit, tools,
};
use crate::support::{PASSWORD, now, temp_dir, workspace};

const EVENT: &str = "Gesprek met de mentor over de klas";

async fn fill(c: &Client, selector: &str, text: &str) {
    let e = c.find(Locator::Css(selector)).await.unwrap();
    e.clear().await.unwrap();
    e.send_keys(text).await.unwrap();
}

async fn source(c: &Client) -> String {
    c.source().await.unwrap()
}

async fn sign_up(c: &Client, base: &str, email: &str) {
    c.goto(&format!("{base}/account/nieuw")).await.unwrap();
    fill(c, "#email", email).await;
    fill(c, "#password", PASSWORD).await;
    fill(c, "#password2", PASSWORD).await;
    submit(c, "main form button[type=submit]").await;
}

/// Follows the organisation's demand for the second factor: the inbox sends the member to the
/// account page, where they switch it on with a code from their app. Returns the secret.
async fn switch_on_totp(c: &Client, base: &str) -> String {
    c.goto(&format!("{base}/organisatie/mijn-hulpvragen"))
        .await
        .unwrap();
    assert_eq!(
        here(c).await,
        "/account",
        "a member without TOTP goes there"
    );
    assert!(
        source(c)
            .await
            .contains("Daarvoor moet inloggen in twee stappen aan staan"),
        "and is told why"
    );
    let secret = c
        .find(Locator::Css("#totp-secret"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let code = web::totp_code(secret.trim(), now()).unwrap();
    fill(c, "#totp-code", &code).await;
    submit(
        c,
        "form[action='/account/tweestaps/aan'] button[type=submit]",
    )
    .await;
    secret.trim().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_parent_gets_help_shares_more_and_revokes() {
    let Some(driver) = tools() else { return };
    let mut config = web::Config::local();
    config.content_dir = workspace().join("content");
    config.data_dir = temp_dir("browser-help");
    config.checks = web::ContentChecks::WithoutWalk;
    config.password_cost = web::PasswordCost::Fast;
    config.mailer = web::Mailer::memory();
    let app = web::App::build(config).await.expect("the content loads");
    let store = app.store();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(app.serve_on(listener, std::future::pending()));
    let (_driver, port) = start_driver(&driver).await;
    let parent = browser(port, false, 1280).await;
    let coordinator = browser(port, false, 1280).await;
    let volunteer = browser(port, false, 390).await;
    for c in [&parent, &coordinator, &volunteer] {
        assert_javascript_off(c).await;
    }

    // The parent answers a question, makes an account with the intake in a case, and adds an
    // event to the timeline.
    parent.goto(&format!("{base}/vragen")).await.unwrap();
    let id = here(&parent).await.rsplit('/').next().unwrap().to_string();
    answer(&parent, &HashMap::new(), &id).await;
    sign_up(&parent, &base, "ouder@example.nl").await;
    let case_path = here(&parent).await;
    assert!(case_path.starts_with("/dossiers/"), "{case_path}");
    fill(&parent, "#event-date", "2026-10-14").await;
    fill(&parent, "#event-title", EVENT).await;
    submit(
        &parent,
        "form[action$='/gebeurtenissen'] button[type=submit]",
    )
    .await;
    assert!(source(&parent).await.contains(EVENT));

    // "Vraag hulp" from the case page; only the summary is shared (the default).
    submit(&parent, &format!("a[href='{case_path}/hulp']")).await;
    assert!(
        parent
            .find(Locator::Css("#help-level-summary:checked"))
            .await
            .is_ok(),
        "sharing only the summary is the default"
    );
    fill(&parent, "#help-message", "Wij willen hulp bij het gesprek.").await;
    submit(&parent, "form[action$='/hulp'] button[type=submit]").await;
    assert!(
        source(&parent)
            .await
            .contains("Er is nog geen vrijwilliger gekozen")
    );

    // The coordinator and the volunteer are members; each switches on the second factor.
    sign_up(&coordinator, &base, "coordinator@example.nl").await;
    sign_up(&volunteer, &base, "vrijwilliger@example.nl").await;
    let by_admin = store::Actor {
        user_id: "test".into(),
        now: now(),
    };
    let coordinator_id = store
        .user_by_email("coordinator@example.nl")
        .await
        .unwrap()
        .unwrap()
        .id;
    let volunteer_id = store
        .user_by_email("vrijwilliger@example.nl")
        .await
        .unwrap()
        .unwrap()
        .id;
    store
        .set_org_role(&coordinator_id, Some(OrgRole::Coordinator), &by_admin)
        .await
        .unwrap();
    store
        .set_org_role(&volunteer_id, Some(OrgRole::Volunteer), &by_admin)
        .await
        .unwrap();
    let coordinator_secret = switch_on_totp(&coordinator, &base).await;
    switch_on_totp(&volunteer, &base).await;

    // The coordinator assigns the volunteer from the inbox.
    coordinator
        .goto(&format!("{base}/organisatie/hulpvragen"))
        .await
        .unwrap();
    let inbox = source(&coordinator).await;
    assert!(
        inbox.contains("Wij willen hulp bij het gesprek."),
        "{inbox}"
    );
    assert!(inbox.contains(&format!("{case_path}/samenvatting")));
    coordinator
        .find(Locator::Css(&format!(
            "select[name=volunteer] option[value='{volunteer_id}']"
        )))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    submit(
        &coordinator,
        "form[action$='/toewijzen'] button[type=submit]",
    )
    .await;
    assert!(
        source(&coordinator)
            .await
            .contains("vrijwilliger@example.nl helpt.")
    );

    // The volunteer sees the summary, not the timeline.
    volunteer
        .goto(&format!("{base}/organisatie/mijn-hulpvragen"))
        .await
        .unwrap();
    submit(&volunteer, &format!("a[href='{case_path}/samenvatting']")).await;
    let summary = source(&volunteer).await;
    assert!(summary.contains("De stap van nu"), "{summary}");
    assert!(!summary.contains(EVENT), "no timeline in the summary");
    volunteer.goto(&format!("{base}{case_path}")).await.unwrap();
    assert!(!source(&volunteer).await.contains(EVENT));

    // The parent sees who helps, and upgrades to read access.
    parent
        .goto(&format!("{base}{case_path}/hulp"))
        .await
        .unwrap();
    assert!(
        source(&parent)
            .await
            .contains("vrijwilliger@example.nl helpt u.")
    );
    parent
        .find(Locator::Css("#help-level-read"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    submit(&parent, "form[action$='/niveau'] button[type=submit]").await;
    volunteer
        .goto(&format!("{base}/organisatie/mijn-hulpvragen"))
        .await
        .unwrap();
    submit(&volunteer, &format!("a[href='{case_path}']")).await;
    assert!(
        source(&volunteer).await.contains(EVENT),
        "with read access the volunteer sees the timeline"
    );

    // axe-core on the inbox and the summary, in a browser with JavaScript on.
    let axe_js = axe_source();
    let mut failures = Vec::new();
    if axe_js.is_empty() {
        eprintln!(
            "\n*** SKIPPED the axe checks: axe-core not found; npm install --prefix target/axe axe-core@4 ***\n"
        );
    } else {
        let checker = browser(port, true, 1280).await;
        checker.goto(&format!("{base}/inloggen")).await.unwrap();
        fill(&checker, "#email", "coordinator@example.nl").await;
        fill(&checker, "#password", PASSWORD).await;
        submit(&checker, "main form button[type=submit]").await;
        assert_eq!(here(&checker).await, "/inloggen/code");
        let code = web::totp_code(&coordinator_secret, now()).unwrap();
        fill(&checker, "#code", &code).await;
        submit(&checker, "main form button[type=submit]").await;
        // Made admin too, so the members page can be checked as well.
        store
            .set_org_role(&coordinator_id, Some(OrgRole::Admin), &by_admin)
            .await
            .unwrap();
        for (name, path) in [
            ("inbox", "/organisatie/hulpvragen".to_string()),
            ("summary", format!("{case_path}/samenvatting")),
            ("organisation", "/organisatie".to_string()),
            ("members", "/organisatie/leden".to_string()),
            (
                "my help requests",
                "/organisatie/mijn-hulpvragen".to_string(),
            ),
            ("asking for help", "/hulp".to_string()),
        ] {
            checker.goto(&format!("{base}{path}")).await.unwrap();
            assert_eq!(here(&checker).await, path, "{name} opens");
            failures.extend(
                axe(&checker, &axe_js)
                    .await
                    .into_iter()
                    .map(|v| format!("{name}: {v}")),
            );
        }
        checker.close().await.unwrap();
        // The parent's help page, with the open request and its forms.
        let checker = browser(port, true, 390).await;
        checker.goto(&format!("{base}/inloggen")).await.unwrap();
        fill(&checker, "#email", "ouder@example.nl").await;
        fill(&checker, "#password", PASSWORD).await;
        submit(&checker, "main form button[type=submit]").await;
        checker
            .goto(&format!("{base}{case_path}/hulp"))
            .await
            .unwrap();
        assert!(source(&checker).await.contains("Stop de hulp"));
        failures.extend(
            axe(&checker, &axe_js)
                .await
                .into_iter()
                .map(|v| format!("help page of the case: {v}")),
        );
        checker.close().await.unwrap();
    }

    // The parent revokes; the volunteer sees nothing, as if the case did not exist.
    parent
        .goto(&format!("{base}{case_path}/hulp"))
        .await
        .unwrap();
    submit(&parent, "form[action$='/intrekken'] button[type=submit]").await;
    for path in [case_path.clone(), format!("{case_path}/samenvatting")] {
        volunteer.goto(&format!("{base}{path}")).await.unwrap();
        let page = source(&volunteer).await;
        assert!(page.contains("Deze pagina bestaat niet"), "{path}: {page}");
        assert!(!page.contains(EVENT));
    }
    volunteer
        .goto(&format!("{base}/organisatie/mijn-hulpvragen"))
        .await
        .unwrap();
    assert!(!source(&volunteer).await.contains(&case_path));

    for c in [parent, coordinator, volunteer] {
        c.close().await.unwrap();
    }
    assert!(
        failures.is_empty(),
        "accessibility violations (WCAG 2.2 AA):\n{}",
        failures.join("\n")
    );
}
