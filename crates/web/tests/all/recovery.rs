//! Recovery codes for the second factor: ten are shown once when it is turned on, each logs in
//! once instead of the app's code, and turning the second factor off removes them.

use axum::http::StatusCode;

use crate::support::{Client, PASSWORD, app_and_store, now, sign_up};

async fn log_in_until_code(app: &axum::Router) -> Client {
    let mut d = Client::new(app.clone());
    d.get("/inloggen").await;
    let p = d
        .post(
            "/inloggen",
            &[("email", "ouder@example.nl"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(p.location(), "/inloggen/code");
    d.get("/inloggen/code").await;
    d
}

#[tokio::test]
async fn a_recovery_code_logs_in_once_instead_of_the_app() {
    let (app, store, _) = app_and_store("recovery").await;
    let mut c = sign_up(&app, "ouder@example.nl").await;
    let p = c.get("/account").await;
    let at =
        p.body.find(r#"<code id="totp-secret">"#).unwrap() + r#"<code id="totp-secret">"#.len();
    let secret = p.body[at..].split('<').next().unwrap().to_string();
    let code = web::totp_code(&secret, now()).unwrap();
    let p = c.post("/account/tweestaps/aan", &[("code", &code)]).await;
    assert_eq!(p.location(), "/account");

    let page = c.get("/account").await;
    let codes: Vec<String> = page
        .body
        .split("<li><code>")
        .skip(1)
        .map(|s| s.split('<').next().unwrap().to_string())
        .collect();
    assert_eq!(codes.len(), 10, "{}", page.body);
    assert!(page.body.contains("Uw reservecodes"));
    assert!(
        !c.get("/account").await.body.contains(&codes[0]),
        "the codes are shown only once"
    );
    let user = store
        .user_by_email("ouder@example.nl")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(store.recovery_codes_left(&user.id).await.unwrap(), 10);

    let mut d = log_in_until_code(&app).await;
    let p = d.post("/inloggen/code", &[("code", &codes[3])]).await;
    assert_eq!(p.location(), "/dossiers", "{}", p.body);
    assert_eq!(d.get("/dossiers").await.status, StatusCode::OK);
    assert_eq!(store.recovery_codes_left(&user.id).await.unwrap(), 9);

    let mut e = log_in_until_code(&app).await;
    let p = e.post("/inloggen/code", &[("code", &codes[3])]).await;
    assert!(
        p.body.contains("Deze code klopt niet"),
        "a used code does not work again"
    );
    let p = e
        .post("/inloggen/code", &[("code", &codes[4].replace('-', ""))])
        .await;
    assert_eq!(p.location(), "/dossiers", "typed without the dash");

    let code = web::totp_code(&secret, now()).unwrap();
    c.get("/account").await;
    let p = c.post("/account/tweestaps/uit", &[("code", &code)]).await;
    assert_eq!(p.location(), "/account");
    assert_eq!(
        store.recovery_codes_left(&user.id).await.unwrap(),
        0,
        "turning the second factor off removes the codes"
    );
}
