//! The parents' organisation: who works for it in which role, and the help requests parents send
//! it about a case.
//!
//! An organisation role is separate from a role in a case ([`crate::Role`]): being a coordinator
//! gives no access to any case by itself. Access comes from a help request. While a request is
//! open (not revoked), coordinators and admins may read the case's summary to triage it; the
//! volunteer it is assigned to may read the summary or the whole case, as the parent chose.
//! Organisation access only counts for an account that is still a member and has the second
//! factor (TOTP) switched on: the store checks this in `role_in_case` and `cases_for_user`.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::{Actor, StoreError, User};

/// A role in the organisation. The order matters: a higher role may do all a lower may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgRole {
    /// A volunteer or advocate who helps the families assigned to them.
    Volunteer,
    /// Reads incoming help requests and assigns volunteers.
    Coordinator,
    /// Manages who is a member, and may do all a coordinator may.
    Admin,
}

impl OrgRole {
    /// Every role, lowest first.
    pub const ALL: [OrgRole; 3] = [OrgRole::Volunteer, OrgRole::Coordinator, OrgRole::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgRole::Volunteer => "volunteer",
            OrgRole::Coordinator => "coordinator",
            OrgRole::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<OrgRole> {
        match s {
            "volunteer" => Some(OrgRole::Volunteer),
            "coordinator" => Some(OrgRole::Coordinator),
            "admin" => Some(OrgRole::Admin),
            _ => None,
        }
    }
}

/// What a parent shares with the volunteer who helps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HelpLevel {
    /// Only the summary page: the situation in short, the current step and the next deadlines.
    Summary,
    /// Read access to the whole case, as an advocate with a read share has.
    Read,
}

impl HelpLevel {
    /// The same text as the case role it gives ([`crate::Role::Summary`], [`crate::Role::Read`]).
    pub fn as_str(self) -> &'static str {
        match self {
            HelpLevel::Summary => "summary",
            HelpLevel::Read => "read",
        }
    }

    pub fn parse(s: &str) -> Option<HelpLevel> {
        match s {
            "summary" => Some(HelpLevel::Summary),
            "read" => Some(HelpLevel::Read),
            _ => None,
        }
    }
}

/// A parent's request for help with a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpRequest {
    pub id: String,
    pub case_id: String,
    /// The account that asked (the owner of the case).
    pub requested_by: String,
    /// What the parent wrote with the request; may be empty.
    pub message: String,
    pub level: HelpLevel,
    /// The volunteer who helps, once a coordinator assigned one.
    pub assigned_to: Option<String>,
    pub created_at: i64,
    pub assigned_at: Option<i64>,
    /// When the parent ended the request; after this nobody of the organisation has access.
    pub revoked_at: Option<i64>,
}

/// The organisation's members and help requests. Every change of a help request writes a line
/// to the case's audit log in the same transaction (`help.request`, `help.assign`,
/// `help.level`, `help.revoke`).
#[async_trait]
pub trait OrgStore: Send + Sync {
    /// Gives the account a role in the organisation, or (with `None`) ends its membership.
    /// `actor` says who did it and when.
    async fn set_org_role(
        &self,
        user_id: &str,
        role: Option<OrgRole>,
        actor: &Actor,
    ) -> Result<(), StoreError>;
    /// The account's role in the organisation, if it is a member.
    async fn org_role(&self, user_id: &str) -> Result<Option<OrgRole>, StoreError>;
    /// Every member with their role, by e-mail address.
    async fn org_members(&self) -> Result<Vec<(User, OrgRole)>, StoreError>;

    /// Stores a new help request (its `assigned_to`, `assigned_at` and `revoked_at` as given,
    /// normally `None`).
    async fn create_help_request(
        &self,
        request: &HelpRequest,
        actor: &Actor,
    ) -> Result<(), StoreError>;
    async fn help_request(&self, id: &str) -> Result<Option<HelpRequest>, StoreError>;
    /// The help requests of a case, revoked ones too, oldest first.
    async fn help_requests_of_case(&self, case_id: &str) -> Result<Vec<HelpRequest>, StoreError>;
    /// Every request that is not revoked, newest first: the coordinator's inbox.
    async fn open_help_requests(&self) -> Result<Vec<HelpRequest>, StoreError>;
    /// One page of the inbox: at most `limit` open requests, newest first, after skipping
    /// `offset`; with the number of open requests in all.
    async fn open_help_requests_page(
        &self,
        offset: i64,
        limit: i64,
    ) -> Result<(Vec<HelpRequest>, i64), StoreError>;
    /// The requests assigned to this volunteer that are not revoked, newest first.
    async fn help_requests_assigned_to(
        &self,
        user_id: &str,
    ) -> Result<Vec<HelpRequest>, StoreError>;
    /// Assigns (or re-assigns) an open request to a volunteer. Returns false, and writes
    /// nothing, when the request does not exist or is revoked.
    async fn assign_help_request(
        &self,
        id: &str,
        volunteer_id: &str,
        actor: &Actor,
    ) -> Result<bool, StoreError>;
    /// Changes what an open request shares. Returns false, and writes nothing, when the request
    /// does not exist or is revoked.
    async fn set_help_level(
        &self,
        id: &str,
        level: HelpLevel,
        actor: &Actor,
    ) -> Result<bool, StoreError>;
    /// Ends a request: from `actor.now` on nobody has access through it. Returns false, and
    /// writes nothing, when it does not exist or was revoked before.
    async fn revoke_help_request(&self, id: &str, actor: &Actor) -> Result<bool, StoreError>;
}
