//! A family's situation: answers keyed by question id, today's date and the holiday region.
//!
//! Situation files (TOML or JSON) are the stable contract described in `docs/situation-format.md`.
//! A bad file is refused with the key at fault and what that key allows.

use std::fmt;

use calendar::Region;
use jiff::civil::Date;

use crate::condition::{Value, Values};
use crate::model::{Derivation, Knowledge, Question, QuestionType};

/// The input of `advise` and `next_question`.
#[derive(Debug, Clone, PartialEq)]
pub struct Situation {
    pub today: Date,
    pub region: Option<Region>,
    /// Answers keyed by question id. Values of questions that are no longer asked are kept.
    pub answers: Values,
}

impl Situation {
    pub fn new(today: Date) -> Self {
        Situation {
            today,
            region: None,
            answers: Values::new(),
        }
    }

    /// The region: the `region` key, or the answer of a question marked `sets-region`.
    pub fn region(&self, k: &Knowledge) -> Option<Region> {
        self.region.or_else(|| {
            k.questions.iter().filter(|q| q.sets_region).find_map(|q| {
                match self.answers.get(&q.id) {
                    Some(Value::Text(s)) => s.parse().ok(),
                    _ => None,
                }
            })
        })
    }
}

/// A situation file that cannot be used, with the key at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SituationError {
    pub key: String,
    pub message: String,
}

impl fmt::Display for SituationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.key, self.message)
        }
    }
}

impl std::error::Error for SituationError {}

fn bad(key: &str, message: impl Into<String>) -> SituationError {
    SituationError {
        key: key.to_string(),
        message: message.into(),
    }
}

/// A value as it came from a file, before it is checked against the question.
#[derive(Debug, Clone)]
pub enum RawValue {
    Bool(bool),
    Text(String),
    Number(f64),
    Date(Date),
    List(Vec<RawValue>),
    Null,
    Other(&'static str),
}

impl RawValue {
    fn from_toml(v: &toml::Value) -> RawValue {
        match v {
            toml::Value::Boolean(b) => RawValue::Bool(*b),
            toml::Value::String(s) => RawValue::Text(s.clone()),
            toml::Value::Integer(i) => RawValue::Number(*i as f64),
            toml::Value::Float(f) => RawValue::Number(*f),
            toml::Value::Datetime(d) => match (d.date, d.time) {
                (Some(date), None) => {
                    match Date::new(date.year as i16, date.month as i8, date.day as i8) {
                        Ok(d) => RawValue::Date(d),
                        Err(_) => RawValue::Other("an impossible date"),
                    }
                }
                _ => RawValue::Other("a date with a time"),
            },
            toml::Value::Array(a) => RawValue::List(a.iter().map(RawValue::from_toml).collect()),
            toml::Value::Table(_) => RawValue::Other("a table"),
        }
    }

    /// Reads one JSON value; the web app uses it to check answers kept in a session one by one.
    pub fn from_json(v: &serde_json::Value) -> RawValue {
        match v {
            serde_json::Value::Bool(b) => RawValue::Bool(*b),
            serde_json::Value::String(s) => RawValue::Text(s.clone()),
            serde_json::Value::Number(n) => n
                .as_f64()
                .map(RawValue::Number)
                .unwrap_or(RawValue::Other("a number")),
            serde_json::Value::Array(a) => {
                RawValue::List(a.iter().map(RawValue::from_json).collect())
            }
            serde_json::Value::Null => RawValue::Null,
            serde_json::Value::Object(_) => RawValue::Other("an object"),
        }
    }

    fn describe(&self) -> String {
        match self {
            RawValue::Bool(b) => format!("{b}"),
            RawValue::Text(s) => format!("\"{s}\""),
            RawValue::Number(n) => format!("{n}"),
            RawValue::Date(d) => format!("{d}"),
            RawValue::List(_) => "a list".into(),
            RawValue::Null => "null".into(),
            RawValue::Other(what) => (*what).into(),
        }
    }

    fn as_date(&self) -> Option<Date> {
        match self {
            RawValue::Date(d) => Some(*d),
            RawValue::Text(s) => s.parse().ok(),
            _ => None,
        }
    }
}

/// What a question allows, in words for an error message.
pub fn allowed(q: &Question) -> String {
    match q.kind {
        QuestionType::Yesno => "true or false".into(),
        QuestionType::Choice => format!("one of {}", quoted_options(q)),
        QuestionType::Multi => format!("a list with any of {}", quoted_options(q)),
        QuestionType::Number => match (q.min, q.max) {
            (Some(a), Some(b)) => format!("a number from {a} to {b}"),
            (Some(a), None) => format!("a number of at least {a}"),
            (None, Some(b)) => format!("a number of at most {b}"),
            (None, None) => "a number".into(),
        },
        QuestionType::Date => "a date like 2027-06-20".into(),
    }
}

/// A question as a program needs it to fill in a situation: its id, type, what it allows and
/// when it is asked (`routewijzer questions --format json`, `GET /api/v1/questions`).
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionView<'k> {
    pub id: &'k str,
    /// `yesno`, `choice`, `multi`, `number` or `date`.
    #[serde(rename = "type")]
    pub kind: String,
    /// What the answer may be, in words.
    pub allowed: String,
    /// The values a choice or multi answer may have.
    pub options: Vec<&'k str>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub optional: bool,
    /// When the question is asked, in words; `null` when always.
    pub asked_if: Option<String>,
    pub text: &'k str,
}

