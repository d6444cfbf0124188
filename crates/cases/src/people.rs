//! The children and the parties (schools, boards, SWV, ...) of a case: checking what a person
//! typed, and adding, changing and removing them. The store writes an audit line for each.
//! A first name or nickname is enough for a child; nothing more is asked.

use route::letter::PARTY_ROLES;
use store::{Actor, Child, Party, Store, new_id};

use crate::CaseError;

/// The longest texts kept, in characters.
const MAX_CHILD_NAME: usize = 100;
const MAX_SCHOOL: usize = 50;
const MAX_PARTY_NAME: usize = 200;
const MAX_CONTACT: usize = 1000;
/// The birth years accepted.
const BIRTH_YEARS: std::ops::RangeInclusive<i64> = 1990..=2100;

fn clip(s: &str, max: usize) -> String {
    s.trim().chars().take(max).collect()
}

/// A child as a form posts it.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct ChildInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub birth_year: String,
    #[serde(default)]
    pub school_type: String,
    #[serde(default)]
    pub school_level: String,
}

impl From<Child> for ChildInput {
    fn from(c: Child) -> Self {
        ChildInput {
            name: c.name,
            birth_year: c.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            school_type: c.school_type,
            school_level: c.school_level,
        }
    }
}

/// A party as a form posts it.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct PartyInput {
    #[serde(default)]
    pub name: String,
    /// One of [`PARTY_ROLES`].
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub holiday_contact: String,
}

impl From<Party> for PartyInput {
    fn from(p: Party) -> Self {
        PartyInput {
            name: p.name,
            role: p.role,
            contact: p.contact,
            holiday_contact: p.holiday_contact,
        }
    }
}

/// What is wrong with a child or a party as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("the child has no name")]
    ChildName,
    #[error("the birth year is not a year between 1990 and 2100")]
    ChildYear,
    #[error("the party has no name")]
    PartyName,
    #[error("not a role a party can have")]
    PartyRole,
}

impl Problem {
    /// The form field it is about.
    pub fn field(self) -> &'static str {
        match self {
            Problem::ChildName => "child-name",
            Problem::ChildYear => "child-year",
            Problem::PartyName => "party-name",
            Problem::PartyRole => "party-role",
        }
    }

    /// The key of the text that says what to do.
    pub fn key(self) -> &'static str {
        match self {
            Problem::ChildName => "child-error-name",
            Problem::ChildYear => "child-error-year",
            Problem::PartyName => "party-error-name",
            Problem::PartyRole => "party-error-role",
        }
    }
}

/// The child `id` of the case as typed, checked: every problem at once, so a form shows them
/// all.
pub fn child(input: &ChildInput, id: String, case_id: &str) -> Result<Child, Vec<Problem>> {
    let name = clip(&input.name, MAX_CHILD_NAME);
    let year = match input.birth_year.trim() {
        "" => Ok(None),
        y => y
            .parse::<i64>()
            .ok()
            .filter(|y| BIRTH_YEARS.contains(y))
            .map(Some)
            .ok_or(()),
    };
    let mut problems = Vec::new();
    if name.is_empty() {
        problems.push(Problem::ChildName);
    }
    if year.is_err() {
        problems.push(Problem::ChildYear);
    }
    match year {
        Ok(birth_year) if problems.is_empty() => Ok(Child {
            id,
            case_id: case_id.to_string(),
            name,
            birth_year,
            school_type: clip(&input.school_type, MAX_SCHOOL),
            school_level: clip(&input.school_level, MAX_SCHOOL),
        }),
        _ => Err(problems),
    }
}

/// The party `id` of the case as typed, checked.
pub fn party(input: &PartyInput, id: String, case_id: &str) -> Result<Party, Vec<Problem>> {
    let name = clip(&input.name, MAX_PARTY_NAME);
    let mut problems = Vec::new();
    if name.is_empty() {
        problems.push(Problem::PartyName);
    }
    if !PARTY_ROLES.contains(&input.role.as_str()) {
        problems.push(Problem::PartyRole);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Party {
        id,
        case_id: case_id.to_string(),
        name,
        role: input.role.clone(),
        contact: clip(&input.contact, MAX_CONTACT),
        holiday_contact: clip(&input.holiday_contact, MAX_CONTACT),
    })
}

