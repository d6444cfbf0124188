//! The intake pages: the start page, one question per page, the region page, the check page,
//! and "start again". Question ids are in the URL (`/vragen/<id>`); answers never are.

pub mod answers_file;
pub mod own_words;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use calendar::Region;
use route::intake;
use route::model::{Question, QuestionType};
use route::situation::Situation;
use tower_sessions::Session;

use crate::http::answers::{self, Stored};
use crate::http::csrf;
use crate::http::error::PageError;
use crate::http::forms::{self, FieldError, Filled, Posted};
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::links::next_location;
use crate::http::state::AppState;

/// `?terug=controle` on a question link: return to the check page after answering.
#[derive(serde::Deserialize, Default)]
pub struct BackTo {
    terug: Option<String>,
}

impl BackTo {
    fn to_check(&self) -> bool {
        self.terug.as_deref() == Some(CHECK)
    }
}

const CHECK: &str = "controle";

#[derive(Template)]
#[template(path = "start.html")]
struct StartPage {
    layout: Layout,
    has_answers: bool,
}

/// `GET /`: what this helps with, how long it takes, and that nothing is stored unless chosen.
pub async fn start(lang: Lang, session: Session) -> Result<Response, PageError> {
    let stored = answers::load(&session).await?;
    Ok(render(&StartPage {
        layout: Layout::new(lang, "start-title", "/"),
        has_answers: !stored.is_empty(),
    }))
}

async fn situation(state: &AppState, session: &Session) -> Result<(Stored, Situation), PageError> {
    let stored = answers::load(session).await?;
    let s = answers::situation(&state.lib.k, &stored, state.today.date());
    Ok((stored, s))
}

/// `GET /vragen`: continue where the visitor is.
pub async fn next(State(state): State<AppState>, session: Session) -> Result<Response, PageError> {
    let (_, s) = situation(&state, &session).await?;
    Ok(Redirect::to(&next_location(&state, &s)).into_response())
}

/// The question before this one that the visitor answered, for the back link.
fn previous(state: &AppState, s: &Situation, id: &str) -> String {
    let k = &state.lib.k;
    let pos = k.questions.iter().position(|q| q.id == id).unwrap_or(0);
    intake::answered(k, s)
        .into_iter()
        .rfind(|(q, _)| {
            k.questions
                .iter()
                .position(|x| x.id == q.id)
                .unwrap_or(usize::MAX)
                < pos
        })
        .map(|(q, _)| format!("/vragen/{}", q.id))
        .unwrap_or_else(|| "/".into())
}

/// One option of a radio or checkbox group.
pub struct OptionView {
    pub id: String,
    pub value: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "question.html")]
pub struct QuestionPage {
    pub layout: Layout,
    pub csrf: String,
    pub action: String,
    pub text: String,
    pub hint: Option<String>,
    /// radios | checkboxes | number | date
    pub kind: &'static str,
    pub options: Vec<OptionView>,
    pub optional: bool,
    pub filled: Filled,
    pub unit: Option<String>,
    pub error: Option<FieldError>,
    pub back: String,
    pub back_to_check: bool,
    /// The parent's own words this page's pre-filled proposal came from (not yet an answer).
    pub proposal: Vec<String>,
}

impl QuestionPage {
    fn skip_checked(&self) -> bool {
        self.filled.skipped
    }

    fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() || self.kind == "date" {
            ids.push("hint");
        }
        if self.error.is_some() {
            ids.push("fout");
        }
        ids.join(" ")
    }
}

fn options(q: &Question, filled: &Filled, i: Tr) -> Vec<OptionView> {
    let list: Vec<(String, String)> = match q.kind {
        QuestionType::Yesno => vec![
            ("ja".into(), i.t("answer-yes")),
            ("nee".into(), i.t("answer-no")),
        ],
        _ => q
            .options
            .iter()
            .map(|o| (o.value.clone(), o.label.clone()))
            .collect(),
    };
    list.into_iter()
        .enumerate()
        .map(|(n, (value, label))| OptionView {
            id: format!("antwoord-{}", n + 1),
            checked: filled.chosen.contains(&value),
            value,
            label,
        })
        .collect()
}

struct PageInput<'a> {
    lang: Lang,
    q: &'a Question,
    filled: Filled,
    error: Option<FieldError>,
    back: String,
    back_to_check: bool,
    csrf: String,
}

