//! Deadlines (termijnen): from a start event and a rule to an end date, with the Algemene
//! termijnenwet, suspensions and a Dutch explanation of every step.
//!
//! Counting convention: the start date is the day of the event, and the term is that date plus
//! its length. A decision dated Monday 1 March with a 6-week term ends Monday 12 April. This
//! follows Awb art. 6:8 (the term starts "met ingang van de dag na" the announcement; wording
//! from memory, not checked against wetten.overheid.nl): the term runs from the day after, so
//! its last day is the same weekday six weeks later.

use std::fmt;

use jiff::ToSpan;
use jiff::civil::{Date, date};
use serde::{Deserialize, Serialize};

use crate::format::{Lang, format_date, format_date_nl};
use crate::schoolvakanties::{NoData, Region, SchoolCalendar, SchoolHoliday};
use crate::termijnenwet::{RestDayReason, is_rest_day, is_working_day, next_working_day};

/// The unit a term is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Unit {
    Days,
    Weeks,
    /// Needs a [`MonthRounding`].
    Months,
    /// Monday to Friday, not public holidays.
    WorkingDays,
    /// Weeks with lessons in the region; weeks that are all school holiday do not count.
    SchoolWeeks,
}

/// What "one month after 31 January" means. There is no single right answer in law, so the
/// content must choose (the Catala lesson in STYLE.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MonthRounding {
    /// 31 January + 1 month = 28 or 29 February.
    EndOfMonth,
    /// 31 January + 1 month = 1 March.
    NextDay,
}

/// A term as content describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TermRule {
    pub length: u32,
    pub unit: Unit,
    /// Required for [`Unit::Months`], refused for the other units.
    pub month_rounding: Option<MonthRounding>,
    /// A term set by law: when it ends on a rest day it runs on to the next working day.
    pub termijnenwet: bool,
}

impl TermRule {
    pub fn days(length: u32) -> TermRule {
        TermRule {
            length,
            unit: Unit::Days,
            month_rounding: None,
            termijnenwet: false,
        }
    }

    pub fn weeks(length: u32) -> TermRule {
        TermRule {
            length,
            unit: Unit::Weeks,
            month_rounding: None,
            termijnenwet: false,
        }
    }

    /// Months always come with a rounding: there is no constructor without one.
    pub fn months(length: u32, rounding: MonthRounding) -> TermRule {
        TermRule {
            length,
            unit: Unit::Months,
            month_rounding: Some(rounding),
            termijnenwet: false,
        }
    }

    pub fn working_days(length: u32) -> TermRule {
        TermRule {
            length,
            unit: Unit::WorkingDays,
            month_rounding: None,
            termijnenwet: false,
        }
    }

    pub fn school_weeks(length: u32) -> TermRule {
        TermRule {
            length,
            unit: Unit::SchoolWeeks,
            month_rounding: None,
            termijnenwet: false,
        }
    }

    /// The same rule with the Algemene termijnenwet applied.
    pub fn with_termijnenwet(self) -> TermRule {
        TermRule {
            termijnenwet: true,
            ..self
        }
    }
}

/// A period in which the term does not run: from `from` inclusive until `to` exclusive (for
/// example from the day a GPO case is filed until the day of its opinion, facts.md §16.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Suspension {
    pub from: Date,
    pub to: Date,
}

/// Why a deadline cannot be computed. Dutch, because the route crate may show it as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TermError {
    #[error("bij een termijn in maanden hoort een afronding (end-of-month of next-day)")]
    MonthRoundingRequired,
    #[error("een afronding (month-rounding) hoort alleen bij een termijn in maanden")]
    MonthRoundingNotAllowed,
    #[error("voor een termijn in schoolweken is de regio nodig (noord, midden of zuid)")]
    RegionRequired,
    #[error("de opschorting van {from} tot {to} eindigt niet na haar begin")]
    InvalidSuspension { from: Date, to: Date },
    #[error(transparent)]
    NoData(#[from] NoData),
    #[error("deze datum valt buiten de kalender")]
    OutOfRange,
}

