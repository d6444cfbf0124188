//! The children and the parties (schools, boards, SWV, ...) of a case: adding, changing and
//! removing them. Owners and contributing advocates may do all three; the store writes an audit
//! line for each. A refused form comes back on its own page with what was typed and an error
//! summary that links to the field. Removing needs a ticked box, so that a stray click removes
//! nothing.

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use store::{Child, Party, new_id};
use tower_sessions::Session;

use crate::account::store_error;
use crate::app::AppState;
use crate::case_page::{CaseAccess, PARTY_ROLES};
use crate::csrf;
use crate::error::PageError;
use crate::forms::FieldError;
use crate::i18n::{Lang, Tr};
use crate::layout::{Layout, render};

/// The longest texts kept, in characters.
const MAX_CHILD_NAME: usize = 100;
const MAX_SCHOOL: usize = 50;
const MAX_PARTY_NAME: usize = 200;
const MAX_CONTACT: usize = 1000;

fn clip(s: &str, max: usize) -> String {
    s.trim().chars().take(max).collect()
}

#[derive(Deserialize, Default, Clone)]
pub struct ChildForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub birth_year: String,
    #[serde(default)]
    pub school_type: String,
    #[serde(default)]
    pub school_level: String,
}

#[derive(Deserialize, Default, Clone)]
pub struct PartyForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub holiday_contact: String,
}

#[derive(Deserialize, Default)]
pub struct RemoveForm {
    /// The ticked box "yes, remove".
    #[serde(default)]
    zeker: String,
}

/// A child as the form posts it, checked: the child's fields, or the errors by field id.
fn child_from(i: Tr, f: &ChildForm, id: String, case_id: &str) -> Result<Child, Vec<FieldError>> {
    let name = clip(&f.name, MAX_CHILD_NAME);
    let year = match f.birth_year.trim() {
        "" => Ok(None),
        y => y
            .parse::<i64>()
            .ok()
            .filter(|y| (1990..=2100).contains(y))
            .map(Some)
            .ok_or(()),
    };
    let mut errors = Vec::new();
    if name.is_empty() {
        errors.push(FieldError {
            field: "child-name".into(),
            message: i.t("child-error-name"),
        });
    }
    if year.is_err() {
        errors.push(FieldError {
            field: "child-year".into(),
            message: i.t("child-error-year"),
        });
    }
    match year {
        Ok(birth_year) if errors.is_empty() => Ok(Child {
            id,
            case_id: case_id.to_string(),
            name,
            birth_year,
            school_type: clip(&f.school_type, MAX_SCHOOL),
            school_level: clip(&f.school_level, MAX_SCHOOL),
        }),
        _ => Err(errors),
    }
}

