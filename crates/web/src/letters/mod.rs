//! Letters as documents.
//!
//! `GET /brieven/{id}` shows a letter filled from the session's answers: a form for every field
//! (what the answers already know is filled in) and, once no field is empty, the full text in a
//! textarea the parent can change. `POST /brieven/{id}` fills the text again, or downloads it as
//! PDF or DOCX exactly as posted; nothing is stored.
//!
//! Mark as sent: a logged-in parent (or contributing advocate) with a case sees, under the text,
//! one button per case. `POST /dossiers/{case}/brieven/{id}` (through `CaseAccess`, contribute
//! role) adds a timeline event of kind `letter` with the letter's title and the posted text as
//! notes. When the letter's `follow-up` has a `date-question`, the event's date answers it, so the
//! term that the law starts from sending starts on the case page; otherwise the follow-up term is
//! only named in words.
//!
//! For a case: `GET /dossiers/{case}/brieven/{id}` (through `CaseAccess`, read role) shows the
//! same page filled from the case: its latest answers (with the dates its events set), its child
//! (`?kind=` picks one when there are several) and its parties, as the fields' `case` names them.
//! What the case does not know is still asked for. The form carries the case id (`dossier`), so
//! that filling the letter again keeps the way back to that case and marks it as sent there; the
//! id only picks one of the caller's own cases (`cases_for_user`), never reads another.

pub mod case;

use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use route::letter::{FieldValues, fill_text, letter_date, missing, prefill};
use route::model::{FieldKind, Letter, LetterField, LetterTemplate};
use tower_sessions::Session;

use crate::http::answers;
use crate::http::auth::MaybeUser;
use crate::http::csrf;
use crate::http::download::download;
use crate::http::error::PageError;
use crate::http::forms::{FieldError, date_error};
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::links::{SourceLink, case_letter_url, letter_url};
use crate::http::state::AppState;

/// The form name of a field's input.
fn input_name(field: &str) -> String {
    format!("veld-{field}")
}

pub struct FieldView {
    pub input: String,
    pub label: String,
    pub hint: Option<String>,
    pub multiline: bool,
    pub date: bool,
    pub value: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "letter.html")]
pub struct LetterPage {
    pub layout: Layout,
    pub csrf: String,
    pub action: String,
    pub when: String,
    /// On English pages: what the Dutch letter says and why it helps.
    pub says: Option<String>,
    pub sources: Vec<SourceLink>,
    pub errors: Vec<FieldError>,
    pub fields: Vec<FieldView>,
    pub subject: String,
    /// The full text, once every field has a value.
    pub text: Option<String>,
    /// What goes under the signature (the name, attachments).
    pub signature: String,
    pub letter_id: String,
    /// Where the back link goes, and its text.
    pub back_url: String,
    pub back_text: String,
    /// The children of the case the letter is filled from, when there are several: the letter
    /// is about one of them.
    pub children: Vec<ChildChoice>,
    /// (url, case title): fill this letter from one of the caller's cases.
    pub case_links: Vec<(String, String)>,
    /// The case this letter is written from, kept through the form so that filling it again
    /// stays with that case.
    pub case_id: Option<String>,
    /// (id, title) of the caller's cases they may add to: "mark as sent" buttons.
    pub sent_cases: Vec<(String, String)>,
    /// The date field of "mark as sent": today written the Dutch way, or what was typed.
    pub sent_date: String,
    /// What follows sending, in words, when the letter names a follow-up term.
    pub follow_up: Option<String>,
}

impl LetterPage {
    /// The error of the "mark as sent" date, shown next to it.
    fn sent_date_error(&self) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == "verstuurd_op")
            .map(|e| e.message.as_str())
    }
}

/// A child of the case to write the letter about.
pub struct ChildChoice {
    pub url: String,
    pub name: String,
    pub current: bool,
}