impl TermError {
    /// The message in `lang` (the `Display` text is the Dutch one).
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Nl => self.to_string(),
            Lang::En => match self {
                TermError::MonthRoundingRequired => {
                    "a term in months needs a rounding (end-of-month or next-day)".to_string()
                }
                TermError::MonthRoundingNotAllowed => {
                    "a rounding (month-rounding) belongs only to a term in months".to_string()
                }
                TermError::RegionRequired => {
                    "a term in school weeks needs the region (noord, midden or zuid)".to_string()
                }
                TermError::InvalidSuspension { from, to } => {
                    format!("the pause from {from} to {to} does not end after it begins")
                }
                TermError::NoData(no_data) => no_data.message(lang),
                TermError::OutOfRange => "this date is outside the calendar".to_string(),
            },
        }
    }
}

/// The lines that explain a deadline, written in both languages side by side so that they
/// always say the same.
#[derive(Default)]
struct Lines {
    nl: Vec<String>,
    en: Vec<String>,
}

impl Lines {
    fn push(&mut self, nl: String, en: String) {
        self.nl.push(nl);
        self.en.push(en);
    }

    fn insert_first(&mut self, nl: String, en: String) {
        self.nl.insert(0, nl);
        self.en.insert(0, en);
    }
}

/// A computed deadline with everything needed to explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub start: Date,
    /// The end by counting alone, before suspensions and the Algemene termijnenwet. For school
    /// weeks the weeks without lessons are already skipped here.
    pub raw_end: Date,
    /// The last day of the term.
    pub end: Date,
    /// Set when the Algemene termijnenwet moved the end: the day it would have ended and why
    /// that day could not be the end.
    pub moved: Option<(Date, RestDayReason)>,
    /// Calendar days in suspensions that lengthened the term.
    pub suspended_days: i64,
    /// The school holiday of the region that `end` falls in, if any.
    pub in_school_holiday: Option<SchoolHoliday>,
    /// `Err` when the holiday table for `end` is missing; then `in_school_holiday` is unknown,
    /// not "no holiday". `Ok(())` also when no region was given (nothing to look up).
    pub holiday_lookup: Result<(), NoData>,
    /// The region the holiday lookup used.
    pub region: Option<Region>,
    /// Short Dutch lines saying how the end was computed.
    pub explanation: Vec<String>,
    /// The same lines in English.
    pub explanation_en: Vec<String>,
}

impl Deadline {
    /// The lines saying how the end was computed, in `lang`.
    pub fn explanation_in(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Nl => &self.explanation,
            Lang::En => &self.explanation_en,
        }
    }
}

/// Add `months` calendar months to `start`. When the day does not exist in the target month
/// (31 January + 1 month) the rounding decides: the last day of that month, or the first day
/// of the month after it.
pub fn add_months(start: Date, months: u32, rounding: MonthRounding) -> Result<Date, TermError> {
    let total = i64::from(start.year()) * 12 + i64::from(start.month() - 1) + i64::from(months);
    let year = i16::try_from(total.div_euclid(12)).map_err(|_| TermError::OutOfRange)?;
    let month = (total.rem_euclid(12) + 1) as i8;
    let first = Date::new(year, month, 1).map_err(|_| TermError::OutOfRange)?;
    if start.day() <= first.days_in_month() {
        return Ok(date(year, month, start.day()));
    }
    match rounding {
        MonthRounding::EndOfMonth => Ok(first.last_of_month()),
        MonthRounding::NextDay => first
            .last_of_month()
            .tomorrow()
            .map_err(|_| TermError::OutOfRange),
    }
}

