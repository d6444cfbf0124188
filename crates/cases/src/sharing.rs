//! Sharing a case with an advocate: the owner invites an e-mail address with a role (read or
//! contribute) and an optional last day; the advocate accepts through the secret link, logged in
//! with the invited address; the owner can revoke at any time. The store writes every change to
//! the audit log.

use store::{Actor, Role, Share, Store, new_id};

use crate::CaseError;

/// What an owner typed to invite someone.
pub struct Invite<'a> {
    pub email: &'a str,
    /// `read` or `contribute`.
    pub role: &'a str,
    /// The last day of access as typed (see [`crate::parse_date`]), or empty for no end.
    pub until: &'a str,
}

/// Why an invitation is refused; the text of each is its [`InviteRefused::key`], except a
/// date, whose text says what was understood of it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InviteRefused {
    #[error("not an e-mail address")]
    Email,
    #[error("not a role an advocate can have")]
    Role,
    #[error("not a date: {0}")]
    Date(calendar::TypedDateError),
}

impl InviteRefused {
    pub fn key(&self) -> &'static str {
        match self {
            InviteRefused::Email => "account-error-email",
            InviteRefused::Role => "share-error-role",
            InviteRefused::Date(_) => "event-error-date",
        }
    }
}

/// Adds an invitation to the case; the caller sends its link ([`Share::token`]).
pub async fn invite(
    store: &dyn Store,
    case_id: &str,
    invite: &Invite<'_>,
    actor: &Actor,
) -> Result<Result<Share, InviteRefused>, CaseError> {
    let email = invite.email.trim();
    let role = match invite.role {
        "read" => Some(Role::Read),
        "contribute" => Some(Role::Contribute),
        _ => None,
    };
    let until = match invite.until.trim() {
        "" => Ok(None),
        d => crate::parse_date(d).map(Some),
    };
    if !email.contains('@') || email.len() > 254 {
        return Ok(Err(InviteRefused::Email));
    }
    let Some(role) = role else {
        return Ok(Err(InviteRefused::Role));
    };
    let until = match until {
        Ok(u) => u,
        Err(e) => return Ok(Err(InviteRefused::Date(e))),
    };
    // Access ends at the end of the chosen day in the Netherlands.
    let expires_at = until.and_then(|d| {
        d.tomorrow()
            .ok()?
            .in_tz("Europe/Amsterdam")
            .ok()
            .map(|z| z.timestamp().as_second())
    });
    let share = Share {
        id: new_id(),
        case_id: case_id.to_string(),
        email: email.to_string(),
        role,
        user_id: None,
        token: format!("{}{}", new_id(), new_id()),
        created_at: actor.now,
        expires_at,
        revoked_at: None,
    };
    store.add_share(&share, actor).await?;
    Ok(Ok(share))
}

/// The state of a share at `now`, as the owner sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareState {
    Revoked,
    Expired,
    /// Accepted and in force.
    Active,
    /// Not accepted yet.
    Invited,
}

impl ShareState {
    pub fn of(share: &Share, now: i64) -> ShareState {
        if share.revoked_at.is_some() {
            ShareState::Revoked
        } else if share.expires_at.is_some_and(|e| e <= now) {
            ShareState::Expired
        } else if share.user_id.is_some() {
            ShareState::Active
        } else {
            ShareState::Invited
        }
    }

    /// Whether the share still gives (or will give) access.
    pub fn in_force(self) -> bool {
        matches!(self, ShareState::Active | ShareState::Invited)
    }

    pub fn key(self) -> &'static str {
        match self {
            ShareState::Revoked => "share-state-revoked",
            ShareState::Expired => "share-state-expired",
            ShareState::Active => "share-state-active",
            ShareState::Invited => "share-state-invited",
        }
    }
}

/// Why an invitation cannot be accepted; the text of each is its [`NotUsable::key`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NotUsable {
    #[error("no such invitation")]
    Unknown,
    #[error("the invitation was revoked or has ended")]
    Ended,
    #[error("another account accepted the invitation")]
    Used,
    #[error("the invitation is for another e-mail address")]
    OtherAddress,
}

impl NotUsable {
    pub fn key(self) -> &'static str {
        match self {
            NotUsable::Unknown => "invitation-unknown",
            NotUsable::Ended => "invitation-ended",
            NotUsable::Used => "invitation-used",
            NotUsable::OtherAddress => "invitation-other-address",
        }
    }
}

/// The invitation behind `token`, if the account (`user_id`, `email`) may accept it at `now`.
pub async fn usable(
    store: &dyn Store,
    token: &str,
    user_id: &str,
    email: &str,
    now: i64,
) -> Result<Result<Share, NotUsable>, CaseError> {
    let Some(share) = store.share_by_token(token).await? else {
        return Ok(Err(NotUsable::Unknown));
    };
    if share.revoked_at.is_some() || share.expires_at.is_some_and(|e| e <= now) {
        return Ok(Err(NotUsable::Ended));
    }
    if share.user_id.as_deref().is_some_and(|u| u != user_id) {
        return Ok(Err(NotUsable::Used));
    }
    if !share.email.eq_ignore_ascii_case(email) {
        return Ok(Err(NotUsable::OtherAddress));
    }
    Ok(Ok(share))
}

/// Accepts the invitation behind `token` for the acting account (address `email`); returns the
/// case it opens.
pub async fn accept(
    store: &dyn Store,
    token: &str,
    email: &str,
    actor: &Actor,
) -> Result<Result<String, NotUsable>, CaseError> {
    match usable(store, token, &actor.user_id, email, actor.now).await? {
        Ok(share) => {
            store.accept_share(&share.id, actor).await?;
            Ok(Ok(share.case_id))
        }
        Err(e) => Ok(Err(e)),
    }
}

/// Ends a share of the case.
pub async fn revoke(
    store: &dyn Store,
    case_id: &str,
    share_id: &str,
    actor: &Actor,
) -> Result<(), CaseError> {
    Ok(store.revoke_share(case_id, share_id, actor).await?)
}
