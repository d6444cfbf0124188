//! Who may do what with a case. Every thing a person can do with a case is one [`Action`]; each
//! action needs one [`Role`] ([`Action::needs`]), and a higher role may do all that a lower one
//! may. [`open`] is the one way to get at a case: it finds the caller's role in the store and
//! refuses the action when that role is too low. The role matrix is tested as a table below.

use store::{Case, Role, Store};

/// Something a person can do with a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// See the case's summary: its situation in short, the current step, the next deadlines.
    ReadSummary,
    /// See the case page: route, timeline, children and parties.
    ReadCase,
    /// Download an attachment.
    ReadAttachment,
    /// See the answer versions.
    ReadAnswers,
    /// Download the dossier (PDF or ZIP) for an onderwijsconsulent or lawyer.
    ReadDossier,
    /// Open a letter filled from the case.
    ReadLetter,
    /// Add an event to the timeline.
    AddEvent,
    /// Edit an event of the timeline.
    EditEvent,
    /// Add, edit or remove children and parties.
    EditPeople,
    /// Record how a route step went.
    RecordOutcome,
    /// Put a sent letter on the timeline.
    MarkLetterSent,
    /// Save the intake of the session as the case's next answer version.
    SaveAnswers,
    /// Download everything in the case as one file.
    Export,
    /// Delete the case for good.
    DeleteCase,
    /// Invite advocates, see who has access and the audit log, revoke access.
    ManageSharing,
    /// Ask the organisation for help, change or end a help request.
    ManageHelp,
    /// Turn deadline reminders on or off.
    ManageReminders,
    /// Give or withdraw consent to combine procedures.
    ManageConsent,
    /// Take note of advice that changed because the content changed.
    ConfirmAdvice,
    /// See the preparation of a conversation of the route, on screen or as PDF.
    ReadConversation,
    /// Save the goal for a conversation, or record how it went (what was agreed, the outcome).
    RecordConversation,
    /// Put what the parent wrote in their own words on the timeline, as a note.
    SaveOwnWords,
}

impl Action {
    /// Every action, for tests and tables.
    pub const ALL: [Action; 22] = [
        Action::ReadSummary,
        Action::ReadCase,
        Action::ReadAttachment,
        Action::ReadAnswers,
        Action::ReadDossier,
        Action::ReadLetter,
        Action::AddEvent,
        Action::EditEvent,
        Action::EditPeople,
        Action::RecordOutcome,
        Action::MarkLetterSent,
        Action::SaveAnswers,
        Action::Export,
        Action::DeleteCase,
        Action::ManageSharing,
        Action::ManageHelp,
        Action::ManageReminders,
        Action::ManageConsent,
        Action::ConfirmAdvice,
        Action::ReadConversation,
        Action::RecordConversation,
        Action::SaveOwnWords,
    ];

    /// The lowest role that may do this. A summary is all a help request gives; advocates read
    /// or contribute to the timeline; what changes the case as a whole, or who sees it, is the
    /// parent's alone.
    pub const fn needs(self) -> Role {
        match self {
            Action::ReadSummary => Role::Summary,
            Action::ReadCase
            | Action::ReadAttachment
            | Action::ReadAnswers
            | Action::ReadDossier
            | Action::ReadLetter
            | Action::ReadConversation => Role::Read,
            Action::AddEvent
            | Action::EditEvent
            | Action::EditPeople
            | Action::RecordOutcome
            | Action::MarkLetterSent
            | Action::RecordConversation
            | Action::SaveOwnWords => Role::Contribute,
            Action::SaveAnswers
            | Action::Export
            | Action::DeleteCase
            | Action::ManageSharing
            | Action::ManageHelp
            | Action::ManageReminders
            | Action::ManageConsent
            | Action::ConfirmAdvice => Role::Owner,
        }
    }
}

/// Whether `role` may do `action`.
pub fn allows(role: Role, action: Action) -> bool {
    role >= action.needs()
}

/// A case the caller may use for one action, with their role in it.
#[derive(Debug, Clone)]
pub struct Access {
    pub case: Case,
    pub role: Role,
    pub user_id: String,
}

impl Access {
    /// Who acts, now: what every write carries into the audit log.
    pub fn actor(&self) -> store::Actor {
        store::Actor {
            user_id: self.user_id.clone(),
            now: crate::now(),
        }
    }

    /// Whether the caller may also do `action` (to show or hide a form).
    pub fn may(&self, action: Action) -> bool {
        allows(self.role, action)
    }
}

/// Why a case cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum Denied {
    /// No such case, or the caller has no part in it: its existence is not theirs to know.
    #[error("no such case")]
    NotFound,
    /// The caller has a part in the case, but a role too low for the action.
    #[error("not allowed")]
    Forbidden,
    #[error(transparent)]
    Store(#[from] store::StoreError),
}

/// The case `case_id` for `user_id` to do `action` at `now` (unix seconds), or why not.
pub async fn open(
    store: &dyn Store,
    case_id: &str,
    user_id: &str,
    action: Action,
    now: i64,
) -> Result<Access, Denied> {
    let Some(role) = store.role_in_case(case_id, user_id, now).await? else {
        return Err(Denied::NotFound);
    };
    if !allows(role, action) {
        return Err(Denied::Forbidden);
    }
    let Some(case) = store.case_by_id(case_id).await? else {
        return Err(Denied::NotFound);
    };
    Ok(Access {
        case,
        role,
        user_id: user_id.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole matrix, written out: a change of who may do what shows up here.
    #[test]
    fn the_role_matrix() {
        use Role::*;
        // (action, summary, read, contribute, owner)
        let table: [(Action, bool, bool, bool, bool); 22] = [
            (Action::ReadSummary, true, true, true, true),
            (Action::ReadCase, false, true, true, true),
            (Action::ReadAttachment, false, true, true, true),
            (Action::ReadAnswers, false, true, true, true),
            (Action::ReadDossier, false, true, true, true),
            (Action::ReadLetter, false, true, true, true),
            (Action::AddEvent, false, false, true, true),
            (Action::EditEvent, false, false, true, true),
            (Action::EditPeople, false, false, true, true),
            (Action::RecordOutcome, false, false, true, true),
            (Action::MarkLetterSent, false, false, true, true),
            (Action::SaveAnswers, false, false, false, true),
            (Action::Export, false, false, false, true),
            (Action::DeleteCase, false, false, false, true),
            (Action::ManageSharing, false, false, false, true),
            (Action::ManageHelp, false, false, false, true),
            (Action::ManageReminders, false, false, false, true),
            (Action::ManageConsent, false, false, false, true),
            (Action::ConfirmAdvice, false, false, false, true),
            (Action::ReadConversation, false, true, true, true),
            (Action::RecordConversation, false, false, true, true),
            (Action::SaveOwnWords, false, false, true, true),
        ];
        for (action, summary, read, contribute, owner) in table {
            for (role, expected) in [
                (Summary, summary),
                (Read, read),
                (Contribute, contribute),
                (Owner, owner),
            ] {
                assert_eq!(allows(role, action), expected, "{role:?} doing {action:?}");
            }
        }
        for action in Action::ALL {
            assert!(
                table.iter().any(|(a, ..)| *a == action),
                "{action:?} is missing from the matrix"
            );
        }
    }
}
