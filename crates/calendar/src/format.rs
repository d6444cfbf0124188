//! Date formatting for texts that parents read, in Dutch ("vrijdag 9 juli 2027") or English
//! ("Friday 9 July 2027"), and the [`Lang`] a text is written in.

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

/// The language a parent reads Routewijzer in. Dutch is the language of the content and of
/// the bodies a parent writes to; English sits beside it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// The BCP 47 code ("nl", "en"), as in `lang` attributes and `--lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Reads "nl" or "en" (any case).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The English name of a weekday ("Monday").
pub fn weekday_name_en(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// The English name of a month (1-12), "March".
///
/// # Panics
/// When `month` is not in 1..=12; a `jiff` date never gives such a month.
pub fn month_name_en(month: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[usize::try_from(month - 1).expect("month is 1..=12")]
}

/// A date as text in `lang`: "vrijdag 9 juli 2027" or "Friday 9 July 2027" (day before month,
/// as in British English and as Dutch parents read dates).
pub fn format_date(date: Date, lang: Lang) -> String {
    match lang {
        Lang::Nl => format_date_nl(date),
        Lang::En => format!(
            "{} {} {} {}",
            weekday_name_en(date.weekday()),
            date.day(),
            month_name_en(date.month()),
            date.year()
        ),
    }
}

/// A date without weekday in `lang`: "9 juli 2027", "9 July 2027".
pub(crate) fn format_day_month_year(date: Date, lang: Lang) -> String {
    match lang {
        Lang::Nl => format_day_month_year_nl(date),
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            month_name_en(date.month()),
            date.year()
        ),
    }
}

/// The name of a month in `lang`.
pub(crate) fn month_name(month: i8, lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => month_name_nl(month),
        Lang::En => month_name_en(month),
    }
}

/// The Dutch name of a weekday, lowercase ("maandag").
pub fn weekday_name_nl(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "maandag",
        Weekday::Tuesday => "dinsdag",
        Weekday::Wednesday => "woensdag",
        Weekday::Thursday => "donderdag",
        Weekday::Friday => "vrijdag",
        Weekday::Saturday => "zaterdag",
        Weekday::Sunday => "zondag",
    }
}

/// The Dutch name of a month (1-12), lowercase ("maart").
///
/// # Panics
/// When `month` is not in 1..=12; a `jiff` date never gives such a month.
pub fn month_name_nl(month: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    NAMES[usize::try_from(month - 1).expect("month is 1..=12")]
}

/// A date as Dutch text: "vrijdag 9 juli 2027". No leading zero, everything lowercase.
pub fn format_date_nl(date: Date) -> String {
    format!(
        "{} {} {} {}",
        weekday_name_nl(date.weekday()),
        date.day(),
        month_name_nl(date.month()),
        date.year()
    )
}

/// A date without weekday: "9 juli 2027". Used for ranges, where the weekday adds noise.
pub(crate) fn format_day_month_year_nl(date: Date) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name_nl(date.month()),
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn formats_like_a_dutch_letter() {
        assert_eq!(format_date_nl(date(2027, 7, 9)), "vrijdag 9 juli 2027");
        assert_eq!(format_date_nl(date(2027, 3, 1)), "maandag 1 maart 2027");
        assert_eq!(
            format_date_nl(date(2026, 12, 31)),
            "donderdag 31 december 2026"
        );
        assert_eq!(
            format_date_nl(date(2028, 2, 29)),
            "dinsdag 29 februari 2028"
        );
    }

    #[test]
    fn formats_in_english_day_before_month() {
        assert_eq!(
            format_date(date(2027, 7, 9), Lang::En),
            "Friday 9 July 2027"
        );
        assert_eq!(
            format_date(date(2027, 7, 9), Lang::Nl),
            "vrijdag 9 juli 2027"
        );
        assert_eq!(Lang::from_code(" EN "), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }
}