/// The cases of the caller with their role in each (none without a login).
async fn user_cases(
    state: &AppState,
    user: &MaybeUser,
) -> Result<Vec<(store::Case, store::Role)>, PageError> {
    let Some(u) = &user.0 else {
        return Ok(Vec::new());
    };
    state
        .store
        .cases_for_user(&u.user.id, crate::http::auth::now())
        .await
        .map_err(crate::http::error::store_error)
}

/// The ids and titles of the cases the caller may add a sent letter to (contribute role or
/// more).
fn writable(cases: Vec<(store::Case, store::Role)>) -> Vec<(String, String)> {
    cases
        .into_iter()
        .filter(|(_, role)| *role >= store::Role::Contribute)
        .map(|(c, _)| (c.id, c.title))
        .collect()
}

/// Points a letter page at the case it is written from: the back link, and marking it as sent
/// in that case only (for a role that may).
fn for_case(p: &mut LetterPage, lang: Lang, case: &store::Case, role: store::Role) {
    p.back_url = format!("/dossiers/{}", case.id);
    p.back_text = Tr { lang }.t1("letter-back-case", "case", &case.title);
    p.case_id = Some(case.id.clone());
    p.case_links = Vec::new();
    p.sent_cases = if role >= store::Role::Contribute {
        vec![(case.id.clone(), case.title.clone())]
    } else {
        Vec::new()
    };
}

/// The letter as a reader of `lang` sees it: its title, when it helps, what it says (in
/// English) and the labels of its form. The letter text itself is always the Dutch one.
fn shown<'k>(state: &'k AppState, lang: Lang, l: &'k Letter) -> &'k Letter {
    state.lib_for(lang).k.letter(&l.id).unwrap_or(l)
}

/// A field's label and hint in `lang`.
fn field_texts(shown: &Letter, f: &LetterField) -> (String, Option<String>) {
    shown
        .template
        .as_ref()
        .and_then(|t| t.fields.iter().find(|x| x.id == f.id))
        .map(|x| (x.label.clone(), x.hint.clone()))
        .unwrap_or_else(|| (f.label.clone(), f.hint.clone()))
}

/// What follows sending this letter, in words: the term and the event it runs from.
fn follow_up_text(state: &AppState, i: Tr, l: &Letter) -> Option<String> {
    let f = l.follow_up.as_ref()?;
    let term = state
        .lib_for(i.lang)
        .k
        .terms
        .iter()
        .find(|t| t.id == f.term)?;
    let key = if f.date_question.is_some() {
        "letter-sent-starts"
    } else {
        "letter-sent-follows"
    };
    Some(i.args(
        key,
        &[
            ("term", term.title.clone()),
            ("from", term.start_event.clone()),
        ],
    ))
}

fn find<'k>(state: &'k AppState, id: &str) -> Option<(&'k Letter, &'k LetterTemplate)> {
    let l = state.lib.k.letter(id)?;
    Some((l, l.template.as_ref()?))
}

fn sources(state: &AppState, l: &Letter) -> Vec<SourceLink> {
    l.cite
        .sources
        .iter()
        .filter_map(|s| state.lib.k.source(s))
        .map(|s| SourceLink {
            title: s.title.clone(),
            url: s.url.clone(),
            marker: None,
        })
        .collect()
}

/// What the answers in the session already say, and today's date for the letter.
async fn known_values(
    state: &AppState,
    session: &Session,
    t: &LetterTemplate,
) -> Result<FieldValues, PageError> {
    let stored = answers::load(session).await?;
    let today = state.today.date();
    let s = answers::situation(&state.lib.k, &stored, today);
    let advice = route::advise(&state.lib.k, &s);
    let mut values = prefill(&state.lib.k, t, &advice);
    values
        .entry("datum".to_string())
        .or_insert_with(|| letter_date(today));
    Ok(values)
}