fn question_page(p: PageInput) -> QuestionPage {
    let i = Tr { lang: p.lang };
    let q = p.q;
    let kind = match q.kind {
        QuestionType::Yesno | QuestionType::Choice => "radios",
        QuestionType::Multi => "checkboxes",
        QuestionType::Number => "number",
        QuestionType::Date => "date",
    };
    let path = format!("/vragen/{}", q.id);
    let mut layout = Layout::titled(p.lang, &q.text, &path);
    if p.error.is_some() {
        layout.title = format!("{} {}", i.t("error-prefix"), q.text);
    }
    layout.restart = true;
    QuestionPage {
        options: options(q, &p.filled, i),
        layout,
        csrf: p.csrf,
        action: path,
        text: q.text.clone(),
        hint: q.hint.clone(),
        kind,
        optional: q.optional,
        filled: p.filled,
        unit: q.unit.clone(),
        error: p.error,
        back: p.back,
        back_to_check: p.back_to_check,
        proposal: Vec::new(),
    }
}

/// `GET /vragen/{id}`: one question, with the answer given before.
pub async fn question(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    Path(id): Path<String>,
    Query(back_to): Query<BackTo>,
) -> Result<Response, PageError> {
    let Some(q) = state.lib_for(lang).k.question(&id) else {
        return Ok(PageError::NotFound.page(lang));
    };
    let (_, s) = situation(&state, &session).await?;
    let back_to_check = back_to.to_check();
    let back = if back_to_check {
        format!("/{CHECK}")
    } else {
        previous(&state, &s, &id)
    };
    let csrf = csrf::token(&session).await?;
    // A proposal read from the parent's own words fills the form only while there is no
    // answer; it becomes one when the parent sends this page.
    let answer = s.answers.get(&id);
    let proposal = match answer {
        None => own_words::proposal(&session, &id).await?,
        Some(_) => None,
    };
    let filled = match &proposal {
        Some(p) => own_words::filled(q, p),
        None => Filled::from_value(answer),
    };
    let mut page = question_page(PageInput {
        lang,
        q,
        filled,
        error: None,
        back,
        back_to_check,
        csrf,
    });
    page.proposal = proposal.map(|p| p.words).unwrap_or_default();
    Ok(render(&page))
}

