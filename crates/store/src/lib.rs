//! Persistence behind one small trait, so that the web app does not know which database it runs
//! on. `store-sqlite` and `store-postgres` implement it, both from the SQL in `sql/` (the pattern
//! of a trait crate with one crate per backend, as in atuin).
//!
//! It holds the server-side sessions (the intake answers of a visitor without an account),
//! accounts and their logins, and the case files: children, parties, intake answer versions, the
//! timeline of events with attachment metadata, step outcomes, shares with advocates, an
//! append-only audit log, and the personal access tokens of the JSON API. Every write that
//! changes a case writes its audit line in the same transaction ([`Actor`]).
//!
//! [`SessionBackend`] adapts any [`Store`] to `tower_sessions::SessionStore`.

mod api_tokens;
mod case;
mod case_edit;
mod error;
mod groups;
mod org;
mod outcome;
mod reminders;
pub mod seal;
mod session;
mod throttle;

pub use api_tokens::{ApiToken, ApiTokenStore};
pub use case::{
    Actor, AdviceSeen, AnswerVersion, Attachment, AuditEntry, AuthSession, Case, Child, Edit,
    Event, Party, Role, Share, StepOutcome, User, new_id,
};
pub use case_edit::CaseEditStore;
pub use error::StoreError;
pub use groups::{ConsentedCase, GroupStore};
pub use org::{HelpLevel, HelpRequest, OrgRole, OrgStore};
pub use outcome::OutcomeStore;
pub use reminders::{FeedToken, ReminderKey, ReminderStore};
pub use session::{SessionBackend, SessionRow};
pub use throttle::ThrottleStore;

use async_trait::async_trait;

/// Everything the app keeps. Every method is one statement or transaction on the backend.
/// Attachments are stored and read in pieces of this size, so that a download never holds a
/// whole file and an upload is not copied whole once more.
pub const ATTACHMENT_CHUNK: usize = 256 * 1024;

/// How many chunks an attachment of `size` bytes has.
pub fn attachment_chunks(size: i64) -> i64 {
    let chunk = ATTACHMENT_CHUNK as i64;
    (size.max(0) + chunk - 1) / chunk
}

