//! Letters and the one-page route plan as documents: PDF through typst (in-process, with the
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
pub use pdf::{letter_pdf, plan_pdf};

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
    /// From the salutation to the signature. Paragraphs are separated by blank lines; a single
    /// line break stays a line break.
    pub body: String,
}

impl Letter {
    /// The body as paragraphs, each a list of lines.
    pub fn paragraphs(&self) -> Vec<Vec<String>> {
        paragraphs(&self.body)
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