/// A party as the form posts it, checked.
fn party_from(i: Tr, f: &PartyForm, id: String, case_id: &str) -> Result<Party, Vec<FieldError>> {
    let name = clip(&f.name, MAX_PARTY_NAME);
    let mut errors = Vec::new();
    if name.is_empty() {
        errors.push(FieldError {
            field: "party-name".into(),
            message: i.t("party-error-name"),
        });
    }
    if !PARTY_ROLES.contains(&f.role.as_str()) {
        errors.push(FieldError {
            field: "party-role".into(),
            message: i.t("party-error-role"),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Party {
        id,
        case_id: case_id.to_string(),
        name,
        role: f.role.clone(),
        contact: clip(&f.contact, MAX_CONTACT),
        holiday_contact: clip(&f.holiday_contact, MAX_CONTACT),
    })
}

/// The page of one child or one party: its form, and for one that exists, the remove form.
#[derive(Template)]
#[template(path = "case_person.html")]
struct PersonPage {
    layout: Layout,
    csrf: String,
    case_id: String,
    /// Where the form posts.
    action: String,
    /// Where the remove form posts, for one that exists.
    remove: Option<String>,
    errors: Vec<FieldError>,
    child: Option<ChildForm>,
    party: Option<PartyForm>,
    party_roles: Vec<(&'static str, String)>,
    save_text: String,
    remove_title: String,
    remove_lead: String,
    remove_text: String,
}

impl PersonPage {
    /// The message of the error about this field, if there is one.
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

/// What differs between the child page and the party page besides the form: the path of the
/// list under the case, and the texts.
struct Kind {
    segment: &'static str,
    add_title: &'static str,
    edit_title: &'static str,
    add_button: &'static str,
    save_button: &'static str,
    remove_title: &'static str,
    remove_lead: &'static str,
    remove_button: &'static str,
}

const CHILD: Kind = Kind {
    segment: "kinderen",
    add_title: "child-add-title",
    edit_title: "child-edit-title",
    add_button: "child-add-button",
    save_button: "child-save-button",
    remove_title: "child-remove-title",
    remove_lead: "child-remove-lead",
    remove_button: "child-remove-button",
};

const PARTY: Kind = Kind {
    segment: "partijen",
    add_title: "party-add-title",
    edit_title: "party-edit-title",
    add_button: "party-add-button",
    save_button: "party-save-button",
    remove_title: "party-remove-title",
    remove_lead: "party-remove-lead",
    remove_button: "party-remove-button",
};

/// The form a person page shows: a child's or a party's.
enum PersonForm {
    Child(ChildForm),
    Party(PartyForm),
}

impl PersonForm {
    fn kind(&self) -> &'static Kind {
        match self {
            PersonForm::Child(_) => &CHILD,
            PersonForm::Party(_) => &PARTY,
        }
    }

    fn name(&self) -> &str {
        match self {
            PersonForm::Child(c) => &c.name,
            PersonForm::Party(p) => &p.name,
        }
    }
}

/// The page of a child or a party; `id` is `None` for a new one (a refused add).
async fn person_page(
    lang: Lang,
    access: &CaseAccess,
    session: &Session,
    id: Option<&str>,
    form: PersonForm,
    errors: Vec<FieldError>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let case_id = &access.case.id;
    let kind = form.kind();
    let list = format!("/dossiers/{case_id}/{}", kind.segment);
    let (action, remove) = match id {
        Some(id) => (
            format!("{list}/{id}"),
            Some(format!("{list}/{id}/verwijderen")),
        ),
        None => (list, None),
    };
    let (title_key, save_key) = match id {
        Some(_) => (kind.edit_title, kind.save_button),
        None => (kind.add_title, kind.add_button),
    };
    let failed = !errors.is_empty();
    let remove_text = i.t1(kind.remove_button, "name", form.name());
    let (child, party, party_roles) = match form {
        PersonForm::Child(c) => (Some(c), None, Vec::new()),
        PersonForm::Party(p) => (
            None,
            Some(p),
            PARTY_ROLES
                .iter()
                .map(|r| (*r, i.t(&format!("party-role-{r}"))))
                .collect(),
        ),
    };
    let page = PersonPage {
        layout: Layout::new(lang, title_key, &format!("/dossiers/{case_id}")),
        csrf: csrf::token(session).await?,
        case_id: case_id.clone(),
        action,
        remove,
        errors,
        save_text: i.t(save_key),
        remove_title: i.t(kind.remove_title),
        remove_lead: i.t(kind.remove_lead),
        remove_text,
        child,
        party,
        party_roles,
    };
    Ok(with_status(render(&page), failed))
}

fn with_status(mut response: Response, failed: bool) -> Response {
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

fn back_to_case(case_id: &str) -> Response {
    Redirect::to(&format!("/dossiers/{case_id}")).into_response()
}

/// The error of a remove form without its box ticked.
fn not_confirmed(i: Tr, field: &str) -> Vec<FieldError> {
    vec![FieldError {
        field: field.to_string(),
        message: i.t("person-remove-confirm-error"),
    }]
}

/// Back to the case after an update, or not found when the store had nothing to change.
fn updated(saved: bool, case_id: &str) -> Result<Response, PageError> {
    if saved {
        Ok(back_to_case(case_id))
    } else {
        Err(PageError::NotFound)
    }
}

/// `POST /dossiers/{case}/kinderen`
pub async fn add_child(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Form(f): Form<ChildForm>,
) -> Result<Response, PageError> {
    match child_from(Tr { lang }, &f, new_id(), &access.case.id) {
        Ok(child) => {
            state
                .store
                .save_child(&child, &access.actor())
                .await
                .map_err(store_error)?;
            Ok(back_to_case(&access.case.id))
        }
        Err(errors) => {
            person_page(lang, &access, &session, None, PersonForm::Child(f), errors).await
        }
    }
}

/// The child with this id in the case of `access`, or not found.
async fn find_child(state: &AppState, access: &CaseAccess, id: &str) -> Result<Child, PageError> {
    state
        .store
        .children(&access.case.id)
        .await
        .map_err(store_error)?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(PageError::NotFound)
}

fn child_form(c: Child) -> PersonForm {
    PersonForm::Child(ChildForm {
        name: c.name,
        birth_year: c.birth_year.map(|y| y.to_string()).unwrap_or_default(),
        school_type: c.school_type,
        school_level: c.school_level,
    })
}

/// `GET /dossiers/{case}/kinderen/{child}`
pub async fn child_edit_page(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Path((_, child_id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let form = child_form(find_child(&state, &access, &child_id).await?);
    person_page(lang, &access, &session, Some(&child_id), form, Vec::new()).await
}

/// `POST /dossiers/{case}/kinderen/{child}`
pub async fn edit_child(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Path((_, child_id)): Path<(String, String)>,
    Form(f): Form<ChildForm>,
) -> Result<Response, PageError> {
    let child = match child_from(Tr { lang }, &f, child_id.clone(), &access.case.id) {
        Ok(child) => child,
        Err(errors) => {
            let form = PersonForm::Child(f);
            return person_page(lang, &access, &session, Some(&child_id), form, errors).await;
        }
    };
    let saved = state
        .store
        .update_child(&child, &access.actor())
        .await
        .map_err(store_error)?;
    updated(saved, &access.case.id)
}

/// `POST /dossiers/{case}/kinderen/{child}/verwijderen`
pub async fn delete_child(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Path((_, child_id)): Path<(String, String)>,
    Form(f): Form<RemoveForm>,
) -> Result<Response, PageError> {
    let c = find_child(&state, &access, &child_id).await?;
    if f.zeker != "ja" {
        let errors = not_confirmed(Tr { lang }, "zeker");
        return person_page(
            lang,
            &access,
            &session,
            Some(&child_id),
            child_form(c),
            errors,
        )
        .await;
    }
    state
        .store
        .delete_child(&access.case.id, &child_id, &access.actor())
        .await
        .map_err(store_error)?;
    Ok(back_to_case(&access.case.id))
}

/// `POST /dossiers/{case}/partijen`
pub async fn add_party(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Form(f): Form<PartyForm>,
) -> Result<Response, PageError> {
    match party_from(Tr { lang }, &f, new_id(), &access.case.id) {
        Ok(party) => {
            state
                .store
                .save_party(&party, &access.actor())
                .await
                .map_err(store_error)?;
            Ok(back_to_case(&access.case.id))
        }
        Err(errors) => {
            person_page(lang, &access, &session, None, PersonForm::Party(f), errors).await
        }
    }
}

/// The party with this id in the case of `access`, or not found.
async fn find_party(state: &AppState, access: &CaseAccess, id: &str) -> Result<Party, PageError> {
    state
        .store
        .parties(&access.case.id)
        .await
        .map_err(store_error)?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(PageError::NotFound)
}

fn party_form(p: Party) -> PersonForm {
    PersonForm::Party(PartyForm {
        name: p.name,
        role: p.role,
        contact: p.contact,
        holiday_contact: p.holiday_contact,
    })
}

/// `GET /dossiers/{case}/partijen/{party}`
pub async fn party_edit_page(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Path((_, party_id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let form = party_form(find_party(&state, &access, &party_id).await?);
    person_page(lang, &access, &session, Some(&party_id), form, Vec::new()).await
}

/// `POST /dossiers/{case}/partijen/{party}`
pub async fn edit_party(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Path((_, party_id)): Path<(String, String)>,
    Form(f): Form<PartyForm>,
) -> Result<Response, PageError> {
    let party = match party_from(Tr { lang }, &f, party_id.clone(), &access.case.id) {
        Ok(party) => party,
        Err(errors) => {
            let form = PersonForm::Party(f);
            return person_page(lang, &access, &session, Some(&party_id), form, errors).await;
        }
    };
    let saved = state
        .store
        .update_party(&party, &access.actor())
        .await
        .map_err(store_error)?;
    updated(saved, &access.case.id)
}

/// `POST /dossiers/{case}/partijen/{party}/verwijderen`
pub async fn delete_party(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Path((_, party_id)): Path<(String, String)>,
    Form(f): Form<RemoveForm>,
) -> Result<Response, PageError> {
    let p = find_party(&state, &access, &party_id).await?;
    if f.zeker != "ja" {
        let errors = not_confirmed(Tr { lang }, "zeker");
        return person_page(
            lang,
            &access,
            &session,
            Some(&party_id),
            party_form(p),
            errors,
        )
        .await;
    }
    state
        .store
        .delete_party(&access.case.id, &party_id, &access.actor())
        .await
        .map_err(store_error)?;
    Ok(back_to_case(&access.case.id))
}