#[async_trait]
pub trait Store:
    std::fmt::Debug
    + Send
    + Sync
    + 'static
    + OrgStore
    + ReminderStore
    + OutcomeStore
    + ThrottleStore
    + GroupStore
    + CaseEditStore
    + ApiTokenStore
{
    /// Inserts a new session; returns false (and writes nothing) when the id is already taken.
    async fn insert_session(&self, row: &SessionRow) -> Result<bool, StoreError>;
    /// Inserts or replaces a session.
    async fn save_session(&self, row: &SessionRow) -> Result<(), StoreError>;
    /// The session with this id, if it exists and has not expired at `now` (unix seconds).
    async fn load_session(&self, id: &str, now: i64) -> Result<Option<SessionRow>, StoreError>;
    async fn delete_session(&self, id: &str) -> Result<(), StoreError>;
    /// Deletes every session that expired before `now`; returns how many. Expired logins and
    /// password-reset links are deleted too (not counted).
    async fn delete_expired_sessions(&self, now: i64) -> Result<u64, StoreError>;
    /// A cheap round trip, for the health endpoint.
    async fn ping(&self) -> Result<(), StoreError>;

    // Accounts and logins.

    /// Adds an account; [`StoreError::Taken`] when the e-mail address (in any case) has one.
    async fn create_user(&self, user: &User) -> Result<(), StoreError>;
    /// The account with this e-mail address, compared without regard to case.
    async fn user_by_email(&self, email: &str) -> Result<Option<User>, StoreError>;
    async fn user_by_id(&self, id: &str) -> Result<Option<User>, StoreError>;
    async fn set_password(&self, user_id: &str, password_hash: &str) -> Result<(), StoreError>;
    async fn set_totp_secret(&self, user_id: &str, secret: Option<&str>) -> Result<(), StoreError>;
    /// Deletes the account, its logins, its cases with everything in them, and its shares.
    /// Returns the ids of the deleted cases, so that their files can be removed.
    async fn delete_user(&self, user_id: &str) -> Result<Vec<String>, StoreError>;
    async fn create_auth_session(&self, session: &AuthSession) -> Result<(), StoreError>;
    /// The account of a login that has not expired at `now`.
    async fn auth_session_user(&self, id: &str, now: i64) -> Result<Option<User>, StoreError>;
    async fn delete_auth_session(&self, id: &str) -> Result<(), StoreError>;
    /// Log out everywhere: deletes every login of the account; returns how many.
    async fn delete_user_auth_sessions(&self, user_id: &str) -> Result<u64, StoreError>;
    /// Keeps a password-reset token (only its hash) for an account until `expires_at`.
    async fn create_password_reset(
        &self,
        token_hash: &str,
        user_id: &str,
        expires_at: i64,
    ) -> Result<(), StoreError>;
    /// The account of a reset token that has not expired at `now`. The token is used up.
    async fn take_password_reset(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<String>, StoreError>;

    /// Replaces the account's second-factor recovery codes (only their hashes); an empty list
    /// removes them.
    async fn set_recovery_codes(
        &self,
        user_id: &str,
        code_hashes: &[String],
    ) -> Result<(), StoreError>;
    /// Uses up one recovery code: true when the account had it; it is gone afterwards.
    async fn take_recovery_code(&self, user_id: &str, code_hash: &str) -> Result<bool, StoreError>;
    /// How many recovery codes the account has left.
    async fn recovery_codes_left(&self, user_id: &str) -> Result<u64, StoreError>;

    // Cases and who may see them.

    async fn create_case(&self, case: &Case, actor: &Actor) -> Result<(), StoreError>;
    async fn case_by_id(&self, id: &str) -> Result<Option<Case>, StoreError>;
    /// The cases this account owns or has an accepted, unrevoked, unexpired share of.
    async fn cases_for_user(
        &self,
        user_id: &str,
        now: i64,
    ) -> Result<Vec<(Case, Role)>, StoreError>;
    /// The role of this account in this case at `now`, or `None`. The one source of truth for
    /// authorisation.
    async fn role_in_case(
        &self,
        case_id: &str,
        user_id: &str,
        now: i64,
    ) -> Result<Option<Role>, StoreError>;
    /// Deletes the case and everything in it, the audit log included.
    async fn delete_case(&self, case_id: &str) -> Result<(), StoreError>;
    /// Writes a line to the audit log without changing the case (a read by an advocate, an
    /// export).
    async fn log_access(
        &self,
        case_id: &str,
        actor: &Actor,
        action: &str,
    ) -> Result<(), StoreError>;
    /// One line each in the audit logs of several cases, in one transaction: a page that
    /// lists many cases (a caseload, the inbox, a calendar feed) logs its reads with one write.
    async fn log_access_many(
        &self,
        case_ids: &[&str],
        actor: &Actor,
        action: &str,
    ) -> Result<(), StoreError>;
    async fn audit_log(&self, case_id: &str) -> Result<Vec<AuditEntry>, StoreError>;

    // The contents of a case.

    async fn save_child(&self, child: &Child, actor: &Actor) -> Result<(), StoreError>;
    async fn children(&self, case_id: &str) -> Result<Vec<Child>, StoreError>;
    async fn save_party(&self, party: &Party, actor: &Actor) -> Result<(), StoreError>;
    async fn parties(&self, case_id: &str) -> Result<Vec<Party>, StoreError>;
    /// Saves the answers as the next version; returns its number.
    async fn save_answers(
        &self,
        case_id: &str,
        answers: &str,
        actor: &Actor,
    ) -> Result<i64, StoreError>;
    async fn latest_answers(&self, case_id: &str) -> Result<Option<AnswerVersion>, StoreError>;
    async fn answer_versions(&self, case_id: &str) -> Result<Vec<AnswerVersion>, StoreError>;
    /// Adds an event at version 1.
    async fn add_event(&self, event: &Event, actor: &Actor) -> Result<(), StoreError>;
    /// Saves `event` when the stored version is still `event.version`; the stored one is
    /// returned on a conflict so that the editor can compare.
    async fn update_event(&self, event: &Event, actor: &Actor) -> Result<Edit, StoreError>;
    async fn event(&self, case_id: &str, event_id: &str) -> Result<Option<Event>, StoreError>;
    /// The events of a case, oldest date first.
    async fn events(&self, case_id: &str) -> Result<Vec<Event>, StoreError>;
    /// Keeps an attachment's row and its bytes (in chunks of [`ATTACHMENT_CHUNK`]) in one
    /// transaction: after a crash there is either both or neither.
    async fn add_attachment(
        &self,
        attachment: &Attachment,
        bytes: &[u8],
        actor: &Actor,
    ) -> Result<(), StoreError>;
    async fn attachments(&self, case_id: &str) -> Result<Vec<Attachment>, StoreError>;
    /// Chunk `seq` (from 0) of an attachment of `case_id`; `None` past the last chunk or for an
    /// attachment of another case. An attachment of `size` bytes has
    /// [`attachment_chunks(size)`](attachment_chunks) chunks.
    async fn attachment_chunk(
        &self,
        case_id: &str,
        attachment_id: &str,
        seq: i64,
    ) -> Result<Option<Vec<u8>>, StoreError>;
    /// Attachments whose bytes are not in the store yet (kept in a data folder by an older
    /// version), for the move into the store.
    async fn attachments_without_bytes(&self) -> Result<Vec<Attachment>, StoreError>;
    /// Stores the bytes of an attachment that has none yet, in one transaction; `false` when it
    /// has bytes already (so a move that is run twice does nothing the second time).
    async fn put_attachment_bytes(
        &self,
        attachment: &Attachment,
        bytes: &[u8],
    ) -> Result<bool, StoreError>;
    async fn save_step_outcome(
        &self,
        outcome: &StepOutcome,
        actor: &Actor,
    ) -> Result<(), StoreError>;
    /// Adds `seen` (its `seq` is given by the store) and returns its `seq`.
    async fn add_advice_seen(&self, seen: &AdviceSeen) -> Result<i64, StoreError>;
    /// Every advice the case was shown and recorded, oldest first.
    async fn advice_seen(&self, case_id: &str) -> Result<Vec<AdviceSeen>, StoreError>;
    async fn step_outcomes(&self, case_id: &str) -> Result<Vec<StepOutcome>, StoreError>;

    // Sharing.

    async fn add_share(&self, share: &Share, actor: &Actor) -> Result<(), StoreError>;
    async fn shares(&self, case_id: &str) -> Result<Vec<Share>, StoreError>;
    async fn share_by_token(&self, token: &str) -> Result<Option<Share>, StoreError>;
    /// Binds an invitation to the account that accepted it.
    async fn accept_share(&self, share_id: &str, actor: &Actor) -> Result<(), StoreError>;
    async fn revoke_share(
        &self,
        case_id: &str,
        share_id: &str,
        actor: &Actor,
    ) -> Result<(), StoreError>;
}
