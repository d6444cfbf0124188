//! Dutch public holidays (feestdagen) for any year, with Easter by the Gregorian computus.
//!
//! The list is the one in Algemene termijnenwet art. 3 lid 1 and 2 (see `termijnenwet.rs`),
//! plus Eerste Paasdag and Eerste Pinksterdag, which parents know as holidays but which are
//! always Sundays. Koningsdag is the King's birthday as celebrated since 2014: 27 April, or
//! 26 April when the 27th is a Sunday. Earlier years had Koninginnedag (30 April); this crate
//! only deals with current and future dates, so it does not model that.

use std::fmt;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday, date};

/// A Dutch public holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PublicHoliday {
    Nieuwjaarsdag,
    GoedeVrijdag,
    EerstePaasdag,
    TweedePaasdag,
    Koningsdag,
    Bevrijdingsdag,
    Hemelvaartsdag,
    EerstePinksterdag,
    TweedePinksterdag,
    EersteKerstdag,
    TweedeKerstdag,
}

impl PublicHoliday {
    /// The Dutch name as parents write it ("Tweede Paasdag").
    pub fn name(self) -> &'static str {
        match self {
            PublicHoliday::Nieuwjaarsdag => "Nieuwjaarsdag",
            PublicHoliday::GoedeVrijdag => "Goede Vrijdag",
            PublicHoliday::EerstePaasdag => "Eerste Paasdag",
            PublicHoliday::TweedePaasdag => "Tweede Paasdag",
            PublicHoliday::Koningsdag => "Koningsdag",
            PublicHoliday::Bevrijdingsdag => "Bevrijdingsdag",
            PublicHoliday::Hemelvaartsdag => "Hemelvaartsdag",
            PublicHoliday::EerstePinksterdag => "Eerste Pinksterdag",
            PublicHoliday::TweedePinksterdag => "Tweede Pinksterdag",
            PublicHoliday::EersteKerstdag => "Eerste Kerstdag",
            PublicHoliday::TweedeKerstdag => "Tweede Kerstdag",
        }
    }
}

impl PublicHoliday {
    /// The name in `lang`: the Dutch name, or the English one ("Easter Monday").
    pub fn name_in(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Nl => self.name(),
            crate::Lang::En => match self {
                PublicHoliday::Nieuwjaarsdag => "New Year's Day",
                PublicHoliday::GoedeVrijdag => "Good Friday",
                PublicHoliday::EerstePaasdag => "Easter Sunday",
                PublicHoliday::TweedePaasdag => "Easter Monday",
                PublicHoliday::Koningsdag => "King's Day",
                PublicHoliday::Bevrijdingsdag => "Liberation Day",
                PublicHoliday::Hemelvaartsdag => "Ascension Day",
                PublicHoliday::EerstePinksterdag => "Whit Sunday",
                PublicHoliday::TweedePinksterdag => "Whit Monday",
                PublicHoliday::EersteKerstdag => "Christmas Day",
                PublicHoliday::TweedeKerstdag => "Boxing Day",
            },
        }
    }
}

impl fmt::Display for PublicHoliday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
///
/// # Panics
/// For years outside jiff's range (-9999..=9999); callers pass years of real dates.
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month is 3 or 4 and day is 1..=31 by construction of the algorithm.
    date(year, month as i8, day as i8)
}

/// All public holidays of `year`, sorted by date. Two holidays can share a date (Hemelvaartsdag
/// fell on 5 May in 2016); both are listed then.
pub fn public_holidays(year: i16) -> Vec<(Date, PublicHoliday)> {
    let easter = easter_sunday(year);
    let from_easter = |days: i32| {
        easter
            .checked_add(days.days())
            .expect("Easter is far from the calendar edges")
    };
    let koningsdag = {
        let birthday = date(year, 4, 27);
        if birthday.weekday() == Weekday::Sunday {
            date(year, 4, 26)
        } else {
            birthday
        }
    };
    let mut list = vec![
        (date(year, 1, 1), PublicHoliday::Nieuwjaarsdag),
        (from_easter(-2), PublicHoliday::GoedeVrijdag),
        (easter, PublicHoliday::EerstePaasdag),
        (from_easter(1), PublicHoliday::TweedePaasdag),
        (koningsdag, PublicHoliday::Koningsdag),
        (date(year, 5, 5), PublicHoliday::Bevrijdingsdag),
        (from_easter(39), PublicHoliday::Hemelvaartsdag),
        (from_easter(49), PublicHoliday::EerstePinksterdag),
        (from_easter(50), PublicHoliday::TweedePinksterdag),
        (date(year, 12, 25), PublicHoliday::EersteKerstdag),
        (date(year, 12, 26), PublicHoliday::TweedeKerstdag),
    ];
    // Stable sort keeps the list order for holidays on the same day.
    list.sort_by_key(|(d, _)| *d);
    list
}

/// The public holiday on `date`, if any. When two fall on one day the first in
/// [`public_holidays`] order is given.
pub fn public_holiday(date: Date) -> Option<PublicHoliday> {
    public_holidays(date.year())
        .into_iter()
        .find(|(d, _)| *d == date)
        .map(|(_, h)| h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_known_years() {
        // Published Easter dates.
        assert_eq!(easter_sunday(2000), date(2000, 4, 23));
        assert_eq!(easter_sunday(2016), date(2016, 3, 27));
        assert_eq!(easter_sunday(2019), date(2019, 4, 21));
        assert_eq!(easter_sunday(2024), date(2024, 3, 31));
        assert_eq!(easter_sunday(2038), date(2038, 4, 25));
    }

    #[test]
    fn shared_day_lists_both() {
        // 2016: Hemelvaartsdag on 5 May.
        let on_5_may: Vec<_> = public_holidays(2016)
            .into_iter()
            .filter(|(d, _)| *d == date(2016, 5, 5))
            .collect();
        assert_eq!(on_5_may.len(), 2);
    }
}