/// `POST /vragen/{id}`: checks the answer; on an error shows the page again with what was typed.
pub async fn answer(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    // The question as the parent read it; its values are the same in every language.
    let k = &state.lib_for(lang).k;
    let Some(q) = k.question(&id) else {
        return Ok(PageError::NotFound.page(lang));
    };
    let posted = Posted::from_pairs(pairs);
    let back_to_check = posted.back_to.as_deref() == Some(CHECK);
    match forms::parse(q, &posted, Tr { lang }) {
        Ok(value) => {
            answers::save_answer(&session, &id, &value).await?;
            own_words::forget(&session, &id).await?;
            let (_, s) = situation(&state, &session).await?;
            let to = if back_to_check {
                next_location(&state, &s)
            } else {
                following(&state, &s, &id).unwrap_or_else(|| next_location(&state, &s))
            };
            Ok(Redirect::to(&to).into_response())
        }
        Err(error) => {
            let (_, s) = situation(&state, &session).await?;
            let back = if back_to_check {
                format!("/{CHECK}")
            } else {
                previous(&state, &s, &id)
            };
            let csrf = csrf::token(&session).await?;
            let page = question_page(PageInput {
                lang,
                q,
                filled: Filled::from_posted(&posted),
                error: Some(error),
                back,
                back_to_check,
                csrf,
            });
            let mut response = render(&page);
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
    }
}

/// The next relevant question after `id` in intake order, answered or not: going forward after
/// going back shows the next page, with its answer kept.
fn following(state: &AppState, s: &Situation, id: &str) -> Option<String> {
    let k = &state.lib.k;
    let pos = k.questions.iter().position(|q| q.id == id)?;
    k.questions[pos + 1..]
        .iter()
        .find(|q| intake::is_relevant(k, s, q))
        .map(|q| format!("/vragen/{}", q.id))
}

/// The region question, built from interface texts when the content has none of its own.
fn region_question(i: Tr) -> Question {
    Question {
        id: "regio".into(),
        kind: QuestionType::Choice,
        text: i.t("region-title"),
        hint: Some(i.t("region-hint")),
        options: Region::ALL
            .iter()
            .map(|r| route::model::Choice {
                alone: false,
                value: r.name().into(),
                label: i.t(&format!("region-{}", r.name())),
            })
            .collect(),
        min: None,
        max: None,
        unit: None,
        optional: false,
        sets_region: true,
        ask_if: None,
        cite: Default::default(),
        loc: route::model::Loc {
            file: "interface".into(),
            line: 0,
        },
    }
}

fn region_page(
    lang: Lang,
    filled: Filled,
    error: Option<FieldError>,
    back_to_check: bool,
    csrf: String,
) -> QuestionPage {
    let q = region_question(Tr { lang });
    let mut page = question_page(PageInput {
        lang,
        q: &q,
        filled,
        error,
        back: String::new(),
        back_to_check,
        csrf,
    });
    page.action = "/regio".into();
    page.layout.path = "/regio".into();
    page.back = if back_to_check {
        format!("/{CHECK}")
    } else {
        "/vragen".into()
    };
    page
}

/// `GET /regio`: the school-holiday region, asked on its own page when the content does not ask it.
pub async fn region(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    Query(back_to): Query<BackTo>,
) -> Result<Response, PageError> {
    if state.lib.asks_region {
        return Ok(Redirect::to("/vragen").into_response());
    }
    let (stored, _) = situation(&state, &session).await?;
    let filled = Filled {
        chosen: stored
            .region
            .map(|r| vec![r.name().to_string()])
            .unwrap_or_default(),
        ..Filled::default()
    };
    let csrf = csrf::token(&session).await?;
    let mut page = region_page(lang, filled, None, back_to.to_check(), csrf);
    if !back_to.to_check() {
        // Back goes to the last question answered.
        let (_, s) = situation(&state, &session).await?;
        if let Some((q, _)) = intake::answered(&state.lib.k, &s).last() {
            page.back = format!("/vragen/{}", q.id);
        }
    }
    Ok(render(&page))
}

/// `POST /regio`.
pub async fn region_answer(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let posted = Posted::from_pairs(pairs);
    let back_to_check = posted.back_to.as_deref() == Some(CHECK);
    let chosen = posted.answer.first().and_then(|r| r.parse::<Region>().ok());
    match chosen {
        Some(region) => {
            answers::save_region(&session, region).await?;
            let (_, s) = situation(&state, &session).await?;
            Ok(Redirect::to(&next_location(&state, &s)).into_response())
        }
        None => {
            let i = Tr { lang };
            let error = FieldError {
                message: i.t("error-choose-one"),
                field: "antwoord-1".into(),
            };
            let csrf = csrf::token(&session).await?;
            let mut response = render(&region_page(
                lang,
                Filled::from_posted(&posted),
                Some(error),
                back_to_check,
                csrf,
            ));
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
    }
}

/// One row of the check page.
pub struct Row {
    pub question: String,
    pub answer: String,
    pub change: String,
}

#[derive(Template)]
#[template(path = "check.html")]
struct CheckPage {
    layout: Layout,
    rows: Vec<Row>,
}

/// `GET /controle`: every answer with a change link; continues to the route.
pub async fn check(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
) -> Result<Response, PageError> {
    let (stored, s) = situation(&state, &session).await?;
    if stored.is_empty() {
        return Ok(Redirect::to("/").into_response());
    }
    let next = next_location(&state, &s);
    if next != format!("/{CHECK}") {
        return Ok(Redirect::to(&next).into_response());
    }
    let i = Tr { lang };
    let mut rows: Vec<Row> = intake::answered(&state.lib_for(lang).k, &s)
        .into_iter()
        .map(|(q, v)| Row {
            question: q.text.clone(),
            answer: forms::show_answer(q, v, i),
            change: format!("/vragen/{}?terug={CHECK}", q.id),
        })
        .collect();
    if !state.lib.asks_region
        && let Some(r) = s.region
    {
        rows.push(Row {
            question: i.t("region-label"),
            answer: i.t(&format!("region-{}", r.name())),
            change: format!("/regio?terug={CHECK}"),
        });
    }
    let mut layout = Layout::new(lang, "check-title", "/controle");
    layout.restart = true;
    Ok(render(&CheckPage { layout, rows }))
}

#[derive(Template)]
#[template(path = "restart.html")]
struct RestartPage {
    layout: Layout,
    csrf: String,
}

/// `GET /opnieuw`: asks before forgetting every answer, and points to the answers file first.
pub async fn restart_page(lang: Lang, session: Session) -> Result<Response, PageError> {
    let csrf = csrf::token(&session).await?;
    let layout = Layout::new(lang, "restart-title", "/opnieuw");
    Ok(render(&RestartPage { layout, csrf }))
}

/// `POST /opnieuw`: forgets every answer and the session itself (when logged in: only the
/// answers, so the login stays).
pub async fn restart(session: Session) -> Result<Response, PageError> {
    if crate::http::auth::is_logged_in(&session).await? {
        // Start the intake again, but stay logged in.
        answers::clear(&session).await?;
        own_words::clear(&session).await?;
        return Ok(Redirect::to("/").into_response());
    }
    session.flush().await?;
    Ok(Redirect::to("/").into_response())
}