#[allow(clippy::too_many_arguments)]
fn page(
    state: &AppState,
    lang: Lang,
    csrf: String,
    l: &Letter,
    t: &LetterTemplate,
    values: &FieldValues,
    errors: Vec<FieldError>,
    subject: Option<String>,
    text: Option<String>,
    signature: Option<String>,
) -> LetterPage {
    let shown = shown(state, lang, l);
    let layout = Layout::titled(lang, &shown.title, &letter_url(&l.id));
    let complete = missing(t, values).is_empty();
    let fields = t
        .fields
        .iter()
        .map(|f| {
            let input = input_name(&f.id);
            let (label, hint) = field_texts(shown, f);
            FieldView {
                error: errors
                    .iter()
                    .find(|e| e.field == input)
                    .map(|e| e.message.clone()),
                input,
                label,
                hint,
                multiline: f.kind == FieldKind::Multiline,
                date: f.kind == FieldKind::Date,
                value: values.get(&f.id).cloned().unwrap_or_default(),
            }
        })
        .collect();
    LetterPage {
        layout,
        csrf,
        action: letter_url(&l.id),
        when: shown.when.clone(),
        says: shown.says.clone(),
        sources: sources(state, l),
        errors,
        fields,
        subject: subject.unwrap_or_else(|| fill_text(&t.subject, values)),
        text: text.or_else(|| complete.then(|| fill_text(&t.body, values))),
        signature: signature.unwrap_or_else(|| fill_text(&t.signature, values)),
        letter_id: l.id.clone(),
        back_url: "/route".to_string(),
        back_text: Tr { lang }.t("letter-back"),
        children: Vec::new(),
        case_links: Vec::new(),
        case_id: None,
        sent_cases: Vec::new(),
        sent_date: calendar::format_typed_date(state.today.date()),
        follow_up: follow_up_text(state, Tr { lang }, l),
    }
}

/// `GET /brieven/{id}`.
pub async fn show(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    user: MaybeUser,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let Some((l, t)) = find(&state, &id) else {
        return Ok(PageError::NotFound.page(lang));
    };
    let values = known_values(&state, &session, t).await?;
    let token = csrf::token(&session).await?;
    let mut p = page(
        &state,
        lang,
        token,
        l,
        t,
        &values,
        Vec::new(),
        None,
        None,
        None,
    );
    p.sent_cases = writable(user_cases(&state, &user).await?);
    p.case_links = p
        .sent_cases
        .iter()
        .map(|(id, title)| (case_letter_url(id, &l.id), title.clone()))
        .collect();
    Ok(render(&p))
}

/// What a letter form posts.
struct Posted {
    values: FieldValues,
    subject: Option<String>,
    text: Option<String>,
    signature: Option<String>,
    /// The case the letter was opened from (the form's hidden `dossier`).
    case_id: Option<String>,
    action: String,
}

fn posted(t: &LetterTemplate, pairs: Vec<(String, String)>) -> Posted {
    let mut by_name: BTreeMap<String, String> = pairs.into_iter().collect();
    let values = t
        .fields
        .iter()
        .filter_map(|f| {
            by_name
                .remove(&input_name(&f.id))
                .map(|v| (f.id.clone(), v.replace("\r\n", "\n")))
        })
        .collect();
    let non_empty = |v: Option<String>| {
        v.map(|s| s.replace("\r\n", "\n"))
            .filter(|s| !s.trim().is_empty())
    };
    Posted {
        values,
        subject: non_empty(by_name.remove("onderwerp")),
        text: non_empty(by_name.remove("tekst")),
        signature: by_name
            .remove("ondertekening")
            .map(|s| s.replace("\r\n", "\n")),
        case_id: by_name.remove("dossier").filter(|c| !c.is_empty()),
        action: by_name.remove("actie").unwrap_or_default(),
    }
}

