//! The one door to a case: every route under `/dossiers/{case}` takes a [`CaseAccess`], which
//! needs a login, finds the [`Action`] of the route in [`CASE_ROUTES`], and asks
//! [`cases::access::open`] whether the caller's role allows it. No handler reads a case any
//! other way. Reads by anyone but the owner go to the case's audit log.

use std::collections::HashMap;

use axum::extract::{FromRequestParts, MatchedPath, Path};
use axum::http::Method;
use axum::http::request::Parts;
use axum::response::Response;
use cases::access::{Action, Denied};
use store::{Actor, Case, Role};

use crate::http::auth::{SignedIn, now};
use crate::http::error::{PageError, case_error, store_error};
use crate::http::i18n::Lang;
use crate::http::state::AppState;

/// The action of each case route, by method and route pattern. A route missing here needs the
/// owner. The authorisation matrix test walks this table.
pub const CASE_ROUTES: &[(&str, &str, Action)] = &[
    ("GET", "/dossiers/{case}", Action::ReadCase),
    ("POST", "/dossiers/{case}/gebeurtenissen", Action::AddEvent),
    (
        "GET",
        "/dossiers/{case}/gebeurtenissen/{event}",
        Action::EditEvent,
    ),
    (
        "POST",
        "/dossiers/{case}/gebeurtenissen/{event}",
        Action::EditEvent,
    ),
    (
        "GET",
        "/dossiers/{case}/bijlagen/{attachment}",
        Action::ReadAttachment,
    ),
    ("POST", "/dossiers/{case}/kinderen", Action::EditPeople),
    (
        "GET",
        "/dossiers/{case}/kinderen/{child}",
        Action::EditPeople,
    ),
    (
        "POST",
        "/dossiers/{case}/kinderen/{child}",
        Action::EditPeople,
    ),
    (
        "POST",
        "/dossiers/{case}/kinderen/{child}/verwijderen",
        Action::EditPeople,
    ),
    ("POST", "/dossiers/{case}/partijen", Action::EditPeople),
    (
        "GET",
        "/dossiers/{case}/partijen/{party}",
        Action::EditPeople,
    ),
    (
        "POST",
        "/dossiers/{case}/partijen/{party}",
        Action::EditPeople,
    ),
    (
        "POST",
        "/dossiers/{case}/partijen/{party}/verwijderen",
        Action::EditPeople,
    ),
    (
        "POST",
        "/dossiers/{case}/stappen/{step}",
        Action::RecordOutcome,
    ),
    // Preparing a conversation of the route; `{step}.pdf` is the same on paper.
    (
        "GET",
        "/dossiers/{case}/gesprek/{step}",
        Action::ReadConversation,
    ),
    (
        "POST",
        "/dossiers/{case}/gesprek/{step}",
        Action::RecordConversation,
    ),
    (
        "POST",
        "/dossiers/{case}/gesprek/{step}/doel",
        Action::RecordConversation,
    ),
    ("POST", "/dossiers/{case}/antwoorden", Action::SaveAnswers),
    ("GET", "/dossiers/{case}/antwoorden", Action::ReadAnswers),
    (
        "GET",
        "/dossiers/{case}/antwoorden/{version}",
        Action::ReadAnswers,
    ),
    // The parent's own words (intake) kept as a note on the timeline.
    (
        "POST",
        "/dossiers/{case}/eigen-woorden",
        Action::SaveOwnWords,
    ),
    ("GET", "/dossiers/{case}/export", Action::Export),
    ("GET", "/dossiers/{case}/dossier.pdf", Action::ReadDossier),
    ("GET", "/dossiers/{case}/dossier.zip", Action::ReadDossier),
    (
        "GET",
        "/dossiers/{case}/brieven/{letter}",
        Action::ReadLetter,
    ),
    (
        "POST",
        "/dossiers/{case}/brieven/{letter}",
        Action::MarkLetterSent,
    ),
    ("POST", "/dossiers/{case}/verwijderen", Action::DeleteCase),
    ("GET", "/dossiers/{case}/delen", Action::ManageSharing),
    ("POST", "/dossiers/{case}/delen", Action::ManageSharing),
    (
        "POST",
        "/dossiers/{case}/delen/{share}/intrekken",
        Action::ManageSharing,
    ),
    // Help from the organisation: the summary is all a help request may give.
    ("GET", "/dossiers/{case}/samenvatting", Action::ReadSummary),
    ("GET", "/dossiers/{case}/hulp", Action::ManageHelp),
    ("POST", "/dossiers/{case}/hulp", Action::ManageHelp),
    (
        "POST",
        "/dossiers/{case}/hulp/{help}/niveau",
        Action::ManageHelp,
    ),
    (
        "POST",
        "/dossiers/{case}/hulp/{help}/intrekken",
        Action::ManageHelp,
    ),
    (
        "GET",
        "/dossiers/{case}/herinneringen",
        Action::ManageReminders,
    ),
    (
        "POST",
        "/dossiers/{case}/herinneringen",
        Action::ManageReminders,
    ),
    // The consent to combine procedures: the parent's own choice.
    ("GET", "/dossiers/{case}/bundelen", Action::ManageConsent),
    ("POST", "/dossiers/{case}/bundelen", Action::ManageConsent),
    (
        "POST",
        "/dossiers/{case}/advies-gelezen",
        Action::ConfirmAdvice,
    ),
];

