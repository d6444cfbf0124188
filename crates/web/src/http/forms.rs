//! The question form: from a content question to form fields, and from a posted form back to an
//! answer, with errors a parent can act on. The last word on whether an answer fits is
//! `route::situation::check_value`; this module only turns form fields into a value first.

use calendar::TypedDateError;
use jiff::civil::Date;
use route::condition::Value;
use route::model::{Question, QuestionType};
use route::situation::{RawValue, check_value};

use crate::http::i18n::Tr;

/// Radio value of "don't know / skip" in a radio group; never a content option value, because
/// content ids cannot start with `_`.
pub const SKIP_VALUE: &str = "_overslaan";

/// What a posted question form holds.
#[derive(Debug, Default, Clone)]
pub struct Posted {
    pub answer: Vec<String>,
    pub day: String,
    pub month: String,
    pub year: String,
    pub skip: bool,
    /// `controle`: the visitor came from the check page and goes back there.
    pub back_to: Option<String>,
}

impl Posted {
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Posted {
        let mut p = Posted::default();
        for (k, v) in pairs {
            match k.as_str() {
                "antwoord" if v == SKIP_VALUE => p.skip = true,
                "antwoord" => p.answer.push(v),
                "dag" => p.day = v,
                "maand" => p.month = v,
                "jaar" => p.year = v,
                "overslaan" => p.skip = true,
                "terug" => p.back_to = Some(v),
                _ => {}
            }
        }
        p
    }
}

/// A field error: the message and the id of the field it is about.
#[derive(Debug, Clone)]
pub struct FieldError {
    pub message: String,
    pub field: String,
}

/// The id of the first input of a question's form, for the error summary link.
pub fn first_field(kind: QuestionType) -> &'static str {
    match kind {
        QuestionType::Date => "dag",
        QuestionType::Number => "antwoord",
        _ => "antwoord-1",
    }
}

/// Turns a posted form into a checked answer.
pub fn parse(q: &Question, p: &Posted, i: Tr) -> Result<Value, FieldError> {
    let err = |message: String| FieldError {
        message,
        field: first_field(q.kind).to_string(),
    };
    if p.skip && q.optional {
        return check_value(q, &RawValue::Null).map_err(|_| err(i.t("error-not-allowed")));
    }
    let raw = match q.kind {
        QuestionType::Yesno => match p.answer.first().map(String::as_str) {
            Some("ja") => RawValue::Bool(true),
            Some("nee") => RawValue::Bool(false),
            _ => return Err(err(i.t("error-choose-one"))),
        },
        QuestionType::Choice => match p.answer.first() {
            Some(v) if !v.is_empty() => RawValue::Text(v.clone()),
            _ => return Err(err(i.t("error-choose-one"))),
        },
        QuestionType::Multi => {
            if p.answer.is_empty() {
                return Err(err(i.t("error-choose-some")));
            }
            if let Some(alone) = q.alone_with_others(&p.answer) {
                return Err(err(i.t1("error-choose-alone", "option", &alone.label)));
            }
            RawValue::List(p.answer.iter().cloned().map(RawValue::Text).collect())
        }
        QuestionType::Number => {
            let text = p
                .answer
                .first()
                .map(|s| s.trim().replace(',', "."))
                .unwrap_or_default();
            let Ok(n) = text.parse::<f64>() else {
                return Err(err(i.t("error-number")));
            };
            if !n.is_finite() {
                return Err(err(i.t("error-number")));
            }
            let range = |n: f64| {
                let low = q.min.is_some_and(|m| n < m);
                let high = q.max.is_some_and(|m| n > m);
                low || high
            };
            if range(n) {
                return Err(err(number_range_message(q, i)));
            }
            RawValue::Number(n)
        }
        QuestionType::Date => RawValue::Date(parse_date(p, i).map_err(err)?),
    };
    check_value(q, &raw).map_err(|_| match q.kind {
        QuestionType::Number => err(number_range_message(q, i)),
        _ => err(i.t("error-not-allowed")),
    })
}

