//! Choosing each text in the language being loaded. A Dutch text `key` has its English twin
//! in `key-en` beside it; content is loaded once per language with the same ids, so the
//! engine never knows which language it works in.
//!
//! Every text is counted for the coverage table, in both loads. Loading English, a missing
//! twin is an error at the item's line and the Dutch text stands in, so parsing goes on and
//! an editor sees every missing text at once. Loading Dutch, English is never required:
//! small test and example contents stay Dutch only.

use calendar::Lang;

use crate::error::ContentError;
use crate::model::{Coverage, Loc};

/// The texts of one content item (a step, a rule...), picked in `lang`.
pub(super) struct Texts<'a> {
    lang: Lang,
    kind: &'static str,
    /// "step 'praten-met-school'": names the item in error messages.
    item: String,
    loc: Loc,
    coverage: &'a mut Coverage,
    errors: &'a mut Vec<ContentError>,
}

impl<'a> Texts<'a> {
    pub(super) fn new(
        lang: Lang,
        kind: &'static str,
        id: &str,
        loc: &Loc,
        coverage: &'a mut Coverage,
        errors: &'a mut Vec<ContentError>,
    ) -> Texts<'a> {
        // A letter's form is counted apart from the letter, but named as the letter.
        let named = if kind == "letter field" {
            "letter"
        } else {
            kind
        };
        Texts {
            lang,
            kind,
            item: format!("{named} '{id}'"),
            loc: loc.clone(),
            coverage,
            errors,
        }
    }

    /// The same item, at another line (an option or outcome written on a line of its own).
    pub(super) fn at(&mut self, loc: &Loc) -> Texts<'_> {
        Texts {
            lang: self.lang,
            kind: self.kind,
            item: self.item.clone(),
            loc: loc.clone(),
            coverage: &mut *self.coverage,
            errors: &mut *self.errors,
        }
    }

    fn count(&mut self, has_english: bool) {
        let c = self.coverage.kinds.entry(self.kind).or_default();
        c.dutch += 1;
        if has_english {
            c.english += 1;
        }
    }

    /// `key` is a key of the item ("summary") or a part and its key ("option 'ja' label").
    fn missing(&mut self, key: &str) {
        let (item, key) = self.name(key);
        self.errors.push(ContentError::at(
            &self.loc,
            format!("{item}: '{key}' has no English text; write it in '{key}-en' beside the Dutch"),
        ));
    }

    fn name<'k>(&self, key: &'k str) -> (String, &'k str) {
        match key.rsplit_once(' ') {
            Some((part, key)) => (format!("{}, {part}", self.item), key),
            None => (self.item.clone(), key),
        }
    }

    /// A text every item has.
    pub(super) fn one(&mut self, key: &str, nl: String, en: Option<String>) -> String {
        let en = en.filter(|t| !t.trim().is_empty());
        self.count(en.is_some());
        match (self.lang, en) {
            (Lang::Nl, _) => nl,
            (Lang::En, Some(en)) => en,
            (Lang::En, None) => {
                self.missing(key);
                nl
            }
        }
    }

    /// A text an item may have; its English twin is needed only when the Dutch is there.
    pub(super) fn opt(
        &mut self,
        key: &str,
        nl: Option<String>,
        en: Option<String>,
    ) -> Option<String> {
        match nl {
            Some(nl) => Some(self.one(key, nl, en)),
            None => {
                if en.is_some() {
                    let (item, key) = self.name(key);
                    self.errors.push(ContentError::at(
                        &self.loc,
                        format!("{item}: '{key}-en' has no Dutch '{key}' beside it"),
                    ));
                }
                None
            }
        }
    }

    /// A list of texts; the English list has as many items, in the same order.
    pub(super) fn list(
        &mut self,
        key: &str,
        nl: Vec<String>,
        en: Option<Vec<String>>,
    ) -> Vec<String> {
        if nl.is_empty() && en.as_ref().is_none_or(Vec::is_empty) {
            return nl;
        }
        let en = match en {
            Some(en) if en.len() == nl.len() && en.iter().all(|t| !t.trim().is_empty()) => Some(en),
            Some(en) => {
                self.errors.push(ContentError::at(
                    &self.loc,
                    format!(
                        "{}: '{key}-en' has {} items, '{key}' has {}; write one English text for each Dutch one, in the same order",
                        self.item,
                        en.len(),
                        nl.len()
                    ),
                ));
                None
            }
            None => None,
        };
        for _ in &nl {
            self.count(en.is_some());
        }
        match (self.lang, en) {
            (Lang::Nl, _) => nl,
            (Lang::En, Some(en)) => en,
            (Lang::En, None) => {
                self.missing(key);
                nl
            }
        }
    }

    /// A text that exists only in English (a letter's `says-en`, an organisation's
    /// `gloss-en`): counted and required like a twin, `None` in Dutch.
    pub(super) fn english_only(&mut self, key: &str, en: Option<String>) -> Option<String> {
        let en = en.filter(|t| !t.trim().is_empty());
        self.count(en.is_some());
        match (self.lang, en) {
            (Lang::Nl, en) => en,
            (Lang::En, Some(en)) => Some(en),
            (Lang::En, None) => {
                self.errors.push(ContentError::at(
                    &self.loc,
                    format!(
                        "{}: '{key}' is missing; it is written in English only",
                        self.item
                    ),
                ));
                None
            }
        }
    }
}
