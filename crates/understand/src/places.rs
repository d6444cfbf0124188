//! Places and their school-holiday region ("wij wonen in Zwolle" is Noord): the `[[places]]`
//! groups of `content/understanding.toml`, checked against the sources and the region question,
//! and found in a normalised text. A place counts only after one of the `[place-words]` words
//! ("in", "uit", ...), so that "dat kan leiden tot" is not the city of Leiden.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use calendar::{Confidence, Region};
use regex::Regex;
use route::ContentError;
use route::model::{Knowledge, Loc, QuestionType};
use serde::Deserialize;

use crate::normalise::normalise;

/// Written as the region of a place whose schools are in more than one region (Gelderland):
/// naming it proposes nothing.
pub const SPLIT: &str = "verdeeld";

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawPlaceWords {
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    between: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawPlaces {
    id: String,
    region: String,
    confidence: Confidence,
    sources: Vec<String>,
    #[serde(default)]
    note: Option<String>,
    names: Vec<String>,
}

/// One group of places in one region, as the content file has it.
#[derive(Debug, Clone)]
pub struct Places {
    pub id: String,
    /// `None` for a place split between regions.
    pub region: Option<Region>,
    pub confidence: Confidence,
    pub sources: Vec<String>,
    pub note: Option<String>,
    pub names: Vec<String>,
    /// `(?:in|uit|...) (?:(?:de|het|...) ){0,2}(?:zwolle|...)`, over the normalised text.
    pub regex: Regex,
    pub loc: Loc,
}

/// A place named in a text: where, and which group it belongs to.
#[derive(Debug, Clone)]
pub struct PlaceMatch {
    pub group: usize,
    pub span: Range<usize>,
    pub region: Option<Region>,
}

/// Checks and compiles the place groups; `at` turns a byte span of the file into a location.
/// `taken` holds the pattern ids, which the group ids may not repeat.
pub(crate) fn compile(
    words: RawPlaceWords,
    groups: Vec<(Loc, RawPlaces)>,
    k: &Knowledge,
    taken: &HashSet<String>,
    errors: &mut Vec<ContentError>,
) -> Vec<Places> {
    let Some((first_loc, _)) = groups.first() else {
        return Vec::new();
    };
    if words.before.is_empty() {
        errors.push(ContentError::at(
            first_loc,
            "places need [place-words] before = [...]: the words before a place name, such as \"in\" and \"uit\"",
        ));
        return Vec::new();
    }
    check_region_question(k, first_loc, errors);
    let before = alternatives(&words.before);
    let between = if words.between.is_empty() {
        String::new()
    } else {
        format!("(?:(?:{}) ){{0,2}}", alternatives(&words.between))
    };
    let mut seen_names: HashMap<String, String> = HashMap::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for (loc, g) in groups {
        let what = format!("places '{}'", g.id);
        if taken.contains(&g.id) || !ids.insert(g.id.clone()) {
            errors.push(ContentError::at(
                &loc,
                format!("{what}: the id is used twice (place groups and patterns share ids)"),
            ));
        }
        let region = match g.region.as_str() {
            SPLIT => None,
            other => match other.parse::<Region>() {
                Ok(r) => Some(r),
                Err(_) => {
                    errors.push(ContentError::at(
                        &loc,
                        format!("{what}: region '{other}' is not noord, midden, zuid or {SPLIT}"),
                    ));
                    continue;
                }
            },
        };
        check_sources(&what, &loc, g.confidence, &g.sources, k, errors);
        if g.names.is_empty() {
            errors.push(ContentError::at(&loc, format!("{what}: names is empty")));
            continue;
        }
        for name in &g.names {
            if !is_normalised(name) {
                errors.push(ContentError::at(
                    &loc,
                    format!("{what}: write '{name}' as the normalised text has it: lowercase, without accents or apostrophes (\"s-hertogenbosch\", \"sudwest-fryslan\")"),
                ));
            }
            if let Some(other) = seen_names.insert(name.clone(), g.id.clone()) {
                errors.push(ContentError::at(
                    &loc,
                    format!(
                        "{what}: '{name}' is also in places '{other}'; a place is in one group"
                    ),
                ));
            }
        }
        let source = format!(r"\b(?:{before}) {between}(?:{})\b", names_group(&g.names));
        match Regex::new(&source) {
            Ok(regex) => out.push(Places {
                id: g.id,
                region,
                confidence: g.confidence,
                sources: g.sources,
                note: g.note,
                names: g.names,
                regex,
                loc,
            }),
            Err(e) => errors.push(ContentError::at(
                &loc,
                format!("{what}: the names do not make a regex: {e}"),
            )),
        }
    }
    out
}

/// Every cited source exists, and a group that says V or V2 cites at least one such source.
fn check_sources(
    what: &str,
    loc: &Loc,
    confidence: Confidence,
    sources: &[String],
    k: &Knowledge,
    errors: &mut Vec<ContentError>,
) {
    if sources.is_empty() {
        errors.push(ContentError::at(
            loc,
            format!("{what} cites no source; add sources = [\"...\"] from content/sources/"),
        ));
        return;
    }
    for id in sources {
        if k.source(id).is_none() {
            errors.push(ContentError::at(
                loc,
                format!("{what}: there is no source '{id}' in content/sources/"),
            ));
        }
    }
    let found: Vec<Confidence> = sources
        .iter()
        .filter_map(|s| k.source(s).map(|s| s.confidence))
        .collect();
    if confidence.is_certain() && !found.is_empty() && found.iter().all(|c| !c.is_certain()) {
        errors.push(ContentError::at(
            loc,
            format!("{what} says confidence {confidence}, but every source it cites is unverified (M) or disputed (C)"),
        ));
    }
}

/// The question that sets the region must offer every region as an option value, or a
/// place's proposal could not be shown on its page.
fn check_region_question(k: &Knowledge, loc: &Loc, errors: &mut Vec<ContentError>) {
    let Some(q) = region_question(k) else {
        return;
    };
    if q.kind != QuestionType::Choice {
        errors.push(ContentError::at(
            loc,
            format!(
                "question '{}' sets the region, so places propose its answer: make it a choice question",
                q.id
            ),
        ));
        return;
    }
    for r in Region::ALL {
        if !q.options.iter().any(|o| o.value == r.name()) {
            errors.push(ContentError::at(
                loc,
                format!(
                    "question '{}' sets the region but has no option \"{}\" for places to propose",
                    q.id,
                    r.name()
                ),
            ));
        }
    }
}

/// The intake question marked `sets-region`, if the content has one.
pub(crate) fn region_question(k: &Knowledge) -> Option<&route::model::Question> {
    k.questions.iter().find(|q| q.sets_region)
}

/// A name is written as [`normalise`] leaves it: lowercase letters, digits, spaces and `-`.
fn is_normalised(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == ' ' || c == '-')
        && normalise(name, &HashMap::new()).text == name
}

