//! The Algemene termijnenwet (Atw): when a term set by law ends on a rest day it runs on to the
//! next day that is not one. Also the plain "werkdag" notion used by working-day terms.
//!
//! What was verified, and where (search of public pages, 2026-11-29):
//! - Atw art. 1 lid 1: "Een in een wet gestelde termijn die op een zaterdag, zondag of algemeen
//!   erkende feestdag eindigt, wordt verlengd tot en met de eerstvolgende dag die niet een
//!   zaterdag, zondag of algemeen erkende feestdag is." (quoted on debloggendedeurwaarder.nl,
//!   "Als mosterd na Pasen: de Algemene termijnenwet nog eens bezien").
//! - Atw art. 3 lid 1 lists Nieuwjaarsdag, tweede Paas- en Pinksterdag, both Kerstdagen,
//!   Hemelvaartsdag, the King's birthday as celebrated, and "de vijfde mei" -- every year, not
//!   only every fifth year (wvhl.nl quotes the article; nl.wikipedia "Algemene termijnenwet").
//! - Goede Vrijdag is made equal **by the law itself** (art. 3 lid 2), not by a decree
//!   (same sources). So it is a rest day every year.
//! - Art. 3 lid 3 lets the government equate further days by decree, usually for three years
//!   at a time. Two decrees were named on sterfgeval.nl (vraag 70745, 4 Oct 2025): "Besluit
//!   gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025"
//!   and "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en
//!   26 mei 2028". Those dates are in [`GELIJKGESTELDE_DAGEN`] (confidence V2: the decree
//!   titles come from a secondary page; the Staatscourant itself was not seen). For years
//!   after [`GELIJKGESTELDE_DAGEN_BEKEND_TOT`] no decree is known yet, so only the days of
//!   art. 3 lid 1-2 apply there.
//!
//! Not modelled: art. 2 (a term of three days or more must contain at least two working days)
//! and art. 4 (the Atw does not apply to some long terms). Content decides per term whether
//! the Atw applies (`termijnenwet = true`).

use std::fmt;

use jiff::civil::{Date, Weekday, date};

use crate::feestdagen::{PublicHoliday, public_holiday};

/// Days made equal to an algemeen erkende feestdag by decree (Atw art. 3 lid 3), see the
/// module documentation for the source.
pub const GELIJKGESTELDE_DAGEN: [Date; 10] = [
    date(2023, 4, 28),
    date(2023, 5, 19),
    date(2024, 5, 10),
    date(2024, 12, 27),
    date(2025, 5, 30),
    date(2026, 1, 2),
    date(2026, 5, 15),
    date(2027, 5, 7),
    date(2028, 4, 28),
    date(2028, 5, 26),
];

/// The last year for which the decree days are known. Later years may get extra rest days
/// that this crate does not know yet.
pub const GELIJKGESTELDE_DAGEN_BEKEND_TOT: i16 = 2028;

/// Why a day is a rest day under the Algemene termijnenwet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RestDayReason {
    Zaterdag,
    Zondag,
    /// A public holiday. Only Atw holidays and the Sundays Eerste Paas-/Pinksterdag occur.
    Feestdag(PublicHoliday),
    /// A day made equal to a feestdag by decree (Atw art. 3 lid 3).
    GelijkgesteldeDag,
}

impl RestDayReason {
    /// The reason in `lang`, to follow "Dat is" / "That is": "een zaterdag", "a Saturday".
    pub fn describe(&self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::Nl => self.to_string(),
            crate::Lang::En => match self {
                RestDayReason::Zaterdag => "a Saturday".to_string(),
                RestDayReason::Zondag => "a Sunday".to_string(),
                RestDayReason::Feestdag(holiday) => holiday.name_in(lang).to_string(),
                RestDayReason::GelijkgesteldeDag => {
                    "a day the government treats as a public holiday".to_string()
                }
            },
        }
    }
}

impl fmt::Display for RestDayReason {
    /// Dutch, to follow "Dat is ...": "een zaterdag", "Tweede Paasdag".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RestDayReason::Zaterdag => f.write_str("een zaterdag"),
            RestDayReason::Zondag => f.write_str("een zondag"),
            RestDayReason::Feestdag(holiday) => f.write_str(holiday.name()),
            RestDayReason::GelijkgesteldeDag => {
                f.write_str("een dag die de regering gelijkstelt aan een feestdag")
            }
        }
    }
}

/// Is `date` a day on which a legal term cannot end (Atw art. 1 and 3)?
///
/// The holiday name wins over the weekday, because "Dat is Koningsdag" tells a parent more than
/// "Dat is een zaterdag". Every [`PublicHoliday`] is an Atw day or a Sunday, so naming it is
/// always correct.
pub fn is_rest_day(date: Date) -> Option<RestDayReason> {
    if let Some(holiday) = public_holiday(date) {
        return Some(RestDayReason::Feestdag(holiday));
    }
    if GELIJKGESTELDE_DAGEN.contains(&date) {
        return Some(RestDayReason::GelijkgesteldeDag);
    }
    match date.weekday() {
        Weekday::Saturday => Some(RestDayReason::Zaterdag),
        Weekday::Sunday => Some(RestDayReason::Zondag),
        _ => None,
    }
}

/// The first day after `date` that is not a rest day: where a term that ends on a rest day
/// runs on to (Atw art. 1 lid 1).
///
/// # Panics
/// Only at the end of jiff's calendar (year 9999).
pub fn next_working_day(date: Date) -> Date {
    let mut day = date.tomorrow().expect("date before 9999-12-31");
    while is_rest_day(day).is_some() {
        day = day.tomorrow().expect("date before 9999-12-31");
    }
    day
}

/// A plain werkdag: Monday to Friday and not a public holiday. Used to count working-day terms.
/// Decree days (gelijkgestelde dagen) are ordinary working days here; they only matter for
/// where a term may end.
pub fn is_working_day(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) && public_holiday(date).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goede_vrijdag_and_5_mei_every_year() {
        assert_eq!(
            is_rest_day(date(2027, 3, 26)),
            Some(RestDayReason::Feestdag(PublicHoliday::GoedeVrijdag))
        );
        // 5 May 2027 is a Wednesday, not a lustrum year.
        assert_eq!(
            is_rest_day(date(2027, 5, 5)),
            Some(RestDayReason::Feestdag(PublicHoliday::Bevrijdingsdag))
        );
    }

    #[test]
    fn decree_days_are_rest_days_and_fridays() {
        for day in GELIJKGESTELDE_DAGEN {
            assert_eq!(day.weekday(), Weekday::Friday, "{day}");
            assert_eq!(is_rest_day(day), Some(RestDayReason::GelijkgesteldeDag));
            assert!(is_working_day(day));
        }
    }

    #[test]
    fn next_working_day_skips_long_weekends() {
        // Thursday 6 May 2027 is Hemelvaartsdag, Friday 7 May a decree day.
        assert_eq!(next_working_day(date(2027, 5, 5)), date(2027, 5, 10));
        // Saturday before Tweede Paasdag 2027.
        assert_eq!(next_working_day(date(2027, 3, 27)), date(2027, 3, 30));
        assert_eq!(next_working_day(date(2027, 3, 29)), date(2027, 3, 30));
    }
}