/// Adds a child to the case.
pub async fn add_child(
    store: &dyn Store,
    case_id: &str,
    input: &ChildInput,
    actor: &Actor,
) -> Result<Result<Child, Vec<Problem>>, CaseError> {
    match child(input, new_id(), case_id) {
        Ok(c) => {
            store.save_child(&c, actor).await?;
            Ok(Ok(c))
        }
        Err(p) => Ok(Err(p)),
    }
}

/// Changes a child of the case; `Ok(Ok(false))` when the case has no such child.
pub async fn update_child(
    store: &dyn Store,
    case_id: &str,
    child_id: &str,
    input: &ChildInput,
    actor: &Actor,
) -> Result<Result<bool, Vec<Problem>>, CaseError> {
    match child(input, child_id.to_string(), case_id) {
        Ok(c) => Ok(Ok(store.update_child(&c, actor).await?)),
        Err(p) => Ok(Err(p)),
    }
}

/// The child with this id in the case.
pub async fn find_child(
    store: &dyn Store,
    case_id: &str,
    child_id: &str,
) -> Result<Option<Child>, CaseError> {
    Ok(store
        .children(case_id)
        .await?
        .into_iter()
        .find(|c| c.id == child_id))
}

/// Removes a child from the case.
pub async fn remove_child(
    store: &dyn Store,
    case_id: &str,
    child_id: &str,
    actor: &Actor,
) -> Result<(), CaseError> {
    store.delete_child(case_id, child_id, actor).await?;
    Ok(())
}

/// Adds a party to the case.
pub async fn add_party(
    store: &dyn Store,
    case_id: &str,
    input: &PartyInput,
    actor: &Actor,
) -> Result<Result<Party, Vec<Problem>>, CaseError> {
    match party(input, new_id(), case_id) {
        Ok(p) => {
            store.save_party(&p, actor).await?;
            Ok(Ok(p))
        }
        Err(p) => Ok(Err(p)),
    }
}

/// Changes a party of the case; `Ok(Ok(false))` when the case has no such party.
pub async fn update_party(
    store: &dyn Store,
    case_id: &str,
    party_id: &str,
    input: &PartyInput,
    actor: &Actor,
) -> Result<Result<bool, Vec<Problem>>, CaseError> {
    match party(input, party_id.to_string(), case_id) {
        Ok(p) => Ok(Ok(store.update_party(&p, actor).await?)),
        Err(p) => Ok(Err(p)),
    }
}

/// The party with this id in the case.
pub async fn find_party(
    store: &dyn Store,
    case_id: &str,
    party_id: &str,
) -> Result<Option<Party>, CaseError> {
    Ok(store
        .parties(case_id)
        .await?
        .into_iter()
        .find(|p| p.id == party_id))
}

/// Removes a party from the case.
pub async fn remove_party(
    store: &dyn Store,
    case_id: &str,
    party_id: &str,
    actor: &Actor,
) -> Result<(), CaseError> {
    store.delete_party(case_id, party_id, actor).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_of_a_form_comes_at_once() {
        let input = ChildInput {
            name: "  ".into(),
            birth_year: "1800".into(),
            ..Default::default()
        };
        assert_eq!(
            child(&input, "c".into(), "k"),
            Err(vec![Problem::ChildName, Problem::ChildYear])
        );
        let input = ChildInput {
            name: " Kim ".into(),
            birth_year: "".into(),
            school_level: "groep 6".into(),
            ..Default::default()
        };
        let c = child(&input, "c".into(), "k").unwrap();
        assert_eq!((c.name.as_str(), c.birth_year), ("Kim", None));
        let p = PartyInput {
            name: "De Regenboog".into(),
            role: "geen-rol".into(),
            ..Default::default()
        };
        assert_eq!(party(&p, "p".into(), "k"), Err(vec![Problem::PartyRole]));
    }
}