/// `in|uit|buurt van`, longest first.
fn alternatives(words: &[String]) -> String {
    let mut list: Vec<&String> = words.iter().collect();
    list.sort_by_key(|w| std::cmp::Reverse(w.len()));
    list.iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// The names as alternatives, longest first; a space or `-` in a name also matches the other,
/// or nothing ("noord-holland", "noord holland", "noordholland").
fn names_group(names: &[String]) -> String {
    let mut list: Vec<&String> = names.iter().collect();
    list.sort_by_key(|w| std::cmp::Reverse(w.len()));
    list.iter()
        .map(|name| {
            name.split([' ', '-'])
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join("[- ]?")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// Every place named in the normalised text, in text order.
pub fn find(groups: &[Places], text: &str) -> Vec<PlaceMatch> {
    let mut out: Vec<PlaceMatch> = groups
        .iter()
        .enumerate()
        .flat_map(|(i, g)| {
            g.regex.find_iter(text).map(move |m| PlaceMatch {
                group: i,
                span: m.range(),
                region: g.region,
            })
        })
        .collect();
    out.sort_by_key(|m| m.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_with_a_space_a_hyphen_or_neither() {
        let re = Regex::new(&format!(
            r"^(?:{})$",
            names_group(&["noord-holland".into(), "den haag".into()])
        ))
        .unwrap();
        for text in [
            "noord-holland",
            "noord holland",
            "noordholland",
            "den haag",
            "denhaag",
        ] {
            assert!(re.is_match(text), "{text}");
        }
        assert!(!re.is_match("noord"));
    }

    #[test]
    fn a_name_is_written_as_the_normalised_text_has_it() {
        assert!(is_normalised("s-hertogenbosch"));
        assert!(is_normalised("alphen aan den rijn"));
        assert!(!is_normalised("'s-Hertogenbosch"));
        assert!(!is_normalised("súdwest-fryslân"));
        assert!(!is_normalised("den  haag"));
        assert!(!is_normalised(""));
    }
}
