//! Reading a date as a Dutch person types it in a form field.
//!
//! People write dates in many ways, and a form that only takes `2026-10-14` refuses most of
//! them. [`parse_typed_date`] takes the ways that are common in the Netherlands, always with
//! the day before the month:
//!
//! - `1-3-2027` and `01-03-2027` (also with `/` or `.`: `1/3/2027`, `1.3.2027`);
//! - a two-digit year, which is 20xx: `1/3/27` is 1 March 2027;
//! - the month in words, full or short, in any case: `1 maart 2027`, `1 mrt 2027`,
//!   `1 Mrt. 27`;
//! - ISO, as the app stores dates and as older forms sent them: `2027-03-01`.
//!
//! Anything else is refused with a [`TypedDateError`] that says what was understood ("3/4"
//! is 3 April without a year, "31-2-2027" is a day February does not have), so that the form
//! can tell the person what to change. The crate has no texts for people; the error carries
//! the numbers and the web app words them.

use jiff::civil::Date;

/// The years a typed date may have. Wider than any case needs, narrow enough to catch a typing
/// error such as `1-3-207`.
pub const TYPED_YEARS: std::ops::RangeInclusive<i16> = 1900..=2100;

/// Why a typed text is not a date, with what was understood of it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TypedDateError {
    #[error("nothing was typed")]
    Empty,
    /// Day and month are clear ("3/4", "3 april"), the year is missing.
    #[error("day {day} of month {month}, but no year")]
    NoYear { day: i8, month: i8 },
    /// Month and year are clear ("maart 2027", "3-2027"), the day is missing.
    #[error("month {month} of {year}, but no day")]
    NoDay { month: i8, year: i16 },
    /// The month has no such day: "31-2-2027", "0-3-2027"; without a year ("30-2") the
    /// year is `None` and the month's days are those of a leap year.
    #[error("month {month} of {year:?} has {days_in_month} days, not a day {day}")]
    NoSuchDay {
        day: u32,
        month: i8,
        year: Option<i16>,
        days_in_month: i8,
    },
    /// The month number is not 1 to 12, often because month and day were swapped
    /// ("10-14-2026").
    #[error("there is no month {month}")]
    NoSuchMonth { month: u32 },
    /// A word where the month goes that is no Dutch month name.
    #[error("{name:?} is not a month")]
    UnknownMonth { name: String },
    /// A year outside [`TYPED_YEARS`] ("1-3-207", "1-3-3027").
    #[error("the year {year} is outside {}-{}", TYPED_YEARS.start(), TYPED_YEARS.end())]
    YearOutOfRange { year: u32 },
    /// None of the ways of writing a date.
    #[error("not a way of writing a date")]
    NotADate,
}