/// Compute the deadline of a term that starts with an event on `start`.
///
/// - Days, weeks, months: `start` + length. The days of each suspension that starts on or
///   before the running end are added (the term stands still during it).
/// - Working days: the `length`-th working day after `start`; working days inside a suspension
///   do not count.
/// - School weeks: `start` + `length` weeks, plus a week for every calendar week in the term
///   without a lesson day for `region` (all school holiday, public holiday or suspension).
///   Needs `region` and the holiday tables.
/// - With `termijnenwet`, an end on a rest day moves to the next working day (Atw art. 1).
///
/// Finally, when `region` is given, the end is looked up in the school holiday tables.
pub fn deadline(
    start: Date,
    rule: &TermRule,
    suspensions: &[Suspension],
    cal: &SchoolCalendar,
    region: Option<Region>,
) -> Result<Deadline, TermError> {
    match (rule.unit, rule.month_rounding) {
        (Unit::Months, None) => return Err(TermError::MonthRoundingRequired),
        (Unit::Months, Some(_)) | (_, None) => {}
        (_, Some(_)) => return Err(TermError::MonthRoundingNotAllowed),
    }
    for s in suspensions {
        if s.to <= s.from {
            return Err(TermError::InvalidSuspension {
                from: s.from,
                to: s.to,
            });
        }
    }
    let suspensions = merged(suspensions);
    let mut explanation = Lines::default();
    let length = rule.length;

    let (raw_end, end_after_suspension, suspended_days) = match rule.unit {
        Unit::Days | Unit::Weeks | Unit::Months => {
            let raw_end = match rule.unit {
                Unit::Days => add_days(start, i64::from(length))?,
                Unit::Weeks => add_days(start, 7 * i64::from(length))?,
                _ => {
                    let rounding = rule
                        .month_rounding
                        .ok_or(TermError::MonthRoundingRequired)?;
                    let raw_end = add_months(start, length, rounding)?;
                    if start.day() != raw_end.day() {
                        let (nl, en) = month_rounding_lines(start, rounding);
                        explanation.push(nl, en);
                    }
                    raw_end
                }
            };
            let (nl, en) = counted(length, rule.unit, start, raw_end);
            explanation.insert_first(nl, en);
            let (end, added) = extend_by_suspensions(start, raw_end, &suspensions)?;
            (raw_end, end, added)
        }
        Unit::WorkingDays => {
            let raw_end = nth_working_day(start, length, &[])?;
            let end = nth_working_day(start, length, &suspensions)?;
            let (nl, en) = counted(length, rule.unit, start, raw_end);
            explanation.push(
                format!("{nl} Zaterdagen, zondagen en feestdagen tellen niet mee."),
                format!("{en} Saturdays, Sundays and public holidays do not count."),
            );
            (
                raw_end,
                end,
                suspended_days_within(start, end, &suspensions),
            )
        }
        Unit::SchoolWeeks => {
            let region = region.ok_or(TermError::RegionRequired)?;
            let (raw_end, skipped) = school_weeks_end(start, length, region, cal, &[])?;
            let (end, _) = school_weeks_end(start, length, region, cal, &suspensions)?;
            let (nl, en) = counted(length, rule.unit, start, raw_end);
            explanation.push(nl, en);
            if skipped == 1 {
                explanation.push(
                    format!("1 week zonder lessen (schoolvakantie of vrije dagen, regio {region}) telt niet mee."),
                    format!("1 week without lessons (school holiday or days off, region {region}) does not count."),
                );
            } else if skipped > 1 {
                explanation.push(
                    format!("{skipped} weken zonder lessen (schoolvakantie of vrije dagen, regio {region}) tellen niet mee."),
                    format!("{skipped} weeks without lessons (school holiday or days off, region {region}) do not count."),
                );
            }
            (
                raw_end,
                end,
                suspended_days_within(start, end, &suspensions),
            )
        }
    };

    if end_after_suspension != raw_end {
        explanation.push(
            format!(
                "De termijn liep {} dagen niet (opschorting). Daardoor eindigt hij op {}.",
                suspended_days,
                format_date_nl(end_after_suspension)
            ),
            format!(
                "The term was paused for {} days. So it ends on {}.",
                suspended_days,
                format_date(end_after_suspension, Lang::En)
            ),
        );
    }

    let mut end = end_after_suspension;
    let mut moved = None;
    let rest_day = if rule.termijnenwet {
        is_rest_day(end)
    } else {
        None
    };
    if let Some(reason) = rest_day {
        let new_end = next_working_day(end);
        explanation.push(
            format!(
                "Dat is {reason}; volgens de Algemene termijnenwet schuift de termijn naar {}.",
                format_date_nl(new_end)
            ),
            format!(
                "That is {}; under the Algemene termijnenwet (the General Time Limits Act) the term moves to {}.",
                reason.describe(Lang::En),
                format_date(new_end, Lang::En)
            ),
        );
        moved = Some((end, reason));
        end = new_end;
    }

    let mut in_school_holiday = None;
    let mut holiday_lookup = Ok(());
    if let Some(region) = region {
        match cal.holiday_at(end, region) {
            Ok(Some(holiday)) => {
                explanation.push(
                    format!("Die dag valt in de {}.", holiday.describe_nl()),
                    format!("That day falls in the {}.", holiday.describe(Lang::En)),
                );
                in_school_holiday = Some(holiday.clone());
            }
            Ok(None) => {}
            Err(no_data) => {
                explanation.push(
                    format!("Of die dag in een schoolvakantie valt, weten we niet: {no_data}."),
                    format!(
                        "We do not know if that day falls in a school holiday: {}.",
                        no_data.message(Lang::En)
                    ),
                );
                holiday_lookup = Err(no_data);
            }
        }
    }

    Ok(Deadline {
        start,
        raw_end,
        end,
        moved,
        suspended_days,
        in_school_holiday,
        holiday_lookup,
        region,
        explanation: explanation.nl,
        explanation_en: explanation.en,
    })
}

