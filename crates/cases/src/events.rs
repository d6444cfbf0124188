//! The timeline of a case: events (a conversation, a decision, a letter sent...) with a date,
//! a title, notes, the parties involved and optionally a file. An event's date can answer a
//! date question of the intake (see [`crate::advice`]).

use route::Knowledge;
use route::model::QuestionType;
use store::{Actor, Edit, Event, Store, new_id};

use crate::CaseError;
use crate::attachments;

/// The kinds of timeline events; the text of each is `event-kind-<kind>`.
pub const EVENT_KINDS: [&str; 9] = [
    "conversation",
    "preparation",
    "email",
    "letter",
    "decision",
    "report",
    "complaint",
    "meeting",
    NOTE,
];

/// A note: something written down, such as the parent's own words (see [`save_own_words`]).
pub const NOTE: &str = "note";

/// The longest title kept.
const MAX_TITLE: usize = 300;
/// The longest letter text kept on the timeline.
const MAX_SENT_TEXT: usize = 20_000;
/// The longest own-words text kept on the timeline, in characters.
pub const MAX_OWN_WORDS: usize = 20_000;

/// An event as a person typed it: kept whole when the form is refused, so nothing is lost.
#[derive(Debug, Default, Clone)]
pub struct EventDraft {
    pub kind: String,
    pub date: String,
    pub title: String,
    pub notes: String,
    /// The date question this event's date answers, or empty.
    pub sets_date: String,
}

/// What is wrong with a draft; the text of each is its [`EventRefused::key`], except a date,
/// whose text says what was understood of it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EventRefused {
    #[error("not a kind of event")]
    Kind,
    #[error("not a date: {0}")]
    Date(calendar::TypedDateError),
    #[error("no title")]
    Title,
    #[error("not a date question of the intake")]
    SetsDate,
}

impl EventRefused {
    pub fn key(&self) -> &'static str {
        match self {
            EventRefused::Kind => "event-error-kind",
            EventRefused::Date(_) => "event-error-date",
            EventRefused::Title => "event-error-title",
            EventRefused::SetsDate => "event-error-sets-date",
        }
    }
}

impl From<Event> for EventDraft {
    /// The stored event as a form shows it to be changed: the ISO date written the Dutch way.
    fn from(e: Event) -> Self {
        let date = match e.date.parse::<jiff::civil::Date>() {
            Ok(d) => calendar::format_typed_date(d),
            Err(_) => e.date,
        };
        EventDraft {
            kind: e.kind,
            date,
            title: e.title,
            notes: e.notes,
            sets_date: e.sets_date,
        }
    }
}

impl EventDraft {
    /// The date of the event, when kind, date and title are fine (what an edit can change).
    pub fn check(&self) -> Result<jiff::civil::Date, EventRefused> {
        if !EVENT_KINDS.contains(&self.kind.as_str()) {
            return Err(EventRefused::Kind);
        }
        let date = crate::parse_date(&self.date).map_err(EventRefused::Date)?;
        if self.title.trim().is_empty() {
            return Err(EventRefused::Title);
        }
        Ok(date)
    }

    /// Like [`EventDraft::check`], and the date question it answers must be one of `k`.
    pub fn check_new(&self, k: &Knowledge) -> Result<jiff::civil::Date, EventRefused> {
        let date = self.check()?;
        if !self.sets_date.is_empty() && !date_questions(k).any(|(id, _)| id == self.sets_date) {
            return Err(EventRefused::SetsDate);
        }
        Ok(date)
    }

    fn title(&self) -> String {
        self.title.trim().chars().take(MAX_TITLE).collect()
    }
}

/// The date questions of the intake, as (id, question text): an event's date can answer one.
pub fn date_questions(k: &Knowledge) -> impl Iterator<Item = (&str, &str)> {
    k.questions
        .iter()
        .filter(|q| q.kind == QuestionType::Date)
        .map(|q| (q.id.as_str(), q.text.as_str()))
}

