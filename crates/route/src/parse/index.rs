//! Ids to positions: the index that lookups by id use, with each id valid and used once, and the
//! value slots that conditions read.

use std::collections::HashMap;

use crate::error::ContentError;
use crate::model::{Derivation, Knowledge, Loc};

pub(super) fn build_index(k: &mut Knowledge, errors: &mut Vec<ContentError>) {
    fn index<T>(
        kind: &str,
        items: &[T],
        id: impl Fn(&T) -> (&str, &Loc),
        errors: &mut Vec<ContentError>,
    ) -> HashMap<String, usize> {
        let mut map: HashMap<String, usize> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            let (key, loc) = id(item);
            if let Some(&first) = map.get(key) {
                let (_, first_loc) = id(&items[first]);
                errors.push(ContentError::at(
                    loc,
                    format!("{kind} id '{key}' is already used at {first_loc}"),
                ));
            } else {
                if !valid_id(key, kind == "claim") {
                    errors.push(ContentError::at(
                        loc,
                        format!(
                            "{kind} id '{key}' is not a valid id: use lowercase letters, digits and '-'"
                        ),
                    ));
                }
                map.insert(key.to_string(), i);
            }
        }
        map
    }
    k.index.sources = index("source", &k.sources, |x| (&x.id, &x.loc), errors);
    k.index.claims = index("claim", &k.claims, |x| (&x.id, &x.loc), errors);
    k.index.organisations = index(
        "organisation",
        &k.organisations,
        |x| (&x.id, &x.loc),
        errors,
    );
    k.index.questions = index("question", &k.questions, |x| (&x.id, &x.loc), errors);
    k.index.derived = index("derived", &k.derived, |x| (&x.id, &x.loc), errors);
    k.index.steps = index("step", &k.steps, |x| (&x.id, &x.loc), errors);
    k.index.rules = index("rule", &k.rules, |x| (&x.id, &x.loc), errors);
    k.index.beats = k
        .rules
        .iter()
        .map(|r| {
            let mut list: Vec<usize> = r
                .overrides
                .iter()
                .filter_map(|o| k.index.rules.get(o).copied())
                .collect();
            list.sort_unstable();
            list
        })
        .collect();
    k.index.warnings = index("warning", &k.warnings, |x| (&x.id, &x.loc), errors);
    k.index.terms = index("term", &k.terms, |x| (&x.id, &x.loc), errors);
    k.index.letters = index("letter", &k.letters, |x| (&x.id, &x.loc), errors);
    k.index.glossary = index("glossary entry", &k.glossary, |x| (&x.id, &x.loc), errors);
    k.index.articles = index("article", &k.articles, |x| (&x.id, &x.loc), errors);
    // One conversation per step: the step id is its id.
    k.index.conversations = index(
        "conversation for step",
        &k.conversations,
        |x| (&x.step, &x.loc),
        errors,
    );
    for d in &k.derived {
        if let Some(q) = k.question(&d.id) {
            errors.push(ContentError::at(
                &d.loc,
                format!("derived id '{}' is already a question at {}", d.id, q.loc),
            ));
        }
    }
}

/// Gives every condition test the slot of the value it names (see `Knowledge::slot`).
pub(super) fn resolve_slots(k: &mut Knowledge) {
    let slots: HashMap<String, usize> = k
        .questions
        .iter()
        .map(|q| q.id.clone())
        .chain(k.derived.iter().map(|d| d.id.clone()))
        .enumerate()
        .map(|(i, id)| (id, i))
        .collect();
    let slot_of = |id: &str| slots.get(id).copied();
    for r in &mut k.rules {
        r.when.resolve(&slot_of);
    }
    for q in &mut k.questions {
        if let Some(c) = &mut q.ask_if {
            c.resolve(&slot_of);
        }
    }
    for d in &mut k.derived {
        if let Derivation::When(c) = &mut d.how {
            c.resolve(&slot_of);
        }
    }
}

fn valid_id(id: &str, claim: bool) -> bool {
    if claim {
        return id.len() == 3 && id.starts_with('S') && id[1..].bytes().all(|b| b.is_ascii_digit());
    }
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
