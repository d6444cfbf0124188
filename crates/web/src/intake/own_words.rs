//! "Vertel in uw eigen woorden": the parent writes what is going on, the server reads it with
//! the `understand` crate (no outside service) and keeps proposed answers in the session,
//! apart from the answers. Each question page shows its proposal pre-filled, with the words it
//! came from; only the parent's "Verder" on that page makes it an answer.
//!
//! The text itself is never stored: the page that answers the POST shows it once with the
//! words we read marked, and the session keeps only those words (the matched spans). Only when
//! the parent chooses it, the text goes into one of their cases as a note on the timeline:
//! under the text box, a signed-in parent sees one button per case they may add to, each
//! sending the same form to `POST /dossiers/{case}/eigen-woorden` (through `CaseAccess`, action
//! `SaveOwnWords`). Without a login the page says that saving needs an account; the text stays
//! in the box.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cases::access::Action;
use cases::events::OwnWordsRefused;
use route::model::{Question, QuestionType};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::http::answers;
use crate::http::auth::{MaybeUser, SignedIn, now};
use crate::http::case_access::CaseAccess;
use crate::http::csrf;
use crate::http::error::{PageError, case_error, store_error};
use crate::http::forms::{FieldError, Filled};
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::state::AppState;

/// The session key of the proposals.
const PROPOSALS: &str = "own_words_proposals";
/// The session key of the case the text was just saved into (its id only), shown once.
const SAVED: &str = "own_words_saved";
/// The form field of the text.
const FIELD: &str = "tekst";
/// The page's path.
pub const PATH: &str = csrf::OWN_WORDS_PATH;

/// A proposed answer as the session keeps it: the form values, and the parent's words that
/// led to it (only those, never the whole text).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stored {
    pub question: String,
    pub values: Vec<String>,
    pub words: Vec<String>,
}

/// The proposal for one question, if the parent has one waiting.
pub async fn proposal(session: &Session, question: &str) -> Result<Option<Stored>, PageError> {
    let all = session
        .get::<Vec<Stored>>(PROPOSALS)
        .await?
        .unwrap_or_default();
    Ok(all.into_iter().find(|p| p.question == question))
}

/// Forgets the proposal for a question once the parent answered it.
pub async fn forget(session: &Session, question: &str) -> Result<(), PageError> {
    let Some(mut all) = session.get::<Vec<Stored>>(PROPOSALS).await? else {
        return Ok(());
    };
    all.retain(|p| p.question != question);
    if all.is_empty() {
        session.remove_value(PROPOSALS).await?;
    } else {
        session.insert(PROPOSALS, &all).await?;
    }
    Ok(())
}

/// Forgets every proposal (starting again).
pub async fn clear(session: &Session) -> Result<(), PageError> {
    session.remove_value(PROPOSALS).await?;
    Ok(())
}

/// The form fields of a question filled with a proposal's values.
pub fn filled(q: &Question, p: &Stored) -> Filled {
    let mut f = Filled::default();
    match q.kind {
        QuestionType::Number => f.number = p.values.first().cloned().unwrap_or_default(),
        QuestionType::Date => {
            if let Some(d) = p
                .values
                .first()
                .and_then(|v| v.parse::<jiff::civil::Date>().ok())
            {
                f.day = d.day().to_string();
                f.month = d.month().to_string();
                f.year = d.year().to_string();
            }
        }
        _ => f.chosen = p.values.clone(),
    }
    f
}

/// A piece of the parent's text, marked when we read an answer in it.
pub struct Piece {
    pub text: String,
    pub marked: bool,
}

/// One proposal as the result page lists it.
pub struct ProposalRow {
    pub question: String,
    pub answer: String,
}

/// What the page offers for keeping the text.
enum Keep {
    /// Not signed in: saving needs an account.
    NeedsAccount,
    /// Signed in, but no case to add a note to.
    NoCase,
    /// (id, title) of each case the parent may add the note to.
    Cases(Vec<(String, String)>),
}

