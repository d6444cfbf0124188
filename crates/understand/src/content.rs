//! Reading `content/understanding.toml` into an [`Understanding`], and checking it against the
//! intake questions: every pattern names a question, proposes a value that question takes, and
//! has a regular expression that compiles. Problems are [`ContentError`]s with file and line,
//! like every other content problem.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use calendar::HolidayKind;
use regex::Regex;
use route::ContentError;
use route::model::{Knowledge, Loc, QuestionType};
use serde::Deserialize;
use toml::Spanned;

use crate::places::{self, Places, RawPlaceWords, RawPlaces};

/// The file this crate reads; the route loader leaves it alone.
pub const FILE_NAME: &str = "understanding.toml";

/// Written in a pattern's regex where a number goes ("vijf", "5"); its value is that number.
pub const NUMBER: &str = "{number}";
/// Written in a pattern's regex where a date goes ("3 november", "3-11", "de herfstvakantie").
pub const DATE: &str = "{date}";

/// Month names and short forms as `calendar::parse_typed_date` reads them.
const MONTHS: &str = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|\
                      november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec";

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFile {
    #[serde(default)]
    numbers: BTreeMap<String, u32>,
    #[serde(default)]
    holidays: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    negation: RawNegation,
    #[serde(default)]
    spelling: Vec<Spanned<RawSpelling>>,
    #[serde(default)]
    pattern: Vec<Spanned<RawPattern>>,
    #[serde(default)]
    place_words: RawPlaceWords,
    #[serde(default)]
    places: Vec<Spanned<RawPlaces>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawNegation {
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    clause_breaks: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSpelling {
    means: String,
    written: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPattern {
    id: String,
    question: String,
    value: String,
    regex: Spanned<String>,
    #[serde(default)]
    negated: bool,
    #[serde(default)]
    topic: bool,
    times: Option<f64>,
}

/// What a pattern proposes when it matches.
#[derive(Debug, Clone, PartialEq)]
pub enum Proposes {
    /// An option value, or `ja`/`nee` for a yes/no question.
    Fixed(String),
    /// The number matched at `{number}`, times `times` and rounded (months to weeks).
    Number { times: f64 },
    /// The date matched at `{date}`, resolved against today and the school holidays.
    Date,
}

/// One pattern: a regular expression over the normalised text, and what it proposes.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub id: String,
    pub question: String,
    pub kind: QuestionType,
    pub proposes: Proposes,
    /// The pattern itself holds a negation ("gaat niet naar school"): a negation inside the
    /// match is meant, only one before it in the clause drops the match.
    pub negated: bool,
    /// A mention names the topic whether or not it is negated ("er is geen OPP" is a
    /// problem with the OPP): no negation check at all.
    pub topic: bool,
    pub regex: Regex,
    pub loc: Loc,
}

/// The knowledge for reading a parent's words, compiled once at start.
#[derive(Debug, Clone, Default)]
pub struct Understanding {
    pub spellings: HashMap<String, String>,
    pub numbers: HashMap<String, u32>,
    pub holidays: HashMap<String, HolidayKind>,
    pub negations: HashSet<String>,
    pub clause_breaks: HashSet<String>,
    pub patterns: Vec<Pattern>,
    /// Option values that exclude all others (`alone`), per question.
    pub alone: HashSet<(String, String)>,
    /// Places and their school-holiday region, in file order.
    pub places: Vec<Places>,
    /// The question marked `sets-region`: a place named in the text proposes its answer.
    pub region_question: Option<String>,
}

/// Reads the understanding file from the content folder; no file is no understanding (every
/// text then gets no proposals).
pub fn load_dir(dir: &Path, k: &Knowledge) -> Result<Understanding, Vec<ContentError>> {
    let path = dir.join(FILE_NAME);
    if !path.exists() {
        return Ok(Understanding::default());
    }
    match std::fs::read_to_string(&path) {
        Ok(text) => load_text(&path, &text, k),
        Err(e) => Err(vec![ContentError {
            file: path,
            line: 0,
            message: format!("cannot read the file: {e}"),
        }]),
    }
}

/// Finds the understanding file among content files as the route loader reads them.
pub fn load_files(
    files: &[(PathBuf, String)],
    k: &Knowledge,
) -> Result<Understanding, Vec<ContentError>> {
    match files
        .iter()
        .find(|(p, _)| p.file_name().is_some_and(|n| n == FILE_NAME))
    {
        Some((path, text)) => load_text(path, text, k),
        None => Ok(Understanding::default()),
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Parses and checks one understanding file.
pub fn load_text(
    path: &Path,
    text: &str,
    k: &Knowledge,
) -> Result<Understanding, Vec<ContentError>> {
    let at = |span: Range<usize>| Loc {
        file: path.to_path_buf(),
        line: line_of(text, span.start),
    };
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        vec![ContentError {
            file: path.to_path_buf(),
            line: e.span().map(|s| line_of(text, s.start)).unwrap_or(1),
            message: e.message().trim().to_string(),
        }]
    })?;
    let mut errors = Vec::new();
    let mut u = Understanding {
        numbers: raw.numbers.into_iter().collect(),
        negations: raw.negation.words.into_iter().collect(),
        clause_breaks: raw.negation.clause_breaks.into_iter().collect(),
        ..Understanding::default()
    };
    for (word, kind) in raw.holidays {
        let loc = at(kind.span());
        match kind.get_ref().as_str() {
            "herfst" => u.holidays.insert(word, HolidayKind::Herfst),
            "kerst" => u.holidays.insert(word, HolidayKind::Kerst),
            "voorjaar" => u.holidays.insert(word, HolidayKind::Voorjaar),
            "mei" => u.holidays.insert(word, HolidayKind::Mei),
            "zomer" => u.holidays.insert(word, HolidayKind::Zomer),
            other => {
                errors.push(ContentError::at(
                    &loc,
                    format!("holiday word '{word}': '{other}' is not herfst, kerst, voorjaar, mei or zomer"),
                ));
                None
            }
        };
    }
    for s in raw.spelling {
        let loc = at(s.span());
        let s = s.into_inner();
        for w in s.written {
            if w.contains(' ') || w != w.to_lowercase() {
                errors.push(ContentError::at(
                    &loc,
                    format!("spelling '{w}': write one lowercase word"),
                ));
            }
            u.spellings.insert(w, s.means.clone());
        }
    }
    for q in &k.questions {
        for o in q.options.iter().filter(|o| o.alone) {
            u.alone.insert((q.id.clone(), o.value.clone()));
        }
    }
    let number_group = number_group(&u.numbers);
    let date_group = date_group(&u.holidays);
    let mut ids = HashSet::new();
    for p in raw.pattern {
        let loc = at(p.span());
        let p = p.into_inner();
        let regex_loc = at(p.regex.span());
        if !ids.insert(p.id.clone()) {
            errors.push(ContentError::at(
                &loc,
                format!("pattern '{}' is defined twice", p.id),
            ));
        }
        let Some(q) = k.question(&p.question) else {
            errors.push(ContentError::at(
                &loc,
                format!("pattern '{}': there is no question '{}'", p.id, p.question),
            ));
            continue;
        };
        let source = p.regex.into_inner();
        let proposes = match proposes(q, &p.value, &source, p.times) {
            Ok(v) => v,
            Err(msg) => {
                errors.push(ContentError::at(&loc, format!("pattern '{}': {msg}", p.id)));
                continue;
            }
        };
        let expanded = source
            .replace(NUMBER, &number_group)
            .replace(DATE, &date_group);
        match Regex::new(&expanded) {
            Ok(regex) => u.patterns.push(Pattern {
                id: p.id,
                question: q.id.clone(),
                kind: q.kind,
                proposes,
                negated: p.negated,
                topic: p.topic,
                regex,
                loc,
            }),
            Err(e) => errors.push(ContentError::at(
                &regex_loc,
                format!("pattern '{}': the regex does not compile: {e}", p.id),
            )),
        }
    }
    let groups: Vec<(Loc, RawPlaces)> = raw
        .places
        .into_iter()
        .map(|g| (at(g.span()), g.into_inner()))
        .collect();
    if !groups.is_empty() {
        u.region_question = places::region_question(k).map(|q| q.id.clone());
    }
    u.places = places::compile(raw.place_words, groups, k, &ids, &mut errors);
    if errors.is_empty() {
        Ok(u)
    } else {
        Err(errors)
    }
}

/// What a pattern's `value` means for its question, or why it does not fit.
fn proposes(
    q: &route::model::Question,
    value: &str,
    regex: &str,
    times: Option<f64>,
) -> Result<Proposes, String> {
    let needs = |placeholder: &str| {
        if value != placeholder || !regex.contains(placeholder) {
            Err(format!(
                "question '{}' is a {} question: write value = \"{placeholder}\" and put {placeholder} in the regex",
                q.id, q.kind
            ))
        } else {
            Ok(())
        }
    };
    if times.is_some() && q.kind != QuestionType::Number {
        return Err("`times` is only for number questions".into());
    }
    match q.kind {
        QuestionType::Number => needs(NUMBER).map(|()| Proposes::Number {
            times: times.unwrap_or(1.0),
        }),
        QuestionType::Date => needs(DATE).map(|()| Proposes::Date),
        QuestionType::Yesno if value == "ja" || value == "nee" => Ok(Proposes::Fixed(value.into())),
        QuestionType::Yesno => Err(format!(
            "question '{}' is a yes/no question: the value is \"ja\" or \"nee\", not \"{value}\"",
            q.id
        )),
        QuestionType::Choice | QuestionType::Multi => {
            if q.options.iter().any(|o| o.value == value) {
                Ok(Proposes::Fixed(value.into()))
            } else {
                let known: Vec<&str> = q.options.iter().map(|o| o.value.as_str()).collect();
                Err(format!(
                    "question '{}' has no option \"{value}\" (it has: {})",
                    q.id,
                    known.join(", ")
                ))
            }
        }
    }
}

/// `(?P<number>\d{1,3}|een|twee|...)`, longest words first so that "twintig" beats "twee".
fn number_group(numbers: &HashMap<String, u32>) -> String {
    let mut words: Vec<&str> = numbers.keys().map(String::as_str).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let mut alts = vec![r"\d{1,3}".to_string()];
    alts.extend(words.iter().map(|w| regex::escape(w)));
    format!(r"(?P<number>\b(?:{})\b)", alts.join("|"))
}

/// A date as parents write it: `3-11`, `3/11/2026`, `3 november (2026)`, or a holiday word.
fn date_group(holidays: &HashMap<String, HolidayKind>) -> String {
    let mut words: Vec<&str> = holidays.keys().map(String::as_str).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let mut alts = vec![
        r"\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?".to_string(),
        format!(r"\d{{1,2}} (?:{MONTHS})\.?(?: \d{{4}})?"),
    ];
    if !words.is_empty() {
        let holiday_words: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
        alts.push(format!("(?:de |het )?(?:{})", holiday_words.join("|")));
    }
    format!(r"(?P<date>\b(?:{})\b)", alts.join("|"))
}