/// The Dutch month names and their usual short forms, lowercase.
const MONTH_NAMES: [(&str, u32); 24] = [
    ("januari", 1),
    ("jan", 1),
    ("februari", 2),
    ("feb", 2),
    ("maart", 3),
    ("mrt", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("juni", 6),
    ("jun", 6),
    ("juli", 7),
    ("jul", 7),
    ("augustus", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Reads a date typed the Dutch way (see the module doc for the ways that are taken).
pub fn parse_typed_date(text: &str) -> Result<Date, TypedDateError> {
    let text = text.trim().to_lowercase();
    if text.is_empty() {
        return Err(TypedDateError::Empty);
    }
    if text.chars().any(char::is_alphabetic) {
        return parse_with_month_name(&text);
    }
    parse_numbers(&text)
}

/// The way forms show a stored date to be typed over: `1-3-2027`, which
/// [`parse_typed_date`] reads back.
pub fn format_typed_date(date: Date) -> String {
    format!("{}-{}-{}", date.day(), date.month(), date.year())
}

/// A date from the numbers a person gave, checked: the month first (a swapped day and month
/// is the usual mistake), then the year, then whether the month has that day.
pub fn checked_date(day: u32, month: u32, year: u32) -> Result<Date, TypedDateError> {
    let month = checked_month(month)?;
    let year = checked_year(year)?;
    let first = Date::new(year, month, 1).expect("month 1-12 and year 1900-2100 exist");
    let days_in_month = first.days_in_month();
    match i8::try_from(day) {
        Ok(d) if (1..=days_in_month).contains(&d) => {
            Ok(Date::new(year, month, d).expect("the day is in the month"))
        }
        _ => Err(TypedDateError::NoSuchDay {
            day,
            month,
            year: Some(year),
            days_in_month,
        }),
    }
}

/// `1-3-2027`, `1/3/27`, `1.3.2027`, `2027-03-01`, and the incomplete `3/4` and `3-2027`.
fn parse_numbers(text: &str) -> Result<Date, TypedDateError> {
    let separator = ['-', '/', '.']
        .into_iter()
        .find(|s| text.contains(*s))
        .ok_or(TypedDateError::NotADate)?;
    let parts: Vec<&str> = text.split(separator).collect();
    // One kind of separator, and only digits between them: "1-3/2027" is refused.
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(TypedDateError::NotADate);
    }
    let number = |p: &str| p.parse::<u32>().map_err(|_| TypedDateError::NotADate);
    match parts.as_slice() {
        // ISO: the year first, with four digits, only with dashes.
        [y, m, d] if y.len() == 4 && separator == '-' && short(m) && short(d) => {
            checked_date(number(d)?, number(m)?, number(y)?)
        }
        [d, m, y] if short(d) && short(m) => checked_date(number(d)?, number(m)?, year(y)?),
        [d, m] if short(d) && short(m) => incomplete_day_month(number(d)?, number(m)?),
        [m, y] if short(m) && y.len() == 4 => Err(TypedDateError::NoDay {
            month: checked_month(number(m)?)?,
            year: checked_year(number(y)?)?,
        }),
        _ => Err(TypedDateError::NotADate),
    }
}

/// `1 maart 2027`, `1 mrt. 27`, and the incomplete `3 april` and `maart 2027`.
fn parse_with_month_name(text: &str) -> Result<Date, TypedDateError> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let number = |p: &str| {
        if short(p) && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse::<u32>().map_err(|_| TypedDateError::NotADate)
        } else {
            Err(TypedDateError::NotADate)
        }
    };
    let is_number = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    match words.as_slice() {
        [d, name, y] if is_number(d) && is_number(y) => {
            checked_date(number(d)?, month_number(name)?, year(y)?)
        }
        [d, name] if is_number(d) => incomplete_day_month(number(d)?, month_number(name)?),
        [name, y] if is_number(y) && y.len() == 4 => Err(TypedDateError::NoDay {
            month: checked_month(month_number(name)?)?,
            year: checked_year(y.parse().map_err(|_| TypedDateError::NotADate)?)?,
        }),
        _ => Err(TypedDateError::NotADate),
    }
}

/// A day and month without a year: refused as [`TypedDateError::NoYear`] when the month has
/// such a day in some year, otherwise as [`TypedDateError::NoSuchDay`] without a year.
fn incomplete_day_month(day: u32, month: u32) -> Result<Date, TypedDateError> {
    // 2028 is a leap year, so 29 February counts as a real day without a year.
    match checked_date(day, month, 2028) {
        Ok(d) => Err(TypedDateError::NoYear {
            day: d.day(),
            month: d.month(),
        }),
        Err(TypedDateError::NoSuchDay {
            day,
            month,
            days_in_month,
            ..
        }) => Err(TypedDateError::NoSuchDay {
            day,
            month,
            year: None,
            days_in_month,
        }),
        Err(e) => Err(e),
    }
}

/// A day or month: one or two digits.
fn short(part: &str) -> bool {
    (1..=2).contains(&part.len())
}