/// Every question of the intake, in content order.
pub fn questions(k: &Knowledge) -> Vec<QuestionView<'_>> {
    k.questions
        .iter()
        .map(|q| QuestionView {
            id: &q.id,
            kind: q.kind.to_string(),
            allowed: allowed(q),
            options: q.options.iter().map(|o| o.value.as_str()).collect(),
            min: q.min,
            max: q.max,
            optional: q.optional,
            asked_if: q.ask_if.as_ref().map(crate::graph::describe),
            text: &q.text,
        })
        .collect()
}

fn quoted_options(q: &Question) -> String {
    q.options
        .iter()
        .map(|o| format!("\"{}\"", o.value))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks one value against its question. `Null` means "skipped" and needs an optional question.
pub fn check_value(q: &Question, raw: &RawValue) -> Result<Value, SituationError> {
    let wrong = || {
        bad(
            &q.id,
            format!(
                "{} is not allowed; allowed is {}",
                raw.describe(),
                allowed(q)
            ),
        )
    };
    match (q.kind, raw) {
        (_, RawValue::Null) if q.optional => Ok(Value::Skipped),
        (_, RawValue::Null) => Err(bad(
            &q.id,
            format!("this question cannot be skipped; allowed is {}", allowed(q)),
        )),
        (QuestionType::Yesno, RawValue::Bool(b)) => Ok(Value::Bool(*b)),
        (QuestionType::Choice, RawValue::Text(s)) if q.has_option(s) => Ok(Value::Text(s.clone())),
        (QuestionType::Multi, RawValue::List(items)) => {
            let mut out = Vec::new();
            for item in items {
                match item {
                    RawValue::Text(s) if q.has_option(s) => {
                        if !out.contains(s) {
                            out.push(s.clone())
                        }
                    }
                    _ => return Err(wrong()),
                }
            }
            if let Some(alone) = q.alone_with_others(&out) {
                return Err(bad(
                    &q.id,
                    format!(
                        "'{}' cannot be chosen together with other options",
                        alone.value
                    ),
                ));
            }
            // Keep option order, so that equal answers compare equal.
            out.sort_by_key(|s| q.options.iter().position(|o| &o.value == s));
            Ok(Value::List(out))
        }
        (QuestionType::Number, RawValue::Number(n)) => {
            let in_range = n.is_finite()
                && q.min.is_none_or(|min| *n >= min)
                && q.max.is_none_or(|max| *n <= max);
            if in_range {
                Ok(Value::Number(*n))
            } else {
                Err(wrong())
            }
        }
        (QuestionType::Date, raw) => raw.as_date().map(Value::Date).ok_or_else(wrong),
        _ => Err(wrong()),
    }
}

fn known_keys(k: &Knowledge) -> String {
    let mut keys: Vec<&str> = vec!["today", "region"];
    keys.extend(k.questions.iter().map(|q| q.id.as_str()));
    keys.join(", ")
}

/// Builds a situation from key/value pairs, checking every key against the content.
pub fn from_pairs(
    k: &Knowledge,
    pairs: impl IntoIterator<Item = (String, RawValue)>,
) -> Result<Situation, SituationError> {
    let mut today = None;
    let mut region = None;
    let mut answers = Values::new();
    for (key, raw) in pairs {
        match key.as_str() {
            "today" => {
                today = Some(raw.as_date().ok_or_else(|| {
                    bad(
                        "today",
                        format!("{} is not a date; write it like 2027-06-20", raw.describe()),
                    )
                })?)
            }
            "region" => {
                let RawValue::Text(s) = &raw else {
                    return Err(bad(
                        "region",
                        "allowed is one of \"noord\", \"midden\", \"zuid\"",
                    ));
                };
                region = Some(s.parse::<Region>().map_err(|_| {
                    bad("region", format!("\"{s}\" is not allowed; allowed is one of \"noord\", \"midden\", \"zuid\""))
                })?);
            }
            _ => {
                let Some(q) = k.question(&key) else {
                    let hint = if k.derived_value(&key).is_some() {
                        "is computed from other answers and cannot be given".to_string()
                    } else {
                        format!("is not a question; known keys are: {}", known_keys(k))
                    };
                    return Err(bad(&key, hint));
                };
                answers.insert(key.clone(), check_value(q, &raw)?);
            }
        }
    }
    let today = today.ok_or_else(|| bad("today", "is missing; write today = 2027-06-20"))?;
    Ok(Situation {
        today,
        region,
        answers,
    })
}

/// Reads a situation from TOML text.
pub fn from_toml(k: &Knowledge, text: &str) -> Result<Situation, SituationError> {
    let table: toml::Table = toml::from_str(text)
        .map_err(|e| bad("", format!("not valid TOML: {}", e.message().trim())))?;
    from_pairs(
        k,
        table
            .iter()
            .map(|(key, v)| (key.clone(), RawValue::from_toml(v))),
    )
}

/// Reads a situation from JSON text: an object of keys to values.
pub fn from_json(k: &Knowledge, text: &str) -> Result<Situation, SituationError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| bad("", format!("not valid JSON: {e}")))?;
    let serde_json::Value::Object(map) = value else {
        return Err(bad(
            "",
            "a situation is a JSON object of question ids to answers",
        ));
    };
    from_pairs(
        k,
        map.iter()
            .map(|(key, v)| (key.clone(), RawValue::from_json(v))),
    )
}

