//! SMTP with TLS. Against servers that cannot do it: a mail that must go with STARTTLS is not
//! sent to a server that does not offer STARTTLS, and `smtps://` to a plain server fails, both
//! with a message that says so and before the password or the mail is on the line. Against a
//! small TLS server that this test runs itself (with the test-only certificate authority in
//! `tests/fixtures/tls/`, whose key was thrown away after it signed the server's certificate for
//! 127.0.0.1): mail goes out over STARTTLS and over `smtps://`, only when the server's
//! certificate is trusted, and the password and the mail pass only inside TLS.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

use crate::support::workspace;

/// A plain SMTP server that offers no extensions at all (so no STARTTLS) and records every
/// line it is sent.
async fn plain_server() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let log = Arc::clone(&log);
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                if write.write_all(b"220 plain ready\r\n").await.is_err() {
                    return;
                }
                let mut in_data = false;
                while let Ok(Some(line)) = lines.next_line().await {
                    log.lock().unwrap().push(line.clone());
                    let upper = line.to_ascii_uppercase();
                    let answer: &[u8] = if in_data {
                        if line != "." {
                            continue;
                        }
                        in_data = false;
                        b"250 kept\r\n"
                    } else if upper.starts_with("DATA") {
                        in_data = true;
                        b"354 go on\r\n"
                    } else if upper.starts_with("QUIT") {
                        b"221 bye\r\n"
                    } else {
                        b"250 ok\r\n"
                    };
                    if write.write_all(answer).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (port, seen)
}

#[tokio::test]
async fn starttls_required_but_not_offered_sends_nothing() {
    let (port, seen) = plain_server().await;
    let result = send(
        &format!("smtp://ouder:geheim@127.0.0.1:{port}?tls=starttls"),
        None,
    )
    .await;
    let e = result.expect_err("no STARTTLS offered, so nothing may be sent");
    let message = e.to_string();
    assert!(
        message.contains("does not offer STARTTLS") && message.contains("nothing was sent"),
        "{message}"
    );
    let seen = seen.lock().unwrap().clone();
    assert!(
        seen.iter()
            .any(|l| l.to_ascii_uppercase().starts_with("EHLO")),
        "the server was asked what it offers: {seen:?}"
    );
    for line in &seen {
        let upper = line.to_ascii_uppercase();
        assert!(
            !upper.starts_with("AUTH") && !upper.starts_with("MAIL") && !upper.starts_with("DATA"),
            "nothing but the greeting goes over the plain line: {seen:?}"
        );
        assert!(!line.contains("Tekst"), "the mail went out in plain text");
    }
}

#[tokio::test]
async fn smtps_to_a_plain_server_fails_with_a_clear_error() {
    let (port, seen) = plain_server().await;
    let e = send(&format!("smtps://ouder:geheim@127.0.0.1:{port}"), None)
        .await
        .expect_err("a plain server cannot speak TLS");
    let message = e.to_string();
    assert!(message.contains("smtps://"), "{message}");
    assert!(message.contains("Check --smtp-url"), "{message}");
    assert!(
        seen.lock().unwrap().iter().all(|l| !l.contains("geheim")),
        "the password never goes over a line without TLS"
    );
}

#[tokio::test]
async fn plain_smtp_still_sends_to_a_relay() {
    let (port, seen) = plain_server().await;
    send(&format!("smtp://127.0.0.1:{port}"), None)
        .await
        .unwrap();
    let seen = seen.lock().unwrap().clone();
    assert!(
        seen.iter()
            .any(|l| l.to_ascii_uppercase().starts_with("MAIL FROM")),
        "{seen:?}"
    );
    assert!(seen.iter().any(|l| l == "Tekst"), "{seen:?}");
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(workspace().join("crates/web/tests/fixtures/tls").join(name)).unwrap()
}

/// How the TLS server starts its conversations.
#[derive(Clone, Copy)]
enum Start {
    /// TLS from the first byte (smtps).
    Tls,
    /// Plain, offering STARTTLS.
    StartTls,
}

type Lines = Arc<Mutex<Vec<String>>>;

/// An SMTP server with TLS on a free local port. Every line it is sent is recorded, marked
/// `plain:` or `tls:` by how it came.
async fn tls_server(start: Start) -> (u16, Lines) {
    let certs = CertificateDer::pem_slice_iter(&fixture("server.pem"))
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_slice(&fixture("server.key")).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap();
    let acceptor = TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = Lines::default();
    let log = Arc::clone(&seen);
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let (acceptor, log) = (acceptor.clone(), Arc::clone(&log));
            tokio::spawn(async move {
                let tcp = match start {
                    Start::Tls => tcp,
                    Start::StartTls => match conversation(tcp, true, true, &log, "plain").await {
                        Some(tcp) => tcp,
                        None => return,
                    },
                };
                // A client that does not trust the certificate ends the handshake here.
                let Ok(tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let greet = matches!(start, Start::Tls);
                conversation(tls, greet, false, &log, "tls").await;
            });
        }
    });
    (port, seen)
}

