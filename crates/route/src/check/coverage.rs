//! Which seed claims the content covers, for the content report.

use std::collections::BTreeMap;

use crate::model::{Citation, Knowledge};

/// Which seed claims the content carries, and which not.
pub struct Coverage {
    pub covered: BTreeMap<String, Vec<String>>,
    pub uncovered: Vec<String>,
}

/// Claim coverage: a claim is covered when an item names it in `claims`.
pub fn coverage(k: &Knowledge) -> Coverage {
    let mut covered: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut add = |kind: &str, id: &str, cite: &Citation| {
        for c in &cite.claims {
            covered
                .entry(c.clone())
                .or_default()
                .push(format!("{kind} {id}"));
        }
    };
    k.steps.iter().for_each(|x| add("step", &x.id, &x.cite));
    k.rules.iter().for_each(|x| add("rule", &x.id, &x.cite));
    k.warnings
        .iter()
        .for_each(|x| add("warning", &x.id, &x.cite));
    k.terms.iter().for_each(|x| add("term", &x.id, &x.cite));
    k.organisations
        .iter()
        .for_each(|x| add("organisation", &x.id, &x.cite));
    k.questions
        .iter()
        .for_each(|x| add("question", &x.id, &x.cite));
    k.letters.iter().for_each(|x| add("letter", &x.id, &x.cite));
    k.glossary
        .iter()
        .for_each(|x| add("glossary", &x.id, &x.cite));
    k.articles
        .iter()
        .for_each(|x| add("article", &x.id, &x.cite));
    let uncovered = (1..=34)
        .map(|i| format!("S{i:02}"))
        .filter(|id| !covered.contains_key(id))
        .collect();
    Coverage { covered, uncovered }
}