/// The first line of every explanation, in both languages: "6 weken na maandag 1 maart 2027
/// is maandag 12 april 2027."
fn counted(length: u32, unit: Unit, start: Date, raw_end: Date) -> (String, String) {
    (
        format!(
            "{} na {} is {}.",
            amount(length, unit, Lang::Nl),
            format_date_nl(start),
            format_date_nl(raw_end)
        ),
        format!(
            "{} after {} is {}.",
            amount(length, unit, Lang::En),
            format_date(start, Lang::En),
            format_date(raw_end, Lang::En)
        ),
    )
}

/// "6 weken", "1 week", "10 werkdagen"; "6 weeks", "10 working days".
fn amount(length: u32, unit: Unit, lang: Lang) -> String {
    let (one, many) = match (unit, lang) {
        (Unit::Days, Lang::Nl) => ("dag", "dagen"),
        (Unit::Weeks, Lang::Nl) => ("week", "weken"),
        (Unit::Months, Lang::Nl) => ("maand", "maanden"),
        (Unit::WorkingDays, Lang::Nl) => ("werkdag", "werkdagen"),
        (Unit::SchoolWeeks, Lang::Nl) => ("schoolweek", "schoolweken"),
        (Unit::Days, Lang::En) => ("day", "days"),
        (Unit::Weeks, Lang::En) => ("week", "weeks"),
        (Unit::Months, Lang::En) => ("month", "months"),
        (Unit::WorkingDays, Lang::En) => ("working day", "working days"),
        (Unit::SchoolWeeks, Lang::En) => ("school week", "school weeks"),
    };
    format!("{length} {}", if length == 1 { one } else { many })
}

fn month_rounding_lines(start: Date, rounding: MonthRounding) -> (String, String) {
    let (nl, en) = match rounding {
        MonthRounding::EndOfMonth => ("de laatste dag van die maand", "the last day of that month"),
        MonthRounding::NextDay => (
            "de eerste dag van de maand erna",
            "the first day of the next month",
        ),
    };
    (
        format!(
            "Die maand heeft geen {}e dag; de termijn eindigt daarom op {nl}.",
            start.day()
        ),
        format!(
            "That month has no day {}; so the term ends on {en}.",
            start.day()
        ),
    )
}

fn add_days(day: Date, days: i64) -> Result<Date, TermError> {
    day.checked_add(days.days())
        .map_err(|_| TermError::OutOfRange)
}

fn days_between(from: Date, to: Date) -> i64 {
    // Date::until with the default largest unit (days) cannot fail between valid dates.
    i64::from(
        from.until(to)
            .expect("difference between two dates")
            .get_days(),
    )
}

/// Sorted, overlapping and touching suspensions joined, so no day is counted twice.
fn merged(suspensions: &[Suspension]) -> Vec<Suspension> {
    let mut sorted = suspensions.to_vec();
    sorted.sort_by_key(|s| s.from);
    let mut out: Vec<Suspension> = Vec::new();
    for s in sorted {
        match out.last_mut() {
            Some(last) if s.from <= last.to => last.to = last.to.max(s.to),
            _ => out.push(s),
        }
    }
    out
}

fn is_suspended(day: Date, suspensions: &[Suspension]) -> bool {
    suspensions.iter().any(|s| s.from <= day && day < s.to)
}

/// Days, weeks, months: walk the suspensions in order; each one that begins on or before the
/// running end adds its days (only the part after the start day: the term had not begun yet).
fn extend_by_suspensions(
    start: Date,
    raw_end: Date,
    suspensions: &[Suspension],
) -> Result<(Date, i64), TermError> {
    let first_term_day = add_days(start, 1)?;
    let mut end = raw_end;
    let mut added = 0;
    for s in suspensions {
        let from = s.from.max(first_term_day);
        if s.to <= from || from > end {
            continue;
        }
        let days = days_between(from, s.to);
        end = add_days(end, days)?;
        added += days;
    }
    Ok((end, added))
}