/// A year of four digits, or two digits that mean 20xx.
fn year(part: &str) -> Result<u32, TypedDateError> {
    let n: u32 = part.parse().map_err(|_| TypedDateError::NotADate)?;
    match part.len() {
        2 => Ok(2000 + n),
        4 => Ok(n),
        // "1-3-207" is most likely a typing error: say the year is wrong rather than "no date".
        1 | 3 => Err(TypedDateError::YearOutOfRange { year: n }),
        _ => Err(TypedDateError::NotADate),
    }
}

fn checked_month(month: u32) -> Result<i8, TypedDateError> {
    match i8::try_from(month) {
        Ok(m) if (1..=12).contains(&m) => Ok(m),
        _ => Err(TypedDateError::NoSuchMonth { month }),
    }
}

fn checked_year(year: u32) -> Result<i16, TypedDateError> {
    match i16::try_from(year) {
        Ok(y) if TYPED_YEARS.contains(&y) => Ok(y),
        _ => Err(TypedDateError::YearOutOfRange { year }),
    }
}

fn month_number(word: &str) -> Result<u32, TypedDateError> {
    let bare = word.strip_suffix('.').unwrap_or(word);
    MONTH_NAMES
        .iter()
        .find(|(name, _)| *name == bare)
        .map(|(_, m)| *m)
        .ok_or_else(|| TypedDateError::UnknownMonth {
            name: word.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn ok(text: &str) -> Date {
        parse_typed_date(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
    }

    #[test]
    fn the_dutch_ways_of_writing_a_date() {
        let march_first = date(2027, 3, 1);
        for text in [
            "1-3-2027",
            "01-03-2027",
            " 1-3-2027 ",
            "1/3/2027",
            "1/3/27",
            "1-3-27",
            "1.3.2027",
            "01.03.27",
            "1 maart 2027",
            "1 Maart 2027",
            "1 MAART 2027",
            "1 mrt 2027",
            "1 mrt. 2027",
            "01  maart   2027",
            "1 maart 27",
            "2027-03-01",
            "2027-3-1",
        ] {
            assert_eq!(ok(text), march_first, "{text:?}");
        }
        assert_eq!(ok("14 oktober 2026"), date(2026, 10, 14));
        assert_eq!(ok("29-2-2028"), date(2028, 2, 29));
        assert_eq!(ok("31 dec 2099"), date(2099, 12, 31));
        assert_eq!(ok("1 sept 2027"), date(2027, 9, 1));
    }

    #[test]
    fn the_day_comes_before_the_month() {
        assert_eq!(ok("3/4/2027"), date(2027, 4, 3));
        assert_eq!(
            parse_typed_date("10-14-2026"),
            Err(TypedDateError::NoSuchMonth { month: 14 })
        );
    }

    #[test]
    fn a_day_the_month_does_not_have() {
        assert_eq!(
            parse_typed_date("31-2-2027"),
            Err(TypedDateError::NoSuchDay {
                day: 31,
                month: 2,
                year: Some(2027),
                days_in_month: 28
            })
        );
        assert_eq!(
            parse_typed_date("29 februari 2027"),
            Err(TypedDateError::NoSuchDay {
                day: 29,
                month: 2,
                year: Some(2027),
                days_in_month: 28
            })
        );
        assert!(matches!(
            parse_typed_date("0-3-2027"),
            Err(TypedDateError::NoSuchDay { day: 0, .. })
        ));
        assert!(matches!(
            parse_typed_date("2027-04-31"),
            Err(TypedDateError::NoSuchDay { day: 31, .. })
        ));
    }

    #[test]
    fn incomplete_dates_say_what_is_missing() {
        assert_eq!(
            parse_typed_date("3/4"),
            Err(TypedDateError::NoYear { day: 3, month: 4 })
        );
        assert_eq!(
            parse_typed_date("3 april"),
            Err(TypedDateError::NoYear { day: 3, month: 4 })
        );
        assert_eq!(
            parse_typed_date("29-2"),
            Err(TypedDateError::NoYear { day: 29, month: 2 })
        );
        assert_eq!(
            parse_typed_date("30-2"),
            Err(TypedDateError::NoSuchDay {
                day: 30,
                month: 2,
                year: None,
                days_in_month: 29
            })
        );
        assert_eq!(
            parse_typed_date("maart 2027"),
            Err(TypedDateError::NoDay {
                month: 3,
                year: 2027
            })
        );
        assert_eq!(
            parse_typed_date("3-2027"),
            Err(TypedDateError::NoDay {
                month: 3,
                year: 2027
            })
        );
        assert_eq!(parse_typed_date("  "), Err(TypedDateError::Empty));
    }

    #[test]
    fn words_that_are_no_month() {
        assert_eq!(
            parse_typed_date("1 maat 2027"),
            Err(TypedDateError::UnknownMonth {
                name: "maat".into()
            })
        );
        assert_eq!(
            parse_typed_date("1 march 2027"),
            Err(TypedDateError::UnknownMonth {
                name: "march".into()
            })
        );
    }

    #[test]
    fn years_that_cannot_be_meant() {
        assert_eq!(
            parse_typed_date("1-3-207"),
            Err(TypedDateError::YearOutOfRange { year: 207 })
        );
        assert_eq!(
            parse_typed_date("1-3-3027"),
            Err(TypedDateError::YearOutOfRange { year: 3027 })
        );
        assert_eq!(
            parse_typed_date("1899-12-31"),
            Err(TypedDateError::YearOutOfRange { year: 1899 })
        );
    }

    #[test]
    fn anything_else_is_refused() {
        for text in [
            "gisteren",
            "1 3 2027",
            "1-3/2027",
            "1--3-2027",
            "1-3-2027-",
            "2027/03/01",
            "2027.03.01",
            "001-3-2027",
            "1-003-2027",
            "1-3-02027",
            "maandag 1 maart 2027",
            "1e maart 2027",
            "1 maart 2027 10:00",
            "2027-03-01T10:00",
            "+1-3-2027",
            "１-３-２０２７",
            "1",
            "-",
            "maart",
        ] {
            assert_eq!(
                parse_typed_date(text),
                Err(TypedDateError::NotADate),
                "{text:?}"
            );
        }
    }

    #[test]
    fn forms_show_a_date_the_dutch_way() {
        assert_eq!(format_typed_date(date(2027, 3, 1)), "1-3-2027");
        assert_eq!(format_typed_date(date(2026, 10, 14)), "14-10-2026");
    }

    /// Every way of writing a date this module takes, for one date.
    fn written(d: Date) -> Vec<String> {
        let (day, month, year) = (d.day(), d.month(), d.year());
        let name = crate::month_name_nl(month);
        let mut all = vec![
            format_typed_date(d),
            format!("{day}-{month}-{year}"),
            format!("{day:02}-{month:02}-{year}"),
            format!("{day}/{month}/{year}"),
            format!("{day}.{month}.{year}"),
            format!("{day} {name} {year}"),
            format!("{day} {} {year}", name.to_uppercase()),
            format!("{day} {} {year}", short_name(month)),
            format!("{day} {}. {year}", short_name(month)),
            format!("{year:04}-{month:02}-{day:02}"),
            d.to_string(),
        ];
        if (2000..=2099).contains(&year) {
            let yy = year % 100;
            all.push(format!("{day}/{month}/{yy:02}"));
            all.push(format!("{day}-{month}-{yy:02}"));
            all.push(format!("{day} {name} {yy:02}"));
        }
        all
    }

    fn short_name(month: i8) -> &'static str {
        [
            "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ][usize::try_from(month - 1).unwrap()]
    }

    proptest! {
        #[test]
        fn every_way_of_writing_reads_back(days in 0i32..=73_413) {
            // Day 73,413 after 1900-01-01 is 2100-12-31: the whole of TYPED_YEARS.
            let d = date(1900, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap();
            for text in written(d) {
                prop_assert_eq!(parse_typed_date(&text), Ok(d), "{}", text);
            }
        }

        #[test]
        fn nothing_typed_panics(text in "\\PC{0,20}") {
            let _ = parse_typed_date(&text);
        }
    }
}
