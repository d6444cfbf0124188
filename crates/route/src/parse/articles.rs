//! Articles (`articles/*.md`): TOML front matter between `+++` lines, then Markdown.

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

/// An article is `+++`, TOML front matter, `+++`, then Markdown.
pub(super) fn load_article(
    path: &Path,
    text: &str,
    k: &mut Knowledge,
    errors: &mut Vec<ContentError>,
) {
    let err = |line: usize, message: &str| ContentError {
        file: path.to_path_buf(),
        line,
        message: message.to_string(),
    };
    let Some(rest) = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
    else {
        errors.push(err(1, "an article starts with a line '+++', then its front matter (id, title, summary, sources, claims), then '+++'"));
        return;
    };
    let Some(end) = rest.find("\n+++") else {
        errors.push(err(1, "the front matter has no closing '+++' line"));
        return;
    };
    let front = &rest[..end + 1];
    let body = rest[end + 4..].trim_start_matches(['\r', '\n']).to_string();
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
