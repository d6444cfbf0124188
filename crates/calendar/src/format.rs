//! Dutch date formatting for texts that parents read ("vrijdag 9 juli 2027").

use jiff::civil::{Date, Weekday};

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
}
