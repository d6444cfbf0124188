//! Public holidays 2025-2031, written out from the published lists (Easter dates as published;
//! Koningsdag on 26 April when 27 April is a Sunday, as in 2025 and 2031).

use calendar::PublicHoliday::*;
use calendar::{PublicHoliday, easter_sunday, public_holiday, public_holidays};
use jiff::civil::{Date, date};

fn expected(year: i16) -> Vec<(Date, PublicHoliday)> {
    let d = |m, day| date(year, m, day);
    match year {
        2025 => vec![
            (d(1, 1), Nieuwjaarsdag),
            (d(4, 18), GoedeVrijdag),
            (d(4, 20), EerstePaasdag),
            (d(4, 21), TweedePaasdag),
            (d(4, 26), Koningsdag),
            (d(5, 5), Bevrijdingsdag),
            (d(5, 29), Hemelvaartsdag),
            (d(6, 8), EerstePinksterdag),
            (d(6, 9), TweedePinksterdag),
            (d(12, 25), EersteKerstdag),
            (d(12, 26), TweedeKerstdag),
        ],
        2026 => vec![
            (d(1, 1), Nieuwjaarsdag),
            (d(4, 3), GoedeVrijdag),
            (d(4, 5), EerstePaasdag),
            (d(4, 6), TweedePaasdag),
            (d(4, 27), Koningsdag),
            (d(5, 5), Bevrijdingsdag),
            (d(5, 14), Hemelvaartsdag),
            (d(5, 24), EerstePinksterdag),
            (d(5, 25), TweedePinksterdag),
            (d(12, 25), EersteKerstdag),
            (d(12, 26), TweedeKerstdag),
        ],
        2027 => vec![
            (d(1, 1), Nieuwjaarsdag),
            (d(3, 26), GoedeVrijdag),
            (d(3, 28), EerstePaasdag),
            (d(3, 29), TweedePaasdag),
            (d(4, 27), Koningsdag),
            (d(5, 5), Bevrijdingsdag),
            (d(5, 6), Hemelvaartsdag),
            (d(5, 16), EerstePinksterdag),
            (d(5, 17), TweedePinksterdag),
            (d(12, 25), EersteKerstdag),
            (d(12, 26), TweedeKerstdag),
        ],
        2028 => vec![
            (d(1, 1), Nieuwjaarsdag),
            (d(4, 14), GoedeVrijdag),
            (d(4, 16), EerstePaasdag),
            (d(4, 17), TweedePaasdag),
            (d(4, 27), Koningsdag),
            (d(5, 5), Bevrijdingsdag),
            (d(5, 25), Hemelvaartsdag),
            (d(6, 4), EerstePinksterdag),
            (d(6, 5), TweedePinksterdag),
            (d(12, 25), EersteKerstdag),
            (d(12, 26), TweedeKerstdag),
        ],
        2029 => vec![
            (d(1, 1), Nieuwjaarsdag),
            (d(3, 30), GoedeVrijdag),
            (d(4, 1), EerstePaasdag),
            (d(4, 2), TweedePaasdag),
            (d(4, 27), Koningsdag),
            (d(5, 5), Bevrijdingsdag),
            (d(5, 10), Hemelvaartsdag),
            (d(5, 20), EerstePinksterdag),
            (d(5, 21), TweedePinksterdag),
            (d(12, 25), EersteKerstdag),
            (d(12, 26), TweedeKerstdag),
        ],
        2030 => vec![
            (d(1, 1), Nieuwjaarsdag),
            (d(4, 19), GoedeVrijdag),
            (d(4, 21), EerstePaasdag),
            (d(4, 22), TweedePaasdag),
            (d(4, 27), Koningsdag),
            (d(5, 5), Bevrijdingsdag),
            (d(5, 30), Hemelvaartsdag),
            (d(6, 9), EerstePinksterdag),
            (d(6, 10), TweedePinksterdag),
            (d(12, 25), EersteKerstdag),
            (d(12, 26), TweedeKerstdag),
        ],
        _ => unreachable!(),
    }
}

#[test]
fn public_holidays_2025_to_2030() {
    for year in 2025..=2030 {
        assert_eq!(public_holidays(year), expected(year), "year {year}");
    }
}

#[test]
fn easter_2025_to_2030() {
    let published = [
        date(2025, 4, 20),
        date(2026, 4, 5),
        date(2027, 3, 28),
        date(2028, 4, 16),
        date(2029, 4, 1),
        date(2030, 4, 21),
    ];
    for easter in published {
        assert_eq!(easter_sunday(easter.year()), easter);
    }
}

#[test]
fn koningsdag_moves_to_saturday_when_27_april_is_a_sunday() {
    assert_eq!(public_holiday(date(2025, 4, 26)), Some(Koningsdag));
    assert_eq!(public_holiday(date(2025, 4, 27)), None);
    // 27 April 2031 is a Sunday too.
    assert_eq!(public_holiday(date(2031, 4, 26)), Some(Koningsdag));
    // 27 April 2030 is a Saturday: it stays.
    assert_eq!(public_holiday(date(2030, 4, 27)), Some(Koningsdag));
}

#[test]
fn names_are_dutch() {
    assert_eq!(TweedePinksterdag.name(), "Tweede Pinksterdag");
    assert_eq!(GoedeVrijdag.to_string(), "Goede Vrijdag");
    assert_eq!(public_holiday(date(2027, 3, 30)), None);
}
