//! Help from the organisation: a parent asks for help on their case, choosing how much the
//! organisation may see (only the summary, or reading the case); a coordinator assigns the
//! request to a member, who then has that role in the case until the parent revokes it. One
//! open request per case, so a coordinator never has two for the same family.

use store::{Actor, HelpLevel, HelpRequest, Store, User, new_id};

use crate::CaseError;

/// The longest message a parent can send with a request.
pub const MAX_MESSAGE: usize = 2000;

/// Why a request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AskRefused {
    /// The case has an open request: a second would only confuse the coordinator.
    #[error("the case already has an open help request")]
    AlreadyOpen,
    #[error("not a level of access")]
    Level,
    #[error("the message is longer than {MAX_MESSAGE} characters")]
    TooLong,
}

/// Sends a help request for the case at `level` (`summary` or `read`) with a message.
pub async fn ask(
    store: &dyn Store,
    case_id: &str,
    level: &str,
    message: &str,
    actor: &Actor,
) -> Result<Result<HelpRequest, AskRefused>, CaseError> {
    let message = message.trim().to_string();
    let level = HelpLevel::parse(level);
    let already_open = store
        .help_requests_of_case(case_id)
        .await?
        .iter()
        .any(|h| h.revoked_at.is_none());
    if already_open {
        return Ok(Err(AskRefused::AlreadyOpen));
    }
    let Some(level) = level else {
        return Ok(Err(AskRefused::Level));
    };
    if message.chars().count() > MAX_MESSAGE {
        return Ok(Err(AskRefused::TooLong));
    }
    let request = HelpRequest {
        id: new_id(),
        case_id: case_id.to_string(),
        requested_by: actor.user_id.clone(),
        message,
        level,
        assigned_to: None,
        created_at: actor.now,
        assigned_at: None,
        revoked_at: None,
    };
    store.create_help_request(&request, actor).await?;
    Ok(Ok(request))
}

/// The open request `help_id` of the case, or `None`.
pub async fn open_request(
    store: &dyn Store,
    case_id: &str,
    help_id: &str,
) -> Result<Option<HelpRequest>, CaseError> {
    Ok(store
        .help_request(help_id)
        .await?
        .filter(|h| h.case_id == case_id && h.revoked_at.is_none()))
}

/// Sets how much the organisation may see through `request`; nothing is written when it stays
/// the same.
pub async fn change_level(
    store: &dyn Store,
    request: &HelpRequest,
    level: HelpLevel,
    actor: &Actor,
) -> Result<(), CaseError> {
    if level != request.level {
        store.set_help_level(&request.id, level, actor).await?;
    }
    Ok(())
}

/// Ends the request: nobody of the organisation has access through it any more.
pub async fn revoke(
    store: &dyn Store,
    request: &HelpRequest,
    actor: &Actor,
) -> Result<(), CaseError> {
    store.revoke_help_request(&request.id, actor).await?;
    Ok(())
}

/// Assigns the request to the member `volunteer_id`; returns the member, or `None` when they
/// are no member or there is no such open request.
pub async fn assign(
    store: &dyn Store,
    help_id: &str,
    volunteer_id: &str,
    actor: &Actor,
) -> Result<Option<User>, CaseError> {
    let volunteer = store
        .org_members()
        .await?
        .into_iter()
        .find(|(u, _)| u.id == volunteer_id)
        .map(|(u, _)| u);
    // Only a member can be assigned; anything else is a form that was not ours.
    let Some(volunteer) = volunteer else {
        return Ok(None);
    };
    if !store
        .assign_help_request(help_id, &volunteer.id, actor)
        .await?
    {
        return Ok(None);
    }
    Ok(Some(volunteer))
}
