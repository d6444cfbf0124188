//! Combined procedures: the coordinator's page of groups (`/organisatie/bundelen`): cases whose
//! parents consented (`sharing::consent`) and that name the same school board or
//! samenwerkingsverband, so that a lawyer can combine procedures.
//!
//! The group page shows only groups of two or more cases, and per case only its title and
//! current step; a case links to its page only for a coordinator who already has a role in it.
//! Families never see this page, and a case without (or with withdrawn) consent is never on it.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use store::{OrgRole, Role};

use super::case_ref;
use super::members::OrgUser;
use crate::http::auth::now;
use crate::http::error::PageError;
use crate::http::error::store_error;
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::state::AppState;
use cases::access::{Action, allows};

struct GroupCase {
    title: String,
    /// The case's reference, since several cases may have the same title.
    case_ref: String,
    step: String,
    /// The case page, when the coordinator has a role in the case.
    href: Option<String>,
}

struct Group {
    /// "Schoolbestuur" or "Samenwerkingsverband".
    kind: String,
    name: String,
    cases: Vec<GroupCase>,
}

#[derive(Template)]
#[template(path = "groups.html")]
struct GroupsPage {
    layout: Layout,
    groups: Vec<Group>,
}

/// Names are compared without regard to case and surrounding spaces; inner runs of spaces count
/// as one, since people type names in many ways.
fn group_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The page of a case that this role may open: the case itself, or only its summary (a help
/// request at summary level), as [`cases::access`] says.
fn case_link(case_id: &str, role: Role) -> Option<String> {
    if allows(role, Action::ReadCase) {
        Some(format!("/dossiers/{case_id}"))
    } else if allows(role, Action::ReadSummary) {
        Some(format!("/dossiers/{case_id}/samenvatting"))
    } else {
        None
    }
}

/// The spelling most cases use; on a tie the first in sort order, so the page does not change
/// between visits.
fn shown_name(mut spellings: Vec<String>) -> String {
    spellings.sort();
    let mut best = (0, String::new());
    for s in &spellings {
        let n = spellings.iter().filter(|x| *x == s).count();
        if n > best.0 {
            best = (n, s.clone());
        }
    }
    best.1
}

/// `GET /organisatie/bundelen`: coordinators and admins.
pub async fn page(
    State(state): State<AppState>,
    lang: Lang,
    org: OrgUser,
) -> Result<Response, Response> {
    let fail = |e: PageError| e.page(lang);
    org.require(OrgRole::Coordinator)
        .map_err(|d| d.page(lang))?;
    let user = &org.user;
    let i = Tr { lang };
    let store = &state.store;
    let consented = store
        .consented_cases()
        .await
        .map_err(|e| fail(store_error(e)))?;
    // (role, key) -> (the spellings of the name, case indexes); a case counts once per group.
    let mut grouped: BTreeMap<(String, String), (Vec<String>, Vec<usize>)> = BTreeMap::new();
    for (n, c) in consented.iter().enumerate() {
        for p in &c.parties {
            let key = group_key(&p.name);
            if key.is_empty() {
                continue;
            }
            let entry = grouped.entry((p.role.clone(), key)).or_default();
            entry
                .0
                .push(p.name.split_whitespace().collect::<Vec<_>>().join(" "));
            if !entry.1.contains(&n) {
                entry.1.push(n);
            }
        }
    }
    let actor = user.actor();
    let mut groups = Vec::new();
    for ((role, _), (spellings, mut members)) in grouped {
        if members.len() < 2 {
            continue;
        }
        let name = shown_name(spellings);
        members.sort_by(|a, b| consented[*a].case.title.cmp(&consented[*b].case.title));
        let mut cases = Vec::new();
        for n in members {
            let case = &consented[n].case;
            let step = match state.case_advice(&case.id).await.map_err(fail)? {
                Some(ca) => state
                    .lib_for(lang)
                    .k
                    .step(&ca.advice.current)
                    .map(|s| s.title.clone())
                    .unwrap_or_default(),
                None => i.t("groups-no-step"),
            };
            let role_in_case = store
                .role_in_case(&case.id, &user.user.id, now())
                .await
                .map_err(|e| fail(store_error(e)))?;
            // The parent sees in the case's audit log that the coordinator saw it in a group.
            store
                .log_access(&case.id, &actor, "combine.read")
                .await
                .map_err(|e| fail(store_error(e)))?;
            cases.push(GroupCase {
                title: case.title.clone(),
                case_ref: case_ref::label(i, &case.id),
                step,
                href: role_in_case.and_then(|r| case_link(&case.id, r)),
            });
        }
        groups.push(Group {
            kind: i.t(&format!("groups-kind-{role}")),
            name,
            cases,
        });
    }
    let page = GroupsPage {
        layout: Layout::new(lang, "groups-title", "/organisatie/bundelen"),
        groups,
    };
    Ok(render(&page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_role_links_to_the_summary_only() {
        assert_eq!(case_link("c1", Role::Read).as_deref(), Some("/dossiers/c1"));
        assert_eq!(
            case_link("c1", Role::Summary).as_deref(),
            Some("/dossiers/c1/samenvatting")
        );
    }

    #[test]
    fn names_match_without_case_and_extra_spaces() {
        assert_eq!(
            group_key("  Stichting  PRIMO "),
            group_key("stichting primo")
        );
        assert_ne!(group_key("Stichting Primo"), group_key("Stichting Prima"));
        assert_eq!(group_key("   "), "");
    }

    #[test]
    fn the_shown_name_is_the_most_used_spelling() {
        let spellings = ["stichting primo", "Stichting Primo", "Stichting Primo"];
        assert_eq!(
            shown_name(spellings.iter().map(|s| s.to_string()).collect()),
            "Stichting Primo"
        );
        let tie = ["stichting primo", "Stichting Primo"];
        assert_eq!(
            shown_name(tie.iter().map(|s| s.to_string()).collect()),
            "Stichting Primo"
        );
    }
}
