//! Turning the date words of a match into a date: a typed date ("3 november", "3-11-2026")
//! with the year filled in when it is missing, or a school holiday ("sinds de herfstvakantie":
//! the first day after the last such holiday in the region).

use calendar::{HolidayKind, Region, SchoolCalendar, TypedDateError, parse_typed_date};
use jiff::civil::Date;

/// The date meant by `words` (normalised text) on `today`, or `None` when it is unclear: a
/// date in the future, or a holiday whose dates differ per region when the region is unknown.
pub fn resolve(
    words: &str,
    holiday: Option<HolidayKind>,
    today: Date,
    region: Option<Region>,
    calendar: &SchoolCalendar,
) -> Option<Date> {
    let date = match holiday {
        Some(kind) => after_holiday(kind, today, region, calendar)?,
        None => typed(words, today)?,
    };
    (date <= today).then_some(date)
}

/// A typed date; without a year it is the last such day up to today ("sinds 3 november",
/// written in January, is last November).
fn typed(words: &str, today: Date) -> Option<Date> {
    match parse_typed_date(words) {
        Ok(d) => Some(d),
        Err(TypedDateError::NoYear { day, month }) => {
            let this_year = Date::new(today.year(), month, day).ok();
            match this_year {
                Some(d) if d <= today => Some(d),
                _ => Date::new(today.year() - 1, month, day).ok(),
            }
        }
        Err(_) => None,
    }
}

/// The day after the last holiday of `kind` that ended before today. Without a region, only
/// when all regions had it end on the same day: a guess between regions would be a wrong
/// proposal one time in three.
fn after_holiday(
    kind: HolidayKind,
    today: Date,
    region: Option<Region>,
    calendar: &SchoolCalendar,
) -> Option<Date> {
    let last_end = |r: Region| {
        calendar
            .holidays()
            .iter()
            .filter(|h| h.kind == kind && h.region == r && h.end < today)
            .map(|h| h.end)
            .max()
    };
    let end = match region {
        Some(r) => last_end(r)?,
        None => {
            let ends: Vec<Option<Date>> = Region::ALL.iter().map(|r| last_end(*r)).collect();
            let first = ends[0]?;
            if ends.iter().any(|e| *e != Some(first)) {
                return None;
            }
            first
        }
    };
    end.tomorrow().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_date_without_year_is_the_last_one_up_to_today() {
        let today = date(2026, 12, 7);
        assert_eq!(typed("3 november", today), Some(date(2026, 11, 3)));
        assert_eq!(typed("20 december", today), Some(date(2025, 12, 20)));
        assert_eq!(typed("3-11", today), Some(date(2026, 11, 3)));
        assert_eq!(typed("31 februari", today), None);
    }

    #[test]
    fn a_future_date_is_no_proposal() {
        let cal = SchoolCalendar::empty();
        let today = date(2026, 12, 7);
        assert_eq!(resolve("3-1-2027", None, today, None, &cal), None);
        assert_eq!(
            resolve("3-1-2026", None, today, None, &cal),
            Some(date(2026, 1, 3))
        );
    }

    #[test]
    fn no_holiday_table_is_no_date() {
        let cal = SchoolCalendar::empty();
        let today = date(2026, 12, 7);
        assert_eq!(
            resolve(
                "herfstvakantie",
                Some(HolidayKind::Herfst),
                today,
                None,
                &cal
            ),
            None
        );
    }
}