fn number_range_message(q: &Question, i: Tr) -> String {
    let show = |n: f64| format!("{n}");
    match (q.min, q.max) {
        (Some(a), Some(b)) => i.args("error-number-range", &[("min", show(a)), ("max", show(b))]),
        (Some(a), None) => i.t1("error-number-min", "min", show(a)),
        (None, Some(b)) => i.t1("error-number-max", "max", show(b)),
        (None, None) => i.t("error-number"),
    }
}

/// Day, month and year fields to a date; a year is written in full. A day the month does not
/// have is named ("31 februari 2027 bestaat niet"); anything else gets the three-field example.
pub fn parse_date(p: &Posted, i: Tr) -> Result<Date, String> {
    let (d, m, y) = (p.day.trim(), p.month.trim(), p.year.trim());
    if d.is_empty() && m.is_empty() && y.is_empty() {
        return Err(i.t("error-date-empty"));
    }
    let num = |s: &str| s.parse::<u32>().ok();
    match (num(d), num(m), num(y)) {
        (Some(d), Some(m), Some(y)) if (1900..=2100).contains(&y) && y.to_string().len() == 4 => {
            calendar::checked_date(d, m, y).map_err(|e| match e {
                TypedDateError::NoSuchDay { .. } => date_problem(i, &e),
                _ => i.t("error-date"),
            })
        }
        _ => Err(i.t("error-date")),
    }
}

/// A date field that was refused, in words a person can act on: the field's name, what was
/// understood of the text, and how to write it ("Datum: 31 februari 2027 bestaat niet...").
pub fn date_error(i: Tr, field: &str, e: &TypedDateError) -> String {
    i.args(
        "date-error-in-field",
        &[("field", field.to_string()), ("reason", date_problem(i, e))],
    )
}

/// What is wrong with a typed date, without the field's name.
pub fn date_problem(i: Tr, e: &TypedDateError) -> String {
    let month = |m: i8| i.t(&format!("month-{m}"));
    match e {
        TypedDateError::Empty => i.t("date-error-empty"),
        TypedDateError::NoYear { day, month: m } => i.args(
            "date-error-no-year",
            &[
                ("day", day.to_string()),
                ("month", month(*m)),
                ("mm", m.to_string()),
            ],
        ),
        TypedDateError::NoDay { month: m, year } => i.args(
            "date-error-no-day",
            &[
                ("month", month(*m)),
                ("mm", m.to_string()),
                ("year", year.to_string()),
            ],
        ),
        TypedDateError::NoSuchDay {
            day,
            month: m,
            year,
            days_in_month,
        } => {
            let mut args = vec![
                ("day", day.to_string()),
                ("month", month(*m)),
                ("days", days_in_month.to_string()),
            ];
            match year {
                Some(y) => {
                    args.push(("year", y.to_string()));
                    i.args("date-error-no-such-day", &args)
                }
                None => i.args("date-error-no-such-day-no-year", &args),
            }
        }
        TypedDateError::NoSuchMonth { month: m } => i.t1("date-error-no-such-month", "month", m),
        TypedDateError::UnknownMonth { name } => i.t1("date-error-unknown-month", "name", name),
        TypedDateError::YearOutOfRange { year } => i.t1("date-error-year", "year", year),
        TypedDateError::NotADate => i.t("date-error-not-a-date"),
    }
}

/// The form fields as shown: from a stored answer or from what was just posted.
#[derive(Debug, Default, Clone)]
pub struct Filled {
    pub chosen: Vec<String>,
    pub number: String,
    pub day: String,
    pub month: String,
    pub year: String,
    pub skipped: bool,
}

impl Filled {
    pub fn from_value(v: Option<&Value>) -> Filled {
        let mut f = Filled::default();
        match v {
            Some(Value::Bool(true)) => f.chosen.push("ja".into()),
            Some(Value::Bool(false)) => f.chosen.push("nee".into()),
            Some(Value::Text(t)) => f.chosen.push(t.clone()),
            Some(Value::List(l)) => f.chosen = l.clone(),
            Some(Value::Number(n)) => f.number = format!("{n}"),
            Some(Value::Date(d)) => {
                f.day = d.day().to_string();
                f.month = d.month().to_string();
                f.year = d.year().to_string();
            }
            Some(Value::Skipped) => f.skipped = true,
            None => {}
        }
        f
    }

