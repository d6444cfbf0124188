//! Outgoing mail (invitations, password resets). SMTP is not built in yet: mail is written to the
//! log, or kept in memory for tests ([`Mailer::memory`]).

use std::sync::{Arc, Mutex};

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
    /// `Some` for tests: every mail is kept here instead of logged.
    outbox: Option<Arc<Mutex<Vec<Mail>>>>,
}

impl Mailer {
    /// Mail goes to the log (no SMTP configured).
    pub fn log() -> Self {
        Mailer { outbox: None }
    }

    /// Mail is kept in memory, for tests.
    pub fn memory() -> Self {
        Mailer {
            outbox: Some(Arc::default()),
        }
    }

    pub fn send(&self, to: &str, subject: &str, body: &str) {
        match &self.outbox {
            Some(outbox) => outbox.lock().unwrap_or_else(|e| e.into_inner()).push(Mail {
                to: to.to_string(),
                subject: subject.to_string(),
                body: body.to_string(),
            }),
            None => tracing::info!(
                to,
                subject,
                body,
                "mail (no SMTP configured, so written to the log)"
            ),
        }
    }

    /// The mails kept in memory so far (empty when mail goes to the log).
    pub fn sent(&self) -> Vec<Mail> {
        self.outbox
            .as_ref()
            .map(|o| o.lock().unwrap_or_else(|e| e.into_inner()).clone())
            .unwrap_or_default()
    }
}
