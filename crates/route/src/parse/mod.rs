//! Parsing content text into [`Knowledge`]: TOML knowledge files, Markdown articles and letter
//! templates, each in a module of its own; the calendar crate reads the holiday tables.
//!
//! Parsing is pure and does not check; the loader runs the checks after it. Parsing goes on
//! after an error so that an editor sees all problems at once.

mod articles;
mod index;
mod knowledge;
mod letter_templates;
mod raw;
mod texts;

use std::path::{Path, PathBuf};

use calendar::{Confidence, SchoolCalendar};

use crate::error::ContentError;
use crate::model::{Citation, Knowledge};
use articles::{apply_english_articles, load_article, load_english_article};
use index::{build_index, resolve_slots};
use knowledge::load_knowledge_file;
use letter_templates::{attach_letter_templates, load_letter_template};

/// What kind of content file a path is.
enum FileKind {
    Knowledge,
    Article,
    /// The English twin of an article: `articles/en/<id>.md`.
    EnglishArticle,
    Holidays,
    LetterTemplate,
    /// Not content the engine reads (for example a README or a letter template).
    Other,
}

fn file_kind(path: &Path) -> FileKind {
    let in_dir = |name: &str| path.components().any(|c| c.as_os_str() == name);
    let ext = path.extension().and_then(|e| e.to_str());
    if in_dir("holidays") && ext == Some("toml") {
        FileKind::Holidays
    } else if in_dir("articles") && in_dir("en") && ext == Some("md") {
        FileKind::EnglishArticle
    } else if in_dir("articles") && ext == Some("md") {
        FileKind::Article
    } else if in_dir("letters") && ext == Some("md") {
        FileKind::LetterTemplate
    } else if path.file_name().is_some_and(|n| n == "understanding.toml") {
        // Patterns for reading a parent's own words: the understand crate reads and checks it.
        FileKind::Other
    } else if ext == Some("toml") {
        FileKind::Knowledge
    } else {
        FileKind::Other
    }
}

/// Parses content from (path, text) pairs, in the order given, with its texts in `lang`, and
/// builds the index. The knowledge is only fit for use when there are no errors and the
/// checks pass.
pub(crate) fn parse_files(
    files: &[(PathBuf, String)],
    lang: calendar::Lang,
) -> (Knowledge, Vec<ContentError>) {
    let mut k = Knowledge {
        lang,
        ..Knowledge::default()
    };
    let mut errors = Vec::new();
    let mut holiday_files = Vec::new();
    let mut templates = Vec::new();
    let mut english_articles = Vec::new();
    for (path, text) in files {
        match file_kind(path) {
            FileKind::Knowledge => load_knowledge_file(path, text, lang, &mut k, &mut errors),
            FileKind::Article => load_article(path, text, &mut k, &mut errors),
            FileKind::EnglishArticle => {
                if let Some(a) = load_english_article(path, text, &mut errors) {
                    english_articles.push(a);
                }
            }
            FileKind::Holidays => holiday_files.push((path.clone(), text.clone())),
            FileKind::LetterTemplate => {
                if let Some(t) = load_letter_template(path, text, lang, &mut k, &mut errors) {
                    templates.push(t);
                }
            }
            FileKind::Other => {}
        }
    }
    match SchoolCalendar::from_files(&holiday_files) {
        Ok(cal) => k.calendar = cal,
        Err(errs) => errors.extend(errs.into_iter().map(|e| ContentError {
            file: e.file,
            line: e.line,
            message: e.message,
        })),
    }
    apply_english_articles(&mut k, english_articles, lang, &mut errors);
    build_index(&mut k, &mut errors);
    resolve_slots(&mut k);
    attach_letter_templates(&mut k, templates, &mut errors);
    (k, errors)
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1
}

fn toml_error(path: &Path, text: &str, e: toml::de::Error, line_offset: usize) -> ContentError {
    let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1) + line_offset;
    ContentError {
        file: path.to_path_buf(),
        line,
        message: e.message().trim().to_string(),
    }
}

fn cite(sources: Vec<String>, claims: Vec<String>, confidence: Option<Confidence>) -> Citation {
    Citation {
        sources,
        claims,
        confidence,
    }
}