    pub fn from_posted(p: &Posted) -> Filled {
        Filled {
            chosen: p.answer.clone(),
            number: p.answer.first().cloned().unwrap_or_default(),
            day: p.day.clone(),
            month: p.month.clone(),
            year: p.year.clone(),
            skipped: p.skip,
        }
    }
}

/// An answer in words, for the check page and the "why" of the route.
pub fn show_answer(q: &Question, v: &Value, i: Tr) -> String {
    let label = |value: &str| {
        q.options
            .iter()
            .find(|o| o.value == value)
            .map(|o| o.label.clone())
            .unwrap_or_else(|| value.to_string())
    };
    match v {
        Value::Bool(true) => i.t("answer-yes"),
        Value::Bool(false) => i.t("answer-no"),
        Value::Text(t) => label(t),
        Value::List(l) if l.is_empty() => i.t("answer-none"),
        Value::List(l) => l.iter().map(|v| label(v)).collect::<Vec<_>>().join("; "),
        Value::Number(n) => match &q.unit {
            Some(unit) => format!("{n} {unit}"),
            None => format!("{n}"),
        },
        Value::Date(d) => i.date(*d),
        Value::Skipped => i.t("answer-skipped"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::i18n::Lang;

    fn posted(d: &str, m: &str, y: &str) -> Posted {
        Posted {
            day: d.into(),
            month: m.into(),
            year: y.into(),
            ..Posted::default()
        }
    }

    #[test]
    fn dates_from_three_fields() {
        let i = Tr { lang: Lang::Nl };
        assert_eq!(
            parse_date(&posted("15", "3", "2027"), i),
            Ok(jiff::civil::date(2027, 3, 15))
        );
        assert_eq!(
            parse_date(&posted(" 1", "03 ", "2027"), i),
            Ok(jiff::civil::date(2027, 3, 1))
        );
        let bad = parse_date(&posted("31", "2", "2027"), i).unwrap_err();
        assert_eq!(
            bad,
            "31 februari 2027 bestaat niet. Die maand heeft 28 dagen."
        );
        assert_eq!(
            parse_date(&posted("1", "13", "2027"), i).unwrap_err(),
            "Vul een geldige datum in, bijvoorbeeld 15 3 2027."
        );
        assert!(
            parse_date(&posted("1", "3", "27"), i).is_err(),
            "two-digit years are refused"
        );
        assert_eq!(
            parse_date(&posted("", "", ""), i).unwrap_err(),
            "Vul een datum in, bijvoorbeeld 15 3 2027."
        );
    }

    #[test]
    fn a_refused_date_names_the_field_and_what_was_understood() {
        let nl = Tr { lang: Lang::Nl };
        let en = Tr { lang: Lang::En };
        let said = |i: Tr, text: &str| {
            let e = calendar::parse_typed_date(text).unwrap_err();
            date_error(i, "Datum", &e)
        };
        assert_eq!(
            said(nl, "31-2-2027"),
            "Datum: 31 februari 2027 bestaat niet. Die maand heeft 28 dagen."
        );
        assert_eq!(
            said(en, "31-2-2027"),
            "Datum: 31 February 2027 does not exist. That month has 28 days."
        );
        assert_eq!(
            said(nl, "3/4"),
            "Datum: Wij lezen 3 april, maar het jaar ontbreekt. Zet het jaar erachter, bijvoorbeeld 3-4-2026."
        );
        assert!(said(nl, "30-2").contains("30 februari bestaat niet"));
        assert!(said(nl, "maart 2027").contains("Wij lezen maart 2027, maar de dag ontbreekt"));
        assert!(said(nl, "10-14-2026").contains("Er is geen maand 14."));
        assert!(said(nl, "1 maat 2027").contains("\"maat\" is geen maand"));
        assert!(said(nl, "1-3-207").contains("Het jaar 207 kan niet kloppen"));
        assert!(said(nl, "gisteren").contains("Wij kunnen dit niet lezen als datum"));
        assert!(said(nl, "").contains("Vul een datum in"));
    }
}