/// Answers plus every derived value that can be computed, in definition order.
/// Also returns notes about values that could not be computed (for example no holiday data).
pub fn values(k: &Knowledge, s: &Situation) -> (Values, Vec<String>) {
    let (slots, notes) = slot_values(k, s);
    let mut values = s.answers.clone();
    for (d, v) in k.derived.iter().zip(&slots[k.questions.len()..]) {
        if let Some(v) = v {
            values.insert(d.id.clone(), v.clone());
        }
    }
    (values, notes)
}

/// Answers and derived values by slot (see [`Knowledge::slot`]: questions first, then derived
/// values), plus notes about values that could not be computed. The engine's fast path: no id
/// lookups while rules are tested.
pub fn slot_values(k: &Knowledge, s: &Situation) -> (Vec<Option<Value>>, Vec<String>) {
    let questions = k.questions.len();
    let mut slots: Vec<Option<Value>> = vec![None; questions + k.derived.len()];
    for (id, v) in &s.answers {
        if let Some(i) = k.slot(id).filter(|i| *i < questions) {
            slots[i] = Some(v.clone());
        }
    }
    let mut notes = Vec::new();
    let region = s.region(k);
    for (j, d) in k.derived.iter().enumerate() {
        let known = |slots: &[Option<Value>], id: &str| -> Option<Value> {
            k.slot(id)
                .and_then(|i| slots[i].clone())
                .filter(|v| !matches!(v, Value::Skipped))
        };
        let v = match &d.how {
            Derivation::WeeksSince(q) => match known(&slots, q) {
                Some(Value::Date(date)) => {
                    let days = (s.today - date).get_days().max(0);
                    Some(Value::Number((days / 7) as f64))
                }
                _ => None,
            },
            Derivation::WeeksUntilSummer | Derivation::SummerStart => match region {
                None => None,
                Some(region) => match k.calendar.next_summer(s.today, region) {
                    Ok(h) if matches!(d.how, Derivation::SummerStart) => Some(Value::Date(h.start)),
                    Ok(h) => {
                        let days = (h.start - s.today).get_days().max(0);
                        Some(Value::Number((days / 7) as f64))
                    }
                    Err(e) => {
                        notes.push(e.message(k.lang));
                        None
                    }
                },
            },
            Derivation::FirstOf(list) => list.iter().find_map(|id| known(&slots, id)),
            Derivation::When(c) => Some(Value::Bool(c.eval_slots(&slots))),
        };
        slots[questions + j] = v;
    }
    (slots, notes)
}

/// The situation as JSON in the situation-file format, so that `from_json` reads it back.
pub fn to_json(s: &Situation) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    map.insert(
        "today".into(),
        serde_json::Value::String(s.today.to_string()),
    );
    if let Some(r) = s.region {
        map.insert("region".into(), serde_json::Value::String(r.to_string()));
    }
    for (id, v) in &s.answers {
        let json = match v {
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Text(t) => serde_json::Value::String(t.clone()),
            Value::List(l) => {
                serde_json::Value::Array(l.iter().cloned().map(serde_json::Value::String).collect())
            }
            Value::Number(n) => serde_json::Number::from_f64(*n)
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
            Value::Date(d) => serde_json::Value::String(d.to_string()),
            Value::Skipped => serde_json::Value::Null,
        };
        map.insert(id.clone(), json);
    }
    serde_json::Value::Object(map)
}
