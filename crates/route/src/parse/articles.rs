//! Articles (`articles/*.md`): TOML front matter between `+++` lines, then Markdown. The
//! English twin of `articles/<id>.md` is `articles/en/<id>.md`, with only id, title and summary
//! in its front matter: sources and claims are the Dutch article's.

use std::path::Path;

use calendar::Confidence;
use serde::Deserialize;

use super::{cite, toml_error};
use crate::error::ContentError;
use crate::model::{Article, Knowledge, Loc};

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFrontMatter {
    id: String,
    title: String,
    summary: String,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    claims: Vec<String>,
    confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawEnglishFront {
    id: String,
    title: String,
    summary: String,
}

/// An English article: its texts, and where it was read.
pub(super) struct EnglishArticle {
    id: String,
    title: String,
    summary: String,
    body: String,
    loc: Loc,
}

/// Splits `+++` front matter from the body; `what` names the front matter's keys in errors.
fn split_front<'t>(
    path: &Path,
    text: &'t str,
    what: &str,
    errors: &mut Vec<ContentError>,
) -> Option<(&'t str, String)> {
    let err = |line: usize, message: String| ContentError {
        file: path.to_path_buf(),
        line,
        message,
    };
    let Some(rest) = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
    else {
        errors.push(err(
            1,
            format!(
                "an article starts with a line '+++', then its front matter ({what}), then '+++'"
            ),
        ));
        return None;
    };
    let Some(end) = rest.find("\n+++") else {
        errors.push(err(
            1,
            "the front matter has no closing '+++' line".to_string(),
        ));
        return None;
    };
    let body = rest[end + 4..].trim_start_matches(['\r', '\n']).to_string();
    Some((&rest[..end + 1], body))
}

/// Reads an English article (`articles/en/<id>.md`).
pub(super) fn load_english_article(
    path: &Path,
    text: &str,
    errors: &mut Vec<ContentError>,
) -> Option<EnglishArticle> {
    let (front, body) = split_front(path, text, "id, title, summary", errors)?;
    let fm: RawEnglishFront = match toml::from_str(front) {
        Ok(fm) => fm,
        Err(e) => {
            errors.push(toml_error(path, front, e, 1));
            return None;
        }
    };
    let loc = Loc {
        file: path.to_path_buf(),
        line: 2,
    };
    Some(EnglishArticle {
        id: fm.id,
        title: fm.title,
        summary: fm.summary,
        body,
        loc,
    })
}

/// Puts each article's English twin in its place when loading English, and counts the twins
/// for the coverage table in both languages. A missing twin is an error only in English; a
/// twin without a Dutch article is always one.
pub(super) fn apply_english_articles(
    k: &mut Knowledge,
    english: Vec<EnglishArticle>,
    lang: calendar::Lang,
    errors: &mut Vec<ContentError>,
) {
    let mut by_id: std::collections::HashMap<String, EnglishArticle> = Default::default();
    for a in english {
        if !k.articles.iter().any(|d| d.id == a.id) {
            errors.push(ContentError::at(
                &a.loc,
                format!(
                    "English article '{}' has no Dutch article articles/{}.md beside it",
                    a.id, a.id
                ),
            ));
            continue;
        }
        by_id.insert(a.id.clone(), a);
    }
    for article in &mut k.articles {
        let twin = by_id.remove(&article.id);
        let count = k.coverage.kinds.entry("article").or_default();
        count.dutch += 1;
        if twin.is_some() {
            count.english += 1;
        }
        if lang != calendar::Lang::En {
            continue;
        }
        match twin {
            Some(en) => {
                article.title = en.title;
                article.summary = en.summary;
                article.body = en.body;
            }
            None => errors.push(ContentError::at(
                &article.loc,
                format!(
                    "article '{}' has no English text; write it in articles/en/{}.md",
                    article.id, article.id
                ),
            )),
        }
    }
}

/// An article is `+++`, TOML front matter, `+++`, then Markdown.
pub(super) fn load_article(
    path: &Path,
    text: &str,
    k: &mut Knowledge,
    errors: &mut Vec<ContentError>,
) {
    let Some((front, body)) =
        split_front(path, text, "id, title, summary, sources, claims", errors)
    else {
        return;
    };
    let fm: RawFrontMatter = match toml::from_str(front) {
        Ok(fm) => fm,
        Err(e) => {
            errors.push(toml_error(path, front, e, 1));
            return;
        }
    };
    let loc = Loc {
        file: path.to_path_buf(),
        line: 2,
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if fm.id != stem {
        errors.push(ContentError::at(
            &loc,
            format!(
                "article id '{}' differs from its file name '{stem}.md'",
                fm.id
            ),
        ));
    }
    k.articles.push(Article {
        id: fm.id,
        title: fm.title,
        summary: fm.summary,
        body,
        cite: cite(fm.sources, fm.claims, fm.confidence),
        loc,
    });
}
