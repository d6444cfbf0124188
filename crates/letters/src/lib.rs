//! Letters, the one-page route plan and the case dossier as documents: PDF through typst (in-process, with the
//! bundled fonts in `fonts/`, no network, no system fonts) and DOCX through docx-rs.
//!
//! The caller gives finished texts ([`Letter`], [`Plan`]); this crate only lays them out. User
//! text reaches typst only as JSON through `sys.inputs`, never as markup, so nothing a parent
//! types can run as typst code. Rendering is synchronous and CPU-bound: call it from
//! `spawn_blocking` in async code.

mod docx;
mod pdf;

use serde::Serialize;

pub use docx::letter_docx;
pub use pdf::{conversation_pdf, dossier_pdf, letter_pdf, plan_pdf};

/// A filled-in letter, ready to lay out.
#[derive(Debug, Clone, Serialize)]
pub struct Letter {
    /// The title of the document (PDF metadata), for example the letter's name.
    pub title: String,
    /// The sender's name and address, one line each.
    pub sender: Vec<String>,
    /// The addressee, one line each.
    pub addressee: Vec<String>,
    pub place: String,
    pub date: String,
    /// The word before the subject ("Betreft").
    pub subject_label: String,
    pub subject: String,
    /// From the salutation to the closing ("Met vriendelijke groet,"). Paragraphs are separated
    /// by blank lines; a single line break stays a line break.
    pub body: String,
    /// What goes under the space left for the handwritten signature (the name, perhaps a list
    /// of attachments), in paragraphs like the body. The space is there even when this is empty.
    pub signature: String,
}

impl Letter {
    /// The body as paragraphs, each a list of lines.
    pub fn paragraphs(&self) -> Vec<Vec<String>> {
        paragraphs(&self.body)
    }

    /// The signature text as paragraphs, each a list of lines.
    pub fn signature_paragraphs(&self) -> Vec<Vec<String>> {
        paragraphs(&self.signature)
    }
}

/// Splits a text into paragraphs (blank lines between) of lines.
pub fn paragraphs(text: &str) -> Vec<Vec<String>> {
    let text = text.replace("\r\n", "\n");
    text.split("\n\n")
        .map(|p| {
            p.lines()
                .map(|l| l.trim_end().to_string())
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// One step of the route in the plan.
#[derive(Debug, Clone, Serialize)]
pub struct PlanStep {
    pub number: usize,
    pub title: String,
    /// "Nu", "Hierna", "Gedaan", ... as the interface says it.
    pub status: String,
    /// Whether this is the step the family is at.
    pub current: bool,
    pub summary: String,
    pub who: String,
}

/// The one-page personal plan of the route. Every text, labels included, comes from the caller.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// The language of the texts ("nl" or "en"): the PDF says it, for screen readers.
    pub lang: String,
    pub title: String,
    /// "Gemaakt op 29 november 2026 ..."
    pub lead: String,
    pub steps_heading: String,
    pub steps: Vec<PlanStep>,
    pub deadlines_heading: String,
    /// (what, when)
    pub deadlines: Vec<(String, String)>,
    pub warnings_heading: String,
    pub warnings: Vec<String>,
    pub footer: String,
}

/// One event on the dossier's timeline, every field plain text.
#[derive(Debug, Clone, Serialize)]
pub struct DossierEvent {
    /// The date with its weekday, as the interface writes it.
    pub date: String,
    pub kind: String,
    pub title: String,
    /// The names of the parties involved, comma separated.
    pub parties: String,
    /// The notes as plain text (Markdown already taken out by the caller).
    pub notes: String,
}

/// One attachment in the dossier's index.
#[derive(Debug, Clone, Serialize)]
pub struct DossierAttachment {
    pub file_name: String,
    /// The type in words ("PDF", "PNG-afbeelding", ...).
    pub kind: String,
    /// The size in words ("1,2 MB").
    pub size: String,
    /// The event it belongs to (date and title).
    pub event: String,
}

/// A whole case file on paper: cover, the situation in short, the route, deadlines, the timeline
/// and an index of attachments. Every text, headings and labels included, comes from the caller.
#[derive(Debug, Clone, Serialize)]
pub struct Dossier {
    /// The language of the texts ("nl" or "en"): the PDF says it, for screen readers.
    pub lang: String,
    /// The document title (cover and PDF metadata).
    pub title: String,
    /// The cover: (label, value), for example the child's first name, the school, the date of
    /// export.
    pub cover: Vec<(String, String)>,
    /// A line under the cover (what this document is, that it is not legal advice).
    pub cover_note: String,
    pub situation_heading: String,
    /// (question text, answer in words)
    pub situation: Vec<(String, String)>,
    pub route_heading: String,
    pub steps: Vec<PlanStep>,
    pub deadlines_heading: String,
    /// (what, date with weekday)
    pub deadlines: Vec<(String, String)>,
    pub timeline_heading: String,
    /// The labels of the parties and notes lines of an event.
    pub parties_label: String,
    pub events: Vec<DossierEvent>,
    pub attachments_heading: String,
    /// The column heads of the index: file name, type, size, event.
    pub attachment_columns: [String; 4],
    pub attachments: Vec<DossierAttachment>,
    pub advice_heading: String,
    /// The advice the case was given over time, oldest first: (when and on which content,
    /// the advice in one line). Left out when empty.
    pub advice_history: Vec<(String, String)>,
    /// Shown under a heading whose list is empty.
    pub empty: String,
    pub footer: String,
}

/// One part of a conversation's preparation: a heading, an optional paragraph and a list.
#[derive(Debug, Clone, Serialize)]
pub struct SheetSection {
    pub heading: String,
    pub text: String,
    pub items: Vec<String>,
}

/// The preparation of one conversation on paper, to take along: the parts in order, then room
/// for notes. Every text, headings included, comes from the caller.
#[derive(Debug, Clone, Serialize)]
pub struct ConversationSheet {
    /// The language of the texts ("nl" or "en"): the PDF says it, for screen readers.
    pub lang: String,
    pub title: String,
    /// Under the title: with whom, and for which case.
    pub lead: String,
    pub sections: Vec<SheetSection>,
    /// The heading above the empty lines for notes during the conversation.
    pub notes_heading: String,
    pub footer: String,
}

/// Why a document could not be made. These are bugs in a template or the layout, not in what a
/// parent typed; the message names the template and typst's own explanation.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the typst template '{template}' failed: {message}")]
    Typst {
        template: &'static str,
        message: String,
    },
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    #[error("the DOCX could not be written: {0}")]
    Docx(String),
    #[error("the document data could not be encoded: {0}")]
    Json(#[from] serde_json::Error),
}