#[derive(Template)]
#[template(path = "own_words.html")]
struct OwnWordsPage {
    layout: Layout,
    csrf: String,
    text: String,
    error: Option<FieldError>,
    /// Set after a text was read: the text in pieces, and what we proposed.
    read: Option<Reading>,
    /// Set when there is a text to keep: how it can be saved into a case.
    keep: Option<Keep>,
    /// The id of the case the text was just saved into.
    saved: Option<String>,
}

struct Reading {
    pieces: Vec<Piece>,
    rows: Vec<ProposalRow>,
}

impl OwnWordsPage {
    /// The cases the text can be saved into (empty without a login or a case).
    fn keep_cases(&self) -> &[(String, String)] {
        match &self.keep {
            Some(Keep::Cases(list)) => list,
            _ => &[],
        }
    }

    fn needs_account(&self) -> bool {
        matches!(self.keep, Some(Keep::NeedsAccount))
    }

    fn no_case(&self) -> bool {
        matches!(self.keep, Some(Keep::NoCase))
    }

    fn described_by(&self) -> &'static str {
        if self.error.is_some() {
            "tekst-hint tekst-fout"
        } else {
            "tekst-hint"
        }
    }
}

fn page(lang: Lang, csrf: String, text: String, error: Option<FieldError>) -> OwnWordsPage {
    let mut layout = Layout::new(lang, "own-words-title", PATH);
    if error.is_some() {
        layout.title = format!("{} {}", Tr { lang }.t("error-prefix"), layout.title);
    }
    OwnWordsPage {
        layout,
        csrf,
        text,
        error,
        read: None,
        keep: None,
        saved: None,
    }
}

/// `GET /eigen-woorden`: the text box; once after saving, where the text went.
pub async fn form(lang: Lang, session: Session) -> Result<Response, PageError> {
    let csrf = csrf::token(&session).await?;
    let mut out = page(lang, csrf, String::new(), None);
    out.saved = session.remove::<String>(SAVED).await?;
    Ok(render(&out))
}

/// How the caller can keep the text: the cases they may add a note to.
async fn keep(state: &AppState, user: Option<&SignedIn>) -> Result<Keep, PageError> {
    let Some(u) = user else {
        return Ok(Keep::NeedsAccount);
    };
    let cases: Vec<(String, String)> = state
        .store
        .cases_for_user(&u.user.id, now())
        .await
        .map_err(store_error)?
        .into_iter()
        .filter(|(_, role)| cases::access::allows(*role, Action::SaveOwnWords))
        .map(|(c, _)| (c.id, c.title))
        .collect();
    Ok(if cases.is_empty() {
        Keep::NoCase
    } else {
        Keep::Cases(cases)
    })
}

#[derive(Deserialize)]
pub struct Posted {
    #[serde(default)]
    tekst: String,
}

/// `POST /eigen-woorden`: reads the text and shows what we read in it; keeps the proposals
/// (not the text) in the session. An empty or too long text is shown again with a message.
pub async fn read(
    State(state): State<AppState>,
    lang: Lang,
    session: Session,
    user: MaybeUser,
    Form(posted): Form<Posted>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let csrf = csrf::token(&session).await?;
    let text = posted.tekst;
    let k = &state.lib.k;
    // The region the parent chose, on its own page or as the answer of the region question;
    // without one, places in the text may give it.
    let stored = answers::load(&session).await?;
    let region = answers::situation(k, &stored, state.today.date()).region(k);
    let result = state
        .lib
        .understanding
        .read(k, &text, state.today.date(), region);
    let proposals = match result {
        Ok(p) => p,
        Err(refused) => {
            let message = match refused {
                understand::Refused::Empty => i.t("own-words-error-empty"),
                understand::Refused::TooLong { chars } => i.args(
                    "own-words-error-too-long",
                    &[
                        ("max", understand::MAX_CHARS.to_string()),
                        ("chars", chars.to_string()),
                    ],
                ),
            };
            let error = FieldError {
                message,
                field: FIELD.into(),
            };
            let mut response = render(&page(lang, csrf, text, Some(error)));
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(response);
        }
    };
    let stored: Vec<Stored> = proposals
        .iter()
        .map(|p| Stored {
            question: p.question.clone(),
            values: p.values.clone(),
            words: p.spans.iter().map(|s| s.words.clone()).collect(),
        })
        .collect();
    if stored.is_empty() {
        clear(&session).await?;
    } else {
        session.insert(PROPOSALS, &stored).await?;
    }
    let rows = proposals
        .iter()
        .filter_map(|p| {
            // Read in Dutch, shown in the parent's language (same question ids).
            let q = state.lib_for(lang).k.question(&p.question)?;
            Some(ProposalRow {
                question: q.text.clone(),
                answer: answer_in_words(q, &p.values, i),
            })
        })
        .collect();
    let mut marks: Vec<(usize, usize)> = proposals
        .iter()
        .flat_map(|p| p.spans.iter().map(|s| (s.start, s.end)))
        .collect();
    let mut out = page(lang, csrf, text.clone(), None);
    marks.sort_unstable();
    out.read = Some(Reading {
        pieces: pieces(&text, &marks),
        rows,
    });
    out.keep = Some(keep(&state, user.0.as_ref()).await?);
    Ok(render(&out))
}