/// The action of a request; a route that is not in the table is the owner's.
pub fn action_of(method: &Method, pattern: &str) -> Action {
    CASE_ROUTES
        .iter()
        .find(|(m, p, _)| *m == method.as_str() && *p == pattern)
        .map(|(_, _, a)| *a)
        .unwrap_or(Action::DeleteCase)
}

/// The role a request needs.
pub fn needed_role(method: &Method, pattern: &str) -> Role {
    action_of(method, pattern).needs()
}

/// A case the caller may use in this request, and their role in it.
pub struct CaseAccess {
    pub case: Case,
    pub role: Role,
    pub user: SignedIn,
}

impl CaseAccess {
    pub fn actor(&self) -> Actor {
        self.user.actor()
    }

    /// Whether the caller may also do `action` here (to show or hide a form).
    pub fn may(&self, action: Action) -> bool {
        cases::access::allows(self.role, action)
    }
}

impl FromRequestParts<AppState> for CaseAccess {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let lang = Lang::from_headers(&parts.headers);
        let user = SignedIn::from_request_parts(parts, state).await?;
        let pattern = parts
            .extensions
            .get::<MatchedPath>()
            .map(|p| p.as_str().to_string())
            .unwrap_or_default();
        let params: Path<HashMap<String, String>> = Path::from_request_parts(parts, state)
            .await
            .map_err(|_| PageError::NotFound.page(lang))?;
        let case_id = params.get("case").cloned().unwrap_or_default();
        let action = action_of(&parts.method, &pattern);
        let access = cases::access::open(&*state.store, &case_id, &user.user.id, action, now())
            .await
            .map_err(|e| match e {
                Denied::NotFound => PageError::NotFound.page(lang),
                Denied::Forbidden => PageError::Forbidden.page(lang),
                Denied::Store(e) => store_error(e).page(lang),
            })?;
        if access.role != Role::Owner && parts.method == Method::GET {
            cases::audit::read(&*state.store, &access.case.id, &user.actor(), &pattern)
                .await
                .map_err(|e| case_error(e).page(lang))?;
        }
        Ok(CaseAccess {
            case: access.case,
            role: access.role,
            user,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every case route in the router is in [`CASE_ROUTES`], so the matrix test walks it.
    #[test]
    fn every_case_route_is_in_the_table() {
        let router = include_str!("../router.rs");
        let mut found = 0;
        for piece in router
            .split('"')
            .filter(|p| p.starts_with("/dossiers/{case}"))
        {
            found += 1;
            assert!(
                CASE_ROUTES.iter().any(|(_, p, _)| *p == piece),
                "{piece} is not in CASE_ROUTES"
            );
        }
        assert!(
            found >= 10,
            "the router's case routes were not found ({found})"
        );
    }
}
