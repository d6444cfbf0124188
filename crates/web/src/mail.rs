//! Outgoing mail (invitations, password resets). With an SMTP server configured
//! ([`Mailer::smtp`], from `--smtp-url` and `--mail-from`) mail goes out through lettre's async
//! SMTP transport; without one it is written to the log, or kept in memory for tests
//! ([`Mailer::memory`]).
//!
//! Three kinds of SMTP URL: `smtp://` is plain SMTP (port 25), for a relay on the same machine
//! or network; `smtps://` is TLS from the first byte (port 465); `smtp://...?tls=starttls`
//! starts plain and must switch to TLS with STARTTLS before anything else is said (port 587):
//! a server that does not offer STARTTLS gets neither the password nor the mail. TLS is rustls
//! with the Mozilla root certificates built in, plus, for a relay whose certificate comes from
//! an authority of its own, the root certificate given with `--smtp-ca`.
//!
//! Sending never holds up the page: the SMTP conversation runs in its own task, and a failure is
//! logged (with the server's answer, never the mail's body).

use std::sync::{Arc, Mutex};

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
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
    security: Security,
}

impl std::fmt::Debug for Smtp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The transport holds the password: show only the sender and how the line is secured.
        f.debug_struct("Smtp")
            .field("from", &self.from)
            .field("security", &self.security)
            .finish()
    }
}

/// How the connection to the SMTP server is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Security {
    /// `smtp://`: no TLS at all.
    Plain,
    /// `smtps://`: TLS from the first byte.
    Tls,
    /// `smtp://...?tls=starttls`: plain at first, then STARTTLS, which the server must offer.
    StartTls,
}

impl Security {
    fn describe(self) -> &'static str {
        match self {
            Security::Plain => "plain SMTP",
            Security::Tls => "SMTP over TLS (smtps://)",
            Security::StartTls => "SMTP with STARTTLS",
        }
    }
}

/// Why one mail did not go out.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the mail cannot be made: {0}")]
    Build(String),
    #[error("the mail could not be sent over {security}: {reason}. Check --smtp-url")]
    Smtp {
        security: &'static str,
        reason: String,
    },
    #[error(
        "the SMTP server does not offer STARTTLS, which --smtp-url asks for (?tls=starttls); \
         nothing was sent. Use smtps:// if the server takes TLS on its own port"
    )]
    NoStartTls,
}

