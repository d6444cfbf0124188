//! Letter templates (`letters/*.md`): front matter with the subject and fields, the letter text,
//! and the signature after its mark; each belongs to a `[[letter]]` of the knowledge files.

use std::path::Path;

use serde::Deserialize;

use super::texts::Texts;
use super::{line_of, toml_error};
use crate::error::ContentError;
use crate::model::{FieldKind, Knowledge, LetterField, LetterTemplate, Loc};

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLetterFront {
    id: String,
    subject: String,
    #[serde(default)]
    fields: Vec<RawLetterField>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLetterField {
    id: String,
    label: String,
    label_en: Option<String>,
    hint: Option<String>,
    hint_en: Option<String>,
    from: Option<String>,
    case: Option<String>,
    kind: FieldKind,
}

/// A letter template is `+++`, TOML front matter (id, subject, fields), `+++`, then the text.
/// Returns the letter id and the template.
pub(super) fn load_letter_template(
    path: &Path,
    text: &str,
    lang: calendar::Lang,
    k: &mut Knowledge,
    errors: &mut Vec<ContentError>,
) -> Option<(String, LetterTemplate)> {
    let err = |line: usize, message: &str| ContentError {
        file: path.to_path_buf(),
        line,
        message: message.to_string(),
    };
    let Some(rest) = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
    else {
        errors.push(err(1, "a letter template starts with a line '+++', then its front matter (id, subject, fields), then '+++'"));
        return None;
    };
    let Some(end) = rest.find("\n+++") else {
        errors.push(err(1, "the front matter has no closing '+++' line"));
        return None;
    };
    let front = &rest[..end + 1];
    let after = &rest[end + 4..];
    let body = after.trim_start_matches(['\r', '\n']);
    let body_line = line_of(text, text.len() - body.len());
    let (body, signature, signature_line) = split_signature(body, body_line);
    let fm: RawLetterFront = match toml::from_str(front) {
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
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if fm.id != stem {
        errors.push(ContentError::at(
            &loc,
            format!(
                "letter id '{}' differs from its file name '{stem}.md'",
                fm.id
            ),
        ));
    }
    // The letter text stays Dutch (it goes to Dutch schools and bodies); the form that fills
    // it speaks the reader's language.
    let mut t = Texts::new(lang, "letter field", &fm.id, &loc, &mut k.coverage, errors);
    let fields = fm
        .fields
        .into_iter()
        .map(|f| LetterField {
            label: t.one(&format!("field '{}' label", f.id), f.label, f.label_en),
            hint: t.opt(&format!("field '{}' hint", f.id), f.hint, f.hint_en),
            id: f.id,
            from: f.from,
            case: f.case,
            kind: f.kind,
        })
        .collect();
    Some((
        fm.id,
        LetterTemplate {
            subject: fm.subject,
            fields,
            body,
            body_line,
            signature,
            signature_line,
            loc,
        },
    ))
}

/// Splits a letter text at its first line of only `{{ondertekening}}`: the text before it, the
/// text after it and the line where that starts. Without the line, all is text and the check
/// reports the missing mark.
fn split_signature(body: &str, body_line: usize) -> (String, String, usize) {
    let mut offset = 0;
    for (n, line) in body.split_inclusive('\n').enumerate() {
        if line.trim() == LetterTemplate::SIGNATURE_MARK {
            let before = body[..offset].trim_end().to_string();
            let after = &body[offset + line.len()..];
            let skipped = after.len() - after.trim_start_matches(['\r', '\n']).len();
            let blank_lines = after[..skipped].matches('\n').count();
            let after = after.trim().to_string();
            return (before, after, body_line + n + 1 + blank_lines);
        }
        offset += line.len();
    }
    (body.trim_end().to_string(), String::new(), body_line)
}

/// Gives each `[[letter]]` its template; a template for no `[[letter]]` is an error.
pub(super) fn attach_letter_templates(
    k: &mut Knowledge,
    templates: Vec<(String, LetterTemplate)>,
    errors: &mut Vec<ContentError>,
) {
    for (id, t) in templates {
        match k.index.letters.get(&id).copied() {
            Some(i) if k.letters[i].template.is_some() => errors.push(ContentError::at(
                &t.loc,
                format!("letter '{id}' has a second template"),
            )),
            Some(i) => k.letters[i].template = Some(t),
            None => errors.push(ContentError::at(
                &t.loc,
                format!("letter template '{id}' has no [[letter]] with that id in letters.toml"),
            )),
        }
    }
}