/// `POST /dossiers/{case}/eigen-woorden`: the parent chose to keep the text in this case; it
/// becomes a note on the timeline, dated today. An empty or too long text gets the page again
/// with a message and the text in the box.
pub async fn save(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    session: Session,
    Form(posted): Form<Posted>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let saved = cases::events::save_own_words(
        &*state.store,
        &access.case.id,
        &i.t("own-words-note-title"),
        &posted.tekst,
        state.today.date(),
        &access.actor(),
    )
    .await
    .map_err(case_error)?;
    match saved {
        Ok(_) => {
            session.insert(SAVED, &access.case.id).await?;
            Ok(Redirect::to(PATH).into_response())
        }
        Err(refused) => {
            let message = match refused {
                OwnWordsRefused::Empty => i.t("own-words-save-error-empty"),
                OwnWordsRefused::TooLong { chars } => i.args(
                    "own-words-error-too-long",
                    &[
                        ("max", cases::events::MAX_OWN_WORDS.to_string()),
                        ("chars", chars.to_string()),
                    ],
                ),
            };
            let error = FieldError {
                message,
                field: FIELD.into(),
            };
            let csrf = csrf::token(&session).await?;
            let mut out = page(lang, csrf, posted.tekst, Some(error));
            out.keep = Some(keep(&state, Some(&access.user)).await?);
            let mut response = render(&out);
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
    }
}

/// A proposal in words, as the check page shows an answer.
fn answer_in_words(q: &Question, values: &[String], i: Tr) -> String {
    match q.kind {
        QuestionType::Yesno => match values.first().map(String::as_str) {
            Some("ja") => i.t("answer-yes"),
            _ => i.t("answer-no"),
        },
        QuestionType::Number => match &q.unit {
            Some(unit) => format!("{} {unit}", values.join(", ")),
            None => values.join(", "),
        },
        QuestionType::Date => values
            .first()
            .and_then(|v| v.parse::<jiff::civil::Date>().ok())
            .map(|d| i.date(d))
            .unwrap_or_default(),
        QuestionType::Choice | QuestionType::Multi => values
            .iter()
            .filter_map(|v| q.options.iter().find(|o| &o.value == v))
            .map(|o| o.label.clone())
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The text cut into pieces at the marked spans (sorted; overlapping ones are merged).
fn pieces(text: &str, marks: &[(usize, usize)]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(start, end) in marks {
        let start = start.max(at);
        if end <= start || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            out.push(Piece {
                text: text[at..start].to_string(),
                marked: false,
            });
        }
        out.push(Piece {
            text: text[start..end].to_string(),
            marked: true,
        });
        at = end;
    }
    if at < text.len() {
        out.push(Piece {
            text: text[at..].to_string(),
            marked: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_marks_are_merged_into_the_pieces() {
        let p = pieces("zit al 5 weken thuis nu", &[(0, 14), (7, 20)]);
        let shown: Vec<(&str, bool)> = p.iter().map(|p| (p.text.as_str(), p.marked)).collect();
        assert_eq!(
            shown,
            [("zit al 5 weken", true), (" thuis", true), (" nu", false)]
        );
    }
}