/// Why the SMTP options cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error(
        "--smtp-url {url:?} is not usable: {reason}. Give it as smtps://user:password@host:port \
         (TLS), smtp://user:password@host:port?tls=starttls (STARTTLS) or smtp://host:port \
         (plain, for a relay nearby); user:password@ is optional"
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
    #[error(
        "--smtp-ca is not a usable root certificate: {0}. Give the authority's certificate in PEM"
    )]
    Ca(String),
    #[error(
        "--smtp-ca goes with TLS, and --smtp-url is plain smtp://: use smtps:// or add ?tls=starttls"
    )]
    CaWithoutTls,
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

    /// Mail goes to the SMTP server at `url` (`smtp://`, `smtps://` or
    /// `smtp://...?tls=starttls`, each with an optional `user:password@`), sent as `from`.
    /// Nothing is contacted here: a server that is down shows in the log at the first mail.
    pub fn smtp(url: &str, from: &str) -> Result<Self, MailConfigError> {
        Self::smtp_with_ca(url, from, None)
    }

    /// Like [`Mailer::smtp`]; the server's certificate may also come from the authority whose
    /// root certificate (PEM) is `ca`, besides the built-in ones.
    pub fn smtp_with_ca(url: &str, from: &str, ca: Option<&[u8]>) -> Result<Self, MailConfigError> {
        let url_error = |reason: String| MailConfigError::Url {
            url: redact(url),
            reason,
        };
        let parts = parse_url(url).map_err(url_error)?;
        let tls = match parts.security {
            Security::Plain if ca.is_some() => return Err(MailConfigError::CaWithoutTls),
            Security::Plain => Tls::None,
            Security::Tls | Security::StartTls => {
                let mut parameters = TlsParameters::builder(parts.host.clone());
                if let Some(pem) = ca {
                    // lettre takes a text without any certificate as an empty list.
                    let marker = b"-----BEGIN CERTIFICATE-----";
                    if !pem.windows(marker.len()).any(|w| w == marker) {
                        return Err(MailConfigError::Ca("there is no certificate in it".into()));
                    }
                    let root = Certificate::from_pem(pem)
                        .map_err(|e| MailConfigError::Ca(e.to_string()))?;
                    parameters = parameters.add_root_certificate(root);
                }
                let parameters = parameters
                    .build()
                    .map_err(|e| url_error(format!("TLS cannot be set up for this host: {e}")))?;
                if parts.security == Security::Tls {
                    Tls::Wrapper(parameters)
                } else {
                    Tls::Required(parameters)
                }
            }
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&parts.host)
            .port(parts.port)
            .tls(tls);
        if let Some((user, password)) = parts.credentials {
            builder = builder.credentials(Credentials::new(user, password));
        }
        let transport = builder.build();
        let from = from.parse::<Mailbox>().map_err(|e| MailConfigError::From {
            from: from.to_string(),
            reason: e.to_string(),
        })?;
        Ok(Mailer {
            target: Target::Smtp(Arc::new(Smtp {
                transport,
                from,
                security: parts.security,
            })),
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
            Target::Smtp(_) => {
                let mailer = self.clone();
                let (to, subject, body) = (to.to_string(), subject.to_string(), body.to_string());
                tokio::spawn(async move {
                    match mailer.send_now(&to, &subject, &body).await {
                        Ok(()) => tracing::info!(to, "mail sent"),
                        Err(e) => tracing::error!(to, error = %e, "mail not sent"),
                    }
                });
            }
        }
    }

    /// Sends one plain-text mail and waits until the server took it (or did not). Mail to the
    /// log or to memory is done at once.
    pub async fn send_now(&self, to: &str, subject: &str, body: &str) -> Result<(), MailError> {
        let Target::Smtp(smtp) = &self.target else {
            self.send(to, subject, body);
            return Ok(());
        };
        let message = build(&smtp.from, to, subject, body).map_err(MailError::Build)?;
        match smtp.transport.send(message).await {
            Ok(_) => Ok(()),
            // lettre ends the conversation before AUTH and MAIL when STARTTLS is required but
            // not offered; say so plainly, since "the server did not take it" would mislead.
            Err(e)
                if smtp.security == Security::StartTls
                    && e.to_string().contains("STARTTLS is not supported") =>
            {
                Err(MailError::NoStartTls)
            }
            Err(e) => Err(MailError::Smtp {
                security: smtp.security.describe(),
                reason: e.to_string(),
            }),
        }
    }

    /// The mails kept in memory so far (empty when mail goes to the log or SMTP).
    /// Whether mail leaves this machine (an SMTP server), rather than the log or memory.
    pub fn goes_out(&self) -> bool {
        matches!(self.target, Target::Smtp(_))
    }

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

/// The parts of `smtp[s]://[user:password@]host[:port][?tls=starttls]`.
struct UrlParts {
    security: Security,
    host: String,
    port: u16,
    credentials: Option<(String, String)>,
}

/// Reads an SMTP URL; user and password may be percent-encoded (`%40` for `@`).
fn parse_url(url: &str) -> Result<UrlParts, String> {
    let (mut security, rest) = if let Some(rest) = url.strip_prefix("smtps://") {
        (Security::Tls, rest)
    } else if let Some(rest) = url.strip_prefix("smtp://") {
        (Security::Plain, rest)
    } else {
        return Err("it does not start with smtp:// or smtps://".to_string());
    };
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    match query {
        None => {}
        Some("tls=starttls") if security == Security::Plain => security = Security::StartTls,
        Some("tls=starttls") => {
            return Err(
                "smtps:// is TLS already; ?tls=starttls goes with smtp:// only".to_string(),
            );
        }
        Some(q) => {
            return Err(format!(
                "the option {q:?} is unknown; only ?tls=starttls (after smtp://) is understood"
            ));
        }
    }
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
    let default_port = match security {
        Security::Plain => 25,
        Security::Tls => 465,
        Security::StartTls => 587,
    };
    let (host, port) = match hostport.rsplit_once(':') {
        Some((h, p)) => (
            h,
            p.parse::<u16>()
                .map_err(|_| format!("the port {p:?} is not a number"))?,
        ),
        None => (hostport, default_port),
    };
    if host.is_empty() || host.contains(['/', '?', '#']) {
        return Err("the host is missing or has a path after it".into());
    }
    Ok(UrlParts {
        security,
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
        let e = Mailer::smtp("imap://u:geheim@host:993", "a@example.nl").unwrap_err();
        assert!(e.to_string().contains("smtps://"), "{e}");
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

    #[test]
    fn each_scheme_has_its_security_and_port() {
        let plain = parse_url("smtp://relay.local").unwrap();
        assert_eq!((plain.security, plain.port), (Security::Plain, 25));

        let tls = parse_url("smtps://u:p@mail.example.nl").unwrap();
        assert_eq!((tls.security, tls.port), (Security::Tls, 465));
        assert_eq!(tls.host, "mail.example.nl");
        assert_eq!(
            parse_url("smtps://mail.example.nl:2465").unwrap().port,
            2465
        );

        let start = parse_url("smtp://u:p@mail.example.nl?tls=starttls").unwrap();
        assert_eq!((start.security, start.port), (Security::StartTls, 587));
        assert_eq!(start.credentials, Some(("u".into(), "p".into())));
        let start = parse_url("smtp://mail.example.nl:2525/?tls=starttls").unwrap();
        assert_eq!((start.security, start.port), (Security::StartTls, 2525));

        for url in [
            "smtps://u:p@mail.example.nl",
            "smtp://u:p@mail.example.nl:587?tls=starttls",
            "smtps://127.0.0.1:465",
        ] {
            assert!(Mailer::smtp(url, "r@example.nl").is_ok(), "{url}");
        }
    }

    #[test]
    fn scheme_errors_say_what_is_wrong() {
        let cases = [
            (
                "smtps://u:geheim@host?tls=starttls",
                "smtps:// is TLS already",
            ),
            ("smtp://u:geheim@host?tls=yes", "only ?tls=starttls"),
            ("smtp://u:geheim@host?starttls", "only ?tls=starttls"),
            ("smtps://u:geheim@:465", "the host is missing"),
            ("smtps://u:geheim@host:tls", "is not a number"),
            ("smtp://naam@host?tls=starttls", "has no password"),
            ("smtps:/host", "does not start with smtp:// or smtps://"),
        ];
        for (url, want) in cases {
            let e = Mailer::smtp(url, "r@example.nl").unwrap_err().to_string();
            assert!(e.contains(want), "{url}: {e}");
            assert!(!e.contains("geheim"), "the password leaked: {e}");
        }
    }
}