/// A file sent with a new event: the name the uploader gave, and its bytes.
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Why a new event is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddRefused {
    #[error(transparent)]
    Event(EventRefused),
    #[error(transparent)]
    File(attachments::Refused),
}

/// Adds an event to the case's timeline, with its file when there is one. Party ids that are
/// not parties of this case are dropped.
#[allow(clippy::too_many_arguments)]
pub async fn add(
    store: &dyn Store,
    k: &Knowledge,
    case_id: &str,
    draft: &EventDraft,
    mut party_ids: Vec<String>,
    upload: Option<Upload>,
    actor: &Actor,
) -> Result<Result<Event, AddRefused>, CaseError> {
    let date = match draft.check_new(k) {
        Ok(d) => d,
        Err(e) => return Ok(Err(AddRefused::Event(e))),
    };
    let media_type = match upload.as_ref().map(|u| attachments::check(&u.bytes)) {
        Some(Err(e)) => return Ok(Err(AddRefused::File(e))),
        Some(Ok(t)) => Some(t),
        None => None,
    };
    let known = store.parties(case_id).await?;
    party_ids.retain(|id| known.iter().any(|p| p.id == *id));
    let event = Event {
        parties: party_ids.join(","),
        sets_date: draft.sets_date.clone(),
        ..new_event(
            case_id,
            &draft.kind,
            date,
            draft.title(),
            draft.notes.clone(),
            actor,
        )
    };
    store.add_event(&event, actor).await?;
    if let (Some(u), Some(media_type)) = (upload, media_type) {
        attachments::add(
            store,
            (case_id, &event.id),
            &u.file_name,
            media_type,
            &u.bytes,
            actor,
        )
        .await?;
    }
    Ok(Ok(event))
}

/// Saves an edit of `stored` that started from `version`; see [`Store::update_event`] for
/// what a conflict returns. The draft must have passed [`EventDraft::check`].
pub async fn update(
    store: &dyn Store,
    stored: Event,
    draft: &EventDraft,
    date: jiff::civil::Date,
    version: i64,
    actor: &Actor,
) -> Result<Edit, CaseError> {
    let event = Event {
        kind: draft.kind.clone(),
        date: date.to_string(),
        title: draft.title(),
        notes: draft.notes.clone(),
        version,
        ..stored
    };
    Ok(store.update_event(&event, actor).await?)
}

/// What a person tells of a letter they sent: its subject, text and signature as they were.
pub struct SentLetter<'a> {
    pub subject: &'a str,
    pub text: &'a str,
    pub signature: &'a str,
}

/// Puts a letter of the content, sent on `date`, on the timeline; its follow-up date question
/// is answered by that date. The notes are Markdown shown through the sanitiser; control
/// characters are dropped here.
pub async fn letter_sent(
    store: &dyn Store,
    case_id: &str,
    letter: &route::model::Letter,
    date: jiff::civil::Date,
    sent: SentLetter<'_>,
    actor: &Actor,
) -> Result<Event, CaseError> {
    let clean = |s: &str| -> String {
        s.trim()
            .replace("\r\n", "\n")
            .chars()
            .filter(|c| *c == '\n' || !c.is_control())
            .take(MAX_SENT_TEXT)
            .collect()
    };
    let notes = [clean(sent.subject), clean(sent.text), clean(sent.signature)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let event = Event {
        sets_date: letter
            .follow_up
            .as_ref()
            .and_then(|f| f.date_question.clone())
            .unwrap_or_default(),
        ..new_event(
            case_id,
            "letter",
            date,
            letter.title.chars().take(MAX_TITLE).collect(),
            notes,
            actor,
        )
    };
    store.add_event(&event, actor).await?;
    Ok(event)
}

/// Why the parent's own words cannot be saved as a note.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OwnWordsRefused {
    /// Nothing but spaces.
    #[error("the text is empty")]
    Empty,
    /// More than [`MAX_OWN_WORDS`] characters.
    #[error("the text has {chars} characters; at most {MAX_OWN_WORDS} are saved")]
    TooLong { chars: usize },
}

