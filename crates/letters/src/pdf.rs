//! PDF through typst: one [`World`] with the bundled fonts and one fixed source per template.
//!
//! Every template has one static `FileId`: typst interns file ids for the life of the process
//! and allows at most 65 535, so they are never made per request. The typst memo cache is
//! trimmed after each render so that a long-running server does not grow.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration, IntoValue};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::{ConversationSheet, Dossier, Letter, Plan, RenderError};

const LETTER_TYP: &str = include_str!("../templates/letter.typ");
const PLAN_TYP: &str = include_str!("../templates/plan.typ");
const DOSSIER_TYP: &str = include_str!("../templates/dossier.typ");
const CONVERSATION_TYP: &str = include_str!("../templates/conversation.typ");

/// The bundled fonts (see `fonts/README.md`).
const FONT_FILES: [&[u8]; 3] = [
    include_bytes!("../fonts/OpenSans-Regular.ttf"),
    include_bytes!("../fonts/OpenSans-Bold.ttf"),
    include_bytes!("../fonts/OpenSans-Italic.ttf"),
];

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|d| Font::iter(Bytes::new(*d)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// A template: its name (for errors), its source text and its one file id.
struct Template {
    name: &'static str,
    text: &'static str,
    id: &'static LazyLock<FileId>,
}

fn file_id(name: &'static str) -> FileId {
    let path = VirtualPath::new(name).expect("a template name is a valid virtual path");
    RootedPath::new(VirtualRoot::Project, path).intern()
}

static LETTER_ID: LazyLock<FileId> = LazyLock::new(|| file_id("letter.typ"));
static PLAN_ID: LazyLock<FileId> = LazyLock::new(|| file_id("plan.typ"));
static DOSSIER_ID: LazyLock<FileId> = LazyLock::new(|| file_id("dossier.typ"));
static CONVERSATION_ID: LazyLock<FileId> = LazyLock::new(|| file_id("conversation.typ"));

const LETTER: Template = Template {
    name: "letter.typ",
    text: LETTER_TYP,
    id: &LETTER_ID,
};
const PLAN: Template = Template {
    name: "plan.typ",
    text: PLAN_TYP,
    id: &PLAN_ID,
};

const DOSSIER: Template = Template {
    name: "dossier.typ",
    text: DOSSIER_TYP,
    id: &DOSSIER_ID,
};

const CONVERSATION: Template = Template {
    name: "conversation.typ",
    text: CONVERSATION_TYP,
    id: &CONVERSATION_ID,
};

/// The sources of one template; the only file it may read is itself.
struct DocWorld {
    library: LazyHash<Library>,
    main: Source,
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }
    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // Templates show the date they are given; `datetime.today()` is not used.
        None
    }
}

/// A letter as PDF.
pub fn letter_pdf(letter: &Letter) -> Result<Vec<u8>, RenderError> {
    #[derive(serde::Serialize)]
    struct Data<'a> {
        #[serde(flatten)]
        letter: &'a Letter,
        paragraphs: Vec<Vec<String>>,
        signature_paragraphs: Vec<Vec<String>>,
    }
    let json = serde_json::to_string(&Data {
        letter,
        paragraphs: letter.paragraphs(),
        signature_paragraphs: letter.signature_paragraphs(),
    })?;
    render(&LETTER, json)
}

/// The one-page route plan as PDF.
pub fn plan_pdf(plan: &Plan) -> Result<Vec<u8>, RenderError> {
    render(&PLAN, serde_json::to_string(plan)?)
}

/// The case dossier as PDF: as many pages as the case needs.
pub fn dossier_pdf(dossier: &Dossier) -> Result<Vec<u8>, RenderError> {
    render(&DOSSIER, serde_json::to_string(dossier)?)
}

/// The preparation of a conversation as PDF, to print and take along.
pub fn conversation_pdf(sheet: &ConversationSheet) -> Result<Vec<u8>, RenderError> {
    render(&CONVERSATION, serde_json::to_string(sheet)?)
}

/// How many renders a memoised result may go unused before it is dropped.
const EVICT_AFTER: usize = 10;

fn render(t: &Template, json: String) -> Result<Vec<u8>, RenderError> {
    let mut inputs = Dict::new();
    // User data goes in as one JSON string, read by the template with json(bytes(...)).
    inputs.insert("data".into(), json.into_value());
    let world = DocWorld {
        library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
        main: Source::new(**t.id, t.text.to_string()),
    };
    let result = typst::compile::<PagedDocument>(&world).output;
    let doc = result.map_err(|errors| RenderError::Typst {
        template: t.name,
        message: errors
            .iter()
            .map(|e| e.message.to_string())
            .collect::<Vec<_>>()
            .join("; "),
    })?;
    // PDF/UA-1 (tagged, with title and language, for screen readers) when the document meets
    // it; otherwise a plain tagged PDF, so that a parent always gets the letter.
    let ua = typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::Ua_1])
        .ok()
        .and_then(|standards| {
            typst_pdf::pdf(
                &doc,
                &typst_pdf::PdfOptions {
                    tagged: true,
                    standards,
                    ..Default::default()
                },
            )
            .ok()
        });
    let pdf = match ua {
        Some(pdf) => Ok(pdf),
        None => typst_pdf::pdf(
            &doc,
            &typst_pdf::PdfOptions {
                tagged: true,
                ..Default::default()
            },
        )
        .map_err(|errors| {
            RenderError::Pdf(
                errors
                    .iter()
                    .map(|e| e.message.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        }),
    };
    comemo::evict(EVICT_AFTER);
    pdf
}
