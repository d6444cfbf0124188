//! The rows of accounts and case files, as the store keeps them and every backend returns them.
//!
//! Ids are random text (see [`new_id`]), so a case can be exported from one database and imported
//! into another without renumbering. Times are unix seconds; dates a parent entered are ISO
//! `YYYY-MM-DD` text, kept exactly as entered (the web layer parses them before they get here).

use serde::{Deserialize, Serialize};

/// A fresh random id: 128 random bits as text.
pub fn new_id() -> String {
    tower_sessions::session::Id::default().to_string()
}

/// An account. The e-mail address is unique without regard to case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: String,
    pub email: String,
    /// The argon2id hash in PHC string form.
    pub password_hash: String,
    /// The TOTP secret (base32) when the second factor is on.
    pub totp_secret: Option<String>,
    pub created_at: i64,
}

/// A login: the browser's session points at one of these, so that "log out everywhere" is one
/// delete of all of a user's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthSession {
    pub id: String,
    pub user_id: String,
    pub created_at: i64,
    pub expires_at: i64,
}

/// A case file, owned by one parent account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: String,
    pub owner_id: String,
    pub title: String,
    pub created_at: i64,
}

/// What someone may do with a case. The order matters: a higher role may do all a lower may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A volunteer of the organisation who may read only the case's summary (its situation in
    /// short, the current step and the next deadlines), through a help request.
    Summary,
    /// An advocate who may read.
    Read,
    /// An advocate who may add and edit events.
    Contribute,
    /// The parent whose case it is.
    Owner,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Summary => "summary",
            Role::Read => "read",
            Role::Contribute => "contribute",
            Role::Owner => "owner",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "summary" => Some(Role::Summary),
            "read" => Some(Role::Read),
            "contribute" => Some(Role::Contribute),
            "owner" => Some(Role::Owner),
            _ => None,
        }
    }
}

/// A child in the family of a case. A first name or nickname is enough.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Child {
    pub id: String,
    pub case_id: String,
    pub name: String,
    pub birth_year: Option<i64>,
    /// For example "po", "so", "vo".
    pub school_type: String,
    /// For example "groep 6" or "havo 2".
    pub school_level: String,
}

/// A school or another party in the case (school board, SWV, leerplichtambtenaar, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub id: String,
    pub case_id: String,
    pub name: String,
    /// A role id such as `school`, `schoolbestuur`, `swv`, `leerplichtambtenaar`, `consulent`,
    /// `verzekeraar`.
    pub role: String,
    pub contact: String,
    pub holiday_contact: String,
}

/// One saved version of the intake answers of a case (JSON as the intake keeps it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerVersion {
    pub case_id: String,
    pub version: i64,
    pub answers: String,
    pub saved_at: i64,
    pub saved_by: String,
}

/// An event on the timeline of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub case_id: String,
    /// `conversation`, `email`, `letter`, `decision`, `report`, `complaint` or `meeting`.
    pub kind: String,
    /// ISO date.
    pub date: String,
    pub title: String,
    /// Markdown as the author wrote it; sanitised when shown.
    pub notes: String,
    /// Party ids, comma separated.
    pub parties: String,
    /// The id of a date question of the intake that this event's date answers (for example the
    /// date of a decision, from which deadlines run), or empty.
    #[serde(default)]
    pub sets_date: String,
    /// Raised by one on every edit; an edit names the version it started from.
    pub version: i64,
    pub created_by: String,
    pub updated_at: i64,
}

/// A file attached to an event. The bytes live on disk under the data folder, never served as is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: String,
    pub case_id: String,
    pub event_id: String,
    /// The name the uploader gave; shown, never used as a path.
    pub file_name: String,
    /// The type found from the content: `application/pdf`, `image/png`, `image/jpeg`, or the
    /// DOCX type.
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub created_at: i64,
}

/// The outcome of a route step in this case, from which the route re-plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepOutcome {
    pub case_id: String,
    pub step_id: String,
    pub outcome: String,
    /// ISO date, when the outcome has one.
    pub date: Option<String>,
    pub updated_at: i64,
}

/// Access to a case given to an advocate by e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub id: String,
    pub case_id: String,
    pub email: String,
    pub role: Role,
    /// The account that accepted the invitation, once accepted.
    pub user_id: Option<String>,
    /// The secret in the invitation link.
    pub token: String,
    pub created_at: i64,
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// One line of a case's audit log. Never changed, never deleted (except with the case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub case_id: String,
    pub at: i64,
    /// The account that acted.
    pub actor_id: String,
    /// What happened, as a stable id (`event.add`, `share.revoke`, `case.read`, ...).
    pub action: String,
    /// Which row it concerned, if any.
    pub subject: String,
}

/// Who does a write, and when: every write that changes a case carries this, and the store
/// writes it to the audit log in the same transaction.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: String,
    pub now: i64,
}

/// The result of an edit that names the version it started from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Saved; the new version.
    Saved(i64),
    /// Someone else saved first; this is the version they left.
    Conflict(Box<Event>),
    /// The row is gone.
    Missing,
}

/// The advice a case was shown and its parent took note of, with the content version it was
/// given on: a later change of the content that changes the advice is shown against it, and
/// the older advice stays readable in the case's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdviceSeen {
    pub case_id: String,
    /// 1 for the first, then one more for each.
    pub seq: i64,
    pub content_version: String,
    /// The advice in short (current step, deadlines, warnings), as JSON; sealed at rest.
    pub summary: String,
    pub seen_at: i64,
    /// The account that saw it, or empty when it was recorded as a starting point.
    pub seen_by: String,
}