/// One SMTP conversation, greeting first when `greet` (at the start of a connection, not after
/// STARTTLS). With `offer_starttls`, STARTTLS is offered, and when the client asks for it the
/// stream is handed back for the TLS handshake.
async fn conversation<S: AsyncRead + AsyncWrite + Unpin>(
    stream: S,
    greet: bool,
    offer_starttls: bool,
    log: &Lines,
    how: &str,
) -> Option<S> {
    let mut stream = BufReader::new(stream);
    if greet {
        stream
            .get_mut()
            .write_all(b"220 tls ready\r\n")
            .await
            .ok()?;
    }
    let mut in_data = false;
    loop {
        let mut line = String::new();
        if stream.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        let line = line.trim_end_matches(['\r', '\n']).to_string();
        log.lock().unwrap().push(format!("{how}:{line}"));
        let upper = line.to_ascii_uppercase();
        let answer: &[u8] = if in_data {
            if line != "." {
                continue;
            }
            in_data = false;
            b"250 kept\r\n"
        } else if upper.starts_with("EHLO") && offer_starttls {
            b"250-tls sink\r\n250 STARTTLS\r\n"
        } else if upper.starts_with("EHLO") {
            b"250-tls sink\r\n250 AUTH PLAIN\r\n"
        } else if upper.starts_with("STARTTLS") && offer_starttls {
            stream.get_mut().write_all(b"220 go ahead\r\n").await.ok()?;
            return Some(stream.into_inner());
        } else if upper.starts_with("AUTH") {
            b"235 welcome\r\n"
        } else if upper.starts_with("DATA") {
            in_data = true;
            b"354 go on\r\n"
        } else if upper.starts_with("QUIT") {
            stream.get_mut().write_all(b"221 bye\r\n").await.ok()?;
            return None;
        } else {
            b"250 ok\r\n"
        };
        stream.get_mut().write_all(answer).await.ok()?;
    }
}

/// Sends one mail through `url` (with `ca` as an extra trusted authority), giving up after 10 s.
async fn send(url: &str, ca: Option<&[u8]>) -> Result<(), web::MailError> {
    let mailer = web::Mailer::smtp_with_ca(url, "routewijzer@example.nl", ca).unwrap();
    tokio::time::timeout(
        Duration::from_secs(10),
        mailer.send_now("ouder@example.nl", "Onderwerp", "Tekst"),
    )
    .await
    .expect("the attempt ends within 10 s")
}

/// The password and the mail went inside TLS only.
fn only_inside_tls(seen: &[String]) {
    let auth = seen
        .iter()
        .find(|l| l.to_ascii_uppercase().starts_with("TLS:AUTH"))
        .unwrap_or_else(|| panic!("the login went over TLS: {seen:?}"));
    assert!(auth.len() > "tls:AUTH PLAIN ".len(), "{auth}");
    assert!(seen.iter().any(|l| l == "tls:Tekst"), "{seen:?}");
    for line in seen.iter().filter(|l| l.starts_with("plain:")) {
        let upper = line.to_ascii_uppercase();
        assert!(
            upper.starts_with("PLAIN:EHLO") || upper == "PLAIN:STARTTLS",
            "only the greeting goes over the plain line: {seen:?}"
        );
    }
}

#[tokio::test]
async fn mail_goes_out_over_starttls_to_a_trusted_server() {
    let (port, seen) = tls_server(Start::StartTls).await;
    let url = format!("smtp://ouder:geheim@127.0.0.1:{port}?tls=starttls");
    send(&url, Some(&fixture("ca.pem"))).await.unwrap();
    let seen = seen.lock().unwrap().clone();
    assert!(seen.iter().any(|l| l == "plain:STARTTLS"), "{seen:?}");
    only_inside_tls(&seen);
}

#[tokio::test]
async fn mail_goes_out_over_smtps_to_a_trusted_server() {
    let (port, seen) = tls_server(Start::Tls).await;
    let url = format!("smtps://ouder:geheim@127.0.0.1:{port}");
    send(&url, Some(&fixture("ca.pem"))).await.unwrap();
    only_inside_tls(&seen.lock().unwrap());
}

#[tokio::test]
async fn a_server_certificate_from_an_unknown_authority_is_refused() {
    for start in [Start::Tls, Start::StartTls] {
        let (port, seen) = tls_server(start).await;
        let url = match start {
            Start::Tls => format!("smtps://ouder:geheim@127.0.0.1:{port}"),
            Start::StartTls => format!("smtp://ouder:geheim@127.0.0.1:{port}?tls=starttls"),
        };
        let e = send(&url, None)
            .await
            .expect_err("the test authority is not built in");
        let message = e.to_string();
        assert!(message.to_lowercase().contains("certificate"), "{message}");
        assert!(
            seen.lock().unwrap().iter().all(|l| !l.starts_with("tls:")),
            "nothing is said over a connection to an untrusted server"
        );
    }
}

#[test]
fn the_extra_authority_must_be_a_certificate_and_goes_with_tls() {
    let e =
        web::Mailer::smtp_with_ca("smtps://host", "r@example.nl", Some(b"geen pem")).unwrap_err();
    assert!(e.to_string().contains("--smtp-ca"), "{e}");
    let e = web::Mailer::smtp_with_ca("smtp://host", "r@example.nl", Some(&fixture("ca.pem")))
        .unwrap_err();
    assert!(e.to_string().contains("smtps://"), "{e}");
}