/// Calendar days of suspension between the day after `start` and `end`, both inclusive.
fn suspended_days_within(start: Date, end: Date, suspensions: &[Suspension]) -> i64 {
    let Ok(first_term_day) = add_days(start, 1) else {
        return 0;
    };
    suspensions
        .iter()
        .map(|s| {
            let from = s.from.max(first_term_day);
            let until = s.to.min(end.tomorrow().unwrap_or(end));
            if until > from {
                days_between(from, until)
            } else {
                0
            }
        })
        .sum()
}

/// The `n`-th working day after `start` that is not suspended; `start` itself when n is 0.
fn nth_working_day(start: Date, n: u32, suspensions: &[Suspension]) -> Result<Date, TermError> {
    let mut day = start;
    let mut counted = 0;
    while counted < n {
        day = day.tomorrow().map_err(|_| TermError::OutOfRange)?;
        if is_working_day(day) && !is_suspended(day, suspensions) {
            counted += 1;
        }
    }
    Ok(day)
}

/// `start` + `n` weeks, plus one week for every calendar week (Monday to Sunday) in the term
/// that has no lesson day for `region`. A lesson day is a working day after `start` that is
/// not in a school holiday and not suspended. Returns the end and the number of skipped weeks.
///
/// Whole calendar weeks are used, not 7-day steps from the start, because a one-week holiday
/// (Saturday to the next Sunday) would otherwise never fill a step that starts mid-week, and
/// parents count "the autumn week does not count".
fn school_weeks_end(
    start: Date,
    n: u32,
    region: Region,
    cal: &SchoolCalendar,
    suspensions: &[Suspension],
) -> Result<(Date, u32), TermError> {
    let mut end = add_days(start, 7 * i64::from(n))?;
    let mut skipped = 0;
    let first_term_day = add_days(start, 1)?;
    let days_since_monday = i64::from(first_term_day.weekday().to_monday_zero_offset());
    let mut monday = add_days(first_term_day, -days_since_monday)?;
    while monday <= end {
        let mut has_lessons = false;
        for offset in 0..5 {
            let day = add_days(monday, offset)?;
            // Weekends and public holidays are never lesson days: skip the table lookup for
            // them, it could only add NoData errors for days that do not matter.
            if day > start
                && is_working_day(day)
                && !is_suspended(day, suspensions)
                && cal.holiday_at(day, region)?.is_none()
            {
                has_lessons = true;
                break;
            }
        }
        if !has_lessons {
            end = add_days(end, 7)?;
            skipped += 1;
        }
        monday = add_days(monday, 7)?;
    }
    Ok((end, skipped))
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = match self {
            Unit::Days => "days",
            Unit::Weeks => "weeks",
            Unit::Months => "months",
            Unit::WorkingDays => "working-days",
            Unit::SchoolWeeks => "school-weeks",
        };
        f.write_str(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_rounding_choices() {
        let d = date(2027, 1, 31);
        assert_eq!(
            add_months(d, 1, MonthRounding::EndOfMonth).unwrap(),
            date(2027, 2, 28)
        );
        assert_eq!(
            add_months(d, 1, MonthRounding::NextDay).unwrap(),
            date(2027, 3, 1)
        );
        assert_eq!(
            add_months(date(2028, 1, 31), 1, MonthRounding::EndOfMonth).unwrap(),
            date(2028, 2, 29)
        );
        assert_eq!(
            add_months(date(2027, 11, 15), 3, MonthRounding::NextDay).unwrap(),
            date(2028, 2, 15)
        );
    }

    #[test]
    fn merging_suspensions() {
        let s = |a: Date, b: Date| Suspension { from: a, to: b };
        let m = merged(&[
            s(date(2027, 5, 10), date(2027, 5, 20)),
            s(date(2027, 5, 1), date(2027, 5, 11)),
            s(date(2027, 6, 1), date(2027, 6, 2)),
        ]);
        assert_eq!(
            m,
            vec![
                s(date(2027, 5, 1), date(2027, 5, 20)),
                s(date(2027, 6, 1), date(2027, 6, 2))
            ]
        );
    }
}
