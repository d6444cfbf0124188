//! The children and the parties (schools, boards, SWV, ...) of a case: adding, changing and
//! removing them. Owners and contributing advocates may do all three; the store writes an audit
//! line for each. A refused form comes back on its own page with what was typed and an error
//! summary that links to the field. Removing needs a ticked box, so that a stray click removes
//! nothing.

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cases::people::{ChildInput, PartyInput, Problem};
use route::letter::PARTY_ROLES;
use serde::Deserialize;
use tower_sessions::Session;

use crate::http::error::case_error;
use crate::http::state::AppState;

use crate::http::case_access::CaseAccess;
use crate::http::csrf;
use crate::http::error::PageError;
use crate::http::forms::FieldError;
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};

/// A child and a party as the forms post them.
type ChildForm = ChildInput;
type PartyForm = PartyInput;

#[derive(Deserialize, Default)]
pub struct RemoveForm {
    /// The ticked box "yes, remove".
    #[serde(default)]
    zeker: String,
}

/// The problems of a form as the errors the page shows, by field.
fn field_errors(i: Tr, problems: Vec<Problem>) -> Vec<FieldError> {
    problems
        .into_iter()
        .map(|p| FieldError {
            field: p.field().into(),
            message: i.t(p.key()),
        })
        .collect()
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
    let added = cases::people::add_child(&*state.store, &access.case.id, &f, &access.actor())
        .await
        .map_err(case_error)?;
    match added {
        Ok(_) => Ok(back_to_case(&access.case.id)),
        Err(problems) => {
            let errors = field_errors(Tr { lang }, problems);
            person_page(lang, &access, &session, None, PersonForm::Child(f), errors).await
        }
    }
}

/// The child with this id in the case of `access`, or not found.
async fn find_child(
    state: &AppState,
    access: &CaseAccess,
    id: &str,
) -> Result<PersonForm, PageError> {
    cases::people::find_child(&*state.store, &access.case.id, id)
        .await
        .map_err(case_error)?
        .map(|c| PersonForm::Child(c.into()))
        .ok_or(PageError::NotFound)
}

/// `GET /dossiers/{case}/kinderen/{child}`
pub async fn child_edit_page(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Path((_, child_id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let form = find_child(&state, &access, &child_id).await?;
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
    let saved = cases::people::update_child(
        &*state.store,
        &access.case.id,
        &child_id,
        &f,
        &access.actor(),
    )
    .await
    .map_err(case_error)?;
    let saved = match saved {
        Ok(saved) => saved,
        Err(problems) => {
            let errors = field_errors(Tr { lang }, problems);
            let form = PersonForm::Child(f);
            return person_page(lang, &access, &session, Some(&child_id), form, errors).await;
        }
    };
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
    let form = find_child(&state, &access, &child_id).await?;
    if f.zeker != "ja" {
        let errors = not_confirmed(Tr { lang }, "zeker");
        return person_page(lang, &access, &session, Some(&child_id), form, errors).await;
    }
    cases::people::remove_child(&*state.store, &access.case.id, &child_id, &access.actor())
        .await
        .map_err(case_error)?;
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
    let added = cases::people::add_party(&*state.store, &access.case.id, &f, &access.actor())
        .await
        .map_err(case_error)?;
    match added {
        Ok(_) => Ok(back_to_case(&access.case.id)),
        Err(problems) => {
            let errors = field_errors(Tr { lang }, problems);
            person_page(lang, &access, &session, None, PersonForm::Party(f), errors).await
        }
    }
}

/// The party with this id in the case of `access`, or not found.
async fn find_party(
    state: &AppState,
    access: &CaseAccess,
    id: &str,
) -> Result<PersonForm, PageError> {
    cases::people::find_party(&*state.store, &access.case.id, id)
        .await
        .map_err(case_error)?
        .map(|p| PersonForm::Party(p.into()))
        .ok_or(PageError::NotFound)
}

/// `GET /dossiers/{case}/partijen/{party}`
pub async fn party_edit_page(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Path((_, party_id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let form = find_party(&state, &access, &party_id).await?;
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
    let saved = cases::people::update_party(
        &*state.store,
        &access.case.id,
        &party_id,
        &f,
        &access.actor(),
    )
    .await
    .map_err(case_error)?;
    let saved = match saved {
        Ok(saved) => saved,
        Err(problems) => {
            let errors = field_errors(Tr { lang }, problems);
            let form = PersonForm::Party(f);
            return person_page(lang, &access, &session, Some(&party_id), form, errors).await;
        }
    };
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
    let form = find_party(&state, &access, &party_id).await?;
    if f.zeker != "ja" {
        let errors = not_confirmed(Tr { lang }, "zeker");
        return person_page(lang, &access, &session, Some(&party_id), form, errors).await;
    }
    cases::people::remove_party(&*state.store, &access.case.id, &party_id, &access.actor())
        .await
        .map_err(case_error)?;
    Ok(back_to_case(&access.case.id))
}