/// Puts the parent's own words on the case's timeline: a [`NOTE`] dated `date` with `title`,
/// whose notes are the text exactly as written. The timeline shows notes as Markdown through
/// the sanitiser; here `\`, `<` and `&` are escaped for Markdown, so that what the parent typed
/// is shown as typed (`<b>` as the characters, not as bold). Control characters other than
/// new lines are dropped. The store writes the audit line (`event.add`).
pub async fn save_own_words(
    store: &dyn Store,
    case_id: &str,
    title: &str,
    text: &str,
    date: jiff::civil::Date,
    actor: &Actor,
) -> Result<Result<Event, OwnWordsRefused>, CaseError> {
    let clean: String = text
        .trim()
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect();
    if clean.trim().is_empty() {
        return Ok(Err(OwnWordsRefused::Empty));
    }
    let chars = clean.chars().count();
    if chars > MAX_OWN_WORDS {
        return Ok(Err(OwnWordsRefused::TooLong { chars }));
    }
    let event = new_event(
        case_id,
        NOTE,
        date,
        title.trim().chars().take(MAX_TITLE).collect(),
        literal_markdown(&clean),
        actor,
    );
    store.add_event(&event, actor).await?;
    Ok(Ok(event))
}

/// A new event that `actor` writes now: a fresh id, version 1, no parties and no date it sets
/// (callers that have those set them with struct update syntax).
pub fn new_event(
    case_id: &str,
    kind: &str,
    date: impl std::fmt::Display,
    title: String,
    notes: String,
    actor: &Actor,
) -> Event {
    Event {
        id: new_id(),
        case_id: case_id.to_string(),
        kind: kind.to_string(),
        date: date.to_string(),
        title,
        notes,
        parties: String::new(),
        sets_date: String::new(),
        version: 1,
        created_by: actor.user_id.clone(),
        updated_at: actor.now,
    }
}

/// Text that Markdown shows as written: a backslash, `<` and `&` get a backslash before them,
/// so no HTML tag or entity is made of them.
pub fn literal_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '<' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use calendar::TypedDateError;

    #[test]
    fn own_words_become_markdown_shown_as_written() {
        assert_eq!(
            literal_markdown("<b>hoi</b> & \\n"),
            "\\<b>hoi\\</b> \\& \\\\n"
        );
        assert_eq!(
            literal_markdown("zit al 5 weken thuis"),
            "zit al 5 weken thuis"
        );
    }

    fn draft(date: &str) -> EventDraft {
        EventDraft {
            kind: "letter".into(),
            date: date.into(),
            title: "Brief".into(),
            ..EventDraft::default()
        }
    }

    #[test]
    fn a_date_is_typed_the_dutch_way() {
        let march_first = jiff::civil::date(2027, 3, 1);
        assert_eq!(draft("1-3-2027").check(), Ok(march_first));
        assert_eq!(draft("1 maart 2027").check(), Ok(march_first));
        assert_eq!(draft("2027-03-01").check(), Ok(march_first));
        assert_eq!(
            draft("3/4").check(),
            Err(EventRefused::Date(TypedDateError::NoYear {
                day: 3,
                month: 4
            }))
        );
    }

    #[test]
    fn a_stored_event_is_shown_with_a_dutch_date() {
        let event = Event {
            id: "e".into(),
            case_id: "c".into(),
            kind: "letter".into(),
            date: "2027-03-01".into(),
            title: "Brief".into(),
            notes: String::new(),
            parties: String::new(),
            sets_date: String::new(),
            version: 1,
            created_by: "u".into(),
            updated_at: 0,
        };
        assert_eq!(EventDraft::from(event).date, "1-3-2027");
    }
}
