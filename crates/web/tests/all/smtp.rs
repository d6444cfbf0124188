//! Mail over SMTP: a password-reset mail reaches a small SMTP server that this test runs itself
//! (it answers 220/250/354/221 and keeps what comes after DATA).

use std::time::Duration;

use axum::http::StatusCode;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::mpsc;

use crate::support::{Client, config};

/// One mail as the sink received it: the envelope recipients and the DATA text.
struct Received {
    rcpt: Vec<String>,
    data: String,
}

/// Starts the sink on a free local port; every mail it receives comes out of the channel.
async fn smtp_sink() -> (u16, mpsc::UnboundedReceiver<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let tx = tx.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 sink ready\r\n").await.unwrap();
                let mut rcpt = Vec::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    let command = line.to_ascii_uppercase();
                    if command.starts_with("DATA") {
                        write.write_all(b"354 go on\r\n").await.unwrap();
                        let mut data = String::new();
                        while let Ok(Some(l)) = lines.next_line().await {
                            if l == "." {
                                break;
                            }
                            data.push_str(l.strip_prefix('.').unwrap_or(&l));
                            data.push('\n');
                        }
                        let _ = tx.send(Received {
                            rcpt: std::mem::take(&mut rcpt),
                            data,
                        });
                        write.write_all(b"250 kept\r\n").await.unwrap();
                    } else if command.starts_with("QUIT") {
                        write.write_all(b"221 bye\r\n").await.unwrap();
                        return;
                    } else {
                        if command.starts_with("RCPT TO:") {
                            rcpt.push(line[8..].trim().to_string());
                        }
                        write.write_all(b"250 ok\r\n").await.unwrap();
                    }
                }
            });
        }
    });
    (port, rx)
}

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
    let mut owner = Client::new(app.clone());
    owner.get("/account/nieuw").await;
    let p = owner
        .post(
            "/account/nieuw",
            &[
                ("email", "ouder@example.nl"),
                ("password", "een lang wachtwoord"),
                ("password2", "een lang wachtwoord"),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);

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
    let link = mail
        .data
        .split_whitespace()
        .find(|w| w.starts_with("/wachtwoord-herstellen/"))
        .unwrap_or_else(|| panic!("no reset link in the mail:\n{}", mail.data))
        .to_string();
    let p = d.get(&link).await;
    assert_eq!(p.status, StatusCode::OK, "the link from the mail opens");
}