/// Reads the letter's date fields the Dutch way (see [`cases::parse_date`]) and writes each
/// as a letter does ("1 maart 2027"), whichever way it was typed; a date that cannot be read is
/// an error for its field, and stays as typed. An empty field is left to [`missing`].
fn check_dates(
    i: Tr,
    shown: &Letter,
    t: &LetterTemplate,
    values: &mut FieldValues,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for f in t.fields.iter().filter(|f| f.kind == FieldKind::Date) {
        let Some(value) = values.get_mut(&f.id) else {
            continue;
        };
        if value.trim().is_empty() {
            continue;
        }
        match cases::parse_date(value) {
            Ok(d) => *value = letter_date(d),
            Err(e) => errors.push(FieldError {
                message: date_error(i, &field_texts(shown, f).0, &e),
                field: input_name(&f.id),
            }),
        }
    }
    errors
}

/// `POST /brieven/{id}`: `actie` is `invullen` (fill the text again), `pdf` or `docx`.
pub async fn post(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    user: MaybeUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let Some((l, t)) = find(&state, &id) else {
        return Ok(PageError::NotFound.page(lang));
    };
    let i = Tr { lang };
    let shown_letter = shown(&state, lang, l);
    let mut p = posted(t, pairs);
    let mut errors: Vec<FieldError> = missing(t, &p.values)
        .into_iter()
        .map(|f| FieldError {
            message: i.t1(
                "letter-error-missing",
                "field",
                &field_texts(shown_letter, f).0,
            ),
            field: input_name(&f.id),
        })
        .collect();
    errors.extend(check_dates(i, shown_letter, t, &mut p.values));
    let token = csrf::token(&session).await?;
    let wants_file = matches!(p.action.as_str(), "pdf" | "docx");
    if !errors.is_empty() || !wants_file {
        // Filling again replaces the text; on an error the parent's text is kept.
        let (subject, text, signature) = if errors.is_empty() {
            (None, None, None)
        } else {
            (p.subject, p.text, p.signature)
        };
        let mut shown = page(
            &state,
            lang,
            token,
            l,
            t,
            &p.values,
            errors.clone(),
            subject,
            text,
            signature,
        );
        // The case the letter was opened from, when it is still one of the caller's: only
        // the list of their own cases is read here, never a case's contents.
        let cases = user_cases(&state, &user).await?;
        match cases
            .iter()
            .find(|(c, _)| p.case_id.as_deref() == Some(c.id.as_str()))
        {
            Some((case, role)) => for_case(&mut shown, lang, case, *role),
            None => shown.sent_cases = writable(cases),
        }
        let mut response = render(&shown);
        if !errors.is_empty() {
            *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        }
        return Ok(response);
    }
    let v = &p.values;
    let lines = |id: &str| {
        v.get(id)
            .map(|s| {
                s.lines()
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let doc = letters::Letter {
        title: l.title.clone(),
        sender: lines("afzender"),
        addressee: lines("geadresseerde"),
        place: v
            .get("plaats")
            .cloned()
            .unwrap_or_default()
            .trim()
            .to_string(),
        date: v
            .get("datum")
            .cloned()
            .unwrap_or_default()
            .trim()
            .to_string(),
        subject_label: i.t("letter-subject-word"),
        subject: p.subject.unwrap_or_else(|| fill_text(&t.subject, v)),
        body: p.text.unwrap_or_else(|| fill_text(&t.body, v)),
        signature: p.signature.unwrap_or_else(|| fill_text(&t.signature, v)),
    };
    let pdf = p.action == "pdf";
    let bytes = tokio::task::spawn_blocking(move || {
        if pdf {
            letters::letter_pdf(&doc)
        } else {
            letters::letter_docx(&doc)
        }
    })
    .await
    .map_err(|_| PageError::Internal)?
    .map_err(|e| {
        tracing::error!(error = %e, "letter could not be made");
        PageError::Internal
    })?;
    let (mime, ext) = if pdf {
        ("application/pdf", "pdf")
    } else {
        (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        )
    };
    Ok(download(bytes, mime, &format!("{}.{ext}", l.id)))
}
