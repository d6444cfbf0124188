//! Letters: a template's fields and placeholders match, the signature mark stands once, and a
//! follow-up starts only the term that sending the letter starts.

use std::collections::HashSet;

use super::Checker;
use crate::model::{FollowUp, Letter, LetterTemplate, Loc};

impl Checker<'_> {
    /// A letter's follow-up names a term; a date question it sets must be that term's `start`,
    /// so that sending only starts a term the law starts from sending.
    pub(super) fn follow_up(&mut self, l: &Letter, f: &FollowUp) {
        let what = format!("letter '{}'", l.id);
        let Some(term) = self.k.terms.iter().find(|t| t.id == f.term) else {
            self.err(
                &l.loc,
                format!("{what}: follow-up term '{}' is not in terms.toml", f.term),
            );
            return;
        };
        if let Some(q) = &f.date_question
            && term.start.as_deref() != Some(q.as_str())
        {
            self.err(
                &l.loc,
                format!(
                    "{what}: follow-up date-question '{q}' must be the start of term '{}' ({}); \
                     leave date-question out when sending the letter does not start the term",
                    term.id,
                    term.start.as_deref().unwrap_or("it has none"),
                ),
            );
        }
    }

    /// Fields are unique, the standard ones are there, every `from` is a question or derived
    /// value, and every `{{id}}` in the subject and text is a field of this letter.
    pub(super) fn letter_template(&mut self, id: &str, t: &LetterTemplate) {
        let what = format!("letter template '{id}'");
        let mut seen = HashSet::new();
        if t.signature.trim().is_empty() {
            let line = t.body_line + t.body.matches('\n').count();
            self.err(
                &Loc {
                    file: t.loc.file.clone(),
                    line,
                },
                format!(
                    "{what}: the text needs a line of only {} after the closing (where the signature goes), followed by the name",
                    LetterTemplate::SIGNATURE_MARK
                ),
            );
        }
        for f in &t.fields {
            if f.id == LetterTemplate::SIGNATURE_ID {
                self.err(
                    &t.loc,
                    format!(
                        "{what}: '{}' marks the signature and cannot be a field",
                        f.id
                    ),
                );
            }
            if !seen.insert(f.id.as_str()) {
                self.err(&t.loc, format!("{what}: field '{}' is listed twice", f.id));
            }
            if let Some(from) = &f.from
                && self.k.value_type(from).is_none()
            {
                self.err(&t.loc, format!("{what}: field '{}' has from = '{from}', which is not a question or derived value", f.id));
            }
            if let Some(case) = &f.case
                && let Err(e) = crate::letter::CaseSource::parse(case)
            {
                self.err(&t.loc, format!("{what}: field '{}': {e}", f.id));
            }
        }
        for required in LetterTemplate::REQUIRED_FIELDS {
            if t.field(required).is_none() {
                self.err(
                    &t.loc,
                    format!("{what}: every letter needs the field '{required}'"),
                );
            }
        }
        for f in &t.fields {
            let used = |text: &str| crate::fill::placeholders(text).contains(&f.id.as_str());
            if !LetterTemplate::REQUIRED_FIELDS.contains(&f.id.as_str())
                && !used(&t.subject)
                && !used(&t.body)
                && !used(&t.signature)
            {
                self.err(
                    &t.loc,
                    format!(
                        "{what}: field '{}' is not used in the subject or the text",
                        f.id
                    ),
                );
            }
        }
        for (text, first_line) in [
            (&t.subject, t.loc.line),
            (&t.body, t.body_line),
            (&t.signature, t.signature_line),
        ] {
            for name in crate::fill::placeholders(text) {
                // `name` is a slice of `text`: its offset gives the line.
                let offset = name.as_ptr() as usize - text.as_ptr() as usize;
                let line = first_line + text[..offset].matches('\n').count();
                let loc = Loc {
                    file: t.loc.file.clone(),
                    line,
                };
                if name == LetterTemplate::SIGNATURE_ID {
                    // The loader took the first line of only the mark; this is another one.
                    self.err(
                        &loc,
                        format!(
                            "{what}: {} goes once, on a line of its own, after the closing",
                            LetterTemplate::SIGNATURE_MARK
                        ),
                    );
                } else if t.field(name).is_none() {
                    self.err(
                        &loc,
                        format!(
                            "{what}: unknown placeholder {{{{{name}}}}}; add it to fields = [...]"
                        ),
                    );
                }
            }
        }
    }
}
