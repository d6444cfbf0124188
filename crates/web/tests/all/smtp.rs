//! Mail over SMTP: a password-reset mail reaches the small SMTP server of the tests
//! ([`smtp_sink`]).

use std::time::Duration;

use axum::http::StatusCode;

use crate::support::{Client, config, sign_up, smtp_sink};

#[tokio::test]
async fn a_password_reset_mail_goes_out_over_smtp() {
    let (port, mut inbox) = smtp_sink().await;
    let mut c = config("smtp");
    c.mailer = web::Mailer::smtp(
        &format!("smtp://127.0.0.1:{port}"),
        "Routewijzer <routewijzer@example.nl>",
    )
    .unwrap();
    let app = web::App::build(c).await.unwrap().router();
    sign_up(&app, "ouder@example.nl").await;

    let mut d = Client::new(app.clone());
    d.get("/wachtwoord-vergeten").await;
    d.post("/wachtwoord-vergeten", &[("email", "ouder@example.nl")])
        .await;
    let mail = tokio::time::timeout(Duration::from_secs(10), inbox.recv())
        .await
        .expect("the reset mail reaches the SMTP server within 10 s")
        .unwrap();
    assert_eq!(mail.rcpt, ["<ouder@example.nl>"]);
    assert!(
        mail.data
            .contains("From: Routewijzer <routewijzer@example.nl>"),
        "{}",
        mail.data
    );
    // The text is quoted-printable: long lines end in a soft break "=" that is no part of them.
    let text = mail.data.replace("=\n", "");
    let link = text
        .split_whitespace()
        .find_map(|w| w.strip_prefix("http://127.0.0.1:8080"))
        .filter(|path| path.starts_with("/wachtwoord-herstellen/"))
        .unwrap_or_else(|| panic!("no full reset link in the mail:\n{}", mail.data))
        .to_string();
    let p = d.get(&link).await;
    assert_eq!(p.status, StatusCode::OK, "the link from the mail opens");
}
