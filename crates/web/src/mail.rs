//! Outgoing mail (invitations, password resets). With an SMTP server configured
//! ([`Mailer::smtp`], from `--smtp-url` and `--mail-from`) mail goes out through lettre's async
//! SMTP transport; without one it is written to the log, or kept in memory for tests
//! ([`Mailer::memory`]).
//!
//! Sending never holds up the page: the SMTP conversation runs in its own task, and a failure is
//! logged (with the server's answer, never the mail's body).

use std::sync::{Arc, Mutex};

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// One mail as sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// Where mail goes.
#[derive(Debug, Clone, Default)]
pub struct Mailer {
    target: Target,
}

#[derive(Debug, Clone, Default)]
enum Target {
    /// No SMTP configured: mail is written to the log.
    #[default]
    Log,
    /// Tests: every mail is kept here.
    Memory(Arc<Mutex<Vec<Mail>>>),
    /// An SMTP server.
    Smtp(Arc<Smtp>),
}

struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Smtp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The transport holds the password: show only the sender.
        f.debug_struct("Smtp").field("from", &self.from).finish()
    }
}

/// Why the SMTP options cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error(
        "--smtp-url {url:?} is not usable: {reason}. Give it as smtp://host:port or \
         smtp://user:password@host:port (plain SMTP; smtps:// and STARTTLS are not built in)"
    )]
    Url { url: String, reason: String },
    #[error(
        "--mail-from {from:?} is not an e-mail address: {reason}. Give it as \
         routewijzer@example.nl or \"Routewijzer <routewijzer@example.nl>\""
    )]
    From { from: String, reason: String },
    #[error(
        "--smtp-url is set but --mail-from (ROUTEWIJZER_MAIL_FROM) is not: give the sender address too"
    )]
    NoFrom,
}

impl Mailer {
    /// Mail goes to the log (no SMTP configured).
    pub fn log() -> Self {
        Mailer {
            target: Target::Log,
        }
    }

    /// Mail is kept in memory, for tests.
    pub fn memory() -> Self {
        Mailer {
            target: Target::Memory(Arc::default()),
        }
    }

    /// Mail goes to the SMTP server at `url` (`smtp://[user:password@]host[:port]`), sent as
    /// `from`. Nothing is contacted here: a server that is down shows in the log at the first mail.
    pub fn smtp(url: &str, from: &str) -> Result<Self, MailConfigError> {
        let parts = parse_url(url).map_err(|reason| MailConfigError::Url {
            url: redact(url),
            reason,
        })?;
        let mut builder =
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&parts.host).port(parts.port);
        if let Some((user, password)) = parts.credentials {
            builder = builder.credentials(Credentials::new(user, password));
        }
        let transport = builder.build();
        let from = from.parse::<Mailbox>().map_err(|e| MailConfigError::From {
            from: from.to_string(),
            reason: e.to_string(),
        })?;
        Ok(Mailer {
            target: Target::Smtp(Arc::new(Smtp { transport, from })),
        })
    }

    /// Sends one plain-text mail. With SMTP this starts the sending and returns at once; it must
    /// then be called inside the tokio runtime (as every handler is).
    pub fn send(&self, to: &str, subject: &str, body: &str) {
        match &self.target {
            Target::Memory(outbox) => outbox.lock().unwrap_or_else(|e| e.into_inner()).push(Mail {
                to: to.to_string(),
                subject: subject.to_string(),
                body: body.to_string(),
            }),
            Target::Log => tracing::info!(
                to,
                subject,
                body,
                "mail (no SMTP configured, so written to the log)"
            ),
            Target::Smtp(smtp) => {
                let message = match build(&smtp.from, to, subject, body) {
                    Ok(m) => m,
                    Err(e) => {
                        tracing::error!(to, error = %e, "mail not sent: cannot build it");
                        return;
                    }
                };
                let smtp = Arc::clone(smtp);
                let to = to.to_string();
                tokio::spawn(async move {
                    match smtp.transport.send(message).await {
                        Ok(_) => tracing::info!(to, "mail sent"),
                        Err(e) => tracing::error!(
                            to,
                            error = %e,
                            "mail not sent: the SMTP server did not take it (check --smtp-url)"
                        ),
                    }
                });
            }
        }
    }

    /// The mails kept in memory so far (empty when mail goes to the log or SMTP).
    pub fn sent(&self) -> Vec<Mail> {
        match &self.target {
            Target::Memory(o) => o.lock().unwrap_or_else(|e| e.into_inner()).clone(),
            _ => Vec::new(),
        }
    }
}

fn build(from: &Mailbox, to: &str, subject: &str, body: &str) -> Result<Message, String> {
    let to = to.parse::<Mailbox>().map_err(|e| e.to_string())?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body.to_string())
        .map_err(|e| e.to_string())
}

/// The parts of `smtp://[user:password@]host[:port]`.
struct UrlParts {
    host: String,
    port: u16,
    credentials: Option<(String, String)>,
}

/// Reads an SMTP URL; user and password may be percent-encoded (`%40` for `@`).
fn parse_url(url: &str) -> Result<UrlParts, String> {
    let rest = url
        .strip_prefix("smtp://")
        .ok_or_else(|| "it does not start with smtp://".to_string())?;
    let rest = rest.trim_end_matches('/');
    let (userinfo, hostport) = match rest.rsplit_once('@') {
        Some((u, h)) => (Some(u), h),
        None => (None, rest),
    };
    let credentials = match userinfo {
        None => None,
        Some(u) => {
            let (user, password) = u
                .split_once(':')
                .ok_or_else(|| "the user has no password (user:password@host)".to_string())?;
            Some((percent_decode(user)?, percent_decode(password)?))
        }
    };
    let (host, port) = match hostport.rsplit_once(':') {
        Some((h, p)) => (
            h,
            p.parse::<u16>()
                .map_err(|_| format!("the port {p:?} is not a number"))?,
        ),
        None => (hostport, 25),
    };
    if host.is_empty() || host.contains(['/', '?', '#']) {
        return Err("the host is missing or has a path or query after it".into());
    }
    Ok(UrlParts {
        host: host.to_string(),
        port,
        credentials,
    })
}

fn percent_decode(s: &str) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| {
                    "a % in the user or password is not followed by two hex digits".to_string()
                })?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "the user or password is not UTF-8".to_string())
}

/// The URL without its password, for error messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_options_say_what_to_give() {
        let e = Mailer::smtp("smtps://u:geheim@host:465", "a@example.nl").unwrap_err();
        assert!(e.to_string().contains("smtp://host:port"), "{e}");
        assert!(!e.to_string().contains("geheim"), "{e}");
        let e = Mailer::smtp("smtp://host:25", "geen adres").unwrap_err();
        assert!(e.to_string().contains("--mail-from"), "{e}");
        assert!(Mailer::smtp("smtp://u:p@host:2525", "Routewijzer <r@example.nl>").is_ok());
        let p = parse_url("smtp://me%40example.nl:p%3Aw@mail.example.nl:587").unwrap();
        assert_eq!((p.host.as_str(), p.port), ("mail.example.nl", 587));
        assert_eq!(
            p.credentials,
            Some(("me@example.nl".to_string(), "p:w".to_string()))
        );
        assert_eq!(parse_url("smtp://localhost").unwrap().port, 25);
        assert!(parse_url("smtp://host:port").is_err());
    }
}
